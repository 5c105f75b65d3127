/** Small pieces shared by the user and role pages. */
import { Space, Tag, Tooltip, Typography } from 'antd';
import { ROLE_LABELS } from '../domain.js';
import type { Certificate, User } from '../api/types.js';
import { CERTIFICATE_STATUS_LABELS } from '../lib/labels.js';

export function RoleTags({ roles }: { roles: User['roles'] }) {
  if (roles.length === 0) return <Typography.Text type="secondary">未分配</Typography.Text>;
  return (
    <Space size={[0, 4]} wrap>
      {roles.map((r) => (
        <Tag key={r} color="blue">
          {ROLE_LABELS[r]}
        </Tag>
      ))}
    </Space>
  );
}

export function UserStatusTags({ user }: { user: User }) {
  const tags = [];
  if (user.disabled) tags.push(<Tag key="disabled" color="default">已停用</Tag>);
  if (user.locked)
    tags.push(
      <Tooltip key="locked" title={user.lockedUntil ? `锁定至 ${new Date(user.lockedUntil).toLocaleString('zh-CN')}` : undefined}>
        <Tag color="red">已锁定</Tag>
      </Tooltip>,
    );
  if (user.mustChangePassword) tags.push(<Tag key="pw" color="orange">待修改初始密码</Tag>);
  if (tags.length === 0) tags.push(<Tag key="ok" color="green">正常</Tag>);
  return <Space size={[0, 4]} wrap>{tags}</Space>;
}

/** One certificate in a line: number, and in red what makes it unusable (expired, suspended...). */
export function CertificateLine({ cert }: { cert: Certificate }) {
  return (
    <div style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type={cert.usable ? undefined : 'danger'} style={{ fontFamily: 'monospace' }}>
        {cert.number}
      </Typography.Text>{' '}
      {cert.usable ? (
        <Typography.Text type="secondary">至 {cert.validTo}</Typography.Text>
      ) : (
        <Typography.Text type="danger" strong>
          {cert.problem ?? CERTIFICATE_STATUS_LABELS[cert.status]}
        </Typography.Text>
      )}
    </div>
  );
}

export function CertificateSummary({ certs }: { certs: Certificate[] }) {
  if (certs.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <>
      {certs.map((c) => (
        <CertificateLine key={c.id} cert={c} />
      ))}
    </>
  );
}
