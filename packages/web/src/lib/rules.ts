/**
 * Readable Chinese text for profile values (REQUIREMENTS §8): deadlines,
 * extensions, lists of measures and reasons, amounts, and where a value
 * comes from. Labels come from @sanxiang/core through domain.ts.
 */
import {
  ANCHOR_LABELS,
  MAJOR_CRITERION_LABELS,
  MEASURE_LABELS,
  PARAM_INFO,
  PAUSE_REASON_LABELS,
  type DeadlineSpec,
  type ParamKey,
  type ParamOrigin,
  type Period,
  type PeriodUnit,
  type ProfileId,
  type ResolvedParam,
  CAP_EXCEPTION_LABELS,
  INSPECTION_LEVEL_LABELS,
  TARGET_CLASS_LABELS,
  type DrawRatio,
} from '../domain.js';

export const PERIOD_UNIT_LABELS: Record<PeriodUnit, string> = {
  workingDays: '个工作日',
  calendarDays: '日',
  months: '个月',
  years: '年',
  hours: '小时',
};

/** '7 个工作日', '30 日', '3 个月', '24 小时'. */
export function periodText(p: Period): string {
  return `${p.amount} ${PERIOD_UNIT_LABELS[p.unit]}`;
}

/**
 * The limit itself: '7 个工作日（自 执法决定作出之日 起）', '7 个工作日（在 举行听证之日 前）',
 * or an event rule's description.
 */
export function deadlineText(spec: DeadlineSpec): string {
  if (spec.kind === 'event') return `${ANCHOR_LABELS[spec.anchor]}：${spec.description}`;
  const anchor = ANCHOR_LABELS[spec.anchor];
  return spec.direction === 'before' ? `${periodText(spec.period)}（在 ${anchor} 前）` : `${periodText(spec.period)}（自 ${anchor} 起）`;
}

/** One line per possible extension: '可延长 10 个工作日（经机关负责人批准）', then '再延长 …'. */
export function extensionTexts(spec: DeadlineSpec): string[] {
  if (spec.kind === 'event') return [];
  return spec.extensions.map((e, i) => `${i === 0 ? '可延长' : '再延长'} ${periodText({ unit: spec.period.unit, amount: e.amount })}（${e.approval}）`);
}

/** Civil Code Art 203 roll-over, said where it applies. */
export function rolloverText(spec: DeadlineSpec): string | null {
  if (spec.kind === 'event' || !spec.rollover) return null;
  return '期限届满日为法定节假日的，顺延至节假日后的第一个工作日';
}

/** The whole deadline on one line, e.g. for a summary. */
export function deadlineSummary(spec: DeadlineSpec): string {
  return [deadlineText(spec), ...extensionTexts(spec)].join('；');
}

/** Short names of the profiles for tags ('继承自 SX19', '继承自 全国基线'). */
export function profileShortName(id: ProfileId | 'agency'): string {
  if (id === 'national') return '全国基线';
  if (id === 'agency') return '本机关';
  return id;
}

export const ORIGIN_COLORS: Record<ParamOrigin, string> = {
  own: 'green',
  inherited: 'blue',
  agency: 'purple',
  default: 'orange',
};

/** The origin tag's text: 本规则 / 继承自 X / 本机关配置 / 平台默认，须机关配置. */
export function originLabel(p: Pick<ResolvedParam<unknown>, 'origin' | 'from'>): string {
  switch (p.origin) {
    case 'own':
      return '本规则';
    case 'inherited':
      return `继承自 ${profileShortName(p.from)}`;
    case 'agency':
      return '本机关配置';
    case 'default':
      return '平台默认，须机关配置';
  }
}

function labelsOf(keys: unknown, labels: Record<string, string>): string[] {
  return Array.isArray(keys) ? keys.map((k) => labels[String(k)] ?? String(k)) : [];
}

const money = (n: number) => `${n.toLocaleString('zh-CN')} 元`;
const percent = (r: number) => `${Number((r * 100).toFixed(4))}%`;

/** The unit a number parameter's label names: '（…，元）' or '（月）'. */
function numberUnit(key: ParamKey): string {
  const label = PARAM_INFO[key].label;
  if (/元）$/.test(label)) return ' 元';
  if (/（月）$/.test(label)) return ' 个月';
  return '';
}

/**
 * Any parameter value as lines of text (lists as one line per entry). A
 * deadline gives the limit, its extensions and the roll-over rule.
 */
export function paramValueLines(key: ParamKey, value: unknown): string[] {
  const v = value as never;
  switch (PARAM_INFO[key].kind) {
    case 'deadline': {
      const spec = v as DeadlineSpec;
      const roll = rolloverText(spec);
      return [deadlineText(spec), ...extensionTexts(spec), ...(roll ? [roll] : [])];
    }
    case 'number':
      return [typeof value === 'number' ? `${numberUnit(key) === ' 元' ? value.toLocaleString('zh-CN') : value}${numberUnit(key)}` : String(value)];
    case 'ratio':
      return [typeof value === 'number' ? `不低于 ${percent(value)}` : String(value)];
    case 'boolean':
      return [value ? '是' : '否'];
    case 'pauseReasons':
      return labelsOf(value, PAUSE_REASON_LABELS);
    case 'criteria':
      return labelsOf(value, MAJOR_CRITERION_LABELS);
    case 'measures':
      return labelsOf(value, MEASURE_LABELS);
    case 'avList':
      return Array.isArray(value) ? (value as { measure: string }[]).map((e) => MEASURE_LABELS[e.measure as keyof typeof MEASURE_LABELS] ?? e.measure) : [];
    case 'amounts': {
      const a = v as { organisation: number; individual: number };
      return [`法人或其他组织 ${money(a.organisation)}`, `公民 ${money(a.individual)}`];
    }
    case 'lateFee': {
      const f = v as { ratePerDay: number; cappedAtFine: boolean };
      return [`每日按罚款数额的 ${percent(f.ratePerDay)} 加处罚款`, ...(f.cappedAtFine ? ['加处罚款的数额不得超出罚款的数额'] : [])];
    }
    case 'retentionEvidence':
      return [value === 'withCaseFile' ? '随案卷保存（与案卷保存期限一致）' : String(value)];
    case 'drawRatios':
      return (v as DrawRatio[]).map((r) => `${INSPECTION_LEVEL_LABELS[r.level]}·${TARGET_CLASS_LABELS[r.targetClass]}：每${r.per === 'quarter' ? '季度' : '年'}不低于 ${percent(r.ratio)}`);
    case 'capExceptions':
      return labelsOf(value, CAP_EXCEPTION_LABELS);
  }
}
