/**
 * 当事人 parties (REC-5, NAT-13, NAT-15, PUB-5): who a case is against or who
 * applied. Identity numbers are checked with the identity module (NAT-13 ·
 * GB 11643, GB 32100); an organisation needs its 统一社会信用代码 and its
 * 法定代表人（负责人） (SX25-P 15(二) publishes both); a minor is flagged,
 * because a minor's case is never published (PUB-5 · SX25-P 19(一); GS-P 10(一)).
 */
import type { CivilDate } from '../calendar/civil-date.js';
import { checkCreditCode, checkIdNumber } from '../identity/identity.js';
import type { RuleMissing } from './citation.js';

export const PARTY_KIND_LABELS = {
  naturalPerson: '自然人',
  organisation: '法人或者其他组织',
  individualBusiness: '个体工商户',
} as const;

/** 当事人类别. */
export type PartyKind = keyof typeof PARTY_KIND_LABELS;
export const PARTY_KINDS = Object.keys(PARTY_KIND_LABELS) as PartyKind[];

export const ID_TYPE_LABELS = {
  residentId: '居民身份证',
  other: '其他证件',
} as const;

/** 证件类型 (NAT-15). Only the 居民身份证 has a checkable structure; other documents are taken as given. */
export type IdType = keyof typeof ID_TYPE_LABELS;

/** A person's identity document. */
export interface PersonId {
  name: string;
  idType?: IdType;
  /** With `idType: 'other'`: what the document is, e.g. '护照'. */
  idTypeName?: string;
  idNumber?: string;
}

export const CONTACT_KIND_LABELS = {
  mobile: '手机',
  phone: '电话',
  email: '电子邮箱',
  postal: '邮寄地址',
  other: '其他',
} as const;
export type ContactKind = keyof typeof CONTACT_KIND_LABELS;

export interface PartyContact {
  kind: ContactKind;
  value: string;
}

/** A party as entered. */
export interface PartyInput {
  kind: PartyKind;
  /** 姓名 or 名称. */
  name: string;
  /** Natural person: own identity document. */
  idType?: IdType;
  idTypeName?: string;
  idNumber?: string;
  /** Organisation (required) or individual business (required when it has one, i.e. registered since 2016). */
  creditCode?: string;
  /** 法定代表人（负责人）of an organisation. */
  legalRepresentative?: PersonId;
  /** 经营者 of an individual business. */
  operator?: PersonId;
  /** 未成年人; derived from a resident ID number when `asOf` is given. */
  minor?: boolean;
  /** 住所（地址）: needed for service and on the decision (NAT-7 · 行政处罚法 Art 59(一)). */
  address: string;
  contacts?: readonly PartyContact[];
}

/** A party after validation: trimmed, codes upper-cased, `minor` decided. */
export interface Party extends Omit<PartyInput, 'minor'> {
  minor: boolean;
}

export type PartyCheck = { ok: true; party: Party } | { ok: false; missing: RuleMissing[] };

const NAT13 = 'NAT-13';

function blank(s: string | undefined): boolean {
  return s === undefined || s.trim() === '';
}

/** Age in whole years on `asOf` of someone born on `birth` (both 'YYYY-MM-DD'). */
export function ageOn(birth: CivilDate, asOf: CivilDate): number {
  const years = Number(asOf.slice(0, 4)) - Number(birth.slice(0, 4));
  return asOf.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** Birth date encoded in a valid 18-digit resident ID number. */
export function birthDateOfIdNumber(idNumber: string): CivilDate {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

/** Checks an identity document; returns the normalised type and number. */
function checkPersonId(p: Omit<PersonId, 'name'>, role: string, field: string, out: RuleMissing[]): Omit<PersonId, 'name'> {
  if (blank(p.idNumber)) return {};
  const idType = p.idType ?? 'residentId';
  if (idType === 'other') {
    if (blank(p.idTypeName)) out.push({ kind: 'field', label: `${role}证件类型`, reason: '其他证件须注明证件名称', id: `${field}.idTypeName` });
    return { idType, idNumber: (p.idNumber as string).trim(), ...(p.idTypeName ? { idTypeName: p.idTypeName.trim() } : {}) };
  }
  const r = checkIdNumber(p.idNumber as string);
  if (r.ok) return { idType, idNumber: r.value };
  out.push({ kind: 'field', label: `${role}居民身份证号码`, reason: `“${p.idNumber}”无效：${r.reason}`, id: `${field}.idNumber`, basis: NAT13 });
  return { idType, idNumber: (p.idNumber as string).trim() };
}

function checkPerson(p: PersonId | undefined, role: string, field: string, out: RuleMissing[]): PersonId | undefined {
  if (!p) {
    out.push({ kind: 'field', label: role, reason: `须填写${role}`, id: field });
    return undefined;
  }
  const name = p.name?.trim() ?? '';
  if (name === '') out.push({ kind: 'field', label: `${role}姓名`, reason: `须填写${role}姓名`, id: `${field}.name` });
  return { name, ...checkPersonId(p, role, field, out) };
}

const CONTACT_PATTERNS: Partial<Record<ContactKind, { re: RegExp; hint: string }>> = {
  mobile: { re: /^1\d{10}$/, hint: '应为 11 位手机号码' },
  phone: { re: /^[\d\-+() ]{5,24}$/, hint: '只能包含数字、空格和 + - ( )' },
  email: { re: /^[^@\s]+@[^@\s]+\.[^@\s]+$/, hint: '格式不正确' },
};

/**
 * Checks and normalises a party (NAT-13). `asOf` (the day of the check, China
 * date) lets the minor flag be derived from a resident ID number and
 * contradictions be caught; without it the flag is taken as given.
 */
export function validateParty(input: PartyInput, options: { asOf?: CivilDate } = {}): PartyCheck {
  const missing: RuleMissing[] = [];
  if (!Object.prototype.hasOwnProperty.call(PARTY_KIND_LABELS, input.kind)) {
    return { ok: false, missing: [{ kind: 'field', label: '当事人类别', reason: `未知的当事人类别“${String(input.kind)}”`, id: 'kind' }] };
  }
  const party: Party = { ...input, name: input.name?.trim() ?? '', address: input.address?.trim() ?? '', minor: false };
  const nameLabel = input.kind === 'naturalPerson' ? '姓名' : '名称';
  if (blank(party.name)) missing.push({ kind: 'field', label: nameLabel, reason: `须填写当事人${nameLabel}`, id: 'name' });
  if (blank(party.address)) missing.push({ kind: 'field', label: '地址', reason: '须填写当事人住所或地址（送达及处罚决定书均需载明）', id: 'address' });

  if (input.kind === 'naturalPerson') {
    if (blank(input.idNumber)) missing.push({ kind: 'field', label: '证件号码', reason: '自然人须填写证件类型及号码', id: 'idNumber' });
    Object.assign(party, checkPersonId(input, '当事人', 'self', missing));
  } else {
    if (!blank(input.idNumber)) {
      missing.push({ kind: 'field', label: '证件号码', reason: '单位和个体工商户不登记个人证件号码，请填写在法定代表人或经营者项下', id: 'idNumber' });
    }
    const required = input.kind === 'organisation';
    if (blank(input.creditCode)) {
      if (required) missing.push({ kind: 'field', label: '统一社会信用代码', reason: '法人或者其他组织须填写统一社会信用代码', id: 'creditCode', basis: NAT13 });
    } else {
      const r = checkCreditCode(input.creditCode as string);
      if (r.ok) party.creditCode = r.value;
      else missing.push({ kind: 'field', label: '统一社会信用代码', reason: `“${input.creditCode}”无效：${r.reason}`, id: 'creditCode', basis: NAT13 });
    }
    if (input.kind === 'organisation') {
      const rep = checkPerson(input.legalRepresentative, '法定代表人（负责人）', 'legalRepresentative', missing);
      if (rep) party.legalRepresentative = rep;
    } else {
      const op = checkPerson(input.operator, '经营者', 'operator', missing);
      if (op) party.operator = op;
      if (blank(input.creditCode) && blank(op?.idNumber)) {
        missing.push({ kind: 'field', label: '统一社会信用代码', reason: '个体工商户无统一社会信用代码的，须登记经营者证件号码', id: 'creditCode', basis: NAT13 });
      }
    }
  }

  // PUB-5: only a natural person can be a minor; a resident ID number decides it when a date is given.
  if (input.minor === true && input.kind !== 'naturalPerson') {
    missing.push({ kind: 'field', label: '未成年人', reason: '仅自然人可标记为未成年人', id: 'minor' });
  }
  party.minor = input.kind === 'naturalPerson' && input.minor === true;
  if (input.kind === 'naturalPerson' && options.asOf && party.idType === 'residentId' && party.idNumber) {
    const isMinor = ageOn(birthDateOfIdNumber(party.idNumber), options.asOf) < 18;
    if (input.minor === false && isMinor) {
      missing.push({ kind: 'field', label: '未成年人', reason: '身份证号码显示当事人未满十八周岁，须标记为未成年人', id: 'minor' });
    } else if (input.minor === true && !isMinor) {
      missing.push({ kind: 'field', label: '未成年人', reason: '身份证号码显示当事人已满十八周岁，不应标记为未成年人', id: 'minor' });
    }
    party.minor = isMinor;
  }

  const contacts: PartyContact[] = [];
  for (const [i, c] of (input.contacts ?? []).entries()) {
    const value = c.value?.trim() ?? '';
    const label = CONTACT_KIND_LABELS[c.kind] ?? '联系方式';
    const pattern = CONTACT_PATTERNS[c.kind];
    if (value === '') missing.push({ kind: 'field', label, reason: '联系方式不能为空', id: `contacts.${i}` });
    else if (pattern && !pattern.re.test(value)) missing.push({ kind: 'field', label, reason: `“${value}”${pattern.hint}`, id: `contacts.${i}` });
    contacts.push({ kind: c.kind, value });
  }
  if (input.contacts) party.contacts = contacts;

  return missing.length === 0 ? { ok: true, party } : { ok: false, missing };
}
