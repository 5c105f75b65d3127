import { describe, expect, it } from 'vitest';
import { CREDIT_EXPORT_COLUMNS } from '@sanxiang/core';
import { creditCode } from '../testing/publications-fixture.js';
import type { ExportDecisionRow } from '../usecases/portal-read.js';
import { creditRowOfPublic, parseYuan } from './credit-rows.js';

const AGENCY_CODE = creditCode('11620100MB5678901');

function decision(fields: Record<string, string>, over: Partial<ExportDecisionRow> = {}): ExportDecisionRow {
  return {
    id: 'd1',
    agencyId: 'a1',
    agencyName: '兰州市生态环境局',
    agencyCreditCode: AGENCY_CODE,
    actionType: 'penalty',
    decisionKind: 'penaltyDecision',
    decisionNumber: '兰环罚〔2026〕1号',
    decisionDate: '2026-02-10',
    firstPublishedOn: '2026-02-11',
    publishedAt: null,
    removeNotBefore: null,
    removeBy: '2027-02-10',
    title: '行政处罚决定书（兰环罚〔2026〕1号）',
    party: fields.partyName ?? '',
    content: { form: 'summary', fields: Object.entries(fields).map(([key, text]) => ({ key, label: key, text })), fullText: '', corrections: [] },
    ...over,
  };
}

describe('NAT-15: the published fine amount in 万元', () => {
  it.each([
    ['200000元', '200000'],
    ['罚款人民币200,000.00元整', '200000.00'],
    ['20万元', '200000'],
    ['20.5万元', '205000'],
    ['1.234567万元', '12345.67'],
    ['５０００元', '5000'],
    ['贰拾万元', undefined],
    ['', undefined],
  ])('NAT-15: %s → %s yuan', (text, yuan) => {
    expect(parseYuan(text)).toBe(yuan);
  });
});

describe('NAT-15 · PUB-4: a credit row from the public content only', () => {
  it('NAT-15: an individual business (code 92…) with its operator; unknown penalty labels pass through', () => {
    const code = creditCode('92620100MA0K6A2C3');
    const row = creditRowOfPublic(decision({ partyName: '城关区某某汽修店', creditCode: code, legalRepresentative: '李某', penaltyCategory: '罚款、责令改正', fineAmount: '3000元', result: '罚款3000元' }), 'https://gs.example/decisions/d1');
    expect(Object.keys(row)).toEqual([...CREDIT_EXPORT_COLUMNS]);
    expect(row).toMatchObject({ 行政相对人类别: '个体工商户', 统一社会信用代码: code, 法定代表人: '李某', 处罚类别: '罚款;责令改正', '罚款金额（万元）': '0.3', 备注: '公示页面：https://gs.example/decisions/d1' });
  });

  it('NAT-15: a decision the data set refuses (organisation without a valid code) still gets its row, the reason in 备注', () => {
    const row = creditRowOfPublic(decision({ partyName: '某某公司', creditCode: '91620100MA0K****', legalRepresentative: '王某', penaltyCategory: '罚款', fineAmount: '10000元' }), 'https://gs.example/decisions/d1');
    expect(row['行政相对人名称']).toBe('某某公司');
    expect(row['行政相对人类别']).toBe('法人及非法人组织');
    expect(row['罚款金额（万元）']).toBe('1');
    expect(row['处罚决定日期']).toBe('2026/02/10');
    expect(row['备注']).toMatch(/^公示页面：https:\/\/gs\.example\/decisions\/d1；数据项不完整：/);
  });

  it('NAT-15: a fine whose amount is not a plain number is flagged, not guessed', () => {
    const row = creditRowOfPublic(decision({ partyName: '赵某', penaltyCategory: '罚款', fineAmount: '贰万元' }), 'u');
    expect(row['罚款金额（万元）']).toBe('');
    expect(row['行政相对人类别']).toBe('自然人');
    expect(row['备注']).toContain('数据项不完整');
  });
});
