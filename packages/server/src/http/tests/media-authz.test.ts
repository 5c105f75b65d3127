/**
 * DESIGN §5 for the evidence vault: each media route (with the retention
 * routes of REC-18 and the revocation of a grant) over role × agency
 * relation, written out by hand (REC-20 · GS-R 47: use follows the post;
 * SYS-5: the three administrators never read case content). Acting users
 * sit in 太原市生态环境局 (own); targets: own = 太原市局, below = 小店分局,
 * sideways = 兰州市局.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Role } from '@sanxiang/core';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { users } from '../../db/schema.js';
import { loadActor } from '../../usecases/auth.js';
import { createCase } from '../../usecases/cases.js';
import { ingestBuffer } from '../../seed/media.js';
import { createAccessRequest, decideAccessRequest } from '../../usecases/access.js';
import { placeHold } from '../../usecases/media-retention.js';

type Rel = 'own' | 'below' | 'sideways';
const RELS: Rel[] = ['own', 'below', 'sideways'];

const ACTORS: Record<Role | 'nonHandler', string> = {
  officer: 'ty_officer1',
  nonHandler: 'ty_officer3',
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
type Who = keyof typeof ACTORS;

const OFFICERS: Record<Rel, [string, string]> = { own: ['ty_officer1', 'ty_officer2'], below: ['xd_officer1', 'xd_officer2'], sideways: ['lz_officer1', 'lz_officer2'] };

/** Per relation: who keeps the records (places holds), who registers requests, who approves them. */
const STAFF: Record<Rel, { holder: string; clerk: string; head: string }> = {
  own: { holder: 'ty_keeper', clerk: 'ty_clerk', head: 'ty_head' },
  below: { holder: 'xd_head', clerk: 'xd_officer1', head: 'xd_head' },
  sideways: { holder: 'lz_keeper', clerk: 'lz_clerk', head: 'lz_head' },
};

let server: TestServer;
const cookies = new Map<string, string>();
const target = new Map<Rel, { caseId: string; mediaId: string; disposalId: string; grantId: string }>();
/** One hold per acting user and relation, so each user's release attempt finds one in force. */
const holds = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer();
  for (const u of Object.values(ACTORS)) cookies.set(u, await loginCookie(server.app, u));
  for (const rel of RELS) {
    const [a, b] = await Promise.all(OFFICERS[rel].map(async (name) => (await server.ctx.db.select().from(users).where(eq(users.username, name)))[0]!));
    const actor = (await loadActor(server.ctx, a!.id, '127.0.0.1'))!;
    const c = await createCase(server.ctx, actor, { actionType: 'penalty', source: 'complaint', title: `矩阵 ${rel}`, handlerIds: [a!.id, b!.id] });
    const now = server.ctx.clock.now().toISOString();
    const m = await ingestBuffer(server.ctx, actor, c.id, { filename: 'm.mp4', mimeType: 'video/mp4', bytes: crypto.randomBytes(256) }, { recordedStart: now, recordedEnd: now, place: '现场', officerIds: [a!.id], contentNotes: '矩阵测试录像' });
    const staff = async (username: string) => (await loadActor(server.ctx, (await server.ctx.db.select().from(users).where(eq(users.username, username)))[0]!.id, '127.0.0.1'))!;
    // REC-18: a disposal request waiting for the head (written directly: the file's retention has not run out).
    const disposalId = crypto.randomUUID();
    await server.ctx.database.query(
      `INSERT INTO media_disposals (id, media_id, case_id, agency_id, agency_path, reason, earliest_disposal, retention_label, requested_by, requested_by_name, requested_at, leaf_index)
       SELECT $1, id, case_id, agency_id, agency_path, '矩阵测试', '2026-01-01', '矩阵测试', created_by, created_by_name, now(), 0 FROM media_files WHERE id = $2`,
      [disposalId, m.id],
    );
    // REC-20: an approved external request, for the revocation route.
    const req = await createAccessRequest(server.ctx, await staff(STAFF[rel].clerk), { caseId: c.id, requesterKind: 'court', requesterName: '张法官', requesterOrg: '某区人民法院', reason: '矩阵测试：调取录像' });
    await decideAccessRequest(server.ctx, await staff(STAFF[rel].head), req.id, { approved: true, validUntil: new Date(server.ctx.clock.now().getTime() + 86_400_000).toISOString() });
    target.set(rel, { caseId: c.id, mediaId: m.id, disposalId, grantId: req.id });
    const holder = await staff(STAFF[rel].holder);
    for (const who of Object.keys(ACTORS)) holds.set(`${who}:${rel}`, (await placeHold(server.ctx, holder, c.id, { reason: `矩阵测试保全 ${who}` })).id);
  }
});
afterAll(async () => {
  await server?.close();
});

type Expect = Partial<Record<Who | 'default', Partial<Record<Rel, number>>>>;
interface RouteCase {
  name: string;
  request: (rel: Rel, who: Who) => { method: 'GET' | 'POST'; url: string; payload?: unknown };
  expect: Expect;
}

const NONE = { own: 404, below: 404, sideways: 404 } as const;
const ROUTES: RouteCase[] = [
  {
    name: 'GET /cases/:id/media (case.read)',
    request: (rel) => ({ method: 'GET', url: `/api/v1/cases/${target.get(rel)!.caseId}/media` }),
    expect: {
      officer: { own: 200, below: 404, sideways: 404 },
      nonHandler: { own: 200, below: 404, sideways: 404 },
      unitHead: { own: 200, below: 404, sideways: 404 },
      legalReviewer: { own: 200, below: 404, sideways: 404 },
      disclosureClerk: { own: 200, below: 404, sideways: 404 },
      disclosureApprover: { own: 200, below: 404, sideways: 404 },
      recordsKeeper: { own: 200, below: 404, sideways: 404 },
      agencyHead: { own: 200, below: 200, sideways: 404 },
      supervisor: { own: 200, below: 200, sideways: 404 },
      default: NONE,
    },
  },
  {
    name: 'POST /media/:id/views (media.view; officers only on their cases; disclosure staff need a request)',
    request: (rel) => ({ method: 'POST', url: `/api/v1/media/${target.get(rel)!.mediaId}/views`, payload: {} }),
    expect: {
      officer: { own: 201, below: 404, sideways: 404 },
      nonHandler: { own: 403, below: 404, sideways: 404 },
      unitHead: { own: 201, below: 404, sideways: 404 },
      legalReviewer: { own: 201, below: 404, sideways: 404 },
      recordsKeeper: { own: 201, below: 404, sideways: 404 },
      disclosureClerk: { own: 403, below: 404, sideways: 404 },
      disclosureApprover: { own: 403, below: 404, sideways: 404 },
      agencyHead: { own: 201, below: 201, sideways: 404 },
      supervisor: { own: 201, below: 201, sideways: 404 },
      default: NONE,
    },
  },
  {
    name: 'POST /media/:id/downloads (media.download; GS-R 43: officers keep no copies)',
    request: (rel) => ({ method: 'POST', url: `/api/v1/media/${target.get(rel)!.mediaId}/downloads`, payload: {} }),
    expect: {
      officer: { own: 403, below: 404, sideways: 404 },
      nonHandler: { own: 403, below: 404, sideways: 404 },
      unitHead: { own: 201, below: 404, sideways: 404 },
      legalReviewer: { own: 201, below: 404, sideways: 404 },
      recordsKeeper: { own: 201, below: 404, sideways: 404 },
      disclosureClerk: { own: 403, below: 404, sideways: 404 },
      disclosureApprover: { own: 403, below: 404, sideways: 404 },
      agencyHead: { own: 201, below: 201, sideways: 404 },
      supervisor: { own: 201, below: 201, sideways: 404 },
      default: NONE,
    },
  },
  {
    name: 'POST /cases/:id/media/uploads (media.upload; REC-14: handlers and the unit head)',
    request: (rel) => ({
      method: 'POST',
      url: `/api/v1/cases/${target.get(rel)!.caseId}/media/uploads`,
      payload: { filename: 'x.mp4', mimeType: 'video/mp4', size: 10, sha256: crypto.randomBytes(32).toString('hex'), metadata: { recordedStart: '2026-03-01T01:00:00Z', recordedEnd: '2026-03-01T01:10:00Z', place: '现场', officerIds: ['__OFFICER__'], contentNotes: '矩阵测试录像' } },
    }),
    expect: {
      officer: { own: 201, below: 404, sideways: 404 },
      nonHandler: { own: 403, below: 404, sideways: 404 },
      unitHead: { own: 201, below: 404, sideways: 404 },
      legalReviewer: { own: 403, below: 404, sideways: 404 },
      recordsKeeper: { own: 403, below: 404, sideways: 404 },
      disclosureClerk: { own: 403, below: 404, sideways: 404 },
      disclosureApprover: { own: 403, below: 404, sideways: 404 },
      agencyHead: { own: 403, below: 403, sideways: 404 },
      supervisor: { own: 403, below: 403, sideways: 404 },
      default: NONE,
    },
  },
  {
    name: 'GET /media/:id/access-log (media.accessLog)',
    request: (rel) => ({ method: 'GET', url: `/api/v1/media/${target.get(rel)!.mediaId}/access-log` }),
    expect: {
      officer: { own: 403, below: 404, sideways: 404 },
      nonHandler: { own: 403, below: 404, sideways: 404 },
      unitHead: { own: 200, below: 404, sideways: 404 },
      legalReviewer: { own: 403, below: 404, sideways: 404 },
      recordsKeeper: { own: 200, below: 404, sideways: 404 },
      disclosureClerk: { own: 403, below: 404, sideways: 404 },
      disclosureApprover: { own: 403, below: 404, sideways: 404 },
      agencyHead: { own: 200, below: 200, sideways: 404 },
      supervisor: { own: 200, below: 200, sideways: 404 },
      default: NONE,
    },
  },
  {
    name: 'POST /cases/:id/media-holds (media.hold; REC-18 · GS-R 43 ¶3: the records keeper or the head)',
    request: (rel) => ({ method: 'POST', url: `/api/v1/cases/${target.get(rel)!.caseId}/media-holds`, payload: { reason: '行政诉讼未结，保全录像' } }),
    expect: {
      officer: { own: 403, below: 404, sideways: 404 },
      nonHandler: { own: 403, below: 404, sideways: 404 },
      unitHead: { own: 403, below: 404, sideways: 404 },
      legalReviewer: { own: 403, below: 404, sideways: 404 },
      recordsKeeper: { own: 201, below: 404, sideways: 404 },
      disclosureClerk: { own: 403, below: 404, sideways: 404 },
      disclosureApprover: { own: 403, below: 404, sideways: 404 },
      agencyHead: { own: 201, below: 403, sideways: 404 },
      supervisor: { own: 403, below: 403, sideways: 404 },
      default: NONE,
    },
  },
  {
    name: 'POST /media-holds/:id/release (media.hold)',
    request: (rel, who) => ({ method: 'POST', url: `/api/v1/media-holds/${holds.get(`${who}:${rel}`)!}/release`, payload: { reason: '判决已生效，解除保全' } }),
    expect: {
      officer: { own: 403, below: 404, sideways: 404 },
      nonHandler: { own: 403, below: 404, sideways: 404 },
      unitHead: { own: 403, below: 404, sideways: 404 },
      legalReviewer: { own: 403, below: 404, sideways: 404 },
      recordsKeeper: { own: 200, below: 404, sideways: 404 },
      disclosureClerk: { own: 403, below: 404, sideways: 404 },
      disclosureApprover: { own: 403, below: 404, sideways: 404 },
      agencyHead: { own: 200, below: 403, sideways: 404 },
      supervisor: { own: 403, below: 403, sideways: 404 },
      default: NONE,
    },
  },
  {
    // 409 for the keeper: allowed to ask, but the file's retention has not run out (REC-16 · SX25-R 22).
    name: 'POST /media/:id/disposals (media.dispose.request; REC-18: the records keeper)',
    request: (rel) => ({ method: 'POST', url: `/api/v1/media/${target.get(rel)!.mediaId}/disposals`, payload: { reason: '保存期满，申请销毁' } }),
    expect: {
      officer: { own: 403, below: 404, sideways: 404 },
      nonHandler: { own: 403, below: 404, sideways: 404 },
      unitHead: { own: 403, below: 404, sideways: 404 },
      legalReviewer: { own: 403, below: 404, sideways: 404 },
      recordsKeeper: { own: 409, below: 404, sideways: 404 },
      disclosureClerk: { own: 403, below: 404, sideways: 404 },
      disclosureApprover: { own: 403, below: 404, sideways: 404 },
      agencyHead: { own: 403, below: 403, sideways: 404 },
      supervisor: { own: 403, below: 403, sideways: 404 },
      default: NONE,
    },
  },
  {
    name: 'POST /media-disposals/:id/decision (media.dispose.approve; REC-18: the agency head; a refusal here)',
    request: (rel) => ({ method: 'POST', url: `/api/v1/media-disposals/${target.get(rel)!.disposalId}/decision`, payload: { approved: false, comment: '暂不销毁' } }),
    expect: {
      officer: { own: 403, below: 404, sideways: 404 },
      nonHandler: { own: 403, below: 404, sideways: 404 },
      unitHead: { own: 403, below: 404, sideways: 404 },
      legalReviewer: { own: 403, below: 404, sideways: 404 },
      recordsKeeper: { own: 403, below: 404, sideways: 404 },
      disclosureClerk: { own: 403, below: 404, sideways: 404 },
      disclosureApprover: { own: 403, below: 404, sideways: 404 },
      agencyHead: { own: 200, below: 403, sideways: 404 },
      supervisor: { own: 403, below: 403, sideways: 404 },
      default: NONE,
    },
  },
  {
    name: 'POST /access-requests/:id/revocation (access.revoke; REC-20: the agency head withdraws a grant)',
    request: (rel) => ({ method: 'POST', url: `/api/v1/access-requests/${target.get(rel)!.grantId}/revocation`, payload: { reason: '查阅需要已消失' } }),
    expect: {
      officer: { own: 403, below: 404, sideways: 404 },
      nonHandler: { own: 403, below: 404, sideways: 404 },
      unitHead: { own: 403, below: 404, sideways: 404 },
      legalReviewer: { own: 403, below: 404, sideways: 404 },
      recordsKeeper: { own: 403, below: 404, sideways: 404 },
      disclosureClerk: { own: 403, below: 404, sideways: 404 },
      disclosureApprover: { own: 403, below: 404, sideways: 404 },
      agencyHead: { own: 200, below: 403, sideways: 404 },
      supervisor: { own: 403, below: 403, sideways: 404 },
      default: NONE,
    },
  },
];

describe('DESIGN §5 · REC-20: media routes over role × relation', () => {
  for (const route of ROUTES) {
    for (const [who, username] of Object.entries(ACTORS) as [Who, string][]) {
      it(`${route.name} — ${who}`, async () => {
        const exp = route.expect[who] ?? route.expect.default!;
        const officerId = (await server.ctx.db.select().from(users).where(eq(users.username, 'ty_officer1')))[0]!.id;
        const got: Partial<Record<Rel, number>> = {};
        for (const rel of RELS) {
          const r = route.request(rel, who);
          const payload = r.payload ? (JSON.parse(JSON.stringify(r.payload).replace('__OFFICER__', officerId)) as object) : undefined;
          const res = await server.app.inject({ method: r.method, url: r.url, headers: { cookie: cookies.get(username)! }, ...(payload ? { payload } : {}) });
          got[rel] = res.statusCode;
        }
        expect(got).toEqual(exp);
      });
    }
  }
});
