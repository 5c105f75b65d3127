import { describe, expect, it } from 'vitest';
import { seedCalendar } from '../calendar/index.js';
import { resolveProfile } from '../profiles/resolve.js';
import type { ResolvedProfile } from '../profiles/types.js';
import { catalogueProblems, defaultCatalogue, type ReviewCatalogue } from './catalogue.js';
import { checkDecision, suggestedOutcome, type ChecklistEntry } from './checklist.js';
import { checkExtension, reviewClock, reviewPauseReasons, type ReviewPause } from './deadline.js';
import { decisionGate, decisionTerms, isGatedDecision, type GateInput, type GateRound } from './gate.js';
import { checkMaterials, suggestMaterials, type MaterialDocument } from './materials.js';
import { matchCatalogue, type MatchFacts } from './matching.js';
import { checkRoundAction, legalReviewLink, roundPasses, type RoundState } from './rounds.js';
import { REVIEW_RULES, reviewFamily, reviewRulesFor } from './rules.js';
import { CHECKLIST_ITEM_KEYS, type ChecklistItemKey, type Finding } from './vocabulary.js';

const cal = seedCalendar();
const SX19 = resolveProfile('SX19');
const SX25 = resolveProfile('SX25');
const XX19 = resolveProfile('XX19');
const GS19 = resolveProfile('GS19');

function facts(extra: Partial<MatchFacts> = {}): MatchFacts {
  return {
    actionType: 'penalty',
    partyKind: 'organisation',
    fineAmount: null,
    confiscationAmount: null,
    penaltyTypes: [],
    measures: [],
    hearing: { right: false, requested: false, held: false },
    transferToJudiciary: false,
    complex: false,
    declared: [],
    source: '行政处罚决定书（代拟稿）',
    ...extra,
  };
}

describe('REV-2 · SX19-L 9, XX-L 3: the catalogue proposed per profile', () => {
  it('SX19-L 9: one item or more for each of the seven situations; transfer is filed under (七) 其他', () => {
    const c = defaultCatalogue(SX19);
    const criteria = new Set(c.items.map((i) => i.criterion));
    expect([...criteria].sort()).toEqual(['afterHearing', 'complex', 'majorRights', 'other', 'publicInterest', 'requiredByLaw', 'socialImpact']);
    expect(c.items.find((i) => i.id === 'transfer')?.criterion).toBe('other');
    expect(c.items.find((i) => i.id === 'hearing')?.test).toEqual({ type: 'hearing', scope: 'requested' });
    expect(catalogueProblems(c, SX19)).toEqual([]);
  });

  it('XX-L 3(五): transfer to police or judiciary is its own criterion; XX-L 3(三) a hearing held', () => {
    const c = defaultCatalogue(XX19);
    expect(c.items.find((i) => i.id === 'transfer')?.criterion).toBe('transferToJudiciary');
    expect(c.items.find((i) => i.id === 'hearing')?.test).toEqual({ type: 'hearing', scope: 'held' });
    expect(catalogueProblems(c, XX19)).toEqual([]);
  });

  it('SX25 inherits SX19-L (no review document of its own); GS19 uses the national baseline (MEE19 三(二)), without a transfer item', () => {
    expect(reviewFamily(SX25)).toBe('SX19');
    expect(reviewFamily(GS19)).toBe('national');
    expect(defaultCatalogue(GS19).items.some((i) => i.id === 'transfer')).toBe(false);
  });

  it('thresholds come from majorDecision.amountThreshold (default 20万元 / 5000元) and an agency can set its own', () => {
    const c = defaultCatalogue(SX19);
    expect(c.items.find((i) => i.id === 'fine.organisation')?.test).toEqual({ type: 'fine', party: 'organisation', atLeast: 200_000 });
    expect(c.items.find((i) => i.id === 'fine.individual')?.label).toBe('对公民（个体工商户）处以5000元以上罚款的');
    const own = defaultCatalogue(resolveProfile('SX19', { 'majorDecision.amountThreshold': { value: { organisation: 100_000, individual: 10_000 }, basis: '本局目录清单（2026）' } }));
    expect(own.items.find((i) => i.id === 'fine.organisation')?.label).toBe('对法人或者其他组织处以10万元以上罚款的');
  });

  it('REV-2: a catalogue that drops a situation the rules name is refused, naming it', () => {
    const c = defaultCatalogue(SX19);
    const dropped: ReviewCatalogue = { ...c, items: c.items.filter((i) => i.criterion !== 'afterHearing') };
    const problems = catalogueProblems(dropped, SX19);
    expect(problems.map((p) => p.reason).join()).toContain('经过听证程序作出');
  });

  it('REV-2: bad items are named (amount, duplicate id, unknown measure)', () => {
    const c = defaultCatalogue(SX19);
    const bad: ReviewCatalogue = {
      ...c,
      items: [
        ...c.items,
        { id: 'fine.organisation', criterion: 'majorRights', label: '重复', test: { type: 'fine', party: 'organisation', atLeast: 1 }, actionTypes: [], basis: '' },
        { id: 'x1', criterion: 'majorRights', label: '负数', test: { type: 'fine', party: 'organisation', atLeast: -5 }, actionTypes: [], basis: '' },
        { id: 'x2', criterion: 'majorRights', label: '措施', test: { type: 'measures', anyOf: ['flying' as never] }, actionTypes: [], basis: '' },
      ],
    };
    const reasons = catalogueProblems(bad, SX19).map((p) => p.reason);
    expect(reasons).toEqual(expect.arrayContaining([expect.stringContaining('重复'), expect.stringContaining('正数'), expect.stringContaining('有效的处罚种类')]));
  });
});

describe('REV-2: matching the draft decision against the catalogue, at the threshold edges', () => {
  // "以上" includes the amount itself; compared in fen.
  it.each([
    ['SX19', SX19, 'organisation', 200_000, true],
    ['SX19', SX19, 'organisation', 199_999.99, false],
    ['SX19', SX19, 'naturalPerson', 5_000, true],
    ['SX19', SX19, 'naturalPerson', 4_999.99, false],
    ['SX19', SX19, 'individualBusiness', 5_000, true],
    ['XX19', XX19, 'organisation', 200_000, true],
    ['XX19', XX19, 'organisation', 199_999.99, false],
    ['XX19', XX19, 'naturalPerson', 5_000, true],
    ['XX19', XX19, 'naturalPerson', 4_999.99, false],
  ] as const)('%s · %s fined %d → major %s', (_id, profile, party, amount, major) => {
    const r = matchCatalogue(defaultCatalogue(profile as ResolvedProfile), facts({ partyKind: party, penaltyTypes: ['fine'], fineAmount: amount }));
    expect(r.major).toBe(major);
    if (major) expect(r.matches[0]!.value).toContain(`罚款 ${amount} 元`);
    else expect(r.notMet.map((n) => n.value).join()).toContain('未达');
  });

  it('an organisation fined 5000 yuan is not major (the individual amount does not apply to it)', () => {
    expect(matchCatalogue(defaultCatalogue(SX19), facts({ penaltyTypes: ['fine'], fineAmount: 5_000 })).major).toBe(false);
  });

  it('a case without a party is measured against the lower, individual amounts (cautious reading)', () => {
    expect(matchCatalogue(defaultCatalogue(SX19), facts({ partyKind: null, penaltyTypes: ['fine'], fineAmount: 5_000 })).major).toBe(true);
  });

  it('an agency threshold of 10万元 (agency override): 100000 is major, 99999.99 is not', () => {
    const p = resolveProfile('XX19', { 'majorDecision.amountThreshold': { value: { organisation: 100_000, individual: 2_000 } } });
    const c = defaultCatalogue(p);
    expect(matchCatalogue(c, facts({ penaltyTypes: ['fine'], fineAmount: 100_000 })).major).toBe(true);
    expect(matchCatalogue(c, facts({ penaltyTypes: ['fine'], fineAmount: 99_999.99 })).major).toBe(false);
  });

  it.each([
    ['责令停产整治 (case measure)', { measures: ['suspendForRectification'] }, '责令停产整治'],
    ['责令停产停业 (penalty type)', { penaltyTypes: ['suspendProduction'] }, '责令停产停业'],
    ['责令关闭', { penaltyTypes: ['close'] }, '责令关闭'],
    ['吊销许可证件', { penaltyTypes: ['revokeLicence'] }, '吊销许可证件'],
  ] as const)('REV-2 · 行政处罚法 Art 63: %s makes the decision major', (_name, extra, value) => {
    const r = matchCatalogue(defaultCatalogue(SX19), facts(extra as Partial<MatchFacts>));
    expect(r.major).toBe(true);
    expect(r.matches.find((m) => m.itemId === 'measures')?.value).toBe(value);
    expect(r.summary).toContain(value);
  });

  it('a warning alone is not major', () => {
    expect(matchCatalogue(defaultCatalogue(SX19), facts({ penaltyTypes: ['warning'] })).major).toBe(false);
  });

  it('SX19-L 9(四) "需经过听证程序": a requested hearing makes it major; XX-L 3(三) "经过听证程序作出": only one held', () => {
    const requested = facts({ hearing: { right: true, requested: true, held: false } });
    expect(matchCatalogue(defaultCatalogue(SX19), requested).major).toBe(true);
    expect(matchCatalogue(defaultCatalogue(XX19), requested).major).toBe(false);
    const held = facts({ hearing: { right: true, requested: true, held: true } });
    expect(matchCatalogue(defaultCatalogue(XX19), held).matches[0]).toMatchObject({ criterion: 'afterHearing', value: '已举行听证' });
  });

  it('transfer to police or judiciary: XX-L 3(五) its own criterion; SX19-L 9(七) other', () => {
    const f = facts({ transferToJudiciary: true });
    expect(matchCatalogue(defaultCatalogue(XX19), f).matches.map((m) => m.criterion)).toEqual(['transferToJudiciary']);
    expect(matchCatalogue(defaultCatalogue(SX19), f).matches.map((m) => m.criterion)).toEqual(['other']);
  });

  it('the complex-case flag and declared judgements match with the unit\'s reasons; a declaration without a reason does not', () => {
    const r = matchCatalogue(defaultCatalogue(SX19), facts({ complex: true, declared: [{ criterion: 'publicInterest', reason: '涉及饮用水水源地' }, { criterion: 'socialImpact', reason: '  ' }] }));
    expect(r.matches.map((m) => m.criterion).sort()).toEqual(['complex', 'publicInterest']);
    expect(r.matches.find((m) => m.criterion === 'publicInterest')?.value).toContain('涉及饮用水水源地');
  });

  it('an item limited to other action types does not apply', () => {
    const c = defaultCatalogue(SX19);
    const limited: ReviewCatalogue = { ...c, items: c.items.map((i) => (i.id === 'fine.organisation' ? { ...i, actionTypes: ['permit'] } : i)) };
    expect(matchCatalogue(limited, facts({ penaltyTypes: ['fine'], fineAmount: 300_000 })).major).toBe(false);
  });
});

describe('REV-3 · SX19-L 10, XX-L 7: submission materials and completeness', () => {
  const docs: MaterialDocument[] = [
    { documentId: 'd-report', kind: 'investigationReport', status: 'signed' },
    { documentId: 'd-decision', kind: 'penaltyDecision', status: 'draft' },
    { documentId: 'd-inquiry', kind: 'inquiryRecord', status: 'signed' },
    { documentId: 'd-hearing', kind: 'hearingRecord', status: 'signed' },
    { documentId: 'd-draft-record', kind: 'inspectionRecord', status: 'draft' },
  ];
  const none = { hearingOrAssessment: false, consulted: false, transfer: false };

  it('SX19-L 10: an empty submission names the four required materials', () => {
    const missing = checkMaterials(REVIEW_RULES.SX19, [], none, docs, []);
    expect(missing.map((m) => m.label)).toEqual(['重大行政执法决定建议及其情况说明', '重大行政执法决定调查（审查）终结报告', '重大行政执法决定书代拟稿', '相关法律依据和证据资料']);
    expect(missing[0]!.basis).toBe('SX19-L 第十条（一）');
  });

  it('XX-L 7 lists no separate proposal; its (二) is the report with the 批示 and procedural materials', () => {
    const missing = checkMaterials(REVIEW_RULES.XX19, [], none, docs, []);
    expect(missing.map((m) => m.id)).toEqual(['draftDecision', 'investigationReport', 'legalBasisAndEvidence']);
  });

  it('the suggested materials from the case documents plus a written proposal complete an SX19 submission', () => {
    const suggested = suggestMaterials(REVIEW_RULES.SX19, docs);
    expect(suggested.find((m) => m.key === 'draftDecision')?.documentIds).toEqual(['d-decision']);
    expect(suggested.find((m) => m.key === 'legalBasisAndEvidence')?.documentIds).toEqual(['d-inquiry']);
    const all = [...suggested, { key: 'proposal' as const, text: '建议处以罚款二十五万元。' }];
    expect(checkMaterials(REVIEW_RULES.SX19, all, none, docs, [])).toEqual([]);
  });

  it('SX19-L 10(五): after a hearing the transcript is required; XX-L 7(五) opinions when others were consulted', () => {
    const base = [
      { key: 'proposal' as const, text: '建议' },
      { key: 'investigationReport' as const, documentIds: ['d-report'] },
      { key: 'draftDecision' as const, documentIds: ['d-decision'] },
      { key: 'legalBasisAndEvidence' as const, fileIds: ['f-1'] },
    ];
    expect(checkMaterials(REVIEW_RULES.SX19, base, { ...none, hearingOrAssessment: true }, docs, ['f-1']).map((m) => m.id)).toEqual(['hearingOrAssessment']);
    expect(checkMaterials(REVIEW_RULES.XX19, base.slice(1), { ...none, consulted: true, transfer: true }, docs, ['f-1']).map((m) => m.id)).toEqual(['consultationOpinions', 'transferOpinion']);
  });

  it('links must be the case\'s own; the draft decision must be a decision still in draft; other records must be signed', () => {
    const bad = [
      { key: 'investigationReport' as const, documentIds: ['elsewhere'] },
      { key: 'draftDecision' as const, documentIds: ['d-inquiry'] },
      { key: 'legalBasisAndEvidence' as const, documentIds: ['d-draft-record'], fileIds: ['f-other'] },
    ];
    const reasons = checkMaterials(REVIEW_RULES.XX19, bad, none, docs, ['f-1']).map((m) => m.reason);
    expect(reasons).toEqual(expect.arrayContaining(['文书 elsewhere 不是本案的文书', '所附文书不是决定书', '所附记录尚未签署', '文件 f-other 不是本案的音像记录或附件']));
  });
});

const allPass = (): ChecklistEntry[] => CHECKLIST_ITEM_KEYS.map((item) => ({ item, finding: 'pass' as Finding }));
const withFinding = (item: ChecklistItemKey, finding: Finding): ChecklistEntry[] => allPass().map((e) => (e.item === item ? { item, finding, note: '问题说明' } : e));

describe('REV-4 · REV-5 · SX19-L 11-12, XX-L 8, 11: findings and the outcome they call for', () => {
  it.each([
    // family, item, finding, outcome — where the two documents differ, both rows are here.
    ['SX19', 'subjectLawful', 'fail', 'notDecide'],
    ['XX19', 'subjectLawful', 'fail', 'notDecide'],
    ['SX19', 'officerQualified', 'fail', 'notDecide'],
    ['XX19', 'officerQualified', 'fail', 'notDecide'],
    ['SX19', 'withinAuthority', 'fail', 'notDecide'], // SX19-L 11(五) 超越法定权限
    ['XX19', 'withinAuthority', 'fail', 'transfer'], // XX-L 11(四) 不属本机关管辖 → 移送移交
    ['SX19', 'factsClear', 'fail', 'correct'], // SX19-L 12(二) 事实认定不清 → 纠正
    ['XX19', 'factsClear', 'fail', 'notDecide'], // XX-L 11(三)3 事实认定不清 → 重新调查
    ['XX19', 'factsClear', 'flaw', 'correct'],
    ['SX19', 'evidenceSufficient', 'flaw', 'correct'],
    ['SX19', 'evidenceSufficient', 'fail', 'notDecide'],
    ['XX19', 'evidenceSufficient', 'fail', 'notDecide'],
    ['SX19', 'lawCorrect', 'flaw', 'notDecide'], // SX19-L 12(三) 依据不准确
    ['XX19', 'lawCorrect', 'flaw', 'correct'], // XX-L 11(二)2 适用法律不当或者错误
    ['SX19', 'discretionAppropriate', 'flaw', 'correct'],
    ['XX19', 'discretionAppropriate', 'fail', 'correct'],
    ['SX19', 'procedureLawful', 'flaw', 'correct'],
    ['SX19', 'procedureLawful', 'fail', 'notDecide'],
    ['XX19', 'procedureLawful', 'fail', 'notDecide'],
    ['SX19', 'documentsComplete', 'flaw', 'correct'],
    ['XX19', 'documentsComplete', 'flaw', 'correct'],
    ['SX19', 'crimeTransfer', 'fail', 'transfer'], // SX19-L 12(四)
    ['XX19', 'crimeTransfer', 'fail', 'transfer'],
  ] as const)('%s · %s %s → %s', (family, item, finding, outcome) => {
    const rules = REVIEW_RULES[family];
    expect(suggestedOutcome(rules, withFinding(item, finding))).toBe(outcome);
    const decided = checkDecision(rules, { checklist: withFinding(item, finding), opinion: '审核意见', leaderApproval: { approver: '副局长', approvedOn: '2026-03-05' } });
    expect(decided).toMatchObject({ ok: true, outcome });
    if (decided.ok) expect(decided.grounds.map((g) => g.item)).toEqual([item]);
  });

  it('SX19-L 12(一): every item in order → 同意; XX-L 11(一) → 合法', () => {
    expect(checkDecision(REVIEW_RULES.SX19, { checklist: allPass(), opinion: '同意' })).toMatchObject({ ok: true, outcome: 'approve', grounds: [] });
    expect(REVIEW_RULES.XX19.outcomeLabels.approve).toBe('合法');
  });

  it('transfer outranks do-not-decide, which outranks correct', () => {
    const mixed = allPass().map((e) =>
      e.item === 'crimeTransfer' ? { ...e, finding: 'fail' as Finding, note: '涉嫌污染环境罪' } : e.item === 'subjectLawful' ? { ...e, finding: 'fail' as Finding, note: 'x' } : e.item === 'documentsComplete' ? { ...e, finding: 'flaw' as Finding, note: 'y' } : e,
    );
    expect(suggestedOutcome(REVIEW_RULES.SX19, mixed)).toBe('transfer');
  });

  it('REV-5: an outcome the findings do not support is refused with the reason and the article', () => {
    const r = checkDecision(REVIEW_RULES.SX19, { checklist: withFinding('evidenceSufficient', 'fail'), outcome: 'correct', opinion: '意见' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.suggested).toBe('notDecide');
      expect(r.invalid[0]!.reason).toContain('不予作出行政执法决定');
      expect(r.invalid[0]!.basis).toBe('SX19-L 第十二条（三）');
    }
    const approve = checkDecision(REVIEW_RULES.SX19, { checklist: withFinding('documentsComplete', 'flaw'), outcome: 'approve', opinion: '意见' });
    expect(approve.ok).toBe(false);
  });

  it('REV-4: every item needs a finding, a problem needs a note, a binary item cannot be "flawed"', () => {
    const r = checkDecision(REVIEW_RULES.SX19, {
      checklist: [{ item: 'subjectLawful', finding: 'flaw', note: 'x' }, { item: 'factsClear', finding: 'fail' }],
      opinion: '',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.missing.map((m) => m.label)).toEqual(expect.arrayContaining(['证据是否合法充分', '审核意见']));
      expect(r.invalid.map((m) => m.reason)).toEqual(expect.arrayContaining(['此项只能为符合或者不符合', '存在问题的，须写明问题']));
    }
  });

  it('REV-7 · XX-L 11: the opinion needs the leader in charge of legal affairs; SX19-L does not ask for it', () => {
    const xx = checkDecision(REVIEW_RULES.XX19, { checklist: allPass(), opinion: '合法' });
    expect(xx.ok).toBe(false);
    if (!xx.ok) expect(xx.missing[0]!.label).toBe('分管法规的局领导同意');
    expect(checkDecision(REVIEW_RULES.SX19, { checklist: allPass(), opinion: '同意' }).ok).toBe(true);
  });
});

describe('REV-6 · SX19-L 14, XX-L 10: the review deadline with pauses and extensions', () => {
  const clock = (profile: ResolvedProfile, pauses: ReviewPause[] = [], extensions: { amount: number; approvedOn: string }[] = [], today = '2026-03-02', decidedOn: string | null = null) =>
    reviewClock({
      profile,
      calendar: cal,
      start: '2026-03-02',
      pauses,
      extensions: extensions.map((e) => ({ ...e, approvedBy: '局长', approval: '经批准' })),
      today,
      decidedOn,
    });

  it.each([
    ['SX19-L 14: 10 working days', SX19, '2026-03-16', '2026-03-30'],
    ['SX25 → SX19-L 14', SX25, '2026-03-16', '2026-03-30'],
    ['XX-L 10: 7 working days', XX19, '2026-03-11', '2026-03-16'],
    ['GS19: not set, platform default 10 + 10', GS19, '2026-03-16', '2026-03-30'],
  ] as const)('%s from 2026-03-02 → due %s (with the extension %s)', (_name, profile, due, max) => {
    const c = clock(profile);
    expect(c.due).toBe(due);
    expect(c.dueWithMaxExtension).toBe(max);
    expect(c.status).toBe('onTime');
  });

  it.each([
    ['SX19', SX19, '2026-03-18'],
    ['XX19', XX19, '2026-03-13'],
  ] as const)('%s: a supplement asked for on 03-04 and supplied on 03-06 stops the clock for 2 working days → %s', (_id, profile, due) => {
    const c = clock(profile, [{ reason: 'supplement', requestedOn: '2026-03-04', resumedOn: '2026-03-06' }], [], '2026-03-09');
    expect(c.due).toBe(due);
    expect(c.pausedDays).toBe(2);
    expect(c.basis).toContain('中止期间不计入 2个工作日');
  });

  it('a pause still open shows "paused" and moves the due date day by day', () => {
    const open = clock(SX19, [{ reason: 'expertReview', requestedOn: '2026-03-04', resumedOn: null }], [], '2026-03-10');
    expect(open.status).toBe('paused');
    expect(open.paused).toBe(true);
    expect(open.due).toBe('2026-03-20'); // 03-05..03-10 = 4 working days paused
  });

  it('a supplement supplied the same day stops nothing', () => {
    expect(clock(SX19, [{ reason: 'supplement', requestedOn: '2026-03-04', resumedOn: '2026-03-04' }]).due).toBe('2026-03-16');
  });

  it.each([
    ['SX19-L 14', SX19, ['supplement', 'expertReview', 'interpretation'], 'consultation'],
    ['XX-L 10', XX19, ['supplement', 'expertReview', 'thirdPartyReview', 'consultation', 'interpretation'], null],
  ] as const)('%s: the pause reasons', (_basis, profile, reasons, notAllowed) => {
    const r = reviewPauseReasons(profile);
    expect(r.reasons).toEqual(reasons);
    if (notAllowed) expect(r.reasons).not.toContain(notAllowed);
  });

  it.each([
    ['SX19-L 14: +10 with the agency head', SX19, 10, '2026-03-30', '本行政执法机关负责人'],
    ['XX-L 10: +3 with the leader in charge', XX19, 3, '2026-03-16', '分管法规的局领导'],
  ] as const)('%s', (_name, profile, amount, due, approver) => {
    const check = checkExtension(profile, 0);
    expect(check).toMatchObject({ ok: true, extension: { amount } });
    if (check.ok) expect(check.extension.approval).toContain(approver);
    expect(clock(profile, [], [{ amount, approvedOn: '2026-03-05' }]).due).toBe(due);
    expect(checkExtension(profile, 1).ok).toBe(false);
    expect(checkExtension(profile, 0, amount + 1).ok).toBe(false);
  });

  it('a working-day clock skips the May Day holiday and counts the adjusted Saturday (NAT-2 · 2026-05-09)', () => {
    const at = (profile: ResolvedProfile) => reviewClock({ profile, calendar: cal, start: '2026-04-28', pauses: [], extensions: [], today: '2026-04-28' }).due;
    expect(at(SX19)).toBe('2026-05-14');
    expect(at(XX19)).toBe('2026-05-11');
  });

  it('status: due soon, overdue, done on time, late', () => {
    expect(clock(XX19, [], [], '2026-03-10').status).toBe('dueSoon');
    expect(clock(XX19, [], [], '2026-03-12').status).toBe('overdue');
    expect(clock(XX19, [], [], '2026-03-12', '2026-03-11').status).toBe('done');
    expect(clock(XX19, [], [], '2026-03-12', '2026-03-12').status).toBe('late');
  });
});

const round = (extra: Partial<GateRound> = {}): GateRound => ({
  round: 1,
  status: 'decided',
  outcome: 'approve',
  headDecision: null,
  decidedOn: '2026-03-10',
  headDecidedOn: null,
  reviewedDecision: { documentId: 'doc-1', terms: { penaltyTypes: ['fine'], fineAmount: 250_000, decision: null } },
  ...extra,
});

describe('REV-1 · SX19-L 5, XX-L 5: the hard gate', () => {
  const majorMatch = matchCatalogue(defaultCatalogue(SX19), facts({ penaltyTypes: ['fine'], fineAmount: 250_000 }));
  const gate = (extra: Partial<GateInput> = {}) =>
    decisionGate({
      documentKind: 'penaltyDecision',
      actionType: 'penalty',
      documentId: 'doc-1',
      terms: decisionTerms({ penaltyTypes: ['fine'], fineAmount: 250_000 }),
      match: majorMatch,
      flaggedMajor: false,
      submitted: true,
      latest: round(),
      rules: REVIEW_RULES.SX19,
      collectiveDiscussion: { required: false, recorded: false },
      ...extra,
    });

  it('the latest round approved the reviewed draft → may issue', () => {
    expect(gate()).toMatchObject({ ok: true, applies: true });
  });

  it('a major case never submitted is refused, naming the matched criterion and value', () => {
    const r = gate({ latest: null, submitted: false });
    expect(r).toMatchObject({ ok: false, code: 'required' });
    if (!r.ok) expect(r.reason).toContain('罚款 250000 元');
  });

  it('a case below every threshold and never flagged is not gated', () => {
    const minor = matchCatalogue(defaultCatalogue(SX19), facts({ penaltyTypes: ['fine'], fineAmount: 10_000 }));
    expect(gate({ match: minor, latest: null, submitted: false })).toMatchObject({ ok: true, applies: false });
  });

  it('a case flagged major is gated even below the thresholds', () => {
    const minor = matchCatalogue(defaultCatalogue(SX19), facts({ penaltyTypes: ['fine'], fineAmount: 10_000 }));
    expect(gate({ match: minor, latest: null, submitted: false, flaggedMajor: true })).toMatchObject({ ok: false, code: 'required' });
  });

  it.each(['submitted', 'inReview'] as const)('a round %s is pending', (status) => {
    expect(gate({ latest: round({ status, outcome: null }) })).toMatchObject({ ok: false, code: 'pending' });
  });

  it.each(['correct', 'notDecide', 'transfer'] as const)('REV-9: an outcome "%s" is not a pass', (outcome) => {
    expect(gate({ latest: round({ outcome }) })).toMatchObject({ ok: false, code: 'notPassed' });
    expect(gate({ latest: round({ outcome, status: 'disputed' }) })).toMatchObject({ ok: false, code: 'notPassed' });
  });

  it('REV-8 · SX19-L 15: the agency head decided after a recorded disagreement → may issue', () => {
    const r = gate({ latest: round({ outcome: 'correct', status: 'headDecided', headDecision: 'overrule', headDecidedOn: '2026-03-12' }) });
    expect(r).toMatchObject({ ok: true, applies: true });
    if (r.ok) expect(r.reason).toContain('SX19-L 第十五条');
  });

  it('XX-L 5, 12: the head cannot overrule a failed review under XX19', () => {
    const r = gate({ rules: REVIEW_RULES.XX19, latest: round({ outcome: 'correct', status: 'headDecided', headDecision: 'overrule', headDecidedOn: '2026-03-12' }) });
    expect(r).toMatchObject({ ok: false, code: 'notPassed' });
    if (!r.ok) expect(r.reason).toContain('XX-L 第十二条');
  });

  it('REV-9: a decision whose fine changed after the review, or another document, goes back to review', () => {
    expect(gate({ terms: decisionTerms({ penaltyTypes: ['fine'], fineAmount: 300_000 }) })).toMatchObject({ ok: false, code: 'changed' });
    expect(gate({ documentId: 'doc-2' })).toMatchObject({ ok: false, code: 'changed' });
  });

  it('NAT-6 · 行政处罚法 Art 57: a collective discussion the law requires must be recorded first', () => {
    expect(gate({ collectiveDiscussion: { required: true, recorded: false } })).toMatchObject({ ok: false, code: 'collective' });
    expect(gate({ collectiveDiscussion: { required: true, recorded: true } }).ok).toBe(true);
  });

  it('REV-7: the opinion is made by the review, never signed as an ordinary document', () => {
    expect(gate({ documentKind: 'legalReviewOpinion' })).toMatchObject({ ok: false, code: 'opinionSystemOnly' });
  });

  it('records and notices are not gated; the seal-or-seizure decision is, in a coercion case', () => {
    expect(gate({ documentKind: 'inquiryRecord', latest: null })).toMatchObject({ ok: true, applies: false });
    expect(isGatedDecision('sealSeizeDecision', 'coercion')).toBe(true);
    expect(isGatedDecision('sealSeizeDecision', 'penalty')).toBe(false);
    expect(isGatedDecision('noPenaltyDecision', 'penalty')).toBe(true);
  });
});

describe('REV-9 · REV-8: rounds and the link the stage checklist reads', () => {
  const state = (extra: Partial<RoundState>): RoundState => ({ round: 1, status: 'inReview', outcome: null, headDecision: null, decidedOn: null, headDecidedOn: null, ...extra });

  it('actions allowed by state', () => {
    expect(checkRoundAction(null, 'resubmit').ok).toBe(true);
    expect(checkRoundAction(state({ status: 'inReview' }), 'resubmit').ok).toBe(false);
    expect(checkRoundAction(state({ status: 'decided', outcome: 'approve' }), 'disagree').ok).toBe(false);
    expect(checkRoundAction(state({ status: 'decided', outcome: 'correct' }), 'disagree').ok).toBe(true);
    expect(checkRoundAction(state({ status: 'decided', outcome: 'correct' }), 'pause').ok).toBe(false);
    expect(checkRoundAction(state({ status: 'disputed', outcome: 'correct' }), 'headDecide').ok).toBe(true);
  });

  it('legalReview link: pending while in review; passed when approved or overruled (SX19); the outcome otherwise', () => {
    expect(legalReviewLink('r', state({}), REVIEW_RULES.SX19, '2026-03-02')).toEqual({ reviewId: 'r', outcome: 'pending', at: '2026-03-02' });
    expect(legalReviewLink('r', state({ status: 'decided', outcome: 'approve', decidedOn: '2026-03-09' }), REVIEW_RULES.SX19, '2026-03-02')).toEqual({ reviewId: 'r', outcome: 'passed', at: '2026-03-09' });
    expect(legalReviewLink('r', state({ status: 'decided', outcome: 'notDecide', decidedOn: '2026-03-09' }), REVIEW_RULES.SX19, '2026-03-02').outcome).toBe('notDecide');
    const overruled = state({ status: 'headDecided', outcome: 'correct', headDecision: 'overrule', decidedOn: '2026-03-09', headDecidedOn: '2026-03-11' });
    expect(legalReviewLink('r', overruled, REVIEW_RULES.SX19, '2026-03-02')).toEqual({ reviewId: 'r', outcome: 'passed', at: '2026-03-11' });
    expect(legalReviewLink('r', overruled, REVIEW_RULES.XX19, '2026-03-02').outcome).toBe('correct');
    expect(roundPasses(overruled, reviewRulesFor(XX19))).toBe(false);
  });
});
