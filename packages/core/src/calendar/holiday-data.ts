/**
 * NAT-2 · the working-day calendar seeded from the State Council General
 * Office's yearly notices (国务院办公厅关于XXXX年部分节假日安排的通知) for 2019–2026.
 *
 * Written as spans, exactly as the notices word them, and expanded to one
 * entry per day when this module loads. Checked day by day against the
 * independent package `chinese-days` in `holiday-data.test.ts` (the notices win).
 *
 * Conventions (see `CalendarYear`):
 * - "X月X日放假，与周末连休" (one day off joined to a weekend) is a three-day
 *   span: the weekend days are listed as holidays too (2019 清明/端午/中秋,
 *   2024 元旦/端午). They are not working days either way.
 * - A span across New Year is split by year: 2022-12-31 (2023 元旦) is listed
 *   under 2022, 2023-12-30/31 (2024 元旦) under 2023. The 2019 notice's days in
 *   2018 (12-29 worked, 12-30/31 off) are not carried: 2018 is not loaded.
 * - Amending notices are applied: 2019 劳动节 (国办发明电〔2019〕3号) and the 2020
 *   Spring Festival extension (国办发明电〔2020〕1号), which made Saturday
 *   2020-02-01 a day off instead of a working day.
 *
 * A new year is added by an administrator (with its source) through the server;
 * this seed only bootstraps a fresh installation.
 */
import { fromDayNumber, toDayNumber } from './civil-date.js';
import type { CalendarDay, CalendarYear } from './types.js';

type Entry = { kind: 'off'; name: string; from: string; to: string } | { kind: 'work'; name: string; dates: string[] };

/** Days off (放假), inclusive span of 'MM-DD'. */
function off(name: string, from: string, to: string = from): Entry {
  return { kind: 'off', name, from, to };
}

/** Weekend working days (调休上班), 'MM-DD'. */
function work(name: string, ...dates: string[]): Entry {
  return { kind: 'work', name, dates };
}

function expand(year: number, entries: Entry[]): { holidays: CalendarDay[]; workdays: CalendarDay[] } {
  const holidays: CalendarDay[] = [];
  const workdays: CalendarDay[] = [];
  const full = (md: string): string => (md.length === 5 ? `${year}-${md}` : md);
  for (const e of entries) {
    if (e.kind === 'off') {
      const a = toDayNumber(full(e.from));
      const b = toDayNumber(full(e.to));
      for (let d = a; d <= b; d++) holidays.push({ date: fromDayNumber(d), name: e.name });
    } else {
      for (const d of e.dates) workdays.push({ date: full(d), name: e.name });
    }
  }
  const byDate = (x: CalendarDay, y: CalendarDay) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0);
  return { holidays: holidays.sort(byDate), workdays: workdays.sort(byDate) };
}

function year(y: number, source: string, entries: Entry[]): CalendarYear {
  return { year: y, source, ...expand(y, entries) };
}

export const CALENDAR_SEED: CalendarYear[] = [
  year(
    2019,
    '国务院办公厅关于2019年部分节假日安排的通知（国办发明电〔2018〕15号）；国务院办公厅关于调整2019年劳动节假期安排的通知（国办发明电〔2019〕3号）',
    [
      off('元旦', '01-01'), // span 2018-12-30 … 2019-01-01; the 2018 days are outside the loaded range
      off('春节', '02-04', '02-10'),
      work('春节', '02-02', '02-03'),
      off('清明节', '04-05', '04-07'), // 4月5日放假，与周末连休
      off('劳动节', '05-01', '05-04'), // as amended by 国办发明电〔2019〕3号 (originally 5月1日 only)
      work('劳动节', '04-28', '05-05'),
      off('端午节', '06-07', '06-09'), // 6月7日放假，与周末连休
      off('中秋节', '09-13', '09-15'), // 9月13日放假，与周末连休
      off('国庆节', '10-01', '10-07'),
      work('国庆节', '09-29', '10-12'),
    ],
  ),
  year(
    2020,
    '国务院办公厅关于2020年部分节假日安排的通知（国办发明电〔2019〕16号）；国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）',
    [
      off('元旦', '01-01'),
      off('春节', '01-24', '02-02'), // extended to 2月2日 by 国办发明电〔2020〕1号 (originally 1月24日至30日)
      work('春节', '01-19'), // 2月1日 (Sat) was to be worked; the extension made it a day off
      off('清明节', '04-04', '04-06'),
      off('劳动节', '05-01', '05-05'),
      work('劳动节', '04-26', '05-09'),
      off('端午节', '06-25', '06-27'),
      work('端午节', '06-28'),
      off('国庆节、中秋节', '10-01', '10-08'),
      work('国庆节、中秋节', '09-27', '10-10'),
    ],
  ),
  year(2021, '国务院办公厅关于2021年部分节假日安排的通知（国办发明电〔2020〕27号）', [
    off('元旦', '01-01', '01-03'),
    off('春节', '02-11', '02-17'),
    work('春节', '02-07', '02-20'),
    off('清明节', '04-03', '04-05'),
    off('劳动节', '05-01', '05-05'),
    work('劳动节', '04-25', '05-08'),
    off('端午节', '06-12', '06-14'),
    off('中秋节', '09-19', '09-21'),
    work('中秋节', '09-18'),
    off('国庆节', '10-01', '10-07'),
    work('国庆节', '09-26', '10-09'),
  ]),
  year(
    2022,
    '国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号）；12月31日见国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）',
    [
      off('元旦', '01-01', '01-03'),
      off('春节', '01-31', '02-06'),
      work('春节', '01-29', '01-30'),
      off('清明节', '04-03', '04-05'),
      work('清明节', '04-02'),
      off('劳动节', '04-30', '05-04'),
      work('劳动节', '04-24', '05-07'),
      off('端午节', '06-03', '06-05'),
      off('中秋节', '09-10', '09-12'),
      off('国庆节', '10-01', '10-07'),
      work('国庆节', '10-08', '10-09'),
      off('元旦', '12-31'), // 2023 notice: 2022年12月31日至2023年1月2日
    ],
  ),
  year(
    2023,
    '国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）；12月30日、31日见国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）',
    [
      off('元旦', '01-01', '01-02'),
      off('春节', '01-21', '01-27'),
      work('春节', '01-28', '01-29'),
      off('清明节', '04-05'),
      off('劳动节', '04-29', '05-03'),
      work('劳动节', '04-23', '05-06'),
      off('端午节', '06-22', '06-24'),
      work('端午节', '06-25'),
      off('中秋节、国庆节', '09-29', '10-06'),
      work('中秋节、国庆节', '10-07', '10-08'),
      off('元旦', '12-30', '12-31'), // 2024 notice: 1月1日放假，与周末连休
    ],
  ),
  year(2024, '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）', [
    off('元旦', '01-01'), // 与周末连休: 2023-12-30/31 are listed under 2023
    off('春节', '02-10', '02-17'),
    work('春节', '02-04', '02-18'),
    off('清明节', '04-04', '04-06'),
    work('清明节', '04-07'),
    off('劳动节', '05-01', '05-05'),
    work('劳动节', '04-28', '05-11'),
    off('端午节', '06-08', '06-10'), // 6月10日放假，与周末连休
    off('中秋节', '09-15', '09-17'),
    work('中秋节', '09-14'),
    off('国庆节', '10-01', '10-07'),
    work('国庆节', '09-29', '10-12'),
  ]),
  year(2025, '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）', [
    off('元旦', '01-01'),
    off('春节', '01-28', '02-04'),
    work('春节', '01-26', '02-08'),
    off('清明节', '04-04', '04-06'),
    off('劳动节', '05-01', '05-05'),
    work('劳动节', '04-27'),
    off('端午节', '05-31', '06-02'),
    off('国庆节、中秋节', '10-01', '10-08'),
    work('国庆节、中秋节', '09-28', '10-11'),
  ]),
  // NAT-2 lists these days in the requirements digest; they match the notice.
  year(2026, '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）', [
    off('元旦', '01-01', '01-03'),
    work('元旦', '01-04'),
    off('春节', '02-15', '02-23'),
    work('春节', '02-14', '02-28'),
    off('清明节', '04-04', '04-06'),
    off('劳动节', '05-01', '05-05'),
    work('劳动节', '05-09'),
    off('端午节', '06-19', '06-21'),
    off('中秋节', '09-25', '09-27'),
    off('国庆节', '10-01', '10-07'),
    work('国庆节', '09-20', '10-10'),
  ]),
];
