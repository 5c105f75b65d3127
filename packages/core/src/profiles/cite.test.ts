import { describe, expect, it } from 'vitest';
import { profileDocuments, ruleText, specsForProfile } from './cite.js';

describe('issue 15 item 2: citations in the agency’s own terms', () => {
  it('an agency cites its own province and national documents, not another province’s', () => {
    const sx = profileDocuments('SX25');
    expect(sx.has('SX25-P')).toBe(true);
    expect(sx.has('SX19-L')).toBe(true); // inherited from SX19
    expect(sx.has('APL')).toBe(true);
    expect(sx.has('GS-R')).toBe(false);
    expect(sx.has('XX-L')).toBe(false);
    expect(profileDocuments('GS19').has('SX25-P')).toBe(false);
  });

  it('REC-5 · GS-R 第四条（二）: a 甘肃 agency reads the full title and article; a 山西 agency does not see it', () => {
    expect(ruleText('REC-5 · GS-R 4(二)', 'GS19')).toBe('《甘肃省生态环境系统行政执法全过程记录实施办法》第四条（二）');
    expect(ruleText('REC-5 · GS-R 4(二)', 'SX25')).toBeNull();
  });

  it('DUR-2 · SX25-P 第十二条 and national law by full title, requirement ids dropped', () => {
    expect(ruleText('DUR-2 · SX25-P 12', 'SX25')).toBe('《生态环境系统行政执法公示办法》第十二条');
    expect(ruleText('NAT-7 · 行政处罚法 Art 59(一)', 'XX19')).toBe('《中华人民共和国行政处罚法》第五十九条（一）');
    expect(ruleText('GS-R 22(一)(四)(五)', 'GS19')).toBe('《甘肃省生态环境系统行政执法全过程记录实施办法》第二十二条（一）（四）（五）');
    expect(ruleText('REC-5', 'SX25')).toBeNull();
    expect(ruleText('review.timeLimit', 'SX25')).toBeNull();
  });

  it('field specs keep their other properties; a note with nothing to show is dropped', () => {
    const specs = specsForProfile([{ key: 'a', rule: 'REC-5 · GS-R 4(二)' }, { key: 'b', rule: 'DUR-1 · SX25-P 12' }, { key: 'c' }], 'SX25');
    expect(specs).toEqual([{ key: 'a' }, { key: 'b', rule: '《生态环境系统行政执法公示办法》第十二条' }, { key: 'c' }]);
  });
});
