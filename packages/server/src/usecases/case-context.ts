/**
 * Assembles what the pure stage machine needs (CaseSnapshot + profile +
 * calendar) from the tables, in one place, so that the checklist, the
 * advance gate and the case page all see the same facts.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import {
  resolveProfile,
  type AdvanceInput,
  type CaseDocumentRef,
  type CaseSnapshot,
  type HandlerOfficer,
  type ResolvedProfile,
  type ServiceRecord,
  type WorkCalendar,
} from '@sanxiang/core';
import type { DbOrTx } from '../db/client.js';
import { agencies, caseHandlers, cases, documentVersions, documents, officerCertificates, serviceRecords, users } from '../db/schema.js';
import { loadCalendar } from './calendar.js';
import { findParty } from './parties.js';
import { agencyCatalogue } from './document-kinds.js';
import { avRecordsOfCase } from './media-av.js';

export type CaseRow = typeof cases.$inferSelect;

export interface CaseContext {
  row: CaseRow;
  snapshot: CaseSnapshot;
  handlers: (HandlerOfficer & { lead: boolean; username: string })[];
  documentRows: (typeof documents.$inferSelect)[];
  versionRows: (typeof documentVersions.$inferSelect)[];
  serviceRows: (typeof serviceRecords.$inferSelect)[];
  profile: ResolvedProfile;
  calendar: WorkCalendar;
  agency: typeof agencies.$inferSelect;
}

export async function loadHandlers(db: DbOrTx, caseId: string) {
  const rows = await db
    .select({ h: caseHandlers, name: users.displayName, username: users.username })
    .from(caseHandlers)
    .innerJoin(users, eq(users.id, caseHandlers.userId))
    .where(eq(caseHandlers.caseId, caseId))
    .orderBy(asc(caseHandlers.addedAt));
  const ids = rows.map((r) => r.h.userId);
  const certs = ids.length ? await db.select().from(officerCertificates).where(inArray(officerCertificates.userId, ids)) : [];
  return rows.map((r) => {
    // The most recent certificate on file counts (a renewed one replaces the old).
    const mine = certs.filter((c) => c.userId === r.h.userId).sort((a, b) => (a.validTo < b.validTo ? 1 : -1));
    const c = mine[0];
    return {
      id: r.h.userId,
      name: r.name,
      username: r.username,
      lead: r.h.lead,
      certificate: c ? { number: c.number, validFrom: c.validFrom, validTo: c.validTo, status: c.status } : null,
    };
  });
}

export async function loadCaseContext(db: DbOrTx, row: CaseRow): Promise<CaseContext> {
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, row.agencyId));
  const [handlers, documentRows, versionRows, serviceRows, party, calendar] = await Promise.all([
    loadHandlers(db, row.id),
    db.select().from(documents).where(eq(documents.caseId, row.id)).orderBy(asc(documents.createdAt)),
    db.select().from(documentVersions).where(eq(documentVersions.caseId, row.id)).orderBy(asc(documentVersions.createdAt)),
    db.select().from(serviceRecords).where(eq(serviceRecords.caseId, row.id)).orderBy(asc(serviceRecords.createdAt)),
    row.partyId ? findParty(db, row.partyId) : Promise.resolve(undefined),
    loadCalendar(db),
  ]);
  const kindOf = new Map(documentRows.map((d) => [d.id, d.kind]));
  const docs: CaseDocumentRef[] = versionRows.map((v) => ({
    id: v.id,
    documentId: v.documentId,
    kind: kindOf.get(v.documentId) ?? '',
    status: v.status,
    version: v.version,
    fields: v.fields,
  }));
  const snapshot: CaseSnapshot = {
    actionType: row.actionType,
    source: row.source,
    state: row.state,
    measures: row.measures,
    flags: row.flags,
    ...(party ? { partyKind: party.kind } : {}),
    ...(row.proposedPenalty ? { proposedPenalty: row.proposedPenalty } : {}),
    handlers: handlers.map(({ id, name, certificate }) => ({ id, name, certificate })),
    documents: docs,
    services: serviceRows.map((s) => s.record as unknown as ServiceRecord),
    decisionRecords: linkToCurrentVersions(row.decisionRecords, documentRows, versionRows),
    // REC-6, REC-7: media files with the situations they cover, plus approved exceptions (REC-11, REC-12).
    avRecords: await avRecordsOfCase(db, row.id),
  };
  return {
    row,
    snapshot,
    handlers,
    documentRows,
    versionRows,
    serviceRows,
    profile: resolveProfile(agency!.profileId, agency!.profileOverrides),
    calendar,
    agency: agency!,
  };
}

export function advanceInput(c: CaseContext, today: string): AdvanceInput {
  return { snapshot: c.snapshot, profile: c.profile, calendar: c.calendar, today, catalogue: agencyCatalogue(c.agency) };
}

/**
 * Decision-stage records link documents by their lineage id (which survives a
 * correction); the pure checks compare against version ids, so a link is
 * resolved to the lineage's current version.
 */
function linkToCurrentVersions(
  records: CaseRow['decisionRecords'],
  documentRows: readonly { id: string }[],
  versionRows: readonly { id: string; documentId: string; version: number }[],
): CaseRow['decisionRecords'] {
  const cd = records.collectiveDiscussion;
  if (!cd?.documentId || !documentRows.some((d) => d.id === cd.documentId)) return records;
  return { ...records, collectiveDiscussion: { ...cd, documentId: currentVersionId(cd.documentId, versionRows) } };
}

export function currentVersionId(documentId: string, versionRows: readonly { id: string; documentId: string; version: number }[]): string {
  const mine = versionRows.filter((v) => v.documentId === documentId).sort((a, b) => b.version - a.version);
  return mine[0]?.id ?? documentId;
}
