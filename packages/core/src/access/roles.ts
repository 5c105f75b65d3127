/**
 * Roles of the platform's users. A user holds one or more roles in one agency.
 *
 * The three administrators (等保 三员, SYS-5) are separate people: no user holds
 * two of them, and none of them is combined with a role that reads case
 * content, so that none of them reads case content by virtue of that role.
 */
export const ROLES = [
  'officer', // 执法人员
  'unitHead', // 承办机构负责人
  'legalReviewer', // 法制审核人员
  'agencyHead', // 机关负责人
  'disclosureClerk', // 公示录入员
  'disclosureApprover', // 公示审核员
  'recordsKeeper', // 档案与执法记录仪管理员
  'supervisor', // 上级监督人员
  'sysAdmin', // 系统管理员
  'secAdmin', // 安全管理员
  'auditAdmin', // 审计管理员
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  officer: '执法人员',
  unitHead: '承办机构负责人',
  legalReviewer: '法制审核人员',
  agencyHead: '机关负责人',
  disclosureClerk: '公示录入员',
  disclosureApprover: '公示审核员',
  recordsKeeper: '档案与设备管理员',
  supervisor: '上级监督人员',
  sysAdmin: '系统管理员',
  secAdmin: '安全管理员',
  auditAdmin: '审计管理员',
};

/** 三员: system, security and audit administrators (SYS-5 · GB/T 22239-2019). */
export const ADMIN_ROLES = ['sysAdmin', 'secAdmin', 'auditAdmin'] as const satisfies readonly Role[];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Checks a set of roles for separation of duties (SYS-5): at most one of the
 * three administrator roles, and never an administrator role together with a
 * business role. Returns the reason in Chinese, or null when the set is fine.
 */
export function roleConflict(roles: readonly Role[]): string | null {
  const admins = roles.filter((r) => (ADMIN_ROLES as readonly Role[]).includes(r));
  if (admins.length > 1) {
    return `系统管理员、安全管理员、审计管理员须由不同人员担任（${admins.map((r) => ROLE_LABELS[r]).join('、')}）`;
  }
  if (admins.length === 1 && roles.length > 1) {
    return `${ROLE_LABELS[admins[0]!]}不得兼任业务角色`;
  }
  return null;
}
