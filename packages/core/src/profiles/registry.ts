/**
 * All profile definitions by id.
 */
import { GS19 } from './definitions/gs19.js';
import { NATIONAL } from './definitions/national.js';
import { SX19 } from './definitions/sx19.js';
import { SX25 } from './definitions/sx25.js';
import { XX19 } from './definitions/xx19.js';
import type { ProfileDefinition, ProfileId } from './types.js';

export const PROFILES: Record<ProfileId, ProfileDefinition> = {
  national: NATIONAL,
  SX25,
  SX19,
  GS19,
  XX19,
};

export function isProfileId(id: string): id is ProfileId {
  return Object.prototype.hasOwnProperty.call(PROFILES, id);
}
