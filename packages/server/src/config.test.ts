import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { loadMediaConfig } from './blobs/config.js';

describe('configuration is validated once at start', () => {
  it('defaults give the embedded database in ./data on port 3000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database.kind).toBe('pglite');
    expect(c.mode).toBe('demo');
    expect(c.seedDemo).toBe(true);
    expect(c.sessionIdleMinutes).toBe(30);
    expect(c.loginMaxFailures).toBe(5);
    expect(c.loginLockMinutes).toBe(15);
  });

  it('DATABASE_URL selects PostgreSQL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://127.0.0.1:5432/test' });
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://127.0.0.1:5432/test', poolMax: 10, portalPoolMax: 5 });
  });

  it('issue 14 item 7: unfinished uploads expire after 24 hours by default; the limit and the sweep are configurable', () => {
    const base = { blobDir: '/srv/blobs', dataDir: '/srv' };
    expect(loadMediaConfig(base, {})).toMatchObject({ uploadExpiryHours: 24, uploadSweepMinutes: 60 });
    expect(loadMediaConfig(base, { SANXIANG_UPLOAD_EXPIRY_HOURS: '2', SANXIANG_UPLOAD_SWEEP_MINUTES: '5' })).toMatchObject({ uploadExpiryHours: 2, uploadSweepMinutes: 5 });
    expect(() => loadMediaConfig(base, { SANXIANG_UPLOAD_EXPIRY_HOURS: 'soon' })).toThrow(/SANXIANG_UPLOAD_EXPIRY_HOURS/);
  });

  it('issue 14 item 8: the staff and portal pools, the portal cache and rate limit are configurable', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://127.0.0.1:5432/test', DB_POOL_MAX: '20', PORTAL_DB_POOL_MAX: '3', PORTAL_CACHE_TTL_SECONDS: '0', PORTAL_RATE_PER_MINUTE: '60' });
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://127.0.0.1:5432/test', poolMax: 20, portalPoolMax: 3 });
    expect([c.portalCacheTtlSeconds, c.portalRatePerMinute]).toEqual([0, 60]);
    expect(loadConfig({}).portalRatePerMinute).toBe(300);
    expect(() => loadConfig({ PORTAL_DB_POOL_MAX: '0' })).toThrow(/PORTAL_DB_POOL_MAX/);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['SANXIANG_MODE', 'prod'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['COOKIE_SECURE', 'maybe'],
  ])('a bad %s=%s stops the start with a message naming the variable', (name, value) => {
    try {
      loadConfig({ [name]: value });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).message).toContain(name);
    }
  });

  it('production mode does not seed demo data unless asked', () => {
    expect(loadConfig({ SANXIANG_MODE: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ SANXIANG_MODE: 'production', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('cookies are Secure when the public URL is https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://zfgs.example.gov.cn' }).cookieSecure).toBe(true);
    expect(loadConfig({}).cookieSecure).toBe(false);
  });
});
