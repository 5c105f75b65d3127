/**
 * The console frame: side navigation (only the areas the user's roles use),
 * a header with the 待办 bell, the user's name, agency and roles, and the
 * page. Below the lg breakpoint (phones, 390 px) the menu is a drawer opened
 * from the header and the header keeps only what fits on one line.
 */
import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Badge, Button, Drawer, Flex, Grid, Layout, Menu, Space, Spin, Tag, Typography, type MenuProps } from 'antd';
import {
  BellOutlined,
  MenuOutlined,
  AuditOutlined,
  CalendarOutlined,
  BankOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  HomeOutlined,
  ScheduleOutlined,
  LogoutOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  UserOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useMe, useSession } from '../auth/session.js';
import { fetchUnread, TODO_CHANGED_EVENT } from '../api/todo.js';
import { useTableCardLabels } from './tableCards.js';
import { PageErrorBoundary } from './ErrorBoundary.js';
import { BUSINESS_GROUPS, BUSINESS_NAV, NAV_GROUPS, PROFILE_NAV, canSee, navKeyFor, pageTitle, visibleItems, type NavGroup } from './navigation.js';

const ICONS: Record<string, ReactNode> = {
  '/casework': <FolderOpenOutlined />,
  '/records': <VideoCameraOutlined />,
  '/review': <SafetyCertificateOutlined />,
  '/disclosure': <NotificationOutlined />,
  '/inspections': <ScheduleOutlined />,
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

/** The bell: how many items of my 待办 are new; a link to the list (the home page). */
export function TodoBell() {
  const location = useLocation();
  const [count, setCount] = useState(0);
  const refresh = useCallback(() => {
    fetchUnread()
      .then((r) => setCount(r.count))
      .catch(() => undefined);
  }, []);
  useEffect(refresh, [refresh, location.pathname]);
  useEffect(() => {
    window.addEventListener(TODO_CHANGED_EVENT, refresh);
    const timer = window.setInterval(refresh, 5 * 60_000);
    return () => {
      window.removeEventListener(TODO_CHANGED_EVENT, refresh);
      window.clearInterval(timer);
    };
  }, [refresh]);
  return (
    <Link to="/" aria-label={count ? `待办提醒：${count} 项新事项` : '待办提醒：没有新事项'} data-testid="todo-bell">
      <Badge count={count} size="small" overflowCount={99}>
        <BellOutlined style={{ fontSize: 18, color: 'rgba(0,0,0,0.88)' }} />
      </Badge>
    </Link>
  );
}

export function ConsoleLayout() {
  const { me, agencyName } = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [drawer, setDrawer] = useState(false);
  const screens = Grid.useBreakpoint();
  // Before the first measurement `lg` is undefined: assume a wide screen (the tests' and desktops' case).
  const phone = screens.lg === false;
  const selected = navKeyFor(location.pathname);
  const title = pageTitle(location.pathname);
  const content = useRef<HTMLElement>(null);
  useTableCardLabels(content, phone);
  const signOut = () => {
    void logout().then(() => navigate('/login', { replace: true }));
  };
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selected]}
      defaultOpenKeys={NAV_GROUPS.map((g) => g.key)}
      items={menuItems(me.roles)}
      onClick={({ key }) => {
        setDrawer(false);
        navigate(key);
      }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" width={260} title="三项制度执法平台" styles={{ body: { padding: 0, background: '#001529' } }}>
          <nav aria-label="主菜单">{menu}</nav>
        </Drawer>
      ) : (
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={220}>
          <div className="sx-brand" title="三项制度执法平台">
            <BankOutlined /> {collapsed ? null : '三项制度执法平台'}
          </div>
          <nav aria-label="主菜单">{menu}</nav>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="sx-header" style={{ background: '#fff', padding: phone ? '0 8px' : '0 24px', borderBottom: '1px solid #f0f0f0' }}>
          <Flex justify="space-between" align="center" gap={8} style={{ height: '100%' }}>
            <Space size={8} wrap={false} style={{ minWidth: 0 }}>
              {phone ? <Button type="text" icon={<MenuOutlined />} aria-label="打开菜单" onClick={() => setDrawer(true)} data-testid="menu-button" /> : null}
              <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
                {phone ? '执法平台' : '管理控制台'}
              </Typography.Text>
            </Space>
            <Space size={phone ? 'small' : 'middle'} wrap={false}>
              <TodoBell />
              {phone ? (
                <Link to="/profile" aria-label={`个人中心：${me.displayName}`} data-testid="header-user">
                  <UserOutlined />
                </Link>
              ) : (
                <>
                  <span data-testid="header-user">
                    <UserOutlined /> {me.displayName}
                    {agencyName ? <Typography.Text className="sx-meta">（{agencyName}）</Typography.Text> : null}
                  </span>
                  <span>
                    {me.roleLabels.map((label) => (
                      <Tag key={label} color="green">
                        {label}
                      </Tag>
                    ))}
                  </span>
                </>
              )}
              <Button icon={<LogoutOutlined />} onClick={signOut} aria-label="退出" {...(phone ? { type: 'text' as const } : {})}>
                {phone ? null : '退出'}
              </Button>
            </Space>
          </Flex>
        </Layout.Header>
        <Layout.Content ref={content} className={phone ? 'sx-cards' : undefined} style={{ margin: phone ? 8 : 24, minWidth: 0 }}>
          {title ? (
            <h1 className="sx-page-title" data-testid="page-title">
              {title}
            </h1>
          ) : null}
          <PageErrorBoundary key={location.pathname}>
            <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#595959' }}>三项制度执法平台 · 行政执法公示、执法全过程记录、重大执法决定法制审核</Layout.Footer>
      </Layout>
    </Layout>
  );
}
