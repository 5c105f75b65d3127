/**
 * Small constructors used by the profile definitions, so each value reads like
 * the article it comes from.
 */
import type { PeriodUnit } from '../calendar/period.js';
import type { Citation, DocKey } from './documents.js';
import type { AnchorKey, AvListEntry, DeadlineExtension, SetEntry, SpanDeadline, UnsetEntry } from './types.js';
import type { MeasureKey } from './vocabulary.js';

/** A citation. */
export function cite(doc: DocKey, article: string, text?: string, item?: string): Citation {
  const c: Citation = { doc, article };
  if (item !== undefined) c.item = item;
  if (text !== undefined) c.text = text;
  return c;
}

interface SpanOptions {
  extensions?: readonly DeadlineExtension[];
  direction?: 'after' | 'before';
  rollover?: boolean;
}

function span(unit: PeriodUnit, amount: number, anchor: AnchorKey, o: SpanOptions = {}): SpanDeadline {
  return {
    kind: 'span',
    period: { unit, amount },
    anchor,
    direction: o.direction ?? 'after',
    extensions: o.extensions ?? [],
    rollover: o.rollover ?? false,
  };
}

export const workingDays = (n: number, anchor: AnchorKey, o?: SpanOptions) => span('workingDays', n, anchor, o);
export const calendarDays = (n: number, anchor: AnchorKey, o?: SpanOptions) => span('calendarDays', n, anchor, o);
export const months = (n: number, anchor: AnchorKey, o?: SpanOptions) => span('months', n, anchor, o);
export const years = (n: number, anchor: AnchorKey, o?: SpanOptions) => span('years', n, anchor, o);
export const hours = (n: number, anchor: AnchorKey, o?: SpanOptions) => span('hours', n, anchor, o);

/** A value the profile sets. */
export function set<T>(value: T, citation: Citation, extra: { related?: Citation[]; note?: string } = {}): SetEntry<T> {
  const e: SetEntry<T> = { kind: 'set', value, citation };
  if (extra.related) e.related = extra.related;
  if (extra.note !== undefined) e.note = extra.note;
  return e;
}

/** A value the profile leaves to the agency, with a default until configured. */
export function unset<T>(note: string, defaultValue?: T, citation?: Citation): UnsetEntry<T> {
  const e: UnsetEntry<T> = { kind: 'unset', note };
  if (defaultValue !== undefined) e.default = defaultValue;
  if (citation !== undefined) e.citation = citation;
  return e;
}

/** AV list entries citing one article. */
export function av(citation: Citation, ...measures: MeasureKey[]): AvListEntry[] {
  return measures.map((measure) => ({ measure, citations: [citation] }));
}
