/**
 * Test fixture (not exported): a deterministic generated corpus of decision
 * texts with personal data planted in free text, for the redaction tests
 * (PUB-4). Every document says what was planted: the sensitive values that
 * must disappear and the public values that must stay untouched.
 */
import type { Party } from '../cases/party.js';
import { creditCodeCheckChar, CREDIT_CODE_CHARSET, idNumberCheckChar } from '../identity/identity.js';
import type { ProfileId } from '../profiles/types.js';
import type { KnownValue, RedactionSources } from './redaction.js';

/** mulberry32: small, fast, deterministic. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
    }
    return xs;
  }
}

const REGIONS = ['110105', '140105', '140106', '140109', '140202', '142701', '620102', '620103', '430101', '433101', '440106', '310115', '510104'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '曹', '彭', '曾', '欧阳', '司马', '上官'];
const GIVEN = '伟芳娜秀敏静丽强磊军洋勇艳杰娟涛超霞刚桂英华玉萍红鹏辉建国志斌晓红宇浩凯婷雪琳颖倩佳欣梓涵睿泽昊俊晨旭';
const ORG_PLACES = ['太原', '晋中', '大同', '长治', '兰州', '天水', '吉首', '临汾', '运城', '白银'];
const ORG_BRANDS = ['恒达', '华鑫', '永盛', '宏运', '瑞丰', '鑫源', '博远', '丰泰', '金石', '泰和', '润通', '新兴'];
const ORG_TRADES = ['化工', '建材', '焦化', '铸造', '洗煤', '养殖', '印染', '电镀', '砖业', '石材', '造纸', '制药'];
const ORG_FORMS = ['有限公司', '有限责任公司', '股份有限公司', '厂', '农民专业合作社'];
const PLACES: readonly [string, string, string][] = [
  ['山西省', '太原市', '小店区'],
  ['山西省', '太原市', '迎泽区'],
  ['山西省', '晋中市', '榆次区'],
  ['山西省', '大同市', '平城区'],
  ['甘肃省', '兰州市', '城关区'],
  ['甘肃省', '天水市', '秦州区'],
  ['湖南省', '湘西土家族苗族自治州', '吉首市'],
  ['山西省', '临汾市', '尧都区'],
];
const ROADS = ['平阳路', '长风街', '体育路', '并州北路', '学府街', '南环路', '滨河东路', '解放路', '建设北路', '五一路', '迎泽大街', '雁塔路'];
const PROVINCE_CHARS = '晋甘湘京冀陕豫';
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const EMAIL_DOMAINS = ['163.com', 'qq.com', '126.com', 'sina.com', 'example.cn', 'foxmail.com'];
const PINYIN = ['zhang', 'wang', 'li', 'liu', 'chen', 'zhao', 'huang', 'zhou', 'wu', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo'];
const AREA_CODES = ['0351', '0354', '0352', '0931', '0938', '0743', '010', '021'];
const NUMERALS = '〇一二三四五六七八九';
const FULL_WIDTH = '０１２３４５６７８９';

/** Sentences without personal data; names and values are checked against them so nothing planted hides inside. */
const FILLERS = [
  '经现场检查，该单位未按规定运行污染防治设施，废水直接外排。',
  '执法人员出示了执法证件，告知了当事人陈述、申辩和听证的权利。',
  '经监测，总排口化学需氧量浓度为{cod}mg/L，超过排放标准{times}倍。',
  '以上事实有现场检查笔录、调查询问笔录、监测报告、照片等证据为证。',
  '当事人的上述行为违反了《中华人民共和国水污染防治法》第三十九条的规定。',
  '依据《中华人民共和国大气污染防治法》第一百零八条第五项，决定罚款人民币{fine}元。',
  '当事人应当自收到本决定书之日起十五日内缴纳罚款。',
  '如不服本决定，可在收到本决定书之日起六十日内申请行政复议，或者六个月内提起行政诉讼。',
  '本案于{date}立案，经负责人集体讨论决定。',
  '群众可拨打环保举报热线12369反映问题。',
  '该企业已于{date}完成整改，经复查达到排放标准。',
  '现场共采集水样{samples}个，编号为JC-2025-{seq}。',
];

function idNumber(rng: Rng, minor = false): string {
  const y = minor ? rng.int(2010, 2015) : rng.int(1950, 2000);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  const first17 = `${rng.pick(REGIONS)}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${rng.digits(3)}`;
  return first17 + idNumberCheckChar(first17);
}

function id15(rng: Rng): string {
  return `${rng.pick(REGIONS)}${rng.int(50, 89)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}${rng.digits(3)}`;
}

function creditCode(rng: Rng): string {
  let body = `91${rng.pick(REGIONS)}MA`;
  while (body.length < 17) body += rng.pick(CREDIT_CODE_CHARSET.split(''));
  return body + creditCodeCheckChar(body);
}

function mobile(rng: Rng): string {
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${rng.digits(9)}`;
}

function landline(rng: Rng): { canonical: string; text: string } {
  const area = rng.pick(AREA_CODES);
  const local = `${rng.int(2, 8)}${rng.digits(area.length === 3 ? 7 : rng.chance(0.5) ? 6 : 7)}`;
  const style = rng.int(0, 2);
  return { canonical: area + local, text: style === 0 ? `${area}-${local}` : style === 1 ? `(${area})${local}` : `${area}${local}` };
}

function luhnComplete(body: string): string {
  for (let c = 0; c <= 9; c++) {
    const s = body + c;
    let sum = 0;
    let dbl = false;
    for (let i = s.length - 1; i >= 0; i--) {
      let d = Number(s[i]);
      if (dbl) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
      dbl = !dbl;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}

function bankCard(rng: Rng): string {
  const len = rng.pick([16, 19]);
  const prefix = rng.pick(['6222', '6228', '6217', '6212', '6236']);
  return luhnComplete(prefix + rng.digits(len - prefix.length - 1));
}

function plate(rng: Rng): string {
  const p = rng.pick(PROVINCE_CHARS.split(''));
  const l = rng.pick(PLATE_LETTERS.split(''));
  const kind = rng.int(0, 2);
  if (kind === 0) return `${p}${l}${rng.digits(5)}`;
  if (kind === 1) return `${p}${l}${rng.pick(['D', 'F'])}${rng.pick(PLATE_LETTERS.split(''))}${rng.digits(4)}`;
  return `${p}${l}${rng.digits(5)}${rng.pick(['D', 'F'])}`;
}

function email(rng: Rng): string {
  return `${rng.pick(PINYIN)}${rng.pick(['', '.', '_'])}${rng.pick(PINYIN)}${rng.digits(rng.int(0, 4))}@${rng.pick(EMAIL_DOMAINS)}`;
}

function address(rng: Rng): { full: string; detail: string } {
  const [prov, city, district] = rng.pick(PLACES);
  const detail = `${rng.pick(ROADS)}${rng.int(1, 399)}号${rng.chance(0.5) ? `${rng.int(1, 30)}号楼${rng.int(1, 6)}单元${rng.int(101, 2802)}室` : ''}`;
  return { full: `${rng.chance(0.7) ? prov : ''}${city}${district}${detail}`, detail };
}

/** Mobile as written: plain, grouped, +86, full-width digits or Chinese numerals. */
function writeMobile(rng: Rng, m: string): string {
  switch (rng.int(0, 6)) {
    case 0:
      return `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`;
    case 1:
      return `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`;
    case 2:
      return `+86 ${m}`;
    case 3:
      return m.replace(/\d/g, (d) => FULL_WIDTH[Number(d)] as string);
    case 4:
      return m.replace(/\d/g, (d) => NUMERALS[Number(d)] as string);
    default:
      return m;
  }
}

function writeCard(rng: Rng, c: string): string {
  return rng.chance(0.4) ? (c.match(/.{1,4}/g) ?? []).join(' ') : c;
}

function writeId(rng: Rng, id: string): string {
  return rng.chance(0.15) ? `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}` : id;
}

function birthText(id: string): string {
  return `${id.slice(6, 10)}年${Number(id.slice(10, 12))}月${Number(id.slice(12, 14))}日`;
}

export interface CorpusDocument {
  id: number;
  profile: ProfileId;
  text: string;
  sources: RedactionSources;
  /** Values (canonical form) that must not be readable after redaction. */
  sensitive: { kind: string; value: string }[];
  /** Values that must come through unchanged, each as often as in the original. */
  mustStay: string[];
}

export function generateCorpus(count: number, seed = 20250718): CorpusDocument[] {
  const rng = new Rng(seed);
  const docs: CorpusDocument[] = [];
  for (let n = 0; n < count; n++) docs.push(generateDocument(rng, n));
  return docs;
}

function generateDocument(rng: Rng, n: number): CorpusDocument {
  const profile: ProfileId = rng.chance(0.65) ? 'SX25' : 'GS19';
  const used = new Set<string>();
  const forbidden: string[] = [...FILLERS];
  const clash = (s: string) => used.has(s) || forbidden.some((f) => f.includes(s) || s.includes(f)) || [...used].some((u) => u.includes(s) || s.includes(u));
  // numbers never contain the public hotline, so counting it in the output stays meaningful
  const num = <T extends string>(f: () => T): T => {
    for (;;) {
      const v = f();
      if (!v.includes('12369')) return v;
    }
  };
  const freshAddress = (): { full: string; detail: string } => {
    for (;;) {
      const a = address(rng);
      if (!clash(a.detail)) {
        used.add(a.detail);
        return a;
      }
    }
  };
  const personName = (): string => {
    for (;;) {
      const s = rng.pick(SURNAMES);
      const g = rng.chance(0.6) ? rng.pick(GIVEN.split('')) + rng.pick(GIVEN.split('')) : rng.pick(GIVEN.split(''));
      const name = s + g;
      if (!clash(name)) {
        used.add(name);
        return name;
      }
    }
  };

  const decisionNumber = profile === 'SX25' ? `晋环罚〔2025〕${rng.int(1, 999)}号` : `甘环罚字〔2025〕${rng.int(1, 999)}号`;
  const agency = profile === 'SX25' ? '太原市生态环境局' : '兰州市生态环境局';
  const date = `2025年${rng.int(1, 12)}月${rng.int(1, 28)}日`;
  const fine = String(rng.int(1, 100) * 10000);
  const sensitive: { kind: string; value: string }[] = [];
  const mustStay: string[] = [decisionNumber, agency, '12369', `${fine}元`];
  const known: KnownValue[] = [];
  const sentences: string[] = [];
  const plant = (kind: string, value: string) => sensitive.push({ kind, value });

  // the party
  const r = rng.next();
  const partyKind = r < 0.55 ? 'organisation' : r < 0.85 ? 'naturalPerson' : 'individualBusiness';
  const minor = partyKind === 'naturalPerson' && rng.chance(0.04);
  let party: Party;
  if (partyKind === 'naturalPerson') {
    const name = personName();
    const id = num(() => idNumber(rng, minor));
    const addr = freshAddress();
    const m = num(() => mobile(rng));
    party = { kind: 'naturalPerson', name, idType: 'residentId', idNumber: id, address: addr.full, contacts: [{ kind: 'mobile', value: m }], minor };
    if (profile === 'SX25' && !minor) mustStay.push(name);
    else plant('name', name);
    plant('idNumber', id);
    plant('birthDate', birthText(id));
    plant('address', addr.detail);
    plant('mobile', m);
    sentences.push(`当事人${name}，${rng.pick(['男', '女'])}，${birthText(id)}出生，公民身份号码${writeId(rng, id)}，住址${addr.full}，联系电话${writeMobile(rng, m)}。`);
    sentences.push(`${decisionNumber}行政处罚决定书已依法送达${name}本人。`);
  } else {
    const orgName = `${rng.pick(ORG_PLACES)}${rng.pick(ORG_BRANDS)}${rng.pick(ORG_TRADES)}${partyKind === 'individualBusiness' ? '经营部' : rng.pick(ORG_FORMS)}`;
    forbidden.push(orgName);
    const code = creditCode(rng);
    const rep = personName();
    forbidden.push(rep);
    const repId = num(() => idNumber(rng));
    const repMobile = num(() => mobile(rng));
    const addr = freshAddress();
    forbidden.push(addr.full);
    const person = { name: rep, idType: 'residentId' as const, idNumber: repId };
    party =
      partyKind === 'organisation'
        ? { kind: 'organisation', name: orgName, creditCode: code, legalRepresentative: person, address: addr.full, contacts: [{ kind: 'mobile', value: repMobile }], minor: false }
        : { kind: 'individualBusiness', name: orgName, creditCode: code, operator: person, address: addr.full, contacts: [{ kind: 'mobile', value: repMobile }], minor: false };
    mustStay.push(orgName, code, rep);
    if (partyKind === 'organisation') mustStay.push(addr.full);
    else plant('address', addr.detail);
    plant('idNumber', repId);
    plant('mobile', repMobile);
    sentences.push(`当事人${orgName}（统一社会信用代码：${code}），住所${addr.full}，${partyKind === 'organisation' ? '法定代表人' : '经营者'}${rep}。`);
    sentences.push(`${partyKind === 'organisation' ? '法定代表人' : '经营者'}${rep}（身份证号码：${writeId(rng, repId)}，手机：${writeMobile(rng, repMobile)}）到场接受调查询问。`);
    sentences.push(`${orgName}于${date}收到${decisionNumber}行政处罚决定书，${rep}签收。`);
  }

  // witnesses: known to the case (source b)
  for (let w = rng.int(1, 3); w > 0; w--) {
    const name = personName();
    const id = num(() => idNumber(rng));
    const m = num(() => mobile(rng));
    const addr = freshAddress();
    const spaced = rng.chance(0.1);
    known.push({ kind: 'name', value: name, label: '证人' }, { kind: 'idNumber', value: id, label: '证人' }, { kind: 'phone', value: m, label: '证人' }, { kind: 'address', value: addr.full, label: '证人' });
    plant('name', name);
    plant('idNumber', id);
    plant('mobile', m);
    plant('address', addr.detail);
    const written = spaced ? name.split('').join(' ') : name;
    sentences.push(
      rng.pick([
        `证人${written}（身份证号${writeId(rng, id)}，电话${writeMobile(rng, m)}）称，其多次看到该厂夜间排放黑烟。`,
        `经询问，${written}（居民身份证号码${writeId(rng, id)}）陈述，废水经暗管排入河道，其联系方式为${writeMobile(rng, m)}。`,
        `在场人员${written}，家住${addr.full}，手机号码${writeMobile(rng, m)}，对检查过程予以见证。`,
      ]),
    );
    if (rng.chance(0.5)) sentences.push(`${written}的住址为${addr.full}。`);
    if (rng.chance(0.3)) sentences.push(`${name}现住${addr.detail}。`);
  }

  // data the case does not list (source c only)
  if (rng.chance(0.6)) {
    const driver = personName();
    const p = num(() => plate(rng));
    const m = num(() => mobile(rng));
    plant('name', driver);
    plant('plate', p);
    plant('mobile', m);
    sentences.push(`现场发现一辆号牌为${rng.chance(0.3) ? `${p.slice(0, 2)}·${p.slice(2)}` : p}的运输车辆正在倾倒废渣，驾驶员${driver}（手机${writeMobile(rng, m)}）无法提供相关手续。`);
  }
  if (rng.chance(0.5)) {
    const c = num(() => bankCard(rng));
    plant('bankCard', c);
    sentences.push(rng.pick([`该单位通过个人银行卡${writeCard(rng, c)}收取危险废物处置费用。`, `调取的转账记录显示，款项转入${writeCard(rng, c)}。`]));
  }
  if (rng.chance(0.5)) {
    const e = num(() => email(rng));
    plant('email', e);
    sentences.push(`相关台账由${rng.pick(['财务', '环保专员'])}通过电子邮箱${e}报送。`);
  }
  if (rng.chance(0.4)) {
    let l = landline(rng);
    while (l.canonical.includes('12369')) l = landline(rng);
    plant('phone', l.canonical);
    sentences.push(`当事人提供的办公电话为${l.text}。`);
  }
  if (rng.chance(0.35)) {
    const informant = personName();
    const m = num(() => mobile(rng));
    plant('name', informant);
    plant('mobile', m);
    sentences.push(`举报人${informant}通过电话${writeMobile(rng, m)}反映该问题。`);
  }
  if (rng.chance(0.3)) {
    const id = num(() => idNumber(rng));
    plant('idNumber', id);
    plant('birthDate', birthText(id));
    sentences.push(`另查明，实际经营人（身份证号：${id}）系${birthText(id)}出生。`);
  }
  if (rng.chance(0.2)) {
    const old = num(() => id15(rng));
    plant('idNumber', old);
    sentences.push(`其旧版身份证号码为${old}。`);
  }
  if (rng.chance(0.25)) {
    const cert = num(() => rng.digits(7));
    plant('propertyCertificate', cert);
    sentences.push(`涉案厂房不动产权证书为晋（2020）太原市不动产权第${cert}号。`);
  }
  if (rng.chance(0.25)) {
    const m = num(() => mobile(rng));
    plant('mobile', m);
    sentences.push(`另一名工作人员的电话是${writeMobile(rng, m)}。`);
  }

  for (let f = rng.int(2, 5); f > 0; f--) {
    sentences.push(
      rng
        .pick(FILLERS)
        .replace('{cod}', String(rng.int(60, 900)))
        .replace('{times}', (rng.int(2, 90) / 10).toFixed(1))
        .replace('{fine}', fine)
        .replace('{date}', date)
        .replace('{samples}', String(rng.int(2, 6)))
        .replace('{seq}', String(rng.int(100, 999))),
    );
  }
  sentences.push(`依据《中华人民共和国大气污染防治法》第一百零八条第五项，决定罚款人民币${fine}元。`);
  rng.shuffle(sentences);
  const text = `${agency}\n行政处罚决定书\n${decisionNumber}\n${sentences.join('')}\n${agency}\n${date}`;
  const sources: RedactionSources = { profile, parties: [party], known, public: [decisionNumber, agency, '12369'] };
  return { id: n, profile, text, sources, sensitive, mustStay };
}
