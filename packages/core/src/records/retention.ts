/**
 * Retention of audio-video records (REC-16, REC-18, NAT-19): the retention
 * class of a recording, its earliest disposal date, litigation holds, and
 * whether a disposal (销毁) may be requested, approved and carried out.
 *
 * Pure: dates and facts come in as arguments; nothing here reads a clock.
 * The server persists holds and disposals (usecases/media-retention.ts);
 * originals are never altered, and a disposal deletes only the stored bytes
 * after an approved, logged act — the record of the file stays.
 */
import type { ActionType } from '../cases/action-types.js';
import type { CaseFlags } from '../cases/snapshot.js';
import type { CaseState } from '../cases/stages.js';
import type { CivilDate } from '../calendar/civil-date.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { ResolvedProfile } from '../profiles/types.js';
import type { MeasureKey } from '../profiles/vocabulary.js';

export type RetentionClass = 'routine' | 'caseFile' | 'longTerm';
export const RETENTION_CLASS_LABELS: Record<RetentionClass, string> = {
  routine: '日常音像记录',
  caseFile: '证据音像记录（与案卷同期保存）',
  longTerm: '长期保存',
};

/** NAT-19 · 国家档案局令第8号: 永久, 30 年, 10 年. */
export type ArchiveClass = 'permanent' | 'years30' | 'years10';
export const ARCHIVE_CLASS_LABELS: Record<ArchiveClass, string> = { permanent: '永久', years30: '30年', years10: '10年' };
const ARCHIVE_YEARS: Record<ArchiveClass, number | null> = { permanent: null, years30: 30, years10: 10 };

/** The civil date in China (UTC+8, no daylight saving) of an instant. */
function chinaDay(d: Date): CivilDate {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * REC-18: routine AV at least `av.retention.routineMonths` (XX-R 16: 12
 * months); evidence as long as the case file (GS-R 43, XX-R 16); the XX-R 10
 * situations long-term.
 */
export function retentionClassOf(profile: ResolvedProfile, input: { evidence: boolean; situations: readonly MeasureKey[] }): { cls: RetentionClass; basis: string } {
  const longTerm = profile.params['av.retention.longTerm'];
  if (longTerm && input.situations.some((s) => longTerm.value.includes(s))) return { cls: 'longTerm', basis: longTerm.basis };
  if (input.evidence) return { cls: 'caseFile', basis: profile.params['av.retention.evidence']?.basis ?? '' };
  const months = profile.params['av.retention.routineMonths'];
  return { cls: 'routine', basis: `${months?.value ?? 12}个月（${months?.basis || '机关配置'}）` };
}

/**
 * NAT-19: the agency maps case categories to an archive class
 * (`caseSettings.archiveClasses`); by default a major decision is kept
 * permanently, penalty and coercion files 30 years, the rest 10 years.
 */
export function archiveClassOf(actionType: ActionType, flags: CaseFlags, caseSettings: Record<string, unknown>): ArchiveClass {
  const map = caseSettings.archiveClasses as Partial<Record<ActionType | 'major', ArchiveClass>> | undefined;
  if (flags.majorDecision) return map?.major ?? 'permanent';
  const own = map?.[actionType];
  if (own) return own;
  return actionType === 'penalty' || actionType === 'coercion' ? 'years30' : 'years10';
}

export interface Disposal {
  /** Earliest day the file may be disposed of (by an approved, logged act), or null. */
  earliest: CivilDate | null;
  label: string;
}

/**
 * REC-16, REC-18: the earliest disposal date. Nothing of an open case is
 * disposed of (GS-R 43 keeps AV while proceedings go on); case-file periods
 * run from 1 January after archiving.
 */
export function earliestDisposal(input: {
  cls: RetentionClass;
  profile: ResolvedProfile;
  calendar: Pick<WorkCalendar, 'addMonths' | 'addYears'>;
  recordedEnd: Date;
  caseState: CaseState;
  archivedOn?: CivilDate | undefined;
  archiveClass: ArchiveClass;
}): Disposal {
  if (input.cls === 'longTerm') return { earliest: null, label: '长期保存' };
  const routineMonths = input.profile.params['av.retention.routineMonths']?.value ?? 12;
  const routineEnd = input.calendar.addMonths(chinaDay(input.recordedEnd), routineMonths);
  if (input.caseState !== 'archived' || !input.archivedOn) {
    return { earliest: null, label: input.cls === 'routine' ? `案件归档后确定（不早于 ${routineEnd}）` : '案件归档后按案卷保管期限确定' };
  }
  if (input.cls === 'routine') return { earliest: routineEnd > input.archivedOn ? routineEnd : input.archivedOn, label: `日常音像记录保存${routineMonths}个月` };
  const years = ARCHIVE_YEARS[input.archiveClass];
  if (years === null) return { earliest: null, label: `与案卷同期：${ARCHIVE_CLASS_LABELS.permanent}` };
  const start = `${Number(input.archivedOn.slice(0, 4)) + 1}-01-01`;
  return { earliest: input.calendar.addYears(start, years), label: `与案卷同期：${ARCHIVE_CLASS_LABELS[input.archiveClass]}（自归档次年1月1日起算）` };
}

/** REC-18: the retention period has run out on `today` (the earliest day is itself allowed). */
export function retentionPassed(earliest: CivilDate | null, today: CivilDate): boolean {
  return earliest !== null && today >= earliest;
}

/**
 * 诉讼保全 — a litigation hold (REC-18 · GS-R 43 ¶3: AV is kept while an
 * administrative lawsuit is open). A hold covers one file, or every file of
 * the case when `mediaId` is null; it lasts until released.
 */
export interface LitigationHold {
  id: string;
  mediaId: string | null;
  reason: string;
  released: boolean;
}

export function holdCovers(h: Pick<LitigationHold, 'mediaId'>, mediaId: string): boolean {
  return h.mediaId === null || h.mediaId === mediaId;
}

/** The holds in force on one file. */
export function activeHoldsOn<H extends Pick<LitigationHold, 'mediaId' | 'released'>>(holds: readonly H[], mediaId: string): H[] {
  return holds.filter((h) => !h.released && holdCovers(h, mediaId));
}

export type DisposalStatus = 'retained' | 'held' | 'disposable' | 'pending' | 'disposed';
export const DISPOSAL_STATUS_LABELS: Record<DisposalStatus, string> = {
  retained: '保存期内',
  held: '诉讼保全中',
  disposable: '保存期满，可申请销毁',
  pending: '销毁待审批',
  disposed: '已销毁',
};

export interface DisposalFacts {
  /** From `earliestDisposal`. */
  earliest: CivilDate | null;
  earliestLabel: string;
  today: CivilDate;
  /** Holds in force on this file (`activeHoldsOn`). */
  activeHolds: readonly Pick<LitigationHold, 'reason'>[];
  /** A disposal of this file was already carried out. */
  disposed: boolean;
  /** A disposal request waits for the head's decision. */
  pending: boolean;
}

export function disposalStatus(f: DisposalFacts): DisposalStatus {
  if (f.disposed) return 'disposed';
  if (f.activeHolds.length) return 'held';
  if (f.pending) return 'pending';
  return retentionPassed(f.earliest, f.today) ? 'disposable' : 'retained';
}

export type DisposalBlockerCode = 'disposed' | 'hold' | 'pending' | 'retention' | 'samePerson';
export interface DisposalBlocker {
  code: DisposalBlockerCode;
  /** Why not, in Chinese, citing the rule. */
  reason: string;
}

function commonBlockers(f: DisposalFacts): DisposalBlocker[] {
  const out: DisposalBlocker[] = [];
  if (f.disposed) out.push({ code: 'disposed', reason: '该音像记录已销毁' });
  // REC-18 · GS-R 43 ¶3: kept while the litigation is open.
  if (f.activeHolds.length) out.push({ code: 'hold', reason: `诉讼保全中（${f.activeHolds.map((h) => h.reason).join('；')}），不得销毁（GS-R 第四十三条第三款）` });
  // REC-16 · SX25-R 22: nothing is destroyed within the retention period.
  if (!retentionPassed(f.earliest, f.today)) {
    out.push({ code: 'retention', reason: f.earliest ? `保存期限至 ${f.earliest} 方届满（${f.earliestLabel}）` : `保存期限未届满（${f.earliestLabel}）` });
  }
  return out;
}

/** What stands in the way of asking to dispose of a file (empty: it may be asked). */
export function disposalRequestBlockers(f: DisposalFacts): DisposalBlocker[] {
  const out = commonBlockers(f);
  if (!f.disposed && f.pending) out.push({ code: 'pending', reason: '已有待审批的销毁申请' });
  return out;
}

/**
 * What stands in the way of approving (and so carrying out) a disposal:
 * the same conditions again on the day of the decision, and a different
 * person than the one who asked (two people for every destruction).
 */
export function disposalApprovalBlockers(f: Omit<DisposalFacts, 'pending'> & { requestedBy: string; approverId: string }): DisposalBlocker[] {
  const out = commonBlockers({ ...f, pending: true });
  if (f.requestedBy === f.approverId) out.push({ code: 'samePerson', reason: '销毁申请人不能审批本人的申请' });
  return out;
}

/**
 * The stored bytes are shared by every file with the same SHA-256 (one blob
 * per content, NAT-18). A disposal deletes them only when no other file that
 * is not itself disposed still refers to them, and no upload of the same
 * content is in progress; otherwise the bytes stay for the others.
 */
export function blobDisposition(input: { otherLiveReferences: number; pendingUploads: number }): { deleteBytes: boolean; note: string } {
  if (input.otherLiveReferences > 0) return { deleteBytes: false, note: `存储文件另有 ${input.otherLiveReferences} 个音像记录引用，保留存储文件，本记录不再提供` };
  if (input.pendingUploads > 0) return { deleteBytes: false, note: '同一文件正在上传，保留存储文件' };
  return { deleteBytes: true, note: '存储文件已删除' };
}
