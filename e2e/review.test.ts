/**
 * Browser test of the legal review (REV-1, REV-3, REV-6): a unit submits a
 * major case, a reviewer asks for a supplement (the clock stops), then
 * approves; the decision can be issued only after that, and after the head's
 * approval that follows the review. The case is walked lawfully through the
 * API first (the case pages have their own test).
 * The console must be built first (`npm run build -w @sanxiang/web`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInAt } from './browser.js';
import { type Browser, type Page } from 'playwright-core';
import { getDocumentKind, sampleFields } from '@sanxiang/core';
import { loginCookie, startTestServer, type TestServer } from '../packages/server/src/testing/harness.js';
import { WEB_DIST } from '../packages/server/src/http/app.js';
import { walkedCase } from '../packages/server/src/testing/walked-case.js';
import { chinaDate } from '../packages/server/src/lib/time.js';

const SHOTS = process.env.SANXIANG_SCREENSHOTS ?? '/tmp';

let server: TestServer;
let browser: Browser;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`The console is not built (${WEB_DIST}): run \`npm run build -w @sanxiang/web\` first.`);
  }
  server = await startTestServer({ config: { sessionIdleMinutes: 60 * 24 * 30 } });
  browser = await launchChromium();
  for (const u of ['ty_officer1', 'ty_head']) cookies[u] = await loginCookie(server.app, u);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, who: string, payload?: unknown) =>
  server.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, ...(payload !== undefined ? { payload: payload as object } : {}) });

const signIn = (username: string, to: string): Promise<Page> => signInAt(browser, server.url, username, to);

/**
 * A penalty case against an organisation, walked lawfully (issue 11) to the step before its
 * decision — investigated, 告知 served, the party's time passed, unit review and approval
 * recorded — with a draft decision fining 250000 yuan: a major decision (REV-1).
 */
async function prepareCase() {
  const party = await api('POST', '/parties', 'ty_officer1', { kind: 'organisation', name: '某化工有限公司', creditCode: '91350100M000100Y43', legalRepresentative: { name: '钱七' }, address: '太原市某工业园' });
  expect(party.statusCode, party.body).toBe(201);
  const { caseId } = await walkedCase(server.ctx, {
    org: 'ty',
    partyId: party.json().party.id as string,
    title: '某化工有限公司超标排放案',
    fineAmount: 250_000,
    daysAgo: 45,
    to: 'decision',
    until: 'penalty.decision.penaltyDecision',
  });
  const res = await api('POST', `/cases/${caseId}/documents`, 'ty_officer1', { kind: 'penaltyDecision', fields: sampleFields(getDocumentKind('penaltyDecision')!, { partyName: '某化工有限公司', penaltyTypes: ['fine'], fineAmount: 250_000, penaltyContent: '罚款贰拾伍万元', issueDate: chinaDate(server.ctx.clock.now()) }) });
  expect(res.statusCode, res.body).toBe(201);
  return { caseId, decisionId: res.json().document.documentId as string };
}

describe('legal review', () => {
  it('REV-3 · REV-6 · REV-1: submit, supplement stops the clock, approve; then the decision can be issued', async () => {
    const { caseId, decisionId } = await prepareCase();
    const issue = () => api('POST', `/cases/${caseId}/documents/${decisionId}/finalize`, 'ty_head', { status: 'issued' });

    // The unit head submits: the case's records are proposed; the proposal is written.
    const unit = await signIn('ty_unithead', `/review/cases/${caseId}`);
    await expect.poll(() => unit.getByText('属于重大执法决定').count()).toBeGreaterThan(0);
    expect(await unit.getByText(/罚款 250000 元/).count()).toBeGreaterThan(0);
    await unit.getByLabel('重大行政执法决定建议及其情况说明说明').fill('建议对当事人处以罚款二十五万元。');
    await unit.screenshot({ path: path.join(SHOTS, 'sanxiang-review-submit.png'), fullPage: true });
    await unit.getByRole('button', { name: /送\s*审/ }).click();
    await expect.poll(() => unit.getByTestId('review-status').innerText()).toBe('第1轮 · 已送审，待分配');
    expect((await issue()).statusCode).toBe(409);

    // The reviewer takes the case, asks for a supplement: the clock stops.
    const reviewer = await signIn('ty_reviewer', '/review/queue');
    // Reviewers start on their own rounds; this one is not assigned yet: show all.
    await reviewer.getByRole('switch', { name: '只看分配给我的' }).click();
    await reviewer.locator('.ant-table-row', { hasText: '某化工有限公司超标排放案' }).getByRole('link').first().click();
    await expect.poll(() => new URL(reviewer.url()).pathname).toBe(`/console/review/cases/${caseId}`);
    await reviewer.getByRole('button', { name: /^分\s*配$/ }).click();
    await expect.poll(() => reviewer.getByTestId('review-status').innerText()).toBe('第1轮 · 审核中');
    await reviewer.getByPlaceholder('说明（如：请补充监测报告）').fill('请补充在线监测数据');
    await reviewer.getByRole('button', { name: /中止计时/ }).click();
    await expect.poll(() => reviewer.getByTestId('review-deadline').first().getAttribute('data-status')).toBe('paused');
    await reviewer.screenshot({ path: path.join(SHOTS, 'sanxiang-review-paused.png'), fullPage: true });
    await reviewer.getByRole('button', { name: /恢复计时/ }).click();
    await expect.poll(() => reviewer.getByTestId('review-deadline').first().getAttribute('data-status')).toBe('onTime');

    // Every item in order: approve; the opinion goes into the case file; the gate opens.
    await reviewer.getByLabel('审核意见').fill('主体合法、事实清楚、证据充分、程序合法，同意。');
    await reviewer.getByRole('button', { name: /出具审核意见/ }).click();
    await expect.poll(() => reviewer.getByTestId('review-gate').innerText()).toContain('决定书可以签发');
    expect(await reviewer.getByText(/下载法制审核意见书/).count()).toBe(1);
    await reviewer.screenshot({ path: path.join(SHOTS, 'sanxiang-review-approved.png'), fullPage: true });

    // The review passed, but the head's approval on file predates it: the server names that step
    // (GS-R 第八条: 法制审核 comes before the head's decision), not the legal review.
    const early = await issue();
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().error.code).toBe('document.prerequisites_missing');
    expect(early.json().error.message).toContain('负责人审批决定');
    expect(early.json().error.message).not.toContain('法制审核未');

    // The head approves after the review; now the decision can be issued.
    const today = chinaDate(server.ctx.clock.now());
    const approval = await api('PATCH', `/cases/${caseId}`, 'ty_head', { decisionRecords: { approval: { approver: '太原市局局长', at: today, opinion: '同意法制审核意见，作出处罚决定。', approved: true } } });
    expect(approval.statusCode, approval.body).toBe(200);
    const issued = await issue();
    expect(issued.statusCode, issued.body).toBe(200);
  });
});
