/**
 * Documents (文书) as files: the Word export in the agencies' format, a print
 * view, and a reader for checking an export (DESIGN §2).
 */
export { renderDocx, DOCX_FONTS } from './docx.js';
export { renderCaseFileHtml, renderDocumentHtml, type CaseFileInput } from './html.js';
export { docxToText } from './read-docx.js';
export { buildLayout, type Block, type DocumentLayout, type RenderInput } from './layout.js';
export { chineseDate, chineseDateTime, formatMoney, moneyInFigures, moneyInWords } from './format.js';
