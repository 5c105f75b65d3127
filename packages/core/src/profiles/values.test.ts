/**
 * REQUIREMENTS §8 profile table, one row per profile where values differ.
 * Each row: requirement · article, profile, parameter, expected value,
 * origin and the basis shown to users.
 */
import { describe, expect, it } from 'vitest';
import { formatCitation } from './documents.js';
import { PARAM_INFO, PARAM_KEYS } from './param-info.js';
import { resolveProfile } from './resolve.js';
import { formatDeadline } from './rules.js';
import type { DeadlineSpec, ParamKey, ParamOrigin, ProfileId } from './types.js';
import { PROFILE_IDS } from './types.js';

const resolved = Object.fromEntries(PROFILE_IDS.map((id) => [id, resolveProfile(id)])) as Record<
  ProfileId,
  ReturnType<typeof resolveProfile>
>;

type DeadlineRow = [req: string, article: string, profile: ProfileId, key: ParamKey, summary: string, origin: ParamOrigin, basis: string];

const DEADLINE_ROWS: DeadlineRow[] = [
  // PUB-2 publish penalty / permit / other decisions
  ['PUB-2', 'MEE19 一(三)1', 'national', 'publication.penalty', '7个工作日', 'own', 'MEE19 一（三）1'],
  ['PUB-2', 'SX25-P 14', 'SX25', 'publication.penalty', '7个工作日', 'own', 'SX25-P 第十四条第二款'],
  ['PUB-2', 'SX19-P 13', 'SX19', 'publication.penalty', '7个工作日', 'own', 'SX19-P 第十三条'],
  ['PUB-2', 'GS-P 15', 'GS19', 'publication.penalty', '7个工作日', 'own', 'GS-P 第十五条第二款'],
  ['PUB-2', 'XX-P 14', 'XX19', 'publication.penalty', '7个工作日', 'own', 'XX-P 第十四条'],
  ['PUB-2', 'SX25-P 14', 'SX25', 'publication.permit', '7个工作日', 'own', 'SX25-P 第十四条第二款'],
  ['PUB-2', 'MEE19 一(三)1 (XX-P 14 names penalties only)', 'XX19', 'publication.permit', '7个工作日', 'inherited', 'MEE19 一（三）1'],
  ['PUB-2', 'MEE19 一(三)1', 'national', 'publication.other', '20个工作日', 'own', 'MEE19 一（三）1'],
  ['PUB-2', 'SX25-P 14', 'SX25', 'publication.other', '20个工作日', 'own', 'SX25-P 第十四条第一款'],
  ['PUB-2', 'SX19-P 13', 'SX19', 'publication.other', '20个工作日', 'own', 'SX19-P 第十三条'],
  ['PUB-2', 'GS-P 15', 'GS19', 'publication.other', '7个工作日', 'own', 'GS-P 第十五条第二款'],
  ['PUB-2', 'XX-P 14', 'XX19', 'publication.other', '20个工作日', 'own', 'XX-P 第十四条'],
  // ORG-6
  ['ORG-6', 'GS-P 15', 'GS19', 'publication.exAnte', '20个工作日', 'own', 'GS-P 第十五条第一款'],
  // PUB-8 withdrawal
  ['PUB-8', '行政处罚法 48 (NAT-9)', 'national', 'publication.withdrawal', '3个工作日', 'own', '行政处罚法 第四十八条（另见 MEE19 一（三）2）'],
  ['PUB-8', 'SX25-P 25', 'SX25', 'publication.withdrawal', '3个工作日', 'own', 'SX25-P 第二十五条'],
  ['PUB-8', 'SX19-P 17 promptly → 行政处罚法 48', 'SX19', 'publication.withdrawal', '3个工作日', 'own', '行政处罚法 第四十八条（另见 SX19-P 第十七条）'],
  ['PUB-8', 'GS-P 16', 'GS19', 'publication.withdrawal', '7个工作日', 'own', 'GS-P 第十六条'],
  ['PUB-8', 'XX-P 17 promptly → 行政处罚法 48', 'XX19', 'publication.withdrawal', '3个工作日', 'own', '行政处罚法 第四十八条（另见 XX-P 第十七条）'],
  // PUB-7 publication windows
  ['PUB-7', 'SX25-P 18', 'SX25', 'publication.windowMin.general', '3个月', 'own', 'SX25-P 第十八条第二款'],
  ['PUB-7', 'SX25-P 18', 'SX25', 'publication.windowMax.general', '1年', 'own', 'SX25-P 第十八条第二款'],
  ['PUB-7', 'SX25-P 18', 'SX25', 'publication.windowMin.serious', '6个月', 'own', 'SX25-P 第十八条第二款'],
  ['PUB-7', 'SX25-P 18', 'SX25', 'publication.windowMax.serious', '3年', 'own', 'SX25-P 第十八条第二款'],
  ['PUB-7', 'XX-P 15', 'XX19', 'publication.windowMin.general', '1年', 'own', 'XX-P 第十五条'],
  ['PUB-7', 'XX-P 15', 'XX19', 'publication.windowMin.serious', '1年', 'own', 'XX-P 第十五条'],
  // PUB-9 corrections
  ['PUB-9', 'GS-P 17', 'GS19', 'correction.verify', '10个工作日', 'own', 'GS-P 第十七条'],
  ['PUB-9', 'GS-P 17', 'GS19', 'correction.respond', '3个工作日', 'own', 'GS-P 第十七条'],
  // REC-14 AV upload
  ['REC-14', 'SX25-R 19', 'SX25', 'av.upload', '2个工作日', 'own', 'SX25-R 第十九条第二款'],
  ['REC-14', 'SX19-R 17', 'SX19', 'av.upload', '2个工作日', 'own', 'SX19-R 第十七条'],
  ['REC-14', 'GS-R 43', 'GS19', 'av.upload', '24小时', 'own', 'GS-R 第四十三条第二款'],
  ['REC-14', 'XX-R 15', 'XX19', 'av.upload', '案件调查终结之日：每个案件调查终结后，及时将执法记录仪声像资料连同案卷一并交核审', 'own', 'XX-R 第十五条'],
  // REC-19 archive
  ['REC-19', 'GS-R 41', 'GS19', 'archive', '30日', 'own', 'GS-R 第四十一条'],
  // REV-6 legal review limit
  ['REV-6', 'national: agency configures', 'national', 'review.timeLimit', '10个工作日，可延长10个工作日', 'default', '规则未规定，由本机关配置（当前为平台默认值）；参见 MEE19 三（四）'],
  ['REV-6', 'SX19-L 14 (inherited)', 'SX25', 'review.timeLimit', '10个工作日，可延长10个工作日', 'inherited', 'SX19-L 第十四条'],
  ['REV-6', 'SX19-L 14', 'SX19', 'review.timeLimit', '10个工作日，可延长10个工作日', 'own', 'SX19-L 第十四条'],
  ['REV-6', 'GS19: not set, agency configures', 'GS19', 'review.timeLimit', '10个工作日，可延长10个工作日', 'default', '规则未规定，由本机关配置（当前为平台默认值）；参见 GS-P 第十四条'],
  ['REV-6', 'XX-L 10', 'XX19', 'review.timeLimit', '7个工作日，可延长3个工作日', 'own', 'XX-L 第十条'],
  // NAT time limits (inherited by every profile)
  ['NAT-3', '办法 Art 18', 'national', 'filing.decide', '15日，可延长15日', 'own', '生态环境行政处罚办法 第十八条'],
  ['NAT-3', '办法 Art 57', 'national', 'penalty.decide', '90日，可延长30日，可延长30日', 'own', '生态环境行政处罚办法 第五十七条（另见 行政处罚法 第六十条）'],
  ['NAT-8', '行政处罚法 61', 'national', 'service', '7个工作日', 'own', '行政处罚法 第六十一条'],
  ['NAT-4', '行政处罚法 64(一)', 'national', 'hearing.request', '5个工作日', 'own', '行政处罚法 第六十四条（一）'],
  ['NAT-4', '行政处罚法 64(二)', 'national', 'hearing.notice', '举行听证之日前7个工作日', 'own', '行政处罚法 第六十四条（二）'],
  ['NAT-10', '行政强制法 25', 'national', 'seizure.max', '30日，可延长30日', 'own', '行政强制法 第二十五条'],
  ['NAT-12', '行政处罚法 67', 'national', 'penalty.payment', '15日', 'own', '行政处罚法 第六十七条'],
  ['NAT-11', '按日连续处罚办法 10', 'national', 'dailyPenalty.reinspection', '30日', 'own', '按日连续处罚办法 第十条'],
  ['NAT-3', '办法 Art 18 (inherited)', 'SX25', 'filing.decide', '15日，可延长15日', 'inherited', '生态环境行政处罚办法 第十八条'],
  ['NAT-10', '行政强制法 25 (inherited)', 'XX19', 'seizure.max', '30日，可延长30日', 'inherited', '行政强制法 第二十五条'],
];

describe('REQUIREMENTS §8 · deadline parameters per profile', () => {
  it.each(DEADLINE_ROWS)('%s · %s: %s %s = %s', (_req, _article, profile, key, summary, origin, basis) => {
    const p = resolved[profile].params[key];
    expect(p).toBeDefined();
    expect(formatDeadline(p?.value as DeadlineSpec)).toBe(summary);
    expect(p?.origin).toBe(origin);
    expect(p?.basis).toBe(basis);
  });
});

type ValueRow = [req: string, article: string, profile: ProfileId, key: ParamKey, value: unknown, origin: ParamOrigin];

const VALUE_ROWS: ValueRow[] = [
  ['ORG-7', 'SX19-L 7', 'SX19', 'review.reviewerRatio', 0.05, 'own'],
  ['ORG-7', 'SX19-L 7 (inherited)', 'SX25', 'review.reviewerRatio', 0.05, 'inherited'],
  ['REV-6', 'SX19-L 14', 'SX19', 'review.pauseReasons', ['supplement', 'expertReview', 'interpretation'], 'own'],
  ['REV-6', 'XX-L 10', 'XX19', 'review.pauseReasons', ['supplement', 'expertReview', 'thirdPartyReview', 'consultation', 'interpretation'], 'own'],
  ['REV-6', 'national default', 'GS19', 'review.pauseReasons', ['supplement', 'expertReview', 'interpretation'], 'default'],
  ['NAT-3', '办法 Art 57', 'national', 'penalty.pauseReasons', ['suspension', 'hearing', 'announcement', 'monitoring', 'assessment', 'appraisal', 'determination', 'service'], 'own'],
  ['NAT-10', '行政强制法 25', 'national', 'seizure.pauseReasons', ['testing'], 'own'],
  ['NAT-4', '办法 Art 46', 'national', 'hearing.fineThreshold.organisation', 200_000, 'own'],
  ['NAT-4', '(confirm)', 'national', 'hearing.fineThreshold.individual', 5_000, 'default'],
  ['NAT-12', '行政处罚法 51', 'national', 'summary.maxFine.individual', 200, 'own'],
  ['NAT-12', '行政处罚法 51', 'national', 'summary.maxFine.organisation', 3_000, 'own'],
  ['NAT-12', '行政处罚法 72', 'national', 'penalty.lateFee', { ratePerDay: 0.03, cappedAtFine: true }, 'own'],
  ['REV-2', 'MEE19 三(二)', 'national', 'majorDecision.criteria', ['publicInterest', 'socialImpact', 'majorRights', 'afterHearing', 'complex'], 'own'],
  ['REV-2', 'SX19-L 9', 'SX25', 'majorDecision.criteria', ['publicInterest', 'socialImpact', 'majorRights', 'afterHearing', 'complex', 'requiredByLaw', 'other'], 'inherited'],
  ['REV-2', 'XX-L 3', 'XX19', 'majorDecision.criteria', ['publicInterest', 'socialImpact', 'majorRights', 'afterHearing', 'complex', 'transferToJudiciary', 'requiredByLaw'], 'own'],
  ['REV-2', 'agency adjusts', 'GS19', 'majorDecision.amountThreshold', { organisation: 200_000, individual: 5_000 }, 'default'],
  ['REC-18', 'XX-R 16', 'XX19', 'av.retention.routineMonths', 12, 'own'],
  ['REC-18', 'national default', 'GS19', 'av.retention.routineMonths', 12, 'default'],
  ['REC-18', 'GS-R 43', 'GS19', 'av.retention.evidence', 'withCaseFile', 'own'],
  ['REC-18', 'XX-R 16', 'XX19', 'av.retention.evidence', 'withCaseFile', 'own'],
  ['REC-18', 'GS-R 43', 'GS19', 'av.retention.litigationHold', true, 'own'],
  ['REC-18', 'XX-R 10', 'XX19', 'av.retention.longTerm', ['massIncident', 'personalSafetyCase', 'obstructionOrAbuse', 'objectionLikelyLitigation', 'sensitiveCase'], 'own'],
];

describe('REQUIREMENTS §8/§9 · other parameters per profile', () => {
  it.each(VALUE_ROWS)('%s · %s: %s %s', (_req, _article, profile, key, value, origin) => {
    const p = resolved[profile].params[key];
    expect(p?.value).toEqual(value);
    expect(p?.origin).toBe(origin);
  });

  it.each([
    ['ORG-7', 'GS19', 'review.reviewerRatio'],
    ['ORG-7', 'XX19', 'review.reviewerRatio'],
    ['PUB-9', 'SX25', 'correction.verify'],
    ['REC-19', 'SX25', 'archive'],
    ['REC-14', 'national', 'av.upload'],
    ['REC-18', 'SX25', 'av.retention.longTerm'],
  ] as const)('%s: %s leaves %s undefined', (_req, profile, key) => {
    expect(resolved[profile].params[key]).toBeUndefined();
  });
});

const MANDATORY: Record<ProfileId, string[]> = {
  national: ['seal', 'seize', 'restrictProduction', 'suspendProduction', 'close', 'majorRightsOnSite'],
  SX19: ['seal', 'seize', 'forcedDemolition', 'substituteExecution', 'restrictPersonalFreedom', 'majorRightsOnSite', 'restrictProduction', 'suspendProduction', 'close'],
  SX25: [
    'seal', 'seize', 'substituteExecution', 'restrictProduction', 'suspendForRectification', 'suspendProduction', 'close',
    'restrictEmployment', 'employmentBan', 'demolition', 'detention', 'majorRightsOnSite', 'forcedDemolition', 'restrictPersonalFreedom',
  ],
  GS19: [
    'onSiteInspection', 'evidenceCollection', 'coerciveMeasure', 'enforcement', 'reviewDecision', 'serviceAndExecution', 'archiving',
    'serviceHall', 'interview', 'inquiry', 'hearing', 'disputeProne', 'seal', 'seize', 'forcedDemolition', 'majorRightsOnSite',
    'statementAndDefence', 'serviceLeftAtDomicile', 'serviceByPublicNotice', 'restrictProduction', 'suspendProduction', 'close',
  ],
  XX19: [
    'complaintCallOut', 'onSiteInspection', 'evidenceCollection', 'coerciveMeasure', 'evidencePreservation', 'sampling', 'massIncident',
    'personalSafetyCase', 'obstructionOrAbuse', 'objectionLikelyLitigation', 'sensitiveCase', 'seal', 'seize', 'restrictProduction',
    'suspendProduction', 'close', 'majorRightsOnSite',
  ],
};

const MANDATORY_BASIS: Record<ProfileId, string> = {
  national: 'MEE19 二（一）2',
  SX19: 'SX19-R 第十条；MEE19 二（一）2',
  SX25: 'SX25-R 第十二条；SX19-R 第十条；MEE19 二（一）2',
  GS19: 'GS-R 第九条；MEE19 二（一）2',
  XX19: 'XX-R 第五条；MEE19 二（一）2',
};

describe('REC-6 · AV mandatory lists accumulate along the chain (each document binds the agency)', () => {
  it.each(PROFILE_IDS.map((id) => [id] as const))('REC-6: %s', (id) => {
    const p = resolved[id].params['av.mandatory'];
    expect(p?.value.map((e) => e.measure)).toEqual(MANDATORY[id]);
    expect(p?.basis).toBe(MANDATORY_BASIS[id]);
    for (const e of p?.value ?? []) expect(e.citations.length).toBeGreaterThan(0);
  });

  it('REC-6 · SX25-R 12 and SX19-R 10 both cite 查封', () => {
    const seal = resolved.SX25.params['av.mandatory']?.value.find((e) => e.measure === 'seal');
    expect(seal?.citations.map(formatCitation)).toEqual(['SX25-R 第十二条（一）', 'SX19-R 第十条（一）', 'MEE19 二（一）2']);
    expect(seal?.sources).toEqual(['SX25', 'SX19', 'national']);
  });
});

describe('every value carries a citation or is marked as agency/default', () => {
  it.each(PROFILE_IDS.map((id) => [id] as const))('%s', (id) => {
    for (const key of PARAM_KEYS) {
      const p = resolved[id].params[key];
      if (!p) continue;
      expect(PARAM_INFO[key].requirement).toMatch(/^[A-Z]{3}-\d+$/);
      if (p.origin === 'own' || p.origin === 'inherited') {
        expect(p.citation, `${id} ${key}`).not.toBeNull();
        if (p.citation) expect(p.basis.startsWith(formatCitation(p.citation))).toBe(true);
      } else {
        expect(p.basis).toMatch(/本机关配置/);
      }
    }
  });
});

describe('citations as officers read them (issue 15)', () => {
  it('a citation flagged for confirmation never prints 「待确认」; the flag stays on the object', () => {
    const c = { doc: 'EPPM' as const, article: '62', item: '（二）', confirm: true };
    expect(formatCitation(c)).toBe('生态环境行政处罚办法 第六十二条（二）');
    expect(formatCitation(c)).not.toContain('待确认');
    expect(c.confirm).toBe(true);
  });
});
