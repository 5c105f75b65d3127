import { describe, expect, it } from 'vitest';
import { auditDetailLines } from './auditDetail.js';

describe('SYS-5 · issue 15 item 4: audit details in words', () => {
  it('role changes as 由…改为… with role names; changed fields by name; flags 是/否; ids left out', () => {
    expect(auditDetailLines('user.assignRoles', { before: ['officer'], after: ['officer', 'legalReviewer'] })).toEqual(['由 执法人员 改为 执法人员、法制审核人员']);
    expect(auditDetailLines('user.update', { changed: ['phone', 'post'] })).toEqual(['修改了：电话、职务']);
    expect(auditDetailLines('document.correct', { documentId: 'd1', caseId: 'c1', version: 2, supersedes: 1, reason: '笔误', reissueRequired: false })).toEqual(['版本：2', '更正前版本：1', '理由：笔误', '须重新送达：否']);
    expect(auditDetailLines('auth.login', { reason: 'bad_password' })).toEqual(['理由：密码错误']);
    expect(auditDetailLines('auth.login', {})).toEqual([]);
    // A record's parts before and after: the parts that changed, by name; ids never shown.
    expect(auditDetailLines('case.update', { before: { decisionRecords: { a: 1 }, title: 'x' }, after: { decisionRecords: { a: 2 }, title: 'x' }, reviewerId: 'u1', mediaIds: [] })).toEqual(['修改了：决定记录']);
    expect(auditDetailLines('review.submit', { major: true, round: 1 })).toEqual(['重大执法决定：是', '审核轮次：1']);
  });
});
