/** Hand-written case answers (shaped as the server presents them), small enough to read. */
import type { CaseMeta, CaseView, DocumentVersionEntry, DocumentView, Officer } from '../api/cases.js';
import type { DocumentKindSpec, FieldSpec } from '../domain.js';

const SOURCE_RECORD: DocumentKindSpec = {
  key: 'sourceRecord',
  code: '源',
  name: '案件来源登记表',
  stage: 'initiation',
  actionTypes: ['penalty', 'coercion', 'inspection'],
  finalStatus: 'signed',
  servedToParty: false,
  checks: [],
  citations: [],
  builtIn: true,
  fields: [
    {
      key: 'source',
      label: '案件来源',
      type: 'choice',
      required: true,
      rule: 'REC-3 · GS-R 7',
      options: [
        { value: 'exOfficio', label: '依职权发现（日常巡查、监测等）' },
        { value: 'randomInspection', label: '“双随机”抽查' },
      ],
    },
    { key: 'sourceDetail', label: '来源情况', type: 'longText', required: true },
    { key: 'receivedOn', label: '登记日期', type: 'date', required: true },
    { key: 'target', label: '涉及单位或者个人', type: 'text', required: true },
    { key: 'registeredBy', label: '登记人', type: 'text', required: true },
  ],
};

/** A short on-site record: officers and certificates (lists), confirmations, and the signature group with its witness condition. */
export const INSPECTION_FIELDS: FieldSpec[] = [
  { key: 'partyName', label: '当事人姓名或者名称', type: 'text', required: true },
  { key: 'startAt', label: '开始时间', type: 'dateTime', required: true },
  { key: 'officerNames', label: '执法人员', type: 'textList', required: true, minItems: 2, rule: 'REC-5 · GS-R 4(二)' },
  { key: 'certificateNumbers', label: '出示的执法证号', type: 'textList', required: true, minItems: 2, rule: 'DUR-1 · GS-R 22(六)' },
  { key: 'certificateShown', label: '已出示执法证件、表明身份', type: 'boolean', required: true, mustBeTrue: true, rule: 'DUR-1 · SX25-P 12' },
  { key: 'findings', label: '检查情况', type: 'longText', required: true, hint: '写明检查的部位、设施运行和发现的问题' },
  { key: 'avRecordRefs', label: '相关音像记录编号', type: 'textList', rule: 'REC-26 · SX25-R 10' },
  { key: 'partySigned', label: '当事人（被询问人）已签名确认', type: 'boolean', rule: 'REC-5 · GS-R 4(二)' },
  { key: 'partyRefused', label: '当事人拒绝签名', type: 'boolean', rule: 'REC-5' },
  { key: 'witnessName', label: '见证人姓名', type: 'text', requiredWhen: { field: 'partyRefused', equals: true }, rule: 'REC-5' },
];

const INSPECTION_RECORD: DocumentKindSpec = {
  key: 'inspectionRecord',
  code: '检录',
  name: '现场检查笔录',
  stage: 'investigation',
  actionTypes: ['penalty', 'coercion', 'inspection'],
  finalStatus: 'signed',
  servedToParty: false,
  checks: ['signatures', 'certificates'],
  citations: [],
  builtIn: true,
  fields: INSPECTION_FIELDS,
};

const PENALTY_NOTICE: DocumentKindSpec = {
  key: 'penaltyNotice',
  code: '告',
  name: '行政处罚事先告知书',
  stage: 'decision',
  actionTypes: ['penalty'],
  finalStatus: 'issued',
  servedToParty: true,
  checks: [],
  citations: [],
  builtIn: true,
  fields: [
    { key: 'partyName', label: '当事人姓名或者名称', type: 'text', required: true },
    { key: 'documentNumber', label: '文号', type: 'text', required: 'onIssue' },
    { key: 'issueDate', label: '作出日期', type: 'date', required: 'onIssue' },
    { key: 'sealAffixed', label: '已加盖机关印章', type: 'boolean', required: 'onIssue', mustBeTrue: true },
  ],
};

export const META: CaseMeta = {
  profileId: 'SX25',
  actionTypes: [
    { key: 'penalty', label: '行政处罚', sources: ['exOfficio', 'complaint', 'randomInspection', 'transfer'] },
    { key: 'inspection', label: '行政检查', sources: ['exOfficio', 'complaint', 'randomInspection', 'transfer'] },
    { key: 'permit', label: '行政许可', sources: ['application'] },
  ],
  sources: [
    { key: 'exOfficio', label: '依职权发现（日常巡查、监测等）' },
    { key: 'complaint', label: '投诉、举报' },
    { key: 'randomInspection', label: '“双随机”抽查' },
    { key: 'transfer', label: '移送、交办' },
    { key: 'application', label: '依申请' },
  ],
  measures: [
    { key: 'sampling', category: 'evidence', stage: 'investigation', actionTypes: ['penalty', 'coercion', 'inspection'], hearingScope: false, seizureTerm: false },
    { key: 'seal', category: 'coerciveMeasure', stage: 'investigation', actionTypes: ['coercion', 'penalty'], hearingScope: false, seizureTerm: true },
  ],
  partyKinds: ['naturalPerson', 'organisation', 'individualBusiness'],
  serviceMethods: ['direct', 'mail', 'refusal', 'entrusted', 'publicNotice'],
  stages: ['initiation', 'investigation', 'decision', 'serviceExecution', 'archive'],
  documentKinds: [SOURCE_RECORD, INSPECTION_RECORD, PENALTY_NOTICE],
  stageRequirements: {},
};

export const OFFICERS: Officer[] = [
  { id: 'u-o1', name: '太原市局执法一', username: 'ty_officer1', certificateNumber: '140100260001', certificateValidTo: '2029-12-31', usable: true, problem: null },
  { id: 'u-o2', name: '太原市局执法二', username: 'ty_officer2', certificateNumber: '140100260002', certificateValidTo: '2029-12-31', usable: true, problem: null },
  { id: 'u-o3', name: '太原市局执法三（证件过期）', username: 'ty_officer3', certificateNumber: '140100260003', certificateValidTo: '2025-06-30', usable: false, problem: '已于 2025-06-30 过期' },
];

export function caseView(over: Partial<CaseView> = {}): CaseView {
  return {
    id: 'c1',
    agencyName: '太原市生态环境局',
    caseNumber: '并环检案〔2026〕1号',
    title: '对某化工公司的双随机检查',
    actionType: 'inspection',
    actionTypeLabel: '行政检查',
    source: 'randomInspection',
    state: 'initiation',
    stateLabel: '启动',
    stages: [
      { key: 'initiation', label: '启动' },
      { key: 'investigation', label: '调查取证' },
      { key: 'decision', label: '审核决定' },
      { key: 'serviceExecution', label: '送达执行' },
      { key: 'archive', label: '归档' },
    ],
    party: null,
    handlers: [
      { id: 'u-o1', name: '太原市局执法一', lead: true, certificateNumber: '140100260001', certificateValidTo: '2029-12-31' },
      { id: 'u-o2', name: '太原市局执法二', lead: false, certificateNumber: '140100260002', certificateValidTo: '2029-12-31' },
    ],
    measures: [],
    flags: {},
    dates: { filingDate: '2026-03-02' },
    proposedPenalty: null,
    decisionRecords: {},
    documents: [],
    services: [],
    checklist: [
      { id: 'all.initiation.source', stage: 'initiation', kind: 'source', label: '案件来源与执法类别相符', status: 'met', reasons: [], basis: 'GS-R 第七条' },
      { id: 'inspection.initiation.source', stage: 'initiation', kind: 'document', label: '案件来源登记表（已签署）', status: 'missing', reasons: ['尚未制作'], basis: 'GS-R 第七条第一款；GS-R 第二十三条' },
      { id: 'av.initiation.x', stage: 'initiation', kind: 'av', label: '音像记录：现场检查', status: 'advised', reasons: ['宜根据实际情况进行音像记录'], basis: 'SX25-R 第十三条（二）', condition: '现场检查的' },
    ],
    deadlines: [],
    timeline: [{ id: 1, at: '2026-03-02T01:00:00.000Z', actorName: '太原市局执法一', kind: 'create', fromState: null, toState: null, detail: { caseNumber: '并环检案〔2026〕1号' } }],
    abilities: { update: true, advance: true, writeDocument: true, issueDocument: false, recordService: true },
    ...over,
  };
}

export function version(over: Partial<DocumentVersionEntry> = {}): DocumentVersionEntry {
  return {
    id: 'v1',
    documentId: 'd1',
    kind: 'inspectionRecord',
    version: 1,
    status: 'draft',
    fields: {},
    supersedes: null,
    correctionReason: null,
    createdAt: '2026-03-02T01:00:00.000Z',
    current: true,
    supersededBy: null,
    docNumber: null,
    contentHash: null,
    finalizedAt: null,
    ...over,
  };
}

export function documentView(history: DocumentVersionEntry[], over: Partial<DocumentView> = {}): DocumentView {
  return {
    documentId: 'd1',
    kind: 'inspectionRecord',
    kindName: '现场检查笔录',
    recordNumber: '并环检案〔2026〕1号-检录01',
    fieldSpecs: INSPECTION_FIELDS,
    finalStatus: 'signed',
    history,
    ...over,
  };
}
