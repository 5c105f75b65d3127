/**
 * Issue 3 API: calendar years (NAT-2), profiles (§8) and deadline previews.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { agencies, auditEvents } from '../../db/schema.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const get = (url: string, cookie?: string) => server.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const preview = (profile: string, rule: string, from: string) => get(`/api/v1/deadlines/preview?profile=${profile}&rule=${rule}&from=${encodeURIComponent(from)}`);

describe('GET /api/v1/deadlines/preview (public)', () => {
  it.each([
    // PUB-2: 7 working days over the 2026 National Day holiday (Oct 1–7 off, Sat Oct 10 worked)
    ['PUB-2 · SX25-P 14: penalty decision published within 7 working days', 'SX25', 'publication.penalty', '2026-09-28', '2026-10-13', 'SX25-P 第十四条'],
    // PUB-8: withdrawal 3 working days (SX25) vs 7 working days (GS19)
    ['PUB-8 · SX25-P 25: withdrawal within 3 working days', 'SX25', 'publication.withdrawal', '2026-09-29', '2026-10-09', 'SX25-P 第二十五条'],
    ['PUB-8 · GS-P 16: withdrawal within 7 working days', 'GS19', 'publication.withdrawal', '2026-09-29', '2026-10-14', 'GS-P 第十六条'],
    // REV-6: SX19 10 working days, XX19 7 working days
    ['REV-6 · SX19-L 14: review within 10 working days', 'SX19', 'review.decide', '2026-02-13', '2026-03-05', 'SX19-L 第十四条'],
    ['REV-6 · XX-L 10: review within 7 working days', 'XX19', 'review.decide', '2026-02-13', '2026-03-02', 'XX-L 第十条'],
    // REC-14: GS19 24 hours → a date-time
    ['REC-14 · GS-R 43: AV upload within 24 hours', 'GS19', 'av.upload', '2026-05-01T09:30:00+08:00', '2026-05-02T09:30:00+08:00', 'GS-R 第四十三条'],
  ])('%s', async (_name, profile, rule, from, due, basis) => {
    const res = await preview(profile, rule, from);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ due, rule, profile });
    expect(body.basis).toContain(basis);
  });

  it('a rule the profile does not define → 404 saying so', async () => {
    const res = await preview('SX19', 'correction.verify', '2026-03-02');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'profile.rule_undefined' });
    expect(res.json().error.message).toContain('未规定');
  });

  it('an unknown profile → 404', async () => {
    const res = await preview('ZZ99', 'service', '2026-03-02');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('profile.unknown');
  });

  it('NAT-21: a year without the notice → 200, counted from the statutory holidays and marked provisional (暂定)', async () => {
    const res = await preview('SX25', 'publication.other', '2026-12-28');
    expect(res.statusCode).toBe(200);
    // 20 working days from Mon 2026-12-28: Dec 29–31 (3), 2027-01-01 元旦 off, Jan 4–8 (8), 11–15 (13), 18–22 (18), Jan 25 (19), Jan 26 (20)
    expect(res.json().due).toBe('2027-01-26');
    expect(res.json().provisional).toBe(true);
    expect(res.json().provisionalYears).toEqual([2027]);
    expect(res.json().provisionalReason).toContain('2027年');
  });

  it('a malformed date → 400, not 500', async () => {
    const res = await preview('SX25', 'service', '2026-13-45');
    expect(res.statusCode).toBe(400);
  });

  it('schema validation messages are in Chinese', async () => {
    const res = await get('/api/v1/deadlines/preview?profile=SX25&rule=service');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]{4}/);
    expect(res.json().error.message).not.toMatch(/Invalid input/);
  });
});

describe('GET /api/v1/profiles', () => {
  it('lists the five profiles', async () => {
    const res = await get('/api/v1/profiles');
    expect(res.json().items.map((p: { id: string }) => p.id)).toEqual(['national', 'SX25', 'SX19', 'GS19', 'XX19']);
  });

  it('every value carries its citation and origin; SX25 inherits the review limit from SX19', async () => {
    const res = await get('/api/v1/profiles/SX25');
    const params = res.json().profile.params as Record<string, { origin: string; from: string; basis: string }>;
    expect(params['review.timeLimit']).toMatchObject({ origin: 'inherited', from: 'SX19' });
    expect(params['review.timeLimit']!.basis).toContain('SX19-L');
    expect(params['publication.withdrawal']).toMatchObject({ origin: 'own', from: 'SX25' });
    for (const [key, p] of Object.entries(params)) expect({ key, basis: p.basis.length > 0 }).toEqual({ key, basis: true });
  });

  it('GS19 leaves the legal-review limit to the agency: shown as a default', async () => {
    const res = await get('/api/v1/profiles/GS19');
    expect(res.json().profile.params['review.timeLimit'].origin).toBe('default');
  });
});

describe('NAT-2: a system administrator adds a calendar year with its source', () => {
  const year2027 = {
    year: 2027,
    source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
    holidays: [{ date: '2027-01-01', name: '元旦' }],
    workdays: [],
  };

  it('only the system administrator may add a year', async () => {
    const officer = await loginCookie(server.app, 'ty_officer1');
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/calendar/years', headers: { cookie: officer }, payload: year2027 });
    expect(res.statusCode).toBe(403);
  });

  it('invalid days are refused and nothing is stored', async () => {
    const sys = await loginCookie(server.app, 'ty_sysadmin');
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/calendar/years', headers: { cookie: sys }, payload: { ...year2027, workdays: [{ date: '2027-01-04', name: '元旦' }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('calendar.invalid_year');
    const y = await get('/api/v1/calendar/years/2027');
    expect(y.statusCode).toBe(200);
    expect(y.json().year.status).toBe('provisional');
  });

  it('after adding 2027 the deadline that failed is computed; a second add is 409; the change is audited', async () => {
    const sys = await loginCookie(server.app, 'ty_sysadmin');
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/calendar/years', headers: { cookie: sys }, payload: year2027 });
    expect(res.statusCode).toBe(201);
    const ok = await preview('SX25', 'publication.other', '2026-12-28');
    expect(ok.statusCode).toBe(200);
    // 20 working days from Mon 2026-12-28, with 2027-01-01 off
    expect(ok.json().due).toBe('2027-01-26');
    expect(ok.json().provisional).toBeUndefined();
    const again = await server.app.inject({ method: 'POST', url: '/api/v1/calendar/years', headers: { cookie: sys }, payload: year2027 });
    expect(again.statusCode).toBe(409);
    const years = (await get('/api/v1/calendar/years')).json().items as { year: number; origin: string; source: string }[];
    expect(years.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(years.at(-1)).toMatchObject({ origin: 'admin', source: year2027.source });
    const audit = await server.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'calendar.addYear'));
    expect(audit).toHaveLength(1);
  });
});

describe('each agency selects its profile and configures open values', () => {
  it('GS19 agency configures its legal-review limit; the value shows as the agency’s', async () => {
    const [lz] = await server.ctx.db.select().from(agencies).where(eq(agencies.name, '兰州市生态环境局'));
    const sys = await loginCookie(server.app, 'lz_sysadmin');
    const current = (await get(`/api/v1/agencies/${lz!.id}/profile`, sys)).json().resolved.params['review.timeLimit'];
    const value = { ...current.value, period: { unit: 'workingDays', amount: 15 } };
    const res = await server.app.inject({
      method: 'PUT',
      url: `/api/v1/agencies/${lz!.id}/profile`,
      headers: { cookie: sys },
      payload: { profileId: 'GS19', overrides: { 'review.timeLimit': { value, basis: '兰州市生态环境局重大执法决定法制审核办法' } } },
    });
    expect(res.statusCode).toBe(200);
    const p = res.json().resolved.params['review.timeLimit'];
    expect(p.origin).toBe('agency');
    expect(p.value.period.amount).toBe(15);
    expect(p.basis).toContain('兰州市生态环境局重大执法决定法制审核办法');
    // REV-6: the preview for that agency counts 15 working days, the profile alone the default 10.
    const own = await get(`/api/v1/deadlines/preview?profile=GS19&rule=review.decide&from=2026-03-02&agencyId=${lz!.id}`);
    const plain = await preview('GS19', 'review.decide', '2026-03-02');
    expect(plain.json().due).toBe('2026-03-16');
    expect(own.json().due).toBe('2026-03-23');
  });

  it('an unknown profile id is refused; another city’s administrator cannot see it', async () => {
    const [lz] = await server.ctx.db.select().from(agencies).where(eq(agencies.name, '兰州市生态环境局'));
    const sys = await loginCookie(server.app, 'lz_sysadmin');
    const bad = await server.app.inject({ method: 'PUT', url: `/api/v1/agencies/${lz!.id}/profile`, headers: { cookie: sys }, payload: { profileId: 'XX99', overrides: {} } });
    expect(bad.statusCode).toBe(404);
    const ty = await loginCookie(server.app, 'ty_sysadmin');
    expect((await get(`/api/v1/agencies/${lz!.id}/profile`, ty)).statusCode).toBe(404);
    const other = await server.app.inject({ method: 'PUT', url: `/api/v1/agencies/${lz!.id}/profile`, headers: { cookie: ty }, payload: { profileId: 'GS19', overrides: {} } });
    expect(other.statusCode).toBe(404);
  });
});
