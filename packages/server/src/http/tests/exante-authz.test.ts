/**
 * DESIGN.md §5 for the ex-ante disclosure routes (ORG-8): role × agency
 * relation, written out by hand. The actors sit in 太原市生态环境局 (own);
 * the targets are 太原 (own), 小店分局 (below), 山西省厅 (above) and 兰州市局
 * (sideways). Drafts are read by the disclosure staff, the agency head and
 * supervisors (own and below); the clerk edits, the approver or the head
 * approves. A status other than 403/404 means the policy let the request
 * through (the demo's published sections make the act itself fail with a
 * stable 409 where noted).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@sanxiang/core';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
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
const TARGET: Record<Rel, string> = { own: '太原市生态环境局', below: '太原市生态环境局小店分局', above: '山西省生态环境厅', sideways: '兰州市生态环境局' };

let server: TestServer;
const cookies = new Map<string, string>();
const agencyIds = new Map<Rel, string>();

type Method = 'GET' | 'POST' | 'PUT';
const api = (method: Method, url: string, who: string | null, payload?: unknown) =>
  server.app.inject({ method, url: `/api/v1${url}`, headers: who ? { cookie: cookies.get(who)! } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

beforeAll(async () => {
  server = await startTestServer();
  for (const who of Object.values(ACTORS)) cookies.set(who, await loginCookie(server.app, who));
  const all = await server.ctx.db.select().from(agencies);
  for (const rel of RELS) agencyIds.set(rel, all.find((a) => a.name === TARGET[rel])!.id);
});
afterAll(async () => {
  await server?.close();
});

type Expect = Partial<Record<Role | 'default', Partial<Record<Rel, number>>>>;
interface RouteCase {
  name: string;
  request: (rel: Rel) => { method: Method; url: string; payload?: unknown };
  expect: Expect;
}

const NONE = { own: 404, below: 404, above: 404, sideways: 404 } as const;
const READ = { own: 200, below: 200, above: 404, sideways: 404 } as const;
const READ_ONLY = { own: 403, below: 403, above: 404, sideways: 404 } as const;
const at = (rel: Rel, rest = '') => `/agencies/${agencyIds.get(rel)}/exante${rest}`;

const ROUTES: RouteCase[] = [
  {
    name: 'GET /agencies/:id/exante (exante.read: disclosure staff, head, supervisor; own and below)',
    request: (rel) => ({ method: 'GET', url: at(rel) }),
    expect: { disclosureClerk: READ, disclosureApprover: READ, agencyHead: READ, supervisor: READ, default: NONE },
  },
  {
    name: 'GET /agencies/:id/exante/:section (an entered section)',
    request: (rel) => ({ method: 'GET', url: at(rel, '/legalBases') }),
    expect: { disclosureClerk: READ, disclosureApprover: READ, agencyHead: READ, supervisor: READ, default: NONE },
  },
  {
    name: 'GET /agencies/:id/exante/:section (a generated section reads the same way)',
    request: (rel) => ({ method: 'GET', url: at(rel, '/avItems') }),
    expect: { disclosureClerk: READ, disclosureApprover: READ, agencyHead: READ, supervisor: READ, default: NONE },
  },
  {
    name: 'PUT /agencies/:id/exante/:section (exante.edit: the clerk, own and below — SX25-P 9)',
    request: (rel) => ({ method: 'PUT', url: at(rel, '/legalBases'), payload: { content: { rows: [] } } }),
    expect: { disclosureClerk: READ, disclosureApprover: READ_ONLY, agencyHead: READ_ONLY, supervisor: READ_ONLY, default: NONE },
  },
  {
    name: 'PUT /agencies/:id/exante/reviewCatalogue (generated: refused after the policy with 409)',
    request: (rel) => ({ method: 'PUT', url: at(rel, '/reviewCatalogue'), payload: { content: { rows: [] } } }),
    expect: { disclosureClerk: { own: 409, below: 409, above: 404, sideways: 404 }, disclosureApprover: READ_ONLY, agencyHead: READ_ONLY, supervisor: READ_ONLY, default: NONE },
  },
  {
    name: 'POST /agencies/:id/exante/:section/submit (exante.edit; the published section has nothing to submit → 409)',
    request: (rel) => ({ method: 'POST', url: at(rel, '/powers/submit'), payload: {} }),
    expect: { disclosureClerk: { own: 409, below: 409, above: 404, sideways: 404 }, disclosureApprover: READ_ONLY, agencyHead: READ_ONLY, supervisor: READ_ONLY, default: NONE },
  },
  {
    name: 'POST /agencies/:id/exante/:section/approve (exante.approve: the approver or the head; nothing submitted → 409)',
    request: (rel) => ({ method: 'POST', url: at(rel, '/rights/approve'), payload: {} }),
    expect: {
      disclosureApprover: { own: 409, below: 409, above: 404, sideways: 404 },
      agencyHead: { own: 409, below: 409, above: 404, sideways: 404 },
      disclosureClerk: READ_ONLY,
      supervisor: READ_ONLY,
      default: NONE,
    },
  },
  {
    name: 'POST /agencies/:id/exante/:section/return (exante.approve)',
    request: (rel) => ({ method: 'POST', url: at(rel, '/rights/return'), payload: { comment: '退回' } }),
    expect: {
      disclosureApprover: { own: 409, below: 409, above: 404, sideways: 404 },
      agencyHead: { own: 409, below: 409, above: 404, sideways: 404 },
      disclosureClerk: READ_ONLY,
      supervisor: READ_ONLY,
      default: NONE,
    },
  },
];

describe('DESIGN §5: ex-ante disclosure routes × role × agency relation', () => {
  for (const route of ROUTES) {
    it(route.name, async () => {
      const got: string[] = [];
      const want: string[] = [];
      for (const [role, who] of Object.entries(ACTORS) as [Role, string][]) {
        for (const rel of RELS) {
          const expected = route.expect[role]?.[rel] ?? route.expect.default?.[rel];
          if (expected === undefined) continue;
          const req = route.request(rel);
          const res = await api(req.method, req.url, who, req.payload);
          got.push(`${role}/${rel}: ${res.statusCode}`);
          want.push(`${role}/${rel}: ${expected}`);
        }
      }
      expect(got).toEqual(want);
    });
  }

  it('ORG-8: GET /exante lists only the agencies whose drafts the role reads (own and below), empty for everyone else', async () => {
    const got: string[] = [];
    for (const [role, who] of Object.entries(ACTORS) as [Role, string][]) {
      const res = await api('GET', '/exante', who);
      expect(res.statusCode).toBe(200);
      got.push(`${role}: ${res.json().agencies.map((a: { name: string }) => a.name).join('、')}`);
    }
    const both = '太原市生态环境局、太原市生态环境局小店分局';
    expect(got).toEqual(Object.keys(ACTORS).map((r) => `${r}: ${['disclosureClerk', 'disclosureApprover', 'agencyHead', 'supervisor'].includes(r) ? both : ''}`));
  });

  it('every ex-ante route needs a signed-in user (401); unknown sections are refused (400) and unknown agencies are 404', async () => {
    const own = at('own');
    for (const [method, url] of [['GET', '/exante'], ['GET', own], ['GET', `${own}/legalBases`], ['PUT', `${own}/legalBases`], ['POST', `${own}/legalBases/submit`], ['POST', `${own}/legalBases/approve`], ['POST', `${own}/legalBases/return`]] as const) {
      const res = await api(method, url, null, method === 'GET' ? undefined : { content: {}, comment: 'x' });
      expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 401 });
    }
    expect((await api('GET', `${own}/secrets`, 'ty_clerk')).statusCode).toBe(400);
    expect((await api('GET', '/agencies/00000000-0000-0000-0000-000000000000/exante', 'ty_clerk')).statusCode).toBe(404);
  });
});
