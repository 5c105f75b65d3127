/**
 * Regulation profiles as the API shows them (REQUIREMENTS §8): every value
 * with its citation and origin (own, inherited, agency configuration,
 * default), and each agency's choice of profile and its own values.
 */
import { eq } from 'drizzle-orm';
import { AppError, PROFILE_IDS, isDeadlineRuleKey, previewDeadline, resolveProfile, type AgencyOverrides, type DeadlinePreview } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../context.js';
import { agencies } from '../db/schema.js';
import { recordAudit } from './audit.js';
import { authorize } from './authorize.js';
import { findAgency } from './agencies.js';
import { loadCalendar } from './calendar.js';

export function listProfiles() {
  return PROFILE_IDS.map((id) => {
    const p = resolveProfile(id);
    return { id: p.id, name: p.name, issuer: p.issuer, docNumber: p.docNumber, effective: p.effective, parent: p.parent, chain: p.chain };
  });
}

export function getProfile(id: string, overrides?: AgencyOverrides) {
  return resolveProfile(id, overrides);
}

/** GET /deadlines/preview: one rule of one profile from one date. */
export async function deadlinePreview(ctx: AppContext, input: { profile: string; rule: string; from: string; agencyId?: string | undefined }): Promise<DeadlinePreview> {
  // An agency's configured values are rules, not case data: public like the profiles.
  const agency = input.agencyId ? await findAgency(ctx.db, input.agencyId) : undefined;
  if (input.agencyId && !agency) throw new AppError('not_found');
  const profile = resolveProfile(input.profile, agency && agency.profileId === input.profile ? agency.profileOverrides : {});
  if (!isDeadlineRuleKey(input.rule)) throw new AppError('profile.rule_undefined', { profile: input.profile, rule: input.rule });
  const calendar = await loadCalendar(ctx.db);
  return previewDeadline({ calendar, profile, rule: input.rule, from: input.from });
}

export async function getAgencyProfile(ctx: AppContext, actor: ActorContext, agencyId: string) {
  const a = await findAgency(ctx.db, agencyId);
  if (!a) throw new AppError('not_found');
  authorize(actor, 'agency.read', { agencyId: a.id, agencyPath: a.path }, 'agency.read');
  return { agencyId: a.id, profileId: a.profileId, overrides: a.profileOverrides, resolved: resolveProfile(a.profileId, a.profileOverrides) };
}

/** The system administrator chooses the agency's profile and configures its open values. */
export async function setAgencyProfile(ctx: AppContext, actor: ActorContext, agencyId: string, input: { profileId: string; overrides: AgencyOverrides }) {
  const a = await findAgency(ctx.db, agencyId);
  if (!a) throw new AppError('not_found');
  authorize(actor, 'profile.choose', { agencyId: a.id, agencyPath: a.path }, 'agency.read');
  resolveProfile(input.profileId, input.overrides); // validates the id and every configured value
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.update(agencies).set({ profileId: input.profileId, profileOverrides: input.overrides, updatedAt: now }).where(eq(agencies.id, a.id));
    await recordAudit(tx, {
      at: now,
      actor,
      action: 'agency.setProfile',
      object: { type: 'agency', id: a.id, agencyId: a.id, agencyPath: a.path },
      detail: { from: a.profileId, to: input.profileId, overrides: Object.keys(input.overrides) },
    });
  });
  return getAgencyProfile(ctx, actor, agencyId);
}
