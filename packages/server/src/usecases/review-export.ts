/**
 * Exports of the 重大执法决定法制审核目录清单 for filing with the justice
 * bureau (REV-2 · SX19-L 9 ¶2): Word (.docx, the agencies' format) and Excel
 * (.xlsx). Both are built from the same rows.
 */
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
// exceljs loads in ~1 s: imported when the first export is asked for, not at start (issue 18).
const loadExcel = async () => (await import('exceljs')).default;
import { ACTION_TYPE_INFO, CATALOGUE_TEST_LABELS, MAJOR_CRITERION_LABELS, MAJOR_MEASURE_LABELS, amountLabel, type CatalogueItem } from '@sanxiang/core';
import type { getCatalogueView } from './review-catalogue.js';

type CatalogueView = Awaited<ReturnType<typeof getCatalogueView>>;

export const CATALOGUE_COLUMNS = ['序号', '情形（目录标准）', '事项标准', '判断方式', '标准', '适用执法类别', '依据', '备注'] as const;

/** The standard of an item in words: '20万元以上（法人或者其他组织）', '责令停产整治、责令关闭'. */
export function testStandard(item: CatalogueItem): string {
  const t = item.test;
  switch (t.type) {
    case 'fine':
      return `${amountLabel(t.atLeast)}以上（${t.party === 'organisation' ? '法人或者其他组织' : '公民、个体工商户'}）`;
    case 'confiscation':
      return `${amountLabel(t.atLeast)}以上`;
    case 'measures':
      return t.anyOf.map((m) => MAJOR_MEASURE_LABELS[m]).join('、');
    case 'hearing':
      return t.scope === 'held' ? '已举行听证' : t.scope === 'requested' ? '当事人要求听证或者已举行听证' : '当事人有权要求听证';
    case 'transfer':
      return '移送公安机关、司法机关';
    case 'complex':
      return '承办机构认定疑难复杂';
    case 'declared':
      return '承办机构认定并说明理由';
  }
}

/** One row per item, in the column order above. */
export function catalogueRows(items: readonly CatalogueItem[]): string[][] {
  return items.map((item, i) => [
    String(i + 1),
    MAJOR_CRITERION_LABELS[item.criterion],
    item.label,
    CATALOGUE_TEST_LABELS[item.test.type],
    testStandard(item),
    item.actionTypes.length === 0 ? '全部' : item.actionTypes.map((t) => ACTION_TYPE_INFO[t].label).join('、'),
    item.basis,
    item.note ?? '',
  ]);
}

function heading(view: CatalogueView): string[] {
  const lines = [`版本：第 ${view.version} 版${view.adopted ? '' : '（平台按规则生成的建议清单，尚未经本机关确定）'}`, `适用规则：${view.profileId}`];
  if (view.effectiveFrom) lines.push(`施行日期：${view.effectiveFrom}`);
  for (const f of view.filings) lines.push(`备案：${f.filedWith}，${f.filedOn}${f.filingNumber ? `，备案号 ${f.filingNumber}` : ''}`);
  if (view.filings.length === 0) lines.push('备案：尚未报本级司法行政部门备案');
  return lines;
}

const FONT = { eastAsia: '仿宋_GB2312', ascii: 'FangSong_GB2312', hAnsi: 'FangSong_GB2312' };
const TITLE_FONT = { eastAsia: '方正小标宋简体', ascii: '方正小标宋简体', hAnsi: '方正小标宋简体' };

/** Word export: landscape A4, title, filing lines, the table. */
export async function catalogueDocx(view: CatalogueView): Promise<Buffer> {
  const widths = [6, 16, 22, 10, 14, 8, 16, 8];
  const text = (s: string, bold = false) => new Paragraph({ children: [new TextRun({ text: s, font: FONT, size: 21, bold })] });
  const cell = (s: string, w: number, header = false) =>
    new TableCell({ width: { size: w, type: WidthType.PERCENTAGE }, children: [new Paragraph({ alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text: s, font: FONT, size: 21, bold: header })] })] });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: CATALOGUE_COLUMNS.map((c, i) => cell(c, widths[i] ?? 10, true)) }),
      ...catalogueRows(view.items).map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, widths[i] ?? 10)) })),
    ],
  });
  const doc = new Document({
    creator: view.agencyName,
    title: `${view.agencyName}${view.title}`,
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 },
            margin: { top: convertMillimetersToTwip(25), bottom: convertMillimetersToTwip(25), left: convertMillimetersToTwip(25), right: convertMillimetersToTwip(25) },
          },
        },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: view.agencyName, font: TITLE_FONT, size: 36 })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: view.title, font: TITLE_FONT, size: 36 })] }),
          ...heading(view).map((l) => text(l)),
          ...(view.note ? [text(`说明：${view.note}`)] : []),
          new Paragraph({ children: [] }),
          table,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Excel export: the table on the first sheet, the filing details on the second. */
export async function catalogueXlsx(view: CatalogueView): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = view.agencyName;
  const ws = wb.addWorksheet('目录清单', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells(1, 1, 1, CATALOGUE_COLUMNS.length);
  ws.getCell(1, 1).value = `${view.agencyName}${view.title}（第 ${view.version} 版）`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.addRow([...CATALOGUE_COLUMNS]).font = { bold: true };
  for (const r of catalogueRows(view.items)) ws.addRow([Number(r[0]), ...r.slice(1)]);
  [6, 28, 40, 16, 28, 14, 36, 24].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.eachRow((row, n) => {
    if (n < 2) return;
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell((c) => (c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }));
  });
  const info = wb.addWorksheet('说明');
  info.addRow(['机关', view.agencyName]);
  for (const l of heading(view)) {
    const [k, ...v] = l.split('：');
    info.addRow([k, v.join('：')]);
  }
  if (view.note) info.addRow(['说明', view.note]);
  info.getColumn(1).width = 12;
  info.getColumn(2).width = 80;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
