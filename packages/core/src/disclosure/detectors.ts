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
import { COMPOUND_SURNAMES, type Span } from './text.js';

/** One detected value. */
export interface Detection extends Span {
  kind: SensitiveKind;
  /** Which detector found it, e.g. 'pattern.idNumber', 'context.phone', 'role.name'. */
  rule: string;
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
export function detect(v: string, options: { compoundSurnames: readonly string[] } = { compoundSurnames: COMPOUND_SURNAMES }): Detection[] {
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
    const name = roleName(v.slice(span.start, span.end), options.compoundSurnames);
    if (name) out.push({ start: span.start, end: span.start + name.length, kind: 'name', rule: 'role.name' });
  });
  return out;
}
