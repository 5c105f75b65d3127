import { describe, expect, it } from 'vitest';
import { PUBLICATION_STATUSES, PUBLICATION_TRANSITIONS, publicationTransition, publishGate } from './workflow.js';
import { queryGrams, searchGrams, searchText, normalizeSearchText } from './search.js';
import { draftPublication, publishableKind } from './draft.js';
import { knownValuesFromDocuments } from './case-known.js';
import { checkPublication } from './content.js';

describe('PUB-1 · SX25-P 7: the publication workflow', () => {
  it('only an approver’s approval takes an item online; a clerk submits from a draft or a correction', () => {
    expect(publicationTransition('draft', 'approve')).toMatchObject({ ok: false });
    expect(publicationTransition('draft', 'submit')).toEqual({ ok: true, to: 'submitted' });
    expect(publicationTransition('submitted', 'approve')).toEqual({ ok: true, to: 'published' });
    expect(publicationTransition('published', 'correct')).toEqual({ ok: true, to: 'published' });
    expect(publicationTransition('published', 'submit')).toEqual({ ok: true, to: 'submitted' });
    const online = Object.entries(PUBLICATION_TRANSITIONS).filter(([, t]) => t.to === 'published').map(([a]) => a).sort();
    expect(online).toEqual(['approve', 'refuseWithdraw']);
    for (const [, t] of Object.entries(PUBLICATION_TRANSITIONS)) if (t.to === 'published') expect(t.by).toBe('approver');
  });

  it('PUB-5: a withheld or withdrawn item can go nowhere but by a new decision; reasons are in Chinese', () => {
    for (const a of ['submit', 'approve', 'save', 'requestWithdraw'] as const) {
      const r = publicationTransition('withheld', a);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/不予公开/);
    }
    for (const s of PUBLICATION_STATUSES) if (s !== 'published' && s !== 'submitted' && s !== 'withdrawPending') expect(publicationTransition(s, 'expire').ok).toBe(false);
  });

  it('the gate lists every reason: same person, missing legal review (GS-P 14), missing fields, leaks, withholding', () => {
    const base = { submittedBy: 'a', approverId: 'b', majorDecision: false, legalReviewPassed: false, missing: [], leaks: [], withheld: false };
    expect(publishGate(base)).toEqual([]);
    expect(publishGate({ ...base, approverId: 'a' }).map((p) => p.code)).toEqual(['sameActor']);
    expect(publishGate({ ...base, majorDecision: true }).map((p) => p.code)).toEqual(['legalReview']);
    expect(publishGate({ ...base, majorDecision: true, legalReviewPassed: true })).toEqual([]);
    const all = publishGate({ ...base, missing: [{ label: '文号', reason: '缺少文号' }], leaks: [{ display: '139****5678', reason: '手机号码' }], withheld: true });
    expect(all.map((p) => p.code)).toEqual(['missing', 'leak', 'withheld']);
    expect(all[1]!.message).toContain('139****5678');
  });
});

describe('SYS-4 · PUB-11: portal search keys', () => {
  it('characters and pairs of the party name and 文号; a query needs its pairs', () => {
    const keys = searchGrams(['太原市晋阳化工有限公司', '并环罚〔2026〕3号']);
    for (const g of queryGrams('晋阳化工')) expect(keys).toContain(g);
    for (const g of queryGrams('环罚〔2026〕')) expect(keys).toContain(g);
    expect(queryGrams('晋')).toEqual(['晋']);
    expect(queryGrams('  ')).toEqual([]);
    expect(queryGrams('晋阳 化工').every((g) => keys.includes(g))).toBe(true);
    expect(queryGrams('阳晋').every((g) => keys.includes(g))).toBe(false);
  });

  it('full-width and half-width, spaces and punctuation are the same text', () => {
    expect(normalizeSearchText('ＡＢＣ　公司（太原）')).toBe('abc公司太原');
    expect(searchText(['甲公司', '乙〔2026〕1号'])).toBe('甲公司\u0001乙20261号');
  });
});

describe('PUB-2, PUB-3: the draft of a decision', () => {
  it('a penalty decision fills the SX25-P 15 summary; a penalty case’s inspection record is not published', () => {
    expect(publishableKind('penaltyDecision', 'penalty')).toBe('penalty');
    expect(publishableKind('inspectionRecord', 'penalty')).toBeNull();
    expect(publishableKind('inspectionRecord', 'inspection')).toBe('inspection');
    expect(publishableKind('penaltyNotice', 'penalty')).toBeNull();
    const d = draftPublication({
      kind: 'penaltyDecision',
      actionType: 'penalty',
      agencyName: '太原市生态环境局',
      decisionDate: '2026-03-02',
      decisionNumber: '并环罚〔2026〕3号',
      profile: 'SX25',
      fields: { partyName: '某化工有限公司', partyCreditCode: '91140100MA0L000001', legalRepresentative: '张三', facts: '超标排放', penaltyTypes: ['fine'], fineAmount: 200000, penaltyContent: '罚款二十万元', legalBasis: '《大气污染防治法》第九十九条', evidence: ['监测报告'] },
    });
    expect(d.fields.decisionNumber).toBe('并环罚〔2026〕3号');
    expect(d.fields.penaltyCategory).toBe('罚款');
    expect(d.fields.fineAmount).toBe('200000元');
    expect(d.fullText).toContain('行政处罚决定书 并环罚〔2026〕3号');
    const missing = checkPublication({ actionType: 'penalty', form: 'summary', partyKind: 'organisation', fields: d.fields, profile: 'SX25', penaltyTypes: ['fine'] });
    // only what the decision cannot know is left to the clerk
    expect(missing.map((m) => m.id).filter((id) => !['violationType', 'validity', 'execution', 'creditCode'].includes(id!))).toEqual([]);
  });
});

describe('PUB-4 · SX25-P 16: persons the case knows', () => {
  it('interviewees, witnesses and people present with their ID numbers; officers and the agency are not private', () => {
    const known = knownValuesFromDocuments([
      { kind: 'inquiryRecord', fields: { intervieweeName: '王小明', intervieweeIdNumber: '110101199003071234', officerNames: ['执法一', '执法二'], agencyName: '太原市生态环境局', witnessName: '李四' } },
      { kind: 'inspectionRecord', fields: { presentPersons: ['赵六（车间主任）', '钱七'], partyName: '某公司' } },
      { kind: 'unknownKind', fields: { intervieweeName: '不读' } },
    ]);
    const values = known.map((k) => `${k.kind}:${k.value}`).sort();
    expect(values).toEqual(['idNumber:110101199003071234', 'name:李四', 'name:王小明', 'name:赵六', 'name:钱七'].sort());
    expect(known.find((k) => k.value === '王小明')!.label).toBe('被询问人');
  });
});
