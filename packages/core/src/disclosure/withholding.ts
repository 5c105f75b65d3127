/**
 * 不予公开 withholding (PUB-5, PUB-6): why a decision is not published.
 *
 * Automatic (no one chooses them, no approval needed):
 * - the party is a minor (SX25-P 19(一); SX19: privacy, SX19-P 15 第二款;
 *   GS-P 10(一); XX-P 10(一));
 * - the case was transferred to the police as a suspected crime, or the police
 *   are investigating it (SX25-P 19(五)). GS-P 10 and XX-P 10 do not name the
 *   police; there the item "would hinder enforcement" (GS-P 10(四), XX-P
 *   10(四)) is cited, and SX19 / national cite MEE19 一 and APL 48.
 * Chosen by staff and effective only once approved (PUB-1 · SX25-P 7: nothing
 * unreviewed; the same approval decides not to publish):
 * state secret, commercial secret, privacy, danger to security or stability,
 * hindering related cases or enforcement, forbidden by law, other cases the
 * government finds unsuitable (XX-P 10(五)), process information and case
 * files (PUB-6 · SX25-P 20).
 * Commercial secrets and privacy may still be published, after suitable
 * treatment, with the third party's consent or for an overriding public
 * interest (SX25-P 19 第二款、第三款; SX19-P 15 第二款): such a reason is
 * reported as `overridden`, and the decision is published redacted.
 */
import type { CivilDate } from '../calendar/civil-date.js';
import { ruleRef } from '../cases/citation.js';
import type { PartyKind } from '../cases/party.js';
import { type Citation, formatCitation } from '../profiles/documents.js';
import type { ProfileId } from '../profiles/types.js';

export const WITHHOLDING_REASON_LABELS = {
  minor: '当事人属于未成年人',
  policeTransfer: '涉嫌犯罪需移送公安机关调查处理或者公安机关正在调查处理中',
  stateSecret: '涉及国家秘密',
  commercialSecret: '涉及商业秘密',
  privacy: '涉及个人隐私',
  securityOrStability: '公开后可能危及国家安全、公共安全、经济安全或者社会稳定',
  hindersInvestigation: '公开后可能影响系列案件调查处理或者妨害正常执法活动',
  prohibitedByLaw: '法律、法规、规章规定不予公开',
  otherUnsuitable: '上级机关或者本级政府认为不适宜公开的其他情形',
  processInformation: '行政执法过程中形成的请示报告、讨论记录、磋商信函等过程性信息',
  caseFile: '行政执法案卷信息',
} as const;

/** 不予公开的理由. */
export type WithholdingReasonKey = keyof typeof WITHHOLDING_REASON_LABELS;
export const WITHHOLDING_REASON_KEYS = Object.keys(WITHHOLDING_REASON_LABELS) as WithholdingReasonKey[];

/** Reasons the platform applies by itself. */
export const AUTOMATIC_WITHHOLDING_REASONS: readonly WithholdingReasonKey[] = ['minor', 'policeTransfer'];
/** Reasons a third party's consent or the public interest can override (SX25-P 19 第二款; SX19-P 15 第二款). */
export const OVERRIDABLE_WITHHOLDING_REASONS: readonly WithholdingReasonKey[] = ['commercialSecret', 'privacy'];

type CitationTable = Partial<Record<ProfileId, readonly Citation[]>>;

const sx = (item: string, text?: string) => ruleRef('SX25-P', '19', item, text);
const gs = (item: string, text?: string) => ruleRef('GS-P', '10', item, text);
const xx = (item: string, text?: string) => ruleRef('XX-P', '10', item, text);
const SX19_15 = ruleRef('SX19-P', '15', undefined, '依法确定为国家秘密的信息，法律、法规、规章禁止公开的信息，以及公开后可能危及国家安全、公共安全、经济安全、社会稳定的信息，不予公开。');
const SX19_15_2 = ruleRef('SX19-P', '15', '第二款', '涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的信息，行政执法机关不得公开。');
const MEE19_1 = ruleRef('MEE19', '一', undefined, '对涉及国家秘密、商业秘密、个人隐私等不宜公开的信息，依法确需公开的，应作适当处理后公开。');
const SX25_20 = ruleRef('SX25-P', '20', undefined, '行政执法过程中形成的请示报告、讨论记录、磋商信函等过程性信息以及行政执法案卷信息，可以不予公开。');

/**
 * Citations per reason and profile. A profile missing from a row falls back
 * to its parent chain's (SX25 → SX19 → national); national cites MEE19 一.
 */
const CITATIONS: Record<WithholdingReasonKey, CitationTable> = {
  minor: { SX25: [sx('（一）', '当事人属于未成年人的')], SX19: [SX19_15_2], GS19: [gs('（一）', '当事人是未成年人的')], XX19: [xx('（一）', '行政相对人是未成年人的')], national: [MEE19_1] },
  policeTransfer: {
    SX25: [sx('（五）', '涉嫌犯罪需移送公安机关调查处理或者公安机关正在调查处理中的')],
    SX19: [SX19_15],
    GS19: [gs('（四）', '公开后可能危及妨害干扰正常执法活动的')],
    XX19: [xx('（四）', '可能妨害正常执法活动的执法信息')],
    national: [MEE19_1],
  },
  stateSecret: { SX25: [sx('（二）')], SX19: [SX19_15], GS19: [gs('（二）')], XX19: [xx('（二）')], national: [MEE19_1] },
  commercialSecret: { SX25: [sx('（二）')], SX19: [SX19_15_2], GS19: [gs('（二）')], XX19: [xx('（二）')], national: [MEE19_1] },
  privacy: { SX25: [sx('（二）')], SX19: [SX19_15_2], GS19: [gs('（二）')], national: [MEE19_1] },
  securityOrStability: { SX25: [sx('（三）')], SX19: [SX19_15], GS19: [gs('（三）')], XX19: [xx('（三）')], national: [MEE19_1] },
  hindersInvestigation: { SX25: [sx('（四）', '公开后可能影响系列案件调查处理的')], GS19: [gs('（四）')], XX19: [xx('（四）')], national: [MEE19_1] },
  prohibitedByLaw: { SX25: [sx('（六）')], SX19: [SX19_15], GS19: [gs('（五）')], national: [MEE19_1] },
  otherUnsuitable: { XX19: [xx('（五）', '国家、省人民政府及其主管部门、州政府认为不适宜公示的其他行政执法决定(结果)信息')] },
  processInformation: { SX25: [SX25_20] },
  caseFile: { SX25: [SX25_20] },
};

const PARENT: Record<ProfileId, ProfileId | null> = { SX25: 'SX19', SX19: 'national', GS19: 'national', XX19: 'national', national: null };

/** Citations of `reason` under `profile` (nearest profile in the chain that names it), or [] when no document of the chain names it. */
export function withholdingCitations(reason: WithholdingReasonKey, profile: ProfileId): readonly Citation[] {
  for (let p: ProfileId | null = profile; p !== null; p = PARENT[p]) {
    const c = CITATIONS[reason][p];
    if (c) return c;
  }
  return [];
}

/** A reason chosen by staff. */
export interface StaffWithholdingReason {
  reason: WithholdingReasonKey;
  /** Who approved (审核员 / 机构负责人); without approval the reason is pending. */
  approvedBy?: string;
  approvedOn?: CivilDate;
  note?: string;
}

/** The facts withholding depends on. */
export interface WithholdingFacts {
  profile: ProfileId;
  parties: readonly { kind: PartyKind; minor: boolean }[];
  /** 涉嫌犯罪已移送公安机关. */
  transferredToPolice?: boolean;
  /** 公安机关正在调查处理. */
  underPoliceInvestigation?: boolean;
  /** 涉嫌违纪、职务违法已移送纪检监察机关 (issue 13): publication would hinder that investigation. */
  transferredToDiscipline?: boolean;
  /** The case's file is classified (依法确定为国家秘密). */
  stateSecret?: boolean;
  /** The party asked, with reasons, that its trade secrets be protected (SX25-P 19(二)). */
  tradeSecretRequested?: boolean;
  staffReasons?: readonly StaffWithholdingReason[];
  /** Consent of the third party or an overriding public interest, approved (SX25-P 19 第二款). */
  publicationAllowed?: { ground: 'thirdPartyConsent' | 'publicInterest'; approvedBy: string; note?: string };
}

export type WithholdingStatus = 'automatic' | 'approved' | 'pendingApproval' | 'overridden';

/** One reason not to publish. */
export interface WithholdingReason {
  key: WithholdingReasonKey;
  label: string;
  status: WithholdingStatus;
  automatic: boolean;
  citations: readonly Citation[];
  /** 'SX25-P 第十九条（一）'. */
  basis: string;
  /** Why the status: who approved, what overrides it, or that the profile's documents do not name it. */
  note?: string;
}

/**
 * Every reason not to publish, automatic ones first. A decision is withheld
 * while any reason is 'automatic' or 'approved' (`isWithheld`); 'pendingApproval'
 * reasons block publication until decided (`blocksPublication`).
 */
export function withholdingReasons(facts: WithholdingFacts): WithholdingReason[] {
  const out: WithholdingReason[] = [];
  const make = (key: WithholdingReasonKey, status: WithholdingStatus, note?: string): WithholdingReason => {
    const citations = withholdingCitations(key, facts.profile);
    const r: WithholdingReason = {
      key,
      label: WITHHOLDING_REASON_LABELS[key],
      status,
      automatic: AUTOMATIC_WITHHOLDING_REASONS.includes(key) || status === 'automatic',
      citations,
      basis: citations.length > 0 ? citations.map(formatCitation).join('；') : '本规则配置的文件未列明此项',
    };
    const notes = [note, citations.length === 0 ? '所适用文件未列明此项，须有其他法律依据' : undefined].filter((n): n is string => !!n);
    if (notes.length > 0) r.note = notes.join('；');
    return r;
  };

  if (facts.parties.some((p) => p.kind === 'naturalPerson' && p.minor)) out.push(make('minor', 'automatic'));
  if (facts.transferredToPolice || facts.underPoliceInvestigation) {
    const note =
      facts.profile === 'SX25' ? undefined : '所适用文件未单列移送公安情形，按“妨害正常执法活动”或国家秘密、安全稳定等条款处理';
    out.push(make('policeTransfer', 'automatic', note));
  }
  // issue 13: facts recorded on the case, re-read at every approval
  if (facts.transferredToDiscipline) out.push(make('hindersInvestigation', 'automatic', '已移送纪检监察机关调查处理'));
  if (facts.stateSecret) out.push(make('stateSecret', 'automatic', '案件信息依法确定为国家秘密'));
  if (facts.tradeSecretRequested) {
    if (facts.publicationAllowed) {
      const ground = facts.publicationAllowed.ground === 'thirdPartyConsent' ? '直接利害关系的第三方同意公开' : '不公开会对公共利益造成重大影响';
      out.push(make('commercialSecret', 'overridden', `${ground}（${facts.publicationAllowed.approvedBy}批准），作适当处理后公开（SX25-P 第十九条第二款、第三款）`));
    } else {
      out.push(make('commercialSecret', 'automatic', '当事人申请保护其商业秘密'));
    }
  }
  const seen = new Set(out.map((r) => r.key));
  for (const s of facts.staffReasons ?? []) {
    if (seen.has(s.reason)) continue;
    seen.add(s.reason);
    const approved = !!s.approvedBy?.trim();
    const approval = approved ? `${s.approvedBy}${s.approvedOn ? `于${s.approvedOn}` : ''}批准` : '待审核员批准（SX25-P 第七条：未经审核不得公示，亦不得径行不予公开）';
    if (approved && facts.publicationAllowed && OVERRIDABLE_WITHHOLDING_REASONS.includes(s.reason)) {
      const ground = facts.publicationAllowed.ground === 'thirdPartyConsent' ? '直接利害关系的第三方同意公开' : '不公开会对公共利益造成重大影响';
      out.push(make(s.reason, 'overridden', `${ground}（${facts.publicationAllowed.approvedBy}批准），作适当处理后公开（SX25-P 第十九条第二款、第三款）`));
      continue;
    }
    out.push(make(s.reason, approved ? 'approved' : 'pendingApproval', [approval, s.note].filter(Boolean).join('；')));
  }
  return out;
}

/** The decision is not published: an automatic or approved reason stands. */
export function isWithheld(reasons: readonly WithholdingReason[]): boolean {
  return reasons.some((r) => r.status === 'automatic' || r.status === 'approved');
}

/** Publication must wait: withheld, or a staff reason awaits approval. */
export function blocksPublication(reasons: readonly WithholdingReason[]): boolean {
  return isWithheld(reasons) || reasons.some((r) => r.status === 'pendingApproval');
}
