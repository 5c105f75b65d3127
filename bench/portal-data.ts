/**
 * Data and queries of the portal search benchmark (bench/portal-search.bench.ts):
 * published decisions as the approval use case writes them (public party and
 * 文号, their search keys from core disclosure/search.ts, the PUB-7 window)
 * with realistic names — 城市 + 字号 + 行业 + 有限公司 for companies, masked
 * natural persons (张某, 王某某) — and the mixed query set sent by every mode.
 * Deterministic: the same seed gives the same rows and queries.
 */
import crypto from 'node:crypto';
import { ACTION_TYPE_INFO, PUBLISHABLE_KINDS, searchGrams, searchText, type ActionType } from '@sanxiang/core';

/** mulberry32: small, fast, seedable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

function weighted<T>(r: () => number, list: readonly (readonly [T, number])[]): T {
  const total = list.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of list) {
    x -= w;
    if (x < 0) return v;
  }
  return list[list.length - 1]![0];
}

// ---------------------------------------------------------------------------
// names

const PLACES: Record<'sx' | 'gs' | 'hn', { cities: string[]; counties: string[] }> = {
  sx: {
    cities: ['太原', '大同', '阳泉', '长治', '晋城', '朔州', '晋中', '运城', '忻州', '临汾', '吕梁', '古交', '介休', '孝义', '侯马'],
    counties: ['小店区', '迎泽区', '杏花岭区', '尖草坪区', '万柏林区', '晋源区', '清徐县', '阳曲县', '娄烦县', '榆次区', '平遥县', '祁县'],
  },
  gs: {
    cities: ['兰州', '天水', '白银', '武威', '张掖', '酒泉', '定西', '陇南', '平凉', '庆阳', '金昌', '嘉峪关', '临夏'],
    counties: ['城关区', '七里河区', '西固区', '安宁区', '红古区', '永登县', '皋兰县', '榆中县', '靖远县', '会宁县'],
  },
  hn: {
    cities: ['吉首', '长沙', '株洲', '湘潭', '衡阳', '岳阳', '常德', '怀化', '张家界', '益阳', '郴州', '娄底', '邵阳'],
    counties: ['凤凰县', '泸溪县', '花垣县', '保靖县', '古丈县', '永顺县', '龙山县', '吉首市', '芙蓉区', '岳麓区'],
  },
};
const TRADE = [...'华鑫源恒达泰盛隆兴昌宏远金瑞丰安永德祥宇晟博通海天宝嘉腾信荣凯正利诚新光明和广益中富顺辉建润佳锦汇鼎聚福万东方北南清山川林森磊晶豪'];
const INDUSTRY = [
  '化工', '煤业', '焦化', '钢铁', '水泥', '建材', '陶瓷', '制药', '印染', '造纸', '养殖', '食品', '机械', '电镀', '汽车维修', '环保科技', '物流',
  '建筑工程', '混凝土', '石材', '热力', '电力', '矿业', '洗煤', '再生资源', '塑料制品', '涂料', '皮革', '酿酒', '铸造', '铝业', '医疗器械', '砖瓦', '沥青',
];
const COMPANY_SUFFIX = [['有限公司', 70], ['有限责任公司', 18], ['股份有限公司', 6], ['厂', 6]] as const;
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const SOLE_TRADE = ['养殖场', '汽车修理部', '洗车店', '砖厂', '石料厂', '餐馆', '加工坊', '废品收购站'];

const ACTION_MIX: readonly (readonly [ActionType, number])[] = [
  ['penalty', 55],
  ['coercion', 14],
  ['inspection', 16],
  ['permit', 12],
  ['confirmation', 2],
  ['registration', 1],
];
const KINDS: Record<ActionType, readonly (readonly [string, number])[]> = {
  penalty: [['penaltyDecision', 1]],
  coercion: [['sealSeizeDecision', 80], ['enforcementDecision', 12], ['substituteExecutionDecision', 8]],
  inspection: [['inspectionRecord', 1]],
  permit: [['permitDecision', 1]],
  confirmation: [['confirmationDecision', 1]],
  registration: [['registrationDecision', 1]],
};
const BASES = [
  '《中华人民共和国大气污染防治法》第九十九条第二项',
  '《中华人民共和国水污染防治法》第八十三条第三项',
  '《中华人民共和国固体废物污染环境防治法》第一百零二条',
  '《中华人民共和国环境影响评价法》第三十一条第一款',
  '《中华人民共和国噪声污染防治法》第七十七条',
  '《排污许可管理条例》第三十三条第一项',
];

// ---------------------------------------------------------------------------
// rows

export interface BenchAgency {
  id: string;
  path: string;
  name: string;
  level: string;
  numberCode: string;
}

export const DAY = 86_400_000;
export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** The columns written, in order (the table's other columns keep their defaults or stay null). */
export const COLUMNS = [
  'id', 'agency_id', 'agency_path', 'agency_name', 'action_type', 'decision_kind', 'decision_number', 'decision_date', 'severity', 'major_decision',
  'status', 'publish_by', 'online', 'current_version', 'published_version', 'first_published_on', 'published_at', 'remove_not_before', 'remove_by',
  'public_title', 'public_party', 'public_content', 'search_grams', 'search_text', 'created_at', 'created_by', 'updated_at',
] as const;

/** Makes published decisions for the agencies, decided in the three years before `today`. */
export class DecisionGenerator {
  private readonly r: () => number;
  private readonly seq = new Map<string, number>();
  private readonly agencyMix: (readonly [BenchAgency, number])[];
  readonly first: string;

  constructor(
    readonly agencies: BenchAgency[],
    readonly today: string,
    /** Share of rows whose PUB-7 window ended before today (online, but must not be found). */
    readonly expiredShare: number,
    seed: number,
  ) {
    this.r = rng(seed);
    // Cities decide most, their branches less, the provincial departments least.
    this.agencyMix = agencies.map((a) => [a, a.level === 'city' ? 3 : a.level === 'province' ? 1 : 2] as const);
    this.first = addDays(today, -3 * 365);
  }

  private region(a: BenchAgency): { cities: string[]; counties: string[] } {
    if (/^[晋并]/.test(a.numberCode) || a.name.includes('山西') || a.name.includes('太原')) return PLACES.sx;
    if (/^[甘兰]/.test(a.numberCode) || a.name.includes('甘肃') || a.name.includes('兰州')) return PLACES.gs;
    return PLACES.hn;
  }

  party(a: BenchAgency): string {
    const r = this.r;
    const place = this.region(a);
    const x = r();
    if (x < 0.12) return `${pick(r, SURNAMES)}${r() < 0.6 ? '某' : '某某'}`; // natural person, surname kept (redacted)
    if (x < 0.17) return `${pick(r, place.counties)}${pick(r, SURNAMES)}某${pick(r, SOLE_TRADE)}`; // 个体工商户
    const city = pick(r, place.cities);
    return `${city}${r() < 0.3 ? '市' : ''}${pick(r, TRADE)}${pick(r, TRADE)}${pick(r, INDUSTRY)}${weighted(r, COMPANY_SUFFIX)}`;
  }

  /** One row as the values of COLUMNS. */
  next(): unknown[] {
    const r = this.r;
    const a = weighted(r, this.agencyMix);
    const actionType = weighted(r, ACTION_MIX);
    const kind = weighted(r, KINDS[actionType]);
    const span = 3 * 365;
    const decisionDate = addDays(this.first, Math.floor(r() * span));
    const year = decisionDate.slice(0, 4);
    const key = `${a.id}|${actionType}|${year}`;
    const n = (this.seq.get(key) ?? 0) + 1;
    this.seq.set(key, n);
    const number = `${a.numberCode || '环'}${ACTION_TYPE_INFO[actionType].code}〔${year}〕${n}号`;
    const party = this.party(a);
    let firstOn = addDays(decisionDate, 1 + Math.floor(r() * 7));
    if (firstOn > this.today) firstOn = this.today;
    let removeBy = addDays(firstOn, 3 * 365 + 30);
    if (r() < this.expiredShare && firstOn < this.today) {
      const daysBefore = Math.max(1, Math.round((Date.parse(this.today) - Date.parse(firstOn)) / DAY));
      removeBy = addDays(this.today, -1 - Math.floor(r() * daysBefore));
      if (removeBy < firstOn) removeBy = firstOn;
    }
    const kindName = PUBLISHABLE_KINDS[kind]?.name ?? '执法决定';
    const title = `${kindName}（${number}）`;
    const severity = r() < 0.1 ? 'serious' : 'general';
    const conclusion =
      actionType === 'penalty'
        ? `罚款人民币${(1 + Math.floor(r() * 50)) * 1000}元${r() < 0.3 ? '，责令改正违法行为' : ''}`
        : actionType === 'coercion'
          ? '对涉案排污设施实施查封，期限三十日'
          : actionType === 'inspection'
            ? '现场检查未发现环境违法行为'
            : '准予行政许可';
    const content = {
      form: 'summary',
      fields: [
        { key: 'agency', label: '执法机关', text: a.name },
        { key: 'target', label: '当事人', text: party },
        { key: 'category', label: '执法类别', text: ACTION_TYPE_INFO[actionType].label },
        { key: 'conclusion', label: '处理结果', text: conclusion },
        { key: 'decisionDate', label: '决定日期', text: decisionDate },
        { key: 'basis', label: '执法依据', text: pick(r, BASES) },
      ],
      fullText: '',
      corrections: [],
    };
    const publishedAt = new Date(`${firstOn}T02:00:00Z`);
    return [
      crypto.randomUUID(),
      a.id,
      a.path,
      a.name,
      actionType,
      kind,
      number,
      decisionDate,
      severity,
      actionType === 'penalty' && severity === 'serious' && r() < 0.5,
      'published',
      addDays(decisionDate, 20),
      true,
      1,
      1,
      firstOn,
      publishedAt,
      addDays(firstOn, 180),
      removeBy,
      title,
      party,
      JSON.stringify(content),
      searchGrams([party, number]),
      searchText([party, number]),
      publishedAt,
      'bench',
      publishedAt,
    ];
  }
}

/** `INSERT INTO publications (…) VALUES ($1, …), (…)` for `rows` rows. */
export function insertSql(rows: number): string {
  const w = COLUMNS.length;
  const tuples: string[] = [];
  for (let i = 0; i < rows; i++) {
    const p: string[] = [];
    for (let j = 0; j < w; j++) {
      const n = i * w + j + 1;
      p.push(COLUMNS[j] === 'public_content' ? `$${n}::jsonb` : `$${n}`);
    }
    tuples.push(`(${p.join(',')})`);
  }
  return `INSERT INTO publications (${COLUMNS.join(', ')}) VALUES ${tuples.join(',')}`;
}

// ---------------------------------------------------------------------------
// queries

export type QueryKind = 'fragment' | 'company' | 'number' | 'type+agency' | 'dates' | 'page2-5';
export const QUERY_KINDS: readonly QueryKind[] = ['fragment', 'company', 'number', 'type+agency', 'dates', 'page2-5'];

export interface BenchQuery {
  kind: QueryKind;
  /** What the portal form sends (agency as its id), and what the use case takes (agency as its path). */
  q?: string;
  actionType?: ActionType;
  agencyId?: string;
  agencyPath?: string;
  from?: string;
  to?: string;
  page?: number;
}

export interface SampleRow {
  party: string;
  number: string;
  agencyId: string;
  actionType: ActionType;
  decisionDate: string;
}

/** The portal's URL for a query: GET /decisions?q=&type=&agency=&from=&to=&page= (the names of the search form's fields). */
export function portalUrl(q: BenchQuery): string {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  if (q.actionType) p.set('type', q.actionType);
  if (q.agencyId) p.set('agency', q.agencyId);
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  if (q.page && q.page > 1) p.set('page', String(q.page));
  const s = p.toString();
  return s ? `/decisions?${s}` : '/decisions';
}

/** A 2–4 character piece of a party name as people type it: the 字号, 城市+字号, 字号+行业, an industry, a masked surname. */
const ALL_CITIES = Object.values(PLACES).flatMap((p) => p.cities);
const COMPANY = new RegExp(`^(${ALL_CITIES.join('|')})市?(.{2})(${INDUSTRY.join('|')})(${COMPANY_SUFFIX.map(([s]) => s).join('|')})$`, 'u');

function fragment(r: () => number, party: string): string {
  const m = COMPANY.exec(party);
  if (!m) return [...party].slice(0, 2).join(''); // 张某, 小店区…: its first two characters
  const [, city, trade, industry] = m as unknown as [string, string, string, string];
  const x = r();
  if (x < 0.45) return trade;
  if (x < 0.7) return `${[...city].slice(0, 2).join('')}${trade}`;
  if (x < 0.9) return `${trade}${[...industry][0]}`;
  return [...industry].slice(0, 2).join('');
}

export const QUERY_MIX: readonly (readonly [QueryKind, number])[] = [
  ['fragment', 25],
  ['company', 15],
  ['number', 15],
  ['type+agency', 15],
  ['dates', 15],
  ['page2-5', 15],
];

/** `count` queries drawn from sampled rows, in the proportions of QUERY_MIX. */
export function buildQueries(samples: SampleRow[], agencies: BenchAgency[], today: string, first: string, count: number, seed: number): BenchQuery[] {
  const r = rng(seed);
  const companies = samples.filter((s) => /(公司|厂)$/.test(s.party));
  const out: BenchQuery[] = [];
  const span = Math.round((Date.parse(today) - Date.parse(first)) / DAY);
  const randomDay = () => addDays(first, Math.floor(r() * span));
  for (let i = 0; i < count; i++) {
    const kind = weighted(r, QUERY_MIX);
    const s = pick(r, samples);
    const agency = pick(r, agencies);
    switch (kind) {
      case 'fragment':
        out.push({ kind, q: fragment(r, s.party) });
        break;
      case 'company':
        out.push({ kind, q: pick(r, companies).party });
        break;
      case 'number':
        out.push({ kind, q: s.number });
        break;
      case 'type+agency':
        out.push({ kind, actionType: weighted(r, ACTION_MIX), agencyId: agency.id, agencyPath: agency.path });
        break;
      case 'dates': {
        const from = randomDay();
        const to = addDays(from, 7 + Math.floor(r() * 60));
        out.push({ kind, from, to, ...(r() < 0.5 ? { actionType: weighted(r, ACTION_MIX) } : {}) });
        break;
      }
      case 'page2-5': {
        const page = 2 + Math.floor(r() * 4);
        const x = r();
        if (x < 0.4) out.push({ kind, page });
        else if (x < 0.7) out.push({ kind, page, agencyId: agency.id, agencyPath: agency.path });
        else out.push({ kind, page, q: fragment(r, s.party) });
        break;
      }
    }
  }
  return out;
}
