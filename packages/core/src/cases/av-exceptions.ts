/**
 * 音像记录例外 — when a required audio-video recording could not be made or
 * was stopped, and why that still satisfies the stage gate.
 *
 * - REC-11 · SX25-R 17; SX19-R 15; GS-R 42 — 中断 interruption: a device
 *   fault, the weather or obstruction stops the recording; enforcement goes on,
 *   the reason is stated on resuming, and if recording cannot resume a written
 *   explanation is made afterwards (GS-R 42: reported at once).
 * - REC-12 · XX-R 11 — 允许停止 permitted stop: an informant or witness asks,
 *   public transport, secrets or privacy, the weather, other; for a request
 *   and for secrets the person's signed request is kept; afterwards a work
 *   record of the reason is approved by the leader in charge.
 *
 * Only an exception that is complete and approved counts. The stage gate
 * (`stageChecklist`, av-situations.ts) asks whether some AV record covers a
 * situation; `avCoverage` turns recordings and counting exceptions into those
 * references, so the gate needs no second notion.
 */
import type { MeasureKey } from '../profiles/vocabulary.js';
import { type RuleMissing, formatBasis, ruleRef } from './citation.js';
import type { AvRecordRef } from './snapshot.js';

export const AV_EXCEPTION_KIND_LABELS = {
  interruption: '音像记录中断（无法继续记录）',
  permittedStop: '依规定停止音像记录',
} as const;
/** 音像记录例外的种类. */
export type AvExceptionKind = keyof typeof AV_EXCEPTION_KIND_LABELS;
export const AV_EXCEPTION_KINDS = Object.keys(AV_EXCEPTION_KIND_LABELS) as AvExceptionKind[];

/** REC-11 · SX25-R 17: 设备故障、天气、现场阻挠等原因中断. */
export const INTERRUPTION_REASON_LABELS = {
  deviceFault: '设备故障',
  weather: '天气原因',
  obstruction: '现场阻挠',
  otherObjective: '其他客观原因',
} as const;

/** REC-12 · XX-R 11: 可以停止音像记录的情形. */
export const PERMITTED_STOP_REASON_LABELS = {
  informantRequest: '举报人要求停止记录',
  witnessRequest: '证人要求停止记录',
  publicTransport: '乘坐公共交通工具',
  secretsPrivacy: '涉及国家秘密、商业秘密或者个人隐私',
  weather: '天气原因',
  other: '其他情形',
} as const;

export type InterruptionReason = keyof typeof INTERRUPTION_REASON_LABELS;
export type PermittedStopReason = keyof typeof PERMITTED_STOP_REASON_LABELS;

/** REC-12 · XX-R 11: a request to stop, and secrets, need the signed request on file. */
export const SIGNED_REQUEST_REASONS: readonly PermittedStopReason[] = ['informantRequest', 'witnessRequest', 'secretsPrivacy'];

export const AV_EXCEPTION_BASIS = {
  interruption: formatBasis([ruleRef('SX25-R', '17'), ruleRef('SX19-R', '15'), ruleRef('GS-R', '42')]),
  permittedStop: formatBasis([ruleRef('XX-R', '11')]),
} as const;

/** The leader's decision on an exception. */
export interface AvExceptionApproval {
  approved: boolean;
  by: string;
  byName?: string;
  at: string;
  comment?: string;
}

/** An exception as the gate sees it. */
export interface AvException {
  id: string;
  kind: AvExceptionKind;
  /** The situations (measures) the missing recording should have covered. */
  situations: readonly MeasureKey[];
  /** A key of INTERRUPTION_REASON_LABELS or PERMITTED_STOP_REASON_LABELS. */
  reason: string;
  /** REC-11 written explanation / REC-12 work record of the reason. */
  explanation: string;
  /** REC-12: the signed request (a photo or scan in the case's media, or a document of the case). */
  signedRequestRef?: string | null;
  /** The latest decision, if any. */
  approval?: AvExceptionApproval | null;
}

export function isInterruptionReason(s: string): s is InterruptionReason {
  return Object.prototype.hasOwnProperty.call(INTERRUPTION_REASON_LABELS, s);
}

export function isPermittedStopReason(s: string): s is PermittedStopReason {
  return Object.prototype.hasOwnProperty.call(PERMITTED_STOP_REASON_LABELS, s);
}

/** Chinese label of an exception's reason. */
export function avExceptionReasonLabel(kind: AvExceptionKind, reason: string): string {
  if (kind === 'interruption' && isInterruptionReason(reason)) return INTERRUPTION_REASON_LABELS[reason];
  if (kind === 'permittedStop' && isPermittedStopReason(reason)) return PERMITTED_STOP_REASON_LABELS[reason];
  return reason;
}

/** Minimum length of a written explanation: a few words, not a placeholder. */
export const MIN_EXPLANATION_LENGTH = 10;

/**
 * What is wrong with an exception as filed (before any approval): the reason
 * must fit its kind, the explanation must say something, a request or a
 * secret needs the signed request. Empty when it may go to the leader.
 */
export function avExceptionFilingProblems(e: Omit<AvException, 'id' | 'approval'>): RuleMissing[] {
  const out: RuleMissing[] = [];
  const basis = AV_EXCEPTION_BASIS[e.kind];
  if (e.situations.length === 0) out.push({ kind: 'av', label: '所涉执法事项', reason: '须写明未能记录的执法事项', basis });
  const reasonOk = e.kind === 'interruption' ? isInterruptionReason(e.reason) : isPermittedStopReason(e.reason);
  if (!reasonOk) out.push({ kind: 'av', label: '原因', reason: `“${e.reason}”不是${AV_EXCEPTION_KIND_LABELS[e.kind]}的法定情形`, basis });
  if (e.explanation.trim().length < MIN_EXPLANATION_LENGTH) {
    out.push({
      kind: 'av',
      label: e.kind === 'interruption' ? '书面说明' : '工作记录',
      reason: e.kind === 'interruption' ? '无法继续记录的，事后须作出书面说明' : '停止记录的原因须形成工作记录',
      basis,
    });
  }
  if (e.kind === 'permittedStop' && isPermittedStopReason(e.reason) && SIGNED_REQUEST_REASONS.includes(e.reason) && !e.signedRequestRef) {
    out.push({ kind: 'av', label: '书面申请', reason: '当事人、证人要求或涉及秘密、隐私而停止记录的，须有其签名的书面申请', basis });
  }
  return out;
}

/** Why an exception does not (yet) stand in for a recording; empty when it counts. */
export function avExceptionProblems(e: AvException): RuleMissing[] {
  const out = avExceptionFilingProblems(e);
  const basis = AV_EXCEPTION_BASIS[e.kind];
  if (!e.approval) out.push({ kind: 'av', label: '领导审批', reason: '尚待分管领导审批', basis });
  else if (!e.approval.approved) out.push({ kind: 'av', label: '领导审批', reason: '分管领导未予批准', basis });
  return out;
}

export function avExceptionCounts(e: AvException): boolean {
  return avExceptionProblems(e).length === 0;
}

/** Reference id under which a counting exception appears among the AV records. */
export function avExceptionRefId(id: string): string {
  return `exception:${id}`;
}

/**
 * The AV records the stage gate sees: every recording, plus every complete,
 * approved exception for the situations it covers (REC-6 with REC-11/REC-12).
 */
export function avCoverage(recordings: readonly AvRecordRef[], exceptions: readonly AvException[]): AvRecordRef[] {
  return [...recordings, ...exceptions.filter(avExceptionCounts).map((e) => ({ id: avExceptionRefId(e.id), situations: e.situations }))];
}
