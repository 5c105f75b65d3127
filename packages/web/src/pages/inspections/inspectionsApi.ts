/**
 * Shapes of the 双随机、一公开 and 涉企行政检查 answers
 * (packages/server/src/http/routes/inspections.ts) and the calls the
 * inspection pages make (INS-2, INS-3, NAT-16, NAT-17). What a user may do
 * comes from the same policy table the server checks (buttons only: the
 * server decides again).
 */
import { api } from '../../api/client.js';
import type { Me } from '../../api/types.js';
import { allows, type CapExceptionKey, type InspectionKind, type TargetClass } from '../../domain.js';

export type PermitClassKey = 'key' | 'simplified' | 'registration' | 'none';
export type RiskClassKey = 'high' | 'medium' | 'low';

export interface Target {
  id: string;
  agencyId: string;
  creditCode: string;
  name: string;
  address: string;
  legalRepresentative: string;
  permitNumber: string;
  permitClass: PermitClassKey;
  keyPolluter: boolean;
  industry: string;
  district: string;
  riskClass: RiskClassKey;
  riskSource: string;
  active: boolean;
  targetClass: TargetClass;
}

export type TargetInput = Omit<Target, 'id' | 'agencyId' | 'targetClass'>;

export interface ImportError {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface ImportAnswer {
  ok: boolean;
  created: number;
  updated: number;
  errors: ImportError[];
  reportBase64: string | null;
}

export interface PoolOfficer {
  userId: string;
  name: string;
  certificateNumber: string | null;
  certificateValidTo: string | null;
  usable: boolean;
  problem: string | null;
  relations: { id: string; targetId: string; targetName: string; creditCode: string; relation: string }[];
}

export interface QuotaLine {
  targetClass: TargetClass;
  poolSize: number;
  ratio: number;
  per: 'quarter' | 'year';
  count: number;
}

export type DrawStatus = 'committed' | 'drawn' | 'published';

export interface Plan {
  id: string;
  agencyId: string;
  year: number;
  title: string;
  item: string;
  basis: string;
  content: string;
  method: string;
  rounds: 'quarter' | 'year';
  quotaOverride: Record<string, number>;
  jointDepartments: string[];
  teamSize: number;
  createdAt: string;
  quota: QuotaLine[];
  draws: { id: string; status: DrawStatus; roundLabel: string; committedAt: string }[];
}

export interface PlanList {
  cap: number;
  poolSize: number;
  atCap: number;
  items: Plan[];
}

export interface PlanInput {
  year: number;
  title: string;
  item: string;
  basis?: string;
  content?: string;
  method?: string;
  rounds: 'quarter' | 'year';
  quotaOverride?: Partial<Record<TargetClass, number>>;
  jointDepartments?: string[];
  teamSize?: number;
}

export interface ResultState {
  inspectedOn: string | null;
  publishBy: string | null;
  publicationId: string | null;
  publicationStatus: string | null;
  published: boolean;
  overdue: boolean;
}

export interface CapException {
  reason: CapExceptionKey;
  note: string;
  cap: number;
  count: number;
  requestedBy: string;
  approvedBy: string | null;
  approvedByName: string | null;
  approvedAt: string | null;
  refusedComment?: string;
}

export type InspectionStatus = 'pendingApproval' | 'registered' | 'refused';

export interface Inspection {
  id: string;
  agencyId: string;
  code: string;
  kind: InspectionKind;
  targetId: string;
  creditCode: string;
  targetName: string;
  year: number;
  plannedDate: string;
  status: InspectionStatus;
  inspectors: { userId: string; name: string; certificateNumber: string }[];
  drawId: string | null;
  planId: string | null;
  exception: CapException | null;
  caseId: string | null;
  penaltyCaseId: string | null;
  registeredAt: string;
  result: ResultState | null;
}

export interface InspectionDetail extends Inspection {
  codeUrl: string;
  qrSvg: string | null;
}

export interface Draw {
  id: string;
  planId: string;
  planTitle: string;
  roundLabel: string;
  status: DrawStatus;
  algorithm: string;
  seedHash: string;
  seed: string | null;
  digests: { targets: string; inspectors: string; conflicts: string };
  quota: Partial<Record<TargetClass, number>>;
  teamSize: number;
  commitLeaf: number;
  drawLeaf: number | null;
  committedAt: string;
  drawnAt: string | null;
  publishedAt: string | null;
  poolSize: number;
  inspectorCount: number;
  atCap: number;
  inspections: Inspection[];
  proofUrl: string;
}

export interface RegisterInput {
  targetId: string;
  kind: Exclude<InspectionKind, 'random'>;
  plannedDate: string;
  inspectorIds: string[];
  exception?: { reason: CapExceptionKey; note: string };
}

export const inspectionsApi = {
  targets: () => api.get<{ items: Target[] }>('/inspections/targets'),
  createTarget: (body: Partial<TargetInput> & { creditCode: string; name: string }) => api.post<Target>('/inspections/targets', body),
  updateTarget: (id: string, body: Partial<TargetInput>) => api.patch<Target>(`/inspections/targets/${id}`, body),
  importTargets: (filename: string, contentBase64: string) => api.post<ImportAnswer>('/inspections/targets/import', { filename, contentBase64 }),
  inspectors: () => api.get<{ officers: PoolOfficer[] }>('/inspections/inspectors'),
  declareRelation: (body: { userId: string; targetId: string; relation: string }) => api.post<{ id: string }>('/inspections/relations', body),
  plans: () => api.get<PlanList>('/inspections/plans'),
  createPlan: (body: PlanInput) => api.post<Plan>('/inspections/plans', body),
  commitDraw: (planId: string, roundLabel: string) => api.post<Draw>(`/inspections/plans/${planId}/draws`, { roundLabel }),
  draw: (id: string) => api.get<Draw>(`/inspections/draws/${id}`),
  runDraw: (id: string) => api.post<Draw>(`/inspections/draws/${id}/run`),
  publishDraw: (id: string) => api.post<Draw>(`/inspections/draws/${id}/publish`),
  inspections: () => api.get<{ cap: number; items: Inspection[] }>('/inspections'),
  inspection: (id: string) => api.get<InspectionDetail>(`/inspections/${id}`),
  register: (body: RegisterInput) => api.post<InspectionDetail>('/inspections', body),
  decideException: (id: string, approve: boolean, comment: string) => api.post<InspectionDetail>(`/inspections/${id}/exception`, { approve, comment }),
  penaltyCase: (id: string, title: string) => api.post<InspectionDetail>(`/inspections/${id}/penalty-case`, { title }),
};

/** The template of the directory import (a file download through the session cookie). */
export const TARGET_TEMPLATE_URL = '/api/v1/inspections/targets/template.xlsx';

/** What the signed-in user may do in its own agency (the policy table's `own` relation). */
export function inspectionAbilities(me: Pick<Me, 'id' | 'roles'>) {
  const actor = { userId: me.id, roles: me.roles };
  return {
    manage: allows(actor, 'inspection.manage', 'own'),
    draw: allows(actor, 'inspection.draw', 'own'),
    register: allows(actor, 'inspection.register', 'own'),
    approve: allows(actor, 'inspection.approve', 'own'),
    /** 回避 for others: the unit head or the agency head (usecases/inspections/pool.ts). */
    relationsForOthers: me.roles.includes('unitHead') || me.roles.includes('agencyHead'),
  };
}

export const DRAW_STATUS_LABELS: Record<DrawStatus, string> = {
  committed: '已提交种子承诺，待抽取',
  drawn: '已抽取，检查实施中（名单暂不公开）',
  published: '已公开种子与名单',
};
export const DRAW_STATUS_COLORS: Record<DrawStatus, string> = { committed: 'blue', drawn: 'orange', published: 'green' };

export const INSPECTION_STATUS_LABELS: Record<InspectionStatus, string> = { pendingApproval: '待机关负责人批准', registered: '已登记', refused: '未获批准' };
export const INSPECTION_STATUS_COLORS: Record<InspectionStatus, string> = { pendingApproval: 'orange', registered: 'green', refused: 'red' };

/** Full titles of the rules the pages cite (no abbreviations on screen). */
export const CITES = {
  cap: '《国务院办公厅关于严格规范涉企行政检查的意见》（国办发〔2024〕54号）第三部分',
  draw: '《关于在污染源日常环境监管领域推广随机抽查制度的实施方案》（环办〔2015〕88号）第三部分',
  result: '《关于在生态环境系统推进行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的实施意见》（环办执法〔2019〕42号）一（三）1',
} as const;

/** Base64 of a file chosen in the browser (for the JSON import call). */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Offers a base64 file (the import's error report) as a download. */
export function downloadBase64(base64: string, filename: string, type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
