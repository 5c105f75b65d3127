/**
 * Party registry (当事人): natural persons, organisations, individual
 * businesses; identity numbers validated (NAT-13); contacts and addresses are
 * private (PUB-4) and only shown to staff who may read the agency's cases.
 */
import { and, asc, eq, ilike, or } from 'drizzle-orm';
import { AppError, validateParty, type PartyInput } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import type { DbOrTx } from '../db/client.js';
import { parties } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { chinaDate } from '../lib/time.js';
import { recordAudit } from './audit.js';
import { authorize, scopeWhere } from './authorize.js';

export type PartyRow = typeof parties.$inferSelect;

export function presentParty(p: PartyRow) {
  return {
    id: p.id,
    agencyId: p.agencyId,
    kind: p.kind,
    name: p.name,
    idType: p.idType,
    idNumber: p.idNumber,
    creditCode: p.creditCode,
    legalRepresentative: p.legalRepresentative,
    operator: p.operator,
    minor: p.minor,
    address: p.address,
    contacts: p.contacts,
  };
}

export function missingText(missing: readonly { label: string; reason: string }[]): string {
  return missing.map((m) => `${m.label}：${m.reason}`).join('；');
}

export async function createParty(ctx: AppContext, actor: ActorContext, input: PartyInput): Promise<PartyRow> {
  const now = ctx.clock.now();
  authorize(actor, 'party.write', { agencyId: actor.agencyId, agencyPath: actor.agencyPath }, 'party.read');
  const check = validateParty(input, { asOf: chinaDate(now) });
  if (!check.ok) {
    const identity = check.missing.find((m) => /身份证|信用代码/.test(m.label + m.reason));
    throw new AppError('case.party_invalid', { detail: missingText(check.missing) }, identity ? `party identity invalid` : undefined);
  }
  const p = check.party;
  const id = newId();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(parties)
      .values({
        id,
        agencyId: actor.agencyId,
        agencyPath: actor.agencyPath,
        kind: p.kind,
        name: p.name,
        idType: p.idType ?? null,
        idNumber: p.idNumber ?? null,
        creditCode: p.creditCode ?? null,
        legalRepresentative: p.legalRepresentative ?? null,
        operator: p.operator ?? null,
        minor: p.minor,
        address: p.address,
        contacts: [...(p.contacts ?? [])],
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, { at: now, actor, action: 'party.create', object: { type: 'party', id, agencyId: actor.agencyId, agencyPath: actor.agencyPath } });
    return row!;
  });
}

export async function listParties(ctx: AppContext, actor: ActorContext, q: { search?: string | undefined }): Promise<PartyRow[]> {
  const conds = [scopeWhere(actor, 'party.read', parties.agencyPath)];
  if (q.search) {
    const like = `%${q.search.replace(/[%_\\]/g, '')}%`;
    conds.push(or(ilike(parties.name, like), ilike(parties.creditCode, like))!);
  }
  return ctx.db.select().from(parties).where(and(...conds)).orderBy(asc(parties.name)).limit(200);
}

export async function findParty(db: DbOrTx, id: string): Promise<PartyRow | undefined> {
  const [p] = await db.select().from(parties).where(eq(parties.id, id));
  return p;
}

export async function getParty(ctx: AppContext, actor: ActorContext, id: string): Promise<PartyRow> {
  const p = await findParty(ctx.db, id);
  if (!p) throw new AppError('not_found');
  authorize(actor, 'party.read', { agencyId: p.agencyId, agencyPath: p.agencyPath }, 'party.read');
  return p;
}
