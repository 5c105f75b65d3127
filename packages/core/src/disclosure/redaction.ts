/**
 * Redaction of text before publication (PUB-4 · SX25-P 16; GS-P 9) and the
 * final leak guard.
 *
 * `redact(text, sources)` masks, from three sources:
 *   a. the parties' structured fields (cases/party.ts):
 *      - a natural person: the name stays where the profile publishes it
 *        (SX25-P 15(二): the punished citizen's name) and becomes 王某 where
 *        only the surname is published (GS-P 8, 9(一)); ID number, birth date
 *        (derived from the ID number), address and contacts are masked;
 *      - a minor: everything, the name as 某某 (SX25-P 16(四); the case is
 *        withheld anyway, PUB-5);
 *      - an organisation: name, credit code and the legal representative's
 *        name stay (SX25-P 15(二)); the legal representative's ID number and
 *        birth date and the contacts are masked; the registered address stays
 *        (it is public registration data);
 *      - an individual business (个体工商户): name, credit code and the
 *        operator's name stay; the operator's ID number, the address (often
 *        the operator's home) and the contacts are masked;
 *   b. every person and identifier the case knows (`known`: witnesses, other
 *      natural persons, third-party organisations, ID numbers, phones,
 *      addresses, bank accounts, certificate numbers, trade secrets);
 *   c. patterns (detectors.ts): valid resident ID numbers (18 and 15 digits),
 *      mobiles, landlines, Luhn-valid bank cards, e-mails, plates, third-party
 *      credit codes, labelled values, names after role words.
 * Known values are found in their compact form (text.ts): with or without
 * spaces and hyphens, in full-width digits or Chinese numerals.
 *
 * Values that must stay public (the parties' published names and codes, plus
 * `sources.public`: the decision number, the agency's own phone …) protect
 * their spans: a hit lying inside a public value is not masked (a witness
 * 王伟 inside the legal representative 王伟华), while a hit that contains a
 * public value is (a witness 王伟华 around a published citizen 王伟). A sensitive value equal
 * to a public one is not masked (with a warning): the text cannot tell them
 * apart, and the published one is required by SX25-P 15.
 *
 * Masks never overlap: overlapping hits are merged into one mask whose
 * replacement is the widest hit's replacement plus stars for the rest; a
 * replacement that would still contain any masked original or known
 * sensitive value is replaced by stars altogether (so a replacement never
 * re-introduces what it hides). Positions (`start`, `end`) are in the
 * original text, half-open.
 *
 * `applyOverrides` lets a clerk add masks and lift masks; a lift needs a
 * reason (PUB-5 · SX25-P 19 第二款: the third party's consent or an
 * overriding public interest) and is kept in `lifted`.
 *
 * `sensitiveLeaks(text, sources, { allow })` is the guard the server runs
 * before publishing: anything a detector finds or any known sensitive value
 * (compact form) outside the public spans and outside the lifted values is a
 * leak, and a non-empty list refuses publication.
 */
import type { Party, PartyContact, PersonId } from '../cases/party.js';
import { AppError } from '../errors.js';
import type { ProfileId } from '../profiles/types.js';
import { type PartyNamePolicy, type SensitiveKind, SENSITIVE_KIND_LABELS, partyNamePolicy, redactionReason } from './basis.js';
import { type Detection, type Tagger, adminPrefix, classifyDigits, detect } from './detectors.js';
import { fullMask, maskFor } from './masking.js';
import { type CompactView, type Span, compact, compactView, findCompact, overlaps, scanView } from './text.js';

/** Kinds of values a case knows (source b). */
export type KnownValueKind =
  | 'name'
  | 'idNumber'
  | 'phone'
  | 'email'
  | 'address'
  | 'bankAccount'
  | 'propertyCertificate'
  | 'plate'
  | 'vehicleId'
  | 'organisation'
  | 'creditCode'
  | 'tradeSecret'
  | 'other';

/** A person or identifier the case knows, e.g. { kind: 'name', value: '赵六', label: '证人' }. */
export interface KnownValue {
  kind: KnownValueKind;
  value: string;
  /** Who or what it belongs to, shown in the reason: '证人', '第三方单位'. */
  label?: string;
}

/** Everything redaction needs to know about a case. */
export interface RedactionSources {
  /** The parties (当事人) as validated by `validateParty`. */
  parties?: readonly Party[];
  /** Other persons and identifiers of the case. */
  known?: readonly KnownValue[];
  /** Values that must stay public: the decision number, the agency's name and phone, … */
  public?: readonly string[];
  /** Profile of the publishing agency: decides the name policy and the citations. */
  profile?: ProfileId;
  /** Overrides the profile's policy for a punished citizen's name. */
  partyName?: PartyNamePolicy;
  /** Pattern detection (source c); default true. */
  patterns?: boolean;
  /** Word segmentation with part-of-speech tags for names without a role word (the server passes jieba). */
  tagger?: Tagger;
}

/** Where a mask comes from. */
export type MaskSource = 'party' | 'known' | 'pattern' | 'override';

/** One masked span of the original text. */
export interface Mask {
  start: number;
  end: number;
  original: string;
  replacement: string;
  kind: SensitiveKind;
  /** Chinese reason with its citation, e.g. '证人的身份证件号码（SX25-P 第十六条（一））'. */
  reason: string;
  source: MaskSource;
}

/** Grounds for lifting a mask (PUB-5 · SX25-P 19 第二款; SX19-P 15 第二款). */
export const LIFT_GROUND_LABELS = {
  thirdPartyConsent: '直接利害关系的第三方同意公开',
  publicInterest: '不公开会对公共利益造成重大影响',
  notPersonal: '经核实不属于应当隐去的信息',
} as const;
export type LiftGround = keyof typeof LIFT_GROUND_LABELS;

/** A mask a clerk lifted, with why. */
export interface LiftedMask extends Mask {
  liftReason: string;
  ground?: LiftGround;
}

/**
 * 疑似个人信息: something a detector is not sure of (a name without a cue, an
 * address without a home word, a card number failing Luhn). It is not masked
 * by itself and blocks approval until the clerk masks it (an 'add'
 * override) or dismisses it (a 'dismiss' override, kept with its reason).
 */
export interface Suspect {
  start: number;
  end: number;
  original: string;
  kind: SensitiveKind;
  rule: string;
  /** '疑似个人信息：姓名（SX25-P 第十六条（一））'. */
  reason: string;
}

/** A suspect the clerk dismissed, with why. */
export interface DismissedSuspect extends Suspect {
  dismissReason: string;
}

export interface RedactionResult {
  /** The text to publish. */
  text: string;
  masks: Mask[];
  lifted: LiftedMask[];
  /** 疑似个人信息 still open: each blocks approval. */
  suspects: Suspect[];
  dismissed: DismissedSuspect[];
  /** Things a clerk should look at (a sensitive value equal to a public one, a value too short to search). */
  warnings: string[];
}

/** A clerk's change to a redaction. Positions are in the original text. */
export type RedactionOverride =
  | { action: 'add'; start: number; end: number; reason: string; kind?: SensitiveKind }
  | { action: 'add'; value: string; reason: string; kind?: SensitiveKind }
  | { action: 'lift'; start: number; end: number; reason: string; ground?: LiftGround }
  | { action: 'lift'; value: string; reason: string; ground?: LiftGround }
  | { action: 'dismiss'; value: string; reason: string };

/** One thing the leak guard found. */
export interface Leak {
  start: number;
  end: number;
  kind: SensitiveKind;
  source: 'party' | 'known' | 'pattern';
  /** Detector or value that found it: 'pattern.mobile', 'known', … */
  rule: string;
  reason: string;
  /** The leaked text in masked form, safe to show and log. */
  display: string;
}

// ---------------------------------------------------------------------------
// sources → sensitive items and public values

interface SensitiveItem {
  kind: SensitiveKind;
  value: string;
  role: string;
  source: 'party' | 'known';
  /** Digit-only needles that must not be part of a longer digit run (birth dates). */
  digitBoundary?: boolean;
}

interface Catalogue {
  items: SensitiveItem[];
  publics: string[];
  warnings: string[];
}

const MIN_SEARCH_LENGTH = 2;

/** Birth date of an ID number in its written forms (compact): 1990年3月7日, 1990年03月07日, 19900307 (= 1990-03-07, 1990.03.07). */
export function birthDateVariants(idNumber: string): string[] {
  const d = scanView(idNumber).toUpperCase().replace(/[^0-9X]/g, '');
  let y: number;
  let rest: string;
  if (/^\d{17}[\dX]$/.test(d)) {
    y = Number(d.slice(6, 10));
    rest = d.slice(10, 14);
  } else if (/^\d{15}$/.test(d)) {
    y = 1900 + Number(d.slice(6, 8));
    rest = d.slice(8, 12);
  } else {
    return [];
  }
  const mm = rest.slice(0, 2);
  const dd = rest.slice(2, 4);
  const m = Number(mm);
  const day = Number(dd);
  if (m < 1 || m > 12 || day < 1 || day > 31) return [];
  return [...new Set([`${y}年${m}月${day}日`, `${y}年${mm}月${dd}日`, `${y}${mm}${dd}`])];
}

/** The part of an address after the district, searched on its own ('平阳路12号' without the city). */
function addressDetail(address: string): string | null {
  const detail = address.slice(adminPrefix(scanView(address)).length).trim();
  return compact(detail).length >= 4 && detail !== address ? detail : null;
}

function contactKind(c: PartyContact): SensitiveKind {
  switch (c.kind) {
    case 'mobile':
      return 'mobile';
    case 'phone':
      return classifyDigits(compact(c.value)) === 'mobile' ? 'mobile' : 'phone';
    case 'email':
      return 'email';
    case 'postal':
      return 'address';
    default:
      return 'contact';
  }
}

function knownKind(k: KnownValue): SensitiveKind {
  switch (k.kind) {
    case 'phone':
      return classifyDigits(compact(k.value)) === 'mobile' ? 'mobile' : 'phone';
    default:
      return k.kind;
  }
}

function buildCatalogue(sources: RedactionSources): Catalogue {
  const items: SensitiveItem[] = [];
  const publics: string[] = [...(sources.public ?? [])];
  const warnings: string[] = [];
  const policy = sources.partyName ?? partyNamePolicy(sources.profile);

  const add = (kind: SensitiveKind, value: string | undefined, role: string, source: 'party' | 'known') => {
    if (value === undefined || value.trim() === '') return;
    items.push({ kind, value, role, source });
    if (kind === 'idNumber') for (const b of birthDateVariants(value)) items.push({ kind: 'birthDate', value: b, role, source, digitBoundary: true });
    if (kind === 'address') {
      const detail = addressDetail(value);
      if (detail) items.push({ kind, value: detail, role, source });
    }
  };
  const addPerson = (p: PersonId | undefined, role: string) => {
    if (!p) return;
    if (p.name) publics.push(p.name);
    add('idNumber', p.idNumber, role, 'party');
  };

  for (const party of sources.parties ?? []) {
    if (party.kind === 'naturalPerson') {
      const role = party.minor ? '当事人（未成年人）' : '当事人';
      if (party.minor) add('minorIdentity', party.name, role, 'party');
      else if (policy === 'full') publics.push(party.name);
      else add('name', party.name, role, 'party');
      add('idNumber', party.idNumber, role, 'party');
      add('address', party.address, role, 'party');
      for (const c of party.contacts ?? []) add(contactKind(c), c.value, role, 'party');
    } else {
      publics.push(party.name);
      if (party.creditCode) publics.push(party.creditCode);
      if (party.kind === 'organisation') {
        addPerson(party.legalRepresentative, '法定代表人（负责人）');
      } else {
        addPerson(party.operator, '个体工商户经营者');
        add('address', party.address, '个体工商户', 'party');
      }
      if (party.kind === 'organisation') publics.push(party.address);
      for (const c of party.contacts ?? []) add(contactKind(c), c.value, '当事人', 'party');
    }
  }
  for (const k of sources.known ?? []) add(knownKind(k), k.value, k.label ?? '', 'known');

  // A value equal to a public one cannot be told apart in the text: it stays (SX25-P 15 requires the public one).
  const publicCompact = new Set(publics.map(compact).filter((p) => p.length > 0));
  const kept: SensitiveItem[] = [];
  for (const it of items) {
    const c = compact(it.value);
    if (publicCompact.has(c)) {
      warnings.push(`${it.role ? `${it.role}的` : ''}${SENSITIVE_KIND_LABELS[it.kind]}“${maskFor(it.kind, it.value)}”与须公开的信息相同，未隐去，请人工核对`);
    } else if (c.length < MIN_SEARCH_LENGTH) {
      warnings.push(`${it.role ? `${it.role}的` : ''}${SENSITIVE_KIND_LABELS[it.kind]}过短，无法自动查找，请人工核对`);
    } else {
      kept.push(it);
    }
  }
  return { items: kept, publics: publics.filter((p) => compact(p).length > 0), warnings };
}

/** `s` lies inside `p`: a public value shields only what it contains (a longer sensitive value around it is still masked). */
function within(s: Span, p: Span): boolean {
  return p.start <= s.start && s.end <= p.end;
}

function spansOf(view: CompactView, values: readonly string[]): Span[] {
  return values.flatMap((v) => findCompact(view, v));
}

/** Occurrences of an item; birth dates must not sit inside a longer run of digits. */
function findItem(view: CompactView, text: string, item: SensitiveItem): Span[] {
  const spans = findCompact(view, item.value);
  if (!item.digitBoundary) return spans;
  const scan = scanView(text);
  return spans.filter((s) => !/\d/.test(scan[s.start - 1] ?? '') && !/\d/.test(scan[s.end] ?? ''));
}

// ---------------------------------------------------------------------------
// candidates → merged masks

interface Candidate extends Span {
  kind: SensitiveKind;
  source: MaskSource;
  reason: string;
  replacement: string;
}

const SOURCE_RANK: Record<MaskSource, number> = { override: 0, party: 1, known: 2, pattern: 3 };

/** Replacement check: nothing masked (and no known sensitive value) may be readable in it. */
function reveals(replacement: string, originals: readonly string[], sensitive: readonly string[]): boolean {
  const r = compact(replacement);
  for (const o of originals) {
    const c = compact(o);
    if (c.length >= MIN_SEARCH_LENGTH && r.includes(c)) return true;
  }
  for (const c of sensitive) if (c.length >= MIN_SEARCH_LENGTH && r.includes(c)) return true;
  return false;
}

function starsFor(s: string): string {
  return fullMask('other', s);
}

function mergeCandidates(text: string, candidates: readonly Candidate[], sensitive: readonly string[]): Mask[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end || SOURCE_RANK[a.source] - SOURCE_RANK[b.source]);
  const groups: Candidate[][] = [];
  let end = -1;
  for (const c of sorted) {
    const g = groups[groups.length - 1];
    if (g && c.start < end) {
      g.push(c);
      end = Math.max(end, c.end);
    } else {
      groups.push([c]);
      end = c.end;
    }
  }
  return groups.map((g) => {
    const start = Math.min(...g.map((c) => c.start));
    const stop = Math.max(...g.map((c) => c.end));
    const anchor = [...g].sort((a, b) => b.end - b.start - (a.end - a.start) || SOURCE_RANK[a.source] - SOURCE_RANK[b.source])[0] as Candidate;
    const original = text.slice(start, stop);
    const left = anchor.start > start ? starsFor(text.slice(start, anchor.start)) : '';
    const right = anchor.end < stop ? starsFor(text.slice(anchor.end, stop)) : '';
    let replacement = `${left}${anchor.replacement}${right}`;
    if (reveals(replacement, [original, ...g.map((c) => text.slice(c.start, c.end))], sensitive)) replacement = fullMask(anchor.kind, original);
    // one reason per kind (the best-ranked hit's, which carries the role when known), the anchor's first
    const byKind = new Map<SensitiveKind, Candidate>();
    for (const c of [anchor, ...[...g].sort((a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source])]) if (!byKind.has(c.kind)) byKind.set(c.kind, c);
    const reasons = [...new Set([...byKind.values()].map((c) => c.reason))];
    return { start, end: stop, original, replacement, kind: anchor.kind, reason: reasons.join('；'), source: anchor.source };
  });
}

function render(text: string, masks: readonly Mask[]): string {
  let out = '';
  let pos = 0;
  for (const m of [...masks].sort((a, b) => a.start - b.start)) {
    out += text.slice(pos, m.start) + m.replacement;
    pos = m.end;
  }
  return out + text.slice(pos);
}

function fromMask(m: Mask): Candidate {
  return { start: m.start, end: m.end, kind: m.kind, source: m.source, reason: m.reason, replacement: m.replacement };
}

// ---------------------------------------------------------------------------
// public API

/** Masks personal data in `text`; see the module comment. */
export function redact(text: string, sources: RedactionSources): RedactionResult {
  const cat = buildCatalogue(sources);
  const view = compactView(text);
  const publicSpans = spansOf(view, cat.publics);
  const isPublic = (s: Span) => publicSpans.some((p) => within(s, p));
  const candidates: Candidate[] = [];
  const warnings = [...cat.warnings];

  for (const item of cat.items) {
    for (const span of findItem(view, text, item)) {
      const original = text.slice(span.start, span.end);
      if (isPublic(span)) {
        warnings.push(`${item.role ? `${item.role}的` : ''}${SENSITIVE_KIND_LABELS[item.kind]}“${maskFor(item.kind, original)}”位于须公开的信息之中（第 ${span.start} 字），未隐去，请人工核对`);
        continue;
      }
      candidates.push({
        ...span,
        kind: item.kind,
        source: item.source,
        reason: redactionReason(item.kind, sources.profile, item.role || undefined),
        replacement: maskFor(item.kind, original),
      });
    }
  }
  const uncertain: Detection[] = [];
  if (sources.patterns !== false) {
    for (const d of detect(scanView(text), detectOptions(sources))) {
      if (isPublic(d)) continue;
      if (d.uncertain) uncertain.push(d);
      else candidates.push(patternCandidate(text, d, sources.profile));
    }
  }
  const sensitive = cat.items.map((i) => compact(i.value));
  const masks = mergeCandidates(text, candidates, sensitive);
  return { text: render(text, masks), masks, lifted: [], suspects: openSuspects(text, uncertain, masks, sources.profile), dismissed: [], warnings };
}

function detectOptions(sources: RedactionSources) {
  return sources.tagger ? { tagger: sources.tagger } : {};
}

/** Uncertain detections not covered by a mask, merged when they overlap. */
function openSuspects(text: string, uncertain: readonly Detection[], masks: readonly Span[], profile: ProfileId | undefined): Suspect[] {
  const out: Suspect[] = [];
  for (const d of [...uncertain].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (masks.some((m) => overlaps(m, d))) continue;
    const last = out[out.length - 1];
    if (last && d.start < last.end) continue;
    out.push({ start: d.start, end: d.end, original: text.slice(d.start, d.end), kind: d.kind, rule: d.rule, reason: `疑似个人信息：${redactionReason(d.kind, profile)}` });
  }
  return out;
}

/** Detector hits (source c) in `text`, positions in `text`; overlapping hits are all returned. */
export function detectSensitive(text: string, options: { tagger?: Tagger } = {}): Detection[] {
  return detect(scanView(text), options);
}

function patternCandidate(text: string, d: Detection, profile: ProfileId | undefined): Candidate {
  const original = text.slice(d.start, d.end);
  return { start: d.start, end: d.end, kind: d.kind, source: 'pattern', reason: redactionReason(d.kind, profile), replacement: maskFor(d.kind, original) };
}

/** The original text of a redaction result, rebuilt from the published text and the masks. */
export function originalText(result: Pick<RedactionResult, 'text' | 'masks'>): string {
  let out = '';
  let outPos = 0;
  let origPos = 0;
  for (const m of [...result.masks].sort((a, b) => a.start - b.start)) {
    const same = m.start - origPos;
    out += result.text.slice(outPos, outPos + same) + m.original;
    outPos += same + m.replacement.length;
    origPos = m.end;
  }
  return out + result.text.slice(outPos);
}

function invalid(detail: string): never {
  throw new AppError('validation.failed', { detail });
}

/**
 * Applies a clerk's overrides in order:
 * - add (a span, or every occurrence of a value): merged with the masks
 *   already there; the replacement follows `kind` (default 'other' → ***);
 * - lift (a span: every mask touching it; a value: every mask whose original
 *   is that value): the masks move to `lifted`. A lift without a reason is
 *   refused (PUB-5 · SX25-P 19 第二款 names the grounds: consent of the third
 *   party or an overriding public interest).
 * Throws AppError('validation.failed') on a blank reason or a span outside the text.
 */
export function applyOverrides(result: RedactionResult, overrides: readonly RedactionOverride[], options: { profile?: ProfileId } = {}): RedactionResult {
  const text = originalText(result);
  let masks = [...result.masks];
  const lifted = [...result.lifted];
  const warnings = [...result.warnings];
  let suspects = [...(result.suspects ?? [])];
  const dismissed = [...(result.dismissed ?? [])];
  for (const o of overrides) {
    if (!o.reason || o.reason.trim() === '') invalid(o.action === 'lift' ? '解除隐去须说明理由（如第三方同意公开、公共利益需要）' : o.action === 'dismiss' ? '排除疑似个人信息须说明理由' : '增加隐去须说明理由');
    if (o.action === 'dismiss') {
      const hit = (x: Suspect) => compact(x.original) === compact(o.value);
      const hits = suspects.filter(hit);
      if (hits.length === 0) warnings.push('要排除的疑似个人信息不存在（须与原文一致）');
      for (const x of hits) dismissed.push({ ...x, dismissReason: o.reason.trim() });
      suspects = suspects.filter((x) => !hit(x));
      continue;
    }
    let spans: Span[];
    if ('value' in o) {
      if (compact(o.value).length === 0) invalid('须填写要处理的内容');
      spans = o.action === 'add' ? findCompact(compactView(text), o.value) : [];
      if (o.action === 'add' && spans.length === 0) warnings.push(`未在原文中找到要隐去的内容（${maskFor(o.kind ?? 'other', o.value)}）`);
    } else {
      if (!Number.isInteger(o.start) || !Number.isInteger(o.end) || o.start < 0 || o.end > text.length || o.start >= o.end) {
        invalid(`位置无效：${o.start}–${o.end}（全文 ${text.length} 字）`);
      }
      spans = [{ start: o.start, end: o.end }];
    }
    if (o.action === 'add') {
      const kind = o.kind ?? 'other';
      const added: Candidate[] = spans.map((s) => ({
        ...s,
        kind,
        source: 'override',
        reason: `人工隐去：${o.reason.trim()}（${redactionReason(kind, options.profile)}）`,
        replacement: maskFor(kind, text.slice(s.start, s.end)),
      }));
      masks = mergeCandidates(text, [...masks.map(fromMask), ...added], []);
    } else {
      const hit = (m: Mask) => ('value' in o ? compact(m.original) === compact(o.value) : overlaps(m, spans[0] as Span));
      const hits = masks.filter(hit);
      if (hits.length === 0) warnings.push('要解除的隐去不存在（按内容解除时须与隐去的原文一致）');
      for (const m of hits) liftAllowed(m, o.ground);
      for (const m of hits) lifted.push({ ...m, liftReason: o.reason.trim(), ...(o.ground ? { ground: o.ground } : {}) });
      masks = masks.filter((m) => !hit(m));
    }
  }
  suspects = suspects.filter((x) => !masks.some((m) => overlaps(m, x)));
  return { text: render(text, masks), masks, lifted, suspects, dismissed, warnings };
}

/** Kinds that identify a natural person and can be lifted only on SX25-P 19 第二款's grounds. */
const PERSONAL_LIFT_KINDS: ReadonlySet<SensitiveKind> = new Set(['name', 'mobile', 'phone', 'address', 'contact', 'email']);
/** Kinds never published, whatever the ground: ID numbers and what is read from them; a minor's identity (SX25-P 16(一)(四)). */
const NEVER_LIFTED: ReadonlySet<SensitiveKind> = new Set(['idNumber', 'birthDate', 'minorIdentity']);

/**
 * PUB-4 · SX25-P 16(一), 19 第二款 (issue 13 item 3): a natural person's ID
 * number (and birth date, a minor's identity) is never unmasked; the name,
 * phone or address of a person the case knows (the party's, a witness's …)
 * is unmasked only on the third party's consent or an overriding public
 * interest — "not personal" is no ground for what the case itself says is a
 * person's. The approver's explicit consent is checked at approval
 * (`liftsNeedingConsent`).
 */
function liftAllowed(m: Mask, ground: LiftGround | undefined): void {
  if (NEVER_LIFTED.has(m.kind)) {
    throw new AppError('disclosure.lift_forbidden', { detail: `${SENSITIVE_KIND_LABELS[m.kind]}不得解除隐去（SX25-P 第十六条）` });
  }
  if (PERSONAL_LIFT_KINDS.has(m.kind) && (m.source === 'party' || m.source === 'known') && ground !== 'thirdPartyConsent' && ground !== 'publicInterest') {
    throw new AppError('disclosure.lift_forbidden', {
      detail: `解除${SENSITIVE_KIND_LABELS[m.kind]}的隐去须有法定事由：第三方同意公开，或者不公开会对公共利益造成重大影响（SX25-P 第十九条第二款）`,
    });
  }
}

/** Lifted masks of personal kinds: the approver must consent to each explicitly before publication. */
export function liftsNeedingConsent(lifted: readonly LiftedMask[]): LiftedMask[] {
  return lifted.filter((l) => PERSONAL_LIFT_KINDS.has(l.kind));
}

/**
 * What in `text` is still sensitive: detector hits and known sensitive values
 * (compact form) outside the public spans and outside `allow` (values whose
 * mask was lifted with a reason). Empty means the text may be published.
 */
export function sensitiveLeaks(text: string, sources: RedactionSources, options: { allow?: readonly string[] } = {}): Leak[] {
  const cat = buildCatalogue(sources);
  const view = compactView(text);
  const shielded = [...spansOf(view, cat.publics), ...spansOf(view, (options.allow ?? []).filter((a) => compact(a).length > 0))];
  const isShielded = (s: Span) => shielded.some((p) => within(s, p));
  const leaks: Leak[] = [];
  for (const item of cat.items) {
    for (const span of findItem(view, text, item)) {
      if (isShielded(span)) continue;
      leaks.push({
        ...span,
        kind: item.kind,
        source: item.source,
        rule: 'known',
        reason: redactionReason(item.kind, sources.profile, item.role || undefined),
        display: maskFor(item.kind, text.slice(span.start, span.end)),
      });
    }
  }
  if (sources.patterns !== false) {
    for (const d of detect(scanView(text), detectOptions(sources))) {
      if (isShielded(d) || d.uncertain) continue;
      leaks.push({
        start: d.start,
        end: d.end,
        kind: d.kind,
        source: 'pattern',
        rule: d.rule,
        reason: redactionReason(d.kind, sources.profile),
        display: maskFor(d.kind, text.slice(d.start, d.end)),
      });
    }
  }
  const seen = new Set<string>();
  return leaks
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .filter((l) => {
      const key = `${l.start}:${l.end}:${l.kind}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Kinds a clerk may not dismiss as "not personal": they are masked, never published (SX25-P 16(一)(四)). */
const NEVER_DISMISSED: ReadonlySet<SensitiveKind> = NEVER_LIFTED;

/**
 * Lists, procedures and rules are institutional text: a name guessed by the
 * segmenter without a cue (法律、法规) or a 文号's prefix (晋环规〔2025〕5号)
 * is not a person there. Names after a role word, and every other kind, stay.
 */
function institutionalWord(text: string, d: Detection): boolean {
  if (d.kind !== 'name' || d.rule === 'role.name') return false;
  return d.uncertain === true || /^\s*[〔［\[（(]\s*\d{4}/.test(text.slice(d.end));
}

/**
 * Entered public content with no case behind it (事前公开信息, issue 13 item
 * 1): nothing is masked by itself — every detector hit outside the public
 * values (the agency's names, its published contact channels, the officers'
 * names and certificate numbers, ORG-2) is a 疑似个人信息 that blocks approval
 * until the clerk masks it ('add') or dismisses it with a reason ('dismiss',
 * kept). An ID number (and a birth date, a minor's identity) cannot be
 * dismissed, only masked. The leak guard then runs on the result with the
 * dismissed values allowed.
 */
export function reviewEntered(text: string, sources: RedactionSources, overrides: readonly RedactionOverride[] = []): RedactionResult & { leaks: Leak[] } {
  const cat = buildCatalogue(sources);
  const view = compactView(text);
  const publicSpans = spansOf(view, cat.publics);
  const all = sources.patterns === false ? [] : detect(scanView(text), detectOptions(sources));
  const institutional = all.filter((d) => institutionalWord(text, d));
  const hits = all.filter((d) => !publicSpans.some((p) => within(d, p)) && !institutional.includes(d));
  const base: RedactionResult = { text, masks: [], lifted: [], suspects: openSuspects(text, hits, [], sources.profile), dismissed: [], warnings: [...cat.warnings] };
  for (const o of overrides) {
    if (o.action !== 'dismiss') continue;
    const never = base.suspects.find((s) => NEVER_DISMISSED.has(s.kind) && compact(s.original) === compact(o.value));
    if (never) throw new AppError('disclosure.dismiss_forbidden', { detail: `${SENSITIVE_KIND_LABELS[never.kind]}不得排除，须隐去（SX25-P 第十六条）` });
  }
  const r = overrides.length ? applyOverrides(base, overrides, sources.profile ? { profile: sources.profile } : {}) : base;
  const allow = r.dismissed.map((d) => d.original);
  const leaks = sensitiveLeaks(r.text, sources, { allow }).filter((l) => !(l.kind === 'name' && institutional.some((d) => d.start === l.start && d.end === l.end)));
  return { ...r, leaks };
}
