import { describe, expect, it } from 'vitest';
import type { ProfileId } from '../profiles/types.js';
import { type AdvanceCheck, advanceCase, checkAdvance } from './advance.js';
import { stageChecklist } from './checklist.js';
import { describeStageRequirements } from './requirement-table.js';
import { CONDITIONS, conditionsHold } from './conditions.js';
import { type Variant, VARIANTS, completeCase, docOf, inputFor, profile, servedDirect } from './fixtures.js';
import { STAGE_REQUIREMENTS, type StageRequirement } from './requirements.js';
import type { CaseSnapshot } from './snapshot.js';
import { CASE_STAGES, type CaseStage, nextStage } from './stages.js';

function missingIds(r: AdvanceCheck): string[] {
  return r.ok ? [] : r.missing.map((m) => m.id ?? m.label);
}

function reasonOf(r: AdvanceCheck, id: string): string | undefined {
  return r.ok ? undefined : r.missing.find((m) => m.id === id)?.reason;
}

const PROFILES: ProfileId[] = ['SX25', 'GS19'];

describe('REC-3..REC-5: a complete case passes every gate, under every profile', () => {
  const rows = VARIANTS.flatMap((v) => PROFILES.flatMap((p) => CASE_STAGES.map((s) => [v, p, s] as const)));
  it.each(rows)('%s under %s leaves %s', (variant, profileId, stage) => {
    const r = checkAdvance(inputFor(completeCase(variant), stage, profileId));
    expect(missingIds(r)).toEqual([]);
    expect(r).toEqual({ ok: true, from: stage, to: nextStage(stage) });
  });
});

/** Takes away what satisfies a row. */
function breakRow(c: CaseSnapshot, row: StageRequirement): CaseSnapshot | null {
  const need = row.need;
  switch (need.type) {
    case 'document': {
      const kinds: string[] = need.anyOf.map((a) => a.kind);
      const gone = new Set((c.documents ?? []).filter((d) => kinds.includes(d.kind)).map((d) => d.id));
      return { ...c, documents: (c.documents ?? []).filter((d) => !gone.has(d.id)), services: (c.services ?? []).filter((s) => !gone.has(s.documentId)) };
    }
    case 'decisionRecord': {
      const records = { ...c.decisionRecords };
      delete records[need.part];
      return { ...c, decisionRecords: records };
    }
    case 'handlers':
      return { ...c, handlers: (c.handlers ?? []).slice(0, 1) };
    case 'caseSource':
      return { ...c, source: c.source === 'application' ? 'complaint' : 'application' };
    case 'flag':
      return { ...c, flags: { ...c.flags, [need.flag]: false } };
    case 'documentField':
      return { ...c, documents: (c.documents ?? []).map((d) => (d.kind === need.kind ? { ...d, fields: { ...d.fields, [need.field]: false } } : d)) };
    case 'noDrafts':
      return { ...c, documents: [...(c.documents ?? []), { id: 'draft-1', kind: 'inquiryRecord', status: 'draft' }] };
    case 'allIssuedServed':
      return { ...c, documents: [...(c.documents ?? []), { ...docOf('hearingSummons'), id: 'unserved', documentId: 'unserved' }] };
    default:
      return null; // hearingPeriod, summaryAllowed: tested on their own below
  }
}

describe('REC-3..REC-5 · every stage gate per action type: removing what a row needs closes that gate', () => {
  const rows: [string, string, string, Variant, CaseStage, StageRequirement][] = [];
  for (const variant of VARIANTS) {
    const c = completeCase(variant);
    for (const row of STAGE_REQUIREMENTS) {
      if (!row.actionTypes.includes(c.actionType)) continue;
      const ctx = { snapshot: { ...c, state: row.stage }, profile: profile('SX25') };
      if (!conditionsHold(row.when, ctx) || breakRow(c, row) === null) continue;
      rows.push([row.requirement, row.citations.map((x) => `${x.doc} ${x.article}`).join(', '), `${variant}: ${row.id}`, variant, row.stage, row]);
    }
  }
  it('the table is covered for every action type and stage', () => {
    const uncovered = VARIANTS.flatMap((v) => CASE_STAGES.filter((s) => !rows.some((r) => r[3] === v && r[4] === s)).map((s) => `${v}/${s}`));
    expect(uncovered).toEqual([]);
  });
  it.each(rows)('%s · %s · %s', (_req, _basis, _label, variant, stage, row) => {
    const broken = breakRow(completeCase(variant), row) as CaseSnapshot;
    const r = checkAdvance(inputFor(broken, stage));
    expect(missingIds(r)).toContain(row.id);
  });
});

describe('REC-3 · GS-R 7: initiation', () => {
  it('a penalty case without the 立案审批表 cannot start the investigation, and says so', () => {
    const c = completeCase('penalty');
    const r = checkAdvance(inputFor({ ...c, documents: c.documents?.filter((d) => d.kind !== 'filingApproval') }, 'initiation'));
    expect(r).toEqual({
      ok: false,
      missing: [{ kind: 'document', label: '立案审批表（已签署）', reason: '尚未制作', id: 'penalty.initiation.filing', basis: '《生态环境行政处罚办法》第十八条' }],
    });
  });
  it('a 立案审批表 still in draft is not enough', () => {
    const c = completeCase('penalty');
    const docs = c.documents?.map((d) => (d.kind === 'filingApproval' ? { ...d, status: 'draft' as const } : d));
    expect(reasonOf(checkAdvance(inputFor({ ...c, documents: docs }, 'initiation')), 'penalty.initiation.filing')).toBe('立案审批表草稿，尚未签署');
  });
  it('REC-3 · GS-R 16: a permit application ends in acceptance or non-acceptance, served', () => {
    const c = completeCase('permit');
    const notAccepted = { ...c, documents: [...(c.documents ?? []).filter((d) => d.kind !== 'acceptanceNotice'), docOf('nonAcceptanceDecision')], services: [...(c.services ?? []), servedDirect('nonAcceptanceDecision')] };
    expect(checkAdvance(inputFor(notAccepted, 'initiation')).ok).toBe(true);
    const unserved = { ...c, services: (c.services ?? []).filter((s) => s.documentId !== 'acceptanceNotice') };
    expect(reasonOf(checkAdvance(inputFor(unserved, 'initiation')), 'application.initiation.acceptance')).toBe('受理通知书尚未送达');
  });
  it('a not-accepted application needs no decision-stage records', () => {
    const c = { ...completeCase('permit'), decisionRecords: {}, flags: { notAccepted: true } };
    const docs = (c.documents ?? []).filter((d) => d.kind !== 'permitDecision');
    expect(checkAdvance(inputFor({ ...c, documents: docs }, 'decision'))).toMatchObject({ ok: true });
  });
});

describe('ORG-2 · handlers at the investigation gates', () => {
  it('ORG-2 · SX19-L 11(一): an expired certificate refuses the gate with the reason', () => {
    const c = completeCase('inspection');
    const handlers = [c.handlers![0]!, { ...c.handlers![1]!, certificate: { ...c.handlers![1]!.certificate!, validTo: '2026-04-19' } }];
    expect(reasonOf(checkAdvance(inputFor({ ...c, handlers }, 'investigation')), 'investigating.investigation.handlers')).toBe(
      '李四 的执法证 14010020002 已于 2026-04-19 过期，不能从事执法活动',
    );
  });
  it('DUR-1: a record showing a certificate that has since expired still passes if it was valid that day; a record made with an expired one does not', () => {
    const c = completeCase('inspection');
    const expiredBefore = [c.handlers![0]!, { ...c.handlers![1]!, certificate: { ...c.handlers![1]!.certificate!, validTo: '2026-03-01' } }];
    // The inspection record was made on 2026-03-02 (sample), after expiry.
    const r = checkAdvance(inputFor({ ...c, handlers: expiredBefore }, 'investigation'));
    expect(reasonOf(r, 'inspection.investigation.onSite')).toContain('李四 的执法证 14010020002 已于 2026-03-01 过期');
  });
});

describe('REC-4 · NAT-7: the decision gate', () => {
  it('NAT-7 · 行政处罚法 Art 59: an issued decision without the seal does not pass', () => {
    const c = completeCase('penalty');
    const docs = c.documents?.map((d) => (d.kind === 'penaltyDecision' ? docOf('penaltyDecision', { sealAffixed: false }) : d));
    expect(reasonOf(checkAdvance(inputFor({ ...c, documents: docs }, 'decision')), 'penalty.decision.penaltyDecision')).toBe(
      '行政处罚决定书内容不完整：已加盖机关印章：须确认',
    );
  });
  it('REV-1 · SX19-L 5: a major decision without a passed legal review does not pass', () => {
    const c = completeCase('penalty');
    const r = checkAdvance(inputFor({ ...c, decisionRecords: { ...c.decisionRecords, legalReview: { reviewId: 'rev-1', outcome: 'pending' } } }, 'decision'));
    expect(reasonOf(r, 'all.decision.legalReview')).toBe('法制审核结论为“审核中”，未通过，不得作出决定');
  });
  it('a case that is not major needs no legal review or collective discussion', () => {
    const c = completeCase('penalty');
    const r = checkAdvance(inputFor({ ...c, flags: { ...c.flags, majorDecision: false, collectiveDiscussionRequired: false }, decisionRecords: { ...c.decisionRecords, legalReview: undefined, collectiveDiscussion: undefined } }, 'decision'));
    expect(r.ok).toBe(true);
  });
});

describe('NAT-4 · 行政处罚法 Art 64(一): no decision before the hearing-request period ends', () => {
  // Hearing notice served Friday 2026-03-20; 5 working days → Friday 2026-03-27.
  function caseWith(issueDate: string, flags: Partial<NonNullable<CaseSnapshot['flags']>> = {}): CaseSnapshot {
    const c = completeCase('penalty');
    const docs = c.documents?.filter((d) => !['hearingSummons', 'hearingRecord'].includes(d.kind)).map((d) => (d.kind === 'penaltyDecision' ? docOf('penaltyDecision', { issueDate }) : d));
    return { ...c, documents: docs, flags: { ...c.flags, hearingRequested: false, ...flags } };
  }
  it('a decision issued within the period is refused, naming the last day', () => {
    expect(reasonOf(checkAdvance(inputFor(caseWith('2026-03-27'), 'decision')), 'penalty.decision.hearingPeriod')).toBe(
      '当事人可在 2026-03-27 前要求听证；期限届满、当事人书面放弃或者举行听证后，方可作出处罚决定',
    );
  });
  it('a decision after the period passes', () => {
    expect(checkAdvance(inputFor(caseWith('2026-03-30'), 'decision')).ok).toBe(true);
  });
  it('a written waiver allows an earlier decision', () => {
    expect(checkAdvance(inputFor(caseWith('2026-03-23', { hearingWaived: true }), 'decision')).ok).toBe(true);
  });
  it('no hearing right (a small fine) — no hearing notice or period', () => {
    const c = caseWith('2026-03-21');
    const r = checkAdvance(inputFor({ ...c, proposedPenalty: { types: ['fine'], fineAmount: 50_000 }, documents: c.documents?.filter((d) => d.kind !== 'hearingNotice') }, 'decision'));
    expect(r.ok).toBe(true);
  });
});

describe('NAT-12 · 行政处罚法 Art 51: summary procedure', () => {
  it('a fine over the on-the-spot limit cannot go through the summary procedure', () => {
    const c = completeCase('penaltySummary');
    const r = checkAdvance(inputFor({ ...c, proposedPenalty: { types: ['fine'], fineAmount: 500 } }, 'decision'));
    expect(reasonOf(r, 'penalty.decision.summaryAllowed')).toBe('罚款 500 元超过简易程序上限（公民 200 元以下）');
  });
  it('the summary procedure needs no 立案审批表 or 调查终结报告', () => {
    const c = completeCase('penaltySummary');
    expect(checkAdvance(inputFor(c, 'initiation')).ok).toBe(true);
    expect(checkAdvance(inputFor(c, 'investigation')).ok).toBe(true);
  });
});

describe('REC-25 · GS-R 37-40: service and execution', () => {
  it('a decision served by refusal without a witness does not count', () => {
    const c = completeCase('penalty');
    const services = (c.services ?? []).map((s) =>
      s.documentId === 'penaltyDecision'
        ? { id: 's', documentId: 'penaltyDecision', method: 'refusal' as const, recipientName: '王五', refusalReason: '拒收', refusalDate: '2026-03-20', serverNames: ['张三'], serverSigned: true, witnessName: '', witnessSigned: false, leftAt: '门卫室', avRecordIds: ['av'] }
        : s,
    );
    const reason = reasonOf(checkAdvance(inputFor({ ...c, services }, 'serviceExecution')), 'penalty.serviceExecution.penaltyDecision');
    expect(reason).toBe('行政处罚决定书送达证明不完整：须有见证人；见证人须签名或者盖章');
  });
  it('every issued document must have been served, not only the decision', () => {
    const c = completeCase('penalty');
    const r = checkAdvance(inputFor({ ...c, services: (c.services ?? []).filter((s) => s.documentId !== 'penaltyNotice') }, 'serviceExecution'));
    expect(reasonOf(r, 'all.serviceExecution.allServed')).toBe('行政处罚事先告知书尚未有效送达');
  });
  it('a corrected decision must be served again: the service of the old version does not count', () => {
    const c = completeCase('penalty');
    const corrected = { ...docOf('penaltyDecision'), id: 'penaltyDecision-v2', version: 2 };
    const r = checkAdvance(inputFor({ ...c, documents: [...(c.documents ?? []), corrected] }, 'serviceExecution'));
    expect(reasonOf(r, 'penalty.serviceExecution.penaltyDecision')).toBe('行政处罚决定书尚未送达');
  });
});

describe('REC-16: versions at the gates', () => {
  it('a pending correction (draft) of a signed record holds the gate', () => {
    const c = completeCase('inspection');
    const v2 = { ...docOf('inspectionRecord', {}, 'draft'), id: 'inspectionRecord-v2', version: 2 };
    const r = checkAdvance(inputFor({ ...c, documents: [...(c.documents ?? []), v2] }, 'investigation'));
    expect(reasonOf(r, 'inspection.investigation.onSite')).toBe('现场检查笔录的更正版本尚未签署');
  });
  it('REC-16 · SX25-R 22: an archived case does not move', () => {
    expect(checkAdvance(inputFor(completeCase('penalty'), 'archive'))).toMatchObject({ ok: true, to: 'archived' });
    const r = checkAdvance({ ...inputFor(completeCase('penalty'), 'archive'), snapshot: { ...completeCase('penalty'), state: 'archived' } });
    expect(r).toMatchObject({ ok: false, missing: [{ kind: 'stage', reason: '案件已归档，案卷只读' }] });
  });
});

describe('REC-6 · REC-7 · profile differences at the gates (GS19 vs SX25)', () => {
  const noAv = (c: CaseSnapshot): CaseSnapshot => ({ ...c, avRecords: [] });
  it.each([
    ['GS-R 9(三): the review-decision stage is filmed under GS19', 'penalty', 'decision', 'GS19', 'av.decision.reviewDecision', 'missing'],
    ['SX25 has no such rule', 'penalty', 'decision', 'SX25', 'av.decision.reviewDecision', null],
    ['GS-R 9(一): on-site inspection is filmed under GS19', 'inspection', 'investigation', 'GS19', 'av.investigation.onSiteInspection', 'missing'],
    ['SX25-R 13(二): on SX25 it is situational — advised, not blocking', 'inspection', 'investigation', 'SX25', 'av.investigation.onSiteInspection', 'advised'],
    ['SX25-R 12(一): 查封 is filmed under SX25', 'coercion', 'investigation', 'SX25', 'av.investigation.seal', 'missing'],
    ['GS-R 13: 查封 is filmed under GS19', 'coercion', 'investigation', 'GS19', 'av.investigation.seal', 'missing'],
    ['SX25-R 12(三): 代履行 is filmed under SX25', 'coercion', 'serviceExecution', 'SX25', 'av.serviceExecution.substituteExecution', 'missing'],
    ['GS-R 9(五): archiving is filmed under GS19', 'inspection', 'archive', 'GS19', 'av.archive.archiving', 'missing'],
    ['XX-R 5(一): a complaint call-out is filmed under XX19', 'penalty', 'investigation', 'XX19', 'av.investigation.complaintCallOut', 'missing'],
    ['GS-R 9(六): a service-hall application is filmed under GS19', 'permit', 'initiation', 'GS19', 'av.initiation.serviceHall', 'missing'],
  ] as const)('%s', (_name, variant, stage, profileId, id, status) => {
    const items = stageChecklist(inputFor(noAv(completeCase(variant)), stage, profileId));
    const item = items.find((i) => i.id === id);
    if (status === null) expect(item).toBeUndefined();
    else expect(item?.status).toBe(status);
    const blocked = missingIds(checkAdvance(inputFor(noAv(completeCase(variant)), stage, profileId))).includes(id);
    expect(blocked).toBe(status === 'missing');
  });

  it('DUR-3 · SX25-P 12: under SX25 the inspection record must say the findings were told', () => {
    const c = completeCase('inspection');
    const docs = c.documents?.map((d) => (d.kind === 'inspectionRecord' ? docOf('inspectionRecord', { findingsNotified: false }) : d));
    expect(missingIds(checkAdvance(inputFor({ ...c, documents: docs }, 'investigation', 'SX25')))).toContain('inspection.investigation.findingsNotified');
    expect(checkAdvance(inputFor({ ...c, documents: docs }, 'investigation', 'GS19')).ok).toBe(true);
  });

  it('the AV item cites the profile\u2019s article', () => {
    const item = stageChecklist(inputFor(noAv(completeCase('penalty')), 'decision', 'GS19')).find((i) => i.id === 'av.decision.reviewDecision');
    expect(item?.basis).toBe('《甘肃省生态环境系统行政执法全过程记录实施办法》第九条（三）');
  });
});

describe('REC-3..REC-5: transitions are recorded with actor and time', () => {
  it('advanceCase returns the transition to store', () => {
    const r = advanceCase(inputFor(completeCase('penalty'), 'decision'), { id: 'u1', name: '张三' }, '2026-04-20T10:00:00+08:00');
    expect(r).toEqual({ ok: true, transition: { from: 'decision', to: 'serviceExecution', actor: { id: 'u1', name: '张三' }, at: '2026-04-20T10:00:00+08:00' } });
  });
  it('a refused advance returns the list of what is missing, not a transition', () => {
    const r = advanceCase(inputFor({ ...completeCase('penalty'), documents: [] }, 'decision'), { id: 'u1', name: '张三' }, '2026-04-20T10:00:00+08:00');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.missing.length).toBeGreaterThan(3);
  });
});

describe('the requirement table as shown to users', () => {
  it('every row cites at least one article, has a unique id and a label', () => {
    const ids = STAGE_REQUIREMENTS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of STAGE_REQUIREMENTS) {
      expect(r.citations.length).toBeGreaterThan(0);
      expect(r.label).not.toBe('');
      for (const k of r.when ?? []) expect(CONDITIONS[k]).toBeDefined();
    }
  });
  it('per profile: GS19 lists AV of the review-decision stage as required for penalties, SX25 does not', () => {
    const gs = describeStageRequirements('penalty', profile('GS19'));
    const sx = describeStageRequirements('penalty', profile('SX25'));
    expect(gs.find((r) => r.id === 'av.decision.reviewDecision')).toMatchObject({ binding: 'required', basis: '《甘肃省生态环境系统行政执法全过程记录实施办法》第九条（三）' });
    expect(sx.find((r) => r.id === 'av.decision.reviewDecision')).toBeUndefined();
    expect(sx.find((r) => r.id === 'av.investigation.onSiteInspection')).toMatchObject({ binding: 'advised' });
    expect(sx.find((r) => r.id === 'penalty.decision.hearingRecord')).toMatchObject({ condition: '当事人要求听证的', basis: '《中华人民共和国行政处罚法》第六十四条（八）' });
    // Issue 15: a 山西 agency is not shown 甘肃's rule; a 甘肃 agency sees both, by full title.
    expect(gs.find((r) => r.id === 'penalty.decision.hearingRecord')).toMatchObject({ basis: '《甘肃省生态环境系统行政执法全过程记录实施办法》第三十条；《中华人民共和国行政处罚法》第六十四条（八）' });
  });
  it('the checklist shows met items too', () => {
    const items = stageChecklist(inputFor(completeCase('penalty'), 'initiation'));
    expect(items.every((i) => i.status === 'met')).toBe(true);
    expect(items.map((i) => i.id)).toContain('penalty.initiation.filing');
  });
});
