/**
 * DESIGN.md §5: a test for every route over role × action × agency relation
 * (own, below, above, sideways). Expectations are written out per route, not
 * derived from the policy table, so a change of policy shows up here.
 *
 * The acting users sit in 太原市生态环境局 (own). Targets: own = 太原市局,
 * below = 小店分局, above = 山西省厅, sideways = 兰州市局.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar, type Role } from '@sanxiang/core';
import { startTestServer, loginCookie, type TestServer } from '../../testing/harness.js';
import { agencies } from '../../db/schema.js';

type Rel = 'own' | 'below' | 'above' | 'sideways';
const RELS: Rel[] = ['own', 'below', 'above', 'sideways'];

const ACTORS: Record<Role, string> = {
  officer: 'ty_officer1',
  unitHead: 'ty_unithead',
  legalReviewer: 'ty_reviewer',
  agencyHead: 'ty_head',
  disclosureClerk: 'ty_clerk',
  disclosureApprover: 'ty_approver',
  recordsKeeper: 'ty_keeper',
  supervisor: 'ty_supervisor',
  sysAdmin: 'ty_sysadmin',
  secAdmin: 'ty_secadmin',
  auditAdmin: 'ty_auditadmin',
};

const AGENCY_TARGET: Record<Rel, string> = { own: '太原市生态环境局', below: '太原市生态环境局小店分局', above: '山西省生态环境厅', sideways: '兰州市生态环境局' };
const caseIds = new Map<Rel, string>();
const USER_TARGET: Record<Rel, string> = { own: 'ty_officer2', below: 'xd_officer1', above: 'sx_supervisor', sideways: 'lz_officer1' };

type Expect = Partial<Record<Role | 'default', Partial<Record<Rel, number>>>>;

let server: TestServer;
const cookies = new Map<string, string>();
const agencyIds = new Map<string, string>();
const userIds = new Map<string, string>();
let seq = 0;

function uniqueCreditCode(): string {
  const body = `11140100MA${String(1_000_000 + seq++).slice(-7)}`;
  return body + creditCodeCheckChar(body);
}

interface RouteCase {
  name: string;
  request: (rel: Rel) => { method: 'GET' | 'POST' | 'PATCH' | 'PUT'; url: string; payload?: unknown } | null;
  expect: Expect;
}

const CASE_READERS_OWN = { own: 200, below: 404, above: 404, sideways: 404 } as const;
const ROUTES: RouteCase[] = [
  {
    name: 'GET /api/v1/cases/:id (case.read, REC-20)',
    request: (rel) => ({ method: 'GET', url: `/api/v1/cases/${caseIds.get(rel)}` }),
    expect: {
      officer: CASE_READERS_OWN,
      unitHead: CASE_READERS_OWN,
      legalReviewer: CASE_READERS_OWN,
      recordsKeeper: CASE_READERS_OWN,
      disclosureClerk: CASE_READERS_OWN,
      disclosureApprover: CASE_READERS_OWN,
      agencyHead: { own: 200, below: 200, above: 404, sideways: 404 },
      supervisor: { own: 200, below: 200, above: 404, sideways: 404 },
      // SYS-5: none of the three administrators reads case content.
      default: { own: 404, below: 404, above: 404, sideways: 404 },
    },
  },
  {
    // NAT-3 · 生态环境行政处罚办法 第五十七条: the head of the case's own agency approves; the matrix's cases are inspections (409 past the gate).
    name: 'POST /api/v1/cases/:id/decision-limit-extensions (case.extendDeadline)',
    request: (rel) => ({ method: 'POST', url: `/api/v1/cases/${caseIds.get(rel)}/decision-limit-extensions`, payload: { amount: 30, reason: '案情复杂' } }),
    expect: {
      officer: { own: 403, below: 404, above: 404, sideways: 404 },
      unitHead: { own: 403, below: 404, above: 404, sideways: 404 },
      legalReviewer: { own: 403, below: 404, above: 404, sideways: 404 },
      recordsKeeper: { own: 403, below: 404, above: 404, sideways: 404 },
      disclosureClerk: { own: 403, below: 404, above: 404, sideways: 404 },
      disclosureApprover: { own: 403, below: 404, above: 404, sideways: 404 },
      agencyHead: { own: 409, below: 403, above: 404, sideways: 404 },
      supervisor: { own: 403, below: 403, above: 404, sideways: 404 },
      default: { own: 404, below: 404, above: 404, sideways: 404 },
    },
  },
  {
    name: 'PATCH /api/v1/cases/:id (case.update; officers only on cases they handle)',
    request: (rel) => ({ method: 'PATCH', url: `/api/v1/cases/${caseIds.get(rel)}`, payload: { title: `矩阵测试 ${rel}` } }),
    expect: {
      officer: { own: 403, below: 404, above: 404, sideways: 404 },
      unitHead: { own: 200, below: 404, above: 404, sideways: 404 },
      agencyHead: { own: 200, below: 403, above: 404, sideways: 404 },
      legalReviewer: { own: 403, below: 404, above: 404, sideways: 404 },
      recordsKeeper: { own: 403, below: 404, above: 404, sideways: 404 },
      disclosureClerk: { own: 403, below: 404, above: 404, sideways: 404 },
      disclosureApprover: { own: 403, below: 404, above: 404, sideways: 404 },
      supervisor: { own: 403, below: 403, above: 404, sideways: 404 },
      default: { own: 404, below: 404, above: 404, sideways: 404 },
    },
  },
  {
    name: 'POST /api/v1/cases/:id/documents (document.write)',
    request: (rel) => ({ method: 'POST', url: `/api/v1/cases/${caseIds.get(rel)}/documents`, payload: { kind: 'sourceRecord', fields: {} } }),
    expect: {
      officer: { own: 403, below: 404, above: 404, sideways: 404 },
      unitHead: { own: 201, below: 404, above: 404, sideways: 404 },
      agencyHead: { own: 201, below: 403, above: 404, sideways: 404 },
      legalReviewer: { own: 403, below: 404, above: 404, sideways: 404 },
      recordsKeeper: { own: 403, below: 404, above: 404, sideways: 404 },
      disclosureClerk: { own: 403, below: 404, above: 404, sideways: 404 },
      disclosureApprover: { own: 403, below: 404, above: 404, sideways: 404 },
      supervisor: { own: 403, below: 403, above: 404, sideways: 404 },
      default: { own: 404, below: 404, above: 404, sideways: 404 },
    },
  },
  {
    name: 'GET /api/v1/agencies/:id (agency.read)',
    request: (rel) => ({ method: 'GET', url: `/api/v1/agencies/${agencyIds.get(AGENCY_TARGET[rel])}` }),
    expect: { default: { own: 200, below: 200, above: 200, sideways: 404 } },
  },
  {
    name: 'PATCH /api/v1/agencies/:id (agency.update)',
    request: (rel) => ({ method: 'PATCH', url: `/api/v1/agencies/${agencyIds.get(AGENCY_TARGET[rel])}`, payload: { website: 'https://example.gov.cn' } }),
    expect: { sysAdmin: { own: 200, below: 200, above: 403, sideways: 404 }, default: { own: 403, below: 403, above: 403, sideways: 404 } },
  },
  {
    name: 'POST /api/v1/agencies (agency.create under the target)',
    request: (rel) => {
      // 小店分局 is a branch and takes no children: "below" is covered by the level rule test.
      if (rel === 'below') return null;
      const level = rel === 'above' ? 'city' : 'branch';
      return { method: 'POST', url: '/api/v1/agencies', payload: { parentId: agencyIds.get(AGENCY_TARGET[rel]), level, name: `测试机关${seq}`, creditCode: uniqueCreditCode() } };
    },
    expect: { sysAdmin: { own: 201, above: 403, sideways: 404 }, default: { own: 403, above: 403, sideways: 404 } },
  },
  {
    name: 'GET /api/v1/users/:id (user.read)',
    request: (rel) => ({ method: 'GET', url: `/api/v1/users/${userIds.get(USER_TARGET[rel])}` }),
    expect: {
      sysAdmin: { own: 200, below: 200, above: 404, sideways: 404 },
      secAdmin: { own: 200, below: 200, above: 404, sideways: 404 },
      auditAdmin: { own: 200, below: 200, above: 404, sideways: 404 },
      supervisor: { own: 200, below: 200, above: 404, sideways: 404 },
      agencyHead: { own: 200, below: 404, above: 404, sideways: 404 },
      unitHead: { own: 200, below: 404, above: 404, sideways: 404 },
      default: { own: 404, below: 404, above: 404, sideways: 404 },
    },
  },
  {
    name: 'PATCH /api/v1/users/:id (user.update)',
    request: (rel) => ({ method: 'PATCH', url: `/api/v1/users/${userIds.get(USER_TARGET[rel])}`, payload: { post: '执法人员' } }),
    expect: {
      sysAdmin: { own: 200, below: 200, above: 404, sideways: 404 },
      secAdmin: { own: 403, below: 403, above: 404, sideways: 404 },
      auditAdmin: { own: 403, below: 403, above: 404, sideways: 404 },
      supervisor: { own: 403, below: 403, above: 404, sideways: 404 },
      agencyHead: { own: 403, below: 404, above: 404, sideways: 404 },
      unitHead: { own: 403, below: 404, above: 404, sideways: 404 },
      default: { own: 404, below: 404, above: 404, sideways: 404 },
    },
  },
  {
    name: 'PUT /api/v1/users/:id/roles (user.assignRoles)',
    request: (rel) => ({ method: 'PUT', url: `/api/v1/users/${userIds.get(USER_TARGET[rel])}/roles`, payload: { roles: rel === 'above' ? ['supervisor'] : ['officer'] } }),
    expect: {
      secAdmin: { own: 200, below: 200, above: 404, sideways: 404 },
      sysAdmin: { own: 403, below: 403, above: 404, sideways: 404 },
      auditAdmin: { own: 403, below: 403, above: 404, sideways: 404 },
      supervisor: { own: 403, below: 403, above: 404, sideways: 404 },
      agencyHead: { own: 403, below: 404, above: 404, sideways: 404 },
      unitHead: { own: 403, below: 404, above: 404, sideways: 404 },
      default: { own: 404, below: 404, above: 404, sideways: 404 },
    },
  },
  {
    name: 'POST /api/v1/users/:id/unlock (user.unlock)',
    request: (rel) => ({ method: 'POST', url: `/api/v1/users/${userIds.get(USER_TARGET[rel])}/unlock` }),
    expect: {
      secAdmin: { own: 200, below: 200, above: 404, sideways: 404 },
      sysAdmin: { own: 403, below: 403, above: 404, sideways: 404 },
      auditAdmin: { own: 403, below: 403, above: 404, sideways: 404 },
      supervisor: { own: 403, below: 403, above: 404, sideways: 404 },
      agencyHead: { own: 403, below: 404, above: 404, sideways: 404 },
      unitHead: { own: 403, below: 404, above: 404, sideways: 404 },
      default: { own: 404, below: 404, above: 404, sideways: 404 },
    },
  },
  {
    name: 'POST /api/v1/users/:id/password-reset (user.resetPassword)',
    request: (rel) => ({ method: 'POST', url: `/api/v1/users/${userIds.get(USER_TARGET[rel])}/password-reset`, payload: { newPassword: 'Reset#Pass2026' } }),
    expect: {
      secAdmin: { own: 200, below: 200, above: 404, sideways: 404 },
      sysAdmin: { own: 403, below: 403, above: 404, sideways: 404 },
      auditAdmin: { own: 403, below: 403, above: 404, sideways: 404 },
      supervisor: { own: 403, below: 403, above: 404, sideways: 404 },
      agencyHead: { own: 403, below: 404, above: 404, sideways: 404 },
      unitHead: { own: 403, below: 404, above: 404, sideways: 404 },
      default: { own: 404, below: 404, above: 404, sideways: 404 },
    },
  },
  {
    name: 'POST /api/v1/users/:id/certificates (certificate.manage, ORG-2)',
    request: (rel) => ({
      method: 'POST',
      url: `/api/v1/users/${userIds.get(USER_TARGET[rel])}/certificates`,
      payload: { number: `T${Date.now()}${seq++}`, issuer: '太原市人民政府', validFrom: '2026-01-01', validTo: '2029-12-31' },
    }),
    expect: {
      sysAdmin: { own: 201, below: 201, above: 404, sideways: 404 },
      secAdmin: { own: 403, below: 403, above: 404, sideways: 404 },
      auditAdmin: { own: 403, below: 403, above: 404, sideways: 404 },
      supervisor: { own: 403, below: 403, above: 404, sideways: 404 },
      agencyHead: { own: 403, below: 404, above: 404, sideways: 404 },
      unitHead: { own: 403, below: 404, above: 404, sideways: 404 },
      default: { own: 404, below: 404, above: 404, sideways: 404 },
    },
  },
  {
    name: 'POST /api/v1/users (user.create in the target agency)',
    request: (rel) => ({
      method: 'POST',
      url: '/api/v1/users',
      payload: { agencyId: agencyIds.get(AGENCY_TARGET[rel]), username: `u${Date.now()}x${seq++}`, displayName: '新用户', initialPassword: 'Initial#Pass2026' },
    }),
    expect: { sysAdmin: { own: 201, below: 201, above: 403, sideways: 404 }, default: { own: 403, below: 403, above: 403, sideways: 404 } },
  },
];

beforeAll(async () => {
  server = await startTestServer();
  const { users } = await import('../../db/schema.js');
  for (const a of await server.ctx.db.select().from(agencies)) agencyIds.set(a.name, a.id);
  for (const u of await server.ctx.db.select().from(users)) userIds.set(u.username, u.id);
  for (const username of Object.values(ACTORS)) cookies.set(username, await loginCookie(server.app, username));
  // One case in each target agency, written directly (nobody in the test handles it).
  const { cases } = await import('../../db/schema.js');
  for (const rel of RELS) {
    const [a] = (await server.ctx.db.select().from(agencies)).filter((x) => x.name === AGENCY_TARGET[rel]);
    const id = crypto.randomUUID();
    const now = server.ctx.clock.now();
    await server.ctx.db.insert(cases).values({ id, agencyId: a!.id, agencyPath: a!.path, caseNumber: `测试案〔2026〕${rel}号`, numberYear: 2026, numberSeq: 900 + RELS.indexOf(rel), actionType: 'inspection', source: 'exOfficio', title: `矩阵测试 ${rel}`, state: 'initiation', createdAt: now, createdBy: 'test', updatedAt: now });
    caseIds.set(rel, id);
  }
});

afterAll(async () => {
  await server?.close();
});

describe('authorization matrix: role × action × agency relation (DESIGN.md §5)', () => {
  for (const route of ROUTES) {
    describe(route.name, () => {
      for (const [role, username] of Object.entries(ACTORS) as [Role, string][]) {
        it(`${role}`, async () => {
          const got: Partial<Record<Rel, number>> = {};
          const want: Partial<Record<Rel, number>> = {};
          for (const rel of RELS) {
            const req = route.request(rel);
            if (!req) continue;
            const expected = route.expect[role]?.[rel] ?? route.expect.default?.[rel];
            if (expected === undefined) continue;
            const res = await server.app.inject({ ...req, headers: { cookie: cookies.get(username)! }, payload: req.payload as object | undefined });
            got[rel] = res.statusCode;
            want[rel] = expected;
            if (res.statusCode === 404 && req.url.startsWith('/api/')) {
              // Missing and forbidden-to-read look the same: one message, nothing revealed.
              expect(res.json().error.code).toBe('not_found');
            }
          }
          expect(got).toEqual(want);
        });
      }
    });
  }
});

describe('lists apply the same scope', () => {
  it('GET /api/v1/agencies: own, below and above; never sideways', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/agencies', headers: { cookie: cookies.get('ty_officer1')! } });
    const names = (res.json().items as { name: string }[]).map((a) => a.name);
    expect(names).toContain('太原市生态环境局');
    expect(names).toContain('太原市生态环境局小店分局');
    expect(names).toContain('山西省生态环境厅');
    expect(names).not.toContain('兰州市生态环境局');
    expect(names).not.toContain('甘肃省生态环境厅');
  });

  it('GET /api/v1/users: a sideways agency filter returns nothing', async () => {
    const res = await server.app.inject({ method: 'GET', url: `/api/v1/users?agencyId=${agencyIds.get('兰州市生态环境局')}`, headers: { cookie: cookies.get('ty_sysadmin')! } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
  });

  it('GET /api/v1/users: the system administrator lists own and below, not above', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: cookies.get('ty_sysadmin')! } });
    const usernames = (res.json().items as { username: string }[]).map((u) => u.username);
    expect(usernames).toContain('ty_officer1');
    expect(usernames).toContain('xd_officer1');
    expect(usernames).not.toContain('sx_supervisor');
    expect(usernames).not.toContain('lz_officer1');
  });

  it('an officer lists no other users', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: cookies.get('ty_officer1')! } });
    expect(res.json().items).toEqual([]);
  });

  it('GET /api/v1/audit: audit administrator and supervisor only (SYS-5)', async () => {
    for (const [role, username] of Object.entries(ACTORS) as [Role, string][]) {
      const res = await server.app.inject({ method: 'GET', url: '/api/v1/audit', headers: { cookie: cookies.get(username)! } });
      expect({ role, status: res.statusCode }).toEqual({ role, status: role === 'auditAdmin' || role === 'supervisor' ? 200 : 403 });
    }
  });

  it('GET /api/v1/audit: a city auditor sees no sideways events', async () => {
    await loginCookie(server.app, 'lz_officer1');
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/audit?pageSize=200', headers: { cookie: cookies.get('ty_auditadmin')! } });
    const items = res.json().items as { actorName: string; agencyId: string | null }[];
    expect(items.length).toBeGreaterThan(0);
    const { agencies } = await import('../../db/schema.js');
    const paths = new Map((await server.ctx.db.select().from(agencies)).map((a) => [a.id, a.path]));
    const tyPath = paths.get(agencyIds.get('太原市生态环境局')!)!;
    for (const e of items) expect(paths.get(e.agencyId!)?.startsWith(tyPath)).toBe(true);
    expect(items.some((e) => e.actorName.includes('兰州'))).toBe(false);
  });
});

describe('unauthenticated requests', () => {
  it.each(['/api/v1/agencies', '/api/v1/users', '/api/v1/audit', '/api/v1/auth/me'])('%s → 401 auth.required', async (url) => {
    const res = await server.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.required');
    expect(res.json().error.message).toBe('请先登录。');
  });
});
