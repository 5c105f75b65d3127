import { describe, expect, it } from 'vitest';
import { type DecisionStageRecords, checkDecisionRecords, DECISION_PARTS } from './decision-records.js';

const complete: DecisionStageRecords = {
  handlerOpinion: { by: ['张三', '李四'], at: '2026-03-10', facts: '超标排放', evidence: ['监测报告'], legalBasis: '大气污染防治法第九十九条', discretionRule: '省裁量基准第 3 档', proposal: '罚款 25 万元' },
  unitReview: { reviewer: '科长', at: '2026-03-11', opinion: '同意', agreed: true },
  legalReview: { reviewId: 'rev-1', outcome: 'passed', at: '2026-03-15' },
  collectiveDiscussion: { documentId: 'cd-1', at: '2026-03-16', conclusion: '同意处罚' },
  approval: { approver: '局长', at: '2026-03-17', opinion: '同意', approved: true },
};
const docs = [{ id: 'cd-1', kind: 'collectiveDiscussionRecord', signed: true }];

function reasons(records: DecisionStageRecords, d = docs): string[] {
  return checkDecisionRecords(records, DECISION_PARTS, d).map((m) => `${m.label}：${m.reason}`);
}

describe('REC-4 · GS-R 8: decision-stage records', () => {
  it('all five parts complete', () => {
    expect(reasons(complete)).toEqual([]);
  });
  it.each([
    ['GS-R 8(一): the handler opinion states the discretion rule', { handlerOpinion: { ...complete.handlerOpinion!, discretionRule: '', evidence: [] } }, '承办人处理意见：承办人处理意见缺少：证据、适用的裁量基准'],
    ['GS-R 8(二): the unit must agree', { unitReview: { ...complete.unitReview!, agreed: false } }, '承办机构审核意见：承办机构审核未同意，须补正后重新审核'],
    ['REV-1 · SX19-L 5: a pending legal review blocks the decision', { legalReview: { reviewId: 'rev-1', outcome: 'pending' as const } }, '法制审核意见：法制审核结论为“审核中”，未通过，不得作出决定'],
    ['REV-1: no legal review at all', { legalReview: undefined }, '法制审核意见：尚未进行法制审核；未经法制审核或者审核未通过的，不得作出决定'],
    ['GS-R 8(五): the approval must approve', { approval: { ...complete.approval!, approved: false } }, '负责人审批决定：负责人未批准'],
    ['GS-R 8: the approval comes last', { approval: { ...complete.approval!, at: '2026-03-12' } }, '负责人审批决定：审批日期 2026-03-12 早于法制审核意见、集体讨论决定的日期'],
  ])('%s', (_n, change, expected) => {
    expect(reasons({ ...complete, ...change })).toEqual([expected]);
  });
  it('NAT-6 · GS-R 8(四): the collective discussion points at a signed 集体讨论记录', () => {
    expect(reasons(complete, [{ id: 'cd-1', kind: 'collectiveDiscussionRecord', signed: false }])).toEqual(['集体讨论决定：集体讨论记录尚未签署']);
    expect(reasons(complete, [])).toEqual(['集体讨论决定：引用的文书不是本案的集体讨论记录']);
  });
  it('missing parts carry their article', () => {
    const m = checkDecisionRecords({}, ['unitReview'])[0];
    expect(m?.basis).toBe('GS-R 第八条（二）');
  });
});
