import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { CALENDAR_SEED } from './holiday-data.js';
import { parseNoticeText } from './notice-text.js';

describe('NAT-2: the plain-text notice for `sanxiang calendar import`', () => {
  it('NAT-2 · 国办发明电〔2025〕7号: the 2026 notice in text form gives the stored 2026 year', () => {
    const text = `# 国务院办公厅关于2026年部分节假日安排的通知
年份 2026
来源 ${CALENDAR_SEED.find((y) => y.year === 2026)!.source}
放假 元旦 2026-01-01 至 2026-01-03
上班 元旦 2026-01-04
放假 春节 2026-02-15 至 2026-02-23
上班 春节 2026-02-14、2026-02-28
放假 清明节 2026-04-04 至 2026-04-06
放假 劳动节 2026-05-01 至 2026-05-05
上班 劳动节 2026-05-09
放假 端午节 2026-06-19 至 2026-06-21
放假 中秋节 2026-09-25 至 2026-09-27
放假 国庆节 2026-10-01 至 2026-10-07
上班 国庆节 2026-09-20 2026-10-10
`;
    const y = parseNoticeText(text);
    const seed = CALENDAR_SEED.find((x) => x.year === 2026)!;
    expect(y.holidays.map((d) => d.date)).toEqual(seed.holidays.map((d) => d.date));
    expect(y.workdays.map((d) => d.date)).toEqual(seed.workdays.map((d) => d.date));
  });

  it('NAT-2: errors name the line', () => {
    try {
      parseNoticeText('年份 2027\n来源 测试通知\n放假 元旦 2027-01-01 至 2027-13-01\n');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).params.detail).toContain('第 3 行');
    }
    expect(() => parseNoticeText('来源 测试通知\n')).toThrow(AppError);
    expect(() => parseNoticeText('年份 2027\n来源 测试\n假日 元旦 2027-01-01')).toThrow(AppError);
  });
});
