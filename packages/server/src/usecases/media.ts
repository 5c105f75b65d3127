/**
 * 音像记录 — the media part of the evidence vault.
 *
 * Ingest: the officer declares a file (size, SHA-256, metadata: REC-8,
 * REC-15, REC-17), uploads it resumably (tus, blobs/tus.ts), and on
 * completion the server checks size and hash against the declaration
 * (NAT-18), stores the bytes write-once under their hash (REC-16), numbers
 * the record within the case (REC-15), fixes its upload deadline (REC-14)
 * and retention class (REC-18), and seals the ingest in the Merkle log — all
 * rows, the audit event and the leaf in one transaction.
 *
 * Playback and copies: see media-access.ts.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  AppError,
  CASE_STAGE_LABELS,
  DISPOSAL_STATUS_LABELS,
  MEASURE_KEYS,
  MEASURE_LABELS,
  allows,
  caseStateLabel,
  disposalRequestBlockers,
  disposalStatus,
  isCaseStage,
  stageChecklist,
  type CaseStage,
  type MeasureKey,
} from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import type { DbOrTx } from '../db/client.js';
import {
  agencies,
  caseEvents,
  caseHandlers,
  cases,
  deviceEvents,
  devices,
  documents,
  mediaBlobs,
  mediaFiles,
  mediaUploads,
  users,
  type PersonRef,
} from '../db/schema.js';
import { mediaServices, isSha256Hex } from '../blobs/index.js';
import { newId } from '../lib/ids.js';
import { chinaDate } from '../lib/time.js';
import { recordAudit } from './audit.js';
import { authorize, relationTo } from './authorize.js';
import { advanceInput, loadCaseContext, type CaseRow } from './case-context.js';
import { loadReadableCase } from './cases.js';
import { appendLeaf } from './integrity-log.js';
import { sealWhere } from './integrity-seal/seal.js';
import { nextNumber } from './numbering.js';
import { listAvExceptions } from './media-exceptions.js';
import { fileRetention, loadRetentionState, presentDisposal, presentHold, type RetentionState } from './media-retention-state.js';
import {
  FIXED_SITE_LABELS,
  MEDIA_KIND_LABELS,
  RETENTION_CLASS_LABELS,
  archiveClassOf,
  earliestDisposal,
  formatLabel,
  mediaKindOf,
  retentionClassOf,
  uploadDeadline,
  type FixedSite,
  type MediaKind,
} from './media-rules.js';

export type MediaRow = typeof mediaFiles.$inferSelect;
export type UploadRow = typeof mediaUploads.$inferSelect;
export type MediaView = Awaited<ReturnType<typeof presentMedia>>;

/** What the officer tells about a recording (REC-8, REC-15, REC-17, REC-23, REC-26, REC-27). */
export interface MediaMetadataInput {
  stage?: CaseStage | undefined;
  /** REC-26: the written record this recording corroborates. */
  documentId?: string | null | undefined;
  recordedStart: string;
  recordedEnd: string;
  place: string;
  /** Officers present / collecting (REC-8, REC-17). */
  officerIds: string[];
  cameraOperatorId?: string | null | undefined;
  deviceId?: string | null | undefined;
  /** Brand and model of a recorder not in the registry (fixed-site camera, phone …). */
  deviceLabel?: string | null | undefined;
  contentNotes: string;
  speakers?: { name: string; identity: string; summary?: string | undefined }[] | undefined;
  evidence?: boolean | undefined;
  evidenceExplanation?: string | null | undefined;
  situations?: MeasureKey[] | undefined;
  fixedSite?: FixedSite | null | undefined;
  awayFromUnit?: boolean | undefined;
  returnedAt?: string | null | undefined;
}

export interface UploadIntentInput {
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  sm3?: string | undefined;
  metadata: MediaMetadataInput;
}

/** The metadata after checking: names resolved, so the record reads on its own. */
export interface ResolvedMetadata {
  stage: CaseStage;
  documentId: string | null;
  recordedStart: string;
  recordedEnd: string;
  place: string;
  officers: PersonRef[];
  cameraOperator: PersonRef | null;
  deviceId: string | null;
  deviceLabel: string;
  contentNotes: string;
  speakers: { name: string; identity: string; summary?: string }[];
  evidence: boolean;
  evidenceExplanation: string | null;
  situations: MeasureKey[];
  fixedSite: FixedSite | null;
  awayFromUnit: boolean;
  returnedAt: string | null;
}

const scopeOf = (c: { agencyId: string; agencyPath: string }) => ({ agencyId: c.agencyId, agencyPath: c.agencyPath });

function invalid(detail: string): AppError {
  return new AppError('media.metadata_invalid', { detail });
}

/** REC-14 · SX25-R 19: officers store the recordings of cases they handle; heads of the unit and agency of any case. */
export async function requireMediaUploader(ctx: AppContext, actor: ActorContext, c: CaseRow): Promise<void> {
  authorize(actor, 'media.upload', scopeOf(c), 'case.read');
  if (c.state === 'archived') throw new AppError('case.archived');
  if (actor.roles.includes('unitHead') || actor.roles.includes('agencyHead')) return;
  const [h] = await ctx.db.select().from(caseHandlers).where(and(eq(caseHandlers.caseId, c.id), eq(caseHandlers.userId, actor.userId)));
  if (!h) throw new AppError('forbidden', {}, 'officer is not a handler of this case');
}

async function resolveMetadata(ctx: AppContext, c: CaseRow, kind: MediaKind, m: MediaMetadataInput): Promise<ResolvedMetadata> {
  const now = ctx.clock.now();
  const start = new Date(m.recordedStart);
  const end = new Date(m.recordedEnd);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) throw invalid('录制起止时间格式有误');
  // REC-8 · SX25-R 11: start and end time.
  if (end < start) throw invalid('录制结束时间早于开始时间');
  if (end.getTime() > now.getTime() + 5 * 60_000) throw invalid('录制结束时间晚于当前时间');
  const stage = m.stage ?? (c.state === 'archived' ? 'archive' : c.state);
  if (!isCaseStage(stage)) throw invalid(`未知的执法环节“${stage}”`);
  if (!m.place.trim()) throw invalid('须写明录制地点（REC-8）');
  // REC-15 · SX25-R 20: AV records carry content notes.
  if (m.contentNotes.trim().length < 4) throw invalid('须填写内容说明（SX25-R 第二十条）');
  const situations = [...new Set(m.situations ?? [])];
  const unknown = situations.filter((s) => !MEASURE_KEYS.includes(s));
  if (unknown.length) throw invalid(`未知的执法事项：${unknown.join('、')}`);

  const officerIds = [...new Set(m.officerIds)];
  if (officerIds.length === 0) throw invalid('须写明在场执法人员（REC-8、REC-17）');
  const people = [...officerIds, ...(m.cameraOperatorId ? [m.cameraOperatorId] : [])];
  const rows = await ctx.db.select({ id: users.id, name: users.displayName, agencyId: users.agencyId }).from(users).where(inArray(users.id, people));
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of people) {
    const u = byId.get(id);
    if (!u || u.agencyId !== c.agencyId) throw invalid('执法人员、摄录人员须为本机关人员');
  }
  const officers = officerIds.map((id) => ({ id, name: byId.get(id)!.name }));
  const cameraOperator = m.cameraOperatorId ? { id: m.cameraOperatorId, name: byId.get(m.cameraOperatorId)!.name } : null;

  let deviceLabel = (m.deviceLabel ?? '').trim();
  if (m.deviceId) {
    const [d] = await ctx.db.select().from(devices).where(eq(devices.id, m.deviceId));
    if (!d || d.agencyId !== c.agencyId) throw invalid('执法记录仪须为本机关登记的设备');
    deviceLabel = `${d.brand} ${d.model}（编号 ${d.serial}）`;
  }
  if (m.documentId) {
    const [doc] = await ctx.db.select().from(documents).where(eq(documents.id, m.documentId));
    if (!doc || doc.caseId !== c.id) throw invalid('关联文书须为本案文书（REC-26）');
  }
  // REC-15 · MEE19 二(二): audio names the speakers and the main content.
  const speakers = (m.speakers ?? []).map((s) => ({ name: s.name.trim(), identity: s.identity.trim(), ...(s.summary?.trim() ? { summary: s.summary.trim() } : {}) })).filter((s) => s.name);
  if (kind === 'audio' && speakers.length === 0) throw invalid('录音须注明讲话人身份（SX25-R 第二十条）');
  if (speakers.some((s) => !s.identity)) throw invalid('须注明每位讲话人的身份');
  const evidence = m.evidence === true;
  // REC-17 · XX-R 16; GS-R 44: AV used as evidence names the camera operator and the device, with a written explanation.
  if (evidence) {
    if (!cameraOperator) throw invalid('作为证据使用的音像记录须注明摄录人员（GS-R 第四十四条）');
    if (!deviceLabel) throw invalid('作为证据使用的音像记录须注明录制设备品牌、型号（GS-R 第四十四条）');
    if ((m.evidenceExplanation ?? '').trim().length < 4) throw invalid('作为证据使用的音像记录须附文字说明（XX-R 第十六条）');
  }
  let returnedAt: string | null = null;
  if (m.awayFromUnit && m.returnedAt) {
    const r = new Date(m.returnedAt);
    if (Number.isNaN(r.getTime()) || r < end) throw invalid('返回单位时间须晚于录制结束时间');
    returnedAt = r.toISOString();
  }
  if (m.fixedSite && !Object.prototype.hasOwnProperty.call(FIXED_SITE_LABELS, m.fixedSite)) throw invalid(`未知的固定场所“${m.fixedSite}”`);
  return {
    stage,
    documentId: m.documentId ?? null,
    recordedStart: start.toISOString(),
    recordedEnd: end.toISOString(),
    place: m.place.trim(),
    officers,
    cameraOperator,
    deviceId: m.deviceId ?? null,
    deviceLabel,
    contentNotes: m.contentNotes.trim(),
    speakers,
    evidence,
    evidenceExplanation: evidence ? (m.evidenceExplanation ?? '').trim() : null,
    situations,
    fixedSite: m.fixedSite ?? null,
    awayFromUnit: m.awayFromUnit === true,
    returnedAt,
  };
}

export async function findMediaInCase(db: DbOrTx, caseId: string, sha256: string): Promise<MediaRow | undefined> {
  const [m] = await db.select().from(mediaFiles).where(and(eq(mediaFiles.caseId, caseId), eq(mediaFiles.sha256, sha256)));
  return m;
}

/**
 * Declares an upload. A file already in the case (same SHA-256) is a normal
 * answer pointing at the existing record, not an error.
 */
export async function createUploadIntent(ctx: AppContext, actor: ActorContext, caseId: string, input: UploadIntentInput) {
  const now = ctx.clock.now();
  const c = await loadReadableCase(ctx, actor, caseId);
  await requireMediaUploader(ctx, actor, c);
  const kind = mediaKindOf(input.mimeType);
  if (!kind) throw new AppError('media.type_unsupported', { type: input.mimeType });
  const { config } = mediaServices(ctx);
  if (input.size > config.maxUploadBytes) throw new AppError('media.too_large', { size: input.size, max: config.maxUploadBytes });
  const sha256 = input.sha256.toLowerCase();
  if (!isSha256Hex(sha256)) throw new AppError('media.upload_invalid', { detail: 'SHA-256 须为 64 位十六进制' });
  const sm3 = input.sm3?.toLowerCase();
  if (sm3 !== undefined && !isSha256Hex(sm3)) throw new AppError('media.upload_invalid', { detail: 'SM3 须为 64 位十六进制' });
  const existing = await findMediaInCase(ctx.db, c.id, sha256);
  if (existing) return { duplicate: true as const, media: await presentMedia(ctx, actor, existing) };
  const metadata = await resolveMetadata(ctx, c, kind, input.metadata);
  // The same file declared again by the same officer (a reloaded page): continue that upload, so tus resumes it.
  const [pending] = await ctx.db
    .select()
    .from(mediaUploads)
    .where(and(eq(mediaUploads.caseId, c.id), eq(mediaUploads.createdBy, actor.userId), eq(mediaUploads.status, 'pending'), eq(mediaUploads.declaredSha256, sha256), eq(mediaUploads.declaredSize, input.size)));
  if (pending) {
    await ctx.db.update(mediaUploads).set({ metadata: metadata as unknown as Record<string, unknown>, filename: input.filename, mimeType: input.mimeType, kind, updatedAt: now }).where(eq(mediaUploads.id, pending.id));
    return { duplicate: false as const, upload: presentUpload((await findUpload(ctx.db, pending.id))!) };
  }
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(mediaUploads).values({
      id,
      caseId: c.id,
      agencyId: c.agencyId,
      agencyPath: c.agencyPath,
      status: 'pending',
      filename: input.filename,
      mimeType: input.mimeType,
      kind,
      declaredSize: input.size,
      declaredSha256: sha256,
      declaredSm3: sm3 ?? null,
      metadata: metadata as unknown as Record<string, unknown>,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, { at: now, actor, action: 'media.uploadStart', object: { type: 'case', id: c.id, agencyId: c.agencyId, agencyPath: c.agencyPath }, detail: { uploadId: id, filename: input.filename, size: input.size, sha256 } });
  });
  return { duplicate: false as const, upload: presentUpload((await findUpload(ctx.db, id))!) };
}

export async function findUpload(db: DbOrTx, id: string): Promise<UploadRow | undefined> {
  const [u] = await db.select().from(mediaUploads).where(eq(mediaUploads.id, id));
  return u;
}

export function presentUpload(u: UploadRow) {
  return {
    id: u.id,
    caseId: u.caseId,
    status: u.status,
    filename: u.filename,
    size: u.declaredSize,
    sha256: u.declaredSha256,
    mediaId: u.mediaId,
    error: u.error,
    // The tus endpoint and the metadata the client sends with its creation request.
    tus: { endpoint: '/api/v1/uploads', metadata: { uploadId: u.id, filename: u.filename, filetype: u.mimeType } },
  };
}

/** An upload the actor may continue: its own, still pending; anything else is "not found". */
export async function loadOwnPendingUpload(ctx: AppContext, actor: ActorContext, id: string): Promise<UploadRow> {
  const u = /^[0-9a-f-]{36}$/.test(id) ? await findUpload(ctx.db, id) : undefined;
  if (!u || u.createdBy !== actor.userId) throw new AppError('not_found');
  // Issue 14 item 7: an expired upload answers 410 (its staged bytes are gone).
  if (u.status === 'failed' && u.error?.code === 'media.upload_expired') throw new AppError('media.upload_expired', { hours: mediaServices(ctx).config.uploadExpiryHours });
  if (u.status !== 'pending') throw new AppError('media.upload_invalid', { detail: `该上传已${u.status === 'failed' ? '失败' : '完成'}，请重新发起` });
  return u;
}

export async function getUpload(ctx: AppContext, actor: ActorContext, id: string) {
  const u = await findUpload(ctx.db, id);
  if (!u || u.createdBy !== actor.userId) throw new AppError('not_found');
  return presentUpload(u);
}

/** tus creation: the length must be the declared size (checked again on completion). */
export async function checkUploadCreation(ctx: AppContext, actor: ActorContext, id: string, length: number | undefined) {
  const u = await loadOwnPendingUpload(ctx, actor, id);
  if (length === undefined) throw new AppError('media.upload_invalid', { detail: '须在创建上传时声明文件大小' });
  if (length !== u.declaredSize) throw new AppError('media.size_mismatch', { declared: u.declaredSize, actual: length });
  mediaServices(ctx).staging.forgetState(id);
}

async function failUpload(ctx: AppContext, actor: ActorContext, u: UploadRow, err: AppError): Promise<never> {
  const now = ctx.clock.now();
  await mediaServices(ctx).staging.discard(u.id);
  await ctx.db.transaction(async (tx) => {
    await tx.update(mediaUploads).set({ status: 'failed', error: { code: err.code, message: err.userMessage }, updatedAt: now }).where(eq(mediaUploads.id, u.id));
    await recordAudit(tx, { at: now, actor, action: 'media.uploadRejected', outcome: 'failed', object: { type: 'case', id: u.caseId, agencyId: u.agencyId, agencyPath: u.agencyPath }, detail: { uploadId: u.id, code: err.code, ...err.params } });
  });
  throw err;
}

async function investigationEndOf(db: DbOrTx, caseId: string): Promise<string | null> {
  const [e] = await db
    .select({ at: caseEvents.at })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.fromState, 'investigation')))
    .orderBy(asc(caseEvents.id))
    .limit(1);
  return e ? chinaDate(e.at) : null;
}

/**
 * Completes an upload whose bytes are staged: verify, store, record, seal.
 * Called by the tus server when the last byte arrived, and by the demo seed
 * with a file it wrote to the staging folder.
 */
export async function completeUpload(ctx: AppContext, actor: ActorContext, uploadId: string): Promise<{ duplicate: boolean; media: MediaView }> {
  const svc = mediaServices(ctx);
  const u = await loadOwnPendingUpload(ctx, actor, uploadId);
  const digest = await svc.staging.digestOf(uploadId);
  // NAT-18: size and check value must be what the client declared; otherwise nothing is kept.
  if (digest.size !== u.declaredSize) await failUpload(ctx, actor, u, new AppError('media.size_mismatch', { declared: u.declaredSize, actual: digest.size }));
  if (digest.sha256 !== u.declaredSha256) await failUpload(ctx, actor, u, new AppError('media.hash_mismatch', { declared: u.declaredSha256, actual: digest.sha256 }));
  if (u.declaredSm3 && digest.sm3 && digest.sm3 !== u.declaredSm3) {
    await failUpload(ctx, actor, u, new AppError('media.hash_mismatch', { declared: `SM3 ${u.declaredSm3}`, actual: `SM3 ${digest.sm3}` }));
  }
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, u.caseId));
  if (!c) throw new AppError('not_found');
  if (c.state === 'archived') await failUpload(ctx, actor, u, new AppError('case.archived'));

  const existing = await findMediaInCase(ctx.db, c.id, digest.sha256);
  if (existing) return markDuplicate(ctx, actor, u, existing);

  const now = ctx.clock.now();
  const meta = u.metadata as unknown as ResolvedMetadata;
  const cc = await loadCaseContext(ctx.db, c);
  const recordedEnd = new Date(meta.recordedEnd);
  const deadline = uploadDeadline({
    profile: cc.profile,
    calendar: cc.calendar,
    recordedEnd,
    returnedAt: meta.returnedAt ? new Date(meta.returnedAt) : null,
    uploadedAt: now,
    investigationEnd: await investigationEndOf(ctx.db, c.id),
  });
  const retention = retentionClassOf(cc.profile, { evidence: meta.evidence, situations: meta.situations });
  const routine = retention.cls === 'routine' ? cc.calendar.addMonths(chinaDate(recordedEnd), cc.profile.params['av.retention.routineMonths']?.value ?? 12) : null;

  // Write-once into the blob store before the rows: a failed transaction leaves an unreferenced blob, never a row without bytes.
  const [knownBlob] = await ctx.db.select().from(mediaBlobs).where(eq(mediaBlobs.sha256, digest.sha256));
  const stored = await svc.blobs.put(svc.staging.stagedPath(uploadId), {
    sha256: digest.sha256,
    size: digest.size,
    sm3: digest.sm3,
    contentType: u.mimeType,
    retainUntil: routine ? new Date(`${routine}T00:00:00+08:00`) : undefined,
  });
  await svc.staging.discard(uploadId);

  const id = newId();
  try {
    await ctx.db.transaction(async (tx) => {
      // One numbering series per case (REC-15); the counter row serialises concurrent ingests.
      const seq = await nextNumber(tx, `media:${c.id}`);
      const recordNumber = `音像${String(seq).padStart(3, '0')}`;
      if (!knownBlob) {
        await tx.insert(mediaBlobs).values({ sha256: digest.sha256, sm3: digest.sm3 ?? null, size: digest.size, store: svc.blobs.kind, storageKey: stored.key, createdAt: now }).onConflictDoNothing();
      }
      await tx.insert(mediaFiles).values({
        id,
        caseId: c.id,
        agencyId: c.agencyId,
        agencyPath: c.agencyPath,
        seq,
        recordNumber,
        sha256: digest.sha256,
        sm3: digest.sm3 ?? null,
        size: digest.size,
        filename: u.filename,
        mimeType: u.mimeType,
        kind: u.kind,
        format: formatLabel(u.filename, u.mimeType),
        stage: meta.stage,
        documentId: meta.documentId,
        recordedStart: new Date(meta.recordedStart),
        recordedEnd,
        place: meta.place,
        officers: meta.officers,
        cameraOperator: meta.cameraOperator,
        deviceId: meta.deviceId,
        deviceLabel: meta.deviceLabel,
        contentNotes: meta.contentNotes,
        speakers: meta.speakers,
        evidence: meta.evidence,
        evidenceExplanation: meta.evidenceExplanation,
        situations: meta.situations,
        fixedSite: meta.fixedSite,
        awayFromUnit: meta.awayFromUnit,
        returnedAt: meta.returnedAt ? new Date(meta.returnedAt) : null,
        uploadId: u.id,
        uploadDue: deadline.due,
        uploadLate: deadline.late,
        uploadBasis: [deadline.basis, deadline.note].filter(Boolean).join('；'),
        retentionClass: retention.cls,
        retentionBasis: retention.basis,
        createdBy: actor.userId,
        createdByName: actor.displayName,
        createdAt: now,
      });
      await tx.update(mediaUploads).set({ status: 'completed', mediaId: id, updatedAt: now }).where(eq(mediaUploads.id, u.id));
      await sealWhere(tx, 'media_files', eq(mediaFiles.id, id), { at: now, caseId: c.id, agencyPath: c.agencyPath }); // every metadata field sealed
      const object = { type: 'media', id, agencyId: c.agencyId, agencyPath: c.agencyPath };
      await recordAudit(tx, { at: now, actor, action: 'media.ingest', object, detail: { caseId: c.id, recordNumber, sha256: digest.sha256, size: digest.size, late: deadline.late, hashedWhileReceiving: digest.whileReceiving } });
      // DESIGN §6: every media ingest is a leaf of the log (NAT-18: the check value is sealed with the file's facts).
      await appendLeaf(tx, {
        kind: 'media.ingest',
        objectType: 'media',
        objectId: id,
        caseId: c.id,
        agencyPath: c.agencyPath,
        at: now,
        payload: {
          sha256: digest.sha256,
          ...(digest.sm3 ? { sm3: digest.sm3 } : {}),
          size: digest.size,
          recordNumber,
          mimeType: u.mimeType,
          recordedStart: meta.recordedStart,
          recordedEnd: meta.recordedEnd,
          evidence: meta.evidence,
          situations: meta.situations,
          uploadedBy: actor.userId,
        },
      });
    });
  } catch (e) {
    // Two uploads of the same file into the same case at once: the second finds the first (UNIQUE (case_id, sha256)).
    const again = await findMediaInCase(ctx.db, c.id, digest.sha256);
    if (again) return markDuplicate(ctx, actor, u, again);
    throw e;
  }
  const [row] = await ctx.db.select().from(mediaFiles).where(eq(mediaFiles.id, id));
  return { duplicate: false, media: await presentMedia(ctx, actor, row!) };
}

async function markDuplicate(ctx: AppContext, actor: ActorContext, u: UploadRow, existing: MediaRow) {
  const now = ctx.clock.now();
  await mediaServices(ctx).staging.discard(u.id);
  await ctx.db.transaction(async (tx) => {
    await tx.update(mediaUploads).set({ status: 'duplicate', mediaId: existing.id, updatedAt: now }).where(eq(mediaUploads.id, u.id));
    await recordAudit(tx, { at: now, actor, action: 'media.duplicate', object: { type: 'media', id: existing.id, agencyId: existing.agencyId, agencyPath: existing.agencyPath }, detail: { uploadId: u.id, sha256: existing.sha256 } });
  });
  return { duplicate: true, media: await presentMedia(ctx, actor, existing) };
}

/** A media file the actor may see the metadata of (whoever reads the case), or 404. */
export async function loadReadableMedia(ctx: AppContext, actor: ActorContext, id: string): Promise<{ media: MediaRow; c: CaseRow }> {
  const [m] = /^[0-9a-f-]{36}$/.test(id) ? await ctx.db.select().from(mediaFiles).where(eq(mediaFiles.id, id)) : [];
  if (!m) throw new AppError('not_found');
  const c = await loadReadableCase(ctx, actor, m.caseId);
  return { media: m, c };
}

/** Whether the actor's post lets it play (or copy) this file without a request (REC-20 · GS-R 47). */
export async function postAllows(ctx: AppContext, actor: ActorContext, m: Pick<MediaRow, 'caseId' | 'agencyId' | 'agencyPath'>, action: 'media.view' | 'media.download'): Promise<boolean> {
  const rel = relationTo(actor, scopeOf(m));
  if (!allows(actor, action, rel)) return false;
  // An officer plays the recordings of the cases it handles; other posts by role.
  const other = actor.roles.some((r) => r !== 'officer' && allows({ userId: actor.userId, roles: [r] }, action, rel));
  if (other) return true;
  const [h] = await ctx.db.select().from(caseHandlers).where(and(eq(caseHandlers.caseId, m.caseId), eq(caseHandlers.userId, actor.userId)));
  return !!h;
}

type CaseLike = { state: CaseRow['state']; actionType: CaseRow['actionType']; flags: CaseRow['flags']; dates: CaseRow['dates']; agencyId: string };
type KnownCase = { c?: CaseLike; cc?: Awaited<ReturnType<typeof loadCaseContext>>; retention?: RetentionState };

/** REC-18, NAT-19: the earliest disposal date of a file, from its class and its case's archive class. */
export async function disposalDateOf(db: DbOrTx, m: MediaRow, known?: KnownCase) {
  const [c] = known?.c ? [known.c] : await db.select().from(cases).where(eq(cases.id, m.caseId));
  const cc = known?.cc ?? (await loadCaseContext(db, c as CaseRow));
  const [agency] = await db.select({ caseSettings: agencies.caseSettings }).from(agencies).where(eq(agencies.id, m.agencyId));
  const archiveClass = archiveClassOf(c!.actionType, c!.flags, agency?.caseSettings ?? {});
  return earliestDisposal({ cls: m.retentionClass, profile: cc.profile, calendar: cc.calendar, recordedEnd: m.recordedEnd, caseState: c!.state, archivedOn: c!.dates.archivedOn, archiveClass });
}

export async function presentMedia(ctx: AppContext, actor: ActorContext | null, m: MediaRow, known?: KnownCase) {
  const [c] = known?.c ? [known.c] : await ctx.db.select().from(cases).where(eq(cases.id, m.caseId));
  const cc = known?.cc ?? (await loadCaseContext(ctx.db, c as CaseRow));
  const disposal = await disposalDateOf(ctx.db, m, { c: c as CaseLike, cc });
  // REC-18: holds, disposal requests and the disposal itself.
  const state = known?.retention ?? (await loadRetentionState(ctx.db, m.caseId));
  const fr = fileRetention(state, m.id);
  const today = chinaDate(ctx.clock.now());
  const facts = { earliest: disposal.earliest, earliestLabel: disposal.label, today, activeHolds: fr.activeHolds.map((h) => ({ reason: h.hold.reason })), disposed: !!fr.executed, pending: !!fr.pending };
  const status = disposalStatus(facts);
  const rel = actor ? relationTo(actor, scopeOf(m)) : null;
  const disposed = !!fr.executed;
  const deviceCheck = m.deviceId ? await lastCheckBefore(ctx.db, m.deviceId, m.recordedStart) : null;
  return {
    id: m.id,
    caseId: m.caseId,
    recordNumber: m.recordNumber,
    kind: m.kind,
    kindLabel: MEDIA_KIND_LABELS[m.kind],
    filename: m.filename,
    mimeType: m.mimeType,
    format: m.format,
    size: m.size,
    sha256: m.sha256,
    sm3: m.sm3,
    stage: m.stage,
    stageLabel: CASE_STAGE_LABELS[m.stage],
    documentId: m.documentId,
    recordedStart: m.recordedStart.toISOString(),
    recordedEnd: m.recordedEnd.toISOString(),
    place: m.place,
    officers: m.officers,
    cameraOperator: m.cameraOperator,
    deviceId: m.deviceId,
    deviceLabel: m.deviceLabel,
    deviceCheck,
    contentNotes: m.contentNotes,
    speakers: m.speakers,
    evidence: m.evidence,
    evidenceExplanation: m.evidenceExplanation,
    situations: m.situations.map((s) => ({ key: s, label: MEASURE_LABELS[s] })),
    fixedSite: m.fixedSite,
    fixedSiteLabel: m.fixedSite ? (FIXED_SITE_LABELS[m.fixedSite as FixedSite] ?? m.fixedSite) : null,
    upload: { at: m.createdAt.toISOString(), by: m.createdByName, due: m.uploadDue, late: m.uploadLate, basis: m.uploadBasis, awayFromUnit: m.awayFromUnit, returnedAt: m.returnedAt?.toISOString() ?? null },
    retention: {
      class: m.retentionClass,
      classLabel: RETENTION_CLASS_LABELS[m.retentionClass],
      basis: m.retentionBasis,
      earliestDisposal: disposal.earliest,
      label: disposal.label,
      // REC-16 · SX25-R 22: no deletion path; after the date, a disposal approved by the head (media-retention.ts).
      status,
      statusLabel: DISPOSAL_STATUS_LABELS[status],
      blockers: disposalRequestBlockers(facts).map((b) => b.reason),
      holds: fr.holds.map(presentHold),
      disposal: fr.executed ? presentDisposal(fr.executed) : fr.pending ? presentDisposal(fr.pending) : null,
      disposals: fr.history.map(presentDisposal),
    },
    disposed,
    abilities: actor
      ? {
          view: !disposed && (await postAllows(ctx, actor, m, 'media.view')),
          download: !disposed && (await postAllows(ctx, actor, m, 'media.download')),
          hold: !disposed && allows(actor, 'media.hold', rel!),
          requestDisposal: status === 'disposable' && allows(actor, 'media.dispose.request', rel!),
          approveDisposal: status === 'pending' && allows(actor, 'media.dispose.approve', rel!) && fr.pending?.request.requestedBy !== actor.userId,
        }
      : { view: false, download: false, hold: false, requestDisposal: false, approveDisposal: false },
  };
}

async function lastCheckBefore(db: DbOrTx, deviceId: string, at: Date) {
  const [e] = await db
    .select()
    .from(deviceEvents)
    .where(and(eq(deviceEvents.deviceId, deviceId), eq(deviceEvents.kind, 'check'), sql`${deviceEvents.at} <= ${at.toISOString()}`))
    .orderBy(sql`${deviceEvents.at} DESC`, sql`${deviceEvents.id} DESC`)
    .limit(1);
  // REC-9: the check before this recording; more than a day old counts as none.
  if (!e || at.getTime() - e.at.getTime() > 24 * 3600_000) return { status: 'missing' as const, at: null, problems: ['录制前 24 小时内无使用前检查记录（REC-9）'] };
  return { status: e.passed ? ('passed' as const) : ('failed' as const), at: e.at.toISOString(), problems: (e.detail.problems as string[] | undefined) ?? [] };
}

/** The media tab of a case: files, exceptions, the AV lines of the current stage, what the actor may do. */
export async function listCaseMedia(ctx: AppContext, actor: ActorContext, caseId: string) {
  const c = await loadReadableCase(ctx, actor, caseId);
  const cc = await loadCaseContext(ctx.db, c);
  const rows = await ctx.db.select().from(mediaFiles).where(eq(mediaFiles.caseId, c.id)).orderBy(asc(mediaFiles.seq));
  const retention = await loadRetentionState(ctx.db, c.id);
  const items = [];
  for (const m of rows) items.push(await presentMedia(ctx, actor, m, { c, cc, retention }));
  const today = chinaDate(ctx.clock.now());
  const rel = relationTo(actor, scopeOf(c));
  let canUpload = false;
  try {
    await requireMediaUploader(ctx, actor, c);
    canUpload = true;
  } catch {
    canUpload = false;
  }
  return {
    caseId: c.id,
    caseNumber: c.caseNumber,
    state: c.state,
    stateLabel: caseStateLabel(c.state),
    items,
    exceptions: await listAvExceptions(ctx, actor, c),
    // REC-6, REC-7: the AV lines of the current stage (met by a recording or an approved exception).
    avChecklist: c.state === 'archived' ? [] : stageChecklist(advanceInput(cc, today)).filter((i) => i.kind === 'av'),
    abilities: {
      upload: canUpload,
      recordException: c.state !== 'archived' && allows(actor, 'avException.record', rel),
      approveException: allows(actor, 'avException.approve', rel),
      requestAccess: allows(actor, 'access.request', rel),
      approveAccess: allows(actor, 'access.approve', rel),
      accessLog: allows(actor, 'media.accessLog', rel),
      // REC-18 · GS-R 43 ¶3: a hold on the whole case.
      hold: allows(actor, 'media.hold', rel),
    },
    holds: retention.holds.filter((h) => h.hold.mediaId === null).map(presentHold),
  };
}

export async function getMedia(ctx: AppContext, actor: ActorContext, id: string) {
  const { media } = await loadReadableMedia(ctx, actor, id);
  return presentMedia(ctx, actor, media);
}
