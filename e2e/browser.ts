/**
 * What the browser tests share: headless Debian chromium (CHROMIUM_PATH
 * overrides /usr/bin/chromium) and signing in to the console.
 */
import { expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../packages/server/src/testing/harness.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** A new browser context signed in as `username`, landing on console page `to`. */
export async function signInAt(browser: Browser, baseUrl: string, username: string, to: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${baseUrl}/console${to}`);
  await expect.poll(() => new URL(page.url()).pathname).toBe('/console/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(`/console${to}`);
  return page;
}
