/**
 * Browser test of ex-post disclosure (issue 7, PUB-1, PUB-4, PUB-11): a
 * decision is issued (through the API), the disclosure clerk finds the draft
 * in the queue, sees the witness masked and submits it; the approver
 * publishes it; the public finds it on the portal by party name — with
 * JavaScript off — and the witness's name and ID number are nowhere in the
 * page, the feeds or the credit export.
 * The console must be built first (`npm run build -w @sanxiang/web`).
 */
import { walkedCase } from '../packages/server/src/testing/walked-case.js';
import { chinaDate } from '../packages/server/src/lib/time.js';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { launchChromium, signInAt } from './browser.js';
import { type Browser, type Page } from 'playwright-core';
import { SAMPLE_ID_NUMBER, creditCodeCheckChar, getDocumentKind, sampleFields } from '@sanxiang/core';
import { loginCookie, startTestServer, type TestServer } from '../packages/server/src/testing/harness.js';
import { WEB_DIST } from '../packages/server/src/http/app.js';
import { publications, users } from '../packages/server/src/db/schema.js';

const PARTY = '晋中龙飞冶炼有限公司';
const WITNESS = '欧阳明远';
const PHONE = '13512345678';

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

const api = (method: 'GET' | 'POST', url: string, who: string, payload?: unknown) =>
  server.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, ...(payload !== undefined ? { payload: payload as object } : {}) });

const signIn = (username: string, to: string): Promise<Page> => signInAt(browser, server.url, username, to);

/** A penalty case whose inquiry record names the witness, and its decision issued: the publication draft. */
async function issueDecision(): Promise<string> {
  const party = await api('POST', '/parties', 'ty_officer1', { kind: 'organisation', name: PARTY, creditCode: '91140700MA0K9A1B2' + creditCodeCheckChar('91140700MA0K9A1B2'), legalRepresentative: { name: '刘强' }, address: '晋中市榆次区冶炼路1号' });
  expect(party.statusCode, party.body).toBe(201);
  const partyId = party.json().party.id as string;
  // Issue 11: the case is walked lawfully to the step before the decision (告知 served, the party's time passed).
  const { caseId } = await walkedCase(server.ctx, {
    org: 'ty',
    partyId,
    daysAgo: 45,
    title: `${PARTY}超标排放废气案`,
    to: 'decision',
    until: 'penalty.decision.penaltyDecision',
    inquiry: { intervieweeName: WITNESS, intervieweeRole: 'witness', intervieweeIdNumber: SAMPLE_ID_NUMBER },
  });
  const facts = `当事人超标排放废气。证人${WITNESS}（身份证号码${SAMPLE_ID_NUMBER}，手机${PHONE}）证实。`;
  const doc = await api('POST', `/cases/${caseId}/documents`, 'ty_officer1', { kind: 'penaltyDecision', fields: sampleFields(getDocumentKind('penaltyDecision')!, { partyName: PARTY, facts, penaltyTypes: ['fine'], fineAmount: 50000, penaltyContent: '罚款伍万元', issueDate: chinaDate(server.ctx.clock.now()) }) });
  expect(doc.statusCode, doc.body).toBe(201);
  const documentId = doc.json().document.documentId as string;
  const fin = await api('POST', `/cases/${caseId}/documents/${documentId}/finalize`, 'ty_head', { status: 'issued' });
  expect(fin.statusCode, fin.body).toBe(200);
  const [p] = await server.ctx.db.select().from(publications).where(eq(publications.documentId, documentId));
  return p!.id;
}

describe('ex-post disclosure in the browser', () => {
  it('PUB-1 · PUB-4 · PUB-11: the clerk prepares, the approver publishes, the public finds it; the witness is nowhere public', async () => {
    const id = await issueDecision();

    // The clerk: the queue, the draft, the witness masked in the side-by-side view.
    const clerk = await signIn('ty_clerk', '/disclosure/publications');
    const [draft] = await server.ctx.db.select().from(publications).where(eq(publications.id, id));
    const row = clerk.locator('.ant-table-row', { hasText: draft!.decisionNumber! });
    await row.waitFor();
    await clerk.screenshot({ path: path.join(process.env.SANXIANG_SCREENSHOTS ?? '/tmp', 'disclosure-queue.png'), fullPage: true });
    await row.getByRole('link', { name: /龙飞冶炼/ }).click();
    await expect.poll(() => new URL(clerk.url()).pathname).toBe(`/console/disclosure/publications/${id}`);
    await clerk.getByText('不能公示的原因').or(clerk.getByRole('button', { name: '提交审核' })).first().waitFor();
    const body = await clerk.locator('body').innerText();
    expect(body).toContain(WITNESS); // the original side
    expect(body).toMatch(/欧阳某/); // the published side
    await clerk.getByRole('button', { name: '提交审核' }).click();
    await clerk.getByText('待审核').first().waitFor();
    await clerk.screenshot({ path: path.join(process.env.SANXIANG_SCREENSHOTS ?? '/tmp', 'disclosure-clerk.png'), fullPage: true });

    // The approver publishes.
    const approver = await signIn('ty_approver', `/disclosure/publications/${id}`);
    await approver.getByRole('button', { name: '审核通过并公示' }).first().click();
    const dialog = approver.getByRole('dialog');
    await dialog.getByRole('button', { name: /审核通过并公示/ }).click();
    // Under CI load the approval (render, seal, publish) can take a while; if it never goes online, say what the page shows.
    const online = async () => (await server.ctx.db.select().from(publications).where(eq(publications.id, id)))[0]!.online;
    for (let waited = 0; !(await online()) && waited < 60_000; waited += 500) await approver.waitForTimeout(500);
    expect(await online(), `not online; the approver's page shows:\n${await approver.locator('body').innerText()}`).toBe(true);

    // The public, without JavaScript: search by party name, open the decision.
    const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    const pub = await context.newPage();
    await pub.goto(`${server.url}/decisions`);
    await pub.getByLabel('当事人名称或决定书文号').fill('龙飞冶炼');
    await pub.getByLabel('当事人名称或决定书文号').press('Enter');
    await pub.getByRole('link', { name: /行政处罚决定书/ }).first().click();
    await expect.poll(() => new URL(pub.url()).pathname).toBe(`/decisions/${id}`);
    const html = await pub.content();
    expect(html).toContain(PARTY);
    for (const secret of [WITNESS, SAMPLE_ID_NUMBER, PHONE]) expect(html).not.toContain(secret);

    // Every other channel carries the same item and never the witness (PUB-11).
    for (const feed of ['/feeds/decisions.atom', '/feeds/decisions.rss', '/feeds/decisions.json', '/export/credit.csv', '/export/credit.json']) {
      const res = await fetch(`${server.url}${feed}`);
      expect(res.status, feed).toBe(200);
      const text = await res.text();
      expect(text, feed).toContain(PARTY);
      for (const secret of [WITNESS, SAMPLE_ID_NUMBER, PHONE]) expect(text, feed).not.toContain(secret);
    }
    await context.close();
  });
});
