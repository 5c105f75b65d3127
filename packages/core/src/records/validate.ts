/**
 * `validateDocumentFields`: a document's values against its kind — the field
 * schema plus the kind's named checks (REC-5 signatures, DUR-1 certificates,
 * NAT-7 for the penalty decision).
 */
import { type CivilDate, civilDateOf, isDateTime } from '../calendar/civil-date.js';
import type { RuleMissing } from '../cases/citation.js';
import { type HandlerOfficer, handlerProblem } from '../cases/handlers.js';
import { type DocumentCatalogue, DEFAULT_CATALOGUE, getDocumentKind } from './catalogue.js';
import { type DocumentFieldValues, type DocumentStatus, type FieldCheck, validateFields } from './fields.js';
import type { DocumentKindSpec } from './kind-spec.js';
import { checkPenaltyDecision } from './penalty-decision.js';

export interface ValidateDocumentOptions {
  /** The status being reached; default the kind's final status (signed or issued). */
  status?: DocumentStatus;
  /** Where agency kinds are looked up; default the built-ins. */
  catalogue?: DocumentCatalogue;
  /** DUR-1: the case's handlers, to check each certificate number shown was valid that day. */
  officers?: readonly HandlerOfficer[];
  /** Day of the record for the certificate check; default the China date of `startAt`. */
  date?: CivilDate;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** REC-5 · GS-R 4(二): the party signed, or the refusal is recorded (fields then require the note and witness). */
function signatureCheck(values: DocumentFieldValues, missing: RuleMissing[], invalid: RuleMissing[]): void {
  const signed = values.partySigned === true;
  const refused = values.partyRefused === true;
  if (signed && refused) {
    invalid.push({ kind: 'field', label: '当事人签名', reason: '不能同时记录为已签名和拒绝签名', id: 'partySigned', basis: 'REC-5 · GS-R 4(二)' });
  } else if (!signed && !refused) {
    missing.push({
      kind: 'field',
      label: '当事人签名',
      reason: '须由当事人签名确认；当事人拒绝签名的，须注明情况并按规定由见证人签名',
      id: 'partySigned',
      basis: 'REC-5 · GS-R 4(二)',
    });
  }
}

/** DUR-1 · GS-R 22(六): one certificate number per officer, no repeats, and (with the handlers) valid that day. */
function certificateCheck(values: DocumentFieldValues, options: ValidateDocumentOptions, invalid: RuleMissing[]): void {
  const officers = strings(values.officerNames);
  const numbers = strings(values.certificateNumbers);
  const basis = 'DUR-1 · GS-R 22(六)';
  if (numbers.length > 0 && numbers.length < officers.length) {
    invalid.push({ kind: 'field', label: '出示的执法证号', reason: `执法人员 ${officers.length} 人，只记录了 ${numbers.length} 个执法证号`, id: 'certificateNumbers', basis });
  }
  const dup = numbers.filter((n, i) => numbers.indexOf(n) !== i);
  if (dup.length > 0) invalid.push({ kind: 'field', label: '出示的执法证号', reason: `执法证号重复：${[...new Set(dup)].join('、')}`, id: 'certificateNumbers', basis });

  if (!options.officers) return;
  const startAt = values.startAt;
  const day = options.date ?? (typeof startAt === 'string' && isDateTime(startAt) ? civilDateOf(startAt) : undefined);
  for (const n of new Set(numbers)) {
    const officer = options.officers.find((o) => o.certificate?.number === n);
    if (!officer) {
      invalid.push({ kind: 'handler', label: '出示的执法证号', reason: `执法证 ${n} 不属于本案承办人员`, id: 'certificateNumbers', basis });
      continue;
    }
    const problem = day ? handlerProblem(officer, day) : null;
    if (problem) invalid.push({ kind: 'handler', label: '出示的执法证号', reason: problem, id: 'certificateNumbers', basis: 'ORG-2 · SX19-L 11(一)' });
  }
}

/**
 * Checks `fields` for a document of `kind` (a built-in key, an agency key
 * found in `options.catalogue`, or a spec). Returns what is missing and what is
 * invalid; never throws.
 */
export function validateDocumentFields(
  kind: string | DocumentKindSpec,
  fields: DocumentFieldValues,
  options: ValidateDocumentOptions = {},
): FieldCheck {
  const spec = typeof kind === 'string' ? getDocumentKind(kind, options.catalogue ?? DEFAULT_CATALOGUE) : kind;
  if (!spec) {
    return { ok: false, missing: [{ kind: 'document', label: '文书种类', reason: `未知的文书种类“${String(kind)}”`, id: String(kind) }], invalid: [] };
  }
  const status = options.status ?? spec.finalStatus;
  const base = validateFields(spec.fields, fields, status);
  const missing = base.ok ? [] : [...base.missing];
  const invalid = base.ok ? [] : [...base.invalid];
  if (status !== 'draft') {
    for (const check of spec.checks) {
      if (check === 'signatures') signatureCheck(fields, missing, invalid);
      else if (check === 'certificates') certificateCheck(fields, options, invalid);
      else if (check === 'nat7' && status === 'issued') {
        const r = checkPenaltyDecision(fields);
        if (!r.ok) {
          const seen = new Set([...missing, ...invalid].map((m) => m.id));
          for (const m of r.missing) if (!seen.has(m.id)) missing.push(m);
        }
      }
    }
  }
  return missing.length === 0 && invalid.length === 0 ? { ok: true } : { ok: false, missing, invalid };
}
