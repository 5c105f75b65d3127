import { describe, expect, it } from 'vitest';
import { BUILT_IN_DOCUMENT_KINDS, DOCUMENT_KIND_KEYS } from '@sanxiang/core';
import { renderDocx } from './docx.js';
import { renderDocumentHtml } from './html.js';
import { docxToText } from './read-docx.js';
import { AGENCY, PENALTY_FIELDS, penaltyInput, sampleInput } from './test-fixtures.js';

/** The visible text of the page body, entities decoded. */
function visibleText(page: string): string {
  const body = page.replace(/^[\s\S]*<body>/, '').replace(/<\/body>[\s\S]*$/, '');
  return body
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('renderDocumentHtml · print view', () => {
  it.each(DOCUMENT_KIND_KEYS)('%s: says what the Word export says', async (key) => {
    const input = sampleInput(BUILT_IN_DOCUMENT_KINDS[key]);
    const lines = (await docxToText(await renderDocx(input))).split('\n').filter((l) => l.trim() !== '');
    const text = visibleText(renderDocumentHtml(input));
    for (const line of lines) expect(text, key).toContain(line);
  });

  it('the penalty decision items in the same order (NAT-7 · 行政处罚法 Art 59)', () => {
    const text = visibleText(renderDocumentHtml(penaltyInput()));
    const order = [
      `当事人：${PENALTY_FIELDS.partyName}`,
      `地址：${PENALTY_FIELDS.partyAddress}`,
      '一、违法事实和证据',
      PENALTY_FIELDS.facts,
      '二、行政处罚的种类和依据',
      '三、履行方式和期限',
      '60日内',
      '6个月内',
      `${AGENCY}（印章）`,
      '2026年3月2日',
    ].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('escapes field values: a <script> in a field is text', () => {
    const fields = { ...PENALTY_FIELDS, facts: '<script>alert("x")</script>', partyName: `A&B "公司" 'x'` };
    const page = renderDocumentHtml(penaltyInput({ fields, watermark: '<b>w</b>' }));
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('A&amp;B &quot;公司&quot; &#39;x&#39;');
    expect(page).not.toContain('<b>w</b>');
    expect(page).toContain('<title>行政处罚决定书 并环罚〔2026〕12号</title>');
  });

  it('prints on A4 with the GB/T 9704 margins and the fonts by name with fallbacks', () => {
    const page = renderDocumentHtml(penaltyInput());
    expect(page).toContain('@page{size:A4;margin:37mm 26mm 35mm 28mm}');
    expect(page).toContain('@media print');
    expect(page).toMatch(/'方正小标宋简体'[^;]*'SimSun'/);
    expect(page).toMatch(/'仿宋_GB2312'[^;]*'FangSong'[^;]*'STFangsong'[^;]*serif/);
    expect(page).toContain('counter(page)');
    expect(page).toContain('<html lang="zh-CN">');
  });

  it('a draft shows 草稿 and a watermark; an issued copy does not', () => {
    const draft = renderDocumentHtml(penaltyInput({ status: 'draft' }));
    expect(visibleText(draft)).toContain('草稿（未签发，不得作为正式文书使用）');
    expect(draft).toContain('<div class="watermark" aria-hidden="true">草稿</div>');
    const issued = renderDocumentHtml(penaltyInput());
    expect(visibleText(issued)).not.toContain('草稿');
  });

  it('a correction notes its version and reason (REC-16)', () => {
    const page = renderDocumentHtml(penaltyInput({ version: 3, correctionReason: '更正罚款金额' }));
    expect(visibleText(page)).toContain('本文书为第3版，更正第2版；更正理由：更正罚款金额');
  });

  it('送达回证 is a table with a header cell per row', () => {
    const page = renderDocumentHtml(sampleInput(BUILT_IN_DOCUMENT_KINDS.serviceReceipt));
    expect(page).toContain('<table class="form">');
    expect(page).toContain('<th scope="row">送达方式</th><td>直接送达</td>');
    expect(page).not.toContain('class="signature"');
  });
});

describe('REC-5 · GS-R 第四条（二）: the printed record', () => {
  it('a 现场检查笔录 prints signature lines and 「第 X 页 共 Y 页」; a decision keeps 「— X —」', () => {
    const record = renderDocumentHtml(sampleInput(BUILT_IN_DOCUMENT_KINDS.inspectionRecord));
    expect(record).toContain('被检查人签名（捺印）');
    expect(record).toContain('执法人员签名');
    expect(record).not.toContain('执法人员已签名');
    expect(record).toContain('counter(pages)');
    const decision = renderDocumentHtml(penaltyInput());
    expect(decision).not.toContain('counter(pages)');
    expect(decision).toContain('"— " counter(page) " —"');
  });
});
