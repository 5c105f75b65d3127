/**
 * Whether the party may ask for a hearing (听证, NAT-4 · 行政处罚法 Art 63;
 * 生态环境行政处罚办法 Art 46) and whether the summary procedure (简易程序,
 * NAT-12 · 行政处罚法 Art 51) may be used. Thresholds come from the profile
 * ('hearing.fineThreshold.*', 'summary.maxFine.*'), so a province's lower
 * amounts apply without code changes.
 *
 * An individual business (个体工商户) is measured against the citizen amounts
 * (confirm: provinces differ; the agency can override the thresholds).
 */
import type { ResolvedProfile } from '../profiles/types.js';
import { getParam } from '../profiles/resolve.js';
import { type RuleCheck, formatBasis, ruleRef } from './citation.js';
import { CASE_MEASURES, type CaseMeasureKey, measureLabel } from './measures.js';
import type { PartyKind } from './party.js';
import { PENALTY_TYPE_LABELS, type PenaltyType, type ProposedPenalty } from './penalty-types.js';

/** Types that always carry a hearing right (行政处罚法 Art 63 (三)(四)). */
const HEARING_TYPES: readonly PenaltyType[] = ['lowerQualification', 'revokeLicence', 'suspendLicence', 'suspendProduction', 'close', 'restrictEmployment'];

export interface HearingRightInput {
  partyKind: PartyKind;
  penalty?: ProposedPenalty;
  measures?: readonly CaseMeasureKey[];
}

export interface HearingRight {
  applies: boolean;
  /** Chinese reasons, e.g. '罚款 200000 元，达到较大数额（法人或者其他组织 200000 元以上）'. */
  reasons: string[];
  basis: string;
}

function isOrganisation(kind: PartyKind): boolean {
  return kind === 'organisation';
}

/** NAT-4: the hearing right of a proposed penalty under a profile. */
export function hearingRight(input: HearingRightInput, profile: ResolvedProfile): HearingRight {
  const org = isOrganisation(input.partyKind);
  const threshold = getParam(profile, org ? 'hearing.fineThreshold.organisation' : 'hearing.fineThreshold.individual');
  const who = org ? '法人或者其他组织' : '公民';
  const reasons: string[] = [];
  const p = input.penalty;
  if (p) {
    if (p.types.includes('fine') && (p.fineAmount ?? 0) >= threshold.value) {
      reasons.push(`罚款 ${p.fineAmount} 元，达到较大数额（${who} ${threshold.value} 元以上）`);
    }
    const confiscates = p.types.includes('confiscateIllegalGains') || p.types.includes('confiscateIllegalProperty');
    if (confiscates && (p.confiscationAmount ?? 0) >= threshold.value) {
      reasons.push(`没收 ${p.confiscationAmount} 元，达到较大数额或较大价值（${who} ${threshold.value} 元以上）`);
    }
    for (const t of p.types) if (HEARING_TYPES.includes(t)) reasons.push(PENALTY_TYPE_LABELS[t]);
  }
  for (const m of input.measures ?? []) {
    const label = measureLabel(m);
    if (CASE_MEASURES[m].hearingScope && !reasons.includes(label)) reasons.push(label);
  }
  const basis = [formatBasis([ruleRef('APL', '63')]), threshold.basis].join('；');
  return { applies: reasons.length > 0, reasons, basis };
}

/** NAT-12 · 行政处罚法 Art 51: on-the-spot decisions only for a warning or a small fine. */
export function checkSummaryProcedure(partyKind: PartyKind, penalty: ProposedPenalty, profile: ResolvedProfile): RuleCheck {
  const org = isOrganisation(partyKind);
  const max = getParam(profile, org ? 'summary.maxFine.organisation' : 'summary.maxFine.individual');
  const basis = max.basis;
  const label = '适用简易程序';
  const others = penalty.types.filter((t) => t !== 'warning' && t !== 'fine');
  if (penalty.types.length === 0) return { ok: false, missing: [{ kind: 'fact', label, reason: '未载明拟处罚种类', basis }] };
  if (others.length > 0) {
    const names = others.map((t) => PENALTY_TYPE_LABELS[t]).join('、');
    return { ok: false, missing: [{ kind: 'fact', label, reason: `简易程序仅适用于警告或小额罚款，不能处以${names}`, basis }] };
  }
  if (penalty.types.includes('fine')) {
    const amount = penalty.fineAmount ?? 0;
    if (!(amount > 0)) return { ok: false, missing: [{ kind: 'fact', label, reason: '未载明罚款数额', basis }] };
    if (amount > max.value) {
      const who = org ? '法人或者其他组织' : '公民';
      return { ok: false, missing: [{ kind: 'fact', label, reason: `罚款 ${amount} 元超过简易程序上限（${who} ${max.value} 元以下）`, basis }] };
    }
  }
  return { ok: true };
}
