/**
 * The redaction diff of one field as runs of text (PUB-4): the original with
 * its masked and lifted spans, and the text to publish with the replacements.
 * Mask positions are in the original; the original is rebuilt from the
 * published text and the masks (as core's originalText does), so both sides
 * always agree with what the server will publish.
 */
import type { LiftedMask, Mask } from '../../domain.js';
import type { RedactedField } from './disclosureApi.js';

export type Segment = { text: string; mask?: undefined; lifted?: undefined } | { text: string; mask: Mask; lifted?: undefined } | { text: string; lifted: LiftedMask; mask?: undefined };

const byStart = <T extends { start: number }>(list: readonly T[]) => [...list].sort((a, b) => a.start - b.start);

/** The original text of a redacted field. */
export function originalOf(r: Pick<RedactedField, 'text' | 'masks'>): string {
  let out = '';
  let outPos = 0;
  let origPos = 0;
  for (const m of byStart(r.masks)) {
    const same = m.start - origPos;
    out += r.text.slice(outPos, outPos + same) + m.original;
    outPos += same + m.replacement.length;
    origPos = m.end;
  }
  return out + r.text.slice(outPos);
}

/** The original with masked spans and lifted spans marked. */
export function originalSegments(original: string, r: Pick<RedactedField, 'masks' | 'lifted'>): Segment[] {
  const marks = byStart<{ start: number; end: number; seg: (text: string) => Segment }>([
    ...r.masks.map((m) => ({ start: m.start, end: m.end, seg: (text: string): Segment => ({ text, mask: m }) })),
    ...r.lifted.map((l) => ({ start: l.start, end: l.end, seg: (text: string): Segment => ({ text, lifted: l }) })),
  ]);
  const out: Segment[] = [];
  let pos = 0;
  for (const m of marks) {
    const start = Math.max(m.start, pos);
    const end = Math.min(m.end, original.length);
    if (end <= start) continue;
    if (start > pos) out.push({ text: original.slice(pos, start) });
    out.push(m.seg(original.slice(start, end)));
    pos = end;
  }
  if (pos < original.length) out.push({ text: original.slice(pos) });
  return out;
}

/** The text to publish with each replacement marked. */
export function publishedSegments(r: Pick<RedactedField, 'text' | 'masks'>): Segment[] {
  const out: Segment[] = [];
  let outPos = 0;
  let origPos = 0;
  for (const m of byStart(r.masks)) {
    const same = m.start - origPos;
    if (same > 0) out.push({ text: r.text.slice(outPos, outPos + same) });
    outPos += same;
    out.push({ text: r.text.slice(outPos, outPos + m.replacement.length), mask: m });
    outPos += m.replacement.length;
    origPos = m.end;
  }
  if (outPos < r.text.length) out.push({ text: r.text.slice(outPos) });
  return out;
}

/**
 * Where a selection inside `container` starts and ends, counted in the
 * container's text (the original, rendered run by run). Null when the
 * selection is empty or not inside the container.
 */
export function selectionOffsets(container: HTMLElement, selection: Selection | null): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}
