/**
 * NAT-11 · 按日连续处罚 (环境保护法 第五十九条; 《环境保护主管部门实施按日连续处罚办法》)
 * through the API, worked by hand: the 责令改正违法行为决定书 served on
 * 2026-03-02, the 复查 on 2026-03-12 finding the violation continuing → 10
 * days (03-03 … 03-12); the original fine 100,000 → 1,000,000. Every refusal
 * is tried first, then passed once the missing step is done. The cases are
 * walked lawfully (seed/walk.ts) on their own days in 2026.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocumentKind } from '@sanxiang/core';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import type { CaseWalk } from '../../seed/walk.js';
import { walkedCase } from '../../testing/walked-case.js';
import { findCase, updateCaseFacts } from '../../usecases/cases.js';
import { finalizeDocument } from '../../usecases/documents.js';

let server: TestServer;
const cookie: Record<string, string> = {};

beforeAll(async () => {
  // The cases run from February to April 2026: the server's day is after them.
  server = await startTestServer({ at: '2026-05-06T09:00:00+08:00' });
  for (const u of ['ty_officer1', 'ty_head']) cookie[u] = await loginCookie(server.app, u);
});
afterAll(async () => {
  await server?.close();
});

const api = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: unknown) =>
  server.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookie[who]! }, ...(payload !== undefined ? { payload: payload as object } : {}) });

const AIR_99 = '《中华人民共和国大气污染防治法》第九十九条第（二）项';
const DAILY_BASIS = `《中华人民共和国环境保护法》第五十九条、${AIR_99}、《环境保护主管部门实施按日连续处罚办法》第十七条、第十九条`;
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

function dailyDecision(walk: CaseWalk, extra: Record<string, unknown>) {
  const f = walk.fields(getDocumentKind('penaltyDecision')!, {
    penaltyTypes: ['fine'],
    facts: '当事人超标排放大气污染物，受到罚款处罚（原处罚决定），经责令改正后，2026年3月12日复查发现仍在继续超标排放，拒不改正。按日连续处罚自2026年3月3日起至2026年3月12日止，共10日。',
    penaltyContent: '按日连续处罚，罚款人民币壹佰万元整',
    legalBasis: DAILY_BASIS,
    ...extra,
  });
  delete f.issueDate;
  return f;
}

describe('NAT-11 · 《环境保护主管部门实施按日连续处罚办法》through the API: each step before the decision, refused then passed', () => {
  it('NAT-11 · 按日连续处罚办法 第五条、第八条、第十条、第十三条、第十七条、第十九条: not per day, 责令改正 not served, no 复查, 复查 late, wrong amount — each 409 naming what comes first; then 10 days × 100,000 = 1,000,000 issued', async () => {
    // The original case: filed 02-20; the 责令改正违法行为决定书 issued on 03-02 (served later below); fined 100,000.
    const o = await walkedCase(server.ctx, { before: '2026-03-02', daysAgo: 10, to: 'investigation', fineAmount: 100_000, legalBasis: AIR_99, title: '超标排放原处罚案' });
    o.walk.t = at('2026-03-02');
    const correctionId = await o.walk.doc('correctionOrder', { facts: '2026年3月2日现场检查发现二氧化硫排放浓度超过排放标准。', legalBasis: `${AIR_99}；《中华人民共和国环境保护法》第五十九条`, correctionContent: '立即停止超标排放大气污染物。', consequenceStated: true }, { draft: true });
    await finalizeDocument(o.walk.ctx, o.walk.people.head, o.caseId, correctionId, { status: 'issued' });
    await o.walk.walkTo('decision');
    await o.walk.decide('penaltyDecision', { penaltyTypes: ['fine'], fineAmount: 100_000, penaltyContent: '罚款人民币壹拾万元整', legalBasis: AIR_99 });
    const originalDecisionDate = (await findCase(server.ctx, o.caseId))!.dates.decisionDate!;
    expect(originalDecisionDate > '2026-03-02').toBe(true);

    // The 按日连续处罚 case: filed 03-11 against the same party, linked to the original case (第七条).
    const partyId = (await findCase(server.ctx, o.caseId))!.partyId!;
    const d = await walkedCase(server.ctx, { before: '2026-03-11', daysAgo: 0, to: 'investigation', fineAmount: 1_000_000, legalBasis: DAILY_BASIS, partyId, title: '超标排放按日连续处罚案' });
    const self = await api('POST', `/cases/${d.caseId}/daily-penalty`, 'ty_officer1', { originalCaseId: d.caseId });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('daily_penalty.link_invalid');
    const linked = await api('POST', `/cases/${d.caseId}/daily-penalty`, 'ty_officer1', { originalCaseId: o.caseId });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().case.dailyPenalty).toMatchObject({ originalCaseNumber: o.caseNumber, originalFine: 100_000, correctionServedOn: null, days: null, ok: false });
    // The link is not patched in (nor away).
    const patched = await server.app.inject({ method: 'PATCH', url: `/api/v1/cases/${d.caseId}`, headers: { cookie: cookie.ty_officer1! }, payload: { flags: { dailyPenaltyOf: d.caseId } } });
    expect(patched.json().case.flags.dailyPenaltyOf).toBe(o.caseId);

    await d.walk.walkTo('decision');
    await d.walk.fill({ until: 'penalty.decision.penaltyDecision' });
    // 第七条: the daily decision comes after the original one.
    if (d.walk.t < o.walk.t) d.walk.t = new Date(o.walk.t);
    // 第五条: a decision citing 拒绝检查 (大气污染防治法 第九十八条) is not a per-day violation.
    const draft = await api('POST', `/cases/${d.caseId}/documents`, 'ty_officer1', { kind: 'penaltyDecision', fields: dailyDecision(d.walk, { fineAmount: 1_100_000, legalBasis: '《中华人民共和国大气污染防治法》第九十八条' }) });
    expect(draft.statusCode, draft.body).toBe(201);
    const documentId = draft.json().document.documentId;
    const issue = () => api('POST', `/cases/${d.caseId}/documents/${documentId}/finalize`, 'ty_head', { status: 'issued', fields: { issueDate: d.walk.today } });
    const refused = async (code: string, ...texts: string[]) => {
      const res = await issue();
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.code).toBe(code);
      for (const t of texts) expect(res.json().error.message).toContain(t);
      expect(res.json().error.message).not.toMatch(/MEP-DP|NAT-|daily\./);
    };
    await refused('daily_penalty.not_per_day', '不属于可以按日连续处罚的违法排放污染物行为', '《中华人民共和国环境保护法》第五十九条', '《环境保护主管部门实施按日连续处罚办法》第五条');
    expect((await api('PUT', `/cases/${d.caseId}/documents/${documentId}/draft`, 'ty_officer1', { fields: dailyDecision(d.walk, { fineAmount: 1_100_000 }) })).statusCode).toBe(200);

    // 第八条: the 责令改正 was issued but never served.
    await refused('daily_penalty.correction_not_served', '作出按日连续处罚决定前须先完成', '责令改正违法行为决定书尚未送达排污者', '《环境保护主管部门实施按日连续处罚办法》第八条');
    const served = await api('POST', `/cases/${o.caseId}/services`, 'ty_officer1', {
      documentId: correctionId,
      record: { method: 'direct', recipientName: '周正', recipientRole: 'legalRepresentative', recipientSigned: true, serverNames: ['执法一', '执法二'], serverSigned: true, receivedAt: '2026-03-02' },
    });
    expect(served.statusCode, served.body).toBe(201);
    // The original case now shows the 复查 due 30 days after the service.
    const due = (await api('GET', `/cases/${o.caseId}`, 'ty_officer1')).json().case.deadlines.find((x: { key: string }) => x.key === 'dailyPenalty.reinspection');
    expect(due).toMatchObject({ label: '按日连续处罚复查', from: '2026-03-02', due: '2026-04-01', period: '30日' });
    expect(due.basis).toContain('第十条');

    // 第十三条: no 复查 has found the violation continuing.
    await refused('daily_penalty.no_continuation', '复查笔录', '送达（2026-03-02）后30日内复查', '《环境保护主管部门实施按日连续处罚办法》第十条、第十三条');

    // 第十条: a 复查 on 04-02 is one day past the period (04-01).
    if (d.walk.today < '2026-04-03') d.walk.t = at('2026-04-03');
    const reinspection = { correctionOrderNumber: '责令改正违法行为决定书', place: '厂区排放口', covert: true, findings: '在线监测及现场采样显示二氧化硫仍超标排放。' };
    await d.walk.doc('reinspectionRecord', { ...reinspection, reinspectedOn: '2026-04-02', finding: 'continuing' });
    await refused('daily_penalty.reinspection_late', '复查（2026-04-02）超出责令改正违法行为决定书送达之日（2026-03-02）起30日的复查期限（至 2026-04-01）', '《环境保护主管部门实施按日连续处罚办法》第十条');

    // The 复查 of 03-12 (written up today) found it continuing: 10 days; 1,100,000 is not 100,000 × 10.
    await d.walk.doc('reinspectionRecord', { ...reinspection, reinspectedOn: '2026-03-12', finding: 'continuing' });
    await refused('daily_penalty.amount_mismatch', '原罚款 100,000 元 × 计罚日数 10 日（2026-03-03 至 2026-03-12）= 1,000,000 元，决定书载明为 1,100,000 元', '《环境保护主管部门实施按日连续处罚办法》第十七条、第十九条');

    expect((await api('PUT', `/cases/${d.caseId}/documents/${documentId}/draft`, 'ty_officer1', { fields: dailyDecision(d.walk, { fineAmount: 1_000_000 }) })).statusCode).toBe(200);
    let res = await issue();
    if (res.statusCode === 409 && res.json().error.code === 'review.gate_closed') {
      // A major decision: the legal review first (NAT-5 · 行政处罚法 第五十八条), then the head approves again after it.
      await d.walk.legalReview(documentId);
      d.walk.next();
      await updateCaseFacts(d.walk.ctx, d.walk.people.officer, d.caseId, { decisionRecords: { approval: { approver: d.walk.people.head.displayName, at: d.walk.today, opinion: '经法制审核，同意作出按日连续处罚决定。', approved: true } } });
      res = await issue();
    }
    expect(res.statusCode, res.body).toBe(200);

    const view = (await api('GET', `/cases/${d.caseId}`, 'ty_officer1')).json().case;
    expect(view.dailyPenalty).toMatchObject({
      originalCaseNumber: o.caseNumber,
      originalFine: 100_000,
      perDay: true,
      correctionServedOn: '2026-03-02',
      reinspectionDue: '2026-04-01',
      reinspectedOn: '2026-03-12',
      finding: 'continuing',
      firstDay: '2026-03-03',
      days: 10,
      amount: 1_000_000,
      decisionAmount: 1_000_000,
      ok: true,
      problems: [],
    });
    // The original case's 复查 period was met by the 复查 of 03-12.
    const met = (await api('GET', `/cases/${o.caseId}`, 'ty_officer1')).json().case.deadlines.find((x: { key: string }) => x.key === 'dailyPenalty.reinspection');
    expect(met.status).toBe('met');
  });

  it('NAT-11 · 按日连续处罚办法 第七条: the original case is one of the agency\u2019s own penalty cases with the same party; unlinked cases show no computation', async () => {
    const a = await walkedCase(server.ctx, { daysAgo: 5 });
    const b = await walkedCase(server.ctx, { daysAgo: 5 });
    expect((await api('GET', `/cases/${a.caseId}`, 'ty_officer1')).json().case.dailyPenalty).toBeNull();
    const other = await api('POST', `/cases/${a.caseId}/daily-penalty`, 'ty_officer1', { originalCaseId: b.caseId });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.message).toContain('的当事人与本案不同');
    const missing = await api('POST', `/cases/${a.caseId}/daily-penalty`, 'ty_officer1', { originalCaseId: 'no-such-case' });
    expect(missing.statusCode).toBe(404);
  });
});
