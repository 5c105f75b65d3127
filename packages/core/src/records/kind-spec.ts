/**
 * The shape of a document kind (文书种类) in the catalogue (REC-2, REC-5,
 * REC-25; GS19 chapters 2–6).
 */
import type { ActionType } from '../cases/action-types.js';
import type { CaseStage } from '../cases/stages.js';
import type { Citation } from '../profiles/documents.js';
import type { FieldSpec } from './fields.js';

/**
 * Named cross-field checks a kind can ask for (built-in or agency kinds):
 * - signatures (REC-5): the party signed, or refused and that is recorded;
 * - certificates (DUR-1): one certificate number per officer, no repeats;
 * - nat7 (NAT-7): the penalty-decision items of 行政处罚法 Art 59.
 */
export const DOCUMENT_CHECK_KEYS = ['signatures', 'certificates', 'nat7'] as const;
export type DocumentCheckKey = (typeof DOCUMENT_CHECK_KEYS)[number];

export interface DocumentKindSpec {
  /** Stable key, e.g. 'penaltyDecision'; agency kinds start with 'agency.'. */
  key: string;
  /** Short code used in numbers, e.g. '罚' → 晋太环罚〔2026〕12号. */
  code: string;
  /** Chinese name, e.g. '行政处罚决定书'. */
  name: string;
  /** The stage the document belongs to. */
  stage: CaseStage;
  actionTypes: readonly ActionType[];
  /**
   * 'issued': sealed and given a 文号 (decisions, notices); 'signed': a record
   * or approval signed by those involved, numbered inside the case (REC-15).
   */
  finalStatus: 'signed' | 'issued';
  /** Goes to the party and must be served (REC-25). */
  servedToParty: boolean;
  fields: readonly FieldSpec[];
  checks: readonly DocumentCheckKey[];
  citations: readonly Citation[];
  builtIn: boolean;
  /** An agency kind's own instrument, e.g. '本局文书格式（2025）'. */
  basis?: string;
}

/** Built-in kind constructor: defaults for the rarely varying parts. */
export function builtInKind(
  spec: Omit<DocumentKindSpec, 'builtIn' | 'checks' | 'servedToParty'> & { checks?: readonly DocumentCheckKey[]; servedToParty?: boolean },
): DocumentKindSpec {
  return {
    ...spec,
    checks: spec.checks ?? [],
    servedToParty: spec.servedToParty ?? spec.finalStatus === 'issued',
    builtIn: true,
  };
}
