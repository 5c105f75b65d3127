/**
 * Measures taken in a case (查封, 扣押, 责令停产整治, 限产, 代履行 …). The keys
 * are the profiles' vocabulary (`MeasureKey`, profiles/vocabulary.ts), so the
 * AV lists of every profile (REC-6, REC-7) apply to them directly; this file
 * only adds what the case workflow needs to know about each measure.
 */
import { type MeasureKey, MEASURE_LABELS } from '../profiles/vocabulary.js';
import type { Citation } from '../profiles/documents.js';
import type { ActionType } from './action-types.js';
import { ruleRef } from './citation.js';
import type { CaseStage } from './stages.js';

/** The measures a case can record: a subset of the profiles' MeasureKey. */
export type CaseMeasureKey = Extract<
  MeasureKey,
  | 'seal'
  | 'seize'
  | 'evidencePreservation'
  | 'sampling'
  | 'restrictPersonalFreedom'
  | 'substituteExecution'
  | 'forcedDemolition'
  | 'restrictProduction'
  | 'suspendForRectification'
  | 'suspendProduction'
  | 'close'
  | 'restrictEmployment'
  | 'employmentBan'
  | 'demolition'
  | 'detention'
>;

export const MEASURE_CATEGORY_LABELS = {
  evidence: '调查取证措施',
  coerciveMeasure: '行政强制措施',
  enforcement: '行政强制执行',
  order: '责令类决定或行政处罚',
  transfer: '移送',
} as const;
export type MeasureCategory = keyof typeof MEASURE_CATEGORY_LABELS;

export interface CaseMeasureInfo {
  category: MeasureCategory;
  /** The stage in which the measure is carried out (drives AV situations and document rows). */
  stage: CaseStage;
  actionTypes: readonly ActionType[];
  /** NAT-4 · 行政处罚法 Art 63: the party may ask for a hearing. */
  hearingScope: boolean;
  /** NAT-10 · 行政强制法 Art 25: the 30-day seizure term runs. */
  seizureTerm: boolean;
  citations: readonly Citation[];
}

const ACL25 = ruleRef('ACL', '25', undefined, '查封、扣押的期限不得超过三十日');
const GSR34 = ruleRef('GS-R', '34');
const APL63 = ruleRef('APL', '63');
const ALL_INVESTIGATING: readonly ActionType[] = ['penalty', 'coercion', 'inspection'];

function measure(
  category: MeasureCategory,
  stage: CaseStage,
  actionTypes: readonly ActionType[],
  citations: readonly Citation[],
  flags: { hearing?: boolean; seizure?: boolean } = {},
): CaseMeasureInfo {
  return { category, stage, actionTypes, hearingScope: flags.hearing ?? false, seizureTerm: flags.seizure ?? false, citations };
}

const SX25R12_4 = ruleRef('SX25-R', '12', '（四）');
const ORDERS: readonly ActionType[] = ['penalty'];

export const CASE_MEASURES: Record<CaseMeasureKey, CaseMeasureInfo> = {
  seal: measure('coerciveMeasure', 'investigation', ['coercion', 'penalty'], [ACL25, GSR34], { seizure: true }),
  seize: measure('coerciveMeasure', 'investigation', ['coercion', 'penalty'], [ACL25, GSR34], { seizure: true }),
  evidencePreservation: measure('evidence', 'investigation', ALL_INVESTIGATING, [ruleRef('GS-R', '25'), ruleRef('APL', '56')]),
  sampling: measure('evidence', 'investigation', ALL_INVESTIGATING, [ruleRef('GS-R', '25')]),
  restrictPersonalFreedom: measure('coerciveMeasure', 'investigation', ['coercion'], [ruleRef('SX19-R', '10', '（五）')]),
  substituteExecution: measure('enforcement', 'serviceExecution', ['coercion'], [ruleRef('ACL', '51'), GSR34]),
  forcedDemolition: measure('enforcement', 'serviceExecution', ['coercion'], [ruleRef('SX19-R', '10', '（三）'), GSR34]),
  // NAT-4 lists 责令停产整治 but not 限产; an agency whose rules give a hearing for 限产 sets the case's hearing flag.
  restrictProduction: measure('order', 'serviceExecution', ORDERS, [SX25R12_4]),
  suspendForRectification: measure('order', 'serviceExecution', ORDERS, [SX25R12_4, ruleRef('EPPM', '46')], { hearing: true }),
  suspendProduction: measure('order', 'serviceExecution', ORDERS, [SX25R12_4, APL63], { hearing: true }),
  close: measure('order', 'serviceExecution', ORDERS, [SX25R12_4, APL63], { hearing: true }),
  restrictEmployment: measure('order', 'serviceExecution', ORDERS, [SX25R12_4, APL63], { hearing: true }),
  employmentBan: measure('order', 'serviceExecution', ORDERS, [SX25R12_4, ruleRef('EPPM', '46')], { hearing: true }),
  demolition: measure('order', 'serviceExecution', ['penalty', 'coercion'], [ruleRef('SX25-R', '12', '（五）')]),
  detention: measure('transfer', 'serviceExecution', ORDERS, [ruleRef('SX25-R', '12', '（六）')]),
};

export const CASE_MEASURE_KEYS = Object.keys(CASE_MEASURES) as CaseMeasureKey[];

export function isCaseMeasure(s: string): s is CaseMeasureKey {
  return Object.prototype.hasOwnProperty.call(CASE_MEASURES, s);
}

/** Chinese label, from the profiles' vocabulary. */
export function measureLabel(m: CaseMeasureKey): string {
  return MEASURE_LABELS[m];
}

/** The measures an action type can record. */
export function measuresFor(type: ActionType): CaseMeasureKey[] {
  return CASE_MEASURE_KEYS.filter((m) => CASE_MEASURES[m].actionTypes.includes(type));
}
