/**
 * Test fixture: a demo-agency case brought lawfully to a stage by the walk
 * (seed/walk.ts), filed `daysAgo` days before the context's now, so that a
 * test can try the next step through the API.
 */
import { eq } from 'drizzle-orm';
import type { ActionType, CaseState } from '@sanxiang/core';
import type { AppContext } from '../context.js';
import { officerCertificates } from '../db/schema.js';
import { demoActor } from '../seed/actors.js';
import { demoCreditCode } from '../seed/demo.js';
import { CaseWalk } from '../seed/walk.js';
import { createCase, updateCaseFacts } from '../usecases/cases.js';
import { createParty, findParty } from '../usecases/parties.js';

let serial = 0;

export interface WalkedCaseOptions {
  org?: 'ty' | 'lz' | 'xx';
  actionType?: ActionType;
  daysAgo?: number;
  fineAmount?: number;
  to?: CaseState;
  /** Also fill the stage up to (not including) this row, e.g. 'penalty.decision.penaltyDecision'. */
  until?: string;
  legalBasis?: string;
  /** A party registered already (else a new organisation). */
  partyId?: string;
  /** An inquiry record made during the investigation (values beyond the samples), e.g. a witness. */
  inquiry?: Record<string, unknown>;
  /** The case's name (default 程序测试案N). */
  title?: string;
  /** Filed this many days before `before` instead of before now, and walked no later than `before` (a China date). */
  before?: string;
}

export async function walkedCase(ctx: AppContext, o: WalkedCaseOptions = {}) {
  const org = o.org ?? 'ty';
  const officer = await demoActor(ctx, `${org}_officer1`);
  const officer2 = await demoActor(ctx, `${org}_officer2`);
  const head = await demoActor(ctx, `${org}_head`);
  const reviewer = await demoActor(ctx, `${org}_reviewer`);
  const cert = async (id: string) => (await ctx.db.select().from(officerCertificates).where(eq(officerCertificates.userId, id)))[0]!.number;
  const end = o.before ? new Date(`${o.before}T10:00:00+08:00`) : ctx.clock.now();
  const walk = new CaseWalk(ctx, new Date(end.getTime() - (o.daysAgo ?? 40) * 86_400_000), { officer, officer2, head, reviewer, certificates: [await cert(officer.userId), await cert(officer2.userId)] });
  serial += 1;
  const party = o.partyId
    ? ((await findParty(ctx.db, o.partyId)) as Awaited<ReturnType<typeof createParty>>)
    : await createParty(walk.ctx, officer, { kind: 'organisation', name: `程序测试有限公司${serial}`, creditCode: demoCreditCode(`91140100MA0P${String(10000 + serial)}`), legalRepresentative: { name: '周正' }, address: '测试路 1 号' });
  const actionType = o.actionType ?? 'penalty';
  const c = await createCase(walk.ctx, officer, { actionType, source: actionType === 'inspection' ? 'randomInspection' : 'complaint', title: o.title ?? `程序测试案${serial}`, partyId: party.id, handlerIds: [officer.userId, officer2.userId] });
  walk.caseId = c.id;
  const legalBasis = o.legalBasis ?? '《中华人民共和国大气污染防治法》第一百零八条第（一）项';
  walk.common = { partyName: party.name, partyAddress: party.address, partyCreditCode: party.creditCode ?? undefined, legalRepresentative: '周正', agencyName: officer.agencyName, legalBasis };
  if (actionType === 'penalty') await updateCaseFacts(walk.ctx, officer, c.id, { proposedPenalty: { types: ['fine'], fineAmount: o.fineAmount ?? 50_000 } });
  if (o.inquiry) {
    await walk.walkTo('investigation');
    await walk.doc('inquiryRecord', o.inquiry);
    walk.next();
  }
  if (o.to) await walk.walkTo(o.to);
  if (o.until) await walk.fill({ until: o.until });
  return { walk, caseId: c.id, caseNumber: c.caseNumber, partyName: party.name };
}
