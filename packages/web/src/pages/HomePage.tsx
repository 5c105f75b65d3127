/** Start page: who is signed in and the areas their roles use. */
import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMe } from '../auth/session.js';
import { BUSINESS_NAV, NAV_GROUPS, canSee, visibleItems } from '../layout/navigation.js';

export function HomePage() {
  const { me, agencyName } = useMe();
  const areas = [...BUSINESS_NAV.filter((i) => canSee(i, me.roles)), ...NAV_GROUPS.flatMap((g) => visibleItems(g, me.roles))];
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        您好，{me.displayName}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {agencyName ? `${agencyName} · ` : ''}
        {me.roleLabels.join('、') || '尚未分配角色'}
      </Typography.Paragraph>
      {areas.length ? (
        <Row gutter={[16, 16]}>
          {areas.map((a) => (
            <Col key={a.path} xs={24} sm={12} md={8} lg={6}>
              <Link to={a.path}>
                <Card hoverable size="small">
                  <Typography.Text strong>{a.label}</Typography.Text>
                  {a.placeholder ? <Typography.Text type="secondary">（建设中）</Typography.Text> : null}
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      ) : (
        <Typography.Paragraph>您的账号尚未分配业务角色，请联系安全管理员。</Typography.Paragraph>
      )}
    </Card>
  );
}
