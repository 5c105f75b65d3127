/**
 * Sample values that satisfy a template (for print previews and tests): each
 * field gets a plausible value of its type, attestations are ticked and the
 * party signed. Proves every built-in template can be completed.
 */
import { creditCodeCheckChar, idNumberCheckChar } from '../identity/identity.js';
import type { DocumentFieldValues, FieldSpec } from './fields.js';
import type { DocumentKindSpec } from './kind-spec.js';

const ID17 = '14010519800101001';
const CREDIT17 = '91140100MA0K12345';
export const SAMPLE_ID_NUMBER = ID17 + idNumberCheckChar(ID17);
export const SAMPLE_CREDIT_CODE = CREDIT17 + creditCodeCheckChar(CREDIT17);
export const SAMPLE_OFFICERS = ['张三', '李四'] as const;
export const SAMPLE_CERTIFICATES = ['14010020001', '14010020002'] as const;

/** Keys whose sample differs from the generic one. */
const SPECIAL: Readonly<Record<string, unknown>> = {
  officerNames: [...SAMPLE_OFFICERS],
  certificateNumbers: [...SAMPLE_CERTIFICATES],
  handlers: [...SAMPLE_OFFICERS],
  partySigned: true,
  partyRefused: false,
  emergency: false,
  hearingRightsIncluded: false,
};

function sample(f: FieldSpec): unknown {
  if (Object.prototype.hasOwnProperty.call(SPECIAL, f.key)) return SPECIAL[f.key];
  switch (f.type) {
    case 'text':
    case 'longText':
      return `${f.label}（示例）`;
    case 'date':
      return '2026-03-02';
    case 'dateTime':
      return '2026-03-02T09:00:00+08:00';
    case 'boolean':
      return true;
    case 'integer':
      return f.min ?? 1;
    case 'money':
      return f.min ?? 1000;
    case 'textList':
      return Array.from({ length: Math.max(f.minItems ?? 1, 1) }, (_, i) => `${f.label}${i + 1}`);
    case 'choice':
      return f.options?.[0]?.value;
    case 'choiceList':
      return f.options?.[0] ? [f.options[0].value] : [];
    case 'creditCode':
      return SAMPLE_CREDIT_CODE;
    case 'idNumber':
      return SAMPLE_ID_NUMBER;
  }
}

/** A complete set of values for `kind`, with `overrides` applied. */
export function sampleFields(kind: DocumentKindSpec, overrides: DocumentFieldValues = {}): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of kind.fields) values[f.key] = sample(f);
  return { ...values, ...overrides };
}
