/**
 * An audit event's detail in words (issue 15 item 4; SYS-5): each fact by its
 * Chinese name, changes as 「由 A 改为 B」, yes/no for flags, roles by their
 * names; the ids the object column already shows by number are left out.
 */
import { ROLE_LABELS, type Role } from '../domain.js';

const KEY_LABELS: Record<string, string> = {
  reason: '理由',
  comment: '意见',
  kindName: '文书',
  recordNumber: '编号',
  version: '版本',
  supersedes: '更正前版本',
  reissueRequired: '须重新送达',
  approved: '批准',
  requesterName: '申请人',
  requesterKind: '申请人类别',
  requesterOrg: '申请机关',
  wantsCopy: '申请复制',
  copyAllowed: '准予复制',
  from: '自',
  to: '至',
  until: '至',
  validFrom: '有效期自',
  validUntil: '有效期至',
  size: '大小（字节）',
  title: '标题',
  source: '来源',
  serial: '序列号',
  removeBy: '撤下日期',
  publishBy: '应公示日期',
  withdrawBy: '应撤回日期',
  username: '用户名',
  name: '名称',
  basis: '依据',
  late: '逾期',
  code: '代码',
  item: '事项',
  holidays: '节假日',
  viewer: '查看人',
  requestedBy: '申请人',
  leafIndex: '完整性日志序号',
  leaf: '完整性日志序号',
  stage: '环节',
  from_stage: '原环节',
  amount: '数额',
  days: '天数',
  note: '说明',
  result: '结果',
  decision: '决定',
  hashedWhileReceiving: '接收时计算哈希',
  sha256: 'SHA-256',
  earliestDisposal: '最早可销毁日期',
  bytesDeleted: '已删除字节数',
  bytesNote: '说明',
  fields: '字段',
  records: '记录数',
  creditCode: '统一社会信用代码',
  documents: '文书数',
  major: '重大执法决定',
  round: '审核轮次',
  matched: '适用情形',
  materials: '送审材料',
  docNumber: '文号',
  contentHash: '内容哈希',
  actionType: '执法类别',
  caseNumber: '案号',
  cap: '上限',
  count: '数量',
  drawn: '抽取数',
  seedHash: '随机种子哈希',
  method: '方式',
  servedOn: '送达日期',
  due: '期限',
  grounds: '理由项',
  outcome: '结果',
  clockStatus: '期限状态',
  outcomeLabel: '审核意见',
  previous: '原审核人',
  reviewerName: '审核人',
  originalCaseNumber: '原处罚案件',
  filename: '文件名',
  section: '栏目',
  changedOn: '变更日期',
  problems: '问题数',
  suspects: '疑似个人信息数',
  functional: '功能正常',
  freeStorageMb: '剩余存储（MB）',
  batteryPercent: '电量（%）',
  clockOffsetSeconds: '时钟偏差（秒）',
  brand: '品牌',
  model: '型号',
  agencies: '机关数',
  decisionRecords: '决定记录',
};

/** Field names of users and agencies, for 「修改了：…」. */
const FIELD_LABELS: Record<string, string> = {
  displayName: '姓名',
  post: '职务',
  phone: '电话',
  disabled: '停用',
  name: '名称',
  shortName: '简称',
  address: '地址',
  postcode: '邮编',
  email: '电子邮箱',
  website: '网站',
  jurisdiction: '管辖区域',
  enforcementArea: '执法领域',
  complaintChannel: '投诉渠道',
  profileId: '规则配置',
  sortOrder: '排序',
  numberCode: '文号代字',
};

/** Sign-in refusals recorded by code. */
const REASON_CODES: Record<string, string> = {
  bad_password: '密码错误',
  unknown_user: '用户名不存在',
  locked: '账号已锁定',
  disabled: '账号已停用',
};

/** Ids (the object column shows the case, document and media by number) and keys of no use to a reader. */
const HIDDEN = new Set(['kind', 'handlers']);
const isIdKey = (k: string) => /Ids?$/.test(k);

function value(v: unknown, roles: boolean): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.length ? v.map((x) => value(x, roles)).join('、') : '（无）';
  if (typeof v === 'string') return roles && v in ROLE_LABELS ? ROLE_LABELS[v as Role] : v;
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

export function auditDetailLines(action: string, detail: Record<string, unknown> | null | undefined): string[] {
  if (!detail) return [];
  const roles = action.includes('Roles') || action.includes('role');
  const lines: string[] = [];
  const plain = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const fieldName = (k: string) => FIELD_LABELS[k] ?? KEY_LABELS[k] ?? k;
  if (('before' in detail || 'after' in detail) && !plain(detail.before) && !plain(detail.after)) lines.push(`由 ${value(detail.before, roles)} 改为 ${value(detail.after, roles)}`);
  if (Array.isArray(detail.changed)) lines.push(`修改了：${detail.changed.map((k) => fieldName(String(k))).join('、')}`);
  else if (plain(detail.before) || plain(detail.after)) {
    // A record's parts before and after: name the parts that changed (the full values stay in the stored event).
    const b = (detail.before ?? {}) as Record<string, unknown>;
    const a = (detail.after ?? {}) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
    if (keys.length) lines.push(`修改了：${keys.map(fieldName).join('、')}`);
  }
  for (const [k, v] of Object.entries(detail)) {
    if (HIDDEN.has(k) || isIdKey(k) || k === 'before' || k === 'after' || k === 'changed') continue;
    const shown = k === 'reason' && typeof v === 'string' && v in REASON_CODES ? REASON_CODES[v]! : value(v, roles);
    lines.push(`${KEY_LABELS[k] ?? k}：${shown}`);
  }
  return lines;
}
