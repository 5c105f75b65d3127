/**
 * Words of 双随机、一公开 and 涉企行政检查 (INS-2, INS-3, NAT-16, NAT-17).
 */

/**
 * Draw class of a target (抽查类别): 重点排污单位 first, then the risk or
 * credit class (风险等级/信用等级). Higher risk → higher ratio (NAT-17).
 */
export const TARGET_CLASS_LABELS = {
  keyPolluter: '重点排污单位',
  high: '高风险（信用较差）',
  medium: '中风险',
  low: '低风险（信用良好）',
} as const;
export type TargetClass = keyof typeof TARGET_CLASS_LABELS;
/** Order of the classes in a draw and on its proof page. */
export const TARGET_CLASSES = Object.keys(TARGET_CLASS_LABELS) as TargetClass[];

/** 风险等级 / 信用等级 as recorded in the directory (without the 重点排污单位 flag). */
export type RiskClass = Exclude<TargetClass, 'keyPolluter'>;
export const RISK_CLASSES: readonly RiskClass[] = ['high', 'medium', 'low'];

/** 排污许可管理类别. */
export const PERMIT_CLASS_LABELS = {
  key: '重点管理',
  simplified: '简化管理',
  registration: '登记管理',
  none: '无',
} as const;
export type PermitClass = keyof typeof PERMIT_CLASS_LABELS;

/** Level of the inspecting agency for the NAT-17 ratios: 市级 or 县级 (a city's branch counts as county level). */
export type InspectionLevel = 'city' | 'county';
export const INSPECTION_LEVEL_LABELS: Record<InspectionLevel, string> = { city: '市级', county: '县级' };

/** 涉企行政检查的种类 (NAT-16): every kind is registered before entry. */
export const INSPECTION_KIND_LABELS = {
  random: '“双随机”抽查',
  campaign: '专项检查',
  complaint: '投诉举报核查',
  assigned: '上级交办',
} as const;
export type InspectionKind = keyof typeof INSPECTION_KIND_LABELS;
export const INSPECTION_KINDS = Object.keys(INSPECTION_KIND_LABELS) as InspectionKind[];

/**
 * Lawful reasons to inspect an enterprise that has reached its yearly cap
 * (NAT-16 · 国办发〔2024〕54号): only with the head's approval, recorded.
 */
export const CAP_EXCEPTION_LABELS = {
  complaint: '投诉举报反映的违法线索需要核查',
  assigned: '上级机关交办、其他机关移送的违法线索',
  monitoring: '在线监测等数据显示可能存在违法行为',
  emergency: '突发环境事件或者重大风险隐患',
} as const;
export type CapExceptionKey = keyof typeof CAP_EXCEPTION_LABELS;
export const CAP_EXCEPTION_KEYS = Object.keys(CAP_EXCEPTION_LABELS) as CapExceptionKey[];

/** One NAT-17 ratio: the share of a class to draw per period, at one level. */
export interface DrawRatio {
  level: InspectionLevel;
  targetClass: TargetClass;
  /** Share of the class's pool, 0..1 (0.05 = 5 %). */
  ratio: number;
  per: 'quarter' | 'year';
}
