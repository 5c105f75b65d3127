/**
 * Issue 13 item 4 — PUB-4 · SX25-P 16(一): names no one registered.
 *
 * Measured on the repository corpus (test-corpus.ts, 600 decisions with the
 * persons the case knows) plus a generated set of free-text names the case
 * does not know: employees and bystanders named without a role word (经询问，
 * 张伟表示…), with surnames that are also words (于、方、向、和 …), 复姓 and
 * rare surnames. Detection uses the complete surname list and word
 * segmentation with part-of-speech tags (@node-rs/jieba, passed in as a
 * tagger as the server does). Figures are printed on every run.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { describe, expect, it } from 'vitest';
import type { Tagger } from './detectors.js';
import { redact, sensitiveLeaks } from './redaction.js';
import { ALL_COMPOUND_SURNAMES, ALL_SINGLE_SURNAMES, AMBIGUOUS_SURNAMES, leadingSurname } from './surnames.js';
import { Rng, generateCorpus } from './test-corpus.js';
import { compact, compactView, findCompact, overlaps } from './text.js';

const jieba = Jieba.withDict(dict);
const tagger: Tagger = (t) => jieba.tag(t);

const SURNAMES = ['于', '方', '萧', '向', '和', '时', '成', '安', '常', '明', '平', '张', '王', '李', '刘', '陈', '黎', '岑', '佘', '覃', '邝', '毕', '练', '欧阳', '司马', '诸葛', '上官', '令狐', '慕容', '东方', '皇甫', '付', '肖', '闫', '郝', '甘', '牛', '申', '姬', '聂'];
const GIVEN = ['伟', '娜娜', '海洋', '明', '峰', '建国', '秀英', '志强', '晓东', '丽', '文博', '子涵', '桂兰', '振华', '玉梅', '国庆', '红霞', '俊杰', '雨轩', '德胜', '春生', '冬梅', '立新', '凤英', '长江'];
const TEMPLATES: readonly ((a: string, b: string) => string)[] = [
  (a) => `经询问，${a}表示对排污情况不知情。`,
  (a) => `${a}负责该厂的日常环保管理工作。`,
  (a) => `现场由${a}带领执法人员检查生产车间。`,
  (a) => `据${a}介绍，该设备已停用两个月。`,
  (a) => `${a}承认未按规定运行污染防治设施。`,
  (a, b) => `${a}、${b}两人当场签字确认。`,
  (a) => `次日，${a}到我局接受询问并如实陈述。`,
  (a) => `与${a}联系后，执法人员再次前往现场。`,
  (a, b) => `工人${a}和${b}在场。`,
  (a) => `车间主任${a}称，废水直接排入厂外沟渠。`,
  (a) => `员工${a}在污水处理站值班。`,
  (a) => `该厂委托${a}办理环评手续。`,
];

interface NameCase {
  text: string;
  names: string[];
}

function freeTextNames(count: number): NameCase[] {
  const rng = new Rng(13);
  const out: NameCase[] = [];
  for (let i = 0; i < count; i++) {
    const name = () => rng.pick(SURNAMES) + rng.pick(GIVEN);
    const a = name();
    let b = name();
    while (b === a) b = name();
    const t = TEMPLATES[i % TEMPLATES.length]!;
    const text = t(a, b);
    out.push({ text, names: [a, b].filter((n) => text.includes(n)) });
  }
  return out;
}

describe('surnames: a complete list (百家姓 single and 复姓, plus modern forms)', () => {
  it('has the surnames the issue found missing and the 复姓', () => {
    for (const s of ['于', '方', '萧', '肖', '付', '覃', '闫', '佘']) expect(ALL_SINGLE_SURNAMES).toContain(s);
    expect(ALL_SINGLE_SURNAMES.length).toBeGreaterThan(450);
    expect(ALL_COMPOUND_SURNAMES.length).toBeGreaterThanOrEqual(60);
    expect(leadingSurname('欧阳娜娜')).toBe('欧阳');
    expect(leadingSurname('于海洋')).toBe('于');
    for (const s of AMBIGUOUS_SURNAMES) expect(ALL_SINGLE_SURNAMES, s).toContain(s);
  });
});

describe('PUB-4 · SX25-P 16(一): detection of names, addresses and cards no one registered', () => {
  it('the issue’s misses: names without a role word, 于/方/萧 after a role word, an address without a label, a card failing Luhn', () => {
    const r = (t: string) => redact(t, { profile: 'SX25', tagger });
    expect(r('经询问，张伟表示其不知情。').text).toBe('经询问，张某表示其不知情。');
    expect(r('欧阳娜娜负责现场管理。').text).toBe('欧阳某负责现场管理。');
    expect(r('员工于海洋、方明和萧峰在场。').text).toBe('员工于某、方某和萧某在场。');
    expect(r('其家位于太原市小店区胜利街12号4单元301室。').text).toBe('其家位于太原市小店区****。');
    expect(r('罚款已汇入其工资卡（6222 0212 3456 7890 124）。').text).not.toContain('3456');
    // not names: grammar after a role word, words starting with a surname character, officers
    expect(r('证人和当事人均到场，举报人向我局反映。').masks).toEqual([]);
    expect(r('业主单位为某公司，员工宿舍位于厂区。').masks).toEqual([]);
    expect(r('执法人员李强、王刚出示执法证件。').text).toBe('执法人员李强、王刚出示执法证件。');
    // an organisation's premises are not a home
    expect(r('该公司位于太原市小店区平阳路12号。').masks).toEqual([]);
  });

  it('without a segmenter an ambiguous surname after a role word is flagged 疑似个人信息, not missed', () => {
    const res = redact('员工方明在场。', { profile: 'SX25' });
    expect(res.masks).toEqual([]);
    expect(res.suspects.map((s) => s.original)).toEqual(['方明']);
    expect(res.suspects[0]!.reason).toMatch(/^疑似个人信息：/);
  });

  it('a house number on a road without a home word is flagged, a 16-digit 62… number failing Luhn too', () => {
    const res = redact('车辆停放于胜利街12号门前，票据号6222021234567890。', { profile: 'SX25', tagger });
    expect(res.suspects.map((s) => s.kind).sort()).toEqual(['address', 'bankCard']);
  });

  it('measured: free-text names ≥ 98 % masked or flagged; corpus: 0 registered-person leaks; false flags per decision printed', () => {
    const cases = freeTextNames(360);
    let total = 0;
    let caught = 0;
    const missed: string[] = [];
    for (const c of cases) {
      const res = redact(c.text, { profile: 'SX25', tagger });
      for (const n of c.names) {
        total++;
        const at = c.text.indexOf(n);
        const span = { start: at, end: at + n.length };
        const masked = !compact(res.text).includes(compact(n));
        const flagged = res.suspects.some((s) => overlaps(s, span));
        if (masked || flagged) caught++;
        else if (missed.length < 15) missed.push(`${n}: ${c.text}`);
      }
    }
    const rate = caught / total;

    const corpus = generateCorpus(600);
    let registeredLeaks = 0;
    let falseFlags = 0;
    let falseMasks = 0;
    const falseExamples: string[] = [];
    for (const doc of corpus) {
      const res = redact(doc.text, { ...doc.sources, tagger });
      const out = compact(res.text);
      for (const s of doc.sensitive) if (out.includes(compact(s.value))) registeredLeaks++;
      registeredLeaks += sensitiveLeaks(res.text, { ...doc.sources, tagger }).length;
      const view = compactView(doc.text);
      const planted = doc.sensitive.flatMap((s) => findCompact(view, s.value));
      const isPlanted = (x: { start: number; end: number }) => planted.some((p) => overlaps(p, x));
      for (const x of res.suspects) {
        if (!isPlanted(x)) {
          falseFlags++;
          if (falseExamples.length < 8) falseExamples.push(`flag ${x.original}`);
        }
      }
      for (const m of res.masks) {
        if (m.source === 'pattern' && !isPlanted(m)) {
          falseMasks++;
          if (falseExamples.length < 8) falseExamples.push(`mask ${m.original}`);
        }
      }
    }
    console.log(
      `[redaction corpus] free-text names: ${caught}/${total} masked or flagged (${(rate * 100).toFixed(1)} %)` +
        `; registered-person leaks in ${corpus.length} decisions: ${registeredLeaks}` +
        `; false flags per decision: ${(falseFlags / corpus.length).toFixed(3)} (${falseFlags})` +
        `; false masks per decision: ${(falseMasks / corpus.length).toFixed(3)} (${falseMasks})` +
        (missed.length ? `\n  missed: ${missed.join(' | ')}` : '') +
        (falseExamples.length ? `\n  false: ${falseExamples.join(' | ')}` : ''),
    );
    expect(registeredLeaks).toBe(0);
    expect(rate).toBeGreaterThanOrEqual(0.98);
    expect(falseFlags / corpus.length).toBeLessThan(0.5);
  }, 180_000);
});

describe('PUB-4 · SX25-P 16(一), 19 第二款: lifting masks on natural persons who are not the party', () => {
  const sources = { profile: 'SX25' as const, known: [{ kind: 'name' as const, value: '褚文博', label: '证人' }, { kind: 'idNumber' as const, value: '140105197803120015', label: '证人' }, { kind: 'phone' as const, value: '13600001111', label: '证人' }] };
  const text = '因证人褚文博（身份证号140105197803120015，电话13600001111）证实，当事人超标排放。';

  it('an ID number can never be unmasked, whatever the ground', async () => {
    const { applyOverrides } = await import('./redaction.js');
    const base = redact(text, sources);
    for (const ground of ['notPersonal', 'thirdPartyConsent', 'publicInterest'] as const) {
      expect(() => applyOverrides(base, [{ action: 'lift', value: '140105197803120015', reason: '核实', ground }])).toThrow(/不得解除隐去/);
    }
  });

  it('a witness’s name or phone is unmasked only on consent or public interest, never on “not personal”', async () => {
    const { applyOverrides, liftsNeedingConsent } = await import('./redaction.js');
    const base = redact(text, sources);
    expect(() => applyOverrides(base, [{ action: 'lift', value: '褚文博', reason: '不是个人信息', ground: 'notPersonal' }])).toThrow(/第十九条第二款/);
    expect(() => applyOverrides(base, [{ action: 'lift', value: '13600001111', reason: '无' }])).toThrow(/法定事由/);
    const ok = applyOverrides(base, [{ action: 'lift', value: '褚文博', reason: '证人书面同意公开姓名', ground: 'thirdPartyConsent' }]);
    expect(ok.text).toContain('褚文博');
    expect(liftsNeedingConsent(ok.lifted).map((l) => l.original)).toEqual(['褚文博']);
  });

  it('a 疑似个人信息 is dismissed with a recorded reason, or masked by an added mask', async () => {
    const { applyOverrides } = await import('./redaction.js');
    const base = redact('员工方明在场。', { profile: 'SX25' });
    expect(base.suspects).toHaveLength(1);
    expect(() => applyOverrides(base, [{ action: 'dismiss', value: '方明', reason: ' ' }])).toThrow();
    const dismissed = applyOverrides(base, [{ action: 'dismiss', value: '方明', reason: '方明为设备型号' }]);
    expect(dismissed.suspects).toEqual([]);
    expect(dismissed.dismissed).toEqual([expect.objectContaining({ original: '方明', dismissReason: '方明为设备型号' })]);
    const masked = applyOverrides(base, [{ action: 'add', value: '方明', reason: '员工姓名', kind: 'name' }]);
    expect(masked.suspects).toEqual([]);
    expect(masked.text).toBe('员工方某在场。');
  });
});
