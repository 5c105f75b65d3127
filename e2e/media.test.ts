/**
 * Browser test of the evidence vault (issue 5): an officer uploads a video to
 * a case through the console's 音像记录 tab (tus, SHA-256 computed in the
 * browser and checked by the server), then plays it back: the player streams
 * it with range requests under a watermark naming the viewer, and the view
 * is in the audit log and the Merkle log. Headless Debian chromium; the
 * console must be built first (`npm run build -w @sanxiang/web`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { type Browser, type Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { DEMO_PASSWORD, loginCookie, startTestServer, type TestServer } from '../packages/server/src/testing/harness.js';
import { WEB_DIST } from '../packages/server/src/http/app.js';
import { auditEvents, logLeaves, mediaFiles, users } from '../packages/server/src/db/schema.js';
import { sampleMp4 } from '../packages/server/src/seed/media-samples.js';

const SHOTS = process.env.SANXIANG_SCREENSHOTS ?? '/tmp';

let server: TestServer;
let browser: Browser;
let tmp: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`The console is not built (${WEB_DIST}): run \`npm run build -w @sanxiang/web\` first.`);
  }
  server = await startTestServer();
  browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-e2e-media-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}

async function signIn(page: Page, username: string): Promise<void> {
  await expect.poll(() => new URL(page.url()).pathname).toBe('/console/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

describe('音像记录 in the console', () => {
  it('REC-14 · REC-20: an officer uploads a video to a case and plays it back under a watermark; the view is logged and sealed', async () => {
    // A fresh case handled by 执法一 and 执法二 (SX25).
    const cookie = await loginCookie(server.app, 'ty_officer1');
    const ids = Object.fromEntries((await server.ctx.db.select().from(users)).map((u) => [u.username, u.id]));
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { cookie },
      payload: { actionType: 'penalty', source: 'complaint', title: '浏览器上传音像记录测试案', handlerIds: [ids.ty_officer1, ids.ty_officer2], measures: ['seal'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json().case.id as string;

    const video = sampleMp4({ seed: 9, frames: 32 });
    const file = path.join(tmp, '查封现场录像.mp4');
    fs.writeFileSync(file, video);
    // The recording ended just before the test clock's "now", so it is not late.
    const end = new Date(server.ctx.clock.now().getTime() - 30 * 60_000);
    fs.utimesSync(file, end, end);

    const page = await newPage();
    try {
      await page.goto(`${server.url}/console/cases/${caseId}?tab=media`);
      await signIn(page, 'ty_officer1');
      const tab = page.getByTestId('media-tab');
      await tab.waitFor();
      await expect.poll(() => tab.innerText()).toContain('尚无音像记录');

      await page.getByTestId('media-file').setInputFiles(file);
      await page.getByTestId('media-place').fill('太原市小店区某化工有限公司 2 号车间');
      await page.getByTestId('media-officers').click();
      await page.locator('.ant-select-item-option', { hasText: '太原市局执法一' }).first().click();
      await page.locator('.ant-select-item-option', { hasText: '太原市局执法二' }).first().click();
      await page.keyboard.press('Escape');
      await page.getByTestId('media-situations').click();
      await page.locator('.ant-select-item-option', { hasText: '查封场所、设施或者财物' }).first().click();
      await page.keyboard.press('Escape');
      await page.getByTestId('media-notes').fill('出示证件，告知查封理由和依据，张贴封条。');
      await page.getByTestId('media-submit').click();

      // The new record appears, numbered within the case.
      const list = page.getByTestId('media-list');
      await expect.poll(() => list.innerText(), { timeout: 30_000 }).toContain('音像001');
      expect(await list.innerText()).toContain('查封现场录像.mp4');
      expect(await list.innerText()).toContain('按期');
      const [row] = await server.ctx.db.select().from(mediaFiles).where(eq(mediaFiles.caseId, caseId));
      expect(row?.sha256).toBe(crypto.createHash('sha256').update(video).digest('hex'));
      expect(row?.situations).toEqual(['seal']);

      // Playback: a logged view, range requests, a watermark with the viewer's identity.
      const ranges: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/content?ticket=')) ranges.push(r.headers().range ?? '');
      });
      await page.getByTestId('play-音像001').click();
      const player = page.getByTestId('media-video');
      await player.waitFor();
      await expect
        .poll(() => player.evaluate((v: HTMLVideoElement) => ({ ready: v.readyState >= 2, w: v.videoWidth, err: v.error?.code ?? null })), { timeout: 20_000 })
        .toEqual({ ready: true, w: 160, err: null });
      await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 }).toBeGreaterThan(0.2);
      const duration = await player.evaluate((v: HTMLVideoElement) => v.duration);
      expect(duration).toBeCloseTo(4, 0);
      expect(ranges.some((r) => r.startsWith('bytes='))).toBe(true);
      const watermark = page.getByTestId('media-watermark').first();
      expect(await watermark.innerText()).toContain('ty_officer1');
      await page.screenshot({ path: path.join(SHOTS, 'sanxiang-media-player.png') });

      const views = await server.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'media.view'), eq(auditEvents.objectId, row!.id)));
      expect(views).toHaveLength(1);
      const leaves = await server.ctx.db.select().from(logLeaves).where(eq(logLeaves.objectId, row!.id));
      expect(leaves.map((l) => l.kind)).toEqual(['media.ingest', 'access.view']);

    } finally {
      await page.context().close();
    }
  });
});
