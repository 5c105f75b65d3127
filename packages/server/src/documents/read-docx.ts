/**
 * Reads the text of a .docx back: the runs of word/document.xml, one line per
 * paragraph (table cells are paragraphs too). Used by the tests and to check
 * an export says what its record says.
 */
import JSZip from 'jszip';

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

// Text runs (w:t, not w:tbl/w:tc/w:tr/w:tab), run-level tabs and breaks, and paragraph ends.
// Deleted text (w:delText) and field codes (w:instrText) are not text of the document.
const TOKEN = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:t(?:\s[^>]*)?\/>|<w:tab\/>|<w:(?:br|cr)(?:\s[^>]*)?\/>|<\/w:p>|<w:p(?:\s[^>]*)?\/>/g;

/** The text of word/document.xml: paragraphs as lines. */
export async function docxToText(buf: Buffer | Uint8Array): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch (e) {
    throw new Error(`不是有效的 .docx 文件（无法解压）：${(e as Error).message}`);
  }
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('不是有效的 .docx 文件：缺少 word/document.xml');
  const xml = await file.async('string');
  let out = '';
  for (const m of xml.matchAll(TOKEN)) {
    const tag = m[0];
    if (m[1] !== undefined) out += decodeXml(m[1]);
    else if (tag === '<w:tab/>') out += '\t';
    else if (tag.startsWith('<w:t')) continue; // an empty <w:t/>
    else out += '\n';
  }
  return out.replace(/\n+$/, '');
}
