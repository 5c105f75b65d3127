/**
 * REC-15 · REC-20 · issue 15 item 8: the whole case file (案卷) for printing —
 * the 卷内文件目录 and every signed or issued document of the case, in the order
 * made; drafts left out; readable only by those who may read the case; logged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loginCookie, startTestServer, type TestServer } from '../../testing/harness.js';
import { walkedCase } from '../../testing/walked-case.js';

let server: TestServer;
let caseId = '';
let caseNumber = '';
const cookie: Record<string, string> = {};
const get = (who: string, url: string) => server.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookie[who]! } });

beforeAll(async () => {
  server = await startTestServer();
  ({ caseId, caseNumber } = await walkedCase(server.ctx, { daysAgo: 40, to: 'decision' }));
  for (const u of ['ty_officer1', 'lz_officer1']) cookie[u] = await loginCookie(server.app, u);
});
afterAll(async () => server?.close());

describe('REC-15 · REC-20: the case file printed whole', () => {
  it('REC-15: the 卷内文件目录 lists every signed or issued document with its number, in order; each follows on its own sheet; drafts are not in the file', async () => {
    const docs = (await server.ctx.db.execute(sql`
      SELECT d.id, d.record_number, (SELECT v.status FROM document_versions v WHERE v.document_id = d.id ORDER BY v.version DESC LIMIT 1) AS status
      FROM documents d WHERE d.case_id = ${caseId} ORDER BY d.created_at, d.record_number`)) as unknown as { rows: { id: string; record_number: string; status: string }[] };
    const filed = docs.rows.filter((d) => d.status !== 'draft');
    expect(filed.length).toBeGreaterThan(1);
    const res = await get('ty_officer1', `/cases/${caseId}/file/print`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const body = res.body;
    expect(body).toContain('卷内文件目录');
    expect(body).toContain(`案件编号：${caseNumber}`);
    // One sheet for the list and one per filed document, in the order the list gives.
    expect(body.match(/<article class="sheet/g)!.length).toBe(filed.length + 1);
    let at = body.indexOf('</table>');
    for (const d of filed) {
      const next = body.indexOf(d.record_number, at);
      expect(next, d.record_number).toBeGreaterThan(at);
      at = next;
    }
    expect(body).toContain('第 " counter(page) " 页 共 " counter(pages) " 页');
    expect(body).toContain('太原市局执法一');
  });

  it('REC-20: an officer of another agency cannot read it (404), and printing is in the audit log', async () => {
    expect((await get('lz_officer1', `/cases/${caseId}/file/print`)).statusCode).toBe(404);
    expect((await get('ty_officer1', `/cases/${caseId}/file/print`)).statusCode).toBe(200);
    const rows = (await server.ctx.db.execute(sql`SELECT actor_name FROM audit_events WHERE action = 'case.file.print' AND object_id = ${caseId}`)) as unknown as { rows: { actor_name: string }[] };
    expect(rows.rows.map((r) => r.actor_name)).toContain('太原市局执法一');
  });
});
