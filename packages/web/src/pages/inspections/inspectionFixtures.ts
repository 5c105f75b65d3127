/** Answers of the inspection API as the demo's 太原市生态环境局 would give them (component tests). */
import { me } from '../../test/render.js';
import type { Draw, Inspection, InspectionDetail, Plan, PoolOfficer, Target } from './inspectionsApi.js';

export const unitHead = me({ id: 'u-uh', username: 'ty_unithead', displayName: '太原市局执法科科长', roles: ['unitHead', 'officer'], roleLabels: ['承办机构负责人', '执法人员'] });
export const officer = me({ id: 'u-o2', username: 'ty_officer2', displayName: '太原市局执法二', roles: ['officer'], roleLabels: ['执法人员'] });
export const head = me({ id: 'u-h', username: 'ty_head', displayName: '太原市局局长', roles: ['agencyHead'], roleLabels: ['机关负责人'] });
export const clerk = me({ id: 'u-c', username: 'ty_clerk', displayName: '太原市局公示录入员', roles: ['disclosureClerk'], roleLabels: ['公示录入员'] });

export const target = (over: Partial<Target> = {}): Target => ({
  id: 't1',
  agencyId: 'ty',
  creditCode: '91140105MA0K100001',
  name: '太原晋阳焦化有限公司',
  address: '山西省太原市小店区示例路10号',
  legalRepresentative: '王建国',
  permitNumber: '91140105MA0K100001001P',
  permitClass: 'key',
  keyPolluter: true,
  industry: '化学原料和化学制品制造业',
  district: '小店区',
  riskClass: 'high',
  riskSource: '2026年企业环境信用评价结果',
  active: true,
  targetClass: 'keyPolluter',
  ...over,
});

export const TARGETS: Target[] = [
  target(),
  target({ id: 't2', creditCode: '91140105MA0K100022', name: '太原并州印刷有限公司', permitClass: 'simplified', keyPolluter: false, riskClass: 'medium', targetClass: 'medium', industry: '印刷和记录媒介复制业' }),
  target({ id: 't3', creditCode: '91140105MA0K100033', name: '太原杏花岭干洗有限公司', permitClass: 'registration', keyPolluter: false, riskClass: 'low', targetClass: 'low', industry: '居民服务业' }),
];

export const OFFICERS: PoolOfficer[] = [
  { userId: 'u-o1', name: '太原市局执法一', certificateNumber: '14010001', certificateValidTo: '2028-12-31', usable: true, problem: null, relations: [{ id: 'r1', targetId: 't1', targetName: '太原晋阳焦化有限公司', creditCode: '91140105MA0K100001', relation: '近亲属在该单位任职' }] },
  { userId: 'u-o2', name: '太原市局执法二', certificateNumber: '14010002', certificateValidTo: '2028-12-31', usable: true, problem: null, relations: [] },
  { userId: 'u-o3', name: '太原市局执法三', certificateNumber: '14010003', certificateValidTo: '2025-12-31', usable: false, problem: '执法证已于 2025-12-31 过期', relations: [] },
];

export const plan = (over: Partial<Plan> = {}): Plan => ({
  id: 'p1',
  agencyId: 'ty',
  year: 2026,
  title: '2026年污染源日常环境监管“双随机”抽查',
  item: '排污单位污染物排放及污染防治设施运行情况检查',
  basis: '',
  content: '',
  method: '现场检查',
  rounds: 'quarter',
  quotaOverride: {},
  jointDepartments: ['太原市水务局'],
  teamSize: 2,
  createdAt: '2026-03-02T01:00:00.000Z',
  quota: [
    { targetClass: 'keyPolluter', poolSize: 2, ratio: 0.05, per: 'quarter', count: 1 },
    { targetClass: 'high', poolSize: 2, ratio: 0.2, per: 'year', count: 1 },
  ],
  draws: [{ id: 'd1', status: 'published', roundLabel: '第一季度', committedAt: '2026-03-02T01:00:00.000Z' }],
  ...over,
});

export const inspection = (over: Partial<Inspection> = {}): Inspection => ({
  id: 'i1',
  agencyId: 'ty',
  code: 'K7M2P9Q4R8T3',
  kind: 'random',
  targetId: 't1',
  creditCode: '91140105MA0K100001',
  targetName: '太原晋阳焦化有限公司',
  year: 2026,
  plannedDate: '2026-03-02',
  status: 'registered',
  inspectors: [
    { userId: 'u-o2', name: '太原市局执法二', certificateNumber: '14010002' },
    { userId: 'u-uh', name: '太原市局执法科科长', certificateNumber: '14010009' },
  ],
  drawId: 'd1',
  planId: 'p1',
  exception: null,
  caseId: 'c1',
  penaltyCaseId: null,
  registeredAt: '2026-03-02T01:00:00.000Z',
  result: { inspectedOn: '2026-03-02', publishBy: '2026-03-30', publicationId: 'pub1', publicationStatus: 'draft', published: false, overdue: false },
  ...over,
});

export const detail = (over: Partial<InspectionDetail> = {}): InspectionDetail => ({ ...inspection(), codeUrl: 'https://portal.test/inspection-code/K7M2P9Q4R8T3', qrSvg: null, ...over });

export const draw = (over: Partial<Draw> = {}): Draw => ({
  id: 'd2',
  planId: 'p1',
  planTitle: '2026年污染源日常环境监管“双随机”抽查',
  roundLabel: '第二季度',
  status: 'committed',
  algorithm: 'SX-DRAW-1',
  seedHash: 'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778',
  seed: null,
  digests: { targets: '1111aaaa', inspectors: '2222bbbb', conflicts: '3333cccc' },
  quota: { keyPolluter: 1, high: 1 },
  teamSize: 2,
  commitLeaf: 412,
  drawLeaf: null,
  committedAt: '2026-03-02T01:00:00.000Z',
  drawnAt: null,
  publishedAt: null,
  poolSize: 7,
  inspectorCount: 3,
  atCap: 1,
  inspections: [],
  proofUrl: '/draws/d2',
  ...over,
});
