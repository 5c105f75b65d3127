/**
 * Print view of a document (文书): the same layout as the Word export
 * (layout.ts) as one HTML page, A4 with the GB/T 9704 margins and fonts by
 * name, for a browser's print dialog. Every value is escaped by the portal's
 * `html` template.
 */
import { Html, html } from '../portal/html.js';
import { buildLayout, type Block, type DocumentLayout, type RenderInput } from './layout.js';

const FONT_TITLE = `'方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'SimSun', '宋体', 'STSong', 'Songti SC', 'Noto Serif CJK SC', serif`;
const FONT_BODY = `'仿宋_GB2312', 'FangSong_GB2312', 'FangSong', '仿宋', 'STFangsong', 'Noto Serif CJK SC', serif`;
const FONT_HEADING = `'黑体', 'SimHei', 'STHeiti', 'Heiti SC', 'Noto Sans CJK SC', sans-serif`;
const FONT_PAGE_NUMBER = `'宋体', 'SimSun', 'STSong', serif`;

// A record signed page by page (笔录): 「第 1 页 共 2 页」 centred at the foot instead (issue 15 item 8).
const RECORD_PAGES_CSS = `
@page :right{@bottom-right{content:none}}
@page :left{@bottom-left{content:none}}
@page{@bottom-center{content:"第 " counter(page) " 页 共 " counter(pages) " 页";font:12pt ${FONT_PAGE_NUMBER};vertical-align:top;padding-top:7mm}}`;

// GB/T 9704: A4, 37/26/35/28 mm margins, 3号 (16pt) text on a 28.95pt line, 2号 (22pt) title, "— 1 —" page numbers
// (odd pages right, even pages left, 4号 宋体).
const CSS = `
@page{size:A4;margin:37mm 26mm 35mm 28mm}
@page :right{@bottom-right{content:"— " counter(page) " —";font:14pt ${FONT_PAGE_NUMBER};margin-right:1em;vertical-align:top;padding-top:7mm}}
@page :left{@bottom-left{content:"— " counter(page) " —";font:14pt ${FONT_PAGE_NUMBER};margin-left:1em;vertical-align:top;padding-top:7mm}}
*{box-sizing:border-box}
html{background:#e9ebee}
body{margin:0;color:#000;font:16pt/28.95pt ${FONT_BODY};-webkit-print-color-adjust:exact;print-color-adjust:exact}
.sheet{position:relative;width:210mm;min-height:297mm;margin:12px auto;padding:37mm 26mm 35mm 28mm;background:#fff;box-shadow:0 1px 6px rgba(0,0,0,.25);overflow:hidden}
.draft-mark{margin:0 0 14.5pt;font-family:${FONT_HEADING};font-weight:bold;color:#c00000}
h1{margin:0;font:normal 22pt/35pt ${FONT_TITLE};text-align:center}
h1 span{display:block}
.number{margin:14.5pt 0 0;text-align:center}
.correction{margin:0;text-align:center;font-size:14pt}
.case-number{margin:0;text-align:right;font-size:14pt}
.body{margin-top:28.95pt}
.body p{margin:0;text-align:justify}
.body p.text{text-indent:2em}
.body h2{margin:0;text-indent:2em;font:normal 16pt/28.95pt ${FONT_HEADING};break-after:avoid}
table{width:100%;border-collapse:collapse;table-layout:fixed;margin:0 0 14.5pt;font-size:14pt;line-height:20pt}
th,td{border:1px solid #000;padding:3pt 5pt;vertical-align:middle;text-align:left;word-break:break-all}
th{font-family:${FONT_HEADING};font-weight:normal;text-align:center}
td.no{text-align:center}
table.form th,table.form td{height:36pt}
tr{break-inside:avoid}
thead{display:table-header-group}
.closing{break-inside:avoid}
.signature{margin-top:57.9pt;padding-right:var(--right);text-align:right}
.signature div{display:inline-block;text-align:center}
.body .signature p{margin:0;white-space:nowrap;text-align:center}
.watermark{position:absolute;top:50%;left:50%;transform:translate(-50%,-50%) rotate(-45deg);font:bold 72pt ${FONT_HEADING};color:rgba(160,160,160,.3);white-space:nowrap;pointer-events:none;z-index:1}
@media print{
  html{background:none}
  .sheet{width:auto;min-height:0;margin:0;padding:0;box-shadow:none;overflow:visible}
  .watermark{position:fixed}
}
`;

function blockHtml(block: Block): Html {
  switch (block.type) {
    case 'heading':
      return html`<h2>${block.text}</h2>`;
    case 'paragraph':
      return html`<p class="text">${block.text}</p>`;
    case 'field':
      return html`<p class="field">${block.label}：${block.value}</p>`;
    case 'table': {
      const cols = block.widths.map((w) => html`<col style="width:${String(w)}%">`);
      const head = block.header ? html`<thead><tr>${block.header.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>` : '';
      const numbered = block.header?.[0] === '序号';
      const rows = block.rows.map(
        (r) =>
          html`<tr>${r.map((c, i) =>
            block.rowHeaders && i === 0 ? html`<th scope="row">${c}</th>` : html`<td${numbered && i === 0 ? new Html(' class="no"') : ''}>${c}</td>`,
          )}</tr>`,
      );
      return html`<table${block.rowHeaders ? new Html(' class="form"') : ''}><colgroup>${cols}</colgroup>${head}<tbody>${rows}</tbody></table>`;
    }
  }
}

function signatureHtml(layout: DocumentLayout): Html | '' {
  if (!layout.signature) return '';
  const { agencyName, date, seal } = layout.signature;
  // GB/T 9704 §7.3.5: four characters from the right with a seal, two without; name and date centred on each other.
  const right = seal ? '4em' : '2em';
  return html`<div class="signature" style="--right:${right}"><div><p>${agencyName}${seal ? '（印章）' : ''}</p><p>${date ?? '　　年　　月　　日'}</p></div></div>`;
}

/** One document as an article of the page (the sheet with its title, number and body). */
function documentArticle(input: RenderInput): { title: string; pages: DocumentLayout['pageNumbers']; article: Html } {
  const layout = buildLayout(input);
  const title = `${layout.title}${layout.number ? ` ${layout.number}` : ''}`;
  // GB/T 9704 §7.3.5: the signature never stands alone on a page — it is kept with the last block of text.
  const last = layout.signature ? layout.blocks.at(-1) : undefined;
  const body = last ? layout.blocks.slice(0, -1) : layout.blocks;
  const closing = last ? html`<div class="closing">${blockHtml(last)}\n${signatureHtml(layout)}</div>` : '';
  const article = html`<article class="sheet${layout.draft ? ' draft' : ''}">
${layout.draftNote ? html`<p class="draft-mark">${layout.draftNote}</p>` : ''}
<h1><span>${layout.agencyName}</span><span>${layout.title}</span></h1>
${layout.number ? html`<p class="number">${layout.number}</p>` : ''}
${layout.correctionNote ? html`<p class="correction">（${layout.correctionNote}）</p>` : ''}
${layout.caseNumber ? html`<p class="case-number">案件编号：${layout.caseNumber}</p>` : ''}
<div class="body">
${body.map((b) => html`${blockHtml(b)}\n`)}
${closing}
</div>
${layout.watermark ? html`<div class="watermark" aria-hidden="true">${layout.watermark}</div>` : ''}
</article>`;
  return { title, pages: layout.pageNumbers, article };
}

function htmlPage(title: string, css: string, content: Html): string {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new Html(css)}</style>
</head>
<body>
${content}
</body>
</html>
`.toString();
}

/** The document as a printable HTML page. */
export function renderDocumentHtml(input: RenderInput): string {
  const { title, pages, article } = documentArticle(input);
  return htmlPage(title, `${CSS}${pages === 'ofTotal' ? RECORD_PAGES_CSS : ''}`, article);
}

/** A whole case file (案卷) for printing: the 卷内文件目录, then each document on pages of its own. */
export interface CaseFileInput {
  agencyName: string;
  caseNumber: string;
  /** 案由 or the case's title. */
  caseTitle: string;
  /** The documents in the order they were made, each its current signed or issued version. */
  documents: readonly (RenderInput & { date: string | null })[];
  /** Who printed it and when (REC-20: records are not public). */
  watermark: string;
}

// 案卷 pages are numbered through the whole volume (卷内页号), each document starting on a new sheet.
const CASE_FILE_CSS = `
.sheet+.sheet{break-before:page}
.toc h1{margin-bottom:14.5pt}
.toc table{font-size:12pt;line-height:18pt}
.toc .meta{margin:0 0 14.5pt;font-size:14pt;text-align:center}`;

/** The 案卷 as one printable HTML page: Chromium's print turns it into the volume's PDF. */
export function renderCaseFileHtml(input: CaseFileInput): string {
  const docs = input.documents.map((d) => ({ d, ...documentArticle({ ...d, watermark: input.watermark }) }));
  const rows = docs.map(
    ({ d }, i) => html`<tr><td class="no">${String(i + 1)}</td><td>${d.kind.name}</td><td>${d.number ?? ''}</td><td class="no">${d.date ?? ''}</td></tr>`,
  );
  const toc = html`<article class="sheet toc">
<h1><span>${input.agencyName}</span><span>卷内文件目录</span></h1>
<p class="meta">案件编号：${input.caseNumber}　${input.caseTitle}</p>
<table><colgroup><col style="width:10%"><col style="width:40%"><col style="width:32%"><col style="width:18%"></colgroup>
<thead><tr><th scope="col">序号</th><th scope="col">文书名称</th><th scope="col">文书编号</th><th scope="col">日期</th></tr></thead>
<tbody>${rows}</tbody></table>
${docs.length ? '' : html`<p>本案尚无已签署或已签发的文书。</p>`}
<div class="watermark" aria-hidden="true">${input.watermark}</div>
</article>`;
  return htmlPage(`案卷 ${input.caseNumber}`, `${CSS}${RECORD_PAGES_CSS}${CASE_FILE_CSS}`, html`${toc}\n${docs.map((x) => html`${x.article}\n`)}`);
}
