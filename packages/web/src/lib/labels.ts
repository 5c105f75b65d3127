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
  // Issue 15: the business areas in the officers' words.
  'calendar.addYear': '录入年度节假日安排',
  'agency.setProfile': '设置本机关规则',
  'agency.documentKinds': '设置本机关文书种类',
  'party.create': '登记当事人',
  'case.create': '立案（新建案件）',
  'case.update': '修改案件信息',
  'case.advance': '推进办案环节',
  'case.file.print': '打印案卷',
  'case.dailyPenalty.link': '关联原处罚案件（按日连续处罚）',
  'case.addHandler': '增加承办人员',
  'case.extendDeadline': '批准延长办案期限',
  'violationCatalogue.save': '确定违法行为目录（裁量基准）新版本',
  'case.export': '导出案卷',
  'document.create': '制作文书',
  'document.saveDraft': '保存文书草稿',
  'document.sign': '签署文书',
  'document.issue': '签发文书',
  'document.correct': '更正文书',
  'document.download': '下载文书',
  'service.record': '登记送达',
  'media.uploadStart': '开始上传音像记录',
  'media.ingest': '收存音像记录',
  'media.duplicate': '重复上传（已有同一文件）',
  'media.uploadRejected': '拒收上传的音像记录',
  'media.view': '查看音像记录',
  'media.download': '下载音像记录',
  'media.hold': '诉讼保全（冻结）',
  'media.hold.release': '解除诉讼保全',
  'media.disposal.request': '申请销毁音像记录',
  'media.disposal.refuse': '不同意销毁',
  'media.dispose': '销毁音像记录',
  'media.integrityAlert': '完整性告警：音像记录内容与校验值不符',
  'avException.create': '登记未录音录像说明',
  'avException.decide': '审批未录音录像说明',
  'access.request': '申请调阅',
  'access.decide': '审批调阅',
  'access.revoke': '撤销调阅授权',
  'log.checkpoint': '签署日志检查点',
};

/** Areas of an action code, for codes without their own label (「案件办理：…」). */
const AUDIT_AREA_LABELS: Record<string, string> = {
  case: '案件办理',
  document: '文书',
  media: '音像记录',
  review: '法制审核',
  publication: '执法公示',
  publicRequest: '公众更正与投诉',
  exante: '事前公开',
  device: '执法记录仪',
  access: '调阅',
  agency: '机关管理',
  user: '用户管理',
  auth: '登录与认证',
};

const AUDIT_VERB_LABELS: Record<string, string> = {
  create: '新建', update: '修改', save: '保存', submit: '送审', assign: '分配审核人员', decide: '作出决定', approve: '批准', return: '退回',
  pause: '中止计时', resume: '恢复计时', extend: '延长期限', recuse: '回避', disagree: '提出不同意见', headDecide: '负责人决定', withdraw: '撤回', withhold: '不予公示',
  publish: '发布', export: '导出', view: '查看', read: '查看', register: '登记', assignDevice: '分配设备', check: '检查', receive: '收到申请', handle: '办理', file: '报送备案',
};

/** Action prefixes offered in the audit filter (the API matches by prefix). */
export const AUDIT_ACTION_GROUPS: { value: string; label: string }[] = [
  { value: 'auth.', label: '登录与认证（全部）' },
  { value: 'agency.', label: '机关管理（全部）' },
  { value: 'user.', label: '用户管理（全部）' },
  { value: 'certificate.', label: '执法证（全部）' },
  { value: 'system.', label: '系统（全部）' },
  { value: 'case.', label: '案件办理（全部）' },
  { value: 'document.', label: '文书（全部）' },
  { value: 'media.', label: '音像记录（全部）' },
  { value: 'review.', label: '法制审核（全部）' },
  { value: 'publication.', label: '执法公示（全部）' },
];

export function auditActionLabel(code: string): string {
  const exact = AUDIT_ACTION_LABELS[code];
  if (exact) return exact;
  const [area, ...rest] = code.split('.');
  const areaLabel = area ? AUDIT_AREA_LABELS[area] : undefined;
  if (!areaLabel) return '其他操作';
  const verb = rest.at(-1);
  return `${areaLabel}：${(verb && AUDIT_VERB_LABELS[verb]) || '其他操作'}`;
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
  case: '案件',
  document: '文书',
  media: '音像记录',
  mediaHold: '诉讼保全',
  mediaDisposal: '音像记录销毁',
  accessRequest: '查阅申请',
  device: '执法记录仪',
  party: '当事人',
  review: '法制审核',
  reviewCatalogue: '法制审核目录',
  violationCatalogue: '违法行为与裁量基准目录',
  publication: '公示信息',
  publicRequest: '公众申请',
  exante: '事前公示',
  calendarYear: '节假日安排',
  inspection: '行政检查',
  inspectionPlan: '抽查计划',
  inspectionDraw: '抽查摇号',
  inspectionTarget: '检查对象',
};

export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  valid: '有效',
  suspended: '暂扣',
  revoked: '吊销',
};
