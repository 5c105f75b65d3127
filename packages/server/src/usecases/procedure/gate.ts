/**
 * Issue 11: the procedure enforced on the server. Every draft, signature,
 * issue and service of a document passes the pure checks of the core
 * (`checkDocumentAct`, `checkActDate` in packages/core/src/cases/document-gate.ts)
 * against the case as stored; a refusal is a 409 naming the stage and what
 * must come first.
 */
import { AppError, checkActDate, checkDecisionTimeLimit, checkDocumentAct, checkFine, getDocumentKind, type CaseTimeline, type CivilDate, type DocumentAct, type DocumentKindSpec, type RuleMissing, type ViolationCatalogue } from '@sanxiang/core';
import type { DbOrTx } from '../../db/client.js';
import { chinaDate } from '../../lib/time.js';
import { advanceInput, loadCaseContext, type CaseContext, type CaseRow } from '../case-context.js';
import { agencyCatalogue } from '../document-kinds.js';

function text(missing: readonly RuleMissing[]): string {
  return missing.map((m) => (m.reason ? `${m.label}（${m.reason}）` : m.label)).join('；');
}

/** Kinds whose signed records end the fact-finding a decision rests on (调查取证, 陈述申辩, 听证). */
function isRecordOfFacts(kind: DocumentKindSpec | undefined): boolean {
  return !!kind && (kind.stage === 'investigation' || kind.key === 'statementRecord' || kind.key === 'hearingRecord');
}

/** Filing date and the date of the last signed record of facts. */
export function caseTimeline(c: CaseContext): CaseTimeline {
  const catalogue = agencyCatalogue(c.agency);
  const kindOf = new Map(c.documentRows.map((d) => [d.id, d.kind]));
  let last: CivilDate | undefined;
  for (const v of c.versionRows) {
    if (v.status === 'draft' || !v.finalizedAt) continue;
    if (!isRecordOfFacts(getDocumentKind(kindOf.get(v.documentId) ?? '', catalogue))) continue;
    const d = chinaDate(v.finalizedAt);
    if (!last || d > last) last = d;
  }
  return { filingDate: c.row.dates.filingDate, lastRecordDate: last };
}

/**
 * Refuses `act` on a document of `kind` unless the case is in a stage that
 * allows it and, for a decision, everything before it is done; `date` is the
 * day of the act (a decision's issue date).
 */
export async function assertDocumentAct(db: DbOrTx, row: CaseRow, kind: DocumentKindSpec, act: DocumentAct, opts: { now: Date; date?: CivilDate | undefined; extraDocuments?: CaseContext['snapshot']['documents'] }): Promise<void> {
  const c = await loadCaseContext(db, row);
  const today = chinaDate(opts.now);
  const date = opts.date ?? today;
  if (act !== 'draft') {
    const dated = checkActDate({ date, today, timeline: caseTimeline(c), what: act === 'issue' ? `${kind.name}签发` : `${kind.name}签署`, isDecision: kind.key === 'penaltyDecision' });
    if (!dated.ok) throw new AppError('document.date_invalid', { detail: text(dated.missing), details: dated.missing });
  }
  const input = advanceInput(c, date);
  const check = checkDocumentAct({ ...input, kind, act });
  if (check.ok) {
    // NAT-3 · 行政处罚法 第六十条, 生态环境行政处罚办法 第五十七条: made within the limit from filing, or an approved extension.
    if (kind.key === 'penaltyDecision' && act === 'issue') {
      const limit = checkDecisionTimeLimit({ actionType: c.row.actionType, summaryProcedure: c.row.flags.summaryProcedure ?? false, dates: c.row.dates, profile: c.profile, calendar: c.calendar, decisionDate: date });
      if (!limit.ok) throw new AppError('penalty.time_limit_exceeded', { detail: limit.missing.map((m) => m.reason).join('；'), details: limit.missing });
    }
    return;
  }
  if (check.missing.some((m) => m.kind === 'stage')) throw new AppError('document.stage_refused', { detail: check.missing.map((m) => m.reason).join('；'), details: check.missing });
  throw new AppError('document.prerequisites_missing', { kind: kind.name, detail: text(check.missing), details: check.missing });
}

/**
 * NAT-22: a penalty decision's fine lies within the range of the article it
 * cites (violation catalogue, packages/core/src/cases/violations.ts); outside
 * the discretion band the circumstances fall in, only with a stated reason
 * (`discretionReason`, kept on the decision, which the legal reviewer reads).
 */
export function assertFineWithinRange(kindKey: string, fields: Record<string, unknown>, catalogue?: ViolationCatalogue): void {
  if (kindKey !== 'penaltyDecision') return;
  const types = Array.isArray(fields.penaltyTypes) ? fields.penaltyTypes : [];
  if (!types.includes('fine') || typeof fields.fineAmount !== 'number' || typeof fields.legalBasis !== 'string') return;
  const r = checkFine({
    legalBasis: fields.legalBasis,
    fineAmount: fields.fineAmount,
    baseAmount: typeof fields.baseAmount === 'number' ? fields.baseAmount : undefined,
    bandLabel: typeof fields.discretionBand === 'string' ? fields.discretionBand : undefined,
    discretionReason: typeof fields.discretionReason === 'string' ? fields.discretionReason : undefined,
  }, catalogue);
  if (r.ok) return;
  const detail = r.missing.map((m) => `${m.reason}（${m.basis}）`).join('；');
  throw new AppError(r.missing.some((m) => m.id === 'fine.range') ? 'penalty.fine_out_of_range' : 'penalty.discretion_reason_required', { detail, details: r.missing });
}
