import { describe, expect, it } from 'vitest';
import type { ProfileId } from '../profiles/types.js';
import { PROFILE_IDS } from '../profiles/types.js';
import { type WithholdingFacts, blocksPublication, isWithheld, withholdingCitations, withholdingReasons } from './withholding.js';

const ORG = { kind: 'organisation' as const, minor: false };
const MINOR = { kind: 'naturalPerson' as const, minor: true };
const ADULT = { kind: 'naturalPerson' as const, minor: false };

const facts = (profile: ProfileId, extra: Partial<WithholdingFacts> = {}): WithholdingFacts => ({ profile, parties: [ORG], ...extra });

describe('PUB-5: automatic withholding', () => {
  const MINOR_BASIS: Record<ProfileId, string> = {
    SX25: 'SX25-P 第十九条（一）',
    SX19: 'SX19-P 第十五条第二款',
    GS19: 'GS-P 第十条（一）',
    XX19: 'XX-P 第十条（一）',
    national: 'MEE19 一',
  };
  it.each(PROFILE_IDS)('PUB-5 · %s: a minor party withholds the decision automatically', (profile) => {
    const r = withholdingReasons({ profile, parties: [MINOR, ORG] });
    expect(r).toEqual([expect.objectContaining({ key: 'minor', label: '当事人属于未成年人', status: 'automatic', automatic: true, basis: MINOR_BASIS[profile] })]);
    expect(isWithheld(r)).toBe(true);
  });

  it('PUB-5 · SX25-P 19(五): a case transferred to the police is withheld automatically', () => {
    const r = withholdingReasons(facts('SX25', { transferredToPolice: true }));
    expect(r[0]).toMatchObject({ key: 'policeTransfer', status: 'automatic', basis: 'SX25-P 第十九条（五）' });
    expect(r[0]?.note).toBeUndefined();
    expect(isWithheld(withholdingReasons(facts('SX25', { underPoliceInvestigation: true })))).toBe(true);
  });

  it('PUB-5 · GS-P 10(四); XX-P 10(四): the police transfer is not named there; the "hinders enforcement" item is cited with a note', () => {
    const gs = withholdingReasons(facts('GS19', { transferredToPolice: true }))[0];
    expect(gs).toMatchObject({ status: 'automatic', basis: 'GS-P 第十条（四）' });
    expect(gs?.note).toContain('未单列移送公安情形');
    expect(withholdingReasons(facts('XX19', { transferredToPolice: true }))[0]?.basis).toBe('XX-P 第十条（四）');
  });

  it('an adult or organisation without police involvement has no automatic reason', () => {
    expect(withholdingReasons({ profile: 'SX25', parties: [ADULT, ORG] })).toEqual([]);
  });
});

describe('PUB-5, PUB-6: reasons chosen by staff need approval (PUB-1 · SX25-P 7)', () => {
  it('PUB-5: a staff reason without approval is pending and blocks publication without withholding yet', () => {
    const r = withholdingReasons(facts('SX25', { staffReasons: [{ reason: 'hindersInvestigation' }] }));
    expect(r[0]).toMatchObject({ key: 'hindersInvestigation', status: 'pendingApproval', automatic: false, basis: 'SX25-P 第十九条（四）' });
    expect(isWithheld(r)).toBe(false);
    expect(blocksPublication(r)).toBe(true);
  });

  it('PUB-5: an approved reason withholds, with who approved', () => {
    const r = withholdingReasons(facts('GS19', { staffReasons: [{ reason: 'stateSecret', approvedBy: '审核员 李四', approvedOn: '2026-03-02' }] }));
    expect(r[0]).toMatchObject({ status: 'approved', basis: 'GS-P 第十条（二）', note: '审核员 李四于2026-03-02批准' });
    expect(isWithheld(r)).toBe(true);
  });

  it('PUB-6 · SX25-P 20: process information and case files may be withheld under SX25; elsewhere no document names them', () => {
    expect(withholdingReasons(facts('SX25', { staffReasons: [{ reason: 'processInformation', approvedBy: '张三' }] }))[0]?.basis).toBe('SX25-P 第二十条');
    const gs = withholdingReasons(facts('GS19', { staffReasons: [{ reason: 'caseFile', approvedBy: '张三' }] }))[0];
    expect(gs?.citations).toEqual([]);
    expect(gs?.note).toContain('须有其他法律依据');
  });

  it('PUB-5 · SX25-P 19 第二款: third-party consent overrides privacy and commercial secrets, not state secrets', () => {
    const r = withholdingReasons(
      facts('SX25', {
        staffReasons: [
          { reason: 'privacy', approvedBy: '张三' },
          { reason: 'commercialSecret', approvedBy: '张三' },
          { reason: 'stateSecret', approvedBy: '张三' },
        ],
        publicationAllowed: { ground: 'thirdPartyConsent', approvedBy: '局长 王五' },
      }),
    );
    expect(r.map((x) => [x.key, x.status])).toEqual([
      ['privacy', 'overridden'],
      ['commercialSecret', 'overridden'],
      ['stateSecret', 'approved'],
    ]);
    expect(r[0]?.note).toContain('作适当处理后公开');
    expect(isWithheld(r.slice(0, 2))).toBe(false);
  });

  it('citations fall back along the chain: SX25 → SX19 → national', () => {
    expect(withholdingCitations('securityOrStability', 'SX19').map((c) => c.doc)).toEqual(['SX19-P']);
    expect(withholdingCitations('privacy', 'XX19').map((c) => c.doc)).toEqual(['MEE19']);
    expect(withholdingCitations('otherUnsuitable', 'XX19')[0]).toMatchObject({ doc: 'XX-P', article: '10', item: '（五）' });
  });
});
