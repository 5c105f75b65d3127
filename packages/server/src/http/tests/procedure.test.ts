/**
 * Issue 11: the procedure enforced by the server. Every gate is tried
 * through the API out of order (refused, naming what must come first), then
 * passed once the missing step is done. Cases are brought to the step under
 * test by the lawful walk (seed/walk.ts), on earlier days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocumentKind, sampleFields } from '@sanxiang/core';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { users } from '../../db/schema.js';
import type { CaseWalk } from '../../seed/walk.js';
import { walkedCase } from '../../testing/walked-case.js';
import { extendDecisionLimit } from '../../usecases/procedure/extend-decision-limit.js';
import { assignReviewer, submitReview } from '../../usecases/review.js';

let server: TestServer;
const cookie: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const u of ['ty_officer1', 'ty_head', 'ty_reviewer']) cookie[u] = await loginCookie(server.app, u);
  for (const u of await server.ctx.db.select().from(users)) ids[u.username] = u.id;
});
afterAll(async () => {
  await server?.close();
});

const api = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: unknown) =>
  server.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookie[who]! }, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function penaltyCase(daysAgo: number) {
  return walkedCase(server.ctx, { daysAgo });
}

function decisionFields(walk: CaseWalk, extra: Record<string, unknown> = {}) {
  const spec = getDocumentKind('penaltyDecision')!;
  const f = walk.fields(spec, { penaltyTypes: ['fine'], fineAmount: 50_000, penaltyContent: '罚款人民币伍万元整', legalBasis: '《中华人民共和国大气污染防治法》第一百零八条第（一）项', ...extra });
  delete f.issueDate;
  return f;
}

describe('issue 11 · no decision out of order, through the API', () => {
  it('REC-1 · NAT-20 · 行政处罚法 Art 44: a decision on a case filed a moment ago is refused (409), naming the stage and what is missing', async () => {
    const created = await api('POST', '/cases', 'ty_officer1', { actionType: 'penalty', source: 'complaint', title: '刚立案的案件', handlerIds: [ids.ty_officer1, ids.ty_officer2] });
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json().case.id;
    const res = await api('POST', `/cases/${caseId}/documents`, 'ty_officer1', { kind: 'penaltyDecision', fields: sampleFields(getDocumentKind('penaltyDecision')!) });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('document.stage_refused');
    const message: string = res.json().error.message;
    expect(message).toContain('案件处于“启动”阶段，行政处罚决定书在“调查取证”阶段制作');
    expect(message).toContain('立案审批表');
    expect(message).toContain('并进入“调查取证”阶段');
    // Nor can a 告知 be issued before the investigation is concluded.
    const notice = await api('POST', `/cases/${caseId}/documents`, 'ty_officer1', { kind: 'penaltyNotice', fields: sampleFields(getDocumentKind('penaltyNotice')!) });
    expect(notice.statusCode).toBe(409);
  });

  it('NAT-20 · 行政处罚法 Art 44, 45: at 审核决定 the decision may be drafted but not issued before the 告知 is served and the party\'s time has passed; then it is', async () => {
    const { walk, caseId } = await penaltyCase(40);
    await walk.walkTo('decision');
    // The decision-stage records of the unit and the head are made; the 告知 is not.
    await walk.fill({ until: 'penalty.decision.priorNotice' });
    const draft = await api('POST', `/cases/${caseId}/documents`, 'ty_officer1', { kind: 'penaltyDecision', fields: decisionFields(walk) });
    expect(draft.statusCode, draft.body).toBe(201);
    const documentId = draft.json().document.documentId;
    const refused = await api('POST', `/cases/${caseId}/documents/${documentId}/finalize`, 'ty_head', { status: 'issued' });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.code).toBe('document.prerequisites_missing');
    expect(refused.json().error.message).toContain('行政处罚事先告知书');
    expect(refused.json().error.message).toContain('陈述、申辩');
    // 告知 issued and served; the party says nothing; the period runs out (the walk waits it out on later days).
    await walk.fill({ until: 'penalty.decision.penaltyDecision' });
    const issued = await api('POST', `/cases/${caseId}/documents/${documentId}/finalize`, 'ty_head', { status: 'issued' });
    expect(issued.statusCode, issued.body).toBe(200);
  });

  it('dates in order: a decision backdated before the last investigation record, and a service before the issue, are refused with the reason', async () => {
    const { walk, caseId } = await penaltyCase(45);
    await walk.walkTo('decision');
    await walk.fill({ until: 'penalty.decision.penaltyDecision' });
    const draft = await api('POST', `/cases/${caseId}/documents`, 'ty_officer1', { kind: 'penaltyDecision', fields: decisionFields(walk) });
    const documentId = draft.json().document.documentId;
    const ctxDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const filing = ctxDay(new Date(server.ctx.clock.now().getTime() - 45 * 86_400_000));
    const backdated = await api('POST', `/cases/${caseId}/documents/${documentId}/finalize`, 'ty_head', { status: 'issued', fields: { issueDate: filing } });
    expect(backdated.statusCode, backdated.body).toBe(409);
    expect(backdated.json().error.code).toBe('document.date_invalid');
    expect(backdated.json().error.message).toMatch(/早于最后一份调查取证记录的日期|早于立案日期/);
    const issued = await api('POST', `/cases/${caseId}/documents/${documentId}/finalize`, 'ty_head', { status: 'issued' });
    expect(issued.statusCode, issued.body).toBe(200);
    const early = await api('POST', `/cases/${caseId}/services`, 'ty_officer1', {
      documentId,
      record: { method: 'direct', recipientName: '周正', recipientRole: 'legalRepresentative', recipientSigned: true, serverNames: ['执法一', '执法二'], serverSigned: true, receivedAt: filing },
    });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().error.code).toBe('document.date_invalid');
    expect(early.json().error.message).toContain('早于行政处罚决定书签发（签署）日期');
  });

  it('a record of an earlier stage cannot be signed once the case has moved on (立案审批表 at 审核决定)', async () => {
    const { walk, caseId } = await penaltyCase(20);
    await walk.walkTo('decision');
    const res = await api('POST', `/cases/${caseId}/documents`, 'ty_officer1', { kind: 'filingApproval', fields: sampleFields(getDocumentKind('filingApproval')!) });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('案件已进入“审核决定”阶段，立案审批表只能在“启动”阶段制作');
  });
});

describe('NAT-22 · fines within the article\'s range, through the API', () => {
  it('NAT-22 · 大气污染防治法 第九十九条: a fine of 60,000 is refused (409, naming the range); NAT-5 · 行政处罚法 Art 58: 150,000 is issued once the legal review has passed', async () => {
    const { walk, caseId } = await walkedCase(server.ctx, { daysAgo: 50, fineAmount: 150_000, to: 'decision', until: 'penalty.decision.penaltyDecision', legalBasis: '《中华人民共和国大气污染防治法》第九十九条第（二）项' });
    const fields = decisionFields(walk, { fineAmount: 60_000, penaltyContent: '罚款人民币陆万元整', legalBasis: '《中华人民共和国大气污染防治法》第九十九条第（二）项' });
    const draft = await api('POST', `/cases/${caseId}/documents`, 'ty_officer1', { kind: 'penaltyDecision', fields });
    expect(draft.statusCode, draft.body).toBe(201);
    const documentId = draft.json().document.documentId;
    const refused = await api('POST', `/cases/${caseId}/documents/${documentId}/finalize`, 'ty_head', { status: 'issued' });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.code).toBe('penalty.fine_out_of_range');
    expect(refused.json().error.message).toContain('10万元以上100万元以下');
    // Outside the band the circumstances fall in, a reason is needed.
    const banded = { ...fields, fineAmount: 800_000, penaltyContent: '罚款人民币捌拾万元整', discretionBand: '较轻' };
    expect((await api('PUT', `/cases/${caseId}/documents/${documentId}/draft`, 'ty_officer1', { fields: banded })).statusCode).toBe(200);
    const noReason = await api('POST', `/cases/${caseId}/documents/${documentId}/finalize`, 'ty_head', { status: 'issued' });
    expect(noReason.statusCode).toBe(409);
    expect(noReason.json().error.code).toBe('penalty.discretion_reason_required');
    const lawful = { ...fields, fineAmount: 150_000, penaltyContent: '罚款人民币壹拾伍万元整', discretionBand: '较轻' };
    expect((await api('PUT', `/cases/${caseId}/documents/${documentId}/draft`, 'ty_officer1', { fields: lawful })).statusCode).toBe(200);
    const gate = await api('POST', `/cases/${caseId}/documents/${documentId}/finalize`, 'ty_head', { status: 'issued' });
    if (gate.statusCode === 409) {
      // 太原's catalogue makes this a major decision (REV-1): the legal review first (NAT-5 · 行政处罚法 Art 58).
      expect(gate.json().error.code).toBe('review.gate_closed');
      await walk.legalReview(documentId);
      const issued = await api('POST', `/cases/${caseId}/documents/${documentId}/finalize`, 'ty_head', { status: 'issued' });
      expect(issued.statusCode, issued.body).toBe(200);
    } else expect(gate.statusCode, gate.body).toBe(200);
  });
});

describe('NAT-3 · 行政处罚法 第六十条, 生态环境行政处罚办法 第五十七条: the decision within the limit from filing, through the API', () => {
  const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

  it('NAT-3 · 行政处罚法 第六十条: a decision 100 days after filing without an approved extension is refused (409), naming the limit, the filing date and the citation; a late extension is refused too', async () => {
    const { walk, caseId } = await walkedCase(server.ctx, { daysAgo: 100, to: 'decision', until: 'penalty.decision.penaltyDecision' });
    const filing = chinaDay(new Date(server.ctx.clock.now().getTime() - 100 * 86_400_000));
    const draft = await api('POST', `/cases/${caseId}/documents`, 'ty_officer1', { kind: 'penaltyDecision', fields: decisionFields(walk) });
    expect(draft.statusCode, draft.body).toBe(201);
    const refused = await api('POST', `/cases/${caseId}/documents/${draft.json().document.documentId}/finalize`, 'ty_head', { status: 'issued' });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.code).toBe('penalty.time_limit_exceeded');
    const message: string = refused.json().error.message;
    expect(message).toContain('已超过作出行政处罚决定的期限');
    expect(message).toContain(`自立案之日（${filing}）起90日内作出`);
    expect(message).toContain('《生态环境行政处罚办法》第五十七条');
    expect(message).toContain('《中华人民共和国行政处罚法》第六十条');
    expect(message).toContain('且没有经批准的延长');
    expect(message).not.toMatch(/EPPM|APL|待确认/);
    // The limit has run out: an extension now comes too late.
    const late = await api('POST', `/cases/${caseId}/decision-limit-extensions`, 'ty_head', { amount: 30, reason: '案情复杂，需补充鉴定' });
    expect(late.statusCode, late.body).toBe(409);
    expect(late.json().error.code).toBe('case.extension_refused');
    expect(late.json().error.message).toContain('延长须在期限届满前批准');
  });

  it('NAT-3 · 生态环境行政处罚办法 第五十七条: with the head\u2019s extension approved within the limit (who, why, new limit on the case), the same decision is issued', async () => {
    const { walk, caseId } = await walkedCase(server.ctx, { daysAgo: 100, to: 'decision', until: 'penalty.decision.penaltyDecision' });
    // Day 85 of the limit: the head approves 30 more days.
    walk.t = new Date(server.ctx.clock.now().getTime() - 15 * 86_400_000);
    await extendDecisionLimit(walk.ctx, walk.people.head, caseId, { amount: 30, reason: '案情复杂，需补充鉴定' });
    const view = await api('GET', `/cases/${caseId}`, 'ty_officer1');
    const limit = view.json().case.deadlines.find((d: { key: string }) => d.key === 'penalty.decide');
    expect(limit).toMatchObject({ period: '90日', extensions: [{ amount: 30, approvedBy: walk.people.head.displayName, approvedAt: walk.today, reason: '案情复杂，需补充鉴定' }] });
    expect(limit.due > chinaDay(server.ctx.clock.now())).toBe(true);
    const draft = await api('POST', `/cases/${caseId}/documents`, 'ty_officer1', { kind: 'penaltyDecision', fields: decisionFields(walk) });
    const issued = await api('POST', `/cases/${caseId}/documents/${draft.json().document.documentId}/finalize`, 'ty_head', { status: 'issued' });
    expect(issued.statusCode, issued.body).toBe(200);
  });

  it('NAT-3 · 生态环境行政处罚办法 第五十七条: the extension is the head\u2019s (officer 403), within what the profile allows, with a reason; a patch of the dates cannot add one', async () => {
    const { caseId } = await walkedCase(server.ctx, { daysAgo: 10, to: 'investigation' });
    const officer = await api('POST', `/cases/${caseId}/decision-limit-extensions`, 'ty_officer1', { amount: 30, reason: '案情复杂' });
    expect(officer.statusCode).toBe(403);
    const tooLong = await api('POST', `/cases/${caseId}/decision-limit-extensions`, 'ty_head', { amount: 45, reason: '案情复杂' });
    expect(tooLong.statusCode).toBe(409);
    expect(tooLong.json().error.message).toContain('本次延长最多 30 日（经生态环境主管部门负责人批准）');
    const noReason = await api('POST', `/cases/${caseId}/decision-limit-extensions`, 'ty_head', { amount: 30 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('须说明延长的理由');
    const patched = await server.app.inject({ method: 'PATCH', url: `/api/v1/cases/${caseId}`, headers: { cookie: cookie.ty_officer1! }, payload: { dates: { penaltyExtensions: [{ amount: 30, approvedBy: '局长', approvedAt: chinaDay(server.ctx.clock.now()) }] } } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().case.dates.penaltyExtensions).toBeUndefined();
    const ok = await api('POST', `/cases/${caseId}/decision-limit-extensions`, 'ty_head', { amount: 30, reason: '案情复杂，涉及多个排放口' });
    expect(ok.statusCode, ok.body).toBe(200);
    const limit = ok.json().case.deadlines.find((d: { key: string }) => d.key === 'penalty.decide');
    expect(limit.extensions).toEqual([expect.objectContaining({ amount: 30, reason: '案情复杂，涉及多个排放口' })]);
    expect(limit.dueWithMaxExtension).not.toBeNull();
    expect(ok.json().case.abilities.extendDeadline).toBe(true);
  });
});

describe('NAT-22 · REV-4 (SX19-L 11: 裁量适当): the legal reviewer sees the discretion applied', () => {
  it('NAT-22 · 行政处罚法 第三十四条: a fine outside the band with the officer\u2019s reason — the reviewer\u2019s API response carries the catalogue entry, the statutory range, the band and the reason, in Chinese', async () => {
    const legalBasis = '《中华人民共和国大气污染防治法》第九十九条第（二）项';
    const { walk, caseId } = await walkedCase(server.ctx, { daysAgo: 40, fineAmount: 800_000, to: 'decision', until: 'penalty.decision.penaltyDecision', legalBasis });
    const fields = decisionFields(walk, { fineAmount: 800_000, penaltyContent: '罚款人民币捌拾万元整', legalBasis, discretionBand: '较轻', discretionReason: '超标倍数高，且经责令改正后仍未改正' });
    const draft = await api('POST', `/cases/${caseId}/documents`, 'ty_officer1', { kind: 'penaltyDecision', fields });
    expect(draft.statusCode, draft.body).toBe(201);
    const documentId = draft.json().document.documentId;
    const docs: { documentId: string; kind: string }[] = (await api('GET', `/cases/${caseId}`, 'ty_officer1')).json().case.documents;
    const byKind = (...kinds: string[]) => docs.filter((d) => kinds.includes(d.kind)).map((d) => d.documentId);
    const review = await submitReview(walk.ctx, walk.people.officer, caseId, {
      materials: [
        { key: 'proposal', text: '建议罚款人民币捌拾万元。' },
        { key: 'investigationReport', documentIds: byKind('investigationReport') },
        { key: 'draftDecision', documentIds: [documentId] },
        { key: 'legalBasisAndEvidence', documentIds: byKind('inspectionRecord', 'inquiryRecord', 'surveyRecord', 'samplingVoucher'), text: legalBasis },
      ],
    } as Parameters<typeof submitReview>[3]);
    await assignReviewer(walk.ctx, walk.people.head, review.id!, { reviewerId: walk.people.reviewer!.userId });
    const seen = await api('GET', `/reviews/${review.id}`, 'ty_reviewer');
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().review.discretion).toEqual({
      violation: '超过大气污染物排放标准或者重点大气污染物排放总量控制指标排放大气污染物',
      violated: '《中华人民共和国大气污染防治法》第十八条',
      basis: '《中华人民共和国大气污染防治法》第九十九条',
      range: '10万元以上100万元以下',
      fineAmount: 800_000,
      band: { label: '较轻', circumstances: '首次违法、及时改正、危害后果轻微', range: '10万元至37万元' },
      outsideBand: true,
      reason: '超标倍数高，且经责令改正后仍未改正',
    });
    const byCase = await api('GET', `/cases/${caseId}/review`, 'ty_reviewer');
    expect(byCase.json().review.discretion.reason).toBe('超标倍数高，且经责令改正后仍未改正');
  });
});

describe('REC-3 · the next lawful step on the case, through the API', () => {
  it('REC-3 · GS-R 7 · 生态环境行政处罚办法 第十八条: a case filed a moment ago names the 立案审批表 as its next step, cited by full title; once the stage is complete, moving on', async () => {
    const created = await api('POST', '/cases', 'ty_officer1', { actionType: 'penalty', source: 'complaint', title: '下一步提示测试案', handlerIds: [ids.ty_officer1, ids.ty_officer2] });
    const step = created.json().case.nextStep;
    expect(step).toMatchObject({ action: 'document', documentKind: 'filingApproval', documentName: '立案审批表' });
    expect(step.citation).toContain('《生态环境行政处罚办法》第十八条');
    expect(`${step.title}${step.detail}${step.citation}`).not.toMatch(/GS-R|EPPM|APL|REC-|NAT-|待确认|filingApproval/);
    const { walk, caseId } = await walkedCase(server.ctx, { daysAgo: 10 });
    await walk.fill();
    const ready = (await api('GET', `/cases/${caseId}`, 'ty_officer1')).json().case.nextStep;
    expect(ready).toMatchObject({ action: 'advance', title: '下一步：进入“调查取证”环节' });
  });
});
