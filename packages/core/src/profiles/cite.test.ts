import { describe, expect, it } from 'vitest';
import { officerText, profileDocuments, ruleText, specsForProfile } from './cite.js';

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

  it('running text: short citations by full title, another province’s left out with the brackets they leave empty', () => {
    // XX-R 第十八条 is 湘西's: a 太原 officer reads the rule without a foreign basis; a 湘西 officer reads it by title.
    expect(officerText('须写明查阅理由（XX-R 第十八条）', 'SX25')).toBe('须写明查阅理由');
    expect(officerText('须写明查阅理由（XX-R 第十八条）', 'XX19')).toBe('须写明查阅理由（《湘西州生态环境局执法全过程记录制度（试行）》第十八条）');
    expect(officerText('当事人查阅须经机关负责人批准（SX25-R 第二十一条），司法机关调取须登记（XX-R 第十八条）。', 'SX25')).toBe(
      '当事人查阅须经机关负责人批准（《生态环境系统行政执法全过程记录办法》第二十一条），司法机关调取须登记。',
    );
    expect(officerText('移送的不予公开（SX25-P 第十九条（五））', 'SX25')).toBe('移送的不予公开（《生态环境系统行政执法公示办法》第十九条（五））');
    expect(officerText('依据（GS-R 第七条第一款、行政处罚法 第六十条）', 'SX25')).toBe('依据（《中华人民共和国行政处罚法》第六十条）');
    expect(officerText('校准时钟（REC-9 · SX25-R 第十五条）', 'SX25')).toBe('校准时钟（《生态环境系统行政执法全过程记录办法》第十五条）');
    expect(officerText('SX19-L 第十四条；自受理之日起 7 个工作日', 'SX25')).toBe('《山西省重大行政执法决定法制审核办法》第十四条；自受理之日起 7 个工作日');
    // Text already in the officer's terms is left alone; without a profile every citation is kept, titled.
    expect(officerText('《中华人民共和国行政处罚法》第六十条', 'SX25')).toBe('《中华人民共和国行政处罚法》第六十条');
    expect(officerText('（GS-R 第四十四条）', undefined)).toBe('（《甘肃省生态环境系统行政执法全过程记录实施办法》第四十四条）');
    // A rule note's form, and 句 after 条.
    expect(officerText('依据：DUR-1 · GS-R 22(六)', 'GS19')).toBe('依据：《甘肃省生态环境系统行政执法全过程记录实施办法》第二十二条（六）');
    expect(officerText('依据：NAT-7 · 行政处罚法 Art 59(一)', 'SX25')).toBe('依据：《中华人民共和国行政处罚法》第五十九条（一）');
    expect(officerText('GS-R 第三十七条第一句', 'GS19')).toBe('《甘肃省生态环境系统行政执法全过程记录实施办法》第三十七条第一句');
  });
});
