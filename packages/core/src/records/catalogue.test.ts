import { describe, expect, it } from 'vitest';
import { CASE_STAGES } from '../cases/stages.js';
import { BUILT_IN_DOCUMENT_KINDS, DOCUMENT_KIND_KEYS, buildCatalogue, getDocumentKind, kindsForActionType } from './catalogue.js';
import { sampleFields } from './sample-fields.js';
import { validateDocumentFields } from './validate.js';

const kinds = DOCUMENT_KIND_KEYS.map((k) => BUILT_IN_DOCUMENT_KINDS[k]);

describe('REC-2 · REC-5 · REC-25: the catalogue of standard documents (GS19 chapters 2–6)', () => {
  // The list, by Chinese name.
  it.each([
    ['REC-3 · GS-R 7', '立案审批表'],
    ['REC-5 · GS-R 22', '现场检查笔录'],
    ['REC-5 · GS-R 25', '询问笔录'],
    ['REC-5 · GS-R 25', '勘验笔录'],
    ['REC-5 · GS-R 25', '抽样取证凭证'],
    ['REC-5 · GS-R 25', '证据登记保存清单'],
    ['REC-4 · GS-R 8(一)', '调查终结报告'],
    ['REC-5 · GS-R 29', '行政处罚事先告知书'],
    ['REC-5 · GS-R 28', '听证告知书'],
    ['REC-5 · GS-R 29', '陈述申辩笔录'],
    ['REC-5 · GS-R 30', '听证笔录'],
    ['REC-4 · GS-R 8(四)', '集体讨论记录'],
    ['NAT-7 · 行政处罚法 Art 59', '行政处罚决定书'],
    ['REC-5 · GS-R 34', '查封（扣押）决定书'],
    ['REC-5 · GS-R 34', '查封（扣押）清单'],
    ['REC-5 · GS-R 34', '催告书'],
    ['REC-5 · GS-R 34', '强制执行决定书'],
    ['REC-25 · GS-R 37', '送达回证'],
    ['REC-25 · GS-R 40', '公告送达审批意见书'],
    ['REC-19 · GS-R 41', '结案审批表'],
  ])('%s: %s is in the catalogue', (_rule, name) => {
    expect(kinds.some((k) => k.name === name)).toBe(true);
  });

  it('codes (used in 文号) and names are unique', () => {
    expect(new Set(kinds.map((k) => k.code)).size).toBe(kinds.length);
    expect(new Set(kinds.map((k) => k.name)).size).toBe(kinds.length);
  });

  it.each(kinds.map((k) => [k.key, k.name, k] as const))('%s %s: keys match, fields labelled and unique, a stage, an action type and a citation', (key, _name, k) => {
    expect(k.key).toBe(key);
    expect(CASE_STAGES).toContain(k.stage);
    expect(k.actionTypes.length).toBeGreaterThan(0);
    expect(k.citations.length).toBeGreaterThan(0);
    const fieldKeys = k.fields.map((f) => f.key);
    expect(new Set(fieldKeys).size).toBe(fieldKeys.length);
    for (const f of k.fields) expect(f.label.trim()).not.toBe('');
    for (const f of k.fields) if (f.requiredWhen) expect(fieldKeys).toContain(f.requiredWhen.field);
  });

  it.each(kinds.map((k) => [k.name, k] as const))('%s: a completed template passes validation at its final status', (_name, k) => {
    expect(validateDocumentFields(k, sampleFields(k))).toEqual({ ok: true });
  });

  it.each(kinds.map((k) => [k.name, k] as const))('%s: an empty draft is acceptable (drafts are not originals)', (_name, k) => {
    expect(validateDocumentFields(k, {}, { status: 'draft' })).toEqual({ ok: true });
  });

  it.each(kinds.filter((k) => k.finalStatus === 'issued').map((k) => [k.name, k] as const))(
    'REC-15 · SX25-R 20: %s carries a 文号, agency, date and seal when issued',
    (_name, k) => {
      const keys = k.fields.map((f) => f.key);
      expect(keys).toEqual(expect.arrayContaining(['documentNumber', 'agencyName', 'issueDate', 'sealAffixed']));
    },
  );

  it('the penalty action type uses the penalty decision and its notices', () => {
    const names = kindsForActionType('penalty').map((k) => k.name);
    expect(names).toEqual(expect.arrayContaining(['行政处罚决定书', '行政处罚事先告知书', '听证告知书', '调查终结报告']));
    expect(names).not.toContain('受理通知书');
  });
});

describe('REC-2: agencies add their own kinds', () => {
  const own = {
    key: 'agency.rectificationOrder',
    code: '改',
    // 责令改正违法行为决定书 is built in since NAT-11 (correctionOrder): an agency's own format has its own name.
    name: '责令限期整改通知书（本局格式）',
    stage: 'decision' as const,
    actionTypes: ['inspection' as const],
    finalStatus: 'issued' as const,
    fields: [{ key: 'partyName', label: '当事人', type: 'text' as const, required: true }],
    basis: '本局文书格式（2026）',
  };

  it('an agency kind joins the catalogue and validates like a built-in', () => {
    const r = buildCatalogue([own]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const k = getDocumentKind('agency.rectificationOrder', r.catalogue);
    expect(k?.builtIn).toBe(false);
    expect(k?.servedToParty).toBe(true);
    expect(validateDocumentFields('agency.rectificationOrder', {}, { catalogue: r.catalogue })).toMatchObject({ ok: false, missing: [{ id: 'partyName' }] });
  });

  it.each([
    ['key without the agency. prefix', { key: 'rectificationOrder' }, '标识须为'],
    ['a code already used by a built-in kind (numbers would share a sequence)', { code: '罚' }, '重复'],
    ['a choice without options', { fields: [{ key: 'x', label: 'x', type: 'choice' as const }] }, '可选项'],
    ['a condition on a missing field', { fields: [{ key: 'x', label: 'x', type: 'text' as const, requiredWhen: { field: 'y', equals: true } }] }, '不存在的字段'],
    ['an unknown stage', { stage: 'appeal' as never }, '环节'],
  ])('refused: %s', (_what, change, reason) => {
    const r = buildCatalogue([{ ...own, ...change }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.missing.map((m) => m.reason).join('|')).toContain(reason);
  });
});
