/**
 * Agencies (ORG-1): list in scope, read, create below one's own, update.
 * Plain master data: changes are audited, not versioned.
 */
import { asc, eq } from 'drizzle-orm';
import { AppError, allows, checkAgencyParent, childPath, isProfileId, requireCreditCode, type AgencyLevel } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import type { DbOrTx } from '../db/client.js';
import { agencies } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { recordAudit } from './audit.js';
import { authorize, relationTo, scopeWhere } from './authorize.js';

export type AgencyRow = typeof agencies.$inferSelect;

export interface AgencyInput {
  name: string;
  shortName?: string | null | undefined;
  level: AgencyLevel;
  creditCode: string;
  nature?: string | undefined;
  functions?: string | undefined;
  jurisdiction?: string | undefined;
  enforcementArea?: string | undefined;
  address?: string | undefined;
  postcode?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  website?: string | undefined;
  complaintChannel?: string | undefined;
  profileId?: string | undefined;
  sortOrder?: number | undefined;
}

/** Presenter: the whitelisted fields plus what the actor may do with the agency. */
export function presentAgency(a: AgencyRow, actor?: ActorContext) {
  const rel = actor ? relationTo(actor, { agencyId: a.id, agencyPath: a.path }) : null;
  return {
    id: a.id,
    parentId: a.parentId,
    level: a.level,
    name: a.name,
    shortName: a.shortName,
    creditCode: a.creditCode,
    nature: a.nature,
    functions: a.functions,
    jurisdiction: a.jurisdiction,
    enforcementArea: a.enforcementArea,
    address: a.address,
    postcode: a.postcode,
    phone: a.phone,
    email: a.email,
    website: a.website,
    complaintChannel: a.complaintChannel,
    profileId: a.profileId,
    sortOrder: a.sortOrder,
    updatedAt: a.updatedAt.toISOString(),
    ...(actor && rel
      ? {
          abilities: {
            update: allows(actor, 'agency.update', rel),
            createChild: allows(actor, 'agency.create', rel) && a.level !== 'county' && a.level !== 'branch',
            manageUsers: allows(actor, 'user.create', rel),
          },
        }
      : {}),
  };
}

export async function listAgencies(ctx: AppContext, actor: ActorContext): Promise<AgencyRow[]> {
  return ctx.db.select().from(agencies).where(scopeWhere(actor, 'agency.read', agencies.path)).orderBy(asc(agencies.path), asc(agencies.sortOrder));
}

/** Public directory for the portal (ORG-1: the roster of enforcement bodies is published). */
export async function listPublicAgencies(db: DbOrTx): Promise<AgencyRow[]> {
  return db.select().from(agencies).orderBy(asc(agencies.sortOrder), asc(agencies.path));
}

export async function findAgency(db: DbOrTx, id: string): Promise<AgencyRow | undefined> {
  const [a] = await db.select().from(agencies).where(eq(agencies.id, id)).limit(1);
  return a;
}

export async function getAgency(ctx: AppContext, actor: ActorContext, id: string): Promise<AgencyRow> {
  const a = await findAgency(ctx.db, id);
  if (!a) throw new AppError('not_found');
  authorize(actor, 'agency.read', { agencyId: a.id, agencyPath: a.path }, 'agency.read');
  return a;
}

/**
 * Creates an agency below `parentId`. Roots (the provincial department of an
 * installation) are created by `sanxiang seed` or at installation, not through
 * the API: nobody may create a sibling of their own root.
 */
export async function createAgency(ctx: AppContext, actor: ActorContext, parentId: string, input: AgencyInput): Promise<AgencyRow> {
  const now = ctx.clock.now();
  const creditCode = requireCreditCode(input.creditCode);
  const parent = await findAgency(ctx.db, parentId);
  if (!parent) throw new AppError('not_found');
  authorize(actor, 'agency.create', { agencyId: parent.id, agencyPath: parent.path }, 'agency.read');
  checkAgencyParent(input.level, parent.level);
  if (input.profileId !== undefined && !isProfileId(input.profileId)) throw new AppError('profile.unknown', { profile: input.profileId });
  const id = newId();
  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.creditCode, creditCode));
    if (dup) throw new AppError('agency.duplicate_code', { value: creditCode });
    const [row] = await tx
      .insert(agencies)
      .values({ ...cleanInput(input), name: input.name.trim(), level: input.level, creditCode, id, parentId: parent.id, path: childPath(parent.path, id), profileId: input.profileId ?? parent.profileId, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, { at: now, actor, action: 'agency.create', object: { type: 'agency', id, agencyId: id, agencyPath: row!.path }, detail: { name: input.name } });
    return row!;
  });
}

export async function updateAgency(ctx: AppContext, actor: ActorContext, id: string, patch: Partial<Omit<AgencyInput, 'level'>>): Promise<AgencyRow> {
  const now = ctx.clock.now();
  const a = await findAgency(ctx.db, id);
  if (!a) throw new AppError('not_found');
  authorize(actor, 'agency.update', { agencyId: a.id, agencyPath: a.path }, 'agency.read');
  if (patch.profileId !== undefined && !isProfileId(patch.profileId)) throw new AppError('profile.unknown', { profile: patch.profileId });
  if (patch.profileId !== undefined && patch.profileId !== a.profileId) {
    authorize(actor, 'profile.choose', { agencyId: a.id, agencyPath: a.path }, 'agency.read');
  }
  const values = cleanInput(patch);
  if (patch.creditCode !== undefined) values.creditCode = requireCreditCode(patch.creditCode);
  return ctx.db.transaction(async (tx) => {
    if (values.creditCode && values.creditCode !== a.creditCode) {
      const [dup] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.creditCode, values.creditCode));
      if (dup) throw new AppError('agency.duplicate_code', { value: values.creditCode });
    }
    const [row] = await tx.update(agencies).set({ ...values, updatedAt: now }).where(eq(agencies.id, id)).returning();
    const changed = Object.keys(values).filter((k) => (values as Record<string, unknown>)[k] !== (a as Record<string, unknown>)[k]);
    await recordAudit(tx, { at: now, actor, action: 'agency.update', object: { type: 'agency', id, agencyId: id, agencyPath: a.path }, detail: { changed } });
    return row!;
  });
}

function cleanInput(input: Partial<AgencyInput>): Partial<typeof agencies.$inferInsert> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    out[k] = typeof v === 'string' ? v.trim() : v;
  }
  return out as Partial<typeof agencies.$inferInsert>;
}
