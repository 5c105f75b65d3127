/**
 * Which audio-video situations a case is in at each stage (REC-6, REC-7), so
 * the profile's AV lists can say whether a recording is required there:
 * `avRequirement(profile, situation)` → 'mandatory' blocks the stage until an
 * AV record covers it; 'situational' is an advisory (SX25-R 7: AV may be
 * skipped where the written record is complete; SX25-R 13: 根据实际情况).
 *
 * This is where profiles differ most: GS-R 9 makes on-site inspection,
 * evidence collection, the review-decision stage, service and execution and
 * archiving mandatory; SX25-R 12 only the listed measures (查封, 扣押, 代履行,
 * 责令停产整治 …), with inspection and evidence collection situational.
 * Refused service and public notice are checked with the service record
 * (records/service.ts).
 */
import type { MeasureKey } from '../profiles/vocabulary.js';
import type { ActionType } from './action-types.js';
import type { ConditionContext } from './conditions.js';
import { CONDITIONS } from './conditions.js';
import { CASE_MEASURES, type CaseMeasureKey, measuresFor } from './measures.js';
import type { CaseStage } from './stages.js';

export interface AvSituationRule {
  situation: MeasureKey;
  stage: CaseStage;
  /** When the situation arises, in Chinese. */
  trigger: string;
  applies: (c: ConditionContext) => boolean;
}

function hasDoc(c: ConditionContext, ...kinds: string[]): boolean {
  return (c.snapshot.documents ?? []).some((d) => kinds.includes(d.kind));
}

function hasMeasure(c: ConditionContext, m: MeasureKey): boolean {
  return (c.snapshot.measures ?? []).some((x) => x === m);
}

const EVIDENCE_DOCS = ['inspectionRecord', 'inquiryRecord', 'surveyRecord', 'samplingVoucher', 'evidenceRegister'];

/** Situations not tied to one measure. */
export const AV_SITUATION_RULES: readonly AvSituationRule[] = [
  { situation: 'serviceHall', stage: 'initiation', trigger: '在服务大厅、信访接待室办理的', applies: (c) => c.snapshot.flags?.atServiceHall === true },
  { situation: 'onSiteInspection', stage: 'investigation', trigger: '现场检查、勘验的', applies: (c) => hasDoc(c, 'inspectionRecord', 'surveyRecord') },
  { situation: 'evidenceCollection', stage: 'investigation', trigger: '调查取证的', applies: (c) => hasDoc(c, ...EVIDENCE_DOCS) },
  { situation: 'inquiry', stage: 'investigation', trigger: '询问的', applies: (c) => hasDoc(c, 'inquiryRecord') },
  { situation: 'sampling', stage: 'investigation', trigger: '抽样取证的', applies: (c) => hasDoc(c, 'samplingVoucher') || hasMeasure(c, 'sampling') },
  {
    situation: 'evidencePreservation',
    stage: 'investigation',
    trigger: '先行登记保存的',
    applies: (c) => hasDoc(c, 'evidenceRegister') || hasMeasure(c, 'evidencePreservation'),
  },
  {
    situation: 'coerciveMeasure',
    stage: 'investigation',
    trigger: '实施行政强制措施的',
    applies: (c) => (c.snapshot.measures ?? []).some((m) => CASE_MEASURES[m].category === 'coerciveMeasure'),
  },
  {
    situation: 'complaintCallOut',
    stage: 'investigation',
    trigger: '接投诉、举报出现场的',
    applies: (c) => c.snapshot.source === 'complaint' && hasDoc(c, 'inspectionRecord', 'surveyRecord'),
  },
  { situation: 'disputeProne', stage: 'investigation', trigger: '现场执法容易引发争议的', applies: (c) => c.snapshot.flags?.disputeProne === true },
  {
    situation: 'reviewDecision',
    stage: 'decision',
    trigger: '审查决定环节',
    applies: (c) => CONDITIONS.generalProcedure.test(c) && CONDITIONS.accepted.test(c),
  },
  { situation: 'statementAndDefence', stage: 'decision', trigger: '告知并听取陈述、申辩的', applies: (c) => hasDoc(c, 'statementRecord') },
  { situation: 'hearing', stage: 'decision', trigger: '举行听证的', applies: (c) => hasDoc(c, 'hearingRecord') || c.snapshot.flags?.hearingRequested === true },
  { situation: 'serviceAndExecution', stage: 'serviceExecution', trigger: '送达执行环节', applies: () => true },
  { situation: 'documentService', stage: 'serviceExecution', trigger: '送达文书的', applies: (c) => (c.snapshot.services ?? []).length > 0 },
  { situation: 'enforcement', stage: 'serviceExecution', trigger: '实施强制执行的', applies: (c) => CONDITIONS.coerciveExecution.test(c) },
  { situation: 'archiving', stage: 'archive', trigger: '结案归档', applies: () => true },
];

type Situation = { situation: MeasureKey; trigger: string };

/** Measures are situations of their own (查封, 扣押, 责令停产整治 …), in the stage they are carried out. */
function measureSituations(measures: readonly CaseMeasureKey[], stage: CaseStage): Situation[] {
  return measures.filter((m) => CASE_MEASURES[m].stage === stage).map((m) => ({ situation: m, trigger: '采取该措施的' }));
}

function unique(list: Situation[]): Situation[] {
  return list.filter((s, i) => list.findIndex((t) => t.situation === s.situation) === i);
}

/** The situations of a case in a stage, without repeats. */
export function activeAvSituations(c: ConditionContext, stage: CaseStage): Situation[] {
  const rules = AV_SITUATION_RULES.filter((r) => r.stage === stage && r.applies(c));
  return unique([...rules.map((r) => ({ situation: r.situation, trigger: r.trigger })), ...measureSituations(c.snapshot.measures ?? [], stage)]);
}

/** Every situation that can arise in a stage for an action type (for the table shown to users). */
export function possibleAvSituations(stage: CaseStage, type: ActionType): Situation[] {
  const rules = AV_SITUATION_RULES.filter((r) => r.stage === stage);
  return unique([...rules.map((r) => ({ situation: r.situation, trigger: r.trigger })), ...measureSituations(measuresFor(type), stage)]);
}
