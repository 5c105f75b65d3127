/**
 * Puts an API error next to the form field it concerns: a known error code
 * (e.g. an invalid 统一社会信用代码) or a schema validation failure whose
 * detail names the field (`instancePath` "/postcode").
 */
import { isApiError } from '../api/client.js';

export interface FieldError<N extends string> {
  name: N;
  errors: string[];
}

/** Field errors for `form.setFields`; empty when the error concerns no field of the form. */
export function apiFieldErrors<N extends string>(e: unknown, fields: readonly N[], codeFields: Partial<Record<string, N>> = {}): FieldError<N>[] {
  if (!isApiError(e)) return [];
  const isField = (name: string | undefined): name is N => !!name && (fields as readonly string[]).includes(name);
  const byCode = codeFields[e.code];
  if (isField(byCode)) return [{ name: byCode, errors: [e.message] }];
  if (e.code !== 'validation.failed') return [];
  const out = new Map<N, string[]>();
  for (const d of e.details) {
    const name = typeof d.instancePath === 'string' ? d.instancePath.replace(/^\//, '').split('/')[0] : undefined;
    if (!isField(name)) continue;
    const list = out.get(name) ?? [];
    list.push(typeof d.message === 'string' && d.message ? d.message : '格式不正确');
    out.set(name, list);
  }
  return [...out].map(([name, errors]) => ({ name, errors }));
}
