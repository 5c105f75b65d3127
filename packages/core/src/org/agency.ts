/**
 * The agency tree (ORG-1 · GS-P 5(一); SX19-P 9, 10): province → city (市) →
 * county (县) or branch (分局). Each 执法主体 carries name, nature, functions,
 * jurisdiction, enforcement area, address and contacts.
 */
import { AppError } from '../errors.js';

export const AGENCY_LEVELS = ['province', 'city', 'county', 'branch'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export const AGENCY_LEVEL_LABELS: Record<AgencyLevel, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  branch: '分局',
};

const PARENT_LEVEL: Record<AgencyLevel, AgencyLevel | null> = {
  province: null,
  city: 'province',
  county: 'city',
  branch: 'city',
};

/** ORG-1: a province has no parent; a city sits under a province; a county or branch under a city. */
export function checkAgencyParent(level: AgencyLevel, parentLevel: AgencyLevel | null): void {
  const expected = PARENT_LEVEL[level];
  if (expected !== parentLevel) {
    const want = expected ? `上级须为${AGENCY_LEVEL_LABELS[expected]}机关` : '省级机关没有上级机关';
    throw new AppError('agency.parent_level', { detail: `${AGENCY_LEVEL_LABELS[level]}机关：${want}` });
  }
}
