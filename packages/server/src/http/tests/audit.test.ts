/**
 * SYS-5 · issue 15 item 4: the audit log names what each event is about — the
 * case by its 案号, the document and the media record by their numbers, the
 * person and the agency by name — not by internal ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';

let server: TestServer;
const cookie: Record<string, string> = {};
const get = (who: string, url: string) => server.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookie[who]! } });

beforeAll(async () => {
  server = await startTestServer();
  for (const u of ['ty_auditadmin', 'ty_sysadmin']) cookie[u] = await loginCookie(server.app, u);
});
afterAll(async () => server?.close());

interface Item {
  action: string;
  objectType: string;
  objectId: string;
  objectName: string | null;
  case: { id: string; number: string } | null;
  document: { id: string; number: string } | null;
  detail: Record<string, unknown>;
}

describe('SYS-5 · issue 15 item 4: the audit log by numbers and names', () => {
  it('document events carry the case’s 案号 and the document’s number, as the database has them', async () => {
    const res = await get('ty_auditadmin', '/audit?action=document&pageSize=200');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Item[];
    const withDoc = items.filter((i) => i.detail.documentId);
    expect(withDoc.length).toBeGreaterThan(0);
    for (const i of withDoc) {
      const rows = await server.ctx.db.execute(sql`SELECT d.record_number AS doc, c.case_number AS "case" FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.id = ${String(i.detail.documentId)}`);
      const row = (rows as unknown as { rows: { doc: string; case: string }[] }).rows[0]!;
      expect(i.document).toEqual({ id: i.detail.documentId, number: row.doc });
      expect(i.case?.number).toBe(row.case);
    }
  });

  it('a change to a user names the user', async () => {
    const users = (await get('ty_sysadmin', '/users')).json().items as { id: string; username: string; displayName: string }[];
    const target = users.find((u) => u.username === 'ty_officer1') ?? users.find((u) => u.username !== 'ty_sysadmin')!;
    const patched = await server.app.inject({ method: 'PATCH', url: `/api/v1/users/${target.id}`, headers: { cookie: cookie.ty_sysadmin! }, payload: { phone: '0351-1234567' } });
    expect(patched.statusCode, patched.body).toBe(200);
    const items = (await get('ty_auditadmin', '/audit?action=user.update&pageSize=50')).json().items as Item[];
    const mine = items.find((i) => i.objectId === target.id);
    expect(mine?.objectName).toBe(target.displayName);
  });
});
