/**
 * Values a new document starts with, taken from the case: the party, the
 * handlers and the certificate numbers they hold (DUR-1: the numbers shown
 * are the handlers'), the case source, the agency, who registers it and
 * today's date. Only fields the kind has are filled; everything stays
 * editable in the draft.
 */
import dayjs from 'dayjs';
import type { CaseView } from '../api/cases.js';
import type { FieldSpec } from '../domain.js';
import { leadFirst } from './cases.js';

export interface PrefillContext {
  caseView: CaseView;
  userName: string;
  today?: string;
}

export function prefillFields(specs: readonly FieldSpec[], ctx: PrefillContext): Record<string, unknown> {
  const c = ctx.caseView;
  const party = c.party;
  const handlers = leadFirst(c.handlers);
  const today = ctx.today ?? dayjs().format('YYYY-MM-DD');
  const candidates: Record<string, unknown> = {
    source: c.source,
    partyName: party?.name,
    target: party?.name,
    partyAddress: party?.address,
    partyCreditCode: party?.creditCode ?? undefined,
    partyIdNumber: party?.idType === 'residentId' ? (party.idNumber ?? undefined) : undefined,
    legalRepresentative: party?.legalRepresentative?.name ?? party?.operator?.name,
    officerNames: handlers.map((h) => h.name),
    handlers: handlers.map((h) => h.name),
    certificateNumbers: handlers.map((h) => h.certificateNumber).filter((n): n is string => !!n),
    agencyName: c.agencyName,
    registeredBy: ctx.userName,
    receivedBy: ctx.userName,
    receivedOn: today,
  };
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const v = candidates[spec.key];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (spec.type === 'choice' && !spec.options?.some((o) => o.value === v)) continue;
    if (spec.type === 'textList' && !Array.isArray(v)) continue;
    if ((spec.type === 'text' || spec.type === 'longText' || spec.type === 'creditCode' || spec.type === 'idNumber') && typeof v !== 'string') continue;
    if (spec.type === 'date' && typeof v !== 'string') continue;
    out[spec.key] = v;
  }
  return out;
}
