/**
 * What the browser tests share: headless Debian chromium (CHROMIUM_PATH
 * overrides /usr/bin/chromium), signing in to the console, and picking an
 * option of an antd Select.
 */
import { expect } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
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

/**
 * Picks an option in an antd Select (the element its label names): opens it, types the option to
 * filter where the select is searchable (`type`), then clicks the option in the open dropdown.
 */
export async function chooseOption(page: Page, select: Locator, option: string, opts: { type?: boolean } = {}): Promise<void> {
  // On a loaded machine a select may still be disabled (it waits for another field's choice to
  // render) or its dropdown still animating when the option is clicked, and the pick does not
  // take: wait until it is enabled, check it shows the pick, and try again (at most four times).
  // The select's root (the labelled element is its inner input, or the root itself).
  const field = select.locator('xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  await expect.poll(() => field.evaluate((el) => el.classList.contains('ant-select-disabled'))).toBe(false);
  // Pick in this select's own dropdown: the one holding the listbox its combobox controls.
  // Another select's dropdown may still be open (or closing) right after an earlier pick;
  // clicking in that one would wait for an option it does not have.
  const combobox = select.locator('xpath=descendant-or-self::*[@role="combobox"][1]');
  for (let attempt = 0; attempt < 4; attempt += 1) {
    try {
      // Open it unless it is already open (a second click would close it). Never press
      // Escape here: in a dialog that closes the dialog, not only the dropdown.
      if ((await combobox.getAttribute('aria-expanded')) !== 'true') await select.click({ timeout: 20_000 });
      if (opts.type && (await select.isEditable())) await select.fill(option);
      const listId = await combobox.getAttribute('aria-controls');
      const dropdown = listId ? page.locator('.ant-select-dropdown', { has: page.locator(`[id="${listId}"]`) }) : page.locator('.ant-select-dropdown:visible');
      await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click({ timeout: 20_000 });
    } catch {
      // Not taken this time (still rendering on a loaded machine): look and try again.
    }
    const shown = await field.innerText().catch(() => '');
    if (shown.includes(option)) return;
    await page.waitForTimeout(500);
  }
  throw new Error(`The select did not take the option 「${option}」`);
}
