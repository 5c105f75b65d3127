/**
 * Browser test of issue 15: 待办 as every role's home page (the demo items),
 * a reviewer reaching the unassigned review from it, the phone layout at
 * 390 px, and the first screen's cold timing and script sizes (printed).
 * The console must be built first (`npm run build -w @sanxiang/web`).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../packages/server/src/testing/harness.js';
import { WEB_DIST } from '../packages/server/src/http/app.js';

const SHOTS = process.env.SANXIANG_SCREENSHOTS ?? '/tmp';

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

/** Signs in at the console's home page (the address may end with or without a slash). */
async function signInHome(user: string, viewport = { width: 1440, height: 900 }, mobile = false): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport, ...(mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${server.url}/console/login`);
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/console\/?$/);
  return page;
}

async function todoTexts(page: Page): Promise<string[]> {
  await page.getByTestId('todo-summary').waitFor();
  return page.getByTestId('todo-item').allInnerTexts();
}

describe('待办 is every role\'s home page', () => {
  it.each([
    ['ty_reviewer', '待分配', '清徐焦化'],
    ['ty_head', '调阅待审批', '人民法院'],
    ['ty_clerk', '公示待录入', '汾河印染'],
    ['ty_officer1', '待签名', '询问笔录'],
  ])('%s sees %s (%s)', async (user, label, text) => {
    const page = await signInHome(user);
    try {
      const items = await todoTexts(page);
      expect(items.some((t) => t.includes(label) && t.includes(text)), items.join('\n')).toBe(true);
      expect(await page.locator('h1').count()).toBe(1);
      await page.screenshot({ path: path.join(SHOTS, `sanxiang-todo-${user}.png`), fullPage: true });
    } finally {
      await page.context().close();
    }
  });

  it('REV-3: a reviewer reaches the unassigned review from the home page', async () => {
    const page = await signInHome('ty_reviewer');
    try {
      const item = page.getByTestId('todo-item').filter({ hasText: '待分配' }).first();
      await item.getByRole('link').click();
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/console\/review\/cases\//);
      await expect.poll(() => page.getByTestId('review-status').innerText()).toContain('待分配');
    } finally {
      await page.context().close();
    }
  });
});

describe('phones (390 px)', () => {
  it('the home page, the case list and the review queue fit; the menu opens as a drawer', async () => {
    const page = await signInHome('ty_unithead', { width: 390, height: 844 }, true);
    const context = page.context();
    try {
      await page.getByTestId('todo-summary').waitFor();
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, 'sanxiang-phone-home.png'), fullPage: true });
      // The side menu is a drawer.
      await page.getByTestId('menu-button').click();
      await page.getByRole('menuitem', { name: '案件列表' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/console/cases');
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
      // Tables are cards: every cell carries its column title.
      // (the labels are set by an observer shortly after the rows render: poll, a loaded machine is slow)
      await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row td[data-label]').count()).toBeGreaterThan(0);
      expect(await page.locator('.ant-table-thead').first().isVisible()).toBe(false);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, 'sanxiang-phone-cases.png'), fullPage: true });
      await page.goto(`${server.url}/console/review/queue`);
      await expect.poll(() => page.locator('h1').allInnerTexts()).toEqual(['审核队列']);
      await page.waitForLoadState('networkidle');
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, 'sanxiang-phone-review.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});

describe.skipIf(process.env.SKIP_SPEED === '1')('speed (figures printed; issue 15 goals: largest script < 400 KB gzip, first screen < 2 s cold)', () => {
  it('script sizes and the cold first screen', async () => {
    const assets = path.join(WEB_DIST, 'assets');
    const scripts = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
    const sizes = scripts.map((f) => ({ f, gzip: zlib.gzipSync(fs.readFileSync(path.join(assets, f))).length })).sort((a, b) => b.gzip - a.gzip);
    const largest = sizes[0]!;
    console.log(`[speed] ${scripts.length} scripts; largest ${largest.f} ${(largest.gzip / 1024).toFixed(1)} KB gzip`);
    expect(largest.gzip).toBeLessThan(400 * 1024);

    // Cold: a fresh browser context (empty cache), from the sign-in page to the 待办 list on screen.
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const t0 = Date.now();
      await page.goto(`${server.url}/console/login`);
      await page.getByLabel('用户名').waitFor();
      const loginShown = Date.now() - t0;
      await page.getByLabel('用户名').fill('ty_clerk');
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      const t1 = Date.now();
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByTestId('todo-summary').waitFor();
      const homeShown = Date.now() - t1;
      console.log(`[speed] run ${i + 1}: sign-in page ${loginShown} ms cold; sign-in → 待办 ${homeShown} ms`);
      runs.push(loginShown);
      await context.close();
    }
    console.log(`[speed] cold first screen, median of 3: ${runs.sort((a, b) => a - b)[1]} ms (goal < 2000 ms on an idle machine)`);
  });
});
