import { describe, expect, it } from 'vitest';
import { SAMPLE_CREDIT_CODE, SAMPLE_ID_NUMBER } from './sample-fields.js';
import { type FieldSpec, isAbsent, validateFields } from './fields.js';

describe('REC-2: the field schema of document templates', () => {
  const cases: [string, FieldSpec, unknown, string | null][] = [
    ['text', { key: 'f', label: 'F', type: 'text' }, 12, '应为文本'],
    ['date', { key: 'f', label: 'F', type: 'date' }, '2026-02-30', '应为 YYYY-MM-DD 日期'],
    ['date ok', { key: 'f', label: 'F', type: 'date' }, '2026-02-28', null],
    ['dateTime', { key: 'f', label: 'F', type: 'dateTime' }, '2026-02-28', '应为 ISO 8601 日期时间'],
    ['integer', { key: 'f', label: 'F', type: 'integer' }, 1.5, '应为整数'],
    ['integer min', { key: 'f', label: 'F', type: 'integer', min: 60 }, 30, '不得小于 60'],
    ['integer max (NAT-10: seizure ≤ 30 days)', { key: 'f', label: 'F', type: 'integer', max: 30 }, 31, '不得大于 30'],
    ['money decimals', { key: 'f', label: 'F', type: 'money' }, 10.005, '金额应为非负数，最多两位小数'],
    ['money ok', { key: 'f', label: 'F', type: 'money' }, 200000.5, null],
    ['textList minItems', { key: 'f', label: 'F', type: 'textList', minItems: 2 }, ['a'], '至少 2 项'],
    ['choice', { key: 'f', label: 'F', type: 'choice', options: [{ value: 'a', label: '甲' }] }, 'b', '应为以下之一：甲'],
    ['choiceList duplicates', { key: 'f', label: 'F', type: 'choiceList', options: [{ value: 'a', label: '甲' }] }, ['a', 'a'], '有重复项'],
    ['NAT-13 · GB 32100: credit code', { key: 'f', label: 'F', type: 'creditCode' }, '91140100MA0K123450', '校验码不正确'],
    ['NAT-13 · GB 32100: credit code ok', { key: 'f', label: 'F', type: 'creditCode' }, SAMPLE_CREDIT_CODE, null],
    ['NAT-13 · GB 11643: ID number ok', { key: 'f', label: 'F', type: 'idNumber' }, SAMPLE_ID_NUMBER, null],
  ];
  it.each(cases)('%s', (_name, spec, value, problem) => {
    const r = validateFields([spec], { f: value }, 'signed');
    if (problem === null) expect(r).toEqual({ ok: true });
    else expect(r).toEqual({ ok: false, missing: [], invalid: [expect.objectContaining({ id: 'f', reason: problem })] });
  });

  it('required fields are missing when absent; blank text and empty lists count as absent', () => {
    expect(isAbsent('  ')).toBe(true);
    expect(isAbsent([])).toBe(true);
    expect(isAbsent(false)).toBe(false);
    const r = validateFields([{ key: 'a', label: '甲', type: 'text', required: true }], { a: ' ' }, 'signed');
    expect(r).toEqual({ ok: false, missing: [expect.objectContaining({ id: 'a', reason: '须填写' })], invalid: [] });
  });

  it("'onIssue' fields (文号, seal) are needed only when issued", () => {
    const spec: FieldSpec = { key: 'documentNumber', label: '文号', type: 'text', required: 'onIssue' };
    expect(validateFields([spec], {}, 'signed')).toEqual({ ok: true });
    expect(validateFields([spec], {}, 'issued').ok).toBe(false);
  });

  it('a confirmation must be ticked whenever it is required, conditionally too', () => {
    const specs: FieldSpec[] = [
      { key: 'refused', label: '拒签', type: 'boolean' },
      { key: 'witnessSigned', label: '见证人已签名', type: 'boolean', requiredWhen: { field: 'refused', equals: true }, mustBeTrue: true },
    ];
    expect(validateFields(specs, { refused: false, witnessSigned: false }, 'signed')).toEqual({ ok: true });
    expect(validateFields(specs, { refused: true, witnessSigned: false }, 'signed')).toMatchObject({ ok: false, invalid: [{ id: 'witnessSigned', reason: '须确认' }] });
  });
});
