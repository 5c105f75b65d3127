/**
 * What redaction hides and on which article (PUB-4), per profile.
 *
 * - SX25-P 16 lists what is hidden when a penalty decision is published:
 *   (一) a citizen's portrait, ID number, home address, contacts, birth date,
 *   bank account, health, property; (二) names of citizens, and names, credit
 *   codes and legal representatives of organisations, other than those
 *   生态环境行政处罚办法 Art 62(二) publishes (the punished party); (三) an
 *   organisation's bank account; (四) a minor's name and anything identifying
 *   the minor; (五) trade secrets; (六) other.
 * - GS-P 9: (一) natural persons other than the legal representative; (二) a
 *   natural person's address, ID number, contacts, bank account, movable or
 *   immovable property certificate numbers, property; (三) the same for
 *   organisations; (四) other. GS-P 8: a summary gives the party's 姓氏
 *   (surname) or name — so under GS19 a punished citizen appears as 王某.
 * - Other profiles have no list of their own: MEE19 一 ("涉及国家秘密、商业秘密、
 *   个人隐私等不宜公开的信息，依法确需公开的，应作适当处理后公开") is cited and
 *   the SX25 list is applied, being the most detailed.
 */
import type { Citation } from '../profiles/documents.js';
import { formatCitation } from '../profiles/documents.js';
import type { ProfileId } from '../profiles/types.js';
import { ruleRef } from '../cases/citation.js';

/** What a mask hides. */
export const SENSITIVE_KIND_LABELS = {
  name: '自然人姓名',
  minorIdentity: '未成年人姓名及可识别其身份的信息',
  idNumber: '身份证件号码',
  birthDate: '出生日期',
  mobile: '手机号码',
  phone: '固定电话号码',
  email: '电子邮箱',
  contact: '其他通信方式',
  address: '家庭住址',
  bankCard: '银行卡号',
  bankAccount: '银行账号',
  propertyCertificate: '动产或者不动产权属证书编号',
  plate: '机动车号牌',
  vehicleId: '车辆识别代号',
  organisation: '第三方组织名称',
  creditCode: '第三方统一社会信用代码',
  tradeSecret: '商业秘密',
  other: '其他不宜公开的信息',
} as const;

/** 敏感信息类别. */
export type SensitiveKind = keyof typeof SENSITIVE_KIND_LABELS;

type Basis = Partial<Record<'SX25' | 'GS19', readonly Citation[]>>;

const sx = (item: string) => ruleRef('SX25-P', '16', item);
const gs = (item: string) => ruleRef('GS-P', '9', item);

const BASIS: Record<SensitiveKind, Basis> = {
  name: { SX25: [sx('（二）')], GS19: [gs('（一）')] },
  minorIdentity: { SX25: [sx('（四）')], GS19: [ruleRef('GS-P', '10', '（一）')] },
  idNumber: { SX25: [sx('（一）')], GS19: [gs('（二）')] },
  birthDate: { SX25: [sx('（一）')], GS19: [gs('（四）')] },
  mobile: { SX25: [sx('（一）')], GS19: [gs('（二）')] },
  phone: { SX25: [sx('（一）')], GS19: [gs('（二）')] },
  email: { SX25: [sx('（一）')], GS19: [gs('（二）')] },
  contact: { SX25: [sx('（一）')], GS19: [gs('（二）')] },
  address: { SX25: [sx('（一）')], GS19: [gs('（二）')] },
  bankCard: { SX25: [sx('（一）'), sx('（三）')], GS19: [gs('（二）'), gs('（三）')] },
  bankAccount: { SX25: [sx('（一）'), sx('（三）')], GS19: [gs('（二）'), gs('（三）')] },
  propertyCertificate: { SX25: [sx('（一）')], GS19: [gs('（二）'), gs('（三）')] },
  plate: { SX25: [sx('（一）')], GS19: [gs('（四）')] },
  vehicleId: { SX25: [sx('（一）')], GS19: [gs('（四）')] },
  organisation: { SX25: [sx('（二）')], GS19: [gs('（四）')] },
  creditCode: { SX25: [sx('（二）')], GS19: [gs('（四）')] },
  tradeSecret: { SX25: [sx('（五）')], GS19: [ruleRef('GS-P', '10', '（二）')] },
  other: { SX25: [sx('（六）')], GS19: [gs('（四）')] },
};

const MEE19_PRIVACY = ruleRef('MEE19', '一', undefined, '对涉及国家秘密、商业秘密、个人隐私等不宜公开的信息，依法确需公开的，应作适当处理后公开。');

/** Citations for hiding `kind` under `profile` (SX25 and GS19 have their own lists; others cite MEE19 一). */
export function redactionCitations(kind: SensitiveKind, profile: ProfileId | undefined): readonly Citation[] {
  const b = BASIS[kind];
  if (profile === 'GS19') return b.GS19 ?? [MEE19_PRIVACY];
  if (profile === 'SX25') return b.SX25 ?? [MEE19_PRIVACY];
  return [MEE19_PRIVACY];
}

/** '居民身份证号码（SX25-P 第十六条（一））', with the role when known: '证人的手机号码（…）'. */
export function redactionReason(kind: SensitiveKind, profile: ProfileId | undefined, role?: string): string {
  const basis = redactionCitations(kind, profile).map(formatCitation).join('；');
  const what = SENSITIVE_KIND_LABELS[kind];
  return `${role ? `${role}的` : ''}${what}（${basis}）`;
}

/**
 * How a punished citizen's name is published.
 * - 'full': SX25-P 15(二) and 生态环境行政处罚办法 Art 62(二) publish 被处罚的公民姓名.
 * - 'surname': GS-P 8 publishes only 当事人姓氏, and GS-P 9(一) hides every
 *   natural person other than the legal representative.
 */
export type PartyNamePolicy = 'full' | 'surname';

export interface PartyNamePolicyEntry {
  policy: PartyNamePolicy;
  citations: readonly Citation[];
}

export const PARTY_NAME_POLICIES: Record<ProfileId, PartyNamePolicyEntry> = {
  national: { policy: 'full', citations: [{ ...ruleRef('EPPM', '62', '（二）'), confirm: true }] },
  SX25: { policy: 'full', citations: [ruleRef('SX25-P', '15', '（二）', '被处罚的公民姓名')] },
  SX19: { policy: 'full', citations: [{ ...ruleRef('EPPM', '62', '（二）'), confirm: true }] },
  GS19: {
    policy: 'surname',
    citations: [ruleRef('GS-P', '8', undefined, '当事人姓氏或者名称'), ruleRef('GS-P', '9', '（一）', '法定代表人以外的自然人姓名')],
  },
  XX19: { policy: 'full', citations: [ruleRef('XX-P', '9', '（一）', '违法主体')] },
};

export function partyNamePolicy(profile: ProfileId | undefined): PartyNamePolicy {
  return profile ? PARTY_NAME_POLICIES[profile].policy : 'full';
}
