import { describe, expect, it } from 'vitest';
import { certificateState } from './officer.js';

const base = { number: '14010020001', validFrom: '2024-01-01', validTo: '2026-12-31', status: 'valid' as const };

describe('ORG-2 · SX19-P 10(三): only a valid certificate lets an officer act', () => {
  it('valid inside its dates, including the last day', () => {
    expect(certificateState(base, '2026-12-31')).toEqual({ valid: true });
  });
  it('expired the day after valid_to', () => {
    expect(certificateState(base, '2027-01-01')).toEqual({ valid: false, reason: '已于 2026-12-31 过期' });
  });
  it('not yet valid', () => {
    expect(certificateState(base, '2023-12-31').valid).toBe(false);
  });
  it('suspended and revoked certificates are refused whatever the dates', () => {
    expect(certificateState({ ...base, status: 'suspended' }, '2025-06-01')).toEqual({ valid: false, reason: '已暂扣' });
    expect(certificateState({ ...base, status: 'revoked' }, '2025-06-01')).toEqual({ valid: false, reason: '已吊销' });
  });
});
