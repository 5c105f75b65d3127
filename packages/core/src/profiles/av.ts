/**
 * REC-6, REC-7 · whether a measure must be recorded on audio-video under a
 * profile: 'mandatory' (应当音像记录), 'situational' (根据实际情况音像记录 —
 * record unless impossible and note why), or 'none'. Mandatory wins when a
 * measure is on both lists (e.g. GS-R 9 makes on-site inspection mandatory,
 * GS-R 13 lists it as situational).
 */
import type { Citation } from './documents.js';
import type { AvListEntry, ResolvedProfile } from './types.js';
import type { MeasureKey } from './vocabulary.js';

export type AvRequirement = 'mandatory' | 'situational' | 'none';

export interface AvRequirementResult {
  requirement: AvRequirement;
  citations: readonly Citation[];
}

function find(list: readonly AvListEntry[] | undefined, measure: MeasureKey): AvListEntry | undefined {
  return list?.find((e) => e.measure === measure);
}

export function avRequirement(profile: ResolvedProfile, measure: MeasureKey): AvRequirementResult {
  const m = find(profile.params['av.mandatory']?.value, measure);
  if (m) return { requirement: 'mandatory', citations: m.citations };
  const s = find(profile.params['av.situational']?.value, measure);
  if (s) return { requirement: 'situational', citations: s.citations };
  return { requirement: 'none', citations: [] };
}
