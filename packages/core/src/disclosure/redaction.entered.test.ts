/**
 * Issue 13 item 1 · PUB-4 · SX25-P 16: entered public content with no case
 * behind it (事前公开信息) — every detector hit is a 疑似个人信息, nothing is
 * masked by itself, the clerk masks or dismisses; an ID number is never
 * dismissed; institutional words (法律、法规, a 文号's prefix) are not names.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { describe, expect, it } from 'vitest';
import type { Tagger } from './detectors.js';
import { reviewEntered } from './redaction.js';

const jieba = Jieba.withDict(dict);
const tagger: Tagger = (t) => jieba.tag(t);

const TEXT = '听证事宜请联系王伟，手机13800138000，身份证号140105197803120015。';

describe('reviewEntered (PUB-4 · SX25-P 16(一))', () => {
  it('flags a name after a role word, a mobile and an ID number as 疑似个人信息 without masking anything', () => {
    const r = reviewEntered(TEXT, { tagger });
    expect(r.text).toBe(TEXT);
    expect(r.masks).toEqual([]);
    expect(r.suspects.map((s) => [s.original, s.kind])).toEqual([
      ['王伟', 'name'],
      ['13800138000', 'mobile'],
      ['140105197803120015', 'idNumber'],
    ]);
  });

  it('masked and dismissed, nothing is open and nothing leaks; the dismissal keeps its reason', () => {
    const r = reviewEntered(TEXT, { tagger }, [
      { action: 'add', value: '王伟', reason: '联系人姓名', kind: 'name' },
      { action: 'add', value: '140105197803120015', reason: '身份证件号码', kind: 'idNumber' },
      { action: 'dismiss', value: '13800138000', reason: '本机关值班手机' },
    ]);
    expect(r.suspects).toEqual([]);
    expect(r.leaks).toEqual([]);
    expect(r.text).not.toContain('王伟');
    expect(r.text).not.toContain('140105197803120015');
    expect(r.dismissed).toMatchObject([{ original: '13800138000', dismissReason: '本机关值班手机' }]);
  });

  it('an ID number cannot be dismissed', () => {
    expect(() => reviewEntered(TEXT, { tagger }, [{ action: 'dismiss', value: '140105197803120015', reason: '不是' }])).toThrow(/dismiss_forbidden/);
  });

  it('public values (officers of the roster, the agency’s phone) and institutional words are not flagged', () => {
    const r = reviewEntered('法律、法规、规章立改废释的，依《山西省生态环境行政处罚自由裁量基准》（晋环规〔2025〕5号）更新；执法人员张建国（执法证号14010012345）负责，咨询电话0351-5611234。', {
      tagger,
      public: ['张建国', '14010012345', '0351-5611234'],
    });
    expect(r.suspects).toEqual([]);
    expect(r.leaks).toEqual([]);
  });
});
