/**
 * 执法记录仪 — the body-camera registry (REC-23 · XX-R 12-14): each device
 * assigned to one person, checked before use (REC-9 · SX25-R 15: performance,
 * battery, storage, clock), its loss and damage recorded. The current state
 * is one row; everything that happened to it is an append-only event with
 * an audit event. Recordings name their device (REC-17, REC-23 · XX-R 15).
 */
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { AppError } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { agencies, deviceEvents, devices, mediaFiles, users, type DeviceStatus } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { recordAudit } from './audit.js';
import { authorize, scopeWhere } from './authorize.js';
import { DEVICE_CHECK_LIMITS, deviceCheckProblems, type DeviceCheckInput } from './media-rules.js';

export const DEVICE_KIND_LABELS = {
  bodyCamera: '执法记录仪',
  fixedCamera: '固定场所摄像设备',
  audioRecorder: '录音设备',
  camera: '照相机',
  other: '其他',
} as const;
export type DeviceKind = keyof typeof DEVICE_KIND_LABELS;

export const DEVICE_STATUS_LABELS: Record<DeviceStatus, string> = { inService: '在用', lost: '遗失', damaged: '损坏', retired: '报废' };

export const DEVICE_EVENT_LABELS = {
  register: '登记',
  assign: '配发',
  unassign: '收回',
  check: '使用前检查',
  loss: '遗失',
  damage: '损坏',
  repair: '修复',
  found: '找回',
  retire: '报废',
} as const;
export type IncidentKind = 'loss' | 'damage' | 'repair' | 'found' | 'retire';

type DeviceRow = typeof devices.$inferSelect;

async function event(tx: Tx, d: DeviceRow, actor: ActorContext, at: Date, kind: keyof typeof DEVICE_EVENT_LABELS, detail: Record<string, unknown>, passed: boolean | null = null) {
  await tx.insert(deviceEvents).values({ deviceId: d.id, kind, passed, detail, actorId: actor.userId, actorName: actor.displayName, at });
  await recordAudit(tx, { at, actor, action: `device.${kind}`, object: { type: 'device', id: d.id, agencyId: d.agencyId, agencyPath: d.agencyPath }, detail: { serial: d.serial, ...detail } });
}

async function loadDevice(ctx: AppContext, actor: ActorContext, id: string): Promise<DeviceRow> {
  const [d] = /^[0-9a-f-]{36}$/.test(id) ? await ctx.db.select().from(devices).where(eq(devices.id, id)) : [];
  if (!d) throw new AppError('not_found');
  authorize(actor, 'device.read', d, 'device.read');
  return d;
}

async function present(ctx: AppContext, d: DeviceRow, withEvents = false) {
  const [holder] = d.assignedTo ? await ctx.db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.id, d.assignedTo)) : [];
  const [check] = await ctx.db
    .select()
    .from(deviceEvents)
    .where(and(eq(deviceEvents.deviceId, d.id), eq(deviceEvents.kind, 'check')))
    .orderBy(desc(deviceEvents.id))
    .limit(1);
  const events = withEvents ? await ctx.db.select().from(deviceEvents).where(eq(deviceEvents.deviceId, d.id)).orderBy(asc(deviceEvents.id)) : [];
  return {
    id: d.id,
    agencyId: d.agencyId,
    serial: d.serial,
    kind: d.kind,
    kindLabel: DEVICE_KIND_LABELS[d.kind as DeviceKind] ?? d.kind,
    brand: d.brand,
    model: d.model,
    label: `${d.brand} ${d.model}（编号 ${d.serial}）`,
    status: d.status,
    statusLabel: DEVICE_STATUS_LABELS[d.status],
    assignedTo: holder ?? null,
    assignedAt: d.assignedAt?.toISOString() ?? null,
    lastCheck: check ? { at: check.at.toISOString(), passed: check.passed, problems: (check.detail.problems as string[] | undefined) ?? [], by: check.actorName } : null,
    ...(withEvents
      ? { events: events.map((e) => ({ id: e.id, kind: e.kind, kindLabel: DEVICE_EVENT_LABELS[e.kind as keyof typeof DEVICE_EVENT_LABELS] ?? e.kind, passed: e.passed, detail: e.detail, actorName: e.actorName, at: e.at.toISOString() })) }
      : {}),
  };
}

export async function listDevices(ctx: AppContext, actor: ActorContext, f: { assignedToMe?: boolean | undefined }) {
  const conds: SQL[] = [scopeWhere(actor, 'device.read', devices.agencyPath)];
  if (f.assignedToMe) conds.push(eq(devices.assignedTo, actor.userId));
  const rows = await ctx.db.select().from(devices).where(and(...conds)).orderBy(asc(devices.serial)).limit(500);
  const items = [];
  for (const d of rows) items.push(await present(ctx, d));
  return { items, checkLimits: DEVICE_CHECK_LIMITS };
}

export async function getDevice(ctx: AppContext, actor: ActorContext, id: string) {
  const d = await loadDevice(ctx, actor, id);
  const recordings = await ctx.db
    .select({ id: mediaFiles.id, caseId: mediaFiles.caseId, recordNumber: mediaFiles.recordNumber, recordedStart: mediaFiles.recordedStart })
    .from(mediaFiles)
    .where(eq(mediaFiles.deviceId, d.id))
    .orderBy(desc(mediaFiles.recordedStart))
    .limit(100);
  // REC-23 · XX-R 15: recordings filed by device number and time.
  return { ...(await present(ctx, d, true)), recordings: recordings.map((r) => ({ ...r, recordedStart: r.recordedStart.toISOString() })) };
}

export interface NewDeviceInput {
  serial: string;
  kind: DeviceKind;
  brand: string;
  model: string;
  assignTo?: string | undefined;
}

export async function registerDevice(ctx: AppContext, actor: ActorContext, input: NewDeviceInput) {
  const now = ctx.clock.now();
  const [agency] = await ctx.db.select().from(agencies).where(eq(agencies.id, actor.agencyId));
  if (!agency) throw new AppError('not_found');
  authorize(actor, 'device.manage', { agencyId: agency.id, agencyPath: agency.path }, 'device.read');
  const serial = input.serial.trim();
  if (!serial || !input.brand.trim() || !input.model.trim()) throw new AppError('device.invalid', { detail: '须填写设备编号、品牌和型号（REC-17）' });
  const [dup] = await ctx.db.select({ id: devices.id }).from(devices).where(and(eq(devices.agencyId, agency.id), eq(devices.serial, serial)));
  if (dup) throw new AppError('device.duplicate_serial', { serial });
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(devices)
      .values({ id, agencyId: agency.id, agencyPath: agency.path, serial, kind: input.kind, brand: input.brand.trim(), model: input.model.trim(), status: 'inService', assignedTo: null, assignedAt: null, createdBy: actor.userId, createdAt: now, updatedAt: now })
      .returning();
    await event(tx, row!, actor, now, 'register', { kind: input.kind, brand: input.brand.trim(), model: input.model.trim() });
  });
  if (input.assignTo) return assignDevice(ctx, actor, id, input.assignTo);
  return getDevice(ctx, actor, id);
}

/** REC-23 · XX-R 12: one device, one person; a new assignment takes it back from the previous holder. */
export async function assignDevice(ctx: AppContext, actor: ActorContext, id: string, userId: string | null) {
  const now = ctx.clock.now();
  const d = await loadDevice(ctx, actor, id);
  authorize(actor, 'device.manage', d, 'device.read');
  if (userId) {
    if (d.status !== 'inService') throw new AppError('device.unavailable', { detail: `设备${DEVICE_STATUS_LABELS[d.status]}，不能配发` });
    const [u] = await ctx.db.select().from(users).where(eq(users.id, userId));
    if (!u || u.agencyId !== d.agencyId) throw new AppError('device.invalid', { detail: '只能配发给本机关人员' });
  }
  await ctx.db.transaction(async (tx) => {
    if (d.assignedTo && d.assignedTo !== userId) await event(tx, d, actor, now, 'unassign', { from: d.assignedTo });
    await tx.update(devices).set({ assignedTo: userId, assignedAt: userId ? now : null, updatedAt: now }).where(eq(devices.id, d.id));
    if (userId) await event(tx, d, actor, now, 'assign', { to: userId });
  });
  return getDevice(ctx, actor, id);
}

/** REC-9 · SX25-R 15, XX-R 13: the holder (or the keeper) records the pre-use check; a failed check is kept too. */
export async function recordDeviceCheck(ctx: AppContext, actor: ActorContext, id: string, input: DeviceCheckInput & { note?: string | undefined }) {
  const now = ctx.clock.now();
  const d = await loadDevice(ctx, actor, id);
  authorize(actor, 'device.use', d, 'device.read');
  if (d.assignedTo !== actor.userId && !actor.roles.includes('recordsKeeper') && !actor.roles.includes('unitHead')) {
    throw new AppError('forbidden', {}, 'only the holder or the keeper checks a device');
  }
  if (d.status !== 'inService') throw new AppError('device.unavailable', { detail: `设备${DEVICE_STATUS_LABELS[d.status]}` });
  const problems = deviceCheckProblems(input);
  await ctx.db.transaction(async (tx) => {
    await event(tx, d, actor, now, 'check', { batteryPercent: input.batteryPercent, freeStorageMb: input.freeStorageMb, clockOffsetSeconds: input.clockOffsetSeconds, functional: input.functional, problems, note: input.note ?? '' }, problems.length === 0);
  });
  return { passed: problems.length === 0, problems, device: await getDevice(ctx, actor, id) };
}

/** REC-23 · XX-R 14: loss and damage are recorded; repair, recovery and retirement by the keeper. */
export async function recordDeviceIncident(ctx: AppContext, actor: ActorContext, id: string, input: { kind: IncidentKind; description: string; occurredAt?: string | undefined }) {
  const now = ctx.clock.now();
  const d = await loadDevice(ctx, actor, id);
  const keeperOnly = input.kind === 'repair' || input.kind === 'found' || input.kind === 'retire';
  authorize(actor, keeperOnly ? 'device.manage' : 'device.use', d, 'device.read');
  if (!keeperOnly && d.assignedTo !== actor.userId && !actor.roles.includes('recordsKeeper') && !actor.roles.includes('unitHead')) {
    throw new AppError('forbidden', {}, 'only the holder or the keeper reports a device');
  }
  if (input.description.trim().length < 4) throw new AppError('device.invalid', { detail: '须说明经过' });
  if (d.status === 'retired') throw new AppError('device.unavailable', { detail: '设备已报废' });
  const next: Record<IncidentKind, DeviceStatus> = { loss: 'lost', damage: 'damaged', repair: 'inService', found: 'inService', retire: 'retired' };
  const status = next[input.kind];
  if ((input.kind === 'repair' && d.status !== 'damaged') || (input.kind === 'found' && d.status !== 'lost')) {
    throw new AppError('device.unavailable', { detail: `设备当前${DEVICE_STATUS_LABELS[d.status]}` });
  }
  await ctx.db.transaction(async (tx) => {
    await tx.update(devices).set({ status, ...(status === 'retired' ? { assignedTo: null, assignedAt: null } : {}), updatedAt: now }).where(eq(devices.id, d.id));
    await event(tx, d, actor, now, input.kind, { description: input.description.trim(), occurredAt: input.occurredAt ?? now.toISOString(), from: d.status, to: status });
  });
  return getDevice(ctx, actor, id);
}
