/**
 * 行政处罚的种类 penalty types, in the order of the annual statistics (NAT-14;
 * 行政处罚法 Art 9). Keys shared with the measure vocabulary (restrictProduction,
 * suspendProduction, close, restrictEmployment, detention) mean the same act.
 */
export const PENALTY_TYPE_LABELS = {
  warning: '警告',
  circulatedCriticism: '通报批评',
  fine: '罚款',
  confiscateIllegalGains: '没收违法所得',
  confiscateIllegalProperty: '没收非法财物',
  suspendLicence: '暂扣许可证件',
  lowerQualification: '降低资质等级',
  revokeLicence: '吊销许可证件',
  restrictProduction: '限制开展生产经营活动',
  suspendProduction: '责令停产停业',
  close: '责令关闭',
  restrictEmployment: '限制从业',
  detention: '行政拘留',
  other: '其他',
} as const;

/** 处罚种类. */
export type PenaltyType = keyof typeof PENALTY_TYPE_LABELS;
export const PENALTY_TYPES = Object.keys(PENALTY_TYPE_LABELS) as PenaltyType[];

export function isPenaltyType(s: string): s is PenaltyType {
  return Object.prototype.hasOwnProperty.call(PENALTY_TYPE_LABELS, s);
}

/** The penalty a handler proposes (used for the hearing right and the summary procedure). */
export interface ProposedPenalty {
  types: readonly PenaltyType[];
  /** 罚款数额, yuan. */
  fineAmount?: number;
  /** 没收违法所得、非法财物的数额或价值, yuan. */
  confiscationAmount?: number;
}
