/**
 * 启动 initiation documents (REC-3 · GS-R 7): ex officio — case source and
 * filing; on application — application, supplement, acceptance (GS-R 15, 16).
 */
import { CASE_SOURCE_LABELS } from '../../cases/action-types.js';
import { ruleRef } from '../../cases/citation.js';
import { CASE_MEASURES, CASE_MEASURE_KEYS } from '../../cases/measures.js';
import { MEASURE_LABELS } from '../../profiles/vocabulary.js';
import { APPROVAL, ISSUE, REMEDIES, bool, choice, choiceList, date, longText, optionsOf, text, textList } from '../field-groups.js';
import { builtInKind } from '../kind-spec.js';

const REQ = { required: true } as const;
const APPLICATION_TYPES = ['permit', 'confirmation', 'registration'] as const;
const GSR7_1 = ruleRef('GS-R', '7', '第一款', '依职权启动执法程序的，案件来源和立案情况应当进行文字记录。');
const GSR7_2 = ruleRef('GS-R', '7', '第二款', '依申请启动执法程序的，申请、补正、受理的情况应当进行文字记录。');
const GSR16 = ruleRef('GS-R', '16', undefined, '制作或者送达受理、不予受理、补正通知、准予许可、不予许可、送达回证等文书');

const SOURCE_OPTIONS = optionsOf(Object.fromEntries(Object.entries(CASE_SOURCE_LABELS).filter(([k]) => k !== 'application')));
const COERCIVE_OPTIONS = CASE_MEASURE_KEYS.filter((m) => CASE_MEASURES[m].category === 'coerciveMeasure' || CASE_MEASURES[m].category === 'enforcement').map(
  (m) => ({ value: m, label: MEASURE_LABELS[m] }),
);

export const INITIATION_KINDS = {
  sourceRecord: builtInKind({
    key: 'sourceRecord',
    code: '源',
    name: '案件来源登记表',
    stage: 'initiation',
    actionTypes: ['penalty', 'coercion', 'inspection'],
    finalStatus: 'signed',
    fields: [
      choice('source', '案件来源', SOURCE_OPTIONS, { required: true, rule: 'REC-3 · GS-R 7' }),
      longText('sourceDetail', '来源情况（线索、投诉举报内容、抽查任务等）', REQ),
      date('receivedOn', '登记日期', REQ),
      text('target', '涉及单位或者个人', REQ),
      text('registeredBy', '登记人', REQ),
    ],
    citations: [GSR7_1],
  }),
  filingApproval: builtInKind({
    key: 'filingApproval',
    code: '立',
    name: '立案审批表',
    stage: 'initiation',
    actionTypes: ['penalty'],
    finalStatus: 'signed',
    fields: [
      choice('source', '案件来源', SOURCE_OPTIONS, { required: true, rule: 'REC-3 · GS-R 7' }),
      text('partyName', '当事人姓名或者名称', REQ),
      longText('caseSummary', '案情摘要', REQ),
      text('suspectedViolation', '涉嫌违法行为', REQ),
      textList('handlers', '承办人员', { required: true, minItems: 2, rule: 'ORG-2 · 行政处罚法 Art 42' }),
      longText('handlerOpinion', '承办人意见', REQ),
      ...APPROVAL,
    ],
    citations: [GSR7_1, ruleRef('EPPM', '18')],
  }),
  coercionApproval: builtInKind({
    key: 'coercionApproval',
    code: '强审',
    name: '行政强制审批表',
    stage: 'initiation',
    actionTypes: ['coercion', 'penalty'],
    finalStatus: 'signed',
    fields: [
      choiceList('measures', '拟采取的强制措施', COERCIVE_OPTIONS, { required: true, minItems: 1 }),
      text('partyName', '当事人姓名或者名称', REQ),
      longText('reason', '事由', REQ),
      text('legalBasis', '法律依据', REQ),
      bool('emergency', '情况紧急、当场实施后补办批准'),
      ...APPROVAL,
    ],
    citations: [ruleRef('GS-R', '32', undefined, '行政强制的内部审批的全过程记录采用文字记录的方式进行'), ruleRef('ACL', '18', '（一）'), ruleRef('ACL', '19')],
  }),
  application: builtInKind({
    key: 'application',
    code: '申',
    name: '申请书及申请材料',
    stage: 'initiation',
    actionTypes: APPLICATION_TYPES,
    finalStatus: 'signed',
    fields: [
      text('partyName', '申请人', REQ),
      text('applicationItem', '申请事项', REQ),
      date('receivedOn', '收件日期', REQ),
      textList('materials', '申请材料清单', { required: true, minItems: 1 }),
      bool('copiesVerified', '复印件已与原件核对一致', { required: true, mustBeTrue: true, rule: 'REC-5 · GS-R 4(三)' }),
      text('receivedBy', '收件人', REQ),
    ],
    citations: [GSR7_2, GSR16, ruleRef('GS-R', '4', '（三）')],
  }),
  supplementNotice: builtInKind({
    key: 'supplementNotice',
    code: '补',
    name: '补正材料通知书',
    stage: 'initiation',
    actionTypes: APPLICATION_TYPES,
    finalStatus: 'issued',
    fields: [text('partyName', '申请人', REQ), text('applicationItem', '申请事项', REQ), textList('missingMaterials', '需要补正的材料', { required: true, minItems: 1 }), ...ISSUE],
    citations: [GSR7_2, GSR16],
  }),
  acceptanceNotice: builtInKind({
    key: 'acceptanceNotice',
    code: '受',
    name: '受理通知书',
    stage: 'initiation',
    actionTypes: APPLICATION_TYPES,
    finalStatus: 'issued',
    fields: [text('partyName', '申请人', REQ), text('applicationItem', '申请事项', REQ), date('acceptedOn', '受理日期', REQ), ...ISSUE],
    citations: [GSR7_2, GSR16],
  }),
  nonAcceptanceDecision: builtInKind({
    key: 'nonAcceptanceDecision',
    code: '不受',
    name: '不予受理决定书',
    stage: 'initiation',
    actionTypes: APPLICATION_TYPES,
    finalStatus: 'issued',
    fields: [text('partyName', '申请人', REQ), text('applicationItem', '申请事项', REQ), longText('reason', '不予受理的理由', REQ), ...REMEDIES, ...ISSUE],
    citations: [GSR7_2, GSR16],
  }),
};
