/**
 * Issue 10 · NAT-2, NAT-21: deadlines never stop work. The demo seeds and the
 * server starts at any date with no notice after 2026; provisional due dates
 * are marked; entering the notice recomputes them and records each change;
 * a corrected notice needs a second administrator.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, cases, demoSeed, deadlineChanges } from '../../db/schema.js';
import { publications } from '../../db/schema-disclosure.js';
import { reviews } from '../../db/schema-review.js';
import { createTestContext, loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';

describe('NAT-21: the demo seed completes at any date, with no notice after 2026', () => {
  // The same demo as at the reference date (2026-03-02, every year of its deadlines confirmed).
  const ref = { cases: 0, publications: 0, reviews: 0 };
  const counts = async (ctx: Awaited<ReturnType<typeof createTestContext>>) => {
    const [c] = await ctx.db.select({ n: count() }).from(cases);
    const [p] = await ctx.db.select({ n: count() }).from(publications);
    const [r] = await ctx.db.select({ n: count() }).from(reviews);
    return { cases: c?.n ?? 0, publications: p?.n ?? 0, reviews: r?.n ?? 0 };
  };
  beforeAll(async () => {
    const ctx = await createTestContext();
    try {
      Object.assign(ref, await counts(ctx));
    } finally {
      await ctx.close();
    }
  }, 600_000);

  it.each(['2026-12-07T02:00:00Z', '2027-12-28T02:00:00Z', '2030-06-01T02:00:00Z'])(
    'NAT-21: seeded at %s — every demo case, review and publication is there',
    async (at) => {
      const ctx = await createTestContext({ at });
      try {
        const [done] = await ctx.db.select().from(demoSeed);
        expect(done).toBeDefined();
        const n = await counts(ctx);
        expect(n.cases).toBeGreaterThan(3);
        expect(n.publications).toBeGreaterThan(3);
        expect(n).toEqual(ref);
      } finally {
        await ctx.close();
      }
    },
    600_000,
  );
});

describe('NAT-2 · NAT-21: entering and correcting a notice recomputes open deadlines', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ at: '2026-12-07T02:00:00Z' });
  }, 600_000);
  afterAll(async () => server?.close());

  const inject = async (method: 'GET' | 'POST', url: string, user: string, payload?: unknown) =>
    server.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: await loginCookie(server.app, user) }, ...(payload !== undefined ? { payload: payload as object } : {}) });

  /** A provisional case deadline in 2027 that ty_head can see: { caseId, key, due }. */
  async function provisionalDeadline() {
    const list = (await inject('GET', '/cases?pageSize=100', 'ty_head')).json().items as { id: string }[];
    for (const c of list) {
      const view = (await inject('GET', `/cases/${c.id}`, 'ty_head')).json();
      // An open deadline (not met yet) whose due date is in 2027.
      const d = (view.deadlines ?? view.case?.deadlines ?? []).find((x: { provisional: boolean; due: string | null; status: string }) => x.provisional && x.due?.startsWith('2027') && x.status !== 'met' && x.status !== 'metLate');
      if (d) return { caseId: c.id, key: d.key as string, due: d.due as string };
    }
    return null;
  }

  let target: { caseId: string; key: string; due: string } | null = null;

  it('NAT-21: case deadlines running into 2027 carry provisional: true and the reason (暂定)', async () => {
    target = await provisionalDeadline();
    expect(target).not.toBeNull();
    const view = (await inject('GET', `/cases/${target!.caseId}`, 'ty_head')).json();
    const d = (view.deadlines ?? view.case?.deadlines).find((x: { key: string }) => x.key === target!.key);
    expect(d.provisionalReason).toContain('2027年');
    const years = (await inject('GET', '/calendar/years', 'ty_sysadmin')).json();
    expect(years.items.find((y: { year: number }) => y.year === 2027).status).toBe('provisional');
    // From 1 November the administrator is told the next year's notice is missing.
    expect(years.warnings.join('')).toContain('2027年国务院办公厅节假日安排通知尚未录入');
  });

  const notice = (extraHoliday: string | null) => ({
    year: 2027,
    source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
    holidays: [{ date: '2027-01-01', name: '元旦' }, ...(extraHoliday ? [{ date: extraHoliday, name: '测试' }] : [])].sort((a, b) => a.date.localeCompare(b.date)),
    workdays: [],
  });

  it('NAT-21: entering 2027 recomputes in the same transaction; the change (old, new, why) is in the case timeline and listed for the handlers', async () => {
    expect(target).not.toBeNull();
    const { caseId, key, due } = target!;
    // The notice makes the provisional due day a day off, so the due date must move.
    const res = await inject('POST', '/calendar/years', 'ty_sysadmin', notice(due));
    expect(res.statusCode).toBe(201);
    expect(res.json().year.deadlinesChanged).toBeGreaterThanOrEqual(1);
    const view = (await inject('GET', `/cases/${caseId}`, 'ty_head')).json();
    const d = (view.deadlines ?? view.case?.deadlines).find((x: { key: string }) => x.key === key);
    expect(d.due).not.toBe(due);
    expect(d.due > due).toBe(true);
    expect(d.provisional).toBe(false);
    const events = await server.ctx.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    const ev = events.find((e) => e.kind === 'deadline.recomputed' && e.detail.key === key);
    expect(ev?.detail).toMatchObject({ oldDue: due, newDue: d.due, wasProvisional: true, calendarYear: 2027 });
    const listed = (await inject('GET', `/deadline-changes?caseId=${caseId}`, 'ty_head')).json().items;
    expect(listed.find((x: { oldDue: string }) => x.oldDue === due)).toMatchObject({ newDue: d.due, calendarYear: 2027 });
    // Sideways: another city's staff see none of it.
    expect((await inject('GET', `/deadline-changes?caseId=${caseId}`, 'lz_head')).json().items).toEqual([]);
    // The change reaches the handlers' 待办 (unread in the bell until seen), and nobody else's.
    const handlers = await server.ctx.database.query<{ username: string }>('SELECT u.username FROM case_handlers h JOIN users u ON u.id = h.user_id WHERE h.case_id = $1', [caseId]);
    expect(handlers.length).toBeGreaterThan(0);
    const todo = (await inject('GET', '/todo', handlers[0]!.username)).json();
    const item = todo.items.find((x: { kind: string; link: string; due: string }) => x.kind === 'deadlineChanged' && x.link === `/cases/${caseId}` && x.due === d.due);
    expect(item, JSON.stringify(todo.items.map((x: { kind: string; title: string }) => [x.kind, x.title]))).toBeDefined();
    expect(item).toMatchObject({ kindLabel: '期限已重算', unread: true });
    expect(item.title).toContain(`由 ${due} 改为 ${d.due}`);
    expect(item.reference).toContain('录入2027年节假日安排');
    const stranger = (await inject('GET', '/todo', 'lz_officer1')).json();
    expect(stranger.items.filter((x: { kind: string }) => x.kind === 'deadlineChanged')).toEqual([]);
    target = { caseId, key, due: d.due };
  });

  it('NAT-2: a correction is a new version that a second administrator approves; deadlines recompute again; history kept', async () => {
    const { caseId, key } = target!;
    const before = await server.ctx.db.select({ n: count() }).from(deadlineChanges);
    const req = await inject('POST', '/calendar/years/2027/corrections', 'ty_sysadmin', { ...notice(null), year: undefined, reason: '国务院办公厅补充通知（测试）' });
    expect(req.statusCode).toBe(201);
    const correction = req.json().year.corrections.at(-1);
    expect(correction.status).toBe('pending');
    // The requester cannot approve; nothing changes.
    const self = await inject('POST', `/calendar/corrections/${correction.id}/decision`, 'ty_sysadmin', { approve: true });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('calendar.correction_same_person');
    // A non-administrator cannot either.
    expect((await inject('POST', `/calendar/corrections/${correction.id}/decision`, 'ty_head', { approve: true })).statusCode).toBe(403);
    const ok = await inject('POST', `/calendar/corrections/${correction.id}/decision`, 'sx_sysadmin', { approve: true, note: '核对无误' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().year.version).toBe(2);
    expect(ok.json().year.corrections.at(-1)).toMatchObject({ status: 'approved', reason: '国务院办公厅补充通知（测试）' });
    expect(ok.json().year.deadlinesChanged).toBeGreaterThanOrEqual(1);
    const after = await server.ctx.db.select({ n: count() }).from(deadlineChanges);
    expect(after[0]!.n).toBeGreaterThan(before[0]!.n);
    const view = (await inject('GET', `/cases/${caseId}`, 'ty_head')).json();
    const d = (view.deadlines ?? view.case?.deadlines).find((x: { key: string }) => x.key === key);
    expect(d.due).not.toBe(target!.due);
    // A decided correction cannot be decided again.
    expect((await inject('POST', `/calendar/corrections/${correction.id}/decision`, 'lz_sysadmin', { approve: false })).statusCode).toBe(409);
  });
});
