/**
 * Pattern detectors for personal data in free text (PUB-4 · SX25-P 16; GS-P 9),
 * run on the scan view (text.ts), so full-width digits and numbers written
 * in Chinese numerals are found too.
 *
 * Structural detectors (a number is recognised by its own structure):
 * - 居民身份证号码: 18 characters with a valid birth date and a valid GB 11643
 *   check character (NAT-13); 15-digit numbers of the pre-1999 format
 *   (6-digit region starting 1–8, YYMMDD, 3-digit sequence) with a valid date;
 * - mobile numbers 1[3-9]\d{9}, optionally with +86 / 0086 / 86;
 * - landlines 0 + 2–3 digit area code + 7–8 digit number, '(0351)' allowed;
 * - bank cards: 16–19 digits passing the Luhn check (unless the digits form
 *   a valid 统一社会信用代码);
 * - e-mail addresses;
 * - vehicle plates (province + letter + 5, or 6 for new-energy plates with
 *   D/F first or last, optional 挂/学/警/港/澳);
 * - 统一社会信用代码 with a valid GB 32100 check character (third parties;
 *   the party's own code is public and protected by the caller).
 * Digits may be split by spaces or hyphens ('138 0013 8000',
 * '6222 0212 3456 7890 123'): runs of digit groups are tried from the longest
 * sub-run down.
 *
 * Context detectors (a label says what follows, even when a number fails its
 * check): 身份证号码：…, 电话/手机/联系方式：…, 账号/卡号：…, QQ/微信：…,
 * 住址/家住/户籍地：… (kept up to the district), 出生日期/生于…/…出生,
 * 不动产权第…号 and other property certificate numbers, 车架号/车辆识别代号.
 *
 * Role names: a name after a role word (证人、举报人、驾驶员、现场负责人 …)
 * starting with a common surname. The legal representative, the party and
 * officers are not roles here: their names are public (SX25-P 15; ORG-2).
 */
import { checkCreditCode, idNumberCheckChar } from '../identity/identity.js';
import type { SensitiveKind } from './basis.js';
import { AMBIGUOUS_SURNAMES, leadingSurname } from './surnames.js';
import { COMPOUND_SURNAMES, type Span } from './text.js';

/** One detected value. */
export interface Detection extends Span {
  kind: SensitiveKind;
  /** Which detector found it, e.g. 'pattern.idNumber', 'context.phone', 'role.name'. */
  rule: string;
  /**
   * Not sure enough to mask by itself: flagged 疑似个人信息 for the clerk, who
   * masks or dismisses it (the dismissal is recorded); it blocks approval
   * until then (PUB-4).
   */
  uncertain?: boolean;
}

/** One word of a part-of-speech tagged segmentation (jieba tag set: nr person, ns place, v verb …). */
export interface TaggedWord {
  word: string;
  tag: string;
}

/**
 * A word segmenter with part-of-speech tags, given by the caller (the server
 * passes @node-rs/jieba): the words, concatenated, must give back the text.
 * Core stays free of native code.
 */
export type Tagger = (text: string) => readonly TaggedWord[];

export interface DetectOptions {
  compoundSurnames?: readonly string[];
  tagger?: Tagger;
}

const validDate = (y: number, m: number, d: number): boolean => {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] as number;
  return d <= dim;
};

/** GB 11643: 18-character resident ID with a real birth date and a valid check character. */
export function isResidentId18(s: string): boolean {
  const v = s.toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(v)) return false;
  const y = Number(v.slice(6, 10));
  if (y < 1880 || y > 2100 || !validDate(y, Number(v.slice(10, 12)), Number(v.slice(12, 14)))) return false;
  return idNumberCheckChar(v.slice(0, 17)) === v[17];
}

/** The pre-1999 15-digit format: region (first digit 1–8), YYMMDD (19YY), 3-digit sequence. */
export function isResidentId15(s: string): boolean {
  if (!/^[1-8]\d{14}$/.test(s)) return false;
  return validDate(1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)));
}

/** Luhn (ISO/IEC 7812) check. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

/** Kind of a run of digits (separators removed), or null. */
export function classifyDigits(s: string): SensitiveKind | null {
  const plain = s.startsWith('+') ? s.slice(1) : s;
  if (isResidentId18(plain) || isResidentId15(plain)) return 'idNumber';
  if (/^(?:0086|86)?1[3-9]\d{9}$/.test(plain)) return 'mobile';
  if (s.startsWith('+')) return null;
  if (/^\d{16,19}$/.test(plain) && luhnValid(plain) && !(plain.length === 18 && checkCreditCode(plain).ok)) return 'bankCard';
  if (/^0\d{9,11}$/.test(plain)) return 'phone';
  return null;
}

interface Group {
  start: number;
  end: number;
  /** Digits (and a final X), no separators. */
  digits: string;
}

/** Digit groups of the view; a group may start with '+' and end with X. */
function digitGroups(v: string): Group[] {
  const out: Group[] = [];
  const re = /\+?\d+(?:[Xx](?![A-Za-z0-9]))?/g;
  for (let m = re.exec(v); m; m = re.exec(v)) out.push({ start: m.index, end: m.index + m[0].length, digits: m[0].toUpperCase() });
  return out;
}

/** Groups chained by 1–3 spaces or hyphens, tried longest sub-run first. */
function detectDigitRuns(v: string, out: Detection[]): void {
  const groups = digitGroups(v);
  const chains: Group[][] = [];
  for (const g of groups) {
    const chain = chains[chains.length - 1];
    const last = chain?.[chain.length - 1];
    const gap = last ? v.slice(last.end, g.start) : '';
    if (chain && last && !last.digits.endsWith('X') && !g.digits.startsWith('+') && /^[ -]{1,3}$/.test(gap)) chain.push(g);
    else chains.push([g]);
  }
  for (const chain of chains) {
    let i = 0;
    while (i < chain.length) {
      let matched = false;
      // candidate ends: sub-runs of at most 22 characters (the longest thing classified is +0086 and 11 digits)
      let last = i;
      let length = 0;
      for (let j = i; j < chain.length; j++) {
        length += (chain[j] as Group).digits.length;
        if (length > 22) break;
        last = j;
      }
      for (let j = last; j >= i; j--) {
        const part = chain.slice(i, j + 1);
        const digits = part.map((g) => g.digits).join('');
        const kind = classifyDigits(digits);
        if (kind) {
          out.push({ start: (part[0] as Group).start, end: (part[part.length - 1] as Group).end, kind, rule: `pattern.${kind}` });
          i = j + 1;
          matched = true;
          break;
        }
      }
      if (!matched) i++;
    }
  }
}

function each(re: RegExp, v: string, f: (m: RegExpExecArray) => void): void {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (let m = g.exec(v); m; m = g.exec(v)) {
    f(m);
    if (m[0].length === 0) g.lastIndex++;
  }
}

/** The span of capture group 1 (requires the `d` flag). */
function group1(m: RegExpExecArray): Span | null {
  const idx = m.indices?.[1];
  return idx ? { start: idx[0], end: idx[1] } : null;
}

const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领';
const PLATE = new RegExp(`[${PLATE_PROVINCES}][A-HJ-NP-Z][ ·•・.-]?(?:([A-HJ-NP-Z0-9]{5,6})[挂学警港澳]?|([A-HJ-NP-Z0-9]{4})[挂学警港澳])(?![A-Za-z0-9])`, 'g');

function plateBodyValid(body: string): boolean {
  if ((body.match(/\d/g) ?? []).length < 2) return false;
  if (body.length <= 5) return true;
  // new-energy: D/F first (small) or last (large)
  return /^[DF][A-HJ-NP-Z0-9]\d{4}$/.test(body) || /^\d{5}[DF]$/.test(body);
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const CREDIT_CODE = /(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])/g;
const PAREN_LANDLINE = /\(0\d{2,3}\)[ -]?\d{7,8}(?!\d)/g;

const SEP = '[:：是为]?\\s*';
const CONTEXTS: readonly { re: RegExp; kind: SensitiveKind; rule: string; accept?: (value: string) => boolean }[] = [
  {
    re: new RegExp(`(?:公民身份号码|居民身份证号码|身份证件号码|身份证号码|身份证号|身份证|证件号码|证件号)${SEP}([0-9Xx][0-9Xx -]{4,}[0-9Xx])`, 'dg'),
    kind: 'idNumber',
    rule: 'context.idNumber',
  },
  {
    re: new RegExp(`(?:联系电话|联系方式|电话号码|手机号码|手机号|手机|电话|座机|传真|Tel|TEL|tel)${SEP}(\\+?[0-9(][0-9 ()-]{4,}[0-9])`, 'dg'),
    kind: 'phone',
    rule: 'context.phone',
  },
  {
    re: new RegExp(`(?:银行账号|银行帐号|银行账户|银行帐户|银行卡号|银行卡|账号|帐号|账户|帐户|卡号)${SEP}([0-9][0-9 -]{4,}[0-9])`, 'dg'),
    kind: 'bankAccount',
    rule: 'context.bankAccount',
  },
  {
    // a card named by its use, its number in brackets or after 号/尾号: Luhn is not required (PUB-4 · SX25-P 16(一) 银行账户)
    re: /(?:工资卡|储蓄卡|借记卡|信用卡|社保卡|医保卡|公务卡|存折|收款卡|收款账户|收款帐户|开户账号|转入账户|转账至|汇入|打入)(?:号码|卡号|号|账号)?[:：是为（(]?\s*(?:尾号)?\s*([0-9][0-9 -]{10,24}[0-9])/dg,
    kind: 'bankCard',
    rule: 'context.bankCard',
  },
  { re: new RegExp(`(?:QQ号码|QQ号|QQ|微信号|微信)${SEP}([A-Za-z0-9][A-Za-z0-9_-]{4,})`, 'dg'), kind: 'contact', rule: 'context.contact' },
  {
    re: /(?:家庭住址|家庭地址|户籍地址|户籍所在地|户籍地|现住址|住址|居住地址|居住地|现住|家住|居住于|住于)[:：是为在]?\s*([^\s，,。；;：:）)、\n]{4,60})/dg,
    kind: 'address',
    rule: 'context.address',
    accept: (value) => value.replace(/[*＊某]/g, '').length > adminPrefix(value).length + 1,
  },
  {
    re: new RegExp(`(?:出生日期|出生年月日|出生年月|出生于|生于|出生)${SEP}(\\d{4}\\s*[年.\\-/]\\s*\\d{1,2}(?:\\s*[月.\\-/]\\s*\\d{1,2}\\s*日?)?)`, 'dg'),
    kind: 'birthDate',
    rule: 'context.birthDate',
  },
  { re: /(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?=出生|生人)/dg, kind: 'birthDate', rule: 'context.birthDate' },
  {
    re: /(?:不动产权|房权证|房产证|房屋所有权证|土地证|土地使用证|林权证)[^，。；;\n]{0,16}?第\s*([0-9A-Za-z-]{3,})\s*号/dg,
    kind: 'propertyCertificate',
    rule: 'context.propertyCertificate',
  },
  {
    re: /(?:不动产权证书号|不动产权证号|不动产登记证明号|产权证号|房产证号|权属证书编号|机动车登记证书编号)[:：是为]?\s*([0-9A-Za-z][0-9A-Za-z-]{3,})/dg,
    kind: 'propertyCertificate',
    rule: 'context.propertyCertificate',
  },
  { re: /(?:车架号|车辆识别代号|车辆识别代码|VIN)[:：是为]?\s*([A-HJ-NPR-Z0-9]{17})(?![A-Za-z0-9])/dg, kind: 'vehicleId', rule: 'context.vehicleId' },
];

/**
 * Common surnames a role name must start with. Surnames that are also common
 * words after a role word (和、于、向、时、成、全、应、安、方 …) are left out, so
 * '证人和当事人' or '举报人向我局反映' are not taken for names.
 */
export const COMMON_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤樊葛邢乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝符舒阮柯纪梅童凌季裴霍涂翁冉骆蓝辛靳柴蒙鲍华喻祁蒲房滕屈饶牟艾尤阳穆农卓吉缪简芦麦褚娄窦戚岑党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘苑迟邝';

/** Characters that end a name: grammar words and punctuation. */
const NAME_STOP = new Set('称说讲于在的等是和与及向对将也已未不了被到时因证言等系为作均现经曾并又即就都还却仍从由把给让叫等某某＊*×Xx');

const ROLE_WORDS =
  '证人|见证人|被询问人|询问对象|举报人|投诉人|信访人|受害人|报案人|驾驶员|驾驶人|司机|车主|员工|职工|工人|雇员|村民|居民|群众|陪同人员|在场人员|现场负责人|现场管理人员|车间主任|安全员|操作工|委托代理人|代理人|受托人|联系人|监护人|家属|邻居|业主|租户|承租人|出租人';
const ROLE_NAME = new RegExp(`(?:${ROLE_WORDS})[:：]?\\s*([\\u4e00-\\u9fa5]{2,4})`, 'dg');

/** The name at the start of `s` after a role word: a common (or compound) surname + 1–2 given-name characters. */
function roleName(s: string, compound: readonly string[]): string | null {
  let surname = '';
  for (const c of compound) if (s.startsWith(c)) surname = c;
  if (!surname) {
    const first = s[0] ?? '';
    if (!COMMON_SURNAMES.includes(first)) return null;
    surname = first;
  }
  let given = '';
  for (const ch of s.slice(surname.length)) {
    if (given.length === 2 || NAME_STOP.has(ch)) break;
    given += ch;
  }
  return given.length === 0 ? null : surname + given;
}

/** Administrative prefix of an address: up to the district/county (区、县、旗、县级市), or the city if there is no district. */
export function adminPrefix(address: string): string {
  // lazy name parts, so 兰州市 / 湘西土家族苗族自治州 are read whole (州 inside a city name is not a suffix)
  const m = /^(?:[^省市区县旗盟，,。；;\s]{1,8}?(?:省|自治区))?(?:[^省市区县旗盟，,。；;\s]{1,10}?(?:市|自治州|地区|盟))?(?:[^省市区县旗盟路街道号巷弄村组，,。；;\s]{1,8}?(?:区|县|旗|市))?/.exec(address);
  return m?.[0] ?? '';
}

/** Runs every detector over the scan view `v`; detections may overlap (the caller merges). */
export function detect(v: string, options: DetectOptions = {}): Detection[] {
  const compoundSurnames = options.compoundSurnames ?? COMPOUND_SURNAMES;
  const out: Detection[] = [];
  detectDigitRuns(v, out);
  each(PAREN_LANDLINE, v, (m) => out.push({ start: m.index, end: m.index + m[0].length, kind: 'phone', rule: 'pattern.phone' }));
  each(EMAIL, v, (m) => out.push({ start: m.index, end: m.index + m[0].length, kind: 'email', rule: 'pattern.email' }));
  each(PLATE, v, (m) => {
    if (plateBodyValid((m[1] ?? m[2]) as string)) out.push({ start: m.index, end: m.index + m[0].length, kind: 'plate', rule: 'pattern.plate' });
  });
  each(CREDIT_CODE, v, (m) => {
    if (/[A-Z]/.test(m[0]) && checkCreditCode(m[0]).ok) out.push({ start: m.index, end: m.index + m[0].length, kind: 'creditCode', rule: 'pattern.creditCode' });
  });
  for (const c of CONTEXTS) {
    each(c.re, v, (m) => {
      const span = group1(m);
      if (!span) return;
      let value = v.slice(span.start, span.end).trimEnd();
      // '电话 0351-7654321 2025年…': a last group followed by 年/元/号… is a quantity, not part of the number
      const numeric = c.kind !== 'address' && c.kind !== 'birthDate';
      while (numeric && /\s/.test(value) && /[年月日元时点号个次人万倍]/.test(v[span.start + value.length] ?? '')) {
        value = value.slice(0, value.search(/\s\S*$/)).trimEnd();
      }
      if (numeric && !/[0-9A-Za-z]$/.test(value)) return;
      if (c.accept && !c.accept(value)) return;
      // the kept part of a masked value ('+86 183****1234') is not a value
      if (/[*＊]/.test(v[span.start + value.length] ?? '')) return;
      if (c.kind !== 'address' && (value.replace(/[^0-9A-Za-z]/g, '').length < 5)) return;
      const kind = c.kind === 'phone' && classifyDigits(value.replace(/[^0-9+]/g, '')) === 'mobile' ? 'mobile' : c.kind;
      out.push({ start: span.start, end: span.start + value.length, kind, rule: c.rule });
    });
  }
  each(ROLE_NAME, v, (m) => {
    const span = group1(m);
    if (!span) return;
    const name = roleName(v.slice(span.start, span.end), compoundSurnames);
    if (name) out.push({ start: span.start, end: span.start + name.length, kind: 'name', rule: 'role.name' });
  });
  const words = options.tagger ? positioned(v, options.tagger) : null;
  detectRoleNames(v, words, out);
  detectUnlabelledCards(v, out);
  detectAddressShapes(v, out);
  if (words && options.tagger) detectSegmentedNames(v, words, out, options.tagger);
  return out;
}

// ---------------------------------------------------------------------------
// issue 13: role cues with the complete surname list, word segmentation,
// addresses by their shape, cards without the Luhn check

interface Word extends TaggedWord, Span {}

function positioned(v: string, tagger: Tagger): Word[] | null {
  const words = tagger(v);
  const out: Word[] = [];
  let pos = 0;
  for (const w of words) {
    const at = v.indexOf(w.word, pos);
    if (at < 0 || at - pos > 2) return null; // the tagger changed the text: no positions
    out.push({ ...w, start: at, end: at + w.word.length });
    pos = at + w.word.length;
  }
  return out;
}

const HAN = /^[\u4e00-\u9fa5]$/;
/** Characters that never end a given name. */
const GIVEN_STOP = new Set('我你他她其之称说讲于在的等是和与及向对将也已未不了被到时因证言系为作均现经曾并又即就都还却仍从由把给让叫某＊*×Xx、，。；：,;:（）()“”"\'');
/** Words after a name that show a person acts or speaks (经询问，张伟表示…). */
const PERSON_CUES = /^(?:、|两人|二人|三人|带领|陪同|办理|接受|值班|当场|表示|称|说|讲|介绍|承认|证实|陈述|反映|供述|确认|辩称|指认|签字|签名|到场|在场|负责|驾驶|操作|作证|出具|提供|提出|交代|同志|先生|女士|师傅|等人|等|一人|本人|系|是|为|作为|因|在|于|将|把|向|对|到|曾|已|也|亦|均|的|现场|当场|自述|告知|报称|回答|答|认为|声称|同意|拒绝|不在|未|没有|与|和|及)/;
/** Officers' names are published ex ante (ORG-2), also in an enumeration after the title. */
const OFFICER_BEFORE = /(?:执法人员|执法员|承办人员|承办人|办案人员|审核人员|审核人|记录人|检查人员|监测人员)[:：]?(?:[\u4e00-\u9fa5]{2,4}[、，和及])*$/;
const PERSON_CUES_BEFORE = /(?:询问|问询|经询问|据|由|经|联系|通知|告知|委托|指派|安排|与|和|及|、|同|找到|约谈|雇佣|雇用|聘用|招用)$/;

function isNameTag(tag: string): boolean {
  return tag === 'nr' || tag === 'nrfg' || tag === 'nrt';
}

/** A name at `start` in `v`: surname + 1–2 given-name characters, or null. */
function nameAt(v: string, start: number): { end: number; surname: string } | null {
  const surname = leadingSurname(v.slice(start, start + 2));
  if (!surname) return null;
  let end = start + surname.length;
  let given = 0;
  while (given < 2 && end < v.length && HAN.test(v[end] as string) && !GIVEN_STOP.has(v[end] as string)) {
    end++;
    given++;
  }
  return given === 0 ? null : { end, surname };
}

/** The word of `words` starting at `pos`, if any. */
function wordAt(words: readonly Word[] | null, pos: number): Word | undefined {
  return words?.find((w) => w.start === pos);
}

/** Common words of enforcement texts that start with a surname character and that the segmenter may tag as a name. */
const NOT_NAMES = new Set(['银行', '陈述', '查明', '查处', '查封', '查验', '查阅', '金额', '高度', '程序', '管理', '周边', '万元', '于是', '和解', '时间', '安全', '成本', '全部', '方面', '常年', '明显', '平方', '钱款', '史料', '宁可', '冯河', '马上', '黄河', '江河', '林地', '田地', '石料', '强制', '应当', '向其', '司法', '祝贺', '申辩', '申请', '车间', '车辆', '白天', '曾经', '何时', '任何', '余额', '周围', '孙子', '朱砂', '胡同', '郭外', '罗列', '梁柱', '宋体', '谢绝', '唐突', '许可', '韩国', '邓小平', '曹操', '彭湃', '曾用', '毛重', '焦化', '施工', '雷同', '汤剂', '齐全', '齐备', '齐整', '左右', '上述', '项目', '经营', '元整', '严重', '伍仟', '文件', '卫生']);
/** Tags of a character split off that make it a word, not a surname (高/a 浓度, 于/p 是). */
const SPLIT_NOT_NAME = new Set(['a', 'ad', 'an', 'd', 'p', 'c', 'u', 'uj', 'ul', 'ud', 'uz', 'v', 'vn', 'f', 'r', 'm', 'y', 'e', 'o']);
const FUNCTION_TAGS = new Set(['p', 'c', 'd', 'u', 'r', 'v', 'vn', 'f', 'q', 'm', 'y', 'e', 'o', 'a', 'ad', 'uj', 'ul', 'ud', 'ug', 'uz', 'uv', 'zg']);

/**
 * Names after a role word, also enumerated (证人于海洋、方明和萧峰), with the
 * complete surname list. A surname that is also a word (于、方、向、和 …) is
 * confirmed by the segmentation (the word starting there is a name, or is
 * not a function word); without a segmenter it is flagged, not masked.
 */
function detectRoleNames(v: string, words: readonly Word[] | null, out: Detection[]): void {
  const roleRe = new RegExp(`(?:${ROLE_WORDS})(?:[:：]|\\s)?`, 'g');
  for (let m = roleRe.exec(v); m; m = roleRe.exec(v)) {
    let pos = m.index + m[0].length;
    for (let k = 0; k < 6; k++) {
      const n = nameAt(v, pos);
      if (!n) break;
      const common = n.surname.length === 2 || (COMMON_SURNAMES.includes(n.surname) && !AMBIGUOUS_SURNAMES.includes(n.surname));
      let uncertain = !common;
      let end = n.end;
      const w = wordAt(words, pos);
      if (w) {
        if (isNameTag(w.tag)) {
          uncertain = false;
          if (w.word.length >= 2) end = Math.min(w.end, pos + 4);
        } else if (w.word.length === n.surname.length && FUNCTION_TAGS.has(w.tag) && !common) {
          if (!PERSON_CUES.test(v.slice(n.end, n.end + 4))) break; // 证人和当事人, 举报人向我局反映
          uncertain = true; // 员工和明在场: 和 may be a word or a surname
        } else if (k > 0) {
          uncertain = false; // the second name of an enumeration after a role word (证人于海洋、方明)
        } else if (w.word.length > n.surname.length && FUNCTION_TAGS.has(w.tag)) {
          break; // 证人陈述, 员工反映: a verb, not a name
        } else if (w.word.length > n.surname.length && !common) {
          uncertain = true; // 业主单位, 员工方明: a word that may be a name
        }
      }
      out.push({ start: pos, end, kind: 'name', rule: 'role.name', ...(uncertain ? { uncertain } : {}) });
      // an enumeration goes on after 、 和 及 与 ，
      const sep = /^(?:、|和|及|与|，|,)/.exec(v.slice(end));
      if (!sep) break;
      pos = end + sep[0].length;
    }
  }
}

/** 16–19 digits starting like a bank card (62 银联, 4 Visa, 5 MasterCard) that fail Luhn: flagged, not masked. */
function detectUnlabelledCards(v: string, out: Detection[]): void {
  for (const m of v.matchAll(/(?<![0-9A-Za-z])(?:62|4\d|5[1-5])\d{14,17}(?![0-9A-Za-z])/g)) {
    if (m.index === undefined) continue;
    if (out.some((d) => d.start <= m.index! && m.index! + m[0].length <= d.end)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'bankCard', rule: 'shape.bankCard', uncertain: true });
  }
}

const NUM = '[0-9一二三四五六七八九十零〇]+';
/** A character of a place name: no punctuation, digits or the verbs and pronouns that come before an address. */
const PLACE = '[^\\s，。；：、,;:（）()“”"0-9A-Za-z位于在住是为的该其家之和与及从到至向]';
/** An organisation's premises, not a person's home. */
const ORG_BEFORE = /(?:公司|厂|企业|单位|机关|局|站|所|场|店|合作社|中心|医院|学校|经营场所|生产场所|注册地|营业地|办公地)[^，。；]{0,6}$/;
const ADDRESS_SHAPE = new RegExp(
  `(?:${PLACE}{2,8}?(?:省|自治区))?(?:${PLACE}{2,8}?(?:市|自治州|盟))?(?:${PLACE}{1,8}?(?:区|县|旗))?(?:${PLACE}{1,8}?(?:街道|镇|乡))?` +
    `(?:${PLACE}{1,10}?(?:村|社区|小区|花园|家园|新村|公寓|苑))?` +
    `(?:(?:${PLACE}|[0-9]){1,10}?(?:大街|大道|路|街|巷|弄|胡同)${NUM}号(?:院)?|${PLACE}{2,10}?(?:小区|花园|家园|新村|公寓|苑)(?=${NUM}(?:号楼|栋|幢)))` +
    `(?:${NUM}(?:号楼|栋|幢|座|单元|层|楼|室|户|号))*`,
  'g',
);
const RESIDENTIAL = /(?:号楼|栋|幢|单元|室|户)$/;
const LEADING_NON_ADDRESS = /^(?:住所地|住所|地址|所在地|所|址|地|其家|家住|住在|位于|居住在|居住于|住于|现住|其|家|在|于|位|住|系|是|为|到|至|从|由)+/;
const HOME_BEFORE = /(?:其家|家住|住在|住址|住所|居所|居住|家庭|户籍|租住|暂住|住于|现住|老家|家中|家里|其家位于|位于)[^，。；]{0,6}$/;

/** Addresses by their shape (路/街 + 号, 单元/室), with or without a label: residential or near a home word → masked; otherwise flagged. */
function detectAddressShapes(v: string, out: Detection[]): void {
  for (const m of v.matchAll(ADDRESS_SHAPE)) {
    if (m.index === undefined || m[0].length < 4) continue;
    const lead = LEADING_NON_ADDRESS.exec(m[0])?.[0].length ?? 0;
    const start = m.index + lead;
    const end = m.index + m[0].length;
    if (end - start < 4 || !/(?:号|室|户|单元|栋|幢)$/.test(m[0])) continue;
    if (ORG_BEFORE.test(v.slice(Math.max(0, start - 12), start))) continue;
    const home = RESIDENTIAL.test(m[0]) || HOME_BEFORE.test(v.slice(Math.max(0, start - 12), start));
    out.push({ start, end, kind: 'address', rule: 'shape.address', ...(home ? {} : { uncertain: true }) });
  }
}

/**
 * Names found by word segmentation (经询问，张伟表示… / 欧阳娜娜负责…): each
 * surname (complete list) starting a word, with one or two given-name
 * characters ending on a word boundary, is scored — a part tagged as a
 * person name (+2), characters the segmenter could not join into a word
 * (+1), a 复姓 or an unambiguous common surname (+1), a person cue after it
 * (表示、称、负责 …, +1) or before it (经询问、据、与 …, +1); a dictionary word
 * that is a verb, adverb, measure … (陈述、查明、万元) is no name (−3).
 * 4 or more is masked, 2–3 flagged 疑似个人信息.
 */
function detectSegmentedNames(v: string, words: readonly Word[], out: Detection[], tagger: Tagger): void {
  // a dictionary word the segmenter tagged as a name in context (陈述/nr after a bracket): its own tag decides
  const ownTag = (w: Word): string => {
    if (!isNameTag(w.tag) || w.word.length < 2) return w.tag;
    const alone = tagger(w.word);
    return alone.length === 1 ? (alone[0] as TaggedWord).tag : w.tag;
  };
  const ends = new Set(words.map((w) => w.end));
  for (const w of words) {
    const surname = leadingSurname(v.slice(w.start, w.start + 2));
    if (!surname || (surname.length === 2 && w.word.length === 1)) continue;
    if (NOT_NAMES.has(v.slice(w.start, w.start + 2))) continue;
    if (OFFICER_BEFORE.test(v.slice(Math.max(0, w.start - 16), w.start))) continue; // officers are public (ORG-2)
    let best: { end: number; score: number } | null = null;
    for (const len of [surname.length + 2, surname.length + 1]) {
      const end = w.start + len;
      if (end > v.length || !ends.has(end)) continue;
      const given = v.slice(w.start + surname.length, end);
      if ([...given].some((c) => GIVEN_STOP.has(c) || !HAN.test(c))) continue;
      const inside = words.filter((x) => x.start >= w.start && x.end <= end).map((x) => ({ ...x, tag: ownTag(x) }));
      const first = inside[0] as Word;
      let score = 0;
      if (inside.some((x) => isNameTag(x.tag))) score += 2;
      if (inside.length === 1 && !isNameTag(first.tag) && (FUNCTION_TAGS.has(first.tag) || /^(?:ns|nt|t|s|l|i|j)$/.test(first.tag))) score -= 3;
      // a verb after the surname is no given name (经/询问, 经/监测)
      if (inside.length > 1 && inside.slice(1).some((x) => x.word.length >= 2 && /^(?:v|vn|vd|p|c|r)$/.test(x.tag))) score -= 2;
      // the surname split off as a word of its own (张/q 伟/zg, 平 立新): the segmenter did not know the whole
      if (inside.length > 1 && inside[0]!.word === surname && !SPLIT_NOT_NAME.has(inside[0]!.tag)) score += 1;
      if (surname.length === 2 || (COMMON_SURNAMES.includes(surname) && !AMBIGUOUS_SURNAMES.includes(surname))) score += 1;
      if (PERSON_CUES.test(v.slice(end, end + 4))) score += 1;
      const before = v.slice(Math.max(0, w.start - 4), w.start);
      // a cue word before it, or the start of a clause (the subject's place: 次日，和伟到我局…)
      if (PERSON_CUES_BEFORE.test(before.replace(/[，,：:\s]+$/, '')) || before === '' || /[，。；！？,;]$/.test(before)) score += 1;
      if (!best || score > best.score) best = { end, score };
    }
    if (!best || best.score < 2) continue;
    if (out.some((d) => d.kind === 'name' && !d.uncertain && d.start <= w.start && best!.end <= d.end)) continue;
    out.push({ start: w.start, end: best.end, kind: 'name', rule: 'segment.name', ...(best.score >= 4 ? {} : { uncertain: true }) });
  }
}
