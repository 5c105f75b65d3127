/**
 * 送达执行 service and execution: coercion documents (REC-5 · GS-R 34-36;
 * 行政强制法 Art 28, 35, 37, 51, 54), service records (REC-25 · GS-R 37-40)
 * and the closing approval (结案, GS-R 41).
 */
import { ruleRef } from '../../cases/citation.js';
import { SERVICE_METHOD_LABELS } from '../service-methods.js';
import { APPROVAL, ISSUE, PARTY, PARTY_NAME, REMEDIES, bool, choice, date, dateTime, longText, money, optionsOf, text, textList } from '../field-groups.js';
import { builtInKind } from '../kind-spec.js';

const REQ = { required: true } as const;
const GSR34 = ruleRef('GS-R', '34', undefined, '催告当事人履行义务通知书、听取陈述申辩笔录、保全措施决定书、解除保全措施决定书、查封（扣押）清单、强制执行决定书、送达回证、公告');

export const EXECUTION_KINDS = {
  releaseDecision: builtInKind({
    key: 'releaseDecision',
    code: '解封',
    name: '解除查封（扣押）决定书',
    stage: 'serviceExecution',
    actionTypes: ['coercion', 'penalty'],
    finalStatus: 'issued',
    fields: [...PARTY, textList('releasedItems', '解除查封、扣押的场所、设施或者财物', { required: true, minItems: 1 }), longText('reason', '解除理由', REQ), ...ISSUE],
    citations: [GSR34, ruleRef('ACL', '28')],
  }),
  reminderNotice: builtInKind({
    key: 'reminderNotice',
    code: '催',
    name: '催告书',
    stage: 'decision',
    actionTypes: ['coercion', 'penalty'],
    finalStatus: 'issued',
    fields: [
      ...PARTY,
      longText('obligation', '履行义务的内容', REQ),
      text('performanceDeadline', '履行期限', REQ),
      text('performanceManner', '履行方式', REQ),
      bool('statementRightStated', '已告知依法享有的陈述权和申辩权', { required: true, mustBeTrue: true, rule: '行政强制法 Art 35(四)' }),
      ...ISSUE,
    ],
    citations: [GSR34, ruleRef('ACL', '35'), ruleRef('ACL', '54')],
  }),
  enforcementDecision: builtInKind({
    key: 'enforcementDecision',
    code: '强执',
    name: '强制执行决定书',
    stage: 'decision',
    actionTypes: ['coercion'],
    finalStatus: 'issued',
    fields: [...PARTY, longText('reasonAndBasis', '强制执行的理由和依据', REQ), text('method', '强制执行的方式', REQ), text('executionTime', '强制执行的时间', REQ), ...REMEDIES, ...ISSUE],
    citations: [GSR34, ruleRef('ACL', '37')],
  }),
  substituteExecutionDecision: builtInKind({
    key: 'substituteExecutionDecision',
    code: '代履',
    name: '代履行决定书',
    stage: 'decision',
    actionTypes: ['coercion'],
    finalStatus: 'issued',
    fields: [
      ...PARTY,
      longText('reasonAndBasis', '代履行的理由和依据', REQ),
      text('substitute', '代履行人', REQ),
      money('costEstimate', '代履行费用预算（元）', REQ),
      text('executionTime', '代履行的时间', REQ),
      ...ISSUE,
    ],
    citations: [ruleRef('ACL', '51', '第一款（一）')],
  }),
  courtEnforcementApplication: builtInKind({
    key: 'courtEnforcementApplication',
    code: '申执',
    name: '强制执行申请书',
    stage: 'serviceExecution',
    actionTypes: ['coercion', 'penalty'],
    finalStatus: 'issued',
    servedToParty: false,
    fields: [
      ...PARTY_NAME,
      text('decisionNumber', '申请执行的决定书文号', REQ),
      text('court', '受理法院', REQ),
      date('reminderServedOn', '催告书送达日期', { required: true, rule: '行政强制法 Art 54' }),
      date('appliedOn', '申请日期', REQ),
      longText('result', '强制执行结果', { rule: 'GS-R 36' }),
      ...ISSUE,
    ],
    citations: [ruleRef('GS-R', '36'), ruleRef('ACL', '53'), ruleRef('ACL', '54')],
  }),
  serviceReceipt: builtInKind({
    key: 'serviceReceipt',
    code: '送回',
    name: '送达回证',
    stage: 'serviceExecution',
    actionTypes: ['penalty', 'coercion', 'inspection', 'permit', 'confirmation', 'registration'],
    finalStatus: 'signed',
    fields: [
      text('servedDocument', '送达文书名称及文号', REQ),
      text('recipientName', '受送达人', REQ),
      choice('method', '送达方式', optionsOf(SERVICE_METHOD_LABELS), REQ),
      dateTime('servedAt', '送达时间', REQ),
      text('place', '送达地点', REQ),
      textList('serverNames', '送达人', { required: true, minItems: 1 }),
      bool('serverSigned', '送达人已签名或者盖章', { required: true, mustBeTrue: true, rule: 'REC-25 · GS-R 37' }),
      bool('recipientSigned', '受送达人（签收人）已签名或者盖章', { rule: 'REC-25 · GS-R 37' }),
      text('signatoryName', '签收人（非受送达人本人时）', { rule: 'REC-25 · GS-R 37' }),
      text('refusalReason', '拒收理由', { requiredWhen: { field: 'method', equals: 'refusal' }, rule: 'REC-25 · GS-R 38' }),
      text('witnessName', '见证人', { requiredWhen: { field: 'method', equals: 'refusal' }, rule: 'REC-25 · GS-R 38' }),
      bool('witnessSigned', '见证人已签名或者盖章', { requiredWhen: { field: 'method', equals: 'refusal' }, mustBeTrue: true, rule: 'REC-25 · GS-R 38' }),
    ],
    citations: [ruleRef('GS-R', '37'), ruleRef('GS-R', '38'), ruleRef('GS-R', '39')],
  }),
  publicNoticeApproval: builtInKind({
    key: 'publicNoticeApproval',
    code: '公送',
    name: '公告送达审批意见书',
    stage: 'serviceExecution',
    actionTypes: ['penalty', 'coercion', 'inspection', 'permit', 'confirmation', 'registration'],
    finalStatus: 'signed',
    fields: [
      text('servedDocument', '送达文书名称及文号', REQ),
      text('recipientName', '受送达人', REQ),
      textList('failedAttempts', '已采用其他方式均无法送达的情况', { required: true, minItems: 1, rule: 'REC-25 · GS-R 40' }),
      text('noticeMethod', '公告送达的方式和过程', { required: true, rule: 'REC-25 · GS-R 40' }),
      text('medium', '公告载体', { required: true, rule: 'REC-25 · GS-R 40' }),
      ...APPROVAL,
    ],
    citations: [ruleRef('GS-R', '40', undefined, '应制作《公告送达审批意见书》，记录已经采用其他方式均无法送达的情况以及公告送达的方式、过程和载体等内容')],
  }),
  closingApproval: builtInKind({
    key: 'closingApproval',
    code: '结',
    name: '结案审批表',
    stage: 'serviceExecution',
    actionTypes: ['penalty', 'coercion', 'inspection', 'permit', 'confirmation', 'registration'],
    finalStatus: 'signed',
    fields: [
      ...PARTY_NAME,
      longText('caseSummary', '案情摘要', REQ),
      longText('outcome', '处理结果', REQ),
      longText('executionStatus', '执行情况', REQ),
      longText('handlerOpinion', '承办人结案意见', REQ),
      ...APPROVAL,
    ],
    citations: [ruleRef('GS-R', '41'), ruleRef('GS-R', '27'), ruleRef('GS-R', '32')],
  }),
};
