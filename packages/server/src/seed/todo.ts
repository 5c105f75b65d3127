/**
 * Demo items for the to-do lists (待办, issue 15), made through the real use
 * cases: in 太原市生态环境局 a major penalty case sent to legal review and
 * not yet assigned (the reviewer's and the head's 待分配), with an access
 * request waiting for the head (REC-20).
 */
import { eq } from 'drizzle-orm';
import { getDocumentKind, sampleFields, type PartyInput } from '@sanxiang/core';
import type { AppContext } from '../context.js';
import { officerCertificates } from '../db/schema.js';
import { createAccessRequest } from '../usecases/access.js';
import { advanceCaseStage, createCase } from '../usecases/cases.js';
import { createDocument, finalizeDocument } from '../usecases/documents.js';
import { createParty } from '../usecases/parties.js';
import { submitReview } from '../usecases/review.js';
import { demoActor } from './actors.js';
import { demoCreditCode } from './demo.js';

const PARTY: PartyInput = {
  kind: 'organisation',
  name: '太原市清徐焦化有限公司',
  creditCode: demoCreditCode('91140121MA0K7TD0X'),
  legalRepresentative: { name: '孙某' },
  address: '山西省太原市清徐县示例工业园区 8 号',
};

export async function seedDemoTodo(ctx: AppContext): Promise<void> {
  const officer = await demoActor(ctx, 'ty_officer1');
  const officer2 = await demoActor(ctx, 'ty_officer2');
  const cert = async (userId: string) => (await ctx.db.select({ n: officerCertificates.number }).from(officerCertificates).where(eq(officerCertificates.userId, userId)))[0]?.n ?? '';
  const officers = { officers: [officer.displayName, officer2.displayName], officerNames: [officer.displayName, officer2.displayName], certificateNumbers: [await cert(officer.userId), await cert(officer2.userId)] };
  const party = await createParty(ctx, officer, PARTY);
  const c = await createCase(ctx, officer, { actionType: 'penalty', source: 'complaint', title: '太原市清徐焦化有限公司超标排放大气污染物案', partyId: party.id, handlerIds: [officer.userId, officer2.userId] });
  const write = async (kind: string, extra: Record<string, unknown>, sign: boolean) => {
    const doc = await createDocument(ctx, officer, c.id, { kind, fields: { ...sampleFields(getDocumentKind(kind)!, officers), ...extra } });
    if (sign) await finalizeDocument(ctx, officer, c.id, doc.documentId, { status: 'signed' });
    return doc.documentId;
  };
  // REC-3: filed with the approval form, then investigated.
  await write('filingApproval', {}, true);
  await advanceCaseStage(ctx, officer, c.id);
  const report = await write('investigationReport', {}, true);
  const evidence = await write('inquiryRecord', {}, true);
  // A second interview, written up and waiting for the officer's signature (待签名 on the 待办).
  await write('inquiryRecord', {}, false);
  const decision = await write('penaltyDecision', { partyName: party.name, penaltyTypes: ['fine'], fineAmount: 300_000 }, false);
  // REV-1, REV-3: a fine of this size is a major decision; sent to review, waiting for a reviewer.
  await submitReview(ctx, officer, c.id, {
    materials: [
      { key: 'proposal', text: '建议对当事人处以罚款三十万元。' },
      { key: 'investigationReport', documentIds: [report] },
      { key: 'draftDecision', documentIds: [decision] },
      { key: 'legalBasisAndEvidence', documentIds: [evidence], text: '《中华人民共和国大气污染防治法》第九十九条' },
    ],
  } as Parameters<typeof submitReview>[3]);
  // REC-20: the court asks to see the case's recordings.
  await createAccessRequest(ctx, officer, { caseId: c.id, requesterKind: 'court', requesterName: '李法官', requesterOrg: '太原市小店区人民法院', reason: '审理行政诉讼案件需要调阅' });
}
