/**
 * 执法证 officer certificates (ORG-2 · SX19-P 10(三); GS-P 5(二); SX19-L 11(一)):
 * only officers with a valid certificate may act.
 */
export interface Certificate {
  number: string;
  validFrom: string; // YYYY-MM-DD
  validTo: string; // YYYY-MM-DD
  status: 'valid' | 'suspended' | 'revoked';
}

export type CertificateState = { valid: true } | { valid: false; reason: string };

/** ORG-2: whether a certificate allows its holder to act on `today` (YYYY-MM-DD, China time). */
export function certificateState(c: Certificate, today: string): CertificateState {
  if (c.status === 'revoked') return { valid: false, reason: '已吊销' };
  if (c.status === 'suspended') return { valid: false, reason: '已暂扣' };
  if (today < c.validFrom) return { valid: false, reason: `尚未生效（${c.validFrom} 起有效）` };
  if (today > c.validTo) return { valid: false, reason: `已于 ${c.validTo} 过期` };
  return { valid: true };
}
