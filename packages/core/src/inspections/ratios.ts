/** NAT-17 ratio tables: the check an agency's configured value must pass (used by profiles/param-info). */
import { TARGET_CLASSES, type DrawRatio, type RiskClass } from './vocabulary.js';

/**
 * NAT-17 (⚙ per province): why a ratio table is not acceptable — a ratio
 * outside 0..1, or a higher risk class drawn at a lower ratio than a lower
 * one in the same level and period (higher risk → higher ratio).
 */
export function drawRatiosProblem(v: unknown): string | null {
  if (!Array.isArray(v)) return '须为比例列表';
  const rows = v as DrawRatio[];
  for (const r of rows) {
    if (typeof r !== 'object' || r === null) return '须为比例对象';
    if (r.level !== 'city' && r.level !== 'county') return '层级须为 city 或 county';
    if (!TARGET_CLASSES.includes(r.targetClass)) return `未知的抽查类别“${String(r.targetClass)}”`;
    if (typeof r.ratio !== 'number' || !(r.ratio >= 0 && r.ratio <= 1)) return '比例须在 0 至 1 之间';
    if (r.per !== 'quarter' && r.per !== 'year') return '周期须为 quarter 或 year';
  }
  const risk: RiskClass[] = ['high', 'medium', 'low'];
  for (const level of ['city', 'county'] as const) {
    for (const per of ['quarter', 'year'] as const) {
      const of = (c: RiskClass) => rows.find((r) => r.level === level && r.per === per && r.targetClass === c)?.ratio;
      for (let i = 0; i < risk.length; i++) {
        for (let j = i + 1; j < risk.length; j++) {
          const hi = of(risk[i]!);
          const lo = of(risk[j]!);
          if (hi !== undefined && lo !== undefined && hi < lo) return '风险等级越高，抽查比例应当越高';
        }
      }
    }
  }
  return null;
}

