/**
 * Browser tests of the admin console and the public portal: headless Debian
 * chromium against a server on a free port with a fresh seeded database.
 * The console must be built first (`npm run build -w @sanxiang/web`; the root
 * `npm test` does it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../packages/server/src/testing/harness.js';
import { WEB_DIST } from '../packages/server/src/http/app.js';

const SHOTS = process.env.SANXIANG_SCREENSHOTS ?? '/tmp';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`The console is not built (${WEB_DIST}): run \`npm run build -w @sanxiang/web\` first.`);
  }
  server = await startTestServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(opts: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 }, ...opts });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}

async function signIn(page: Page, username: string): Promise<void> {
  await expect.poll(() => new URL(page.url()).pathname).toBe('/console/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  // antd puts a space between the two characters of a button label.
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

describe('console', () => {
  it('a city system administrator sees its chain and branch in the agency tree, never a sideways agency', async () => {
    const page = await newPage();
    try {
      // Not signed in: the console sends the user to sign in, then back to the page asked for.
      await page.goto(`${server.url}/console/admin/agencies`);
      await signIn(page, 'ty_sysadmin');
      await expect.poll(() => new URL(page.url()).pathname).toBe('/console/admin/agencies');

      const tree = page.locator('.ant-tree');
      await tree.locator('.ant-tree-title', { hasText: '小店分局' }).waitFor();
      const titles = await tree.locator('.ant-tree-title').allInnerTexts();
      expect(titles.some((t) => t.includes('太原市生态环境局'))).toBe(true);
      expect(titles.some((t) => t.includes('小店分局'))).toBe(true);
      expect(titles.some((t) => t.includes('山西省生态环境厅'))).toBe(true); // the chain above is visible
      expect(titles.join('\n')).not.toContain('兰州市生态环境局');
      expect(titles.join('\n')).not.toContain('甘肃省生态环境厅');
      await expect.poll(() => page.getByText('兰州市生态环境局').count()).toBe(0);

      // The header names the user, the agency and the role.
      const header = page.locator('.ant-layout-header');
      await expect.poll(() => header.innerText()).toContain('太原市生态环境局');
      expect(await header.innerText()).toContain('系统管理员');
      // The details panel of the user's own agency, with the edit action the server allows.
      const details = page.locator('.ant-card', { has: page.locator('.ant-descriptions') });
      await expect.poll(() => details.innerText()).toContain('统一社会信用代码');
      expect(await details.getByRole('button', { name: /编\s*辑/ }).count()).toBe(1);
      // A system administrator has no audit or role menus (三员).
      const menu = await page.locator('.ant-layout-sider').innerText();
      expect(menu).toContain('用户管理');
      expect(menu).not.toContain('审计日志');
      expect(menu).not.toContain('角色分配');

      await page.screenshot({ path: path.join(SHOTS, 'sanxiang-console-agencies.png'), fullPage: true });

      // 用户管理: an officer's expired certificate (ORG-2) is shown in red with the reason.
      await page.getByRole('menuitem', { name: '用户管理' }).click();
      const officer3 = page.locator('.ant-table-row', { hasText: 'ty_officer3' });
      await officer3.waitFor();
      const problem = officer3.locator('.ant-typography-danger', { hasText: '过期' });
      expect(await problem.innerText()).toMatch(/^已于 \d{4}-\d{2}-\d{2} 过期$/);
      expect(await page.locator('.ant-table-row', { hasText: 'ty_officer1' }).locator('.ant-typography-danger').count()).toBe(0);
      await page.screenshot({ path: path.join(SHOTS, 'sanxiang-console-users.png'), fullPage: true });
    } finally {
      await page.context().close();
    }
  });

  it('an audit administrator opens the audit log and sees the sign-in events', async () => {
    const page = await newPage();
    try {
      await page.goto(`${server.url}/console/`);
      await signIn(page, 'ty_auditadmin');
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/console\/?$/);
      await page.getByRole('menuitem', { name: '审计日志' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/console/admin/audit');

      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await rows.first().waitFor();
      const texts = await rows.allInnerTexts();
      const logins = texts.filter((t) => t.includes('登录') && t.includes('审计管理员'));
      expect(logins.length).toBeGreaterThan(0);
      expect(logins[0]).toContain('成功');
      expect(await page.locator('.ant-pagination').innerText()).toMatch(/共 \d+ 条/);

      // Filtering by outcome asks the server again.
      await page.getByLabel('结果').click();
      await page.locator('.ant-select-item-option', { hasText: '失败' }).click();
      await page.getByRole('button', { name: /查\s*询/ }).click();
      await expect.poll(async () => (await page.locator('.ant-table-tbody').innerText()).includes('成功')).toBe(false);

      await page.getByRole('button', { name: /重\s*置/ }).click();
      await rows.first().waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'sanxiang-console-audit.png'), fullPage: true });
    } finally {
      await page.context().close();
    }
  });

  it('NAT-2, §8: the holiday calendar with its sources, and a deadline computed under SX25', async () => {
    const page = await newPage();
    try {
      await page.goto(`${server.url}/console/`);
      await signIn(page, 'ty_sysadmin');
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/console\/?$/);

      // 节假日日历: the stored years with the State Council notice of each.
      await page.getByRole('menuitem', { name: '节假日日历' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/console/rules/calendar');
      const y2026 = page.locator('.ant-table-row', { hasText: '2026 年' });
      await y2026.waitFor();
      expect(await y2026.innerText()).toContain('国办发明电〔2025〕7号');
      expect(await y2026.innerText()).toContain('内置');
      // The year's month grid: National Day off, Saturday 10 October worked.
      await page.locator('td[title="2026-10-01 国庆节（放假）"]').waitFor();
      expect(await page.locator('td.sx-workday[title^="2026-10-10"]').count()).toBe(1);
      expect(await page.getByRole('button', { name: /录入新年度/ }).count()).toBe(1);
      await page.screenshot({ path: path.join(SHOTS, 'sanxiang-console-calendar.png'), fullPage: true });

      // 规则配置: SX25 (the agency's), every value with its origin, and 期限计算.
      await page.getByRole('menuitem', { name: '规则配置' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/console/rules/profiles');
      await expect.poll(() => page.locator('.ant-select', { has: page.getByLabel('规则配置') }).innerText()).toContain('SX25');
      const review = page.locator('.ant-table-row', { hasText: '法制审核期限' }).first();
      await review.waitFor();
      expect(await review.innerText()).toContain('继承自 SX19');

      await page.getByLabel('期限规则').click();
      await page.locator('.ant-select-item-option', { hasText: '行政处罚决定公示' }).first().click();
      await page.getByLabel('起算日期').fill('2026-09-28');
      await page.getByLabel('起算日期').press('Enter');
      await page.getByRole('button', { name: /计\s*算/ }).click();
      await expect.poll(() => page.getByTestId('deadline-due').innerText()).toContain('2026-10-13');
      expect(await page.getByTestId('deadline-result').innerText()).toContain('《生态环境系统行政执法公示办法》第十四条');
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300); // the date panel's closing animation
      await page.screenshot({ path: path.join(SHOTS, 'sanxiang-console-profiles.png') });
    } finally {
      await page.context().close();
    }
  });

  it('a wrong password shows the server message on the sign-in page', async () => {
    const page = await newPage();
    try {
      await page.goto(`${server.url}/console/login`);
      await page.getByLabel('用户名').fill('ty_officer1');
      await page.getByLabel('密码').fill('wrong-password');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await expect.poll(() => page.getByRole('alert').innerText()).toContain('用户名或密码错误');
    } finally {
      await page.context().close();
    }
  });
});

describe('portal', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`the home page lists the agencies (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const page = await newPage({ javaScriptEnabled });
      try {
        const res = await page.goto(`${server.url}/`);
        expect(res?.status()).toBe(200);
        const text = await page.locator('body').innerText();
        for (const name of ['山西省生态环境厅', '甘肃省生态环境厅', '湘西州生态环境局']) expect(text).toContain(name);
      } finally {
        await page.context().close();
      }
    });
  }
});
