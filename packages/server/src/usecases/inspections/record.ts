/**
 * Writes and signs the 现场检查笔录 of a registered inspection through the
 * case machinery (documents.ts): used by the demo seed and the tests. Signing
 * it ends the inspection and starts the result's publication draft
 * (PUB-2 → publications.ts), due within the profile's period (NAT-17).
 */
import { eq } from 'drizzle-orm';
import { AppError, getDocumentKind, sampleFields } from '@sanxiang/core';
import type { AppContext } from '../../context.js';
import { inspections, parties, cases } from '../../db/schema.js';
import { chinaDate } from '../../lib/time.js';
import { loadActor } from '../auth.js';
import { createDocument, finalizeDocument } from '../documents.js';
import { CaseWalk } from '../../seed/walk.js';

export async function signInspectionRecord(ctx: AppContext, inspectionId: string, findings: string): Promise<string> {
  const [i] = await ctx.db.select().from(inspections).where(eq(inspections.id, inspectionId));
  if (!i?.caseId) throw new AppError('inspection.not_registered', { detail: '检查尚未立案' });
  const lead = await loadActor(ctx, i.inspectors[0]!.userId, '127.0.0.1');
  if (!lead) throw new AppError('not_found');
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, i.caseId));
  const [party] = c?.partyId ? await ctx.db.select().from(parties).where(eq(parties.id, c.partyId)) : [];
  if (c?.state === 'initiation') {
    // Issue 11: documents are bound to stages — the 现场检查笔录 is made in 调查取证, so the
    // case is first taken through 启动 lawfully (案件来源登记表 signed, then advanced).
    const second = i.inspectors[1] ? await loadActor(ctx, i.inspectors[1].userId, '127.0.0.1') : null;
    const walk = new CaseWalk(ctx, ctx.clock.now(), {
      officer: lead,
      officer2: second ?? lead,
      head: lead,
      certificates: [i.inspectors[0]!.certificateNumber, i.inspectors[1]?.certificateNumber ?? i.inspectors[0]!.certificateNumber],
    });
    walk.caseId = i.caseId;
    walk.common = { partyName: party?.name ?? i.targetName, partyAddress: party?.address ?? '' };
    await walk.walkTo('investigation');
  }
  const today = chinaDate(ctx.clock.now());
  const kind = getDocumentKind('inspectionRecord')!;
  const fields = sampleFields(kind, {
    officerNames: i.inspectors.map((x) => x.name),
    certificateNumbers: i.inspectors.map((x) => x.certificateNumber),
    partyName: party?.name ?? i.targetName,
    place: party?.address ?? i.targetName,
    startAt: `${today}T09:00:00+08:00`,
    endAt: `${today}T10:30:00+08:00`,
    findings,
  });
  for (const k of Object.keys(fields)) if (fields[k] === undefined) delete fields[k];
  const doc = await createDocument(ctx, lead, i.caseId, { kind: 'inspectionRecord', fields });
  await finalizeDocument(ctx, lead, i.caseId, doc.documentId, { status: 'signed' });
  return doc.documentId;
}
