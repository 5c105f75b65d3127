/**
 * DESIGN.md §5 for the legal review routes: role × action × agency relation,
 * written out by hand. The actors sit in 太原市生态环境局 (own); the targets
 * are cases with a submitted review in 太原 (own), 小店分局 (below) and
 * 兰州市局 (sideways). A status other than 403/404 means the policy let the
 * request through (the body is made to fail afterwards with a stable 4xx).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDocumentKind, sampleFields, type Role } from '@sanxiang/core';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { cases, users } from '../../db/schema.js';

type Rel = 'own' | 'below' | 'sideways';
const RELS: Rel[] = ['own', 'below', 'sideways'];

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

let server: TestServer;
const cookies = new Map<string, string>();
const ids: Record<string, string> = {};
const target = new Map<Rel, { caseId: string; reviewId: string; agencyId: string }>();

const api = (method: 'GET' | 'POST', url: string, who: string, payload?: unknown) =>
  server.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies.get(who)! }, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function caseWithReview(officer1: string, officer2: string): Promise<{ caseId: string; reviewId: string; agencyId: string }> {
  cookies.set(officer1, cookies.get(officer1) ?? (await loginCookie(server.app, officer1)));
  const created = await api('POST', '/cases', officer1, { actionType: 'penalty', source: 'complaint', title: '权限矩阵', handlerIds: [ids[officer1], ids[officer2]] });
  expect(created.statusCode, created.body).toBe(201);
  const caseId = created.json().case.id as string;
  await server.ctx.db.update(cases).set({ state: 'investigation' }).where(eq(cases.id, caseId));
  const doc = async (kind: string, sign: boolean, extra: Record<string, unknown> = {}) => {
    const res = await api('POST', `/cases/${caseId}/documents`, officer1, { kind, fields: { ...sampleFields(getDocumentKind(kind)!), ...extra } });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().document.documentId as string;
    if (sign) expect((await api('POST', `/cases/${caseId}/documents/${id}/finalize`, officer1, { status: 'signed' })).statusCode).toBe(200);
    return id;
  };
  const report = await doc('investigationReport', true);
  const decision = await doc('penaltyDecision', false, { penaltyTypes: ['fine'], fineAmount: 300_000 });
  const res = await api('POST', `/cases/${caseId}/review`, officer1, {
    materials: [
      { key: 'proposal', text: '建议' },
      { key: 'investigationReport', documentIds: [report] },
      { key: 'draftDecision', documentIds: [decision] },
      { key: 'legalBasisAndEvidence', documentIds: [report], text: '法律依据' },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  return { caseId, reviewId: res.json().review.id, agencyId: created.json().case.agencyId };
}

beforeAll(async () => {
  server = await startTestServer();
  for (const u of await server.ctx.db.select().from(users)) ids[u.username] = u.id;
  for (const who of Object.values(ACTORS)) cookies.set(who, await loginCookie(server.app, who));
  target.set('own', await caseWithReview('ty_officer1', 'ty_officer2'));
  target.set('below', await caseWithReview('xd_officer1', 'xd_officer2'));
  target.set('sideways', await caseWithReview('lz_officer1', 'lz_officer2'));
});
afterAll(async () => {
  await server?.close();
});

type Expect = Partial<Record<Role | 'default', Partial<Record<Rel, number>>>>;
interface RouteCase {
  name: string;
  request: (rel: Rel) => { method: 'GET' | 'POST'; url: string; payload?: unknown };
  expect: Expect;
}

const READ_OWN = { own: 200, below: 404, sideways: 404 } as const;
const NONE = { own: 404, below: 404, sideways: 404 } as const;
const t = (rel: Rel) => target.get(rel)!;

const ROUTES: RouteCase[] = [
  {
    name: 'GET /cases/:id/review (review.read: the case\'s readers)',
    request: (rel) => ({ method: 'GET', url: `/cases/${t(rel).caseId}/review` }),
    expect: {
      officer: READ_OWN,
      unitHead: READ_OWN,
      legalReviewer: READ_OWN,
      disclosureClerk: READ_OWN,
      disclosureApprover: READ_OWN,
      recordsKeeper: READ_OWN,
      agencyHead: { own: 200, below: 200, sideways: 404 },
      supervisor: { own: 200, below: 200, sideways: 404 },
      default: NONE,
    },
  },
  {
    name: 'POST /cases/:id/review (review.submit: handlers and the unit head; already open → 409)',
    request: (rel) => ({ method: 'POST', url: `/cases/${t(rel).caseId}/review`, payload: { materials: [] } }),
    expect: {
      officer: { own: 409, below: 404, sideways: 404 },
      unitHead: { own: 409, below: 404, sideways: 404 },
      legalReviewer: { own: 403, below: 404, sideways: 404 },
      disclosureClerk: { own: 403, below: 404, sideways: 404 },
      disclosureApprover: { own: 403, below: 404, sideways: 404 },
      recordsKeeper: { own: 403, below: 404, sideways: 404 },
      agencyHead: { own: 403, below: 403, sideways: 404 },
      supervisor: { own: 403, below: 403, sideways: 404 },
      default: NONE,
    },
  },
  {
    name: 'POST /reviews/:id/assign (review.assign: reviewers and the head; an officer as reviewer → 409)',
    request: (rel) => ({ method: 'POST', url: `/reviews/${t(rel).reviewId}/assign`, payload: { reviewerId: ids.ty_officer1 } }),
    expect: {
      officer: { own: 403, below: 404, sideways: 404 },
      unitHead: { own: 403, below: 404, sideways: 404 },
      legalReviewer: { own: 409, below: 404, sideways: 404 },
      disclosureClerk: { own: 403, below: 404, sideways: 404 },
      disclosureApprover: { own: 403, below: 404, sideways: 404 },
      recordsKeeper: { own: 403, below: 404, sideways: 404 },
      agencyHead: { own: 409, below: 403, sideways: 404 },
      supervisor: { own: 403, below: 403, sideways: 404 },
      default: NONE,
    },
  },
  {
    name: 'POST /reviews/:id/extensions (review.extend: the head; not yet in review → 409)',
    request: (rel) => ({ method: 'POST', url: `/reviews/${t(rel).reviewId}/extensions`, payload: { reason: '案件复杂' } }),
    expect: {
      officer: { own: 403, below: 404, sideways: 404 },
      unitHead: { own: 403, below: 404, sideways: 404 },
      legalReviewer: { own: 403, below: 404, sideways: 404 },
      disclosureClerk: { own: 403, below: 404, sideways: 404 },
      disclosureApprover: { own: 403, below: 404, sideways: 404 },
      recordsKeeper: { own: 403, below: 404, sideways: 404 },
      agencyHead: { own: 409, below: 403, sideways: 404 },
      supervisor: { own: 403, below: 403, sideways: 404 },
      default: NONE,
    },
  },
  {
    name: 'POST /reviews/:id/head-decision (review.headDecide: the head; nothing disputed → 409)',
    request: (rel) => ({ method: 'POST', url: `/reviews/${t(rel).reviewId}/head-decision`, payload: { decision: 'overrule', opinion: '同意' } }),
    expect: {
      officer: { own: 403, below: 404, sideways: 404 },
      unitHead: { own: 403, below: 404, sideways: 404 },
      legalReviewer: { own: 403, below: 404, sideways: 404 },
      disclosureClerk: { own: 403, below: 404, sideways: 404 },
      disclosureApprover: { own: 403, below: 404, sideways: 404 },
      recordsKeeper: { own: 403, below: 404, sideways: 404 },
      agencyHead: { own: 409, below: 403, sideways: 404 },
      supervisor: { own: 403, below: 403, sideways: 404 },
      default: NONE,
    },
  },
  {
    name: 'POST /reviews/:id/decision (review.decide: the assigned reviewer only)',
    request: (rel) => ({ method: 'POST', url: `/reviews/${t(rel).reviewId}/decision`, payload: { checklist: [{ item: 'subjectLawful', finding: 'pass' }], opinion: '同意' } }),
    expect: {
      officer: { own: 403, below: 404, sideways: 404 },
      unitHead: { own: 403, below: 404, sideways: 404 },
      legalReviewer: { own: 403, below: 404, sideways: 404 }, // not assigned (review.not_assigned)
      disclosureClerk: { own: 403, below: 404, sideways: 404 },
      disclosureApprover: { own: 403, below: 404, sideways: 404 },
      recordsKeeper: { own: 403, below: 404, sideways: 404 },
      agencyHead: { own: 403, below: 403, sideways: 404 },
      supervisor: { own: 403, below: 403, sideways: 404 },
      default: NONE,
    },
  },
  {
    name: 'GET /review/ratio?agencyId (review.ratio, ORG-7)',
    request: (rel) => ({ method: 'GET', url: `/review/ratio?agencyId=${t(rel).agencyId}` }),
    expect: {
      unitHead: READ_OWN,
      legalReviewer: READ_OWN,
      agencyHead: { own: 200, below: 200, sideways: 404 },
      supervisor: { own: 200, below: 200, sideways: 404 },
      default: NONE,
    },
  },
];

describe('DESIGN §5: legal review routes × role × agency relation', () => {
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

  it('REV-2: only reviewers and the head adopt a catalogue (own agency; a bad one is refused with 400)', async () => {
    const results: string[] = [];
    for (const [role, who] of Object.entries(ACTORS) as [Role, string][]) {
      const res = await api('POST', '/review/catalogue', who, { title: '目录清单', items: [{ id: 'x', criterion: 'complex', label: '疑难复杂', test: { type: 'complex' } }] });
      results.push(`${role}: ${res.statusCode}`);
    }
    expect(results).toEqual(Object.keys(ACTORS).map((r) => `${r}: ${r === 'legalReviewer' || r === 'agencyHead' ? 400 : 403}`));
  });

  it('NAT-22 · ORG-3: only reviewers and the head adopt a violation catalogue (own agency; one with a band outside the range is refused with 422); everyone who sees the agency reads it', async () => {
    const entries = [{ key: 'air.overLimit', name: '超标排放大气污染物', area: '大气', violated: '《中华人民共和国大气污染防治法》第十八条', law: '大气污染防治法', article: '第九十九条', range: { kind: 'amount', min: 100_000, max: 1_000_000 }, bands: [{ label: '较重', circumstances: '拒不改正', min: 500_000, max: 2_000_000 }] }];
    const results: string[] = [];
    for (const [role, who] of Object.entries(ACTORS) as [Role, string][]) {
      const res = await api('POST', '/violation-catalogue', who, { entries });
      results.push(`${role}: ${res.statusCode}`);
    }
    expect(results).toEqual(Object.keys(ACTORS).map((r) => `${r}: ${r === 'legalReviewer' || r === 'agencyHead' ? 422 : 403}`));
    const read = await api('GET', '/violation-catalogue', 'ty_officer1');
    expect(read.statusCode).toBe(200);
    expect(read.json().catalogue.version).toBe(0);
  });
});
