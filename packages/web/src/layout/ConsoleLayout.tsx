/**
 * The console frame: side navigation (only the areas the user's roles use),
 * a header with the user's name, agency and roles, and the page.
 */
import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Button, Flex, Layout, Menu, Space, Tag, Typography, type MenuProps } from 'antd';
import {
  AuditOutlined,
  CalendarOutlined,
  BankOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  HomeOutlined,
  LogoutOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  UserOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useMe, useSession } from '../auth/session.js';
import { PageErrorBoundary } from './ErrorBoundary.js';
import { BUSINESS_GROUPS, BUSINESS_NAV, NAV_GROUPS, PROFILE_NAV, canSee, navKeyFor, visibleItems, type NavGroup } from './navigation.js';

const ICONS: Record<string, ReactNode> = {
  '/casework': <FolderOpenOutlined />,
  '/records': <VideoCameraOutlined />,
  '/review': <SafetyCertificateOutlined />,
  '/disclosure': <NotificationOutlined />,
  '/supervision': <FileSearchOutlined />,
  '/admin': <SettingOutlined />,
  '/rules': <CalendarOutlined />,
  '/admin/audit': <AuditOutlined />,
  '/profile': <UserOutlined />,
};

type MenuItem = Required<MenuProps>['items'][number];

export function menuItems(roles: Parameters<typeof visibleItems>[1]): MenuItem[] {
  const items: MenuItem[] = [{ key: '/', icon: <HomeOutlined />, label: '首页' }];
  const pushGroup = (group: NavGroup) => {
    const visible = visibleItems(group, roles);
    if (!visible.length) return;
    items.push({
      key: group.key,
      icon: ICONS[group.key],
      label: group.label,
      children: visible.map((i) => ({ key: i.path, label: i.label })),
    });
  };
  BUSINESS_GROUPS.forEach(pushGroup);
  for (const item of BUSINESS_NAV) {
    if (canSee(item, roles)) items.push({ key: item.path, icon: ICONS[item.path], label: item.label });
  }
  NAV_GROUPS.filter((g) => !BUSINESS_GROUPS.includes(g)).forEach(pushGroup);
  items.push({ key: PROFILE_NAV.path, icon: ICONS[PROFILE_NAV.path], label: PROFILE_NAV.label });
  return items;
}

export function ConsoleLayout() {
  const { me, agencyName } = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const selected = navKeyFor(location.pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={220}>
        <div className="sx-brand" title="三项制度执法平台">
          <BankOutlined /> {collapsed ? null : '三项制度执法平台'}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          defaultOpenKeys={NAV_GROUPS.map((g) => g.key)}
          items={menuItems(me.roles)}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', borderBottom: '1px solid #f0f0f0' }}>
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            <Typography.Text strong style={{ fontSize: 16 }}>
              管理控制台
            </Typography.Text>
            <Space size="middle" wrap={false}>
              <span data-testid="header-user">
                <UserOutlined /> {me.displayName}
                {agencyName ? <Typography.Text type="secondary">（{agencyName}）</Typography.Text> : null}
              </span>
              <span>
                {me.roleLabels.map((label) => (
                  <Tag key={label} color="green">
                    {label}
                  </Tag>
                ))}
              </span>
              <Button
                icon={<LogoutOutlined />}
                onClick={() => {
                  void logout().then(() => navigate('/login', { replace: true }));
                }}
              >
                退出
              </Button>
            </Space>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <PageErrorBoundary key={location.pathname}>
            <Outlet />
          </PageErrorBoundary>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#888' }}>三项制度执法平台 · 行政执法公示、执法全过程记录、重大执法决定法制审核</Layout.Footer>
      </Layout>
    </Layout>
  );
}
