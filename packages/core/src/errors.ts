/**
 * One error type for the whole platform (DESIGN.md §7). Each code is stable,
 * has a developer message and a Chinese user message; the server maps every
 * code to one HTTP status in `packages/server/src/http/errors.ts` (an
 * exhaustive table, so a new code without a status fails the type check).
 *
 * To add a code: add it to ERROR_MESSAGES with its Chinese text. `{name}`
 * placeholders are filled from `params`.
 */
export const ERROR_MESSAGES = {
  // generic
  'validation.failed': '提交的数据不符合要求：{detail}',
  'not_found': '未找到该对象，或您无权查看。',
  'forbidden': '您无权执行此操作。',
  'conflict': '操作与当前状态冲突：{detail}',
  'internal': '系统内部错误，请稍后再试或联系系统管理员。',
  'rate_limited': '请求过于频繁，请稍后再试。',
  'portal.rate_limited': '访问过于频繁，请 {seconds} 秒后再试。',
  'portal.busy': '公示平台访问人数较多，请稍后再试。',
  // auth
  'auth.required': '请先登录。',
  'auth.invalid_credentials': '用户名或密码错误。',
  'auth.locked': '账号因连续登录失败已被锁定，请于 {until} 后再试。',
  'auth.disabled': '账号已停用，请联系安全管理员。',
  'auth.password_weak': '密码至少 {min} 位，且须包含大写字母、小写字母、数字、符号中的至少 3 类。',
  'auth.password_change_required': '首次登录须先修改初始密码。',
  'auth.password_wrong': '原密码不正确。',
  'auth.session_expired': '登录已超时，请重新登录。',
  // identity (NAT-13)
  'identity.invalid_credit_code': '统一社会信用代码“{value}”无效：{reason}',
  'identity.invalid_id_number': '居民身份证号码“{value}”无效：{reason}',
  // organisation
  'agency.parent_level': '上级机关层级不符：{detail}',
  'agency.duplicate_code': '统一社会信用代码“{value}”已被其他机关使用。',
  'user.duplicate_username': '用户名“{value}”已存在。',
  'user.role_conflict': '角色冲突：{detail}',
  'officer.certificate_invalid': '执法证 {number} 不可用：{reason}',
  // calendar and profiles (NAT-1, NAT-2)
  'calendar.year_missing': '{year} 年的节假日安排尚未录入，无法计算期限。请系统管理员依国务院办公厅通知补录该年度日历。',
  'calendar.year_exists': '{year} 年的日历已存在。',
  'calendar.invalid_year': '{year} 年的日历数据有误：{detail}',
  'calendar.correction_pending': '{year} 年已有一项待审批的日历更正，请先审批或驳回。',
  'calendar.correction_decided': '该项 {year} 年日历更正已处理，或该年度日历已被其他更正修改，请刷新后重试。',
  'calendar.correction_same_person': '日历更正须由另一名系统管理员审批，提出人不能审批自己的更正。',
  'profile.unknown': '未找到规则配置“{profile}”。',
  'profile.rule_undefined': '规则配置“{profile}”未规定“{rule}”的期限。',
  'profile.value_unset': '规则配置“{profile}”未规定“{key}”，须由本机关在配置中设定。',
  // cases and records (issue 4)
  'case.source_invalid': '案件来源不符合要求：{detail}',
  'case.party_invalid': '当事人信息不完整或有误：{detail}',
  'case.handlers_invalid': '承办人员不符合要求：{detail}',
  'case.stage_incomplete': '尚不能进入下一环节，缺少：{missing}',
  'case.archived': '案件已归档，案卷只读。',
  'document.unknown_kind': '未知的文书种类“{kind}”。',
  'document.kind_invalid': '自定义文书种类有误：{detail}',
  'document.fields_invalid': '文书“{kind}”内容不完整或有误：{detail}',
  'document.penalty_decision_incomplete': '行政处罚决定书缺少法定内容（行政处罚法第五十九条）：{missing}',
  'document.signed_immutable': '已签署或签发的文书不能修改，请提出更正。',
  'document.correction_invalid': '不能更正：{reason}',
  'document.status_invalid': '文书状态不能从“{from}”改为“{to}”。',
  'service.proof_incomplete': '送达证明不完整，不能视为已送达：{missing}',
  'numbering.template_invalid': '编号模板有误：{detail}',
  // evidence vault (issue 5): media, AV exceptions, access, devices
  'media.type_unsupported': '不支持的文件类型“{type}”：音像记录仅接受视频、音频和照片。',
  'media.too_large': '文件大小 {size} 字节超过允许的上限 {max} 字节。',
  'media.size_mismatch': '文件大小与申报不符（申报 {declared} 字节，实收 {actual} 字节），文件未保存，请重新上传。',
  'media.hash_mismatch': '文件完整性校验值与申报不符（申报 SHA-256 {declared}，实收 {actual}），文件未保存，请重新上传。',
  'media.upload_invalid': '上传无效：{detail}',
  'media.upload_expired': '该上传超过 {hours} 小时未完成，已过期，已收到的部分已删除，请重新登记上传。',
  'media.metadata_invalid': '音像记录信息不完整或有误：{detail}',
  'media.range_invalid': '请求的字节范围无效（文件共 {size} 字节）。',
  'media.ticket_invalid': '播放或下载凭证无效或已过期，请重新打开。',
  'media.blob_missing': '文件内容缺失或与登记的校验值不符，请联系档案管理员核查。',
  'media.integrity_failed': '音像记录 {recordNumber} 的内容与登记的完整性校验值不符，已停止提供，并已通知档案管理员核查。',
  'media.no_deletion': '音像记录原件不得删除：{detail}',
  'av.exception_invalid': '音像记录例外说明不符合要求：{detail}',
  'av.exception_decided': '该例外说明已审批（{status}），不能重复审批。',
  'access.request_invalid': '查阅申请不符合要求：{detail}',
  'access.decided': '该查阅申请已处理（{status}），不能重复审批。',
  'access.not_approved': '查阅申请尚未批准或已被拒绝。',
  'access.outside_window': '不在批准的查阅期限内（{from} 至 {until}）。',
  'access.out_of_scope': '该文件不在批准的查阅范围内。',
  'access.copy_not_allowed': '未经批准复制，不能下载原始文件。',
  'access.revoked': '该查阅批准已于 {at} 撤销：{reason}',
  'access.revoke_invalid': '不能撤销该查阅批准：{detail}',
  // retention, litigation holds and disposal (REC-18)
  'media.disposed': '音像记录 {recordNumber} 已于 {at} 依批准销毁（{reason}），原文件不再提供。',
  'media.retention_not_passed': '不能销毁：{detail}',
  'media.hold_active': '不能销毁：{detail}',
  'media.hold_invalid': '诉讼保全不符合要求：{detail}',
  'media.hold_released': '该诉讼保全已于 {at} 解除。',
  'media.disposal_invalid': '销毁申请不符合要求：{detail}',
  'media.disposal_pending': '该音像记录已有待审批的销毁申请。',
  'media.disposal_decided': '该销毁申请已处理（{status}），不能重复审批。',
  'media.disposal_same_person': '销毁申请人不能审批本人的申请，须由另一名机关负责人审批。',
  'media.dispose_failed': '存储文件删除失败，销毁未完成，请稍后重试：{detail}',
  'device.invalid': '设备信息有误：{detail}',
  'device.duplicate_serial': '设备编号“{serial}”已登记。',
  'device.unavailable': '设备当前不可用：{detail}',
  // legal review (重大执法决定法制审核, REV-1..REV-13)
  'review.catalogue_invalid': '重大执法决定法制审核目录清单有误：{detail}',
  'review.materials_incomplete': '送审材料不齐全，缺少：{missing}',
  'review.already_open': '本案第{round}轮法制审核尚未结束（{status}），不能重复送审。',
  'review.state_invalid': '{reason}',
  'review.reviewer_ineligible': '不能由{name}审核本案：{reason}',
  'review.no_reviewer': '本机关没有可分配的法制审核人员（已排除本案承办人员和申明回避的人员）。',
  'review.not_assigned': '您不是本案本轮的法制审核人员。',
  'review.pause_reason_invalid': '“{reason}”不是{basis}规定的不计入审核期限的事由；可选：{allowed}',
  'review.extension_invalid': '不能延长审核期限：{detail}（{basis}）',
  'review.decision_invalid': '审核意见不能出具：{detail}',
  'review.override_not_allowed': '{basis}未规定由机关负责人决定不采纳法制审核意见；审核未通过的，承办机构应当补正后重新送审。',
  'review.gate_closed': '不能作出该决定：{reason}（{basis}）',
  // disclosure (执法公示, PUB-1..PUB-10)
  'publication.invalid': '公示信息不符合要求：{detail}',
  'publication.transition_invalid': '{detail}',
  'publication.gate_closed': '不能公示：{detail}',
  'public_request.invalid': '申请内容不完整：{detail}',
  'public_request.transition_invalid': '{detail}',
  // ex-ante disclosure (事前公开, ORG-3..ORG-8)
  'exante.invalid': '事前公开信息格式有误，未保存：{detail}',
  'exante.incomplete': '事前公开信息不完整或有误，不能{action}：{detail}',
  'exante.transition_invalid': '{detail}',
  'exante.same_person': '{detail}',
  'exante.read_only': '“{section}”由系统根据{source}生成，不能在此录入。',
  'exante.external_review_required': '{detail}',
  'exante.gate_closed': '事前公开信息不能公开：{detail}',
  // storage
  'db.locked': '数据目录 {dir} 正被另一进程使用。',
  // requests (issue 14: one error shape in Chinese for every status)
  'request.cross_origin': '拒绝来自其他网站的请求：请在本平台的页面中操作。',
  'request.json_only': '接口只接受 JSON 格式的请求内容（Content-Type: application/json）。',
  'request.too_large': '请求内容过大，超过允许的上限。',
  'request.url_too_long': '请求地址过长。',
  'request.malformed': '请求格式有误：{detail}',
  'request.method_not_allowed': '不支持该请求方法。',
  'request.timeout': '请求超时，请稍后再试。',
  'auth.password_rejected': '该密码不能使用：{reason}',
  // issue 13: the redaction gate
  'disclosure.lift_forbidden': '不能解除隐去：{detail}',
  'disclosure.dismiss_forbidden': '不能排除：{detail}',
  'disclosure.transfer_invalid': '移送记录不符合要求：{detail}',
  // inspections (INS-2, INS-3, NAT-16, NAT-17)
  'inspection.team_too_small': '每个检查组的执法人员不得少于 {min} 人。',
  'inspection.inspectors_insufficient': '检查对象 {target} 可抽取的执法人员不足：需要 {need} 人，排除回避后只有 {have} 人。',
  'inspection.quota_below_ratio': '抽取数量低于本省规定的抽查比例：{detail}',
  'inspection.cap_reached': '该企业本年度已接受 {count} 次行政检查，达到频次上限（{cap} 次）。确需检查的，须属于法定情形并经机关负责人批准。',
  'inspection.cap_exception_invalid': '“{reason}”不属于可以超出频次上限检查的法定情形。',
  'inspection.cap_approval_required': '已达到年度检查频次上限（{cap} 次），须经机关负责人批准后方可检查。',
  'inspection.draw_state': '抽取状态不符：{detail}',
  'inspection.import_failed': '导入文件有 {count} 行错误，未导入任何数据，请下载错误报告修改后重新导入。',
  'inspection.not_registered': '检查尚未登记或状态不符：{detail}',
  'inspection.inspector_recused': '{names} 与检查对象“{target}”有利害关系（已登记回避），不得参加对该企业的检查。',
  // procedure enforced by the server (issue 11)
  'document.stage_refused': '{detail}',
  'document.prerequisites_missing': '作出{kind}前须先完成：{detail}',
  'document.date_invalid': '日期不符合办案顺序：{detail}',
  'penalty.fine_out_of_range': '{detail}',
  'penalty.discretion_reason_required': '{detail}',
  // NAT-3 · 行政处罚法 第六十条; 生态环境行政处罚办法 第五十七条
  'penalty.time_limit_exceeded': '已超过作出行政处罚决定的期限：{detail}',
  'case.extension_refused': '不能延长办案期限：{detail}',
  // NAT-11 · 《环境保护主管部门实施按日连续处罚办法》: each step before the decision, in the 办法's order
  'daily_penalty.link_invalid': '不能关联原处罚案件：{detail}',
  'daily_penalty.original_missing': '不能作出按日连续处罚决定：{detail}',
  'daily_penalty.not_per_day': '不能作出按日连续处罚决定：{detail}',
  'daily_penalty.correction_not_served': '作出按日连续处罚决定前须先完成：{detail}',
  'daily_penalty.no_continuation': '作出按日连续处罚决定前须先完成：{detail}',
  'daily_penalty.reinspection_late': '不能作出按日连续处罚决定：{detail}',
  'daily_penalty.amount_mismatch': '按日连续处罚的罚款数额有误：{detail}',
  // NAT-22, ORG-3: the violation catalogue (and the ex-ante discretion benchmark made from it)
  'violation_catalogue.invalid': '违法行为目录不完整或有误：{detail}',
  'violation_catalogue.personal_info': '违法行为目录将在公示平台公开，不得含有个人信息：{detail}',
  // integrity log witnesses (issue 12; C2SP tlog-cosignature)
  'log.checkpoint_unknown': '本日志没有树大小为 {size} 的已签名检查点，无法副署。',
  'log.cosignature_malformed': '副署签名格式有误（须为“— 见证人名称 base64签名”的签名行）：{detail}',
  'log.witness_unknown': '见证人“{name}”不在本平台配置的见证人名单中（SANXIANG_WITNESS_KEYS），副署未记录。',
  'log.cosignature_invalid': '见证人“{name}”的副署签名验证不通过：{detail}',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export type ErrorParams = Record<string, string | number | boolean | null | undefined | readonly unknown[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** Chinese message for the user, with placeholders filled. */
  readonly userMessage: string;

  constructor(code: ErrorCode, params: ErrorParams = {}, devMessage?: string) {
    const userMessage = formatMessage(ERROR_MESSAGES[code], params);
    super(devMessage ?? `${code}: ${JSON.stringify(params)}`);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.userMessage = userMessage;
  }
}

export function formatMessage(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key];
    if (v === undefined || v === null) return whole;
    return Array.isArray(v) ? v.join('、') : String(v);
  });
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
