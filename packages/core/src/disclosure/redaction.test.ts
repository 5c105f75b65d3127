import { describe, expect, it } from 'vitest';
import type { Party } from '../cases/party.js';
import { AppError } from '../errors.js';
import { creditCodeCheckChar, idNumberCheckChar } from '../identity/identity.js';
import { classifyDigits, isResidentId15, isResidentId18, luhnValid } from './detectors.js';
import { maskFor } from './masking.js';
import { type RedactionSources, applyOverrides, birthDateVariants, detectSensitive, originalText, redact, sensitiveLeaks } from './redaction.js';

const id18 = (first17: string) => first17 + idNumberCheckChar(first17);
const code18 = (first17: string) => first17 + creditCodeCheckChar(first17);

const REP_ID = id18('14010519800101123'); // 1980-01-01
const PERSON_ID = id18('62010219900307002'); // 1990-03-07
const WITNESS_ID = id18('11010519491231002');
const ORG_CODE = code18('91140100MA0K6A2C3');
const OTHER_CODE = code18('91620102MA7B9X1L4');

const ORG: Party = {
  kind: 'organisation',
  name: '太原恒达化工有限公司',
  creditCode: ORG_CODE,
  legalRepresentative: { name: '王伟华', idType: 'residentId', idNumber: REP_ID },
  address: '山西省太原市小店区平阳路88号',
  contacts: [{ kind: 'mobile', value: '13912345678' }],
  minor: false,
};
const CITIZEN: Party = {
  kind: 'naturalPerson',
  name: '李建国',
  idType: 'residentId',
  idNumber: PERSON_ID,
  address: '甘肃省兰州市城关区张掖路12号3单元502室',
  contacts: [{ kind: 'mobile', value: '13800138000' }, { kind: 'email', value: 'lijianguo@163.com' }],
  minor: false,
};

const run = (text: string, sources: RedactionSources = {}) => redact(text, { profile: 'SX25', ...sources });

describe('PUB-4 · SX25-P 16(一): identity numbers (NAT-13 · GB 11643)', () => {
  it('NAT-13: an 18-digit ID with a valid check character is masked as first 4 + last 4', () => {
    const r = run(`身份证${WITNESS_ID}。`);
    expect(r.text).toBe('身份证1101**********002X。');
    expect(r.masks[0]).toMatchObject({ kind: 'idNumber', source: 'pattern', reason: '身份证件号码（SX25-P 第十六条（一））' });
  });

  it('an 18-digit number with a wrong check character is not an ID by itself, but is masked when labelled as one', () => {
    const wrong = `${WITNESS_ID.slice(0, 17)}${WITNESS_ID.endsWith('1') ? '2' : '1'}`;
    expect(isResidentId18(wrong)).toBe(false);
    expect(classifyDigits(wrong)).not.toBe('idNumber');
    expect(run(`公民身份号码：${wrong}`).text).toBe(`公民身份号码：1101**********${wrong.slice(14)}`);
  });

  it('15-digit IDs of the old format (YYMMDD inside) are masked; other 15-digit numbers are not', () => {
    expect(isResidentId15('110105491231002')).toBe(true);
    expect(isResidentId15('110105491331002')).toBe(false); // month 13
    expect(run('旧证号110105491231002').text).toBe('旧证号1101********002');
    expect(run('编号110105491331002').text).toBe('编号110105491331002');
  });

  it('IDs split by spaces or written in full-width digits are found', () => {
    const spaced = `${WITNESS_ID.slice(0, 6)} ${WITNESS_ID.slice(6, 14)} ${WITNESS_ID.slice(14)}`;
    expect(run(spaced).text).toBe('1101** ******** 002X');
    const fullWidth = WITNESS_ID.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(run(`号码${fullWidth}`).text).toBe(`号码１１０１**********００２X`);
  });

  it('SX25-P 16(一): the birth date of a known ID number is masked in every written form', () => {
    expect(birthDateVariants(PERSON_ID)).toEqual(['1990年3月7日', '1990年03月07日', '19900307']);
    const r = run('其生日为1990年3月7日，档案记为1990-03-07，另记1990.03.07。', { parties: [CITIZEN] });
    expect(r.text).toBe('其生日为****年*月*日，档案记为****-**-**，另记****.**.**。');
    // and labelled birth dates of persons the case does not know
    expect(run('出生日期：1975年11月2日').text).toBe('出生日期：****年**月*日');
  });
});

describe('PUB-4 · SX25-P 16(一): contacts', () => {
  it.each([
    ['13800138000', '138****8000'],
    ['138 0013 8000', '138 **** 8000'],
    ['138-0013-8000', '138-****-8000'],
    ['+86 13800138000', '+86 138****8000'],
    ['+86-138-0013-8000', '+86-138-****-8000'],
    ['１３８００１３８０００', '１３８****８０００'],
    ['一三八〇〇一三八〇〇〇', '一三八****八〇〇〇'],
  ])('mobile %s → %s', (input, masked) => {
    expect(run(`电话${input}。`).text).toBe(`电话${masked}。`);
  });

  it.each([
    ['0351-7654321', '0351-*****21'],
    ['(0351)7654321', '(0351)*****21'],
    ['010-87654321', '010-******21'],
    ['03517654321', '0351*****21'],
  ])('landline %s → %s (area code and last 2 kept)', (input, masked) => {
    expect(run(`座机${input}。`).text).toBe(`座机${masked}。`);
  });

  it('e-mail addresses keep the first character and the domain', () => {
    expect(run('邮箱zhang.wei88@example.cn。').text).toBe('邮箱z***@example.cn。');
  });

  it('QQ and WeChat ids after their label are masked', () => {
    expect(run('微信：wxid_abc123，QQ：12345678').text).toBe('微信：****_******，QQ：********');
  });

  it('a labelled phone stops before a following quantity or date', () => {
    expect(run('联系电话：0351-7654321 2025年3月到场').text).toBe('联系电话：0351-*****21 2025年3月到场');
  });

  it('the agency hotline and other short numbers stay', () => {
    const text = '举报热线12369，罚款人民币200000元，浓度为811mg/L，编号JC-2025-157，2025年3月12日。';
    expect(run(text).text).toBe(text);
  });
});

describe('PUB-4 · SX25-P 16(一)(三); GS-P 9(二)(三): bank accounts and property', () => {
  it('bank cards passing Luhn are masked as first 4 + last 4; grouped cards too', () => {
    const card = '6222021234567890128';
    expect(luhnValid(card)).toBe(true);
    expect(run(`卡${card}`).text).toBe('卡6222***********0128');
    expect(run('卡6222 0212 3456 7890 128').text).toBe('卡6222 **** **** ***0 128');
  });

  it('a long number failing Luhn is kept unless labelled as an account', () => {
    expect(run('流水号6222021234567890123').text).toBe('流水号6222021234567890123');
    expect(run('开户行中国银行太原分行，账号：140301234567890').text).toBe('开户行中国银行太原分行，账号：1403*******7890');
  });

  it('property certificate numbers and vehicle identification numbers are masked', () => {
    expect(run('晋（2020）太原市不动产权第0012345号').text).toBe('晋（2020）太原市不动产权第*******号');
    expect(run('车辆识别代号LSVAU2180N2183294').text).toBe('车辆识别代号LS***************');
  });

  it.each([
    ['晋A12345', '晋A*****'],
    ['晋A·12345', '晋A·*****'],
    ['晋AD12345', '晋A******'],
    ['甘A12345F', '甘A******'],
    ['湘U1234挂', '湘U*****'],
  ])('vehicle plate %s → %s', (plate, masked) => {
    expect(run(`车辆${plate}停在厂区`).text).toBe(`车辆${masked}停在厂区`);
  });
});

describe('PUB-4 · SX25-P 15(二), 16(二): the parties', () => {
  it('SX25-P 15(二): an organisation keeps its name, credit code and legal representative; the representative\'s ID and the contacts are masked', () => {
    const text = `当事人太原恒达化工有限公司（统一社会信用代码${ORG_CODE}），住所山西省太原市小店区平阳路88号，法定代表人王伟华（身份证号码${REP_ID}，手机13912345678），1980年1月1日出生。`;
    const r = run(text, { parties: [ORG] });
    expect(r.text).toBe(
      `当事人太原恒达化工有限公司（统一社会信用代码${ORG_CODE}），住所山西省太原市小店区平阳路88号，法定代表人王伟华（身份证号码1401**********${REP_ID.slice(14)}，手机139****5678），****年*月*日出生。`,
    );
    expect(r.masks.find((m) => m.kind === 'idNumber')?.reason).toBe('法定代表人（负责人）的身份证件号码（SX25-P 第十六条（一））');
  });

  it('SX25-P 15(二): a punished citizen\'s name is published; ID, address (up to the district), contacts are masked', () => {
    const text = `当事人李建国，身份证号码${PERSON_ID}，住址甘肃省兰州市城关区张掖路12号3单元502室，电话13800138000，邮箱lijianguo@163.com。李建国住在张掖路12号3单元502室。`;
    const r = run(text, { parties: [CITIZEN] });
    expect(r.text).toBe('当事人李建国，身份证号码6201**********' + PERSON_ID.slice(14) + '，住址甘肃省兰州市城关区****，电话138****8000，邮箱l***@163.com。李建国住在****。');
  });

  it('GS-P 8, 9(一): under GS19 the punished citizen appears by surname only (王某), with GS-P citations', () => {
    const r = redact('当事人李建国于2025年3月1日到场。', { profile: 'GS19', parties: [CITIZEN] });
    expect(r.text).toBe('当事人李某于2025年3月1日到场。');
    expect(r.masks[0]?.reason).toBe('当事人的自然人姓名（GS-P 第九条（一））');
    // the profile's policy can be overridden explicitly
    expect(redact('当事人李建国', { profile: 'GS19', parties: [CITIZEN], partyName: 'full' }).text).toBe('当事人李建国');
  });

  it('SX25-P 16(四): a minor is masked altogether, the name as 某某', () => {
    const minor: Party = { ...CITIZEN, name: '张小明', minor: true };
    const r = run(`当事人张小明（身份证号码${PERSON_ID}）`, { parties: [minor] });
    expect(r.text).toBe(`当事人某某（身份证号码6201**********${PERSON_ID.slice(14)}）`);
    expect(r.masks[0]?.reason).toContain('SX25-P 第十六条（四）');
  });

  it('an individual business keeps its name, code and operator; the operator\'s ID and the address are masked', () => {
    const biz: Party = {
      kind: 'individualBusiness',
      name: '小店区伟华五金经营部',
      creditCode: ORG_CODE,
      operator: { name: '赵伟', idType: 'residentId', idNumber: REP_ID },
      address: '山西省太原市小店区亲贤街9号',
      minor: false,
    };
    const r = run(`小店区伟华五金经营部，经营者赵伟，身份证${REP_ID}，经营场所山西省太原市小店区亲贤街9号。`, { parties: [biz] });
    expect(r.text).toBe(`小店区伟华五金经营部，经营者赵伟，身份证1401**********${REP_ID.slice(14)}，经营场所山西省太原市小店区****。`);
  });
});

describe('PUB-4 · SX25-P 16(二): other persons and organisations the case knows', () => {
  const known: RedactionSources['known'] = [
    { kind: 'name', value: '欧阳娜娜', label: '证人' },
    { kind: 'idNumber', value: WITNESS_ID, label: '证人' },
    { kind: 'phone', value: '0351-7654321', label: '证人' },
    { kind: 'address', value: '山西省晋中市榆次区顺城街5号', label: '证人' },
    { kind: 'organisation', value: '晋中鑫源物流有限公司', label: '第三方单位' },
    { kind: 'tradeSecret', value: '配方A-17', label: '当事人' },
  ];

  it('witnesses, their identifiers, third-party organisations and trade secrets are masked with their role in the reason', () => {
    const text = `证人欧阳娜娜（电话03517654321）住顺城街5号，受雇于晋中鑫源物流有限公司，知悉配方A-17。`;
    const r = run(text, { known });
    expect(r.text).toBe('证人欧阳某（电话0351*****21）住****，受雇于某有限公司，知悉***。');
    expect(r.masks.map((m) => m.reason)).toEqual([
      '证人的自然人姓名（SX25-P 第十六条（二））',
      '证人的固定电话号码（SX25-P 第十六条（一））',
      '证人的家庭住址（SX25-P 第十六条（一））',
      '第三方单位的第三方组织名称（SX25-P 第十六条（二））',
      '当事人的商业秘密（SX25-P 第十六条（五））',
    ]);
  });

  it('known values are found with spaces, hyphens or full-width characters inside', () => {
    const r = run('欧阳 娜娜到场。', { known, patterns: false });
    expect(r.text).toBe('欧阳某到场。');
  });

  it('a third party\'s credit code is masked; the party\'s own stays', () => {
    const r = run(`当事人代码${ORG_CODE}，受托方代码${OTHER_CODE}。`, { parties: [ORG] });
    expect(r.text).toBe(`当事人代码${ORG_CODE}，受托方代码91****************。`);
  });

  it('names after role words are masked even when the case does not list them; plain words after role words are not', () => {
    expect(run('驾驶员钱七称车辆为其所有，举报人孙丽丽反映情况。').text).toBe('驾驶员钱某称车辆为其所有，举报人孙某反映情况。');
    const plain = '证人和当事人均到场，举报人向我局反映，员工宿舍位于厂区。';
    expect(run(plain).text).toBe(plain);
  });
});

describe('PUB-4: merging, public values and replacements', () => {
  it('overlapping hits become one mask (a phone inside an e-mail address)', () => {
    const r = run('邮箱13800138000@163.com');
    expect(r.masks).toHaveLength(1);
    expect(r.text).toBe('邮箱1***@163.com');
  });

  it('a value inside a public value is not masked (witness 王伟 inside legal representative 王伟华), with a warning', () => {
    const r = run('法定代表人王伟华到场，证人王伟称。', { parties: [ORG], known: [{ kind: 'name', value: '王伟', label: '证人' }] });
    expect(r.text).toBe('法定代表人王伟华到场，证人王某称。');
    expect(r.warnings.join()).toContain('位于须公开的信息之中');
  });

  it('a sensitive value around a public one is masked (witness 李建国华 around the published citizen 李建国)', () => {
    const r = run('李建国与证人李建国华', { parties: [CITIZEN], known: [{ kind: 'name', value: '李建国华', label: '证人' }] });
    expect(r.text).toBe('李建国与证人李某');
  });

  it('a sensitive value equal to a public one is kept and reported', () => {
    const r = run('王伟华', { parties: [ORG], known: [{ kind: 'name', value: '王伟华', label: '证人' }] });
    expect(r.text).toBe('王伟华');
    expect(r.warnings[0]).toContain('与须公开的信息相同');
  });

  it('`public` values (the decision number, the agency\'s phone) are never masked', () => {
    const text = '晋环罚〔2025〕12号，联系电话：0351-5566778。';
    expect(run(text, { public: ['晋环罚〔2025〕12号', '0351-5566778'] }).text).toBe(text);
    expect(run(text).text).toBe('晋环罚〔2025〕12号，联系电话：0351-*****78。');
  });

  it('a replacement never re-introduces the original (a known name already written as 王某)', () => {
    const r = run('王某到场', { known: [{ kind: 'name', value: '王某', label: '证人' }] });
    expect(r.text).toBe('某某到场');
  });

  it('originalText rebuilds the input from the output and the masks', () => {
    const text = `证人欧阳娜娜，电话13800138000，身份证${WITNESS_ID}，邮箱a@b.cn。`;
    const r = run(text, { known: [{ kind: 'name', value: '欧阳娜娜' }] });
    expect(originalText(r)).toBe(text);
  });
});

describe('PUB-4, PUB-5 · SX25-P 19 第二款: clerk overrides', () => {
  const text = '证人赵六（电话13800138000）称，另有车辆晋A12345。第三方钱多多同意公开。';
  const sources: RedactionSources = { profile: 'SX25', known: [{ kind: 'name', value: '赵六', label: '证人' }] };

  it('add: a span or every occurrence of a value, merged with what is there', () => {
    const base = redact(text, sources);
    const bySpan = applyOverrides(base, [{ action: 'add', start: text.indexOf('钱多多'), end: text.indexOf('钱多多') + 3, reason: '第三方姓名', kind: 'name' }]);
    expect(bySpan.text).toBe('证人赵某（电话138****8000）称，另有车辆晋A*****。第三方钱某同意公开。');
    const byValue = applyOverrides(base, [{ action: 'add', value: '13800138000', reason: '重复', kind: 'mobile' }]);
    expect(byValue.masks).toHaveLength(base.masks.length);
    expect(bySpan.masks.at(-1)?.reason).toMatch(/^人工隐去：第三方姓名/);
  });

  it('lift: needs a reason; the lifted mask is kept with its reason and the guard allows it', () => {
    const base = redact(text, sources);
    expect(() => applyOverrides(base, [{ action: 'lift', value: '晋A12345', reason: ' ' }])).toThrow(AppError);
    const lifted = applyOverrides(base, [{ action: 'lift', value: '晋A12345', reason: '车辆所有人书面同意公开', ground: 'thirdPartyConsent' }]);
    expect(lifted.text).toBe('证人赵某（电话138****8000）称，另有车辆晋A12345。第三方钱多多同意公开。');
    expect(lifted.lifted).toEqual([expect.objectContaining({ original: '晋A12345', liftReason: '车辆所有人书面同意公开', ground: 'thirdPartyConsent' })]);
    expect(sensitiveLeaks(lifted.text, sources)).toHaveLength(1);
    expect(sensitiveLeaks(lifted.text, sources, { allow: lifted.lifted.map((m) => m.original) })).toEqual([]);
  });

  it('lift by span lifts every mask it touches; a span outside the text is refused', () => {
    const base = redact(text, sources);
    const lifted = applyOverrides(base, [{ action: 'lift', start: 2, end: 3, reason: '证人书面同意公开', ground: 'thirdPartyConsent' }]);
    expect(lifted.text.startsWith('证人赵六')).toBe(true);
    expect(() => applyOverrides(base, [{ action: 'lift', start: 0, end: 999, reason: 'x' }])).toThrow(AppError);
  });
});

describe('PUB-4: sensitiveLeaks — the guard before publishing', () => {
  const sources: RedactionSources = { profile: 'SX25', parties: [ORG], known: [{ kind: 'name', value: '赵六', label: '证人' }, { kind: 'phone', value: '13800138000', label: '证人' }] };

  it('refuses raw text and accepts its redaction', () => {
    const raw = `证人赵六，电话13800138000，法定代表人王伟华（${REP_ID}），代码${ORG_CODE}。`;
    const leaks = sensitiveLeaks(raw, sources);
    expect(leaks.map((l) => l.kind)).toEqual(expect.arrayContaining(['name', 'mobile', 'idNumber']));
    expect(leaks.every((l) => !l.display.includes('13800138000') && !l.display.includes('赵六'))).toBe(true);
    expect(sensitiveLeaks(redact(raw, sources).text, sources)).toEqual([]);
  });

  it('finds known values with spaces or hyphens removed, and in full-width or Chinese numerals', () => {
    for (const v of ['赵 六', '1 3 8 0 0 1 3 8 0 0 0', '138-0013-8000', '１３８００１３８０００', '一三八〇〇一三八〇〇〇']) {
      expect(sensitiveLeaks(`记录：${v}。`, sources).length, v).toBeGreaterThan(0);
    }
  });

  it('public values are not leaks', () => {
    expect(sensitiveLeaks(`法定代表人王伟华，代码${ORG_CODE}，太原恒达化工有限公司`, sources)).toEqual([]);
  });

  it('detectSensitive lists detector hits with their rule', () => {
    expect(detectSensitive('手机13800138000').map((d) => [d.kind, d.rule])).toEqual(expect.arrayContaining([['mobile', 'pattern.mobile']]));
  });

  it('maskFor never returns its input for the kinds with a style', () => {
    for (const [kind, v] of [['idNumber', WITNESS_ID], ['mobile', '13800138000'], ['name', '王五'], ['email', 'a@b.cn'], ['address', '太原市小店区平阳路1号']] as const) {
      expect(maskFor(kind, v)).not.toBe(v);
    }
  });
});
