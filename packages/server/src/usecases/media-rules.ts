/**
 * Rules of the evidence vault that are plain functions of their inputs (no
 * I/O, no clock): the upload deadline of a recording (REC-14), the pre-use
 * check of a body camera (REC-9), the media kind of a MIME type. Retention
 * (REC-18, NAT-19) lives in the core (records/retention.ts) and is
 * re-exported here.
 */
import { AppError, formatDateTime, previewDeadline, type ResolvedProfile, type WorkCalendar } from '@sanxiang/core';
import { chinaDate } from '../lib/time.js';

export type MediaKind = 'video' | 'audio' | 'photo';

export const MEDIA_KIND_LABELS: Record<MediaKind, string> = { video: '视频', audio: '音频', photo: '照片' };

/** Video, audio and photos only (音像记录 · REC-8). */
export function mediaKindOf(mimeType: string): MediaKind | null {
  const t = mimeType.toLowerCase();
  if (t.startsWith('video/')) return 'video';
  if (t.startsWith('audio/')) return 'audio';
  if (t.startsWith('image/')) return 'photo';
  return null;
}

/** REC-17 · GS-R 44: the file format, e.g. 'MP4（video/mp4）'. */
export function formatLabel(filename: string, mimeType: string): string {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(filename)?.[1]?.toUpperCase();
  const sub = mimeType.split('/')[1]?.toUpperCase().replace(/^X-/, '') ?? '';
  return `${ext ?? sub}（${mimeType}）`;
}

/** REC-27 · GS-R 5; SX25-R 23: fixed-site recordings. */
export const FIXED_SITE_LABELS = {
  serviceHall: '服务大厅',
  petitionReception: '信访接待室',
  interviewRoom: '约谈室',
  inquiryRoom: '询问室',
  hearingRoom: '听证室',
} as const;
export type FixedSite = keyof typeof FIXED_SITE_LABELS;

export interface UploadDeadline {
  /** 'YYYY-MM-DD', an ISO date-time (hour rules), or null while the anchor event has not happened. */
  due: string | null;
  late: boolean;
  basis: string;
  note: string;
}

/**
 * REC-14 · SX25-R 19, SX19-R 17 (2 working days), GS-R 43 (24 hours), XX-R 15
 * (with the case file when the investigation ends): when this recording had
 * to be stored, and whether `uploadedAt` is late. Working away from the unit,
 * the span runs from the return (`returnedAt`).
 */
export function uploadDeadline(input: {
  profile: ResolvedProfile;
  calendar: WorkCalendar;
  recordedEnd: Date;
  returnedAt?: Date | null | undefined;
  uploadedAt: Date;
  /** XX19: the day the investigation ended, if it has. */
  investigationEnd?: string | null | undefined;
}): UploadDeadline {
  const p = input.profile.params['av.upload'];
  if (!p) return { due: null, late: false, basis: '', note: '本机关规则未规定音像记录存储期限' };
  const anchor = input.returnedAt && input.returnedAt > input.recordedEnd ? input.returnedAt : input.recordedEnd;
  const note = input.returnedAt ? '异地执法，自返回单位之时起算' : '';
  try {
    if (p.value.kind === 'event') {
      if (!input.investigationEnd) return { due: null, late: false, basis: p.basis, note: '调查终结时随案卷一并提交' };
      const due = previewDeadline({ calendar: input.calendar, profile: input.profile, rule: 'av.upload', from: input.investigationEnd }).due;
      return { due, late: chinaDate(input.uploadedAt) > due, basis: p.basis, note };
    }
    const hours = p.value.period.unit === 'hours';
    const from = hours ? formatDateTime(anchor.getTime()) : chinaDate(anchor);
    const preview = previewDeadline({ calendar: input.calendar, profile: input.profile, rule: 'av.upload', from });
    const due = preview.due;
    const late = hours ? input.uploadedAt.getTime() > Date.parse(due) : chinaDate(input.uploadedAt) > due;
    // NAT-21: a limit counted through a year without the notice says so.
    return { due, late, basis: p.basis, note: preview.provisional ? [note, preview.provisionalReason].filter(Boolean).join('；') : note };
  } catch (e) {
    // NAT-2: a year without holiday data is an explicit gap, never a guess.
    if (e instanceof AppError && e.code === 'calendar.year_missing') return { due: null, late: false, basis: p.basis, note: e.userMessage };
    throw e;
  }
}

// REC-18, NAT-19: retention classes and the earliest disposal date are pure rules of the core.
export {
  ARCHIVE_CLASS_LABELS,
  RETENTION_CLASS_LABELS,
  archiveClassOf,
  earliestDisposal,
  retentionClassOf,
  type ArchiveClass,
  type Disposal,
  type RetentionClass,
} from '@sanxiang/core';

/** REC-9 · SX25-R 15, SX19-R 13, XX-R 13: battery, storage and clock before use. */
export const DEVICE_CHECK_LIMITS = {
  minBatteryPercent: 30,
  minFreeStorageMb: 2048,
  maxClockOffsetSeconds: 60,
} as const;

export interface DeviceCheckInput {
  batteryPercent: number;
  freeStorageMb: number;
  clockOffsetSeconds: number;
  functional: boolean;
}

/** The problems found by a pre-use check, in Chinese; empty when it passes. */
export function deviceCheckProblems(c: DeviceCheckInput): string[] {
  const out: string[] = [];
  if (!c.functional) out.push('设备性能异常');
  if (c.batteryPercent < DEVICE_CHECK_LIMITS.minBatteryPercent) out.push(`电量 ${c.batteryPercent}% 低于 ${DEVICE_CHECK_LIMITS.minBatteryPercent}%`);
  if (c.freeStorageMb < DEVICE_CHECK_LIMITS.minFreeStorageMb) out.push(`剩余存储 ${c.freeStorageMb} MB 低于 ${DEVICE_CHECK_LIMITS.minFreeStorageMb} MB`);
  if (Math.abs(c.clockOffsetSeconds) > DEVICE_CHECK_LIMITS.maxClockOffsetSeconds) out.push(`时钟偏差 ${c.clockOffsetSeconds} 秒，须校准（不超过 ${DEVICE_CHECK_LIMITS.maxClockOffsetSeconds} 秒）`);
  return out;
}
