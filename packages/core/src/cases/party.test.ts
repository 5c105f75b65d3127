import { describe, expect, it } from 'vitest';
import { SAMPLE_CREDIT_CODE, SAMPLE_ID_NUMBER } from '../records/sample-fields.js';
import { idNumberCheckChar } from '../identity/identity.js';
import { type PartyInput, ageOn, validateParty } from './party.js';

const org: PartyInput = {
  kind: 'organisation',
  name: ' 某某化工有限公司 ',
  creditCode: SAMPLE_CREDIT_CODE.toLowerCase(),
  legalRepresentative: { name: '王五', idNumber: SAMPLE_ID_NUMBER },
  address: '太原市小店区某路 1 号',
  contacts: [{ kind: 'mobile', value: '13800000000' }],
};
const person: PartyInput = { kind: 'naturalPerson', name: '赵六', idNumber: SAMPLE_ID_NUMBER, address: '太原市某街 2 号' };
const minorId = (() => {
  const first = '14010520100615001';
  return first + idNumberCheckChar(first);
})();

function reasons(input: PartyInput, asOf?: string): string[] {
  const r = validateParty(input, asOf ? { asOf } : {});
  return r.ok ? [] : r.missing.map((m) => `${m.label}：${m.reason}`);
}

describe('NAT-13 · party registry', () => {
  it('an organisation with a valid credit code and legal representative is accepted and normalised', () => {
    const r = validateParty(org);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.party).toMatchObject({ name: '某某化工有限公司', creditCode: SAMPLE_CREDIT_CODE, minor: false });
  });

  it('NAT-13 · GB 32100: an invalid credit code is refused with a clear reason', () => {
    expect(reasons({ ...org, creditCode: '91140100MA0K12345X' })).toEqual(['统一社会信用代码：“91140100MA0K12345X”无效：校验码不正确']);
  });

  it('SX25-P 15(二): an organisation needs its credit code and legal representative', () => {
    expect(reasons({ ...org, creditCode: undefined, legalRepresentative: undefined })).toEqual([
      '统一社会信用代码：法人或者其他组织须填写统一社会信用代码',
      '法定代表人（负责人）：须填写法定代表人（负责人）',
    ]);
  });

  it('NAT-13 · GB 11643: a legal representative\u2019s ID number is checked too', () => {
    expect(reasons({ ...org, legalRepresentative: { name: '王五', idNumber: '140105198001010010' } })).toEqual([
      '法定代表人（负责人）居民身份证号码：“140105198001010010”无效：校验码不正确',
    ]);
  });

  it('NAT-13 · GB 11643: a natural person needs a valid ID number', () => {
    expect(validateParty(person).ok).toBe(true);
    expect(reasons({ ...person, idNumber: '140105198002300011' })).toEqual(['当事人居民身份证号码：“140105198002300011”无效：出生日期不存在']);
    expect(reasons({ ...person, idNumber: undefined })).toEqual(['证件号码：自然人须填写证件类型及号码']);
  });

  it('other identity documents are accepted with their name', () => {
    expect(validateParty({ ...person, idType: 'other', idTypeName: '护照', idNumber: 'E12345678' }).ok).toBe(true);
    expect(reasons({ ...person, idType: 'other', idNumber: 'E12345678' })).toEqual(['当事人证件类型：其他证件须注明证件名称']);
  });

  it('an individual business needs its operator, and a credit code or the operator\u2019s ID', () => {
    const ib: PartyInput = { kind: 'individualBusiness', name: '某某洗车店', operator: { name: '钱七', idNumber: SAMPLE_ID_NUMBER }, address: '某路 3 号' };
    expect(validateParty(ib).ok).toBe(true);
    expect(reasons({ ...ib, operator: { name: '钱七' } })).toEqual(['统一社会信用代码：个体工商户无统一社会信用代码的，须登记经营者证件号码']);
  });

  it('NAT-7: name and address are required (they go on the decision)', () => {
    expect(reasons({ ...person, name: ' ', address: '' })).toEqual(['姓名：须填写当事人姓名', '地址：须填写当事人住所或地址（送达及处罚决定书均需载明）']);
  });

  it('contacts are checked by kind', () => {
    expect(reasons({ ...org, contacts: [{ kind: 'mobile', value: '1380000' }, { kind: 'email', value: 'a@b' }] })).toEqual([
      '手机：“1380000”应为 11 位手机号码',
      '电子邮箱：“a@b”格式不正确',
    ]);
  });
});

describe('PUB-5 · SX25-P 19(一): minors are flagged', () => {
  it('the flag is derived from the resident ID number on the given day', () => {
    const r = validateParty({ ...person, idNumber: minorId }, { asOf: '2026-03-02' });
    expect(r.ok && r.party.minor).toBe(true);
    expect(ageOn('2010-06-15', '2028-06-14')).toBe(17);
    expect(ageOn('2010-06-15', '2028-06-15')).toBe(18);
  });
  it('a contradicting flag is refused', () => {
    expect(reasons({ ...person, idNumber: minorId, minor: false }, '2026-03-02')).toEqual(['未成年人：身份证号码显示当事人未满十八周岁，须标记为未成年人']);
    expect(reasons({ ...person, minor: true }, '2026-03-02')).toEqual(['未成年人：身份证号码显示当事人已满十八周岁，不应标记为未成年人']);
  });
  it('only a natural person can be a minor; without a date the flag is taken as given', () => {
    expect(reasons({ ...org, minor: true })).toEqual(['未成年人：仅自然人可标记为未成年人']);
    const r = validateParty({ ...person, idType: 'other', idTypeName: '护照', idNumber: 'E1', minor: true });
    expect(r.ok && r.party.minor).toBe(true);
  });
});
