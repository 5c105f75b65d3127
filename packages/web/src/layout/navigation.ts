/**
 * The console's areas and who sees them. Menus only hide what a user cannot
 * use; every API call is authorized again on the server (DESIGN.md §5).
 */
import { ADMIN_ROLES, POLICY, type Action, type Role } from '../domain.js';

export interface NavItem {
  path: string;
  label: string;
  /** Who sees the entry; `business` = anyone holding a non-administrator role. */
  visibleTo: readonly Role[] | 'business' | 'everyone';
  /** Not built yet: shows a "功能建设中" page. */
  placeholder?: boolean;
}

export interface NavGroup {
  key: string;
  label: string;
  items: NavItem[];
}

export const BUSINESS_NAV: NavItem[] = [
  { path: '/supervision', label: '监督', visibleTo: 'business', placeholder: true },
];

/** Roles that read cases and parties (the policy table's `case.read`): none of the three administrators (SYS-5). */
export const CASE_READERS: readonly Role[] = [...new Set(POLICY['case.read'].flatMap((r) => (r.roles === 'any' ? [] : [...r.roles])))];

/** 案件办理 (issue 4): the case list with the case pages below it, and the party registry. */
export const CASES_NAV: NavGroup = {
  key: '/casework',
  label: '案件办理',
  items: [
    { path: '/cases', label: '案件列表', visibleTo: CASE_READERS },
    { path: '/parties', label: '当事人', visibleTo: CASE_READERS },
  ],
};

const rolesOf = (action: Action): Role[] => [...new Set(POLICY[action].flatMap((r) => (r.roles === 'any' ? [] : [...r.roles])))];

/**
 * 执法记录 (issue 5): access requests (REC-20) for the case readers, the
 * body-camera registry (REC-9, REC-23) for the device readers, and the
 * disposal queue (REC-18) for the records keeper and the agency head. The
 * recordings themselves are on each case's media tab.
 */
export const RECORDS_NAV: NavGroup = {
  key: '/records',
  label: '执法记录',
  items: [
    { path: '/records/access', label: '调阅申请', visibleTo: CASE_READERS },
    { path: '/records/devices', label: '执法记录仪', visibleTo: rolesOf('device.read') },
    { path: '/records/disposals', label: '销毁审批', visibleTo: [...new Set([...rolesOf('media.dispose.request'), ...rolesOf('media.dispose.approve')])] },
  ],
};

/** 法制审核 (REV-1..REV-13): the review queue and review pages (same readers as cases), and the catalogue (ex-ante information). */
export const REVIEW_NAV: NavGroup = {
  key: '/review',
  label: '法制审核',
  items: [
    { path: '/review/queue', label: '审核队列', visibleTo: CASE_READERS },
    { path: '/review/catalogue', label: '目录清单', visibleTo: 'business' },
  ],
};

/** Roles that read publications (the policy table's `publication.read`): clerk, approver, agency head, supervisor. */
export const PUBLICATION_READERS: readonly Role[] = rolesOf('publication.read');

/** 执法公示 (PUB-1..PUB-10): the publication queue and pages, and the inbox of the public's corrections and complaints. */
export const DISCLOSURE_NAV: NavGroup = {
  key: '/disclosure',
  label: '执法公示',
  items: [
    { path: '/disclosure/publications', label: '公示管理', visibleTo: PUBLICATION_READERS },
    { path: '/disclosure/requests', label: '更正与投诉', visibleTo: PUBLICATION_READERS },
    { path: '/disclosure/exante', label: '事前公开', visibleTo: rolesOf('exante.read') },
  ],
};

/**
 * 双随机、一公开 and 涉企行政检查 (INS-2, INS-3, NAT-16, NAT-17): the target
 * directory, the inspector pool, plans with their draws, and inspections
 * registered before entry — for whoever reads inspections (the policy
 * table's `inspection.read`); the actions inside follow their own rows.
 */
export const INSPECTIONS_NAV: NavGroup = {
  key: '/inspections',
  label: '双随机检查',
  items: [
    { path: '/inspections/plans', label: '抽查计划', visibleTo: rolesOf('inspection.read') },
    { path: '/inspections/register', label: '检查登记', visibleTo: rolesOf('inspection.read') },
    { path: '/inspections/targets', label: '检查对象名录', visibleTo: rolesOf('inspection.read') },
    { path: '/inspections/inspectors', label: '执法检查人员库', visibleTo: rolesOf('inspection.read') },
  ],
};

export const ADMIN_NAV: NavGroup = {
  key: '/admin',
  label: '系统管理',
  items: [
    { path: '/admin/agencies', label: '机构管理', visibleTo: ['sysAdmin'] },
    { path: '/admin/users', label: '用户管理', visibleTo: ['sysAdmin'] },
    { path: '/admin/roles', label: '角色分配', visibleTo: ['secAdmin'] },
    { path: '/admin/audit', label: '审计日志', visibleTo: ['auditAdmin', 'supervisor'] },
  ],
};

/**
 * The working-day calendar and the regulation profiles (issue 3): public
 * rules every signed-in user may read; adding a year and choosing the
 * agency's profile are the system administrator's (the server checks).
 */
export const RULES_NAV: NavGroup = {
  key: '/rules',
  label: '日历与规则',
  items: [
    { path: '/rules/calendar', label: '节假日日历', visibleTo: 'everyone' },
    { path: '/rules/profiles', label: '规则配置', visibleTo: 'everyone' },
    { path: '/rules/agency', label: '本机关规则', visibleTo: ['sysAdmin'] },
  ],
};

/** Menu groups, in menu order (the business groups come before the single business entries). */
export const BUSINESS_GROUPS: readonly NavGroup[] = [CASES_NAV, RECORDS_NAV, REVIEW_NAV, DISCLOSURE_NAV, INSPECTIONS_NAV];
export const NAV_GROUPS: readonly NavGroup[] = [...BUSINESS_GROUPS, RULES_NAV, ADMIN_NAV];

export const PROFILE_NAV: NavItem = { path: '/profile', label: '个人中心', visibleTo: 'everyone' };

export function isBusinessUser(roles: readonly Role[]): boolean {
  return roles.some((r) => !(ADMIN_ROLES as readonly Role[]).includes(r));
}

export function canSee(item: NavItem, roles: readonly Role[]): boolean {
  if (item.visibleTo === 'everyone') return true;
  if (item.visibleTo === 'business') return isBusinessUser(roles);
  return item.visibleTo.some((r) => roles.includes(r));
}

export function visibleAdminItems(roles: readonly Role[]): NavItem[] {
  return visibleItems(ADMIN_NAV, roles);
}

export function visibleItems(group: NavGroup, roles: readonly Role[]): NavItem[] {
  return group.items.filter((i) => canSee(i, roles));
}

/** The menu entry a path belongs to (a page's own sub-paths select their entry). */
export function navKeyFor(pathname: string): string {
  const path = pathname.replace(/\/$/, '') || '/';
  const all = [...BUSINESS_NAV, ...NAV_GROUPS.flatMap((g) => g.items), PROFILE_NAV].map((i) => i.path);
  return all.filter((p) => path === p || path.startsWith(`${p}/`)).sort((a, b) => b.length - a.length)[0] ?? path;
}


/** Pages below a menu entry that have their own name (the page heading). Add a line for a new detail page. */
export const SUB_PAGE_TITLES: readonly { pattern: RegExp; title: string }[] = [
  { pattern: /^\/cases\/[^/]+\/documents\/[^/]+$/, title: '文书' },
  { pattern: /^\/cases\/[^/]+$/, title: '案件详情' },
  { pattern: /^\/review\/cases\/[^/]+$/, title: '法制审核' },
  { pattern: /^\/disclosure\/publications\/[^/]+$/, title: '公示详情' },
  { pattern: /^\/inspections\/draws\/[^/]+$/, title: '抽取详情' },
];

/**
 * The page's one h1 (issue 15 · accessibility): the home page has its own
 * (我的待办); every other page is named by its sub-page title or menu entry.
 */
export function pageTitle(pathname: string): string | null {
  const path = pathname.replace(/\/$/, '') || '/';
  if (path === '/') return null;
  const sub = SUB_PAGE_TITLES.find((s) => s.pattern.test(path));
  if (sub) return sub.title;
  const key = navKeyFor(path);
  const item = [...BUSINESS_NAV, ...NAV_GROUPS.flatMap((g) => g.items), PROFILE_NAV].find((i) => i.path === key);
  return item?.label ?? '管理控制台';
}
