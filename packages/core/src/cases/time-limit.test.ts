import { describe, expect, it } from 'vitest';
import { calendar, profile } from './fixtures.js';
import { checkDecisionExtension, checkDecisionTimeLimit } from './time-limit.js';

const base = { actionType: 'penalty' as const, profile: profile('SX25'), calendar };

describe('NAT-3 · 行政处罚法 第六十条, 生态环境行政处罚办法 第五十七条: the decision within the limit from filing', () => {
  it('NAT-3 · 行政处罚法 第六十条: a decision on day 90 (rolled over to Monday 06-01) passes; on 06-02 it is refused, naming the limit, the filing date and the citation', () => {
    expect(checkDecisionTimeLimit({ ...base, dates: { filingDate: '2026-03-02' }, decisionDate: '2026-06-01' }).ok).toBe(true);
    const late = checkDecisionTimeLimit({ ...base, dates: { filingDate: '2026-03-02' }, decisionDate: '2026-06-02' });
    expect(late.ok).toBe(false);
    if (late.ok) return;
    const reason = late.missing[0]!.reason;
    expect(reason).toContain('自立案之日（2026-03-02）起90日内作出');
    expect(reason).toContain('《生态环境行政处罚办法》第五十七条');
    expect(reason).toContain('《中华人民共和国行政处罚法》第六十条');
    expect(reason).toContain('期限至 2026-06-01');
    expect(reason).toContain('且没有经批准的延长');
    expect(reason).not.toMatch(/EPPM|APL|待确认/);
  });

  it('NAT-3 · 生态环境行政处罚办法 第五十七条: the head\u2019s approved extension of 30 days lets the decision of 06-20 pass', () => {
    const dates = { filingDate: '2026-03-02', penaltyExtensions: [{ amount: 30, approvedBy: '局长 王某', approvedAt: '2026-05-20', reason: '案情复杂，需补充鉴定' }] };
    const r = checkDecisionTimeLimit({ ...base, dates, decisionDate: '2026-06-20' });
    expect(r.ok).toBe(true);
    expect(r.deadline?.due).toBe('2026-06-30');
    expect(r.deadline?.extensions).toEqual([{ amount: 30, approvedBy: '局长 王某', approvedAt: '2026-05-20', reason: '案情复杂，需补充鉴定' }]);
  });

  it('NAT-3 · 生态环境行政处罚办法 第五十七条: a hearing (not counted) moves the limit', () => {
    const dates = { filingDate: '2026-03-02', penaltyPauses: [{ from: '2026-04-10', to: '2026-04-19', reason: 'hearing' as const }] };
    expect(checkDecisionTimeLimit({ ...base, dates, decisionDate: '2026-06-10' }).ok).toBe(true);
  });

  it('NAT-3: summary procedure and cases other than penalties have no such limit here', () => {
    expect(checkDecisionTimeLimit({ ...base, summaryProcedure: true, dates: { filingDate: '2025-01-02' }, decisionDate: '2026-06-02' }).ok).toBe(true);
    expect(checkDecisionTimeLimit({ ...base, actionType: 'inspection', dates: { filingDate: '2025-01-02' }, decisionDate: '2026-06-02' }).ok).toBe(true);
  });
});

describe('NAT-3 · 生态环境行政处罚办法 第五十七条: approving an extension', () => {
  const request = { amount: 30, reason: '案情复杂', approvedBy: '局长 王某', approvedOn: '2026-05-20' };
  it('NAT-3 · 办法 第五十七条: 30 days with a reason within the running limit is approved', () => {
    const r = checkDecisionExtension({ ...base, dates: { filingDate: '2026-03-02' }, request });
    expect(r.ok).toBe(true);
    expect(r.extension).toEqual({ amount: 30, approvedBy: '局长 王某', approvedAt: '2026-05-20', reason: '案情复杂' });
  });
  it('NAT-3 · 办法 第五十七条: refused when the limit has run out, above 30 days, without a reason, or the second time without collective discussion', () => {
    const text = (r: ReturnType<typeof checkDecisionExtension>) => (r.ok ? '' : r.missing[0]!.reason);
    expect(text(checkDecisionExtension({ ...base, dates: { filingDate: '2026-03-02' }, request: { ...request, approvedOn: '2026-06-02' } }))).toBe('办案期限已于 2026-06-01 届满，延长须在期限届满前批准');
    expect(text(checkDecisionExtension({ ...base, dates: { filingDate: '2026-03-02' }, request: { ...request, amount: 45 } }))).toContain('本次延长最多 30 日');
    expect(text(checkDecisionExtension({ ...base, dates: { filingDate: '2026-03-02' }, request: { ...request, reason: ' ' } }))).toContain('须说明延长的理由');
    const once = { filingDate: '2026-03-02', penaltyExtensions: [{ amount: 30, approvedBy: '局长', approvedAt: '2026-05-20', reason: '案情复杂' }] };
    expect(text(checkDecisionExtension({ ...base, dates: once, request: { ...request, approvedOn: '2026-06-20' } }))).toContain('经负责人集体讨论决定继续延期');
    expect(checkDecisionExtension({ ...base, dates: once, request: { ...request, approvedOn: '2026-06-20', collectiveDiscussionDocumentId: 'cd-1' } }).ok).toBe(true);
  });
});
