/**
 * Labels and small rules of the case screens: deadline badges, stage tags,
 * timeline events, the facts a case records, and who may do what (menus
 * only — the server decides, and answers with `abilities` per case).
 */
import {
  ARCHIVED_LABEL,
  CASE_STAGES,
  CASE_STAGE_LABELS,
  DOCUMENT_STATUS_LABELS,
  POLICY,
  SERVICE_METHOD_LABELS,
  type Action,
  type ActionType,
  type CaseDates,
  type CaseFlags,
  type CaseState,
  type DocumentStatus,
  type Role,
} from '../domain.js';
import type { CaseDeadline, CaseDocumentSummary, TimelineEvent } from '../api/cases.js';

/** Roles listed for an action in the policy table (any relation). */
export function rolesFor(action: Action): Role[] {
  const out = new Set<Role>();
  for (const rule of POLICY[action]) if (rule.roles !== 'any') for (const r of rule.roles) out.add(r);
  return [...out];
}

export const hasAnyRole = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((r) => allowed.includes(r));

export type DeadlineStatus = CaseDeadline['status'];

/** Badge of a deadline: overdue red, due soon orange, on time green; done and unknown neutral. */
export const DEADLINE_STATUS: Record<DeadlineStatus, { label: string; color: string }> = {
  overdue: { label: '已逾期', color: 'red' },
  dueSoon: { label: '即将到期', color: 'orange' },
  onTime: { label: '期限内', color: 'green' },
  met: { label: '已按期完成', color: 'default' },
  metLate: { label: '逾期完成', color: 'volcano' },
  lapsed: { label: '期限已届满', color: 'default' },
  unknown: { label: '无法计算', color: 'default' },
};

export const STAGE_COLORS: Record<CaseState, string> = {
  initiation: 'blue',
  investigation: 'geekblue',
  decision: 'purple',
  serviceExecution: 'cyan',
  archive: 'gold',
  archived: 'default',
};

export function stateLabel(s: CaseState): string {
  return s === 'archived' ? ARCHIVED_LABEL : CASE_STAGE_LABELS[s];
}

/** The state after `s` (the next stage; 已归档 after 归档), or null once archived. */
export function nextState(s: CaseState): CaseState | null {
  if (s === 'archived') return null;
  return CASE_STAGES[CASE_STAGES.indexOf(s) + 1] ?? 'archived';
}

export const DOCUMENT_STATUS_COLORS: Record<DocumentStatus, string> = { draft: 'default', signed: 'blue', issued: 'green' };
export const documentStatusLabel = (s: DocumentStatus) => DOCUMENT_STATUS_LABELS[s];

/** One line per case event, in words. */
export function timelineText(e: TimelineEvent, documents: readonly CaseDocumentSummary[] = []): string {
  const d = e.detail ?? {};
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : undefined);
  const docName = () => {
    const doc = documents.find((x) => x.documentId === str('documentId'));
    return str('kindName') ?? doc?.kindName ?? '文书';
  };
  const version = typeof d.version === 'number' ? `第${d.version}版` : '';
  switch (e.kind) {
    case 'create':
      return `立案，案号 ${str('caseNumber') ?? ''}`.trim();
    case 'update': {
      const changed = Array.isArray(d.changed) ? (d.changed as string[]).map((k) => FACT_GROUP_LABELS[k] ?? k) : [];
      return changed.length ? `修改案件信息：${changed.join('、')}` : '修改案件信息';
    }
    case 'addHandler':
      return `添加承办人员 ${str('name') ?? ''}`.trim();
    case 'advance':
      return `进入下一环节：${e.fromState ? stateLabel(e.fromState) : ''} → ${e.toState ? stateLabel(e.toState) : ''}`;
    case 'archive':
      return '案卷归档（此后只读）';
    case 'extendDeadline':
      return `批准延长作出行政处罚决定的期限 ${typeof d.amount === 'number' ? d.amount : ''} 日${str('reason') ? `，理由：${str('reason')}` : ''}`;
    case 'document.create':
      return `新建文书《${docName()}》${str('recordNumber') ? `（${str('recordNumber')}）` : ''}`;
    case 'document.saveDraft':
      return `保存《${docName()}》草稿${version ? `（${version}）` : ''}`;
    case 'document.sign':
      return `签署《${docName()}》${version ? `${version}` : ''}`;
    case 'document.issue':
      return `签发《${docName()}》${str('docNumber') ? `，文号 ${str('docNumber')}` : ''}`;
    case 'document.correct':
      return `更正《${docName()}》，生成${version}${str('reason') ? `，理由：${str('reason')}` : ''}`;
    case 'service.record': {
      const m = str('method') as keyof typeof SERVICE_METHOD_LABELS | undefined;
      return `记录送达《${docName()}》：${m ? (SERVICE_METHOD_LABELS[m] ?? m) : ''}${str('servedOn') ? `，送达日期 ${str('servedOn')}` : ''}`;
    }
    default:
      return e.kind;
  }
}

export const FACT_GROUP_LABELS: Record<string, string> = {
  title: '案件名称',
  partyId: '当事人',
  measures: '措施',
  flags: '程序事实',
  dates: '日期',
  proposedPenalty: '拟处罚',
  decisionRecords: '审核决定环节记录',
};

const INVESTIGATING: readonly ActionType[] = ['penalty', 'coercion', 'inspection'];
const APPLICATION: readonly ActionType[] = ['permit', 'confirmation', 'registration'];
const PENALTY: readonly ActionType[] = ['penalty'];
const ALL: readonly ActionType[] = [...INVESTIGATING, ...APPLICATION];

type BoolFlag = { [K in keyof CaseFlags]-?: NonNullable<CaseFlags[K]> extends boolean ? K : never }[keyof CaseFlags];

/** Yes/no facts of a case (CaseFlags) and the action types they concern. */
export const FLAG_FIELDS: { key: BoolFlag; label: string; actionTypes: readonly ActionType[]; hint?: string }[] = [
  { key: 'summaryProcedure', label: '适用简易程序（当场处罚）', actionTypes: PENALTY, hint: '行政处罚法第五十一条' },
  { key: 'summaryReported', label: '当场处罚决定已报所属机关备案', actionTypes: PENALTY },
  { key: 'majorDecision', label: '重大执法决定（须经法制审核）', actionTypes: ALL, hint: '行政处罚法第五十八条' },
  { key: 'collectiveDiscussionRequired', label: '情节复杂或者重大违法（须负责人集体讨论）', actionTypes: INVESTIGATING, hint: '行政处罚法第五十七条第二款' },
  { key: 'statementMade', label: '当事人进行了陈述、申辩', actionTypes: INVESTIGATING },
  { key: 'hearingRequested', label: '当事人要求听证', actionTypes: PENALTY },
  { key: 'hearingWaived', label: '当事人书面放弃听证', actionTypes: PENALTY },
  { key: 'disputeProne', label: '现场执法容易引发争议', actionTypes: INVESTIGATING },
  { key: 'sealSeizeReleased', label: '查封、扣押已解除', actionTypes: ['penalty', 'coercion'] },
  { key: 'executionCompleted', label: '决定已执行完毕（或依法终结执行）', actionTypes: ['penalty', 'coercion'] },
  { key: 'supplementRequested', label: '申请材料须补正', actionTypes: APPLICATION },
  { key: 'notAccepted', label: '不予受理', actionTypes: APPLICATION },
  { key: 'atServiceHall', label: '在政务服务大厅办理', actionTypes: APPLICATION },
];

export const OUTCOME_LABELS: Record<NonNullable<CaseFlags['outcome']>, string> = { penalty: '给予行政处罚', noPenalty: '不予行政处罚' };
export const EXECUTION_LABELS: Record<NonNullable<CaseFlags['execution']>, string> = {
  voluntary: '当事人自觉履行',
  agencyEnforcement: '行政机关强制执行',
  courtEnforcement: '申请人民法院强制执行',
  notRequired: '无需执行',
};

type DateKey = { [K in keyof CaseDates]-?: NonNullable<CaseDates[K]> extends string ? K : never }[keyof CaseDates];

/** Single dates of a case (pauses and extensions are kept elsewhere). */
export const DATE_FIELDS: { key: DateKey; label: string; actionTypes: readonly ActionType[]; readOnly?: boolean }[] = [
  { key: 'discoveryDate', label: '发现违法行为（案件线索）日期', actionTypes: INVESTIGATING },
  { key: 'filingDate', label: '立案（受理）日期', actionTypes: ALL, readOnly: true },
  { key: 'hearingRightsNoticeDate', label: '告知听证权利日期', actionTypes: PENALTY },
  { key: 'hearingRequestedOn', label: '当事人要求听证日期', actionTypes: PENALTY },
  { key: 'hearingSummonsDate', label: '听证通知日期', actionTypes: PENALTY },
  { key: 'hearingDate', label: '举行听证日期', actionTypes: PENALTY },
  { key: 'decisionDate', label: '作出决定日期', actionTypes: ALL },
  { key: 'serviceDate', label: '决定送达日期', actionTypes: ALL },
  { key: 'paidOn', label: '缴纳罚款日期', actionTypes: PENALTY },
  { key: 'seizureStart', label: '查封、扣押开始日期', actionTypes: ['penalty', 'coercion'] },
  { key: 'seizureEnd', label: '查封、扣押解除日期', actionTypes: ['penalty', 'coercion'] },
  { key: 'actionEnd', label: '执法行为终结日期', actionTypes: ALL },
];

/** Handlers with the lead handler (主办) first. */
export const leadFirst = <T extends { lead: boolean }>(handlers: readonly T[]): T[] => [...handlers].sort((a, b) => Number(b.lead) - Number(a.lead));

/** Short form of a content hash for display. */
export const shortHash = (h: string | null | undefined) => (h ? `${h.slice(0, 12)}…` : '—');
