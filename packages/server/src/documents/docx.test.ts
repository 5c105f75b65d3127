import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DOCUMENT_KINDS, DOCUMENT_KIND_KEYS, SIGNATURE_FIELD_KEYS, isRequired, type DocumentKindSpec, type FieldSpec } from '@sanxiang/core';
import { renderDocx } from './docx.js';
import { chineseDate, formatScalar } from './format.js';
import { docxToText } from './read-docx.js';
import { AGENCY, PENALTY_FIELDS, penaltyInput, sampleInput } from './test-fixtures.js';

async function part(buf: Buffer, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const file = zip.file(name);
  if (!file) throw new Error(`missing ${name}`);
  return file.async('string');
}

/** Where a required field is expected to show in the text: its label (unless placed by the layout) and its value(s). */
function expectedTexts(kind: DocumentKindSpec, spec: FieldSpec, value: unknown): { label: string | null; values: string[] } {
  // Placed in the heading and signature block (REC-15; 行政处罚法 Art 59 ¶2), not as "label：value".
  const placed = ['documentNumber', 'agencyName', 'issueDate', 'sealAffixed'].includes(spec.key);
  // NAT-7: the penalty decision is prose in the statute's order; its own test checks the items.
  const prose = kind.key === 'penaltyDecision';
  const label = placed || prose ? null : spec.label;
  if (spec.key === 'sealAffixed') return { label, values: ['（印章）'] };
  if (spec.key === 'issueDate') return { label, values: [chineseDate(value as string)] };
  if (Array.isArray(value)) return { label, values: value.map((v) => formatScalar({ ...spec, type: spec.type === 'choiceList' ? 'choice' : 'text' }, v)) };
  return { label, values: [formatScalar(spec, value)] };
}

describe('renderDocx · every built-in kind with the catalogue sample fields (REC-2)', () => {
  it('covers the whole catalogue', () => {
    expect(DOCUMENT_KIND_KEYS.length).toBe(37); // + legalReviewOpinion (REV-7); + correctionOrder, reinspectionRecord (NAT-11)
  });

  it.each(DOCUMENT_KIND_KEYS)('%s: a .docx naming the kind, agency and number, with every required field', async (key) => {
    const kind: DocumentKindSpec = BUILT_IN_DOCUMENT_KINDS[key];
    const input = sampleInput(kind);
    const buf = await renderDocx(input);
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    const zip = await JSZip.loadAsync(buf);
    expect(zip.file('word/document.xml')).not.toBeNull();

    const text = await docxToText(buf);
    expect(text).toContain(kind.name);
    expect(text).toContain(AGENCY);
    expect(text).toContain(input.number);
    expect(text).not.toContain('（未填写）');

    // A record signed by the people present prints lines to sign on, not 「已签名：是」 (issue 15 item 8).
    const signatureLines = kind.finalStatus === 'signed' && kind.fields.some((f) => f.key === 'officersSigned' || f.key === 'partySigned');
    if (signatureLines) {
      expect(text).toContain('签名（捺印）');
      expect(text).not.toMatch(/已签(名|字)/);
    }
    for (const spec of kind.fields) {
      if (!isRequired(spec, input.fields, kind.finalStatus)) continue;
      if (signatureLines && SIGNATURE_FIELD_KEYS.has(spec.key)) continue;
      const { label, values } = expectedTexts(kind, spec, input.fields[spec.key]);
      if (label) expect(text, `${key}.${spec.key} label`).toContain(label);
      for (const v of values) expect(text, `${key}.${spec.key} value`).toContain(v);
    }
  });
});

describe('REC-5 · GS-R 第四条（二）: records are signed on paper, on lines for every signer', () => {
  it('a 现场检查笔录 has lines for the 被检查人 and each officer, with dates, and 「第 X 页 共 Y 页」', async () => {
    const kind = BUILT_IN_DOCUMENT_KINDS.inspectionRecord;
    const input = sampleInput(kind);
    const buf = await renderDocx(input);
    const text = await docxToText(buf);
    expect(text).toContain('被检查人签名（捺印）');
    expect(text).not.toContain('被询问人');
    const officers = (input.fields.officerNames as string[]).length;
    expect(text.split('执法人员签名').length - 1).toBe(Math.max(2, officers));
    const footers = (await Promise.all(['word/footer1.xml', 'word/footer2.xml'].map((n) => part(buf, n).catch(() => '')))).join('');
    expect(footers).toContain('NUMPAGES');
    expect(footers).toContain('页 共');
  });

  it('a 询问笔录 names the 被询问人 and has the line to confirm the record', async () => {
    const text = await docxToText(await renderDocx(sampleInput(BUILT_IN_DOCUMENT_KINDS.inquiryRecord)));
    expect(text).toContain('被询问人核对意见');
    expect(text).toContain('被询问人签名（捺印）');
  });

  it('a refusal is printed on the party’s line and the witness gets a line with the name', async () => {
    const kind = BUILT_IN_DOCUMENT_KINDS.inspectionRecord;
    const input = sampleInput(kind);
    const text = await docxToText(await renderDocx({ ...input, fields: { ...input.fields, partySigned: false, partyRefused: true, refusalNote: '现场负责人拒绝签字', witnessName: '赵见证', witnessSigned: true } }));
    expect(text).toContain('拒绝签名：现场负责人拒绝签字');
    expect(text).toContain('见证人签名');
    expect(text).toContain('（赵见证）');
  });

  it('an issued decision keeps the GB/T 9704 page number 「— 1 —」', async () => {
    const buf = await renderDocx(penaltyInput());
    const footers = (await Promise.all(['word/footer1.xml', 'word/footer2.xml'].map((n) => part(buf, n).catch(() => '')))).join('');
    expect(footers).toContain('— ');
    expect(footers).not.toContain('NUMPAGES');
  });
});

describe('NAT-7 · 行政处罚法 Art 59: the penalty decision', () => {
  it('states each item, in the statute order, and the seal', async () => {
    const text = await docxToText(await renderDocx(penaltyInput()));
    const f = PENALTY_FIELDS;
    const items: [string, string][] = [
      ['(一) 当事人名称', `当事人：${f.partyName}`],
      ['(一) 地址', `地址：${f.partyAddress}`],
      ['(二) 事实', f.facts],
      ['(二) 证据', `1．${f.evidence[0]}`],
      ['(二) 证据', `3．${f.evidence[2]}`],
      ['(三) 依据', `依据${f.legalBasis}的规定`],
      ['(三) 种类', '给予警告、罚款的行政处罚'],
      ['(三) 处罚内容', f.penaltyContent],
      ['(三) 罚款金额', '罚款金额：人民币壹拾万元整（¥100,000.00）'],
      ['(四) 履行方式', `履行方式：${f.performanceManner}`],
      ['(四) 履行期限', `履行期限：${f.performanceDeadline}`],
      ['(五) 复议 60 日', `60日内向${f.reconsiderationBody}申请行政复议`],
      ['(五) 诉讼 6 个月', `6个月内向${f.litigationCourt}提起行政诉讼`],
      ['(六) 机关 + 第二款 印章', `${AGENCY}（印章）`],
      ['(六) 日期', '2026年3月2日'],
    ];
    let at = -1;
    for (const [item, expected] of items) {
      const i = text.indexOf(expected, at + 1);
      expect(i, `${item}: “${expected}” after position ${at}`).toBeGreaterThan(at);
      at = i;
    }
    // The agency and date close the document (the signature block).
    expect(text.trimEnd().endsWith('2026年3月2日')).toBe(true);
    // The items as numbered headings, in order.
    const headings = ['一、违法事实和证据', '二、行政处罚的种类和依据', '三、履行方式和期限', '四、申请行政复议或者提起行政诉讼的途径和期限'];
    expect(headings.map((h) => text.indexOf(h))).toEqual([...headings.map((h) => text.indexOf(h))].sort((a, b) => a - b));
    for (const h of headings) expect(text).toContain(h);
  });

  it('states the consequences of late payment of a fine (行政处罚法 Art 72) and that review does not suspend (Art 73)', async () => {
    const text = await docxToText(await renderDocx(penaltyInput()));
    expect(text).toContain('每日按罚款数额的百分之三加处罚款');
    expect(text).toContain('行政处罚不停止执行');
    const noFine = await docxToText(await renderDocx(penaltyInput({ fields: { ...PENALTY_FIELDS, penaltyTypes: ['warning'], fineAmount: undefined } })));
    expect(noFine).not.toContain('加处罚款');
    expect(noFine).toContain('给予警告的行政处罚');
  });

  it('addresses an organisation as 你单位 and a person as 你', async () => {
    expect(await docxToText(await renderDocx(penaltyInput()))).toContain('查明你单位存在');
    const person = { ...PENALTY_FIELDS, partyCreditCode: undefined, partyIdNumber: '140105198001010011', partyName: '赵六' };
    expect(await docxToText(await renderDocx(penaltyInput({ fields: person })))).toContain('查明你存在');
  });

  it('a draft shows 草稿 and marks the items still to write', async () => {
    const { documentNumber: _n, issueDate: _d, performanceDeadline: _p, ...fields } = PENALTY_FIELDS;
    const text = await docxToText(await renderDocx(penaltyInput({ fields, number: null, status: 'draft' })));
    expect(text.startsWith('草稿')).toBe(true);
    expect(text).toContain('履行期限：（待填写）');
    expect(text).toContain('　　年　　月　　日');
  });

  it('takes the party from the case when the fields do not name it', async () => {
    const { partyName: _p, ...fields } = PENALTY_FIELDS;
    const text = await docxToText(await renderDocx(penaltyInput({ fields, partyName: '案件当事人有限公司', status: 'draft' })));
    expect(text).toContain('当事人：案件当事人有限公司');
  });
});

describe('layouts of other kinds', () => {
  it('送达回证 is a form table, signed in its rows (REC-25 · GS-R 37)', async () => {
    const kind = BUILT_IN_DOCUMENT_KINDS.serviceReceipt;
    const buf = await renderDocx(sampleInput(kind));
    const xml = await part(buf, 'word/document.xml');
    expect(xml).toContain('<w:tbl>');
    const text = await docxToText(buf);
    // Label and value sit in neighbouring cells: consecutive lines.
    expect(text).toContain('送达方式\n直接送达');
    expect(text).toContain('送达人已签名或者盖章\n是');
    expect(text).toContain('拒收理由\n');
    expect(text).not.toContain('（印章）');
  });

  it('officers are listed with their certificate numbers (DUR-1 · GS-R 22(六))', async () => {
    const kind = BUILT_IN_DOCUMENT_KINDS.inspectionRecord;
    const text = await docxToText(await renderDocx(sampleInput(kind)));
    expect(text).toContain('序号\n执法人员\n出示的执法证号\n1\n张三\n14010020001\n2\n李四\n14010020002');
    expect(text).not.toContain('出示的执法证号：');
    // A record inside a case carries the case number (REC-15) and the date it was made.
    expect(text).toContain('案件编号：并环案〔2026〕7号');
    expect(text).toContain('开始时间：2026年3月2日9时00分');
    expect(text.trimEnd().endsWith('2026年3月2日')).toBe(true);
  });

  it('lists become numbered tables; long texts get a heading; booleans 是/否; options their labels', async () => {
    const kind = BUILT_IN_DOCUMENT_KINDS.penaltyNotice;
    const text = await docxToText(await renderDocx(sampleInput(kind, { fields: { ...sampleInput(kind).fields, evidence: ['笔录', '照片'], hearingRightsIncluded: false } })));
    expect(text).toContain('证据\n序号\n证据\n1\n笔录\n2\n照片');
    expect(text).toContain('拟作出处罚的事实\n拟作出处罚的事实（示例）');
    expect(text).toContain('已告知陈述、申辩的权利：是');
    expect(text).toContain('同时告知要求听证的权利：否');
    const source = await docxToText(await renderDocx(sampleInput(BUILT_IN_DOCUMENT_KINDS.sourceRecord)));
    expect(source).toMatch(/案件来源：[^\n]*[\u4e00-\u9fff]/);
  });

  it('money in words in a generic document (代履行费用预算)', async () => {
    const kind = BUILT_IN_DOCUMENT_KINDS.substituteExecutionDecision;
    const text = await docxToText(await renderDocx(sampleInput(kind, { fields: { ...sampleInput(kind).fields, costEstimate: 1_234_567.89 } })));
    expect(text).toContain('代履行费用预算（元）：人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分（¥1,234,567.89）');
  });

  it('falls back to the documentNumber field when no number is given', async () => {
    const text = await docxToText(await renderDocx(penaltyInput({ number: null })));
    expect(text).toContain('并环罚〔2026〕12号');
  });
});

describe('versions and marks (REC-16)', () => {
  it('a correction states its version and reason', async () => {
    const text = await docxToText(await renderDocx(penaltyInput({ version: 2, correctionReason: '更正当事人地址门牌号。' })));
    expect(text).toContain('本文书为第2版，更正第1版；更正理由：更正当事人地址门牌号');
    expect(await docxToText(await renderDocx(penaltyInput()))).not.toContain('更正第');
  });

  it('a draft carries a visible 草稿 mark and a diagonal watermark on every page', async () => {
    const buf = await renderDocx(penaltyInput({ status: 'draft' }));
    expect(await docxToText(buf)).toMatch(/^草稿（未签发，不得作为正式文书使用）/);
    const header = await part(buf, 'word/header1.xml');
    expect(header).toContain('string="草稿"');
    const issued = await renderDocx(penaltyInput());
    expect(await docxToText(issued)).not.toContain('草稿');
    expect((await JSZip.loadAsync(issued)).file('word/header1.xml')).toBeNull();
  });

  it('a caller watermark joins the draft mark', async () => {
    const buf = await renderDocx(penaltyInput({ status: 'draft', watermark: '张三 下载' }));
    expect(await part(buf, 'word/header1.xml')).toContain('草稿　张三 下载');
  });
});

describe('page and fonts · GB/T 9704', () => {
  it('A4, the 37/35/28/26 mm margins, fixed 28.95pt lines', async () => {
    const xml = await part(await renderDocx(penaltyInput()), 'word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)?.[1] ?? '';
    const twips = (attr: string) => Number(new RegExp(`w:${attr}="(\\d+)"`).exec(margin)?.[1]);
    const mm = (n: number) => (n * 1440) / 25.4;
    expect(Math.abs(twips('top') - mm(37))).toBeLessThan(2);
    expect(Math.abs(twips('bottom') - mm(35))).toBeLessThan(2);
    expect(Math.abs(twips('left') - mm(28))).toBeLessThan(2);
    expect(Math.abs(twips('right') - mm(26))).toBeLessThan(2);
    expect(xml).toContain('w:line="579" w:lineRule="exact"');
  });

  it('declares 方正小标宋简体 for the title, 仿宋_GB2312 for the text and 黑体 for headings as east-asian fonts, at 22pt and 16pt', async () => {
    const buf = await renderDocx(penaltyInput());
    const xml = await part(buf, 'word/document.xml');
    expect(xml).toMatch(/<w:rFonts [^>]*w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
    expect(xml).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="32"\/>/);
    expect(xml).toMatch(/<w:rFonts [^>]*w:eastAsia="黑体"/);
    expect(xml).toContain('w:ascii="FangSong_GB2312"');
    const styles = await part(buf, 'word/styles.xml');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
    expect(styles).toContain('w:eastAsia="zh-CN"');
  });

  it('names fallbacks in the font table and embeds no font', async () => {
    const buf = await renderDocx(penaltyInput());
    const fontTable = await part(buf, 'word/fontTable.xml');
    expect(fontTable).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fontTable).not.toMatch(/w:embed/);
    const zip = await JSZip.loadAsync(buf);
    expect(Object.keys(zip.files).filter((n) => /fonts\/|\.odttf$|\.ttf$/i.test(n))).toEqual([]);
  });

  it('page numbers "— 1 —" in 宋体, odd pages right and even pages left (§7.5)', async () => {
    const buf = await renderDocx(penaltyInput());
    const footers = await Promise.all([part(buf, 'word/footer1.xml'), part(buf, 'word/footer2.xml')]);
    for (const f of footers) {
      expect(f).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(f).toContain('>— </w:t>');
      expect(f).toContain('w:eastAsia="宋体"');
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)?.[1]).sort()).toEqual(['left', 'right']);
    expect(await part(buf, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });
});

describe('robustness', () => {
  it('keeps markup and ampersands as text, and drops characters XML cannot hold', async () => {
    const fields = { ...PENALTY_FIELDS, facts: '排放<script>alert("x")</script> & 超标\u0001\u0007。' };
    const buf = await renderDocx(penaltyInput({ fields }));
    const xml = await part(buf, 'word/document.xml');
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).not.toMatch(/[\u0001\u0007]/);
    expect(await docxToText(buf)).toContain('排放<script>alert("x")</script> & 超标。');
  });

  it('docxToText refuses what is not a .docx', async () => {
    await expect(docxToText(Buffer.from('not a zip'))).rejects.toThrow(/docx/);
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    await expect(docxToText(await zip.generateAsync({ type: 'nodebuffer' }))).rejects.toThrow(/word\/document\.xml/);
  });
});
