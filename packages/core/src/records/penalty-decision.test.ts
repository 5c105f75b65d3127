import { describe, expect, it } from 'vitest';
import { BUILT_IN_DOCUMENT_KINDS } from './catalogue.js';
import { checkPenaltyDecision } from './penalty-decision.js';
import { sampleFields } from './sample-fields.js';
import { validateDocumentFields } from './validate.js';

const kind = BUILT_IN_DOCUMENT_KINDS.penaltyDecision;
const complete = sampleFields(kind, {
  penaltyTypes: ['fine'],
  fineAmount: 250000,
  reconsiderationDays: 60,
  litigationMonths: 6,
  issueDate: '2026-03-20',
  documentNumber: '晋太环罚〔2026〕12号',
});

function labels(fields: Record<string, unknown>): string[] {
  const r = checkPenaltyDecision(fields);
  return r.ok ? [] : r.missing.map((m) => `${m.basis} ${m.label}：${m.reason}`);
}

describe('NAT-7 · 行政处罚法 Art 59: a penalty decision states every item', () => {
  it('a complete decision passes', () => {
    expect(checkPenaltyDecision(complete)).toEqual({ ok: true });
  });

  it.each([
    ['（一）', 'partyName', '当事人姓名或者名称'],
    ['（一）', 'partyAddress', '当事人地址'],
    ['（二）', 'facts', '违法事实'],
    ['（二）', 'evidence', '证据'],
    ['（三）', 'penaltyTypes', '处罚种类'],
    ['（三）', 'penaltyContent', '处罚内容'],
    ['（三）', 'legalBasis', '处罚依据'],
    ['（四）', 'performanceManner', '履行方式'],
    ['（四）', 'performanceDeadline', '履行期限'],
    ['（五）', 'reconsiderationBody', '行政复议机关'],
    ['（五）', 'reconsiderationDays', '复议期限'],
    ['（五）', 'litigationCourt', '管辖法院'],
    ['（五）', 'litigationMonths', '诉讼期限'],
    ['（六）', 'agencyName', '作出机关'],
    ['（六）', 'issueDate', '作出日期'],
  ])('NAT-7 · 行政处罚法 Art 59%s: without %s the decision is refused', (item, field, name) => {
    const r = checkPenaltyDecision({ ...complete, [field]: field === 'evidence' || field === 'penaltyTypes' ? [] : '' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.missing).toEqual([expect.objectContaining({ id: field, basis: `行政处罚法 第五十九条${item}`, reason: expect.stringContaining(name) })]);
  });

  it('NAT-7 · 行政处罚法 Art 59 第二款: without the seal the decision is refused', () => {
    expect(labels({ ...complete, sealAffixed: false })).toEqual(['行政处罚法 第五十九条第二款 行政机关印章：须加盖作出行政处罚决定的行政机关的印章']);
  });

  it('NAT-7 · 行政处罚法 Art 59(三): a fine needs its amount', () => {
    expect(labels({ ...complete, fineAmount: undefined }).join()).toContain('处以罚款的，须载明罚款金额');
  });

  it('NAT-7 · 行政处罚法 Art 59(五): remedies need 复议 60 days and 诉讼 6 months', () => {
    const r = labels({ ...complete, reconsiderationDays: 15, litigationMonths: 3 });
    expect(r.join('|')).toContain('申请行政复议的期限应为60日（行政复议法第二十条），载明为 15');
    expect(r.join('|')).toContain('提起行政诉讼的期限应为6个月（行政诉讼法第四十六条），载明为 3');
  });

  it('NAT-7 · 行政处罚法 Art 59(三): an unknown penalty type is refused', () => {
    expect(labels({ ...complete, penaltyTypes: ['fine', 'flogging'] }).join()).toContain('未知的处罚种类：flogging');
  });

  it('everything missing at once is listed item by item', () => {
    const r = checkPenaltyDecision({});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.missing.map((m) => m.basis)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `行政处罚法 第五十九条（${'一二三四五六'[i - 1]}）`).concat('行政处罚法 第五十九条第二款'));
  });

  it('issuing through validateDocumentFields runs NAT-7 without repeating field errors; a draft is not checked', () => {
    const r = validateDocumentFields(kind, { ...complete, partyAddress: '', sealAffixed: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect([...r.missing, ...r.invalid].map((m) => m.id).sort()).toEqual(['partyAddress', 'sealAffixed']);
    expect(validateDocumentFields(kind, { facts: '…' }, { status: 'draft' })).toEqual({ ok: true });
  });
});
