/**
 * The whole case file (案卷) for printing (issue 15 item 8; REC-15 案卷, REC-20):
 * the 卷内文件目录 and every document of the case in the order it was made, each
 * in its latest signed or issued version (drafts are not part of the file).
 * Reading it is a case read; printing it is logged like a document view.
 */
import { asc, eq } from 'drizzle-orm';
import { AppError, getDocumentKind } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../../context.js';
import { documentVersions, documents } from '../../db/schema.js';
import type { CaseFileInput } from '../../documents/index.js';
import { chinaDate } from '../../lib/time.js';
import { findAgency } from '../agencies.js';
import { recordAudit } from '../audit.js';
import { loadReadableCase } from '../cases.js';
import { agencyCatalogue } from '../document-kinds.js';

export async function caseFileForPrinting(ctx: AppContext, actor: ActorContext, caseId: string): Promise<CaseFileInput> {
  const c = await loadReadableCase(ctx, actor, caseId);
  const agency = await findAgency(ctx.db, c.agencyId);
  if (!agency) throw new AppError('not_found');
  const catalogue = agencyCatalogue(agency);
  const docs = await ctx.db.select().from(documents).where(eq(documents.caseId, c.id)).orderBy(asc(documents.createdAt), asc(documents.recordNumber));
  const versions = await ctx.db.select().from(documentVersions).where(eq(documentVersions.caseId, c.id)).orderBy(asc(documentVersions.version));
  const now = ctx.clock.now();
  const watermark = `${actor.displayName} ${chinaDate(now)}`;
  const filed: CaseFileInput['documents'][number][] = [];
  for (const doc of docs) {
    const v = versions.filter((x) => x.documentId === doc.id && x.status !== 'draft').at(-1);
    const kind = getDocumentKind(doc.kind, catalogue);
    if (!v || !kind) continue;
    filed.push({
      kind,
      fields: v.fields,
      number: v.docNumber ?? doc.recordNumber,
      agencyName: agency.name,
      caseNumber: c.caseNumber,
      version: v.version,
      status: v.status,
      correctionReason: v.correctionReason,
      date: chinaDate(v.createdAt),
    });
  }
  await recordAudit(ctx.db, {
    at: now,
    actor,
    action: 'case.file.print',
    object: { type: 'case', id: c.id, agencyId: c.agencyId, agencyPath: c.agencyPath },
    detail: { caseId: c.id, documents: filed.length },
  });
  return { agencyName: agency.name, caseNumber: c.caseNumber, caseTitle: c.title, documents: filed, watermark };
}
