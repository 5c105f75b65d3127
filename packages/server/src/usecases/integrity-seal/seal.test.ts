/**
 * REC-16 · SX25-R 22, NAT-18 · 法发〔2016〕22号 Art 5, SYS-5: everything a
 * person relies on is sealed, and `sanxiang verify` names each tampering an
 * attacker with database access makes (UPDATE / DELETE / INSERT straight in
 * SQL, append-only triggers switched off where there are any).
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../testing/harness.js';
import { cases, logLeaves, mediaFiles, publications, users } from '../../db/schema.js';
import { loadActor } from '../auth.js';
import { createAccessRequest, decideAccessRequest, revokeAccessRequest } from '../access.js';
import { openMedia } from '../media-access.js';
import { integrity } from '@sanxiang/core';
import { createCheckpoint, loadLogSigner, logSize } from '../integrity-log.js';
import { verifyAll, type Problem } from '../verify.js';
import { SEALED_TABLES } from './seal.js';
import { checkPublications } from './check.js';

let ctx: TestContext;
let media: typeof mediaFiles.$inferSelect;
let caseNumber: string;
let requestId: string;

async function actor(username: string) {
  const [u] = await ctx.db.select().from(users).where(eq(users.username, username));
  return (await loadActor(ctx, u!.id, '127.0.0.1'))!;
}

/** SQL as an attacker with database access runs it (triggers off). */
async function tamper(sql: string, params: unknown[] = []) {
  await ctx.database.dedicated(async (conn) => {
    await conn.exec('SET session_replication_role = replica');
    try {
      await conn.query(sql, params);
    } finally {
      await conn.exec('SET session_replication_role = origin');
    }
  });
}

async function problemsAbout(pred: (p: Problem) => boolean) {
  return (await verifyAll(ctx)).problems.filter(pred);
}

beforeAll(async () => {
  ctx = await createTestContext();
  const [first] = await ctx.db.select().from(mediaFiles).limit(1);
  media = first!;
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, media!.caseId));
  caseNumber = c!.caseNumber;
  const req = await createAccessRequest(ctx, await actor('ty_clerk'), { caseId: media!.caseId, requesterKind: 'court', requesterName: '张法官', requesterOrg: '某区人民法院', reason: '调取录像核对' });
  requestId = req.id;
  await decideAccessRequest(ctx, await actor('ty_head'), req.id, { approved: true, validUntil: new Date(ctx.clock.now().getTime() + 86_400_000).toISOString() });
  await revokeAccessRequest(ctx, await actor('ty_head'), req.id, { reason: '已无调取必要' });
  await openMedia(ctx, await actor('ty_keeper'), media!.id, 'view', { reason: '核对' });
});
afterAll(async () => {
  await ctx?.close();
});

describe('REC-16 · SX25-R 22: every row a person relies on is sealed', () => {
  it('each sealed table has rows, every one of them sealed; verify passes untouched', async () => {
    const report = await verifyAll(ctx);
    expect(report.problems).toEqual([]);
    const seals = await ctx.db.select().from(logLeaves).where(eq(logLeaves.kind, 'rows.seal'));
    const sealedTables = new Set(seals.map((l) => l.objectType));
    for (const t of SEALED_TABLES) expect(sealedTables.has(t), t).toBe(true);
    // An external requester's name is in the log now (sealed in its row's hash).
    const [{ n }] = (await ctx.database.query<{ n: number }>("SELECT count(*)::int AS n FROM access_requests WHERE requester_name = '张法官'")) as [{ n: number }];
    expect(n).toBe(1);
  });
});

describe('REC-16 · SX25-R 22, PUB-8: `sanxiang verify` names each tampering', () => {
  it('PUB-8: the public content of a publication changed on the portal (plain UPDATE) is named by decision and case number', async () => {
    const [p] = await ctx.db.select().from(publications).where(eq(publications.status, 'published')).limit(1);
    // No trigger to bypass: publications is a working table.
    await ctx.database.query(`UPDATE publications SET public_content = jsonb_set(public_content, '{fields,0,text}', '"罚款人民币陆元整"') WHERE id = $1`, [p!.id]);
    const found = await problemsAbout((x) => x.ref.publicationId === p!.id);
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe('object.changed');
    expect(found[0]!.message).toContain(p!.decisionNumber);
    if (p!.caseId) expect(found[0]!.message).toMatch(/案件 /);
  });

  it('PUB-8: a public content too long for one log entry is sealed by its SHA-256 and compared by hash', async () => {
    const [p] = await ctx.db.select().from(publications).where(eq(publications.status, 'published')).limit(1);
    const shown = integrity.canonicalJson(p!.publicContent);
    const leaf = (contentSha256: string) => ({ idx: 0, kind: 'publication.publish', objectType: 'publication', objectId: p!.id, data: { version: p!.publishedVersion, contentSha256 } });
    const same = await checkPublications(ctx, [leaf(crypto.createHash('sha256').update(shown).digest('hex'))]);
    expect(same.filter((x) => x.ref.publicationId === p!.id)).toEqual([]);
    const other = await checkPublications(ctx, [leaf(crypto.createHash('sha256').update(`${shown} `).digest('hex'))]);
    expect(other.filter((x) => x.ref.publicationId === p!.id).map((x) => x.kind)).toEqual(['object.changed']);
  });

  it('PUB-8: a withdrawal notice rewritten is named', async () => {
    const [p] = await ctx.db.select().from(publications).where(eq(publications.status, 'withdrawn')).limit(1);
    await ctx.database.query(`UPDATE publications SET withdrawal = jsonb_set(withdrawal, '{statement}', '"改写的说明"') WHERE id = $1`, [p!.id]);
    const found = await problemsAbout((x) => x.ref.publicationId === p!.id);
    expect(found.map((f) => f.message).join()).toMatch(/撤下说明/);
  });

  it('media metadata (place, recorded start, evidence) changed is named by record number, media id and case', async () => {
    await tamper(`UPDATE media_files SET place = '别处', evidence = NOT evidence WHERE id = $1`, [media.id]);
    const found = await problemsAbout((x) => x.ref.table === 'media_files' && x.ref.id === media.id);
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe('object.changed');
    expect(found[0]!.message).toContain(media.recordNumber);
    expect(found[0]!.message).toContain(media.id);
    expect(found[0]!.message).toContain(caseNumber);
  });

  it('REC-20: an access request whose requester was changed, and its decision deleted, are named', async () => {
    await tamper(`UPDATE access_requests SET requester_name = '李四', reason = '别的理由' WHERE id = $1`, [requestId]);
    await tamper('DELETE FROM access_decisions WHERE request_id = $1', [requestId]);
    const found = await problemsAbout((x) => x.ref.id === requestId);
    expect(found.map((f) => [f.ref.table, f.kind]).sort()).toEqual([
      ['access_decisions', 'object.missing'],
      ['access_requests', 'object.changed'],
    ]);
    expect(found.every((f) => f.message.includes(caseNumber))).toBe(true);
  });

  it('SYS-5: an audit row altered, one deleted and one inserted behind the platform are each named', async () => {
    const rows = await ctx.database.query<{ id: number }>('SELECT id FROM audit_events ORDER BY id LIMIT 2');
    await tamper(`UPDATE audit_events SET ip = '10.9.9.9' WHERE id = $1`, [rows[0]!.id]);
    await tamper('DELETE FROM audit_events WHERE id = $1', [rows[1]!.id]);
    await tamper(`INSERT INTO audit_events (at, actor_name, action) VALUES (now(), '伪造', 'login')`);
    const found = await problemsAbout((x) => x.ref.table === 'audit_events');
    const byKind = Object.fromEntries(found.map((f) => [f.kind, f]));
    expect(byKind['object.changed']?.ref.id).toBe(String(rows[0]!.id));
    expect(byKind['object.missing']?.ref.id).toBe(String(rows[1]!.id));
    expect(byKind['object.unlogged']?.message).toMatch(/审计记录 #\d+（login）未记入完整性日志/);
    expect(found).toHaveLength(3);
  });

  it('REC-20: a deleted access-log row is named with the media and case it was about', async () => {
    const [row] = await ctx.database.query<{ id: number }>('SELECT id FROM media_access_log WHERE media_id = $1', [media.id]);
    await tamper('DELETE FROM media_access_log WHERE id = $1', [row!.id]);
    const found = await problemsAbout((x) => x.ref.table === 'media_access_log');
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe('object.missing');
    expect(found[0]!.message).toContain(caseNumber);
  });

  it('ORG-3: ex-ante content and a publication version changed are named', async () => {
    const [ev] = await ctx.database.query<{ id: string }>('SELECT id FROM exante_versions LIMIT 1');
    await tamper(`UPDATE exante_versions SET note = $2 WHERE id = $1`, [ev!.id, crypto.randomUUID()]);
    const [pv] = await ctx.database.query<{ id: string }>('SELECT id FROM publication_versions LIMIT 1');
    await tamper(`UPDATE publication_versions SET full_text = '改写' WHERE id = $1`, [pv!.id]);
    const found = await problemsAbout((x) => x.ref.id === ev!.id || x.ref.id === pv!.id);
    expect(found.map((f) => f.ref.table).sort()).toEqual(['exante_versions', 'publication_versions']);
    expect(found.find((f) => f.ref.table === 'exante_versions')!.message).toMatch(/第 \d+ 版/);
    expect(found.find((f) => f.ref.table === 'publication_versions')!.message).toMatch(/公示 .*第 \d+ 版/);
  });
});

describe('REC-16 · SX25-R 22: truncation and rollback behind a signed checkpoint', () => {
  it('a checkpoint saved outside the database passes while the log contains it; a forged one of the same size is named', async () => {
    const saved = await createCheckpoint(ctx);
    await openMedia(ctx, await actor('ty_keeper'), media.id, 'view', { reason: '再次核对' });
    const ok = await verifyAll(ctx, () => {}, { checkpoints: [{ label: 'auditor.txt', note: saved.note }] });
    expect(ok.problems.filter((p) => p.ref.source === 'auditor.txt')).toEqual([]);
    // Signed with the log's key but over another history: not consistent with the log.
    const signer = await loadLogSigner(ctx);
    const forged = integrity.signCheckpoint({ origin: signer.name, size: saved.size, rootHash: new Uint8Array(32).fill(7), extensions: [] }, [signer.signerKey]);
    const bad = await verifyAll(ctx, () => {}, { checkpoints: [{ label: 'forged.txt', note: forged }] });
    expect(bad.problems.filter((p) => p.ref.source === 'forged.txt').map((p) => p.kind)).toEqual(['tree.mismatch']);
  });

  it('deleting the last two leaves and rewinding the head is caught by the stored checkpoint, and by a saved one when the stored ones are deleted too', async () => {
    const later = await createCheckpoint(ctx);
    const { size } = await logSize(ctx.db);
    expect(later.size).toBe(size);
    // The attacker: drop the last two leaves, rebuild the head for size − 2, as if they never were.
    const rows = await ctx.database.query<{ leaf_hash: string }>('SELECT leaf_hash FROM log_leaves WHERE idx < $1 ORDER BY idx', [size - 2]);
    let state = integrity.CompactRange.empty();
    for (const r of rows) state = state.append(integrity.fromHex(r.leaf_hash)).state;
    await tamper('DELETE FROM log_leaves WHERE idx >= $1', [size - 2]);
    await tamper('UPDATE log_head SET size = $1, compact = $2::jsonb', [size - 2, JSON.stringify(state.hashes.map(integrity.toHex))]);
    const caught = await verifyAll(ctx);
    expect(caught.problems.filter((p) => p.kind === 'log.truncated').map((p) => p.ref.checkpointSize)).toContain(size);
    expect(caught.problems.find((p) => p.kind === 'log.truncated')!.message).toMatch(/截断或回滚/);
    // …and the stored checkpoints deleted as well: the auditor's copy still catches it.
    await tamper('DELETE FROM log_checkpoints WHERE size > $1', [size - 2]);
    const quiet = await verifyAll(ctx);
    expect(quiet.problems.filter((p) => p.kind === 'log.truncated')).toEqual([]);
    const withSaved = await verifyAll(ctx, () => {}, { checkpoints: [{ label: 'witness.txt', note: later.note }] });
    const found = withSaved.problems.filter((p) => p.kind === 'log.truncated');
    expect(found.map((p) => p.ref.source)).toEqual(['witness.txt']);
    expect(found[0]!.message).toContain(`日志只有 ${size - 2} 条`);
  });
});
