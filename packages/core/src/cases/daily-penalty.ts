/**
 * 按日连续处罚 end to end (issue 11 item 4; NAT-11 · 环境保护法 第五十九条;
 * 《环境保护主管部门实施按日连续处罚办法》, 环境保护部令第28号):
 *
 *   原处罚决定 (第七条) with its fine → 责令改正违法行为决定书 served (第八条、第九条)
 *   → 复查 within 30 days of the service (第十条, the profile's
 *   `dailyPenalty.reinspection`) → the violation continues or the 复查 is
 *   obstructed (第十二条、第十三条) → the decision (第十六条): days from the day
 *   after the service to the day of that 复查 (第十七条), amount = the original
 *   fine × days (第十九条).
 *
 * Pure: the server gathers the facts from the daily case and the original case
 * it belongs to, and refuses the decision with the first thing missing.
 */
import { type CivilDate, plusDays } from '../calendar/civil-date.js';
import { citationTitle, formatCitationTitled } from '../profiles/documents.js';
import { type RuleCheck, type RuleMissing, formatBasis, ruleRef, toRuleCheck } from './citation.js';
import { type ViolationCatalogue, VIOLATIONS, lawTitle, violationOf, dailyPenalty } from './violations.js';

export type ReinspectionFinding = 'continuing' | 'obstructed' | 'corrected' | 'stopped';

export const REINSPECTION_FINDING_LABELS: Record<ReinspectionFinding, string> = {
  continuing: '仍在继续违法排放污染物',
  obstructed: '拒绝、阻挠复查',
  corrected: '已经改正',
  stopped: '已经停产、停业或者关闭',
};

/** 《环境保护主管部门实施按日连续处罚办法》第N条 (or 第十七条、第十九条 for several). */
export function dailyPenaltyArticle(...articles: string[]): string {
  return `${citationTitle('MEP-DP')}${articles.map((a) => formatCitationTitled(ruleRef('MEP-DP', a)).replace(citationTitle('MEP-DP'), '')).join('、')}`;
}

export interface DailyPenaltyFacts {
  /** The original case and its penalty decision; absent when the case is not linked to one. */
  original?:
    | {
        caseNumber: string;
        /** 文号 of the issued 行政处罚决定书; absent while it is not issued. */
        decisionNumber?: string | undefined;
        issuedOn?: CivilDate | undefined;
        fineAmount?: number | undefined;
        legalBasis?: string | undefined;
      }
    | undefined;
  /** 责令改正违法行为决定书 of the daily case and the original case, with the day each was served (if it was). */
  corrections: readonly { number?: string | undefined; servedOn?: CivilDate | undefined }[];
  /** Signed 复查笔录 of both cases. */
  reinspections: readonly { on: CivilDate; finding: ReinspectionFinding }[];
  /** The daily decision: its own 处罚依据, amount and date, once drafted. */
  decision?: { legalBasis?: string | undefined; fineAmount?: number | undefined; issueDate?: CivilDate | undefined } | undefined;
  /** The 复查 period in days (the profile's `dailyPenalty.reinspection`); default 30. */
  reinspectionDays?: number | undefined;
  catalogue?: ViolationCatalogue | undefined;
}

/** What the case page shows: the dates the computation comes from, the days and the amount. */
export interface DailyPenaltyComputation {
  originalCaseNumber: string | null;
  originalDecisionNumber: string | null;
  originalFine: number | null;
  /** 违法行为 and its 处罚依据 by full title, from the catalogue. */
  violation: string | null;
  basis: string | null;
  perDay: boolean | null;
  correctionNumber: string | null;
  correctionServedOn: CivilDate | null;
  /** Last day of the 复查 period. */
  reinspectionDue: CivilDate | null;
  reinspectedOn: CivilDate | null;
  finding: ReinspectionFinding | null;
  /** 计罚日数: from the day after the service to the 复查 (第十七条). */
  days: number | null;
  firstDay: CivilDate | null;
  /** 原罚款数额 × 计罚日数 (第十九条). */
  amount: number | null;
  decisionAmount: number | null;
}

const yuan = (n: number) => `${n.toLocaleString('en-US')} 元`;

/**
 * Each missing step in the 办法's order, with a stable id the server maps to
 * an error code: daily.original, daily.perDay, daily.correction,
 * daily.continuing, daily.period, daily.amount.
 */
export function checkDailyPenalty(f: DailyPenaltyFacts): RuleCheck & { computation: DailyPenaltyComputation } {
  const c: DailyPenaltyComputation = {
    originalCaseNumber: f.original?.caseNumber ?? null,
    originalDecisionNumber: f.original?.decisionNumber ?? null,
    originalFine: f.original?.fineAmount ?? null,
    violation: null,
    basis: null,
    perDay: null,
    correctionNumber: null,
    correctionServedOn: null,
    reinspectionDue: null,
    reinspectedOn: null,
    finding: null,
    days: null,
    firstDay: null,
    amount: null,
    decisionAmount: f.decision?.fineAmount ?? null,
  };
  const missing: RuleMissing[] = [];
  const add = (id: string, kind: RuleMissing['kind'], label: string, reason: string, ...articles: string[]) =>
    missing.push({ id, kind, label, reason: `${reason}（${dailyPenaltyArticle(...articles)}）`, basis: formatBasis(articles.map((a) => ruleRef('MEP-DP', a))) });
  const done = () => ({ ...toRuleCheck(missing), computation: c });

  // 第七条: after the original penalty decision, whose fine is the daily amount (第十九条).
  const o = f.original;
  if (!o) {
    add('daily.original', 'document', '原行政处罚决定', '按日连续处罚须关联本机关已作出的原行政处罚决定（原处罚案件）', '7');
    return done();
  }
  if (!o.decisionNumber || !o.issuedOn) {
    add('daily.original', 'document', '原行政处罚决定', `原处罚案件 ${o.caseNumber} 尚未签发行政处罚决定书；按日连续处罚决定应当在原行政处罚决定之后作出`, '7');
    return done();
  }
  if (!(typeof o.fineAmount === 'number' && o.fineAmount > 0)) {
    add('daily.original', 'fact', '原罚款数额', `原行政处罚决定 ${o.decisionNumber} 未处以罚款；按日连续处罚每日的罚款数额为原处罚决定书确定的罚款数额`, '19');
    return done();
  }
  if (f.decision?.issueDate && f.decision.issueDate < o.issuedOn) {
    add('daily.original', 'fact', '决定日期', `按日连续处罚决定（${f.decision.issueDate}）应当在原行政处罚决定（${o.issuedOn}）之后作出`, '7');
    return done();
  }

  // 第五条; 环境保护法 第五十九条: only violations the law lets be penalised day by day.
  const catalogue = f.catalogue ?? VIOLATIONS;
  const own = f.decision?.legalBasis ? violationOf(f.decision.legalBasis, catalogue) ?? violationOf(f.decision.legalBasis) : undefined;
  const originalEntry = o.legalBasis ? violationOf(o.legalBasis, catalogue) ?? violationOf(o.legalBasis) : undefined;
  const entry = own ?? originalEntry;
  if (entry) {
    c.violation = entry.name;
    c.basis = `${lawTitle(entry.law)}${entry.article}`;
    c.perDay = entry.perDay === true;
  }
  if (!entry?.perDay) {
    const what = entry ? `“${entry.name}”（${c.basis}）` : `原处罚决定的处罚依据（${o.legalBasis ?? '未载明'}）`;
    add('daily.perDay', 'fact', '按日连续处罚的适用范围', `${what}不属于可以按日连续处罚的违法排放污染物行为（《中华人民共和国环境保护法》第五十九条）`, '5');
    return done();
  }

  // 第五条、第七条: the violation that continues is the one the original decision penalised.
  if (own && originalEntry && own.key !== originalEntry.key) {
    add('daily.perDay', 'fact', '按日连续处罚的违法行为', `决定书引用的“${own.name}”（${lawTitle(own.law)}${own.article}）与原处罚决定的“${originalEntry.name}”（${lawTitle(originalEntry.law)}${originalEntry.article}）不是同一违法行为`, '5', '7');
    return done();
  }

  // 第八条: the 责令改正违法行为决定书 served.
  const served = f.corrections.filter((x) => x.servedOn).sort((a, b) => (a.servedOn! < b.servedOn! ? -1 : 1));
  const first = served[0];
  if (!first) {
    const issued = f.corrections.length > 0;
    add('daily.correction', 'service', '责令改正违法行为决定书', issued ? '责令改正违法行为决定书尚未送达排污者' : '须先向排污者送达责令改正违法行为决定书，责令立即停止违法排放污染物行为', '8');
    return done();
  }
  c.correctionNumber = first.number ?? null;
  c.correctionServedOn = first.servedOn!;
  const period = f.reinspectionDays ?? 30;
  c.reinspectionDue = plusDays(first.servedOn!, period);
  c.firstDay = plusDays(first.servedOn!, 1);

  // 第十条、第十二条、第十三条: a 复查 after the service that found the violation continuing (or was obstructed).
  const after = f.reinspections.filter((r) => r.on > first.servedOn!).sort((a, b) => (a.on < b.on ? -1 : 1));
  const refusal = after.find((r) => r.finding === 'continuing' || r.finding === 'obstructed');
  if (!refusal) {
    const ended = after.find((r) => r.finding === 'corrected' || r.finding === 'stopped');
    if (ended) {
      c.reinspectedOn = ended.on;
      c.finding = ended.finding;
      add('daily.continuing', 'fact', '复查', `${ended.on} 复查发现排污者${REINSPECTION_FINDING_LABELS[ended.finding]}，不启动按日连续处罚`, '12');
    } else {
      add('daily.continuing', 'document', '复查笔录', `须先在责令改正违法行为决定书送达（${first.servedOn}）后${period}日内复查，并由复查笔录认定排污者拒不改正（仍在继续违法排放污染物，或者拒绝、阻挠复查）`, '10', '13');
    }
    return done();
  }
  c.reinspectedOn = refusal.on;
  c.finding = refusal.finding;
  const computed = dailyPenalty({ originalFine: o.fineAmount, correctionServedOn: first.servedOn!, reinspectedOn: refusal.on, maxDays: period });
  if (!computed.ok) {
    add('daily.period', 'period', '复查期限', `复查（${refusal.on}）超出责令改正违法行为决定书送达之日（${first.servedOn}）起${period}日的复查期限（至 ${c.reinspectionDue}）；须在期限内重新复查`, '10');
    return done();
  }
  c.days = computed.days!;
  c.amount = computed.amount!;

  // 第十七条、第十九条: the decision states fine × days.
  const stated = f.decision?.fineAmount;
  if (f.decision && stated !== c.amount) {
    add(
      'daily.amount',
      'fact',
      '按日连续处罚的罚款数额',
      `罚款数额应为原罚款 ${yuan(o.fineAmount)} × 计罚日数 ${c.days} 日（${c.firstDay} 至 ${c.reinspectedOn}）= ${yuan(c.amount)}，决定书载明为 ${typeof stated === 'number' ? yuan(stated) : '未载明'}`,
      '17',
      '19',
    );
  }
  return done();
}

/** The daily decision's 处罚依据 text, for a template: 环境保护法 第五十九条 plus the article of the original decision. */
export function dailyPenaltyLegalBasis(originalBasis: string): string {
  return `《中华人民共和国环境保护法》第五十九条、${originalBasis}、${dailyPenaltyArticle('17', '19')}`;
}
