/**
 * 承办人员 handlers of a case. Investigation acts (inspection, evidence
 * collection, coercive measures, service) are done by at least two officers
 * (行政处罚法 Art 42; 行政强制法 Art 18(二)), each with a valid 执法证
 * (ORG-2 · SX19-P 10(三); GS-P 5(二); SX19-L 11(一); DUR-1).
 */
import type { CivilDate } from '../calendar/civil-date.js';
import { type Certificate, certificateState } from '../org/officer.js';
import { type RuleCheck, type RuleMissing, formatBasis, ruleRef } from './citation.js';

export interface HandlerOfficer {
  id: string;
  name: string;
  /** null when the officer has no certificate on file. */
  certificate: Certificate | null;
}

/** 执法人员不得少于两人. */
export const MIN_HANDLERS = 2;

const COUNT_BASIS = formatBasis([
  ruleRef('APL', '42', undefined, '执法人员不得少于两人，法律另有规定的除外。'),
  ruleRef('ACL', '18', '（二）', '由两名以上行政执法人员实施'),
]);
const CERT_BASIS = formatBasis([ruleRef('SX19-L', '11', '（一）'), ruleRef('GS-P', '5', '（二）'), ruleRef('SX19-P', '10', '（三）')]);

/** Why one officer may not act on `today`, or null when they may. */
export function handlerProblem(o: HandlerOfficer, today: CivilDate): string | null {
  if (!o.certificate) return `${o.name} 未登记执法证，不能从事执法活动`;
  const s = certificateState(o.certificate, today);
  return s.valid ? null : `${o.name} 的执法证 ${o.certificate.number} ${s.reason}，不能从事执法活动`;
}

/**
 * ORG-2 · SX19-L 11(一): at least two distinct officers, each certificate valid
 * on `today` (China date). Every problem is listed, in Chinese.
 */
export function checkHandlers(officers: readonly HandlerOfficer[], today: CivilDate): RuleCheck {
  const missing: RuleMissing[] = [];
  const seen = new Set<string>();
  const distinct = officers.filter((o) => (seen.has(o.id) ? false : (seen.add(o.id), true)));
  for (const o of distinct) {
    const problem = handlerProblem(o, today);
    if (problem) missing.push({ kind: 'handler', label: '执法证', reason: problem, id: o.id, basis: CERT_BASIS });
  }
  if (distinct.length < MIN_HANDLERS) {
    missing.unshift({
      kind: 'handler',
      label: '承办人员',
      reason: `执法人员不得少于${MIN_HANDLERS}人，当前 ${distinct.length} 人`,
      basis: COUNT_BASIS,
    });
  }
  return missing.length === 0 ? { ok: true } : { ok: false, missing };
}
