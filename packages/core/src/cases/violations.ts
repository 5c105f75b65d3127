/**
 * The violation catalogue (违法行为 → 违反条款 → 处罚依据 → statutory range →
 * discretion bands) for common ecological-environment violations (issue 11
 * item 3; NAT-22). A penalty decision cites its 处罚依据; the fine must lie
 * within the article's range, and outside the agency's discretion band
 * (裁量基准, published ex ante: ORG-3) it needs a stated reason that the legal
 * reviewer sees.
 *
 * The bands here are the platform's model benchmark (示范裁量基准): an agency
 * publishes its own; the statutory ranges are the law's.
 */
import { dayDiff } from '../calendar/civil-date.js';
import { type RuleCheck, type RuleMissing, toRuleCheck } from './citation.js';

/** The range an article sets: fixed amounts, or a multiple (rate) of a base such as the total investment. */
export type StatutoryRange =
  | { kind: 'amount'; min: number; max: number }
  | { kind: 'rate'; base: 'investment' | 'goodsValue' | 'disposalCost'; baseLabel: string; minRate: number; maxRate: number };

export interface DiscretionBand {
  label: string;
  circumstances: string;
  /** For an amount range: yuan; for a rate range: the rate. */
  min: number;
  max: number;
}

export interface ViolationEntry {
  key: string;
  /** 违法行为. */
  name: string;
  area: '水' | '大气' | '固体废物' | '环评' | '排污许可' | '监测' | '检查';
  /** 违反条款. */
  violated: string;
  /** 处罚依据: law title and article as written in a decision. */
  law: string;
  article: string;
  range: StatutoryRange;
  /** 按日连续处罚 applies (环境保护法 第五十九条). */
  perDay?: boolean;
  bands: readonly DiscretionBand[];
}

const WAN = 10_000;
const three = (min: number, max: number): DiscretionBand[] => {
  const a = min + Math.round((max - min) * 0.3);
  const b = min + Math.round((max - min) * 0.7);
  return [
    { label: '较轻', circumstances: '首次违法、及时改正、危害后果轻微', min, max: a },
    { label: '一般', circumstances: '未及时改正或者造成一定环境影响', min: a, max: b },
    { label: '较重', circumstances: '多次违法、拒不改正或者造成较大环境影响', min: b, max },
  ];
};

export const VIOLATIONS: readonly ViolationEntry[] = [
  { key: 'air.overLimit', name: '超过大气污染物排放标准或者重点大气污染物排放总量控制指标排放大气污染物', area: '大气', violated: '《中华人民共和国大气污染防治法》第十八条', law: '大气污染防治法', article: '第九十九条', range: { kind: 'amount', min: 10 * WAN, max: 100 * WAN }, perDay: true, bands: three(10 * WAN, 100 * WAN) },
  { key: 'air.dustControl', name: '工业企业未采取密闭、围挡、遮盖等措施控制粉尘和气态污染物排放', area: '大气', violated: '《中华人民共和国大气污染防治法》第四十八条', law: '大气污染防治法', article: '第一百零八条', range: { kind: 'amount', min: 2 * WAN, max: 20 * WAN }, perDay: true, bands: three(2 * WAN, 20 * WAN) },
  { key: 'air.refuseInspection', name: '拒绝、阻挠大气污染防治监督检查或者弄虚作假', area: '检查', violated: '《中华人民共和国大气污染防治法》第二十九条', law: '大气污染防治法', article: '第九十八条', range: { kind: 'amount', min: 2 * WAN, max: 20 * WAN }, bands: three(2 * WAN, 20 * WAN) },
  { key: 'water.overLimit', name: '超过水污染物排放标准或者重点水污染物排放总量控制指标排放水污染物', area: '水', violated: '《中华人民共和国水污染防治法》第十条', law: '水污染防治法', article: '第八十三条', range: { kind: 'amount', min: 10 * WAN, max: 100 * WAN }, perDay: true, bands: three(10 * WAN, 100 * WAN) },
  { key: 'water.monitoring', name: '未按照规定安装水污染物排放自动监测设备或者未保证其正常运行', area: '监测', violated: '《中华人民共和国水污染防治法》第二十三条', law: '水污染防治法', article: '第八十二条', range: { kind: 'amount', min: 2 * WAN, max: 20 * WAN }, bands: three(2 * WAN, 20 * WAN) },
  { key: 'water.refuseInspection', name: '拒绝、阻挠水污染防治监督检查或者弄虚作假', area: '检查', violated: '《中华人民共和国水污染防治法》第三十条', law: '水污染防治法', article: '第八十一条', range: { kind: 'amount', min: 2 * WAN, max: 20 * WAN }, bands: three(2 * WAN, 20 * WAN) },
  { key: 'waste.hazardousStorage', name: '未按照国家有关规定贮存、利用、处置危险废物等', area: '固体废物', violated: '《中华人民共和国固体废物污染环境防治法》第八十一条', law: '固体废物污染环境防治法', article: '第一百一十二条', range: { kind: 'amount', min: 10 * WAN, max: 100 * WAN }, perDay: true, bands: three(10 * WAN, 100 * WAN) },
  { key: 'eia.buildBeforeApproval', name: '建设项目环境影响报告书、报告表未经批准擅自开工建设（未批先建）', area: '环评', violated: '《中华人民共和国环境影响评价法》第二十五条', law: '环境影响评价法', article: '第三十一条', range: { kind: 'rate', base: 'investment', baseLabel: '建设项目总投资额', minRate: 0.01, maxRate: 0.05 }, bands: [
    { label: '较轻', circumstances: '主动停止建设、尚未投入生产', min: 0.01, max: 0.02 },
    { label: '一般', circumstances: '主体工程已基本建成', min: 0.02, max: 0.035 },
    { label: '较重', circumstances: '已投入生产或者位于生态环境敏感区', min: 0.035, max: 0.05 },
  ] },
  { key: 'permit.noPermit', name: '未取得排污许可证排放污染物', area: '排污许可', violated: '《排污许可管理条例》第二条', law: '排污许可管理条例', article: '第三十三条', range: { kind: 'amount', min: 20 * WAN, max: 100 * WAN }, perDay: true, bands: three(20 * WAN, 100 * WAN) },
  { key: 'monitoring.falsify', name: '篡改、伪造自动监测数据，或者干扰自动监测设施', area: '监测', violated: '《排污许可管理条例》第十九条', law: '排污许可管理条例', article: '第三十四条', range: { kind: 'amount', min: 20 * WAN, max: 100 * WAN }, perDay: true, bands: three(20 * WAN, 100 * WAN) },
];

/** An agency's catalogue in force: its latest adopted version, or the platform's model (VIOLATIONS). */
export type ViolationCatalogue = readonly ViolationEntry[];

/** The entry whose 处罚依据 a decision's legal basis cites (law title and article), if any. */
export function violationOf(legalBasis: string, catalogue: ViolationCatalogue = VIOLATIONS): ViolationEntry | undefined {
  const basis = legalBasis.replace(/\s/g, '');
  return catalogue.find((v) => basis.includes(v.law) && new RegExp(`${v.law}》?${v.article}(?![零一二三四五六七八九十百])`).test(basis));
}

function yuan(n: number): string {
  return n % WAN === 0 ? `${n / WAN}万元` : `${n}元`;
}

export function formatRange(r: StatutoryRange): string {
  return r.kind === 'amount' ? `${yuan(r.min)}以上${yuan(r.max)}以下` : `${r.baseLabel}百分之${percent(r.minRate)}以上百分之${percent(r.maxRate)}以下`;
}

export interface FineCheckInput {
  legalBasis: string;
  fineAmount: number;
  /** For a rate range: the base, e.g. the total investment (yuan). */
  baseAmount?: number | undefined;
  /** The band of the discretion benchmark the circumstances fall in (e.g. '较轻'). */
  bandLabel?: string | undefined;
  /** The stated reason for an amount outside that band (行政处罚法 Art 34: the benchmark is applied, or departed from with reasons). */
  discretionReason?: string | undefined;
}

/**
 * NAT-22: the fine within the cited article's range (refused otherwise); outside
 * every band of the benchmark only with a stated reason. A basis not in the
 * catalogue is not judged here.
 */
export function checkFine(input: FineCheckInput, catalogue: ViolationCatalogue = VIOLATIONS): RuleCheck & { entry?: ViolationEntry; band?: DiscretionBand | undefined } {
  // The range is the law's: an article the agency's catalogue leaves out is still judged by the platform's entry.
  const entry = violationOf(input.legalBasis, catalogue) ?? violationOf(input.legalBasis, VIOLATIONS);
  if (!entry) return { ok: true };
  const basis = `${entry.law} ${entry.article}`;
  const missing: RuleMissing[] = [];
  const r = entry.range;
  let value = input.fineAmount;
  if (r.kind === 'rate') {
    if (!(input.baseAmount && input.baseAmount > 0)) return { ok: true, entry };
    value = input.fineAmount / input.baseAmount;
    const lo = Math.ceil(input.baseAmount * r.minRate * 100) / 100;
    const hi = Math.floor(input.baseAmount * r.maxRate * 100) / 100;
    if (input.fineAmount < lo || input.fineAmount > hi) {
      missing.push({ kind: 'fact', id: 'fine.range', label: '罚款数额', reason: `罚款 ${input.fineAmount} 元不在《${entry.law}》${entry.article}规定的幅度内（${formatRange(r)}，即 ${lo} 元至 ${hi} 元）`, basis });
      return { ...toRuleCheck(missing), entry };
    }
  } else if (input.fineAmount < r.min || input.fineAmount > r.max) {
    missing.push({ kind: 'fact', id: 'fine.range', label: '罚款数额', reason: `罚款 ${input.fineAmount} 元不在《${entry.law}》${entry.article}规定的幅度内（${formatRange(r)}）`, basis });
    return { ...toRuleCheck(missing), entry };
  }
  const band = input.bandLabel ? entry.bands.find((b) => b.label === input.bandLabel) : undefined;
  if (band && (value < band.min || value > band.max) && !input.discretionReason?.trim()) {
    const shown = r.kind === 'amount' ? `${yuan(band.min)}至${yuan(band.max)}` : `百分之${percent(band.min)}至百分之${percent(band.max)}`;
    missing.push({ kind: 'fact', id: 'fine.band', label: '裁量理由', reason: `罚款 ${input.fineAmount} 元超出裁量基准“${band.label}”档（${band.circumstances}：${shown}），须说明理由`, basis: '行政处罚法 第三十四条' });
  }
  return { ...toRuleCheck(missing), entry, band };
}

/**
 * 按日连续处罚 (NAT-11 · 环境保护法 第五十九条; 环境保护主管部门实施按日连续处罚办法
 * 第十条、第十七条、第十九条): after the 责令改正违法行为决定书 is served, the
 * agency re-inspects (复查) within 30 days; if the violation continues, the
 * days are counted from the day after the service to the day of the re-inspection
 * that found it continuing, and the amount is the original fine × days. The
 * whole workflow (original decision, service, 复查, amount) is daily-penalty.ts.
 */
export interface DailyPenaltyInput {
  originalFine: number;
  /** The 责令改正违法行为决定书 served on this day. */
  correctionServedOn: string;
  /** The 复查 that found the violation continuing. */
  reinspectedOn: string;
  /** The 复查 period (the profile's `dailyPenalty.reinspection`); default 30 days. */
  maxDays?: number | undefined;
}

export const DAILY_PENALTY_REINSPECTION_DAYS = 30;

export function dailyPenalty(input: DailyPenaltyInput): RuleCheck & { days?: number; amount?: number } {
  const days = dayDiff(input.correctionServedOn, input.reinspectedOn);
  const max = input.maxDays ?? DAILY_PENALTY_REINSPECTION_DAYS;
  if (days < 1) return { ok: false, missing: [{ kind: 'fact', id: 'daily.order', label: '复查日期', reason: `复查日期 ${input.reinspectedOn} 应在责令改正违法行为决定书送达（${input.correctionServedOn}）之后`, basis: '按日连续处罚办法 第十条' }] };
  if (days > max) {
    return { ok: false, missing: [{ kind: 'period', id: 'daily.reinspection', label: '复查期限', reason: `复查应在责令改正违法行为决定书送达之日起${max}日内进行，${input.reinspectedOn} 已超过 ${max} 日`, basis: '按日连续处罚办法 第十条' }] };
  }
  return { ok: true, days, amount: input.originalFine * days };
}

/** 《中华人民共和国大气污染防治法》, 《排污许可管理条例》: a catalogue entry's law by its full title. */
export function lawTitle(law: string): string {
  return law.endsWith('法') && !law.startsWith('中华人民共和国') ? `《中华人民共和国${law}》` : `《${law}》`;
}

/** A rate as a percentage without floating-point noise (0.035 → 3.5). */
function percent(rate: number): number {
  return Number((rate * 100).toFixed(6));
}

function bandText(r: StatutoryRange, band: DiscretionBand): string {
  return r.kind === 'amount' ? `${yuan(band.min)}至${yuan(band.max)}` : `${r.baseLabel}百分之${percent(band.min)}至百分之${percent(band.max)}`;
}

/** What the legal reviewer reads about the discretion applied in a draft decision (REV-4 «裁量适当»; NAT-22; 行政处罚法 第三十四条). */
export interface DiscretionView {
  /** 违法行为. */
  violation: string;
  /** 违反条款. */
  violated: string;
  /** 处罚依据 by full title and article. */
  basis: string;
  /** 法定幅度. */
  range: string;
  fineAmount: number | null;
  band: { label: string; circumstances: string; range: string } | null;
  /** The fine lies outside the band the circumstances fall in. */
  outsideBand: boolean;
  /** The officer's stated reason (discretionReason) — required when outside the band. */
  reason: string | null;
}

/**
 * The catalogue entry a draft decision cites, its statutory range, the band
 * chosen and the officer's reason for departing from it; null when the basis
 * cites no catalogue entry.
 */
export function discretionOf(fields: Readonly<Record<string, unknown>>, catalogue: ViolationCatalogue = VIOLATIONS): DiscretionView | null {
  const legalBasis = typeof fields.legalBasis === 'string' ? fields.legalBasis : '';
  const entry = violationOf(legalBasis, catalogue);
  if (!entry) return null;
  const r = entry.range;
  const fine = typeof fields.fineAmount === 'number' ? fields.fineAmount : null;
  const base = typeof fields.baseAmount === 'number' && fields.baseAmount > 0 ? fields.baseAmount : null;
  const band = typeof fields.discretionBand === 'string' ? entry.bands.find((b) => b.label === fields.discretionBand) : undefined;
  const value = fine === null ? null : r.kind === 'rate' ? (base ? fine / base : null) : fine;
  const reason = typeof fields.discretionReason === 'string' && fields.discretionReason.trim() ? fields.discretionReason.trim() : null;
  return {
    violation: entry.name,
    violated: entry.violated,
    basis: `${lawTitle(entry.law)}${entry.article}`,
    range: formatRange(r),
    fineAmount: fine,
    band: band ? { label: band.label, circumstances: band.circumstances, range: bandText(r, band) } : null,
    outsideBand: !!band && value !== null && (value < band.min || value > band.max),
    reason,
  };
}

/** One row of the published 行政处罚裁量基准 (ORG-3 · SX25-P 10(一); NAT-22), generated from the catalogue. */
export interface DiscretionBenchmarkRow {
  /** 违法行为. */
  violation: string;
  /** 违反条款. */
  violated: string;
  /** 处罚依据 by full title and article. */
  basis: string;
  /** 法定幅度. */
  range: string;
  /** 裁量档次与情形. */
  bands: { label: string; circumstances: string; range: string }[];
}

/** The ex-ante discretion benchmark of an agency, row by row, from its violation catalogue. */
export function discretionBenchmark(catalogue: ViolationCatalogue): DiscretionBenchmarkRow[] {
  return catalogue.map((e) => ({
    violation: e.name,
    violated: e.violated,
    basis: `${lawTitle(e.law)}${e.article}`,
    range: `${formatRange(e.range)}${e.perDay ? '；可按日连续处罚' : ''}`,
    bands: e.bands.map((b) => ({ label: b.label, circumstances: b.circumstances, range: bandText(e.range, b) })),
  }));
}

/** The free texts of a catalogue that go online (for the redaction gate), each with where it sits. */
export function catalogueTexts(catalogue: ViolationCatalogue): { key: string; label: string; text: string }[] {
  return catalogue.flatMap((e, i) => [
    { key: `${i}.name`, label: `第${i + 1}项违法行为`, text: e.name },
    { key: `${i}.violated`, label: `第${i + 1}项违反条款`, text: e.violated },
    ...e.bands.map((b, j) => ({ key: `${i}.bands.${j}`, label: `第${i + 1}项裁量档次“${b.label}”的情形`, text: b.circumstances })),
  ]);
}

/**
 * What is wrong with a new version of the catalogue (NAT-22): every entry
 * names its violation, violated article, law and article; the range is
 * positive and ordered; each band has a label and circumstances and lies
 * within the range; keys are unique.
 */
export function violationCatalogueProblems(catalogue: ViolationCatalogue): RuleMissing[] {
  const out: RuleMissing[] = [];
  const add = (i: number, reason: string) => out.push({ kind: 'field', id: `catalogue.${i}`, label: `第${i + 1}项`, reason, basis: '行政处罚法 第三十四条' });
  if (!catalogue.length) out.push({ kind: 'field', id: 'catalogue', label: '违法行为目录', reason: '至少须有一项违法行为' });
  const keys = new Set<string>();
  catalogue.forEach((e, i) => {
    if (!e.key?.trim()) add(i, '缺少编号');
    else if (keys.has(e.key)) add(i, `编号“${e.key}”重复`);
    keys.add(e.key);
    for (const [k, label] of [['name', '违法行为'], ['violated', '违反条款'], ['law', '处罚依据的法律名称'], ['article', '处罚依据的条款']] as const) {
      if (!String(e[k] ?? '').trim()) add(i, `缺少${label}`);
    }
    if (e.article && !/^第[零一二三四五六七八九十百]+条$/.test(e.article)) add(i, `处罚依据的条款“${e.article}”应写作“第N条”`);
    const r = e.range;
    const lo = r?.kind === 'amount' ? r.min : r?.kind === 'rate' ? r.minRate : NaN;
    const hi = r?.kind === 'amount' ? r.max : r?.kind === 'rate' ? r.maxRate : NaN;
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo >= 0 && lo <= hi && hi > 0)) {
      add(i, '法定幅度无效（下限不得大于上限）');
      return;
    }
    // The statutory range is the law's, not the agency's: an article the platform knows keeps its range.
    const known = e.law && e.article ? VIOLATIONS.find((v) => v.law === e.law && v.article === e.article) : undefined;
    if (known && JSON.stringify(known.range) !== JSON.stringify(r)) add(i, `《${e.law}》${e.article}规定的法定幅度为${formatRange(known.range)}，不能改变`);
    if (!e.bands?.length) add(i, '至少须有一个裁量档次');
    (e.bands ?? []).forEach((b) => {
      if (!b.label?.trim() || !b.circumstances?.trim()) add(i, '裁量档次须有名称和适用情形');
      else if (!(b.min <= b.max && b.min >= lo && b.max <= hi)) add(i, `裁量档次“${b.label}”超出法定幅度（${formatRange(r)}）`);
    });
  });
  return out;
}
