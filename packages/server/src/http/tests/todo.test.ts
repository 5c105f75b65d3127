/**
 * 待办 (issue 15) through the API: each role's list holds its demo items from
 * the scoped sources, ordered by due date with 预警/逾期 badges; nothing from
 * another agency; the bell counts what is new until the list is seen; the
 * daily digest goes out once a day through the pluggable sender.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { composeDigest, sendDailyDigests, type Digest, type DigestRecipient, type DigestSender } from '../../usecases/todo/digest.js';

let server: TestServer;
const cookie: Record<string, string> = {};
const USERS = ['ty_officer1', 'ty_reviewer', 'ty_head', 'ty_clerk', 'ty_sysadmin', 'ty_auditadmin', 'lz_reviewer', 'xx_officer1'];

beforeAll(async () => {
  server = await startTestServer({ config: { sessionIdleMinutes: 60 * 24 * 365 } });
  for (const u of USERS) cookie[u] = await loginCookie(server.app, u);
}, 300_000);
afterAll(async () => {
  await server?.close();
});

interface Item {
  key: string;
  kind: string;
  kindLabel: string;
  title: string;
  reference: string;
  due: string | null;
  urgency: string;
  urgencyLabel: string;
  provisional: boolean;
  link: string;
  unread: boolean;
}

async function todo(who: string): Promise<{ today: string; unread: number; items: Item[] }> {
  const res = await server.app.inject({ method: 'GET', url: '/api/v1/todo', headers: { cookie: cookie[who]! } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('待办 per role (demo data)', () => {
  it('REV-3: the reviewer sees the unassigned review (待分配) with its REV-6 due date, linking to the review page', async () => {
    const { items } = await todo('ty_reviewer');
    const assign = items.find((i) => i.kind === 'reviewAssign');
    expect(assign, JSON.stringify(items)).toBeDefined();
    expect(assign!.kindLabel).toBe('待分配');
    expect(assign!.title).toContain('清徐焦化');
    expect(assign!.due).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(assign!.link).toMatch(/^\/review\/cases\//);
    // Another city's reviewer sees nothing of 太原's.
    expect((await todo('lz_reviewer')).items.some((i) => i.title.includes('清徐焦化'))).toBe(false);
  });

  it('the agency head: the review to assign and the court\'s access request (REC-20)', async () => {
    const { items } = await todo('ty_head');
    expect(items.map((i) => i.kind)).toEqual(expect.arrayContaining(['reviewAssign', 'accessDecide']));
    expect(items.find((i) => i.kind === 'accessDecide')!.title).toContain('人民法院');
  });

  it('the officer: open case deadlines and the drafts to sign, earliest due first', async () => {
    const { items } = await todo('ty_officer1');
    expect(items.some((i) => i.kind === 'advance' && i.due)).toBe(true);
    expect(items.some((i) => i.kind === 'sign')).toBe(true);
    const dues = items.filter((i) => i.due).map((i) => i.due!.slice(0, 10));
    expect(dues).toEqual([...dues].sort());
    // Dated items come before undated ones.
    const firstUndated = items.findIndex((i) => !i.due);
    if (firstUndated >= 0) expect(items.slice(firstUndated).every((i) => !i.due)).toBe(true);
    expect(items.every((i) => !i.title.includes('湘西') && !i.title.includes('兰州'))).toBe(true);
  });

  it('PUB-2: the clerk sees the decision to prepare for publication with its deadline', async () => {
    const { items } = await todo('ty_clerk');
    const p = items.find((i) => i.kind === 'publicationPrepare');
    expect(p?.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(p!.link).toMatch(/^\/disclosure\/publications\//);
  });

  it('an audit administrator has an empty list (no case content, SYS-5)', async () => {
    expect((await todo('ty_auditadmin')).items).toEqual([]);
  });

  it('badges: 逾期 after the due day, 预警 within two working days', async () => {
    const before = await todo('ty_reviewer');
    const due = before.items.find((i) => i.kind === 'reviewAssign')!.due!.slice(0, 10);
    server.ctx.clock.set(`${due}T02:00:00Z`);
    expect((await todo('ty_reviewer')).items.find((i) => i.kind === 'reviewAssign')).toMatchObject({ urgency: 'warning', urgencyLabel: '预警' });
    const after = new Date(Date.parse(`${due}T02:00:00Z`) + 7 * 86400_000).toISOString();
    server.ctx.clock.set(after);
    expect((await todo('ty_reviewer')).items.find((i) => i.kind === 'reviewAssign')).toMatchObject({ urgency: 'overdue', urgencyLabel: '逾期' });
    server.ctx.clock.set('2026-03-02T01:00:00Z');
  });

  it('NAT-21: the system administrator is told when next year\'s holiday notice is missing (from November)', async () => {
    expect((await todo('ty_sysadmin')).items).toEqual([]);
    server.ctx.clock.set('2026-11-16T01:00:00Z');
    const { items } = await todo('ty_sysadmin');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'holidayNotice', due: '2026-12-31', link: '/rules/calendar' });
    expect(items[0]!.title).toContain('2027年部分节假日安排');
    server.ctx.clock.set('2026-03-02T01:00:00Z');
  });

  it('needs a session (401)', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/todo' })).statusCode).toBe(401);
  });
});

describe('the bell', () => {
  it('counts new items until they are seen; keys not on my list are ignored', async () => {
    const unread = async () => (await server.app.inject({ method: 'GET', url: '/api/v1/todo/unread', headers: { cookie: cookie.ty_head! } })).json().count as number;
    const list = await todo('ty_head');
    expect(await unread()).toBe(list.items.length);
    expect(list.items.length).toBeGreaterThan(0);
    const seen = await server.app.inject({ method: 'POST', url: '/api/v1/todo/seen', headers: { cookie: cookie.ty_head! }, payload: { keys: [list.items[0]!.key, 'review:someone-else:1:assign'] } });
    expect(seen.json()).toEqual({ marked: 1 });
    expect(await unread()).toBe(list.items.length - 1);
    expect((await todo('ty_head')).items.find((i) => i.key === list.items[0]!.key)!.unread).toBe(false);
    const bad = await server.app.inject({ method: 'POST', url: '/api/v1/todo/seen', headers: { cookie: cookie.ty_head! }, payload: { keys: 'x' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the daily digest', () => {
  it('goes through the pluggable sender once per person and day, with badges in its lines', async () => {
    const sent: { to: DigestRecipient; d: Digest }[] = [];
    const sender: DigestSender = { channel: 'test', send: async (to, d) => void sent.push({ to, d }) };
    const n = await sendDailyDigests(server.ctx, sender);
    expect(n).toBe(sent.length);
    const reviewer = sent.find((s) => s.to.username === 'ty_reviewer');
    expect(reviewer?.d.lines.some((l) => l.includes('待分配') && l.includes('清徐焦化'))).toBe(true);
    expect(sent.some((s) => s.to.username === 'ty_auditadmin')).toBe(false);
    expect(await sendDailyDigests(server.ctx, sender)).toBe(0);
  });

  it('a digest names overdue and warning counts', () => {
    const d = composeDigest('2026-03-02', [
      { key: 'a', kind: 'sign', kindLabel: '待签名', title: '甲案：询问笔录', reference: '并环罚〔2026〕1号', due: '2026-03-01', urgency: 'overdue', urgencyLabel: '逾期', provisional: false, provisionalReason: null, link: '/cases/a' },
      { key: 'b', kind: 'advance', kindLabel: '办理期限', title: '乙案：作出处罚决定', reference: '', due: '2027-01-05', urgency: 'warning', urgencyLabel: '预警', provisional: true, provisionalReason: '2027年节假日安排尚未公布', link: '/cases/b' },
    ]);
    expect(d.subject).toBe('2026-03-02 待办 2 项，逾期 1 项，预警 1 项');
    expect(d.lines[1]).toBe('［预警］［暂定］办理期限：乙案：作出处罚决定，期限 2027-01-05');
  });
});
