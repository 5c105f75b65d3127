import { describe, expect, it } from 'vitest';
import { checkAdvance } from './advance.js';
import { type AvException, avCoverage, avExceptionFilingProblems, avExceptionProblems } from './av-exceptions.js';
import { completeCase, inputFor } from './fixtures.js';
import type { CaseSnapshot } from './snapshot.js';

const approved = { approved: true, by: 'u-head', byName: '局长', at: '2026-04-20T10:00:00+08:00' };

const interruption: AvException = {
  id: 'x1',
  kind: 'interruption',
  situations: ['seal'],
  reason: 'deviceFault',
  explanation: '执法记录仪电池突发故障，备用设备未能及时到场，查封过程以现场笔录记载。',
  approval: approved,
};

const stopForWitness: AvException = {
  id: 'x2',
  kind: 'permittedStop',
  situations: ['seal'],
  reason: 'witnessRequest',
  explanation: '证人以人身安全为由书面要求停止录像，经现场负责人同意后停止。',
  signedRequestRef: 'media-photo-of-request',
  approval: approved,
};

function gateOf(c: CaseSnapshot): string[] {
  const r = checkAdvance(inputFor(c, 'investigation', 'SX25'));
  return r.ok ? [] : r.missing.map((m) => m.id ?? m.label);
}

const sealCase = (avRecords: CaseSnapshot['avRecords']): CaseSnapshot => ({ ...completeCase('coercion'), avRecords });

describe('REC-6 · SX25-R 12(一): 查封 without a recording blocks the investigation stage', () => {
  it('no recording and no exception: blocked', () => {
    expect(gateOf(sealCase(avCoverage([], [])))).toContain('av.investigation.seal');
  });
  it('a recording covering 查封 passes', () => {
    expect(gateOf(sealCase(avCoverage([{ id: 'm1', situations: ['seal', 'onSiteInspection'] }], [])))).not.toContain('av.investigation.seal');
  });
  it('a recording of another situation does not', () => {
    expect(gateOf(sealCase(avCoverage([{ id: 'm1', situations: ['inquiry'] }], [])))).toContain('av.investigation.seal');
  });
});

describe('REC-11 · SX25-R 17 / REC-12 · XX-R 11: approved exceptions stand in for the recording', () => {
  it.each([
    ['REC-11 · SX25-R 17: an approved interruption note passes the gate', interruption, false],
    ['REC-12 · XX-R 11: a permitted stop with the signed request and the leader’s approval passes', stopForWitness, false],
    ['REC-11: an interruption note still awaiting approval does not', { ...interruption, approval: null }, true],
    ['REC-12: a refused stop does not', { ...stopForWitness, approval: { ...approved, approved: false } }, true],
    ['REC-12 · XX-R 11: a witness’s request without the signed request does not, even approved', { ...stopForWitness, signedRequestRef: null }, true],
    ['REC-11: an explanation that says nothing does not', { ...interruption, explanation: '故障' }, true],
    ['an exception for another situation does not', { ...interruption, situations: ['sampling'] as const }, true],
  ] as const)('%s', (_name, exception, blocked) => {
    expect(gateOf(sealCase(avCoverage([], [exception]))).includes('av.investigation.seal')).toBe(blocked);
  });

  it('REC-12 · XX-R 11: public transport needs no signed request', () => {
    expect(avExceptionProblems({ ...stopForWitness, reason: 'publicTransport', signedRequestRef: null })).toEqual([]);
  });

  it('a reason of the wrong kind is refused with the basis', () => {
    const p = avExceptionFilingProblems({ ...interruption, reason: 'publicTransport' });
    expect(p.map((m) => m.label)).toEqual(['原因']);
    expect(p[0]?.basis).toContain('SX25-R 第十七条');
  });

  it('a pending exception names what it waits for', () => {
    expect(avExceptionProblems({ ...interruption, approval: null }).map((m) => m.reason)).toEqual(['尚待分管领导审批']);
  });

  it('counting exceptions appear as AV records with a recognisable id', () => {
    expect(avCoverage([{ id: 'm1', situations: ['inquiry'] }], [interruption, { ...stopForWitness, approval: null }])).toEqual([
      { id: 'm1', situations: ['inquiry'] },
      { id: 'exception:x1', situations: ['seal'] },
    ]);
  });
});
