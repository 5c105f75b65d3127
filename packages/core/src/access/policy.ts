/**
 * Authorization as a table of declarations (DESIGN.md §5): every action lists
 * the roles that may take it and the agency relations under which they may.
 * Anything not listed is denied.
 *
 * `read` actions decide visibility: when a user may not read an object the API
 * answers 404 and never reveals that it exists; when it may read but not act,
 * 403.
 */
import type { Role } from './roles.js';
import type { Relation } from './scope.js';

export const ACTIONS = [
  'agency.read',
  'agency.create',
  'agency.update',
  'user.read',
  'user.create',
  'user.update',
  'user.assignRoles',
  'user.unlock',
  'user.resetPassword',
  'certificate.manage',
  'audit.read',
  'calendar.manage',
  'profile.choose',
  'case.read',
  'case.create',
  'case.update',
  'case.advance',
  'case.extendDeadline',
  'document.write',
  'document.issue',
  'service.record',
  'party.read',
  'party.write',
  // Evidence vault (issue 5): media, AV exceptions, access requests, devices.
  'media.upload',
  'media.view',
  'media.download',
  'media.accessLog',
  'avException.record',
  'avException.approve',
  'access.request',
  'access.approve',
  'access.revoke',
  // Retention (REC-18): litigation holds and the disposal of files whose retention ended.
  'media.hold',
  'media.dispose.request',
  'media.dispose.approve',
  'device.read',
  'device.manage',
  'device.use',
  'case.export',
  'log.checkpoint',
  // Legal review of major decisions (重大执法决定法制审核, REV-1..REV-13).
  'review.read',
  'review.submit',
  'review.assign',
  'review.recuse',
  'review.decide',
  'review.extend',
  'review.disagree',
  'review.headDecide',
  'review.catalogue',
  'review.ratio',
  // Disclosure (执法公示, PUB-1..PUB-10).
  'publication.read',
  'publication.edit',
  'publication.approve',
  'publicRequest.handle',
  // Ex-ante disclosure (事前公开, ORG-3..ORG-8).
  'exante.read',
  'exante.edit',
  'exante.approve',
  'inspection.read',
  'inspection.manage',
  'inspection.draw',
  'inspection.register',
  'inspection.approve',
] as const;

export type Action = (typeof ACTIONS)[number];

interface Rule {
  roles: readonly Role[] | 'any';
  relations: readonly Relation[];
}

const OWN_BELOW = ['own', 'below'] as const;
/** Staff whose post involves case records. */
const CASE_STAFF = ['officer', 'unitHead', 'legalReviewer', 'agencyHead', 'recordsKeeper', 'disclosureClerk', 'disclosureApprover'] as const satisfies readonly Role[];

/**
 * Evidence vault (issue 5). Media, like every record, is never public
 * (REC-20 · SX25-R 21, SX19-R 18); who plays or copies a file follows the
 * post (GS-R 47). Anyone else gets in only through an access request the
 * agency head approved (usecases/access.ts), limited in time and scope.
 */
const MEDIA_POLICY: Pick<Record<Action, readonly Rule[]>, 'media.upload' | 'media.view' | 'media.download' | 'media.accessLog' | 'avException.record' | 'avException.approve' | 'access.request' | 'access.approve' | 'access.revoke' | 'media.hold' | 'media.dispose.request' | 'media.dispose.approve' | 'device.read' | 'device.manage' | 'device.use'> = {
  // REC-14 · SX25-R 19: the recording officers store their recordings (officers only on cases they handle, checked in the use case).
  'media.upload': [{ roles: ['officer', 'unitHead'], relations: ['own'] }],
  // REC-20 · GS-R 47: playback by the case's handlers, their unit head, the
  // agency head, legal reviewers and the records keeper; superiors retrieve
  // the files of the agencies below (上级机关调阅). Disclosure staff need an
  // approved request.
  'media.view': [
    { roles: ['officer', 'unitHead', 'agencyHead', 'legalReviewer', 'recordsKeeper'], relations: ['own'] },
    { roles: ['agencyHead', 'supervisor'], relations: OWN_BELOW },
  ],
  // REC-14 · GS-R 43: officers may not keep copies; a copy leaves only with a
  // head, the records keeper or a reviewer, and every copy is logged (REC-20).
  'media.download': [
    { roles: ['unitHead', 'agencyHead', 'legalReviewer', 'recordsKeeper'], relations: ['own'] },
    { roles: ['agencyHead', 'supervisor'], relations: OWN_BELOW },
  ],
  // REC-20 · XX-R 18: who viewed and copied, with reason and time.
  'media.accessLog': [
    { roles: ['unitHead', 'agencyHead', 'recordsKeeper'], relations: ['own'] },
    { roles: ['agencyHead', 'supervisor'], relations: OWN_BELOW },
  ],
  // REC-11 · SX25-R 17; REC-12 · XX-R 11: the officers file the note, the leader approves.
  'avException.record': [{ roles: ['officer', 'unitHead'], relations: ['own'] }],
  'avException.approve': [{ roles: ['agencyHead'], relations: ['own'] }],
  // REC-20 · SX25-R 21, GS-R 45, XX-R 18: staff register a party's, a court's,
  // a procuratorate's, the police's or another unit's request with its reason;
  // only the agency head approves.
  'access.request': [{ roles: CASE_STAFF, relations: ['own'] }],
  'access.approve': [{ roles: ['agencyHead'], relations: ['own'] }],
  // The head who may grant may also withdraw a grant before its window ends (logged like the grant).
  'access.revoke': [{ roles: ['agencyHead'], relations: ['own'] }],
  // REC-18 · GS-R 43 ¶3: the records keeper (or the head) places and releases
  // a litigation hold; the keeper asks to dispose of a file whose retention
  // ended (REC-16 · SX25-R 22: never before), and the agency head — another
  // person — approves, which carries the disposal out.
  'media.hold': [{ roles: ['recordsKeeper', 'agencyHead'], relations: ['own'] }],
  'media.dispose.request': [{ roles: ['recordsKeeper'], relations: ['own'] }],
  'media.dispose.approve': [{ roles: ['agencyHead'], relations: ['own'] }],
  // REC-23 · XX-R 12-14: the records keeper runs the body-camera registry.
  'device.read': [
    { roles: ['officer', 'unitHead', 'agencyHead', 'recordsKeeper'], relations: ['own'] },
    { roles: ['agencyHead', 'supervisor'], relations: OWN_BELOW },
  ],
  'device.manage': [{ roles: ['recordsKeeper', 'unitHead'], relations: ['own'] }],
  // REC-9 · SX25-R 15: the officer using a camera checks it before use and reports loss or damage (REC-23).
  'device.use': [{ roles: ['officer', 'unitHead', 'recordsKeeper'], relations: ['own'] }],
};

/**
 * Legal review (重大执法决定法制审核). The handling unit submits (officers only
 * on cases they handle, checked in the use case); the legal reviewers review
 * (only the one assigned to the round, checked in the use case); the agency
 * head approves extensions and decides disagreements; supervisors above
 * follow the reviews of the agencies below (SX19-L 6 ¶3).
 */
const REVIEW_POLICY: Pick<Record<Action, readonly Rule[]>, 'review.read' | 'review.submit' | 'review.assign' | 'review.recuse' | 'review.decide' | 'review.extend' | 'review.disagree' | 'review.headDecide' | 'review.catalogue' | 'review.ratio'> = {
  // A review is part of the case file: the same readers as the case (REC-20 · GS-R 47).
  'review.read': [
    { roles: CASE_STAFF, relations: ['own'] },
    { roles: ['agencyHead', 'supervisor'], relations: OWN_BELOW },
  ],
  // REV-3 · SX19-L 10, XX-L 6: the handling unit submits (a handler or the unit head may send any case, SX19-L 5 ¶2).
  'review.submit': [{ roles: ['officer', 'unitHead'], relations: ['own'] }],
  // REV-10 · SX19-L 7, 8: the legal review body distributes the work; the head may too.
  'review.assign': [{ roles: ['legalReviewer', 'agencyHead'], relations: ['own'] }],
  // REV-10 · SX19-L 8 ¶3: a reviewer declares an interest; the head records one for a reviewer.
  'review.recuse': [{ roles: ['legalReviewer', 'agencyHead'], relations: ['own'] }],
  // REV-4..REV-7: findings, pauses and the opinion, by the assigned reviewer.
  'review.decide': [{ roles: ['legalReviewer'], relations: ['own'] }],
  // REV-6 · SX19-L 14 (机关负责人), XX-L 10 (分管法规的局领导): the agency's leaders hold the agencyHead role.
  'review.extend': [{ roles: ['agencyHead'], relations: ['own'] }],
  // REV-8 · SX19-L 15: the unit that disagrees raises it and reports to the head.
  'review.disagree': [{ roles: ['unitHead'], relations: ['own'] }],
  'review.headDecide': [{ roles: ['agencyHead'], relations: ['own'] }],
  // REV-2 · SX19-L 9 ¶2: the catalogue is kept by the legal review body and filed with the justice bureau.
  'review.catalogue': [{ roles: ['legalReviewer', 'agencyHead'], relations: ['own'] }],
  // ORG-7 · SX19-L 7: reviewers against officers, for the agency's leaders and supervisors.
  'review.ratio': [
    { roles: ['agencyHead', 'unitHead', 'legalReviewer'], relations: ['own'] },
    { roles: ['agencyHead', 'supervisor'], relations: OWN_BELOW },
  ],
};

/**
 * Disclosure (执法公示). PUB-1 · SX25-P 7, GS-P 13-14: the disclosure clerk
 * (录入员) enters, the approver (审核员) — or the agency head — approves.
 * SX25-P 9: a city's branches publish through the city's platform, so the
 * city's disclosure staff work on the items of the agencies below too.
 * Supervisors above follow what their agencies publish (PUB-14).
 */
const DISCLOSURE_POLICY: Pick<Record<Action, readonly Rule[]>, 'publication.read' | 'publication.edit' | 'publication.approve' | 'publicRequest.handle'> = {
  'publication.read': [
    { roles: ['disclosureClerk', 'disclosureApprover', 'agencyHead'], relations: OWN_BELOW },
    { roles: ['supervisor'], relations: OWN_BELOW },
  ],
  'publication.edit': [{ roles: ['disclosureClerk'], relations: OWN_BELOW }],
  'publication.approve': [{ roles: ['disclosureApprover', 'agencyHead'], relations: OWN_BELOW }],
  // PUB-9, PUB-10: the publisher answers corrections and complaints.
  'publicRequest.handle': [{ roles: ['disclosureClerk', 'disclosureApprover'], relations: OWN_BELOW }],
};

/**
 * Ex-ante disclosure (事前公开). ORG-8 · XX-P 12, GS-P 13-14: the clerk
 * compiles, the approver (or the agency head) approves; SX25-P 9: a city's
 * branches publish through the city, so the city's staff work on the agencies
 * below too. What is published is public (the portal); drafts are read by the
 * disclosure staff, the head and supervisors.
 */
const EXANTE_POLICY: Pick<Record<Action, readonly Rule[]>, 'exante.read' | 'exante.edit' | 'exante.approve'> = {
  'exante.read': [{ roles: ['disclosureClerk', 'disclosureApprover', 'agencyHead', 'supervisor'], relations: OWN_BELOW }],
  'exante.edit': [{ roles: ['disclosureClerk'], relations: OWN_BELOW }],
  'exante.approve': [{ roles: ['disclosureApprover', 'agencyHead'], relations: OWN_BELOW }],
};

/**
 * 双随机、一公开 and 涉企行政检查 (INS-2, INS-3, NAT-16). Case staff of the
 * agency read its directory, plans, draws and inspections; supervisors above
 * follow them. The handling unit's head keeps the directory and plans and
 * runs the draws; officers register inspections before entry; only the agency
 * head approves an inspection beyond the yearly cap.
 */
const INSPECTION_POLICY: Pick<Record<Action, readonly Rule[]>, 'inspection.read' | 'inspection.manage' | 'inspection.draw' | 'inspection.register' | 'inspection.approve'> = {
  'inspection.read': [
    { roles: CASE_STAFF, relations: ['own'] },
    { roles: ['agencyHead', 'supervisor'], relations: OWN_BELOW },
  ],
  'inspection.manage': [{ roles: ['unitHead', 'agencyHead'], relations: ['own'] }],
  'inspection.draw': [{ roles: ['unitHead'], relations: ['own'] }],
  'inspection.register': [{ roles: ['officer', 'unitHead'], relations: ['own'] }],
  'inspection.approve': [{ roles: ['agencyHead'], relations: ['own'] }],
};

/** The policy table: one line per action. */
export const POLICY: Record<Action, readonly Rule[]> = {
  // Staff see their own agency, those below and the chain above (needed to
  // know who supervises them); never a sibling branch.
  'agency.read': [{ roles: 'any', relations: ['own', 'below', 'above'] }],
  // A new agency is created below the administrator's own (or below one below).
  'agency.create': [{ roles: ['sysAdmin'], relations: OWN_BELOW }],
  'agency.update': [{ roles: ['sysAdmin'], relations: OWN_BELOW }],
  'user.read': [
    { roles: ['sysAdmin', 'secAdmin', 'auditAdmin'], relations: OWN_BELOW },
    { roles: ['agencyHead', 'unitHead', 'supervisor'], relations: ['own'] },
    { roles: ['supervisor'], relations: ['below'] },
  ],
  'user.create': [{ roles: ['sysAdmin'], relations: OWN_BELOW }],
  'user.update': [{ roles: ['sysAdmin'], relations: OWN_BELOW }],
  // Role assignment, unlocking and password resets are the security
  // administrator's (三员: the system administrator creates accounts but does
  // not grant rights).
  'user.assignRoles': [{ roles: ['secAdmin'], relations: OWN_BELOW }],
  'user.unlock': [{ roles: ['secAdmin'], relations: OWN_BELOW }],
  'user.resetPassword': [{ roles: ['secAdmin'], relations: OWN_BELOW }],
  // ORG-2: the officer registry is kept by the system administrator.
  'certificate.manage': [{ roles: ['sysAdmin'], relations: OWN_BELOW }],
  // Audit records: the audit administrator, and supervisors for their subtree.
  'audit.read': [
    { roles: ['auditAdmin'], relations: OWN_BELOW },
    { roles: ['supervisor'], relations: OWN_BELOW },
  ],
  // NAT-2: a new calendar year is added by an administrator, for everyone.
  'calendar.manage': [{ roles: ['sysAdmin'], relations: ['own', 'below', 'above', 'sideways'] }],
  'profile.choose': [{ roles: ['sysAdmin'], relations: OWN_BELOW }],
  // Cases (issue 4). Records are not public (REC-20 · SX25-R 21); usage rights
  // follow the post (GS-R 47): the agency's own staff who work on cases, and
  // the heads and supervisors of the agencies above (GS-R 47: 上级机关调阅).
  // None of the three administrators reads case content (SYS-5).
  'case.read': [
    { roles: CASE_STAFF, relations: ['own'] },
    { roles: ['agencyHead', 'supervisor'], relations: OWN_BELOW },
  ],
  'case.create': [{ roles: ['officer', 'unitHead'], relations: ['own'] }],
  // Officers change only the cases they handle (checked in the use case).
  'case.update': [{ roles: ['officer', 'unitHead', 'agencyHead'], relations: ['own'] }],
  'case.advance': [{ roles: ['officer', 'unitHead', 'agencyHead'], relations: ['own'] }],
  // NAT-3 · 生态环境行政处罚办法 第五十七条: the limit is extended with the approval of the agency's head.
  'case.extendDeadline': [{ roles: ['agencyHead'], relations: ['own'] }],
  'document.write': [{ roles: ['officer', 'unitHead', 'agencyHead'], relations: ['own'] }],
  // 签发: decisions and notices leave the agency under a head's signature.
  'document.issue': [{ roles: ['unitHead', 'agencyHead'], relations: ['own'] }],
  'service.record': [{ roles: ['officer', 'unitHead'], relations: ['own'] }],
  'party.read': [
    { roles: CASE_STAFF, relations: ['own'] },
    { roles: ['agencyHead', 'supervisor'], relations: OWN_BELOW },
  ],
  'party.write': [{ roles: ['officer', 'unitHead'], relations: ['own'] }],
  // A case file leaves the system only as a verifiable bundle, on the post of
  // a head, the records keeper, or a supervising agency (REC-20 · GS-R 47).
  'case.export': [
    { roles: ['agencyHead', 'unitHead', 'recordsKeeper'], relations: ['own'] },
    { roles: ['supervisor'], relations: OWN_BELOW },
  ],
  // Signing a checkpoint on demand discloses nothing; administrators and auditors may.
  'log.checkpoint': [{ roles: ['sysAdmin', 'auditAdmin', 'recordsKeeper'], relations: ['own', 'below', 'above', 'sideways'] }],
  ...MEDIA_POLICY,
  ...REVIEW_POLICY,
  ...DISCLOSURE_POLICY,
  ...EXANTE_POLICY,
  ...INSPECTION_POLICY,
};

export interface Actor {
  userId: string;
  roles: readonly Role[];
}

/** Whether `actor` may take `action` on an object standing in `relation`. */
export function allows(actor: Actor, action: Action, relation: Relation): boolean {
  return POLICY[action].some(
    (rule) =>
      rule.relations.includes(relation) &&
      (rule.roles === 'any' || rule.roles.some((r) => actor.roles.includes(r))),
  );
}

/** Relations under which any of the actor's roles may take `action` (for scoped SQL). */
export function allowedRelations(actor: Actor, action: Action): Relation[] {
  const out = new Set<Relation>();
  for (const rule of POLICY[action]) {
    if (rule.roles === 'any' || rule.roles.some((r) => actor.roles.includes(r))) {
      for (const rel of rule.relations) out.add(rel);
    }
  }
  return [...out];
}
