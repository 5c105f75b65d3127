/** 个人中心: one's own account (GET /users/:id — everyone may read their own) and password change. */
import { useEffect, useState } from 'react';
import { Alert, App, Card, Col, Descriptions, Row, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, errorMessage } from '../api/client.js';
import type { User } from '../api/types.js';
import { useMe } from '../auth/session.js';
import { PasswordForm } from '../components/PasswordForm.js';
import { CertificateSummary, RoleTags } from '../components/UserBits.js';

export function ProfilePage() {
  const { me } = useMe();
  const { message } = App.useApp();
  const [user, setUser] = useState<User | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .get<{ user: User }>(`/users/${encodeURIComponent(me.id)}`)
      .then(({ user }) => setUser(user))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [me.id]);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card title="个人信息">
          {error ? <Alert type="error" showIcon title={error} /> : null}
          {!user && !error ? <Spin /> : null}
          {user ? (
            <Descriptions
              column={1}
              bordered
              size="small"
              items={[
                { key: 'username', label: '用户名', children: user.username },
                { key: 'displayName', label: '姓名', children: user.displayName },
                { key: 'agency', label: '所属机关', children: user.agencyName },
                { key: 'post', label: '岗位', children: user.post || '—' },
                { key: 'phone', label: '电话', children: user.phone || '—' },
                { key: 'roles', label: '角色', children: <RoleTags roles={user.roles} /> },
                { key: 'certs', label: '执法证', children: <CertificateSummary certs={user.certificates} /> },
                { key: 'lastLogin', label: '最近登录', children: user.lastLoginAt ? dayjs(user.lastLoginAt).format('YYYY-MM-DD HH:mm:ss') : '—' },
              ]}
            />
          ) : null}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title="修改密码">
          <Typography.Paragraph type="secondary">为保障账号安全，请定期修改密码，不要与他人共用账号。</Typography.Paragraph>
          <PasswordForm onChanged={() => void message.success('密码已修改')} />
        </Card>
      </Col>
    </Row>
  );
}
