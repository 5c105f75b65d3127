import { describe, expect, it } from 'vitest';
import { seedCalendar } from '../calendar/index.js';
import { resolveProfile } from '../profiles/resolve.js';
import {
  activeHoldsOn,
  archiveClassOf,
  blobDisposition,
  disposalApprovalBlockers,
  disposalRequestBlockers,
  disposalStatus,
  earliestDisposal,
  holdCovers,
  retentionClassOf,
  retentionPassed,
  type DisposalFacts,
} from './retention.js';

const calendar = seedCalendar();
const xx = resolveProfile('XX19');
const gs = resolveProfile('GS19');

describe('REC-18 · XX-R 16, 10; GS-R 43: retention class of a recording', () => {
  it.each([
    ['XX-R 16: routine footage at least 12 months', xx, { evidence: false, situations: [] }, 'routine'],
    ['XX-R 16: footage used as evidence goes with the case file', xx, { evidence: true, situations: [] }, 'caseFile'],
    ['XX-R 10: obstruction of officers is kept long-term', xx, { evidence: true, situations: ['obstructionOrAbuse'] }, 'longTerm'],
    ['GS-R 43: evidence as long as the case file', gs, { evidence: true, situations: [] }, 'caseFile'],
  ] as const)('%s', (_name, profile, input, cls) => {
    expect(retentionClassOf(profile, { evidence: input.evidence, situations: [...input.situations] }).cls).toBe(cls);
  });
});

describe('REC-18 · NAT-19: earliest disposal date', () => {
  const base = { profile: xx, calendar, recordedEnd: new Date('2026-03-01T02:00:00Z'), archiveClass: 'years10' as const };
  it('nothing of an open case is disposed of', () => {
    expect(earliestDisposal({ ...base, cls: 'routine', caseState: 'investigation' })).toEqual({ earliest: null, label: '案件归档后确定（不早于 2027-03-01）' });
  });
  it('XX-R 16: routine AV of an archived case — 12 months after recording, not before archiving', () => {
    expect(earliestDisposal({ ...base, cls: 'routine', caseState: 'archived', archivedOn: '2026-04-10' }).earliest).toBe('2027-03-01');
    expect(earliestDisposal({ ...base, cls: 'routine', caseState: 'archived', archivedOn: '2027-06-01' }).earliest).toBe('2027-06-01');
  });
  it('NAT-19: evidence follows the case file’s class from 1 January after archiving; permanent never', () => {
    expect(earliestDisposal({ ...base, cls: 'caseFile', caseState: 'archived', archivedOn: '2026-04-10' }).earliest).toBe('2037-01-01');
    expect(earliestDisposal({ ...base, cls: 'caseFile', caseState: 'archived', archivedOn: '2026-04-10', archiveClass: 'permanent' }).earliest).toBeNull();
    expect(earliestDisposal({ ...base, cls: 'longTerm', caseState: 'archived', archivedOn: '2026-04-10' })).toEqual({ earliest: null, label: '长期保存' });
  });
  it('NAT-19: default archive classes — major permanent, penalty 30 years, inspection 10 years; agency mapping wins', () => {
    expect(archiveClassOf('penalty', { majorDecision: true } as never, {})).toBe('permanent');
    expect(archiveClassOf('penalty', {} as never, {})).toBe('years30');
    expect(archiveClassOf('inspection', {} as never, {})).toBe('years10');
    expect(archiveClassOf('inspection', {} as never, { archiveClasses: { inspection: 'years30' } })).toBe('years30');
  });
});

describe('REC-18 · REC-16 · SX25-R 22: retention passed only on or after the earliest day', () => {
  it.each([
    [null, '2099-01-01', false],
    ['2027-03-01', '2027-02-28', false],
    ['2027-03-01', '2027-03-01', true],
    ['2027-03-01', '2028-01-01', true],
  ] as const)('earliest %s, today %s → %s', (earliest, today, passed) => {
    expect(retentionPassed(earliest, today)).toBe(passed);
  });
});

describe('REC-18 · GS-R 43 ¶3: litigation holds', () => {
  const holds = [
    { id: 'h1', mediaId: null, reason: '行政诉讼（2027）晋0105行初1号', released: false },
    { id: 'h2', mediaId: 'm2', reason: '复议', released: false },
    { id: 'h3', mediaId: 'm1', reason: '已结案', released: true },
  ];
  it('a case-wide hold covers every file; a file hold only its file; a released hold none', () => {
    expect(holdCovers(holds[0]!, 'm9')).toBe(true);
    expect(holdCovers(holds[1]!, 'm1')).toBe(false);
    expect(activeHoldsOn(holds, 'm1').map((h) => h.id)).toEqual(['h1']);
    expect(activeHoldsOn(holds, 'm2').map((h) => h.id)).toEqual(['h1', 'h2']);
    expect(activeHoldsOn(holds.slice(1), 'm1')).toEqual([]);
  });
});

describe('REC-18 · SX25-R 22: who may ask, who may approve a disposal', () => {
  const passed: DisposalFacts = { earliest: '2027-03-01', earliestLabel: '日常音像记录保存12个月', today: '2027-03-02', activeHolds: [], disposed: false, pending: false };
  it('after the retention date, with no hold and nothing pending: may be asked', () => {
    expect(disposalRequestBlockers(passed)).toEqual([]);
    expect(disposalStatus(passed)).toBe('disposable');
  });
  it('before the date: refused, naming the date', () => {
    const early = { ...passed, today: '2027-02-28' };
    expect(disposalRequestBlockers(early)).toEqual([{ code: 'retention', reason: '保存期限至 2027-03-01 方届满（日常音像记录保存12个月）' }]);
    expect(disposalStatus(early)).toBe('retained');
    expect(disposalRequestBlockers({ ...passed, earliest: null, earliestLabel: '长期保存' })[0]!.reason).toBe('保存期限未届满（长期保存）');
  });
  it('GS-R 43 ¶3: a hold blocks, whatever the date', () => {
    const held = { ...passed, activeHolds: [{ reason: '行政诉讼未结' }] };
    expect(disposalRequestBlockers(held).map((b) => b.code)).toEqual(['hold']);
    expect(disposalRequestBlockers(held)[0]!.reason).toContain('GS-R 第四十三条第三款');
    expect(disposalStatus(held)).toBe('held');
  });
  it('one request at a time; a disposed file is final', () => {
    expect(disposalRequestBlockers({ ...passed, pending: true }).map((b) => b.code)).toEqual(['pending']);
    expect(disposalStatus({ ...passed, pending: true })).toBe('pending');
    expect(disposalRequestBlockers({ ...passed, disposed: true }).map((b) => b.code)).toEqual(['disposed']);
    expect(disposalStatus({ ...passed, disposed: true, activeHolds: [{ reason: 'x' }] })).toBe('disposed');
  });
  it('approval: another person, and the conditions hold again on the day of the decision', () => {
    const base = { ...passed, requestedBy: 'u-keeper', approverId: 'u-head' };
    expect(disposalApprovalBlockers(base)).toEqual([]);
    expect(disposalApprovalBlockers({ ...base, approverId: 'u-keeper' }).map((b) => b.code)).toEqual(['samePerson']);
    expect(disposalApprovalBlockers({ ...base, activeHolds: [{ reason: '新提起的诉讼' }] }).map((b) => b.code)).toEqual(['hold']);
  });
});

describe('REC-18 · NAT-18: shared stored bytes are deleted only with the last live reference', () => {
  it.each([
    [{ otherLiveReferences: 0, pendingUploads: 0 }, true],
    [{ otherLiveReferences: 1, pendingUploads: 0 }, false],
    [{ otherLiveReferences: 0, pendingUploads: 1 }, false],
  ])('%o → delete bytes: %s', (input, del) => {
    expect(blobDisposition(input).deleteBytes).toBe(del);
  });
});
