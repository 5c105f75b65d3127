/**
 * Catalogue matching (REV-2): on the draft decision, is the case a major
 * decision, which items of the catalogue does it meet, and with what values.
 * Thresholds are "以上": the amount itself counts (compared in fen, so
 * 199999.99 is below 200000 and 200000.00 is not).
 */
import type { ActionType } from '../cases/action-types.js';
import type { CaseMeasureKey } from '../cases/measures.js';
import type { PartyKind } from '../cases/party.js';
import type { PenaltyType } from '../cases/penalty-types.js';
import { MAJOR_CRITERION_LABELS, type MajorCriterionKey } from '../profiles/vocabulary.js';
import { amountLabel, type CatalogueItem, type ReviewCatalogue } from './catalogue.js';
import { MAJOR_MEASURE_LABELS, isMajorMeasure, type MajorMeasureKey } from './vocabulary.js';

/** A judgement criterion the handling unit declares, with its reasons. */
export interface DeclaredCriterion {
  criterion: MajorCriterionKey;
  reason: string;
}

/** What the matching looks at: the draft decision and the case. */
export interface MatchFacts {
  actionType: ActionType;
  /** null when the case names no party: the individual amounts (the lower ones) apply, the cautious reading. */
  partyKind: PartyKind | null;
  /** 罚款数额 of the draft decision (yuan). */
  fineAmount?: number | null;
  /** 没收违法所得、非法财物 (yuan). */
  confiscationAmount?: number | null;
  penaltyTypes: readonly PenaltyType[];
  measures: readonly CaseMeasureKey[];
  hearing: { right: boolean; requested: boolean; held: boolean };
  transferToJudiciary: boolean;
  complex: boolean;
  declared: readonly DeclaredCriterion[];
  /** Where the amounts come from, e.g. '行政处罚决定书（代拟稿）' or '拟处罚'. */
  source: string;
}

/** One item met, with the value that met it. */
export interface CatalogueMatch {
  itemId: string;
  criterion: MajorCriterionKey;
  criterionLabel: string;
  label: string;
  /** e.g. '罚款 200000 元，达到 20万元以上（法人或者其他组织）'. */
  value: string;
  basis: string;
}

export interface MatchResult {
  major: boolean;
  matches: CatalogueMatch[];
  /** Items whose threshold the case does not reach, for the console ('罚款 199999.99 元，未达 20万元'). */
  notMet: { itemId: string; label: string; value: string }[];
  /** One line in Chinese. */
  summary: string;
  source: string;
}

const fen = (n: number) => Math.round(n * 100);
const yuan = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

function appliesTo(item: CatalogueItem, type: ActionType): boolean {
  return item.actionTypes.length === 0 || item.actionTypes.includes(type);
}

function isOrganisation(kind: PartyKind | null): boolean {
  return kind === 'organisation';
}

/** The measures and penalty types of the facts that the catalogue's vocabulary knows. */
export function majorMeasuresOf(facts: Pick<MatchFacts, 'penaltyTypes' | 'measures'>): MajorMeasureKey[] {
  const out = new Set<MajorMeasureKey>();
  for (const t of facts.penaltyTypes) if (isMajorMeasure(t)) out.add(t);
  for (const m of facts.measures) if (isMajorMeasure(m)) out.add(m);
  return [...out];
}

type ItemResult = { met: true; value: string } | { met: false; value: string | null };

function test(item: CatalogueItem, f: MatchFacts): ItemResult {
  const t = item.test;
  switch (t.type) {
    case 'fine': {
      const org = isOrganisation(f.partyKind);
      const who = t.party === 'organisation' ? '法人或者其他组织' : '公民（个体工商户）';
      if ((t.party === 'organisation') !== org) return { met: false, value: null };
      const fine = f.fineAmount ?? null;
      const fined = f.penaltyTypes.includes('fine') || (fine ?? 0) > 0;
      if (!fined || fine === null) return { met: false, value: null };
      if (fen(fine) >= fen(t.atLeast)) return { met: true, value: `罚款 ${yuan(fine)} 元，达到${amountLabel(t.atLeast)}以上（${who}）` };
      return { met: false, value: `罚款 ${yuan(fine)} 元，未达${amountLabel(t.atLeast)}（${who}）` };
    }
    case 'confiscation': {
      const amount = f.confiscationAmount ?? null;
      if (amount === null || amount <= 0) return { met: false, value: null };
      if (fen(amount) >= fen(t.atLeast)) return { met: true, value: `没收 ${yuan(amount)} 元，达到${amountLabel(t.atLeast)}以上` };
      return { met: false, value: `没收 ${yuan(amount)} 元，未达${amountLabel(t.atLeast)}` };
    }
    case 'measures': {
      const hit = majorMeasuresOf(f).filter((m) => t.anyOf.includes(m));
      return hit.length > 0 ? { met: true, value: hit.map((m) => MAJOR_MEASURE_LABELS[m]).join('、') } : { met: false, value: null };
    }
    case 'hearing': {
      const { held, requested, right } = f.hearing;
      if (held) return { met: true, value: '已举行听证' };
      if (t.scope !== 'held' && requested) return { met: true, value: '当事人要求听证' };
      if (t.scope === 'right' && right) return { met: true, value: '当事人有权要求听证' };
      return { met: false, value: null };
    }
    case 'transfer':
      return f.transferToJudiciary ? { met: true, value: '违法行为移送公安机关、司法机关' } : { met: false, value: null };
    case 'complex':
      return f.complex ? { met: true, value: '承办机构认定案件疑难复杂、涉及多个法律关系' } : { met: false, value: null };
    case 'declared': {
      const reasons = f.declared.filter((d) => d.criterion === item.criterion && d.reason.trim() !== '').map((d) => d.reason.trim());
      return reasons.length > 0 ? { met: true, value: `承办机构认定：${reasons.join('；')}` } : { met: false, value: null };
    }
  }
}

/**
 * Matches the facts against the catalogue. `major` is true when any item is
 * met. The summary names the criteria and values, e.g.
 * '属于重大执法决定：直接关系行政相对人或第三人重大权益（罚款 200000 元，达到20万元以上…）'.
 */
export function matchCatalogue(catalogue: ReviewCatalogue, facts: MatchFacts): MatchResult {
  const matches: CatalogueMatch[] = [];
  const notMet: MatchResult['notMet'] = [];
  for (const item of catalogue.items) {
    if (!appliesTo(item, facts.actionType)) continue;
    const r = test(item, facts);
    if (r.met) {
      matches.push({ itemId: item.id, criterion: item.criterion, criterionLabel: MAJOR_CRITERION_LABELS[item.criterion], label: item.label, value: r.value, basis: item.basis });
    } else if (r.value) {
      notMet.push({ itemId: item.id, label: item.label, value: r.value });
    }
  }
  const major = matches.length > 0;
  const summary = major
    ? `属于重大执法决定：${matches.map((m) => `${m.label}（${m.value}）`).join('；')}`
    : '未命中重大执法决定法制审核目录清单';
  return { major, matches, notMet, summary, source: facts.source };
}
