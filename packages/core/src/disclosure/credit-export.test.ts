import { describe, expect, it } from 'vitest';
import type { Party } from '../cases/party.js';
import { AppError } from '../errors.js';
import { creditCodeCheckChar, idNumberCheckChar } from '../identity/identity.js';
import { CREDIT_EXPORT_COLUMNS, type CreditExportDecision, creditExportCsv, creditExportRow, yuanToFen, yuanToWan } from './credit-export.js';

const code = (first17: string) => first17 + creditCodeCheckChar(first17);
const id = (first17: string) => first17 + idNumberCheckChar(first17);
const ORG_CODE = code('91140100MA0K6A2C3');
const AGENCY_CODE = code('11140000MB1957000');
const REP_ID = id('14010519800101123');

const ORG: Party = {
  kind: 'organisation',
  name: '太原恒达化工有限公司',
  creditCode: ORG_CODE,
  legalRepresentative: { name: '王伟华', idType: 'residentId', idNumber: REP_ID },
  address: '山西省太原市小店区平阳路88号',
  minor: false,
};

const DECISION: CreditExportDecision = {
  party: ORG,
  decisionNumber: '晋环罚〔2026〕12号',
  violationType: '超标排放大气污染物',
  facts: '2026年1月5日检查发现，颗粒物排放浓度超标1.2倍。',
  legalBasis: '《中华人民共和国大气污染防治法》第九十九条第二项',
  penaltyTypes: ['fine', 'confiscateIllegalGains'],
  content: '罚款人民币贰拾万元整，没收违法所得12345.67元',
  fineYuan: 200000,
  confiscationYuan: 12345.67,
  decisionDate: '2026-03-02',
  validUntil: '2027-03-02',
  publicationUntil: '2027-03-02',
  agency: { name: '山西省生态环境厅', creditCode: AGENCY_CODE },
};

describe('NAT-15: 罚款金额（万元）', () => {
  it.each([
    [200000, '20'],
    [12345.67, '1.234567'],
    [5000, '0.5'],
    [0.01, '0.000001'],
    [0, '0'],
    [0.1 + 0.2, '0.00003'],
    [100000000, '10000'],
    [1999.99, '0.199999'],
    ['1,234.5', '0.12345'],
    ['200000.00', '20'],
  ])('NAT-15: %s yuan → %s 万元 (exact, at most 6 decimals)', (yuan, wan) => {
    expect(yuanToWan(yuan)).toBe(wan);
  });

  it('NAT-15: amounts below 1 分, negative or not numbers are refused', () => {
    for (const bad of [1.005, -1, Number.NaN, '1.005', 'abc', '-5']) expect(() => yuanToWan(bad), String(bad)).toThrow(AppError);
    expect(yuanToFen('0.1')).toBe(10n);
  });
});

describe('NAT-15: credit-platform row', () => {
  it('NAT-15: the column order constant has every column of the data set, once', () => {
    expect(CREDIT_EXPORT_COLUMNS).toHaveLength(30);
    expect(new Set(CREDIT_EXPORT_COLUMNS).size).toBe(30);
    expect(CREDIT_EXPORT_COLUMNS[0]).toBe('行政相对人名称');
    expect(CREDIT_EXPORT_COLUMNS[19]).toBe('罚款金额（万元）');
    expect(CREDIT_EXPORT_COLUMNS.at(-1)).toBe('备注');
  });

  it('NAT-15: an organisation — 法人及非法人组织, credit code, legal representative and ID, amounts in 万元, dates YYYY/MM/DD', () => {
    const row = creditExportRow(DECISION);
    expect(Object.keys(row)).toEqual([...CREDIT_EXPORT_COLUMNS]);
    expect(row).toMatchObject({
      行政相对人名称: '太原恒达化工有限公司',
      行政相对人类别: '法人及非法人组织',
      统一社会信用代码: ORG_CODE,
      法定代表人: '王伟华',
      法定代表人证件类型: '身份证',
      法定代表人证件号码: REP_ID,
      证件类型: '',
      证件号码: '',
      处罚类别: '罚款;没收违法所得',
      '罚款金额（万元）': '20',
      '没收违法所得、没收非法财物的金额（万元）': '1.234567',
      处罚决定日期: '2026/03/02',
      处罚有效期: '2027/03/02',
      公示截止期: '2027/03/02',
      处罚机关: '山西省生态环境厅',
      处罚机关统一社会信用代码: AGENCY_CODE,
      数据来源单位: '山西省生态环境厅',
      数据来源单位统一社会信用代码: AGENCY_CODE,
    });
  });

  it('NAT-15: a natural person — 自然人, 证件类型 and 证件号码, no code; masking on request', () => {
    const person: Party = { kind: 'naturalPerson', name: '李建国', idType: 'residentId', idNumber: REP_ID, address: 'x', minor: false };
    const row = creditExportRow({ ...DECISION, party: person, penaltyTypes: ['warning'], fineYuan: undefined, confiscationYuan: undefined });
    expect(row).toMatchObject({ 行政相对人类别: '自然人', 证件类型: '身份证', 证件号码: REP_ID, 统一社会信用代码: '', 法定代表人: '', '罚款金额（万元）': '', 处罚类别: '警告' });
    expect(creditExportRow({ ...DECISION, party: person }, { maskIdNumbers: true }).证件号码).toBe(`1401**********${REP_ID.slice(14)}`);
  });

  it('NAT-15: an individual business — 个体工商户, the operator in 法定代表人', () => {
    const biz: Party = { kind: 'individualBusiness', name: '小店区伟华五金经营部', creditCode: ORG_CODE, operator: { name: '赵伟' }, address: 'x', minor: false };
    expect(creditExportRow({ ...DECISION, party: biz })).toMatchObject({ 行政相对人类别: '个体工商户', 法定代表人: '赵伟', 法定代表人证件类型: '' });
  });

  it('PUB-5 · SX25-P 19(一): a minor\'s decision is never exported', () => {
    const minor: Party = { kind: 'naturalPerson', name: '张小明', idNumber: REP_ID, address: 'x', minor: true };
    expect(() => creditExportRow({ ...DECISION, party: minor })).toThrow(AppError);
  });

  it('NAT-13: an invalid credit code or a fine without amount is refused', () => {
    expect(() => creditExportRow({ ...DECISION, agency: { name: 'x', creditCode: '11140000MB19570000' } })).toThrow(AppError);
    expect(() => creditExportRow({ ...DECISION, fineYuan: undefined })).toThrow(AppError);
  });

  it('NAT-15: CSV — header in column order, RFC 4180 quoting, CRLF, formula cells neutralised', () => {
    const csv = creditExportCsv([creditExportRow({ ...DECISION, facts: '浓度为"超标",达1.2倍', remarks: '=HYPERLINK("x")' })]);
    const [header, line] = csv.split('\r\n');
    expect(header).toBe(CREDIT_EXPORT_COLUMNS.join(','));
    expect(line).toContain('"浓度为""超标"",达1.2倍"');
    expect(line?.endsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
