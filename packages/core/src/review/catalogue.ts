/**
 * 重大执法决定法制审核目录清单 (REV-2 · SX19-L 9; XX-L 3; MEE19 三(二); NAT-5 ·
 * 行政处罚法 Art 58): per agency, versioned, filed with the justice bureau.
 *
 * A catalogue is a list of items (事项标准). Each item serves one criterion
 * of the profile ('majorDecision.criteria') and says how a case meets it:
 * - a threshold the platform checks itself: a fine for organisations or for
 *   individuals, a confiscation, a measure (责令停产整治, 停产停业, 关闭,
 *   吊销许可 …), a hearing, a transfer to police or judiciary, the complex-
 *   case flag;
 * - or a judgement the handling unit declares with its reasons (重大公共利益,
 *   重大社会影响 …): the platform cannot compute it, but records who said it.
 *
 * "以上" includes the amount itself (the thresholds are "at least").
 */
import type { ActionType } from '../cases/action-types.js';
import { ACTION_TYPES } from '../cases/action-types.js';
import type { RuleMissing } from '../cases/citation.js';
import { formatCitation } from '../profiles/documents.js';
import { getParam } from '../profiles/resolve.js';
import type { ResolvedProfile } from '../profiles/types.js';
import { MAJOR_CRITERION_KEYS, MAJOR_CRITERION_LABELS, type MajorCriterionKey } from '../profiles/vocabulary.js';
import { reviewRulesFor } from './rules.js';
import { MAJOR_MEASURE_KEYS, MAJOR_MEASURE_LABELS, type MajorMeasureKey } from './vocabulary.js';

/** How an item is met. */
export type CatalogueTest =
  /** A fine of at least `atLeast` yuan, for organisations or for individuals (citizens and 个体工商户). */
  | { type: 'fine'; party: 'organisation' | 'individual'; atLeast: number }
  /** A confiscation (没收违法所得、非法财物) of at least `atLeast` yuan. */
  | { type: 'confiscation'; atLeast: number }
  /** Any of these measures or penalty types. */
  | { type: 'measures'; anyOf: readonly MajorMeasureKey[] }
  /** A hearing: 'held' (经过听证程序作出), 'requested' (需经过听证程序: asked for or held), 'right' (the party may ask, NAT-4). */
  | { type: 'hearing'; scope: 'held' | 'requested' | 'right' }
  /** The violation is transferred to the police or the judiciary. */
  | { type: 'transfer' }
  /** The case is complex, with several legal relations. */
  | { type: 'complex' }
  /** A judgement the handling unit declares with its reasons. */
  | { type: 'declared' };

export const CATALOGUE_TEST_LABELS: Record<CatalogueTest['type'], string> = {
  fine: '罚款数额',
  confiscation: '没收数额',
  measures: '处罚种类或者措施',
  hearing: '听证',
  transfer: '移送公安机关、司法机关',
  complex: '疑难复杂',
  declared: '承办机构认定（须说明理由）',
};

/** One item (事项标准) of the catalogue. */
export interface CatalogueItem {
  /** Stable within the catalogue, e.g. 'fine.organisation'. */
  id: string;
  criterion: MajorCriterionKey;
  /** Chinese description as filed, e.g. '对法人或者其他组织处以20万元以上罚款的'. */
  label: string;
  test: CatalogueTest;
  /** Action types the item applies to; empty = all. */
  actionTypes: readonly ActionType[];
  /** Basis, e.g. 'SX19-L 第九条（三）'. */
  basis: string;
  note?: string;
}

/** A catalogue as the agency keeps it (one version). */
export interface ReviewCatalogue {
  title: string;
  items: readonly CatalogueItem[];
  note?: string;
}

const yuan = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
/** '20万元' for round amounts, else '12345.5元'. */
export function amountLabel(n: number): string {
  return n >= 10_000 && n % 10_000 === 0 ? `${n / 10_000}万元` : `${yuan(n)}元`;
}

/** The measures that directly touch major rights by default: NAT-4's hearing scope (行政处罚法 Art 63; 生态环境行政处罚办法 Art 46). */
export const DEFAULT_MAJOR_MEASURES: readonly MajorMeasureKey[] = [
  'suspendForRectification',
  'suspendProduction',
  'close',
  'revokeLicence',
  'lowerQualification',
  'restrictEmployment',
  'employmentBan',
];

/**
 * The catalogue the platform proposes for a profile before the agency adopts
 * its own: one or more items for every criterion the profile lists, with the
 * profile's amount thresholds ('majorDecision.amountThreshold').
 *
 * Transfer to police or judiciary is its own criterion in XX-L 3(五); SX19-L 9
 * does not list it, so there it is filed under (七) 其他 (SX19-L 11(七) and
 * 12(四) review it in every case anyway); the national list (MEE19 三(二)) has
 * neither, so the item is left out and an agency may add it.
 */
export function defaultCatalogue(profile: ResolvedProfile): ReviewCatalogue {
  const criteria = getParam(profile, 'majorDecision.criteria');
  const amounts = getParam(profile, 'majorDecision.amountThreshold');
  const rules = reviewRulesFor(profile);
  const listed = new Set(criteria.value);
  const basis = criteria.basis;
  const items: CatalogueItem[] = [];
  const add = (item: Omit<CatalogueItem, 'actionTypes' | 'basis'> & { actionTypes?: ActionType[]; basis?: string }) =>
    items.push({ actionTypes: [], basis, ...item });

  for (const criterion of criteria.value) {
    switch (criterion) {
      case 'majorRights':
        add({
          id: 'fine.organisation',
          criterion,
          label: `对法人或者其他组织处以${amountLabel(amounts.value.organisation)}以上罚款的`,
          test: { type: 'fine', party: 'organisation', atLeast: amounts.value.organisation },
          basis: `${basis}；${amounts.basis}`,
        });
        add({
          id: 'fine.individual',
          criterion,
          label: `对公民（个体工商户）处以${amountLabel(amounts.value.individual)}以上罚款的`,
          test: { type: 'fine', party: 'individual', atLeast: amounts.value.individual },
          basis: `${basis}；${amounts.basis}`,
        });
        add({
          id: 'confiscation',
          criterion,
          label: `没收违法所得、非法财物价值${amountLabel(amounts.value.organisation)}以上的`,
          test: { type: 'confiscation', atLeast: amounts.value.organisation },
          basis: `${basis}；${amounts.basis}`,
        });
        add({
          id: 'measures',
          criterion,
          label: `作出${DEFAULT_MAJOR_MEASURES.map((m) => MAJOR_MEASURE_LABELS[m]).join('、')}决定的`,
          test: { type: 'measures', anyOf: DEFAULT_MAJOR_MEASURES },
          basis: `${basis}；行政处罚法 第六十三条`,
        });
        add({ id: 'majorRights.declared', criterion, label: MAJOR_CRITERION_LABELS.majorRights + '的其他情形', test: { type: 'declared' } });
        break;
      case 'afterHearing':
        add({ id: 'hearing', criterion, label: rules.hearingScope === 'held' ? '经过听证程序作出的' : '需经过听证程序作出的（当事人要求听证或者已举行听证）', test: { type: 'hearing', scope: rules.hearingScope }, basis: formatCitation(rules.hearingCitation) });
        break;
      case 'complex':
        add({ id: 'complex', criterion, label: '案件情况疑难复杂、涉及多个法律关系的', test: { type: 'complex' } });
        break;
      case 'transferToJudiciary':
        add({ id: 'transfer', criterion, label: '将环境违法行为移送公安机关、司法机关追究刑事责任的', test: { type: 'transfer' } });
        break;
      default:
        add({ id: `${criterion}.declared`, criterion, label: `${MAJOR_CRITERION_LABELS[criterion]}的`, test: { type: 'declared' } });
    }
  }
  if (!listed.has('transferToJudiciary') && listed.has('other')) {
    add({ id: 'transfer', criterion: 'other', label: '违法行为涉嫌犯罪、移送公安机关、司法机关的', test: { type: 'transfer' }, note: '规则未将移送单列为目录标准，列入“其他需要进行法制审核的情形”。' });
  }
  return { title: '重大执法决定法制审核目录清单', items, note: `按 ${profile.id} 规则生成的建议清单，须经本机关确定并报本级司法行政部门备案。` };
}

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** Problems of a catalogue an agency wants to adopt, as missing items (empty when fine). */
export function catalogueProblems(catalogue: ReviewCatalogue, profile: ResolvedProfile): RuleMissing[] {
  const out: RuleMissing[] = [];
  const bad = (label: string, reason: string, id?: string) => out.push({ kind: 'fact', label, reason, ...(id ? { id } : {}) });
  if (!catalogue.title?.trim()) bad('目录清单名称', '须填写');
  if (!Array.isArray(catalogue.items) || catalogue.items.length === 0) {
    bad('事项', '目录清单至少须有一项');
    return out;
  }
  const ids = new Set<string>();
  for (const item of catalogue.items) {
    const name = item.label?.trim() || item.id || '（未命名事项）';
    if (!/^[A-Za-z][A-Za-z0-9._-]{0,63}$/.test(item.id ?? '')) bad(name, '标识须以字母开头，只含字母、数字、点、下划线、连字符', item.id);
    else if (ids.has(item.id)) bad(name, `标识“${item.id}”重复`, item.id);
    ids.add(item.id);
    if (!item.label?.trim()) bad(name, '须填写事项标准的表述', item.id);
    if (!(MAJOR_CRITERION_KEYS as readonly string[]).includes(item.criterion)) bad(name, `目录标准“${String(item.criterion)}”无效`, item.id);
    if (!Array.isArray(item.actionTypes) || item.actionTypes.some((t: string) => !(ACTION_TYPES as readonly string[]).includes(t))) bad(name, '执法类别无效', item.id);
    const t = item.test as CatalogueTest | undefined;
    switch (t?.type) {
      case 'fine':
        if (t.party !== 'organisation' && t.party !== 'individual') bad(name, '罚款对象须为法人或者其他组织、公民', item.id);
        if (!finite(t.atLeast) || t.atLeast <= 0) bad(name, '罚款数额标准须为正数（元）', item.id);
        break;
      case 'confiscation':
        if (!finite(t.atLeast) || t.atLeast <= 0) bad(name, '没收数额标准须为正数（元）', item.id);
        break;
      case 'measures':
        if (!Array.isArray(t.anyOf) || t.anyOf.length === 0 || t.anyOf.some((m) => !(MAJOR_MEASURE_KEYS as readonly string[]).includes(m))) bad(name, '须列出有效的处罚种类或者措施', item.id);
        break;
      case 'hearing':
        if (!['held', 'requested', 'right'].includes(t.scope)) bad(name, '听证范围须为 held、requested 或 right', item.id);
        break;
      case 'transfer':
      case 'complex':
      case 'declared':
        break;
      default:
        bad(name, '判断方式无效', item.id);
    }
  }
  // REV-2: the catalogue makes the profile's criteria concrete; it may add to them but not drop one.
  const criteria = getParam(profile, 'majorDecision.criteria');
  const covered = new Set(catalogue.items.map((i) => i.criterion));
  const dropped = criteria.value.filter((c) => !covered.has(c));
  if (dropped.length > 0) {
    out.push({
      kind: 'fact',
      label: '目录清单',
      reason: `未涵盖规则规定的情形：${dropped.map((c) => MAJOR_CRITERION_LABELS[c]).join('、')}`,
      basis: criteria.basis,
    });
  }
  return out;
}
