/**
 * Issue 13 item 1 — ex-ante content (事前公开信息) through the redaction gate
 * (PUB-4 · SX25-P 16; GS-P 9; PUB-1 · SX25-P 7). An agency's sections have no
 * case behind them, so nothing is masked by itself: every detector hit in a
 * free text (a phone, an ID number, a name, an address, a bank card) is a
 * 疑似个人信息 that blocks approval until the clerk masks it or dismisses it
 * with a reason (kept with the version, `ExAnteContent.redaction`). The
 * agency's names, its address and phone, its published complaint channels
 * (GS-P 5(七)) and the officers' names and certificate numbers of the
 * 执法人员 roster (ORG-2 · GS-P 5(二)) are lawful public content and never
 * flagged. What goes online is the content with the clerk's masks applied.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { applyOverrides, resolveProfile, reviewEntered, type RedactionOverride, type RedactionSources } from '@sanxiang/core';
import { exAnteChannelValues, exAnteTexts, mapExAnteTexts, type ExAnteContent, type ExAnteSection } from '@sanxiang/core/disclosure/exante.js';
import type { DbOrTx } from '../../db/client.js';
import { agencies, exAnteHeads, exAnteVersions } from '../../db/schema.js';
import { officerRoster } from '../exante.js';
import { PUBLIC_TEXT_KIND_LABELS, gateProblems, jiebaTagger, type PublicTextProblem, type PublicTextReview } from './gate.js';

type AgencyRow = typeof agencies.$inferSelect;

/** The public values of an agency's ex-ante information: names of the agencies, its address and phone, its channels, its officers. */
export async function exAnteSources(db: DbOrTx, agency: AgencyRow, today: string): Promise<RedactionSources> {
  const all = await db.select({ name: agencies.name, shortName: agencies.shortName }).from(agencies);
  const [head] = await db.select().from(exAnteHeads).where(and(eq(exAnteHeads.agencyId, agency.id), eq(exAnteHeads.section, 'supervision')));
  const wanted = [head?.currentVersion, head?.publishedVersion].filter((v): v is number => typeof v === 'number');
  const supervision = wanted.length
    ? await db.select({ content: exAnteVersions.content }).from(exAnteVersions).where(and(eq(exAnteVersions.agencyId, agency.id), eq(exAnteVersions.section, 'supervision'), inArray(exAnteVersions.version, wanted)))
    : [];
  const roster = await officerRoster(db, agency, today);
  const values = [
    ...all.flatMap((a) => [a.name, a.shortName ?? '']),
    agency.address,
    agency.phone,
    ...supervision.flatMap((v) => exAnteChannelValues('supervision', v.content)),
    ...roster.flatMap((o) => [o.name, o.certificateNumber]),
  ].filter((v) => v.trim().length >= 2);
  return { public: [...new Set(values)], profile: resolveProfile(agency.profileId, agency.profileOverrides).id, tagger: jiebaTagger() };
}

function overridesOf(content: ExAnteContent): RedactionOverride[] {
  return (content.redaction ?? []).map((r) => (r.action === 'add' ? { action: 'add' as const, value: r.value, reason: r.reason, ...(r.kind ? { kind: r.kind } : {}) } : { action: 'dismiss' as const, value: r.value, reason: r.reason }));
}

/** The approver's view of each free text of a section (same shape as every other public text). */
export function reviewExAnte(section: ExAnteSection, content: ExAnteContent, sources: RedactionSources, extra: ExAnteContent['redaction'] = []): PublicTextReview[] {
  const overrides = [...overridesOf(content), ...overridesOf({ redaction: extra })];
  // The section's own channels are public too (a new supervision version before it is online).
  const src: RedactionSources = { ...sources, public: [...(sources.public ?? []), ...exAnteChannelValues(section, content)] };
  return exAnteTexts(section, content).map((t) => {
    const r = reviewEntered(t.text, src, overrides);
    return { kind: 'exante', kindLabel: `${PUBLIC_TEXT_KIND_LABELS.exante}${t.label}`, key: t.key, original: t.text, text: r.text, masks: r.masks, lifted: r.lifted, suspects: r.suspects, dismissed: r.dismissed, leaks: r.leaks };
  });
}

/** What blocks approval of a section's version: a leak, an open 疑似个人信息. */
export function exAnteGateProblems(reviews: readonly PublicTextReview[]): PublicTextProblem[] {
  return gateProblems(reviews);
}

/** What goes online: the clerk's masks applied to every free text; the redaction record stays inside. */
export function publicExAnteContent(section: ExAnteSection, content: ExAnteContent): ExAnteContent {
  const adds = overridesOf(content).filter((o) => o.action === 'add');
  return mapExAnteTexts(section, content, (t) => (adds.length ? applyOverrides({ text: t.text, masks: [], lifted: [], suspects: [], dismissed: [], warnings: [] }, adds).text : t.text));
}
