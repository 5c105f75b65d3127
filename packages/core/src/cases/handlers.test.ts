import { describe, expect, it } from 'vitest';
import { type HandlerOfficer, checkHandlers } from './handlers.js';

const cert = (number: string, validTo = '2027-12-31', status: 'valid' | 'suspended' | 'revoked' = 'valid') => ({ number, validFrom: '2024-01-01', validTo, status });
const zhang: HandlerOfficer = { id: 'o1', name: '张三', certificate: cert('14010020001') };
const li: HandlerOfficer = { id: 'o2', name: '李四', certificate: cert('14010020002') };

function reasons(officers: HandlerOfficer[], today = '2026-03-02'): string[] {
  const r = checkHandlers(officers, today);
  return r.ok ? [] : r.missing.map((m) => m.reason);
}

describe('ORG-2 · handlers: at least two officers with valid certificates', () => {
  it('行政处罚法 Art 42: two officers with valid certificates may act', () => {
    expect(checkHandlers([zhang, li], '2026-03-02')).toEqual({ ok: true });
  });
  it.each([
    ['行政处罚法 Art 42: one officer is not enough', [zhang], ['执法人员不得少于2人，当前 1 人']],
    ['行政处罚法 Art 42: the same officer twice counts once', [zhang, zhang], ['执法人员不得少于2人，当前 1 人']],
    ['ORG-2 · SX19-L 11(一): expired certificate refused', [zhang, { ...li, certificate: cert('14010020002', '2026-03-01') }], ['李四 的执法证 14010020002 已于 2026-03-01 过期，不能从事执法活动']],
    ['ORG-2 · GS-P 5(二): suspended certificate refused', [zhang, { ...li, certificate: cert('14010020002', '2027-12-31', 'suspended') }], ['李四 的执法证 14010020002 已暂扣，不能从事执法活动']],
    ['ORG-2: an officer without a certificate is refused', [zhang, { ...li, certificate: null }], ['李四 未登记执法证，不能从事执法活动']],
    [
      'ORG-2: a third officer with an expired certificate is still refused (each listed handler must be valid)',
      [zhang, li, { id: 'o3', name: '王五', certificate: cert('14010020003', '2025-12-31') }],
      ['王五 的执法证 14010020003 已于 2025-12-31 过期，不能从事执法活动'],
    ],
    ['no officers at all', [], ['执法人员不得少于2人，当前 0 人']],
  ] as [string, HandlerOfficer[], string[]][])('%s', (_name, officers, expected) => {
    expect(reasons(officers)).toEqual(expected);
  });
  it('ORG-2: the certificate is valid on its last day', () => {
    expect(checkHandlers([zhang, { ...li, certificate: cert('14010020002', '2026-03-02') }], '2026-03-02')).toEqual({ ok: true });
  });
  it('reasons carry the basis', () => {
    const r = checkHandlers([zhang], '2026-03-02');
    expect(!r.ok && r.missing[0]?.basis).toBe('行政处罚法 第四十二条；行政强制法 第十八条（二）');
  });
});
