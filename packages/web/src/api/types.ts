/**
 * Shapes of the API answers the console uses (the presenters in
 * packages/server/src/usecases and routes). `abilities` say what the signed-in
 * user may do with an object; the console shows buttons only when allowed and
 * the server stays the authority.
 */
import type { AgencyLevel, AgencyOverrides, CalendarDay, ProfileId, ResolvedProfile, Role } from '../domain.js';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  agencyId: string;
  agencyName: string;
  /** The agency's rule profile (issue 15 item 2): citations are shown as its officers read them. */
  profileId?: string | null;
  roles: Role[];
  roleLabels: string[];
  mustChangePassword: boolean;
}

export interface AgencyAbilities {
  update: boolean;
  createChild: boolean;
  manageUsers: boolean;
}

export interface Agency {
  id: string;
  parentId: string | null;
  level: AgencyLevel;
  name: string;
  shortName: string | null;
  creditCode: string;
  nature: string;
  functions: string;
  jurisdiction: string;
  enforcementArea: string;
  address: string;
  postcode: string;
  phone: string;
  email: string;
  website: string;
  complaintChannel: string;
  profileId: string;
  sortOrder: number;
  updatedAt: string;
  abilities?: AgencyAbilities;
}

export type CertificateStatus = 'valid' | 'suspended' | 'revoked';

export interface Certificate {
  id: string;
  number: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  status: CertificateStatus;
  usable: boolean;
  problem: string | null;
}

export interface UserAbilities {
  update: boolean;
  assignRoles: boolean;
  unlock: boolean;
  resetPassword: boolean;
  manageCertificates: boolean;
}

export interface User {
  id: string;
  agencyId: string;
  agencyName: string;
  username: string;
  displayName: string;
  post: string;
  phone: string;
  roles: Role[];
  disabled: boolean;
  locked: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  certificates: Certificate[];
  abilities?: UserAbilities;
}

export type AuditOutcome = 'ok' | 'denied' | 'failed';

export interface AuditEvent {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  objectType: string;
  objectId: string;
  /** A user's or an agency's name (issue 15 item 4). */
  objectName?: string | null;
  /** The case, document and media record the event is about, by number. */
  case?: { id: string; number: string } | null;
  document?: { id: string; number: string } | null;
  media?: { id: string; number: string } | null;
  agencyId?: string | null;
  outcome: AuditOutcome;
  ip: string;
  detail: Record<string, unknown>;
}

export interface AuditPage {
  total: number;
  page: number;
  pageSize: number;
  items: AuditEvent[];
}

/** GET /calendar/years: one stored year (NAT-2), with counts of its days. */
export interface CalendarYearSummary {
  year: number;
  /** 'confirmed': the notice is entered; 'provisional': counted from the statutory holidays only (NAT-21). */
  status: 'confirmed' | 'provisional';
  source: string;
  /** 'seed': shipped with the platform; 'admin': entered by a system administrator; 'statutory': no notice yet. */
  origin: 'seed' | 'admin' | 'statutory';
  version: number;
  addedAt: string | null;
  holidays: number;
  workdays: number;
}

/** GET /calendar/years/:year */
export interface CalendarYearDetail {
  year: number;
  status: 'confirmed' | 'provisional';
  source: string;
  origin: 'seed' | 'admin' | 'statutory';
  version: number;
  addedAt: string | null;
  holidays: CalendarDay[];
  workdays: CalendarDay[];
  /** NAT-2: corrections of a confirmed year, oldest first (each a new version once approved by a second administrator). */
  corrections?: CalendarCorrection[];
  /** After entering or correcting: open deadlines whose due date changed. */
  deadlinesChanged?: number;
}

export interface CalendarCorrection {
  id: string;
  year: number;
  fromVersion: number;
  source: string;
  reason: string;
  status: 'pending' | 'approved' | 'refused';
  holidays: number;
  workdays: number;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

/** GET /profiles */
export interface ProfileSummary {
  id: ProfileId;
  name: string;
  issuer: string;
  docNumber: string | null;
  effective: string | null;
  parent: ProfileId | null;
  chain: ProfileId[];
}

/** GET /agencies/:id/profile */
export interface AgencyProfile {
  agencyId: string;
  profileId: ProfileId;
  overrides: AgencyOverrides;
  resolved: ResolvedProfile;
}
