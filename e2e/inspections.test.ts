/**
 * Browser test of issue 16 (双随机、一公开 and 涉企行政检查): the unit head
 * starts a new round of the demo plan, commits the seed, runs the draw and
 * sees the proof; once the drawn targets are inspected the seed is revealed
 * and the portal page recomputes the draw in the browser; the disclosure
 * clerk and approver publish a drawn target's result, which the public then
 * finds; an officer is refused at the yearly cap and the agency head
 * approves a lawful exception. The console must be built first
 * (`npm run build -w @sanxiang/web`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { chooseOption, launchChromium, signInAt } from './browser.js';
import { startTestServer, type TestServer } from '../packages/server/src/testing/harness.js';
import { WEB_DIST } from '../packages/server/src/http/app.js';
import { inspectionDraws, inspections, publications, users } from '../packages/server/src/db/schema.js';
import { signInspectionRecord } from '../packages/server/src/usecases/inspections/record.js';

const SHOTS = process.env.SANXIANG_SCREENSHOTS ?? '/tmp';
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `sanxiang-inspections-${name}.png`), fullPage: true });

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`The console is not built (${WEB_DIST}): run \`npm run build -w @sanxiang/web\` first.`);
  }
  server = await startTestServer({ config: { sessionIdleMinutes: 60 * 24 * 30 } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const displayName = async (username: string) => (await server.ctx.db.select().from(users).where(eq(users.username, username)))[0]!.displayName;

/** Picks an option of an antd Select found by its label, typing to filter first where it can be searched. */
const choose = (page: Page, label: string, option: string) => chooseOption(page, page.getByLabel(label, { exact: true }), option, { type: true });

describe('双随机、一公开 in the browser', () => {
  it('INS-2 · NAT-17 · 环办〔2015〕88号 三: the unit head commits a seed, draws, and the portal recomputes the draw from its published seed and lists', async () => {
    const page = await signInAt(browser, server.url, 'ty_unithead', '/inspections/plans');
    try {
      const plans = page.getByTestId('plan-list');
      await plans.getByText('排污单位污染物排放及污染防治设施运行情况检查').waitFor();
      await shot(page, 'plans');
      await plans.getByRole('button', { name: '新一轮抽取' }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('轮次').fill('第二季度');
      await dialog.getByRole('button', { name: '提交种子承诺' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/console\/inspections\/draws\/[^/]+$/);
      const drawId = new URL(page.url()).pathname.split('/').pop()!;
      const [row] = await server.ctx.db.select().from(inspectionDraws).where(eq(inspectionDraws.id, drawId));
      // The commitment is on screen; the seed is not.
      await expect.poll(() => page.getByTestId('seed-hash').innerText()).toContain(row!.seedHash);
      expect(await page.getByTestId('draw-proof').innerText()).not.toContain(row!.seed);

      await page.getByRole('button', { name: '执行抽取' }).click();
      await page.locator('.ant-popover').getByRole('button', { name: '执行抽取' }).click();
      // The run registers each drawn target and opens its case: slow on a loaded machine. A refusal shows its reason.
      const statusOrError = async () => ((await page.getByTestId('draw-error').count()) ? page.getByTestId('draw-error').innerText() : page.getByTestId('draw-status').innerText());
      await expect.poll(statusOrError, { timeout: 120_000 }).toContain('已抽取');
      const result = page.getByTestId('draw-result');
      await result.getByRole('link', { name: '打开检查案件' }).first().waitFor();
      const drawn = await server.ctx.db.select().from(inspections).where(eq(inspections.drawId, drawId));
      expect(drawn.length).toBeGreaterThan(0);
      for (const i of drawn) expect(await result.innerText()).toContain(i.targetName);
      await shot(page, 'draw-drawn');

      // Revealing before the inspections is refused, in Chinese.
      await page.getByRole('button', { name: '公开种子与名单' }).click();
      await page.locator('.ant-popover').getByRole('button', { name: /公\s*开/ }).click();
      await expect.poll(() => page.getByTestId('draw-error').innerText()).toContain('检查前不得公开名单');

      // Each drawn team signs its 现场检查笔录 in its case (the case pages are driven in e2e/cases.test.ts).
      for (const i of drawn) await signInspectionRecord(server.ctx, i.id, '污染防治设施正常运行，未发现环境违法行为。');
      await page.reload();
      await page.getByRole('button', { name: '公开种子与名单' }).click();
      await page.locator('.ant-popover').getByRole('button', { name: /公\s*开/ }).click();
      await expect.poll(() => page.getByTestId('draw-status').innerText()).toContain('已公开');
      await expect.poll(() => page.getByTestId('seed').innerText()).toContain(row!.seed);
      await shot(page, 'draw-published');

      // The public proof page recomputes the draw in the browser.
      const href = await page.getByTestId('proof-link').getAttribute('href');
      expect(href).toBe(`/draws/${drawId}`);
      const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
      const portal = await context.newPage();
      await portal.goto(`${server.url}${href}`);
      const verdict = portal.locator('#draw-proof-result');
      await expect.poll(() => verdict.getAttribute('data-status')).toBe('match');
      expect(await verdict.innerText()).toContain('全部一致');
      const rows = await portal.locator('#draw-proof-rows').innerText();
      for (const i of drawn) expect(rows).toContain(i.targetName);
      await portal.screenshot({ path: path.join(SHOTS, 'sanxiang-inspections-portal-proof.png'), fullPage: true });
      await context.close();
    } finally {
      await page.context().close();
    }
  });

  it('NAT-17 · 环办执法〔2019〕42号 一（三）1: a drawn target’s result goes from the draw to the clerk, the approver and the portal', async () => {
    const [seeded] = await server.ctx.db.select().from(inspectionDraws).where(eq(inspectionDraws.roundLabel, '第一季度'));
    const clerk = await signInAt(browser, server.url, 'ty_clerk', `/inspections/draws/${seeded!.id}`);
    let publicationId = '';
    let targetName = '';
    try {
      const result = clerk.getByTestId('draw-result');
      const pending = result.locator('tr').filter({ has: clerk.getByRole('link', { name: '办理结果公示' }) }).first();
      await pending.waitFor();
      targetName = (await pending.locator('strong').innerText()).trim();
      await shot(clerk, 'draw-clerk');
      await pending.getByRole('link', { name: '办理结果公示' }).click();
      await expect.poll(() => new URL(clerk.url()).pathname).toMatch(/^\/console\/disclosure\/publications\/[^/]+$/);
      publicationId = new URL(clerk.url()).pathname.split('/').pop()!;
      await clerk.getByRole('button', { name: '提交审核' }).click();
      await clerk.getByText('待审核').first().waitFor();
    } finally {
      await clerk.context().close();
    }

    const approver = await signInAt(browser, server.url, 'ty_approver', `/disclosure/publications/${publicationId}`);
    try {
      await approver.getByRole('button', { name: '审核通过并公示' }).first().click();
      await approver.getByRole('dialog').getByRole('button', { name: /审核通过并公示/ }).click();
      await expect.poll(async () => (await server.ctx.db.select().from(publications).where(eq(publications.id, publicationId)))[0]!.online).toBe(true);
    } finally {
      await approver.context().close();
    }

    // The unit head's draw page now says the result is published.
    const head = await signInAt(browser, server.url, 'ty_unithead', `/inspections/draws/${seeded!.id}`);
    try {
      const row = head.getByTestId('draw-result').locator('tr').filter({ hasText: targetName });
      await expect.poll(() => row.innerText()).toContain('结果已公示');
    } finally {
      await head.context().close();
    }

    // The public finds it.
    const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    const pub = await context.newPage();
    await pub.goto(`${server.url}/decisions`);
    await pub.getByLabel('当事人名称或决定书文号').fill(targetName);
    await pub.getByLabel('当事人名称或决定书文号').press('Enter');
    await expect.poll(() => pub.locator('main').innerText()).toContain(`当事人：${targetName}`);
    await pub.screenshot({ path: path.join(SHOTS, 'sanxiang-inspections-portal-result.png'), fullPage: true });
    await context.close();
  });
});

describe('涉企行政检查 in the browser', () => {
  it('NAT-16 · INS-3 · 国办发〔2024〕54号 三: at the yearly cap the officer is refused; a lawful exception is approved by the agency head', async () => {
    const capped = await server.ctx.db.select().from(inspections).where(and(eq(inspections.kind, 'complaint'), eq(inspections.status, 'registered')));
    const targetName = capped[0]!.targetName;
    // Not 执法一: the demo records his relation to one enterprise (回避), which may be the one at its cap.
    const [o1, o2] = [await displayName('ty_unithead'), await displayName('ty_officer2')];
    const page = await signInAt(browser, server.url, 'ty_officer2', '/inspections/register');
    try {
      await page.getByTestId('inspection-list').getByText(targetName).first().waitFor();
      await choose(page, '检查对象', targetName);
      await expect.poll(() => page.getByTestId('cap-count').innerText()).toContain('已达到上限');
      await choose(page, '检查种类', '投诉举报核查');
      await choose(page, '执法检查人员（至少 2 人）', o1);
      await choose(page, '执法检查人员（至少 2 人）', o2);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: '登记并生成检查码' }).click();
      const refusal = page.getByTestId('cap-refusal');
      await expect.poll(() => refusal.innerText()).toContain('达到频次上限');
      expect(await refusal.innerText()).toContain('《国务院办公厅关于严格规范涉企行政检查的意见》');
      await shot(page, 'cap-refusal');
      await choose(page, '法定情形', '投诉举报反映的违法线索需要核查');
      await refusal.getByLabel('具体理由').fill('群众举报夜间偷排，须现场核查');
      await refusal.getByRole('button', { name: '提交机关负责人批准' }).click();
      await expect.poll(() => page.getByTestId('inspection-list').innerText()).toContain('待机关负责人批准');
    } finally {
      await page.context().close();
    }

    const head = await signInAt(browser, server.url, 'ty_head', '/inspections/register');
    try {
      const row = head.getByTestId('inspection-list').locator('tr').filter({ hasText: '待机关负责人批准' }).first();
      await row.getByRole('button', { name: /^批\s*准$/ }).click();
      const dialog = head.getByRole('dialog');
      await dialog.getByLabel('意见').fill('同意核查');
      await dialog.getByRole('button', { name: /^批\s*准$/ }).click();
      // Approving also opens the inspection's case (numbers, documents, seals): on a loaded
      // machine that takes a while. A refusal stays in the dialog: show it if it comes.
      const approved = '（' + (await displayName('ty_head')) + '批准）';
      const refusal = head.locator('.ant-modal .ant-alert');
      await expect
        .poll(async () => ((await refusal.count()) > 0 ? `refused: ${await refusal.first().innerText()}` : await head.getByTestId('inspection-list').innerText()), { timeout: 90_000 })
        .toContain(approved);
      await shot(head, 'cap-approved');
    } finally {
      await head.context().close();
    }
  });
});
