/**
 * Inheritance and agency configuration: `resolveProfile` walks a profile's
 * chain (SX25 → SX19 → national) and returns every parameter with its value,
 * citation and origin:
 * - 'own'       set by the profile itself;
 * - 'inherited' set by an ancestor (`from` names it);
 * - 'agency'    configured by the agency (overrides anything above);
 * - 'default'   left unset by the documents (e.g. GS19's legal-review limit):
 *               the platform default applies until the agency configures it.
 * A key no profile in the chain defines is absent (e.g. correction deadlines
 * outside GS19); `getParam` then throws 'profile.value_unset'.
 *
 * AV lists ('union' keys) accumulate along the chain instead of being replaced:
 * each document in the chain binds the agency (REC-6, REC-7).
 */
import { AppError } from '../errors.js';
import { type Citation, formatCitation } from './documents.js';
import { PARAM_INFO, PARAM_KEYS, paramValueProblem } from './param-info.js';
import { PROFILES, isProfileId } from './registry.js';
import type {
  AgencyOverride,
  AgencyOverrides,
  AvListEntry,
  ParamKey,
  ParamValueMap,
  ProfileDefinition,
  ProfileId,
  ResolvedParam,
  ResolvedParams,
  ResolvedProfile,
  SetEntry,
} from './types.js';

/** The profile and its ancestors, child first. */
export function profileChain(id: ProfileId): ProfileDefinition[] {
  const chain: ProfileDefinition[] = [];
  let cur: ProfileId | null = id;
  while (cur !== null) {
    const def: ProfileDefinition = PROFILES[cur];
    if (chain.includes(def)) throw new AppError('validation.failed', { detail: `规则配置继承关系成环：${id}` });
    chain.push(def);
    cur = def.parent;
  }
  return chain;
}

function basisOf(citation: Citation, related: readonly Citation[] = []): string {
  const main = formatCitation(citation);
  return related.length > 0 ? `${main}（另见 ${related.map(formatCitation).join('、')}）` : main;
}

const DEFAULT_BASIS = '规则未规定，由本机关配置（当前为平台默认值）';

function agencyBasis(o: AgencyOverride<unknown>): string {
  return o.basis ? `本机关配置：${o.basis}` : '本机关配置';
}

/** Nearest value (set value or unset default) at or above position `start` of the chain. */
function inheritedDefault<K extends ParamKey>(chain: ProfileDefinition[], key: K, start: number): ParamValueMap[K] | undefined {
  for (let i = start; i < chain.length; i++) {
    const e = (chain[i] as ProfileDefinition).params[key];
    if (!e) continue;
    if (e.kind === 'set') return e.value as ParamValueMap[K];
    if (e.default !== undefined) return e.default as ParamValueMap[K];
  }
  return undefined;
}

function resolveReplace<K extends ParamKey>(
  key: K,
  chain: ProfileDefinition[],
  override: AgencyOverride<ParamValueMap[K]> | undefined,
): ResolvedParam<ParamValueMap[K]> | undefined {
  const id = (chain[0] as ProfileDefinition).id;
  const pos = chain.findIndex((d) => d.params[key] !== undefined);
  const owner = pos >= 0 ? (chain[pos] as ProfileDefinition) : undefined;
  const entry = owner?.params[key];

  let documentValue: ResolvedParam<ParamValueMap[K]> | undefined;
  if (owner && entry) {
    if (entry.kind === 'set') {
      const related = entry.related ?? [];
      documentValue = {
        key,
        value: entry.value as ParamValueMap[K],
        origin: owner.id === id ? 'own' : 'inherited',
        from: owner.id,
        citation: entry.citation,
        related,
        basis: basisOf(entry.citation, related),
        ...(entry.note !== undefined ? { note: entry.note } : {}),
      };
    } else {
      const value = (entry.default as ParamValueMap[K] | undefined) ?? inheritedDefault(chain, key, pos + 1);
      if (value !== undefined) {
        documentValue = {
          key,
          value,
          origin: 'default',
          from: owner.id,
          citation: entry.citation ?? null,
          related: [],
          basis: entry.citation ? `${DEFAULT_BASIS}；参见 ${formatCitation(entry.citation)}` : DEFAULT_BASIS,
          note: entry.note,
        };
      }
    }
  }

  if (!override) return documentValue;
  return {
    key,
    value: override.value,
    origin: 'agency',
    from: 'agency',
    citation: null,
    related: [],
    basis: agencyBasis(override),
    ...(override.note !== undefined ? { note: override.note } : {}),
    ...(documentValue && documentValue.from !== 'agency'
      ? { replaced: { origin: documentValue.origin, from: documentValue.from, basis: documentValue.basis } }
      : {}),
  };
}

function resolveUnion(
  key: 'av.mandatory' | 'av.situational',
  chain: ProfileDefinition[],
  override: AgencyOverride<readonly AvListEntry[]> | undefined,
): ResolvedParam<readonly AvListEntry[]> | undefined {
  const id = (chain[0] as ProfileDefinition).id;
  const merged = new Map<string, { measure: AvListEntry['measure']; citations: Citation[]; sources: (ProfileId | 'agency')[] }>();
  const contributors: { id: ProfileId; entry: SetEntry<readonly AvListEntry[]> }[] = [];
  for (const def of chain) {
    const e = def.params[key];
    if (!e || e.kind !== 'set') continue; // union keys are never left unset
    contributors.push({ id: def.id, entry: e });
    for (const item of e.value) {
      const m = merged.get(item.measure) ?? { measure: item.measure, citations: [], sources: [] };
      m.citations.push(...item.citations);
      if (!m.sources.includes(def.id)) m.sources.push(def.id);
      merged.set(item.measure, m);
    }
  }
  for (const item of override?.value ?? []) {
    const m = merged.get(item.measure) ?? { measure: item.measure, citations: [], sources: [] };
    m.citations.push(...(item.citations ?? []));
    if (!m.sources.includes('agency')) m.sources.push('agency');
    merged.set(item.measure, m);
  }
  if (merged.size === 0) return undefined;

  const nearest = contributors[0];
  const value: AvListEntry[] = [...merged.values()];
  const bases = contributors.map((c) => formatCitation(c.entry.citation));
  const agencyAdded = (override?.value.length ?? 0) > 0;
  if (agencyAdded && override) bases.push(`${agencyBasis(override)}（增列）`);
  return {
    key,
    value,
    origin: agencyAdded ? 'agency' : nearest?.id === id ? 'own' : 'inherited',
    from: agencyAdded ? 'agency' : (nearest?.id ?? 'agency'),
    citation: nearest?.entry.citation ?? null,
    related: contributors.slice(1).map((c) => c.entry.citation),
    basis: bases.join('；'),
    ...(override?.note !== undefined ? { note: override.note } : {}),
  };
}

function checkOverrides(overrides: AgencyOverrides): void {
  const problems: string[] = [];
  for (const [k, o] of Object.entries(overrides)) {
    if (o === undefined) continue;
    if (!(k in PARAM_INFO)) {
      problems.push(`未知的参数“${k}”`);
      continue;
    }
    const key = k as ParamKey;
    const problem = paramValueProblem(key, (o as AgencyOverride<unknown>).value);
    if (problem) problems.push(`${key}（${PARAM_INFO[key].label}）${problem}`);
  }
  if (problems.length > 0) throw new AppError('validation.failed', { detail: problems.join('；') });
}

/**
 * Resolves a profile with its ancestors and the agency's configuration.
 * Unknown id → AppError('profile.unknown'); a bad agency value →
 * AppError('validation.failed').
 */
export function resolveProfile(id: string, agencyOverrides: AgencyOverrides = {}): ResolvedProfile {
  if (!isProfileId(id)) throw new AppError('profile.unknown', { profile: id });
  checkOverrides(agencyOverrides);
  const chain = profileChain(id);
  const def = chain[0] as ProfileDefinition;
  const params: ResolvedParams = {};
  const put = <K extends ParamKey>(key: K, r: ResolvedParam<ParamValueMap[K]> | undefined) => {
    if (r) (params as Record<ParamKey, unknown>)[key] = r;
  };
  for (const key of PARAM_KEYS) {
    if (PARAM_INFO[key].merge === 'union') {
      const listKey = key as 'av.mandatory' | 'av.situational';
      put(listKey, resolveUnion(listKey, chain, agencyOverrides[listKey]));
    } else {
      put(key, resolveReplace(key, chain, agencyOverrides[key] as AgencyOverride<ParamValueMap[typeof key]> | undefined));
    }
  }
  return {
    id: def.id,
    name: def.name,
    issuer: def.issuer,
    docNumber: def.docNumber,
    effective: def.effective,
    ...(def.effectiveNote !== undefined ? { effectiveNote: def.effectiveNote } : {}),
    parent: def.parent,
    chain: chain.map((d) => d.id),
    params,
  };
}

/** One resolved value; AppError('profile.value_unset') when the profile and the agency leave it unset. */
export function getParam<K extends ParamKey>(profile: ResolvedProfile, key: K): ResolvedParam<ParamValueMap[K]> {
  const p = profile.params[key] as ResolvedParam<ParamValueMap[K]> | undefined;
  if (!p) throw new AppError('profile.value_unset', { profile: profile.id, key });
  return p;
}
