/**
 * Regulation profiles (规则配置): one per jurisdiction's documents. Where the
 * documents differ, the value is a profile parameter (REQUIREMENTS §8 ⚙);
 * every value carries its citation.
 */
import type { Period } from '../calendar/period.js';
import type { Citation } from './documents.js';
import type { MajorCriterionKey, MeasureKey, PauseReasonKey } from './vocabulary.js';
import type { CapExceptionKey, DrawRatio } from '../inspections/vocabulary.js';

/** Profile ids: the national baseline and four local document sets. */
export type ProfileId = 'national' | 'SX25' | 'SX19' | 'GS19' | 'XX19';
export const PROFILE_IDS: readonly ProfileId[] = ['national', 'SX25', 'SX19', 'GS19', 'XX19'];

/** What the `from` of a deadline means. */
export const ANCHOR_LABELS = {
  decisionDate: '执法决定作出之日',
  infoChangeDate: '信息生成或者变更之日',
  revocationDate: '决定被变更、撤销或者确认违法、无效之日',
  publicationDate: '公示之日',
  correctionRequestDate: '收到更正申请之日',
  verificationDate: '核实完毕之日',
  recordingEnd: '音像记录制作完成之时（异地执法的，返回单位之时）',
  investigationEnd: '案件调查终结之日',
  actionEnd: '行政执法行为终结之日',
  materialsComplete: '收到完备的送审材料之日',
  materialsReceived: '收到送审材料之日',
  discoveryDate: '发现涉嫌违法行为之日',
  filingDate: '立案之日',
  announcementDate: '处罚决定宣告之日',
  hearingRightsNoticeDate: '告知听证权利之日',
  priorNoticeServedDate: '行政处罚事先告知书送达之日',
  hearingDate: '举行听证之日',
  seizureDate: '实施查封、扣押之日',
  serviceDate: '收到处罚决定书之日',
  inspectionDate: '实施检查之日',
  correctionServedDate: '责令改正违法行为决定书送达之日',
} as const;
export type AnchorKey = keyof typeof ANCHOR_LABELS;

/** One possible extension of a limit (in the period's unit) and who approves it. */
export interface DeadlineExtension {
  amount: number;
  /** e.g. '机关负责人批准', '负责人集体讨论决定'. */
  approval: string;
}

/** A deadline of a fixed span, e.g. 7 working days from the decision. */
export interface SpanDeadline {
  kind: 'span';
  period: Period;
  anchor: AnchorKey;
  /** 'before' for "at least 7 working days before the hearing" (NAT-4). */
  direction: 'after' | 'before';
  /** Possible extensions, in order (NAT-3: +30 by the head, +30 more by collective discussion). */
  extensions: readonly DeadlineExtension[];
  /** 民法典 Art 203 roll-over of a calendar period ending on a rest day. */
  rollover: boolean;
}

/** A deadline tied to an event rather than a span (XX-R 15: AV goes in with the case file when the investigation ends). */
export interface EventDeadline {
  kind: 'event';
  anchor: AnchorKey;
  description: string;
}

export type DeadlineSpec = SpanDeadline | EventDeadline;

/** One entry of an AV list: a measure and the articles that name it. */
export interface AvListEntry {
  measure: MeasureKey;
  citations: readonly Citation[];
  /** Filled on resolution: which profiles (or the agency) contributed the entry. */
  sources?: readonly (ProfileId | 'agency')[];
}

/** Values of every parameter key. */
export interface ParamValueMap {
  // PUB-2, ORG-6, PUB-7, PUB-8, PUB-9
  'publication.penalty': DeadlineSpec;
  'publication.permit': DeadlineSpec;
  'publication.other': DeadlineSpec;
  'publication.exAnte': DeadlineSpec;
  'publication.withdrawal': DeadlineSpec;
  'publication.windowMin.general': DeadlineSpec;
  'publication.windowMax.general': DeadlineSpec;
  'publication.windowMin.serious': DeadlineSpec;
  'publication.windowMax.serious': DeadlineSpec;
  'correction.verify': DeadlineSpec;
  'correction.respond': DeadlineSpec;
  // REC-14, REC-19
  'av.upload': DeadlineSpec;
  archive: DeadlineSpec;
  // REV-6, ORG-7, REV-2
  'review.timeLimit': DeadlineSpec;
  'review.pauseReasons': readonly PauseReasonKey[];
  'review.reviewerRatio': number;
  'majorDecision.criteria': readonly MajorCriterionKey[];
  /** Amounts (yuan) from which a fine makes a decision major, by party type. */
  'majorDecision.amountThreshold': { organisation: number; individual: number };
  // NAT-3, NAT-8, NAT-4, NAT-10, NAT-12
  'filing.decide': DeadlineSpec;
  'penalty.decide': DeadlineSpec;
  'penalty.pauseReasons': readonly PauseReasonKey[];
  service: DeadlineSpec;
  'hearing.request': DeadlineSpec;
  /** NAT-20: the party's time to make a statement and defence (陈述、申辩) after the 告知 is served. */
  'statement.period': DeadlineSpec;
  'hearing.notice': DeadlineSpec;
  /** Fine (yuan) from which an organisation may ask for a hearing. */
  'hearing.fineThreshold.organisation': number;
  /** Fine (yuan) from which a citizen may ask for a hearing. */
  'hearing.fineThreshold.individual': number;
  'seizure.max': DeadlineSpec;
  /** NAT-11: the 复查 after a 责令改正违法行为决定书 is served (按日连续处罚办法 第十条). */
  'dailyPenalty.reinspection': DeadlineSpec;
  'seizure.pauseReasons': readonly PauseReasonKey[];
  /** Summary procedure (简易程序) on the spot up to these fines (yuan). */
  'summary.maxFine.individual': number;
  'summary.maxFine.organisation': number;
  'penalty.payment': DeadlineSpec;
  'penalty.lateFee': { ratePerDay: number; cappedAtFine: boolean };
  // REC-6, REC-7, REC-18
  'av.mandatory': readonly AvListEntry[];
  'av.situational': readonly AvListEntry[];
  'av.retention.routineMonths': number;
  'av.retention.evidence': 'withCaseFile';
  'av.retention.longTerm': readonly MeasureKey[];
  'av.retention.litigationHold': boolean;
  // NAT-17, NAT-16, INS-3
  'inspection.drawRatios': readonly DrawRatio[];
  'inspection.yearlyCap': number;
  'inspection.capExceptions': readonly CapExceptionKey[];
  'inspection.resultPublication': DeadlineSpec;
  /** 扫码入企: the province shows an inspection code as a QR code on entry. */
  'inspection.qrCode': boolean;
}

export type ParamKey = keyof ParamValueMap;

/** A value a profile sets, with its citation. */
export interface SetEntry<T> {
  kind: 'set';
  value: T;
  citation: Citation;
  /** Further articles that bear on the value (e.g. the article saying "promptly"). */
  related?: readonly Citation[];
  note?: string;
}

/**
 * A value a profile leaves to the agency (e.g. GS19 sets no legal-review
 * limit). `default` applies until the agency configures one; without it the
 * default comes from the nearest ancestor's value.
 */
export interface UnsetEntry<T> {
  kind: 'unset';
  default?: T;
  citation?: Citation;
  note: string;
}

export type ParamEntry<T> = SetEntry<T> | UnsetEntry<T>;

export type ProfileParams = { [K in ParamKey]?: ParamEntry<ParamValueMap[K]> };

/** A profile as written down (definitions/*.ts). */
export interface ProfileDefinition {
  id: ProfileId;
  /** Chinese name. */
  name: string;
  issuer: string;
  /** Document number (文号); null when the document has none. */
  docNumber: string | null;
  /** Effective date 'YYYY-MM-DD'; null when the source text does not give it (see `effectiveNote`). */
  effective: string | null;
  effectiveNote?: string;
  parent: ProfileId | null;
  params: ProfileParams;
}

/** Where a resolved value comes from. */
export type ParamOrigin = 'own' | 'inherited' | 'agency' | 'default';

/** One resolved parameter. */
export interface ResolvedParam<T> {
  key: ParamKey;
  value: T;
  origin: ParamOrigin;
  /** Profile that set (or left unset) the value, or 'agency'. */
  from: ProfileId | 'agency';
  citation: Citation | null;
  related: readonly Citation[];
  /** Display basis, e.g. 'SX25-P 第十四条'. */
  basis: string;
  note?: string;
  /** The value an agency override replaced. */
  replaced?: { origin: ParamOrigin; from: ProfileId; basis: string };
}

export type ResolvedParams = { [K in ParamKey]?: ResolvedParam<ParamValueMap[K]> };

/** A profile with inheritance and agency overrides applied. */
export interface ResolvedProfile {
  id: ProfileId;
  name: string;
  issuer: string;
  docNumber: string | null;
  effective: string | null;
  effectiveNote?: string;
  parent: ProfileId | null;
  /** The profile and its ancestors, child first. */
  chain: readonly ProfileId[];
  params: ResolvedParams;
}

/** An agency's configuration of one value. */
export interface AgencyOverride<T> {
  value: T;
  /** The agency's own instrument, free text, e.g. '本局重大执法决定法制审核目录清单（2025）'. */
  basis?: string;
  note?: string;
}

export type AgencyOverrides = { [K in ParamKey]?: AgencyOverride<ParamValueMap[K]> };
