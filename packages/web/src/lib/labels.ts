/** Chinese labels for codes the API returns. Roles and agency levels come from @sanxiang/core. */
import type { AuditOutcome, CertificateStatus } from '../api/types.js';

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出',
  'auth.lockout': '账号锁定',
  'agency.create': '新建机关',
  'agency.update': '修改机关信息',
  'user.create': '新建用户',
  'user.update': '修改用户信息',
  'user.assignRoles': '分配角色',
  'user.unlock': '解锁账号',
  'user.resetPassword': '重置密码',
  'user.changePassword': '修改本人密码',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'certificate.add': '登记执法证',
  'certificate.status': '变更执法证状态',
  'system.seedDemo': '初始化演示数据',
};

/** Action prefixes offered in the audit filter (the API matches by prefix). */
export const AUDIT_ACTION_GROUPS: { value: string; label: string }[] = [
  { value: 'auth.', label: '登录与认证（全部）' },
  { value: 'agency.', label: '机关管理（全部）' },
  { value: 'user.', label: '用户管理（全部）' },
  { value: 'certificate.', label: '执法证（全部）' },
  { value: 'system.', label: '系统（全部）' },
];

export function auditActionLabel(code: string): string {
  return AUDIT_ACTION_LABELS[code] ?? code;
}

export const AUDIT_OUTCOME_LABELS: Record<AuditOutcome, { label: string; color: string }> = {
  ok: { label: '成功', color: 'success' },
  denied: { label: '拒绝', color: 'warning' },
  failed: { label: '失败', color: 'error' },
};

export const OBJECT_TYPE_LABELS: Record<string, string> = {
  agency: '机关',
  user: '用户',
  system: '系统',
};

export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  valid: '有效',
  suspended: '暂扣',
  revoked: '吊销',
};
