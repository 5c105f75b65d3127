/**
 * 执法类别 action types and 案件来源 case sources (REC-3 · GS-R 7; GS-P 2).
 *
 * The four core types are always available. 行政确认 and 行政登记 are named
 * by GS-P 2 / GS-R 2 but rare in environment departments, so an agency turns
 * them on (`enabledActionTypes`); they follow the application-started flow of
 * 行政许可 (GS-R 2: 其他行政执法行为，可以参照执行).
 */
import { type RuleCheck, ruleRef, formatBasis } from './citation.js';

export const ACTION_TYPE_INFO = {
  penalty: { label: '行政处罚', code: '罚', start: 'exOfficio', configurable: false },
  coercion: { label: '行政强制', code: '强', start: 'exOfficio', configurable: false },
  inspection: { label: '行政检查', code: '检', start: 'exOfficio', configurable: false },
  permit: { label: '行政许可', code: '许', start: 'onApplication', configurable: false },
  confirmation: { label: '行政确认', code: '确', start: 'onApplication', configurable: true },
  registration: { label: '行政登记', code: '登', start: 'onApplication', configurable: true },
} as const;

/** 执法类别: penalty 行政处罚, coercion 行政强制, inspection 行政检查, permit 行政许可, confirmation 行政确认, registration 行政登记. */
export type ActionType = keyof typeof ACTION_TYPE_INFO;
export const ACTION_TYPES = Object.keys(ACTION_TYPE_INFO) as ActionType[];
/** Types every agency has. */
export const CORE_ACTION_TYPES: readonly ActionType[] = ['penalty', 'coercion', 'inspection', 'permit'];
/** Types an agency may turn on (GS-P 2). */
export const CONFIGURABLE_ACTION_TYPES: readonly ActionType[] = ['confirmation', 'registration'];

export function isActionType(s: string): s is ActionType {
  return Object.prototype.hasOwnProperty.call(ACTION_TYPE_INFO, s);
}

/** The core types plus whichever configurable ones the agency turned on. */
export function enabledActionTypes(agencyEnabled: readonly ActionType[] = []): ActionType[] {
  return ACTION_TYPES.filter((t) => !ACTION_TYPE_INFO[t].configurable || agencyEnabled.includes(t));
}

/** How a procedure starts (REC-3 · GS-R 7): 依职权 ex officio or 依申请 on application. */
export type InitiationMode = 'exOfficio' | 'onApplication';

export function initiationMode(type: ActionType): InitiationMode {
  return ACTION_TYPE_INFO[type].start;
}

export const CASE_SOURCE_LABELS = {
  exOfficio: '依职权发现（日常巡查、监测等）',
  complaint: '投诉、举报',
  randomInspection: '“双随机”抽查',
  transfer: '移送、交办',
  application: '依申请',
} as const;

/** 案件来源 case source. */
export type CaseSource = keyof typeof CASE_SOURCE_LABELS;
export const CASE_SOURCES = Object.keys(CASE_SOURCE_LABELS) as CaseSource[];

/** Sources allowed for a type: application-started types only from an application, the others never. */
export function allowedSources(type: ActionType): CaseSource[] {
  return initiationMode(type) === 'onApplication' ? ['application'] : CASE_SOURCES.filter((s) => s !== 'application');
}

const GS_R_7 = [ruleRef('GS-R', '7', undefined, '依职权启动执法程序的，案件来源和立案情况应当进行文字记录。依申请启动执法程序的，申请、补正、受理的情况应当进行文字记录。')];

/** REC-3 · GS-R 7: the source must fit how the type starts; an unknown type or source is refused. */
export function checkCaseSource(type: ActionType, source: CaseSource, agencyEnabled: readonly ActionType[] = []): RuleCheck {
  const basis = formatBasis(GS_R_7);
  if (!isActionType(type)) {
    return { ok: false, missing: [{ kind: 'source', label: '执法类别', reason: `未知的执法类别“${String(type)}”`, basis }] };
  }
  if (!enabledActionTypes(agencyEnabled).includes(type)) {
    return {
      ok: false,
      missing: [{ kind: 'source', label: '执法类别', reason: `本机关未启用“${ACTION_TYPE_INFO[type].label}”类别`, basis }],
    };
  }
  if (!Object.prototype.hasOwnProperty.call(CASE_SOURCE_LABELS, source)) {
    return { ok: false, missing: [{ kind: 'source', label: '案件来源', reason: `未知的案件来源“${String(source)}”`, basis }] };
  }
  if (!allowedSources(type).includes(source)) {
    const mode = initiationMode(type) === 'onApplication' ? '依申请启动' : '依职权启动';
    return {
      ok: false,
      missing: [
        {
          kind: 'source',
          label: '案件来源',
          reason: `${ACTION_TYPE_INFO[type].label}为${mode}，案件来源不能为“${CASE_SOURCE_LABELS[source]}”`,
          basis,
        },
      ],
    };
  }
  return { ok: true };
}
