/**
 * Word export of a document (文书) — the agencies' working format (DESIGN §2).
 * The page follows the 党政机关公文格式 (GB/T 9704-2012): A4, 版心 156 × 225 mm,
 * 22 lines of 28 characters; title in 2号 方正小标宋简体; body in 3号 仿宋_GB2312;
 * headings in 黑体; page numbers "— 1 —" in 4号 宋体, odd pages right and even
 * pages left. Fonts are named, never embedded: Word picks them on the reader's
 * machine, and the font table names a common fallback for each.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
  type IFontAttributesProperties,
  type IParagraphOptions,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import JSZip from 'jszip';
import { DOCUMENT_STATUS_LABELS } from '@sanxiang/core';
import { buildLayout, type Block, type DocumentLayout, type RenderInput } from './layout.js';

const fonts = (eastAsia: string, latin: string = eastAsia): IFontAttributesProperties => ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia });

/** GB/T 9704 §5.2: the fonts by role; the east-asian slot is the one Word uses for Chinese text. */
export const DOCX_FONTS = {
  title: fonts('方正小标宋简体'),
  body: fonts('仿宋_GB2312', 'FangSong_GB2312'),
  heading: fonts('黑体', 'SimHei'),
  pageNumber: fonts('宋体', 'SimSun'),
} as const;

/** Fallbacks written into the font table (w:altName): used where the named font is not installed. */
const FONT_FALLBACKS: readonly { name: string; altName: string; family: 'modern' | 'roman' | 'swiss' }[] = [
  { name: '方正小标宋简体', altName: '宋体', family: 'roman' },
  { name: '仿宋_GB2312', altName: '仿宋', family: 'modern' },
  { name: 'FangSong_GB2312', altName: 'FangSong', family: 'modern' },
  { name: '黑体', altName: 'SimHei', family: 'modern' },
  { name: '宋体', altName: 'SimSun', family: 'modern' },
];

/** Font sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt. */
const SIZE = { title: 44, body: 32, small: 28 } as const;

// GB/T 9704 §5.2.1/5.2.2: A4 (210 × 297 mm); 天头 37 mm, 订口 28 mm; 版心 156 × 225 mm, so 26 mm right and 35 mm bottom.
const PAGE = { width: 11906, height: 16838 } as const;
const MARGIN = {
  top: convertMillimetersToTwip(37),
  bottom: convertMillimetersToTwip(35),
  left: convertMillimetersToTwip(28),
  right: convertMillimetersToTwip(26),
  header: convertMillimetersToTwip(15),
  // §7.5: the page number sits 7 mm under the 版心; the 4号 line is about 5 mm high.
  footer: convertMillimetersToTwip(23),
};
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** One 三号 character in twips (16pt × 20). */
const CHAR = 320;
/** §5.2.3: 22 lines in a 225 mm 版心 → 28.95 pt, written as a fixed line height. */
const LINE = 579;
const TITLE_LINE = 700;
const BLACK = '000000';
const RED = 'C00000';

const run = (text: string, font: IFontAttributesProperties, size: number, extra: { color?: string; bold?: boolean } = {}) =>
  new TextRun({ text, font, size, ...extra });

const exact = (line: number, before = 0, after = 0) => ({ line, lineRule: LineRuleType.EXACT, before, after });

/** Width of text in 三号 characters: a Chinese character is one, Latin letters and digits half. */
function charWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1;
  return w;
}

function titleParagraph(text: string, before = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(TITLE_LINE, before), children: [run(text, DOCX_FONTS.title, SIZE.title)] });
}

function bodyParagraph(options: IParagraphOptions): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: exact(LINE), ...options });
}

function cell(text: string, width: number, header: boolean, center: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [
      new Paragraph({
        alignment: center || header ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { line: 400, lineRule: LineRuleType.AT_LEAST },
        children: [run(text, header ? DOCX_FONTS.heading : DOCX_FONTS.body, SIZE.small)],
      }),
    ],
  });
}

const LINE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: BLACK };

/** Lists (evidence, seized goods, officers with certificates) and forms (送达回证) as tables. */
function table(block: Extract<Block, { type: 'table' }>, keepWithNext: boolean): Table {
  const widths = block.widths.map((p) => Math.floor((TEXT_WIDTH * p) / 100));
  const rows: TableRow[] = [];
  if (block.header) {
    rows.push(new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((h, i) => cell(h, widths[i] ?? 0, true, true)) }));
  }
  block.rows.forEach((r, ri) => {
    rows.push(
      new TableRow({
        cantSplit: true,
        keepNext: keepWithNext && ri === block.rows.length - 1,
        // A form's rows leave room to sign on paper (REC-25 · GS-R 37).
        ...(block.rowHeaders ? { height: { value: 560, rule: HeightRule.ATLEAST } } : {}),
        children: r.map((c, i) => cell(c, widths[i] ?? 0, block.rowHeaders === true && i === 0, !block.rowHeaders && i === 0 && block.header?.[0] === '序号')),
      }),
    );
  });
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE_BORDER, bottom: LINE_BORDER, left: LINE_BORDER, right: LINE_BORDER, insideHorizontal: LINE_BORDER, insideVertical: LINE_BORDER },
  });
}

/**
 * The paragraphs of one block. `keepWithNext` holds the last block on the page
 * of the signature, so the signature never stands alone on a page (GB/T 9704
 * §7.3.5: no page with only the name, date and seal).
 */
function blockElements(block: Block, keepWithNext: boolean): (Paragraph | Table)[] {
  const keep = keepWithNext ? { keepNext: true, keepLines: true } : {};
  switch (block.type) {
    case 'heading':
      // GB/T 9704 §7.3.3: 一级标题 in 黑体, indented two characters like the text.
      return [bodyParagraph({ keepNext: true, indent: { firstLine: 2 * CHAR }, children: [run(block.text, DOCX_FONTS.heading, SIZE.body)] })];
    case 'paragraph':
      return [bodyParagraph({ ...keep, indent: { firstLine: 2 * CHAR }, children: [run(block.text, DOCX_FONTS.body, SIZE.body)] })];
    case 'field':
      return [bodyParagraph({ ...keep, children: [run(`${block.label}：`, DOCX_FONTS.body, SIZE.body), run(block.value, DOCX_FONTS.body, SIZE.body)] })];
    case 'table':
      // A paragraph after the table keeps the next text off its bottom border.
      return [table(block, keepWithNext), new Paragraph({ ...keep, spacing: exact(LINE / 2), children: [] })];
  }
}

/**
 * GB/T 9704 §7.3.5.1: with a seal, the date stands four characters from the
 * right and the agency name is centred over it; §7.3.5.2: without one, the
 * name stands two characters from the right and the date is centred under it.
 */
function signatureParagraphs(layout: DocumentLayout): Paragraph[] {
  if (!layout.signature) return [];
  const { agencyName, date, seal } = layout.signature;
  const nameLine = seal ? `${agencyName}（印章）` : agencyName;
  const dateLine = date ?? '　　年　　月　　日';
  const nameW = charWidth(nameLine);
  const dateW = charWidth(dateLine);
  const nameIndent = seal ? Math.max(0, 4 + (dateW - nameW) / 2) : 2;
  const dateIndent = seal ? 4 : Math.max(0, 2 + (nameW - dateW) / 2);
  const line = (text: string, indentChars: number, before: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      keepNext: true,
      keepLines: true,
      spacing: exact(LINE, before),
      indent: { right: Math.round(indentChars * CHAR) },
      children: [run(text, DOCX_FONTS.body, SIZE.body)],
    });
  // Text, one empty line, the name (§7.3.5.2); with a seal, room for it to sit over name and date (§7.3.5.1).
  return [line(nameLine, nameIndent, seal ? 2 * LINE : LINE), line(dateLine, dateIndent, 0)];
}

/** The heading part: draft mark, agency and document name, number, correction note. */
function headingParagraphs(layout: DocumentLayout): Paragraph[] {
  const out: Paragraph[] = [];
  if (layout.draftNote) {
    // Where GB/T 9704 §7.2 puts 密级 and 紧急程度: top left, 3号 黑体 — here in red, so a draft is never mistaken for an original.
    out.push(new Paragraph({ spacing: exact(LINE), children: [run(layout.draftNote, DOCX_FONTS.heading, SIZE.body, { color: RED, bold: true })] }));
  }
  out.push(titleParagraph(layout.agencyName, layout.draftNote ? LINE / 2 : 0), titleParagraph(layout.title));
  if (layout.number) {
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(LINE, LINE / 2), children: [run(layout.number, DOCX_FONTS.body, SIZE.body)] }));
  }
  if (layout.correctionNote) {
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(LINE), children: [run(`（${layout.correctionNote}）`, DOCX_FONTS.body, SIZE.small)] }));
  }
  if (layout.caseNumber) {
    out.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exact(LINE), children: [run(`案件编号：${layout.caseNumber}`, DOCX_FONTS.body, SIZE.small)] }));
  }
  // One empty line between the heading part and the text.
  out.push(new Paragraph({ spacing: exact(LINE), children: [] }));
  return out;
}

/** GB/T 9704 §7.5: "— 1 —", 4号 宋体, one character in from the outer edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ font: DOCX_FONTS.pageNumber, size: SIZE.small, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** A record signed page by page (笔录): 「第 1 页 共 2 页」, centred (issue 15 item 8). */
function pageOfTotalFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ font: DOCX_FONTS.pageNumber, size: SIZE.small, children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'] })],
      }),
    ],
  });
}

function watermarkHeader(text: string): Header {
  return new Header({
    children: [new Paragraph({ children: [new TextWatermark({ text, font: '黑体', color: 'D0D0D0', opacity: 0.3, layout: 'diagonal' })] })],
  });
}

const FONT_TABLE_ENTRIES = FONT_FALLBACKS.map(
  (f) => `<w:font w:name="${f.name}"><w:altName w:val="${f.altName}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
).join('');

/** Declares the fonts with their fallbacks in word/fontTable.xml (nothing is embedded). */
async function declareFonts(buf: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  const file = zip.file('word/fontTable.xml');
  if (!file) return buf;
  const xml = await file.async('string');
  const patched = /<w:fonts([^>]*)\/>\s*$/.test(xml)
    ? xml.replace(/<w:fonts([^>]*)\/>\s*$/, `<w:fonts$1>${FONT_TABLE_ENTRIES}</w:fonts>`)
    : xml.replace('</w:fonts>', `${FONT_TABLE_ENTRIES}</w:fonts>`);
  zip.file('word/fontTable.xml', patched);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The document as a .docx file. */
export async function renderDocx(input: RenderInput): Promise<Buffer> {
  const layout = buildLayout(input);
  const watermark = layout.watermark;
  const doc = new Document({
    title: `${layout.title}${layout.number ? ` ${layout.number}` : ''}`,
    subject: layout.title,
    creator: layout.agencyName,
    description: `${DOCUMENT_STATUS_LABELS[input.status]} · 第${input.version}版`,
    ...(input.caseNumber ? { keywords: input.caseNumber } : {}),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: DOCX_FONTS.body, size: SIZE.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: exact(LINE) },
        },
      },
    },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: MARGIN },
        },
        // The watermark repeats on every page through the headers (odd and even).
        ...(watermark ? { headers: { default: watermarkHeader(watermark), even: watermarkHeader(watermark) } } : {}),
        footers: layout.pageNumbers === 'ofTotal' ? { default: pageOfTotalFooter(), even: pageOfTotalFooter() } : { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [
          ...headingParagraphs(layout),
          ...layout.blocks.flatMap((b, i) => blockElements(b, layout.signature !== null && i === layout.blocks.length - 1)),
          ...signatureParagraphs(layout),
        ],
      },
    ],
  });
  return declareFonts(await Packer.toBuffer(doc));
}
