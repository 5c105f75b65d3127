/**
 * The directory of inspection targets (检查对象名录, INS-2): kept in the
 * console and imported from Excel or CSV with a template and a per-row
 * error report (exceljs). An import is all or nothing: with any bad row,
 * nothing is written and the report names each row, column and problem.
 */
import ExcelJS from 'exceljs';
import { asc, eq } from 'drizzle-orm';
import { AppError, PERMIT_CLASS_LABELS, TARGET_CLASS_LABELS, checkCreditCode, targetClassOf, type PermitClass, type RiskClass } from '@sanxiang/core';
import type { ActorContext, AppContext } from '../../context.js';
import { inspectionTargets } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit.js';
import { loadTarget, ownAgency, readableAgency, targetByCode, type TargetRow } from './common.js';

export interface TargetInput {
  creditCode: string;
  name: string;
  address?: string | undefined;
  legalRepresentative?: string | undefined;
  permitNumber?: string | undefined;
  permitClass?: PermitClass | undefined;
  keyPolluter?: boolean | undefined;
  industry?: string | undefined;
  district?: string | undefined;
  riskClass?: RiskClass | undefined;
  riskSource?: string | undefined;
  active?: boolean | undefined;
}

export function presentTarget(t: TargetRow) {
  return {
    id: t.id,
    agencyId: t.agencyId,
    creditCode: t.creditCode,
    name: t.name,
    address: t.address,
    legalRepresentative: t.legalRepresentative,
    permitNumber: t.permitNumber,
    permitClass: t.permitClass,
    keyPolluter: t.keyPolluter,
    industry: t.industry,
    district: t.district,
    riskClass: t.riskClass,
    riskSource: t.riskSource,
    active: t.active,
    targetClass: targetClassOf(t),
  };
}

export async function listTargets(ctx: AppContext, actor: ActorContext, q: { agencyId?: string | undefined }) {
  const agency = await readableAgency(ctx, actor, q.agencyId);
  const rows = await ctx.db.select().from(inspectionTargets).where(eq(inspectionTargets.agencyId, agency.id)).orderBy(asc(inspectionTargets.creditCode));
  return { items: rows.map(presentTarget) };
}

function normalise(input: TargetInput): TargetInput {
  const code = checkCreditCode(input.creditCode);
  if (!code.ok) throw new AppError('identity.invalid_credit_code', { value: input.creditCode, reason: code.reason });
  if (!input.name.trim()) throw new AppError('validation.failed', { detail: '名称不能为空' });
  return { ...input, creditCode: code.value, name: input.name.trim() };
}

export async function createTarget(ctx: AppContext, actor: ActorContext, input: TargetInput) {
  const agency = await ownAgency(ctx, actor, 'inspection.manage');
  const t = normalise(input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    if (await targetByCode(tx, agency.id, t.creditCode)) throw new AppError('conflict', { detail: `名录中已有统一社会信用代码 ${t.creditCode}` });
    const [row] = await tx
      .insert(inspectionTargets)
      .values({ id: newId(), agencyId: agency.id, agencyPath: agency.path, ...strip(t), createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, { at: now, actor, action: 'inspection.target.create', object: { type: 'inspectionTarget', id: row!.id, agencyId: agency.id, agencyPath: agency.path }, detail: { creditCode: t.creditCode } });
    return presentTarget(row!);
  });
}

const strip = (t: TargetInput) => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)) as TargetInput;

export async function updateTarget(ctx: AppContext, actor: ActorContext, id: string, patch: Partial<Omit<TargetInput, 'creditCode'>>) {
  const t = await loadTarget(ctx.db, actor, id, 'inspection.manage');
  const now = ctx.clock.now();
  if (patch.name !== undefined && !patch.name.trim()) throw new AppError('validation.failed', { detail: '名称不能为空' });
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(inspectionTargets).set({ ...strip(patch as TargetInput), updatedAt: now }).where(eq(inspectionTargets.id, t.id)).returning();
    await recordAudit(tx, { at: now, actor, action: 'inspection.target.update', object: { type: 'inspectionTarget', id: t.id, agencyId: t.agencyId, agencyPath: t.agencyPath }, detail: { fields: Object.keys(patch) } });
    return presentTarget(row!);
  });
}

// ---------------------------------------------------------------------------
// import

/** Columns of the template, in order: header, key, help. */
export const TEMPLATE_COLUMNS = [
  { header: '统一社会信用代码', key: 'creditCode', help: '18 位，必填' },
  { header: '名称', key: 'name', help: '必填' },
  { header: '地址', key: 'address', help: '' },
  { header: '法定代表人（负责人）', key: 'legalRepresentative', help: '' },
  { header: '排污许可证编号', key: 'permitNumber', help: '' },
  { header: '排污许可管理类别', key: 'permitClass', help: '重点管理、简化管理、登记管理或无' },
  { header: '重点排污单位', key: 'keyPolluter', help: '是或否' },
  { header: '行业类别', key: 'industry', help: '' },
  { header: '所在区县', key: 'district', help: '' },
  { header: '风险（信用）等级', key: 'riskClass', help: '高、中或低' },
  { header: '等级来源', key: 'riskSource', help: '例如：2026年企业环境信用评价结果' },
] as const;
type ColumnKey = (typeof TEMPLATE_COLUMNS)[number]['key'];

const PERMIT_BY_LABEL = Object.fromEntries(Object.entries(PERMIT_CLASS_LABELS).map(([k, v]) => [v, k])) as Record<string, PermitClass>;
const RISK_BY_LABEL: Record<string, RiskClass> = { 高: 'high', 中: 'medium', 低: 'low', 高风险: 'high', 中风险: 'medium', 低风险: 'low' };

export interface ImportRowError {
  row: number;
  column: string;
  value: string;
  message: string;
}

/** The template workbook: a header row, one example row, and the allowed values. */
export async function targetTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('检查对象名录');
  ws.columns = TEMPLATE_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.max(14, c.header.length * 2 + 4) }));
  ws.getRow(1).font = { bold: true };
  ws.addRow({ creditCode: '91140100MA0K000001（示例，请替换）', name: '示例化工有限公司', address: '太原市小店区示例路1号', permitNumber: '91140100MA0K00000X001V', permitClass: '重点管理', keyPolluter: '是', industry: '化学原料和化学制品制造业', district: '小店区', riskClass: '高', riskSource: '2026年企业环境信用评价结果' });
  const help = wb.addWorksheet('填写说明');
  help.addRow(['列', '说明']);
  for (const c of TEMPLATE_COLUMNS) help.addRow([c.header, c.help]);
  help.addRow(['', `抽查类别：${Object.values(TARGET_CLASS_LABELS).join('、')}（重点排污单位单独抽查，其余按风险等级）`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return String(v.result ?? '');
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
}

/** Reads rows (header → text) from an .xlsx or .csv file. */
async function readRows(filename: string, content: Buffer): Promise<{ header: string[]; rows: string[][] }> {
  const wb = new ExcelJS.Workbook();
  if (/\.csv$/i.test(filename)) {
    const { Readable } = await import('node:stream');
    const text = content.toString('utf8').replace(/^\uFEFF/, '');
    await wb.csv.read(Readable.from([text]));
  } else if (/\.xlsx$/i.test(filename)) {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } else {
    throw new AppError('validation.failed', { detail: '仅支持 .xlsx 或 .csv 文件' });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('validation.failed', { detail: '文件中没有工作表' });
  const all: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values: string[] = [];
    for (let i = 1; i <= TEMPLATE_COLUMNS.length + 5; i++) values.push(cellText(row.getCell(i).value));
    all[n - 1] = values;
  });
  const header = (all[0] ?? []).map((h) => h.trim());
  return { header, rows: all.slice(1).map((r) => r ?? []) };
}

/** Parses and checks every row; nothing is written. */
export async function parseTargetFile(filename: string, content: Buffer): Promise<{ rows: { row: number; input: TargetInput }[]; errors: ImportRowError[] }> {
  const { header, rows } = await readRows(filename, content);
  const errors: ImportRowError[] = [];
  const index = new Map<ColumnKey, number>();
  for (const c of TEMPLATE_COLUMNS) {
    const i = header.indexOf(c.header);
    if (i >= 0) index.set(c.key, i);
  }
  for (const required of ['creditCode', 'name'] as const) {
    if (!index.has(required)) errors.push({ row: 1, column: TEMPLATE_COLUMNS.find((c) => c.key === required)!.header, value: '', message: '缺少此列，请使用下载的模板' });
  }
  if (errors.length) return { rows: [], errors };
  const out: { row: number; input: TargetInput }[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const rowNo = i + 2;
    const get = (k: ColumnKey) => (index.has(k) ? (r[index.get(k)!] ?? '').trim() : '');
    if (TEMPLATE_COLUMNS.every((c) => get(c.key) === '')) return; // blank row
    const err = (k: ColumnKey, message: string) => errors.push({ row: rowNo, column: TEMPLATE_COLUMNS.find((c) => c.key === k)!.header, value: get(k), message });
    const code = checkCreditCode(get('creditCode'));
    if (!code.ok) err('creditCode', `统一社会信用代码无效：${code.reason}`);
    else if (seen.has(code.value)) err('creditCode', `与第 ${seen.get(code.value)} 行重复`);
    else seen.set(code.value, rowNo);
    if (!get('name')) err('name', '名称不能为空');
    const permitText = get('permitClass');
    const permitClass = permitText === '' ? 'none' : PERMIT_BY_LABEL[permitText];
    if (!permitClass) err('permitClass', '应为重点管理、简化管理、登记管理或无');
    const kp = get('keyPolluter');
    if (kp !== '' && kp !== '是' && kp !== '否') err('keyPolluter', '应为“是”或“否”');
    const riskText = get('riskClass');
    const riskClass = riskText === '' ? 'medium' : RISK_BY_LABEL[riskText];
    if (!riskClass) err('riskClass', '应为高、中或低');
    if (code.ok && get('name') && permitClass && riskClass) {
      out.push({
        row: rowNo,
        input: { creditCode: code.value, name: get('name'), address: get('address'), legalRepresentative: get('legalRepresentative'), permitNumber: get('permitNumber'), permitClass, keyPolluter: kp === '是', industry: get('industry'), district: get('district'), riskClass, riskSource: get('riskSource') },
      });
    }
  });
  return { rows: errors.length ? [] : out, errors };
}

/** The per-row error report as a workbook (row, column, value, problem). */
export async function errorReport(errors: readonly ImportRowError[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('错误报告');
  ws.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '列', key: 'column', width: 22 },
    { header: '填写内容', key: 'value', width: 30 },
    { header: '问题', key: 'message', width: 50 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const e of errors) ws.addRow(e);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Imports a file into the actor's agency directory: new codes are added,
 * known codes updated. All or nothing: with any error nothing is written and
 * the answer carries the errors and the report workbook (base64).
 */
export async function importTargets(ctx: AppContext, actor: ActorContext, input: { filename: string; contentBase64: string }) {
  const agency = await ownAgency(ctx, actor, 'inspection.manage');
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0) throw new AppError('validation.failed', { detail: '文件为空' });
  const parsed = await parseTargetFile(input.filename, content);
  if (parsed.errors.length > 0) {
    return { ok: false as const, created: 0, updated: 0, errors: parsed.errors, reportBase64: (await errorReport(parsed.errors)).toString('base64') };
  }
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    for (const { input: t } of parsed.rows) {
      const existing = await targetByCode(tx, agency.id, t.creditCode);
      if (existing) {
        await tx.update(inspectionTargets).set({ ...strip(t), updatedAt: now }).where(eq(inspectionTargets.id, existing.id));
        updated++;
      } else {
        await tx.insert(inspectionTargets).values({ id: newId(), agencyId: agency.id, agencyPath: agency.path, ...strip(t), createdAt: now, updatedAt: now });
        created++;
      }
    }
    await recordAudit(tx, { at: now, actor, action: 'inspection.target.import', object: { type: 'agency', id: agency.id, agencyId: agency.id, agencyPath: agency.path }, detail: { filename: input.filename, created, updated } });
    return { ok: true as const, created, updated, errors: [] as ImportRowError[], reportBase64: null };
  });
}
