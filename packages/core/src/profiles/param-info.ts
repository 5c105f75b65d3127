/**
 * One line per parameter key: Chinese label, the requirement it serves, how
 * values combine along the inheritance chain, and how an agency's value is
 * checked.
 */
import { PERIOD_UNITS } from '../calendar/period.js';
import type { ParamKey } from './types.js';
import { ANCHOR_LABELS } from './types.js';
import { drawRatiosProblem } from '../inspections/ratios.js';
import { CAP_EXCEPTION_LABELS } from '../inspections/vocabulary.js';
import { MAJOR_CRITERION_LABELS, MEASURE_LABELS, PAUSE_REASON_LABELS } from './vocabulary.js';

type ValueKind = 'deadline' | 'avList' | 'number' | 'ratio' | 'pauseReasons' | 'criteria' | 'measures' | 'boolean' | 'amounts' | 'lateFee' | 'retentionEvidence' | 'drawRatios' | 'capExceptions';

export interface ParamInfo {
  label: string;
  requirement: string;
  /**
   * 'replace': the nearest profile's value wins (an override).
   * 'union': AV obligations accumulate — every document in the chain binds
   * the agency, so lists merge (REC-6, REC-7); an agency can add, not remove.
   */
  merge: 'replace' | 'union';
  kind: ValueKind;
}

export const PARAM_INFO: Record<ParamKey, ParamInfo> = {
  'publication.penalty': { label: '行政处罚决定公示期限', requirement: 'PUB-2', merge: 'replace', kind: 'deadline' },
  'publication.permit': { label: '行政许可决定公示期限', requirement: 'PUB-2', merge: 'replace', kind: 'deadline' },
  'publication.other': { label: '其他行政执法决定公示期限', requirement: 'PUB-2', merge: 'replace', kind: 'deadline' },
  'publication.exAnte': { label: '事前公开信息生成或变更后公开期限', requirement: 'ORG-6', merge: 'replace', kind: 'deadline' },
  'publication.withdrawal': { label: '决定被变更、撤销后撤回（变更公示）期限', requirement: 'PUB-8', merge: 'replace', kind: 'deadline' },
  'publication.windowMin.general': { label: '一般违法行为最短公示期限', requirement: 'PUB-7', merge: 'replace', kind: 'deadline' },
  'publication.windowMax.general': { label: '一般违法行为最长公示期限', requirement: 'PUB-7', merge: 'replace', kind: 'deadline' },
  'publication.windowMin.serious': { label: '严重违法行为最短公示期限', requirement: 'PUB-7', merge: 'replace', kind: 'deadline' },
  'publication.windowMax.serious': { label: '严重违法行为最长公示期限', requirement: 'PUB-7', merge: 'replace', kind: 'deadline' },
  'correction.verify': { label: '更正申请核实期限', requirement: 'PUB-9', merge: 'replace', kind: 'deadline' },
  'correction.respond': { label: '更正或不予更正告知期限', requirement: 'PUB-9', merge: 'replace', kind: 'deadline' },
  'av.upload': { label: '音像记录存储（上传）期限', requirement: 'REC-14', merge: 'replace', kind: 'deadline' },
  archive: { label: '案卷归档期限', requirement: 'REC-19', merge: 'replace', kind: 'deadline' },
  'review.timeLimit': { label: '法制审核期限', requirement: 'REV-6', merge: 'replace', kind: 'deadline' },
  'review.pauseReasons': { label: '不计入法制审核期限的事由', requirement: 'REV-6', merge: 'replace', kind: 'pauseReasons' },
  'review.reviewerRatio': { label: '法制审核人员占执法人员比例下限', requirement: 'ORG-7', merge: 'replace', kind: 'ratio' },
  'majorDecision.criteria': { label: '重大执法决定法制审核目录标准', requirement: 'REV-2', merge: 'replace', kind: 'criteria' },
  'majorDecision.amountThreshold': { label: '重大执法决定涉案金额标准（元）', requirement: 'REV-2', merge: 'replace', kind: 'amounts' },
  'filing.decide': { label: '决定是否立案期限', requirement: 'NAT-3', merge: 'replace', kind: 'deadline' },
  'penalty.decide': { label: '作出行政处罚决定期限', requirement: 'NAT-3', merge: 'replace', kind: 'deadline' },
  'penalty.pauseReasons': { label: '不计入处罚办案期限的事由', requirement: 'NAT-3', merge: 'replace', kind: 'pauseReasons' },
  service: { label: '处罚决定书送达期限', requirement: 'NAT-8', merge: 'replace', kind: 'deadline' },
  'statement.period': { label: '当事人陈述、申辩期限', requirement: 'NAT-20', merge: 'replace', kind: 'deadline' },
  'hearing.request': { label: '当事人要求听证期限', requirement: 'NAT-4', merge: 'replace', kind: 'deadline' },
  'hearing.notice': { label: '听证通知最迟提前期限', requirement: 'NAT-4', merge: 'replace', kind: 'deadline' },
  'hearing.fineThreshold.organisation': { label: '听证较大数额罚款（法人或其他组织，元）', requirement: 'NAT-4', merge: 'replace', kind: 'number' },
  'hearing.fineThreshold.individual': { label: '听证较大数额罚款（公民，元）', requirement: 'NAT-4', merge: 'replace', kind: 'number' },
  'seizure.max': { label: '查封、扣押期限', requirement: 'NAT-10', merge: 'replace', kind: 'deadline' },
  'dailyPenalty.reinspection': { label: '按日连续处罚复查期限', requirement: 'NAT-11', merge: 'replace', kind: 'deadline' },
  'seizure.pauseReasons': { label: '不计入查封、扣押期限的事由', requirement: 'NAT-10', merge: 'replace', kind: 'pauseReasons' },
  'summary.maxFine.individual': { label: '简易程序罚款上限（公民，元）', requirement: 'NAT-12', merge: 'replace', kind: 'number' },
  'summary.maxFine.organisation': { label: '简易程序罚款上限（法人或其他组织，元）', requirement: 'NAT-12', merge: 'replace', kind: 'number' },
  'penalty.payment': { label: '缴纳罚款期限', requirement: 'NAT-12', merge: 'replace', kind: 'deadline' },
  'penalty.lateFee': { label: '逾期加处罚款', requirement: 'NAT-12', merge: 'replace', kind: 'lateFee' },
  'av.mandatory': { label: '应当音像记录的事项', requirement: 'REC-6', merge: 'union', kind: 'avList' },
  'av.situational': { label: '根据实际情况音像记录的事项', requirement: 'REC-7', merge: 'union', kind: 'avList' },
  'av.retention.routineMonths': { label: '日常音像记录保存期限（月）', requirement: 'REC-18', merge: 'replace', kind: 'number' },
  'av.retention.evidence': { label: '作为证据的音像记录保存期限', requirement: 'REC-18', merge: 'replace', kind: 'retentionEvidence' },
  'av.retention.longTerm': { label: '须长期保存的音像记录', requirement: 'REC-18', merge: 'replace', kind: 'measures' },
  'av.retention.litigationHold': { label: '诉讼未结期间同步保存音像记录', requirement: 'REC-18', merge: 'replace', kind: 'boolean' },
  'inspection.drawRatios': { label: '“双随机”抽查比例', requirement: 'NAT-17', merge: 'replace', kind: 'drawRatios' },
  'inspection.yearlyCap': { label: '同一企业年度行政检查频次上限（次）', requirement: 'NAT-16', merge: 'replace', kind: 'number' },
  'inspection.capExceptions': { label: '超出频次上限可以检查的法定情形', requirement: 'NAT-16', merge: 'replace', kind: 'capExceptions' },
  'inspection.resultPublication': { label: '抽查结果公示期限', requirement: 'NAT-17', merge: 'replace', kind: 'deadline' },
  'inspection.qrCode': { label: '扫码入企（行政检查码）', requirement: 'NAT-16', merge: 'replace', kind: 'boolean' },
};

export const PARAM_KEYS = Object.keys(PARAM_INFO) as ParamKey[];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonNegative = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const positiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const keysOf = (v: unknown, labels: Record<string, string>) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' && x in labels);

function deadlineProblem(v: unknown): string | null {
  if (!isRecord(v)) return '须为期限对象';
  if (!(typeof v.anchor === 'string' && v.anchor in ANCHOR_LABELS)) return '起算事件无效';
  if (v.kind === 'event') return typeof v.description === 'string' ? null : '须说明事件';
  if (v.kind !== 'span') return '期限类型须为 span 或 event';
  const p = v.period;
  if (!isRecord(p) || !PERIOD_UNITS.includes(p.unit as never) || !positiveInt(p.amount)) return '期间须为正整数及有效单位';
  if (v.direction !== 'after' && v.direction !== 'before') return '方向须为 after 或 before';
  if (typeof v.rollover !== 'boolean') return 'rollover 须为布尔值';
  if (!Array.isArray(v.extensions) || !v.extensions.every((e) => isRecord(e) && positiveInt(e.amount) && typeof e.approval === 'string')) {
    return '延长须为正整数并注明批准方式';
  }
  return null;
}

/** Why an agency's value for `key` is not acceptable, or null when it is. */
export function paramValueProblem(key: ParamKey, value: unknown): string | null {
  switch (PARAM_INFO[key].kind) {
    case 'deadline':
      return deadlineProblem(value);
    case 'number':
      return nonNegative(value) ? null : '须为非负数';
    case 'ratio':
      return nonNegative(value) && value <= 1 ? null : '须为 0 至 1 之间的比例';
    case 'boolean':
      return typeof value === 'boolean' ? null : '须为布尔值';
    case 'pauseReasons':
      return keysOf(value, PAUSE_REASON_LABELS) ? null : '含未知的中止事由';
    case 'criteria':
      return keysOf(value, MAJOR_CRITERION_LABELS) ? null : '含未知的目录标准';
    case 'measures':
      return keysOf(value, MEASURE_LABELS) ? null : '含未知的事项';
    case 'avList':
      return Array.isArray(value) && value.every((e) => isRecord(e) && typeof e.measure === 'string' && e.measure in MEASURE_LABELS)
        ? null
        : '含未知的音像记录事项';
    case 'amounts':
      return isRecord(value) && nonNegative(value.organisation) && nonNegative(value.individual) ? null : '须含非负的 organisation 与 individual 金额';
    case 'lateFee':
      return isRecord(value) && nonNegative(value.ratePerDay) && typeof value.cappedAtFine === 'boolean' ? null : '须含 ratePerDay 与 cappedAtFine';
    case 'retentionEvidence':
      return value === 'withCaseFile' ? null : "须为 'withCaseFile'";
    case 'drawRatios':
      return drawRatiosProblem(value);
    case 'capExceptions':
      return keysOf(value, CAP_EXCEPTION_LABELS) ? null : '含未知的法定情形';
  }
}
