import { describe, expect, it } from 'vitest';
import { BUILT_IN_DOCUMENT_KINDS, type DocumentKindKey } from '../records/catalogue.js';
import { checkActDate, checkDocumentAct, type DocumentAct } from './document-gate.js';
import { completeCase, docOf, inputFor, servedDirect } from './fixtures.js';
import type { CaseSnapshot } from './snapshot.js';
import type { CaseStage } from './stages.js';

const kind = (k: DocumentKindKey) => BUILT_IN_DOCUMENT_KINDS[k];

function act(snapshot: CaseSnapshot, stage: CaseStage, k: DocumentKindKey, a: DocumentAct, today?: string) {
  return checkDocumentAct({ ...inputFor(snapshot, stage, 'SX25', today), kind: kind(k), act: a });
}

function ids(r: ReturnType<typeof checkDocumentAct>): string[] {
  return r.ok ? [] : r.missing.map((m) => m.id ?? m.label);
}

/** A penalty case at 审核决定 with everything before the decision, and the decision still a draft. */
function readyForDecision(): CaseSnapshot {
  const c = completeCase('penalty');
  const later = new Set(['penaltyDecision', 'reminderNotice', 'courtEnforcementApplication', 'releaseDecision', 'closingApproval']);
  const documents = (c.documents ?? []).filter((d) => !later.has(d.kind));
  return { ...c, documents: [...documents, docOf('penaltyDecision', {}, 'draft')], services: (c.services ?? []).filter((s) => !later.has(s.documentId)) };
}

describe('issue 11 · documents bound to stages (REC-3..REC-5 · GS-R 8)', () => {
  it('REC-1 · SX25-R 7: a penalty decision cannot be drafted on a case filed a moment ago; the refusal names the stage and what must come first', () => {
    const filed: CaseSnapshot = { ...completeCase('penalty'), documents: [], services: [], decisionRecords: {} };
    const r = act(filed, 'initiation', 'penaltyDecision', 'draft');
    expect(r.ok).toBe(false);
    const reason = r.ok ? '' : r.missing[0]!.reason;
    expect(reason).toContain('案件处于“启动”阶段，行政处罚决定书在“调查取证”阶段制作');
    expect(reason).toContain('立案审批表（已签署）（尚未制作）');
  });

  it('SX19-L 10: the draft decision may be written during the investigation (it goes to legal review), but signed or issued only at 审核决定', () => {
    const c = readyForDecision();
    expect(act(c, 'investigation', 'penaltyDecision', 'draft').ok).toBe(true);
    expect(act(c, 'investigation', 'penaltyDecision', 'issue')).toMatchObject({ ok: false, missing: [{ kind: 'stage' }] });
  });

  it('a record of an earlier stage is refused once the case has moved past it; investigation records may be added while the decision is prepared', () => {
    const c = readyForDecision();
    expect(act(c, 'decision', 'filingApproval', 'sign')).toMatchObject({ ok: false, missing: [{ kind: 'stage', reason: '案件已进入“审核决定”阶段，立案审批表只能在“启动”阶段签署' }] });
    expect(act(c, 'decision', 'inquiryRecord', 'draft').ok).toBe(true);
    expect(act(c, 'serviceExecution', 'inquiryRecord', 'draft').ok).toBe(false);
    expect(act(c, 'decision', 'closingApproval', 'draft').ok).toBe(false);
    expect(act(c, 'serviceExecution', 'closingApproval', 'sign').ok).toBe(true);
    expect(act(c, 'decision', 'serviceReceipt', 'draft').ok).toBe(true);
  });

  it('a complete case may issue its decision', () => {
    expect(act(readyForDecision(), 'decision', 'penaltyDecision', 'issue')).toEqual({ ok: true });
  });
});

describe('issue 11 · the order of 行政处罚法 before a penalty decision: each gate refused, then passed once the step is done', () => {
  const c = readyForDecision();
  const without = (kinds: string[]): CaseSnapshot => ({ ...c, documents: (c.documents ?? []).filter((d) => !kinds.includes(d.kind)) });
  const cases: [string, string, CaseSnapshot][] = [
    ['NAT-20 · 行政处罚法 Art 44: 告知 of the intended penalty not made', 'penalty.decision.priorNotice', without(['penaltyNotice'])],
    ['NAT-20 · 行政处罚法 Art 44: 告知 made but not served', 'penalty.decision.priorNotice', { ...c, services: (c.services ?? []).filter((s) => s.documentId !== 'penaltyNotice') }],
    ['NAT-20 · 行政处罚法 Art 45: the statement made but not recorded', 'penalty.decision.statementPeriod', without(['statementRecord'])],
    ['NAT-4 · 行政处罚法 Art 63: the hearing right not notified', 'penalty.decision.hearingNotice', without(['hearingNotice', 'penaltyNotice'])],
    ['NAT-4 · 行政处罚法 Art 64(八): a hearing asked for but no 听证笔录', 'penalty.decision.hearingRecord', without(['hearingRecord'])],
    ['NAT-4 · 行政处罚法 Art 64(二): a hearing asked for but no 听证通知书', 'penalty.decision.hearingSummons', without(['hearingSummons'])],
    ['REC-4 · GS-R 8: no approval by the agency head', 'penalty.decision.approval', { ...c, decisionRecords: { ...c.decisionRecords, approval: undefined } }],
  ];
  it.each(cases)('%s → refused (%s); with the step done → passes', (_name, id, broken) => {
    const refused = act(broken, 'decision', 'penaltyDecision', 'issue');
    expect(ids(refused)).toContain(id);
    expect(act(c, 'decision', 'penaltyDecision', 'issue').ok).toBe(true);
    // Drafting is allowed meanwhile: only signing and issuing wait.
    expect(act(broken, 'decision', 'penaltyDecision', 'draft').ok).toBe(true);
  });

  it('NAT-20 · 行政处罚法 Art 45: without a statement, the decision waits until the period after the 告知 has passed (5 working days under the default)', () => {
    // 告知 served Friday 2026-03-20 (fixture) → 5 working days → Friday 2026-03-27.
    const silent: CaseSnapshot = { ...without(['statementRecord']), flags: { ...c.flags, statementMade: false } };
    const early = act(silent, 'decision', 'penaltyDecision', 'issue', '2026-03-27');
    expect(early.ok ? '' : early.missing.find((m) => m.id === 'penalty.decision.statementPeriod')?.reason).toBe(
      '当事人可在 2026-03-27 前陈述、申辩；期限届满或者听取并记录陈述、申辩后，方可作出处罚决定',
    );
    expect(act(silent, 'decision', 'penaltyDecision', 'issue', '2026-03-30').ok).toBe(true);
  });

  it('NAT-20: the period starts only when the 告知 is served', () => {
    const silent: CaseSnapshot = { ...c, flags: { ...c.flags, statementMade: false }, services: (c.services ?? []).filter((s) => s.documentId !== 'penaltyNotice') };
    const r = act(silent, 'decision', 'penaltyDecision', 'issue', '2026-06-30');
    expect(r.ok ? '' : r.missing.find((m) => m.id === 'penalty.decision.statementPeriod')?.reason).toBe('行政处罚事先告知书尚未送达，陈述、申辩期限尚未起算');
    const served = { ...silent, services: [...(silent.services ?? []), servedDirect('penaltyNotice', '2026-06-01')] };
    expect(act(served, 'decision', 'penaltyDecision', 'issue', '2026-06-30').ok).toBe(true);
  });
});

describe('issue 11 · dates in order', () => {
  const timeline = { filingDate: '2026-03-02', lastRecordDate: '2026-03-10' };
  it('a decision dated before the last investigation record, before filing or after today is refused with the reason', () => {
    const r = checkActDate({ date: '2026-03-09', today: '2026-04-20', timeline, what: '行政处罚决定书签发', isDecision: true });
    expect(r).toMatchObject({ ok: false, missing: [{ reason: '行政处罚决定书签发日期 2026-03-09 早于最后一份调查取证记录的日期 2026-03-10，决定应在调查终结之后作出' }] });
    expect(checkActDate({ date: '2026-03-01', today: '2026-04-20', timeline, what: '签署' }).ok).toBe(false);
    expect(checkActDate({ date: '2026-04-21', today: '2026-04-20', timeline, what: '签署' }).ok).toBe(false);
    expect(checkActDate({ date: '2026-03-10', today: '2026-04-20', timeline, what: '行政处罚决定书签发', isDecision: true }).ok).toBe(true);
  });
  it('a service before the issue of what it serves is refused', () => {
    const r = checkActDate({ date: '2026-03-11', today: '2026-04-20', timeline, what: '送达', notBefore: { date: '2026-03-12', label: '签发日期' } });
    expect(r.ok ? '' : r.missing[0]!.reason).toBe('送达日期 2026-03-11 早于签发日期 2026-03-12');
  });
});
