/**
 * The row seals' and publications' part of `sanxiang verify` (REC-16,
 * NAT-18, SYS-5, PUB-8): recomputes each sealed row and the public content on
 * the portal, and names the object of each mismatch for the reader — case
 * number, document (decision) number, media record number and id.
 */
import crypto from 'node:crypto';
import { canonicalJson } from '@sanxiang/core';
import { EXANTE_SPECS, type ExAnteSection } from '@sanxiang/core/disclosure/exante.js';
import type { AppContext } from '../../context.js';
import { accessRequests, agencies, cases, mediaFiles, publications } from '../../db/schema.js';
import type { LeafRow, Problem } from '../verify.js';
import { SEALED_TABLES, SEALED, rowHash, type SealedTable } from './seal.js';

type Row = Record<string, unknown>;


/** Names an object as an officer knows it. */
class Namer {
  private constructor(
    private caseNo: Map<string, string>,
    private media: Map<string, { recordNumber: string; caseId: string }>,
    private requests: Map<string, { caseId: string; requesterName: string }>,
    private pubs: Map<string, { caseId: string | null; decisionNumber: string }>,
    private agencyName: Map<string, string>,
  ) {}

  static async load(ctx: AppContext) {
    const [cs, ms, rs, ps, as] = await Promise.all([
      ctx.db.select({ id: cases.id, caseNumber: cases.caseNumber }).from(cases),
      ctx.db.select({ id: mediaFiles.id, recordNumber: mediaFiles.recordNumber, caseId: mediaFiles.caseId }).from(mediaFiles),
      ctx.db.select({ id: accessRequests.id, caseId: accessRequests.caseId, requesterName: accessRequests.requesterName }).from(accessRequests),
      ctx.db.select({ id: publications.id, caseId: publications.caseId, decisionNumber: publications.decisionNumber }).from(publications),
      ctx.db.select({ id: agencies.id, name: agencies.name }).from(agencies),
    ]);
    return new Namer(new Map(cs.map((c) => [c.id, c.caseNumber])), new Map(ms.map((m) => [m.id, m])), new Map(rs.map((r) => [r.id, r])), new Map(ps.map((p) => [p.id, p])), new Map(as.map((a) => [a.id, a.name])));
  }

  case(caseId: unknown): string {
    return typeof caseId === 'string' && caseId ? `案件 ${this.caseNo.get(caseId) ?? caseId}` : '';
  }

  mediaName(mediaId: string, caseId?: unknown): string {
    const m = this.media.get(mediaId);
    return `音像文件 ${m?.recordNumber ?? ''}（编号 ${mediaId}，${this.case(m?.caseId ?? caseId) || '案件不明'}）`;
  }

  publication(id: string): string {
    const p = this.pubs.get(id);
    return `公示 ${p?.decisionNumber || id}${p?.caseId ? `（${this.case(p.caseId)}）` : ''}`;
  }

  /** A sealed row, from the row when it is still there, else from its leaf. */
  row(table: SealedTable, id: string, row: Row | undefined, leafCaseId: unknown): string {
    const r = row ?? {};
    switch (table) {
      case 'audit_events':
        return `审计记录 #${id}${r.action ? `（${String(r.action)}）` : ''}`;
      case 'media_access_log':
        return `${r.mediaId ? this.mediaName(String(r.mediaId), r.caseId) : this.case(leafCaseId)}的调阅记录 #${id}`;
      case 'access_requests':
        return `${this.case(r.caseId ?? leafCaseId)}的调阅申请 ${id}${r.requesterName ? `（申请人 ${String(r.requesterName)}）` : ''}`;
      case 'access_decisions':
      case 'access_revocations': {
        const q = this.requests.get(id);
        return `${this.case(q?.caseId ?? leafCaseId)}调阅申请 ${id}${q ? `（申请人 ${q.requesterName}）` : ''}的${table === 'access_decisions' ? '审批决定' : '撤销记录'}`;
      }
      case 'media_files':
        return r.recordNumber ? `音像文件 ${String(r.recordNumber)}（编号 ${id}，${this.case(r.caseId)}）的登记信息` : `${this.mediaName(id, leafCaseId)}的登记信息`;
      case 'exante_versions': {
        const label = r.section ? EXANTE_SPECS[r.section as ExAnteSection]?.label ?? String(r.section) : '事前公开内容';
        return `${r.agencyId ? `${this.agencyName.get(String(r.agencyId)) ?? ''} ` : ''}${label}第 ${String(r.version ?? '?')} 版（${id}）`;
      }
      case 'publication_versions':
        return r.publicationId ? `${this.publication(String(r.publicationId))}第 ${String(r.version)} 版` : `公示版本 ${id}`;
    }
  }
}

/** Every sealed row still there and unchanged; every row of those tables sealed. */
export async function checkSealedRows(ctx: AppContext, leaves: LeafRow[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  const namer = await Namer.load(ctx);
  const sealed = new Map<SealedTable, Map<string, { hash: string; index: number; caseId: unknown }>>();
  for (const t of SEALED_TABLES) sealed.set(t, new Map());
  for (const leaf of leaves) {
    const table = leaf.data.table as SealedTable;
    const byId = sealed.get(table);
    if (!byId || !Array.isArray(leaf.data.rows)) continue;
    for (const [id, hash] of leaf.data.rows as [string, string][]) byId.set(id, { hash, index: leaf.idx, caseId: leaf.data.caseId });
  }
  for (const t of SEALED_TABLES) {
    const spec = SEALED[t];
    const rows = (await ctx.db.select().from(spec.table)) as Row[];
    const seals = sealed.get(t)!;
    const seen = new Set<string>();
    for (const row of rows) {
      const id = String(row[spec.id]);
      seen.add(id);
      const seal = seals.get(id);
      const name = namer.row(t, id, row, undefined);
      if (!seal) {
        problems.push({ kind: 'object.unlogged', message: `${name}未记入完整性日志（绕过平台写入）`, ref: { table: t, id } });
      } else if (rowHash(row) !== seal.hash) {
        problems.push({ kind: 'object.changed', message: `${name}在记入日志后被修改（日志第 ${seal.index} 条）`, ref: { table: t, id, index: seal.index } });
      }
    }
    for (const [id, seal] of seals) {
      if (!seen.has(id)) {
        problems.push({ kind: 'object.missing', message: `${namer.row(t, id, undefined, seal.caseId)}在数据库中不存在（已被删除，日志第 ${seal.index} 条）`, ref: { table: t, id, index: seal.index } });
      }
    }
  }
  return problems;
}

/**
 * PUB-8: what the portal shows is what was sealed when it was approved — the
 * public content of the version online, and the withdrawal notice.
 */
export async function checkPublications(ctx: AppContext, leaves: LeafRow[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  const namer = await Namer.load(ctx);
  const latest = new Map<string, { publish?: LeafRow; withdraw?: LeafRow }>();
  for (const leaf of leaves) {
    const e = latest.get(leaf.objectId) ?? {};
    if (leaf.kind === 'publication.publish') e.publish = leaf;
    if (leaf.kind === 'publication.withdraw') e.withdraw = leaf;
    latest.set(leaf.objectId, e);
  }
  const rows = await ctx.db.select().from(publications);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const [id, e] of latest) {
    const p = byId.get(id);
    if (!p) {
      problems.push({ kind: 'object.missing', message: `${namer.publication(id)}在数据库中不存在（已被删除，日志第 ${(e.publish ?? e.withdraw)!.idx} 条）`, ref: { publicationId: id } });
      continue;
    }
    const leaf = e.publish;
    if (leaf && p.publishedVersion !== null && p.publicContent !== null) {
      const sealedVersion = Number(leaf.data.version);
      const shown = canonicalJson(p.publicContent);
      const same = typeof leaf.data.contentSha256 === 'string' ? crypto.createHash('sha256').update(shown).digest('hex') === leaf.data.contentSha256 : shown === canonicalJson(leaf.data.content);
      if (p.publishedVersion !== sealedVersion || !same) {
        problems.push({
          kind: 'object.changed',
          message: `${namer.publication(id)}在门户上公开的内容与批准时记入日志的第 ${sealedVersion} 版不符（日志第 ${leaf.idx} 条）`,
          ref: { publicationId: id, caseId: p.caseId, decisionNumber: p.decisionNumber, index: leaf.idx },
        });
      }
    }
    if (e.withdraw && (!e.publish || e.withdraw.idx > e.publish.idx) && canonicalJson(p.withdrawal) !== canonicalJson(e.withdraw.data.withdrawal)) {
      problems.push({
        kind: 'object.changed',
        message: `${namer.publication(id)}的撤下说明与批准时记入日志的不符（日志第 ${e.withdraw.idx} 条）`,
        ref: { publicationId: id, caseId: p.caseId, decisionNumber: p.decisionNumber, index: e.withdraw.idx },
      });
    }
  }
  // Content on the portal with no sealed approval behind it.
  for (const p of rows) {
    if (p.publicContent !== null && !latest.get(p.id)?.publish) {
      problems.push({ kind: 'object.unlogged', message: `${namer.publication(p.id)}的公开内容未记入完整性日志`, ref: { publicationId: p.id, caseId: p.caseId, decisionNumber: p.decisionNumber } });
    }
  }
  return problems;
}
