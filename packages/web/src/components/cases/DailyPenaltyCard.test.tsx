import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import type { DailyPenaltyView } from '../../api/cases.js';
import { DailyPenaltyCard } from './DailyPenaltyCard.js';

afterEach(cleanup);

const view = (over: Partial<DailyPenaltyView> = {}): DailyPenaltyView => ({
  originalCaseId: 'c0',
  originalCaseNumber: '并环罚案〔2026〕3号',
  originalDecisionNumber: '并环罚〔2026〕3号',
  originalFine: 100_000,
  violation: '超过大气污染物排放标准排放大气污染物',
  basis: '《中华人民共和国大气污染防治法》第九十九条',
  perDay: true,
  correctionNumber: '并环责改〔2026〕1号',
  correctionServedOn: '2026-03-02',
  reinspectionDue: '2026-04-01',
  reinspectedOn: '2026-03-12',
  finding: 'continuing',
  firstDay: '2026-03-03',
  days: 10,
  amount: 1_000_000,
  decisionAmount: 1_000_000,
  ok: true,
  problems: [],
  ...over,
});

describe('NAT-11 · 《环境保护主管部门实施按日连续处罚办法》第十七条、第十九条: the computation on the case page', () => {
  it('NAT-11: shows the dates it comes from, 10 days (03-03 to 03-12) and 100,000 × 10 = 1,000,000', () => {
    render(<MemoryRouter><DailyPenaltyCard d={view()} /></MemoryRouter>);
    const card = screen.getByTestId('daily-penalty');
    expect(card.textContent).toContain('2026-03-02（并环责改〔2026〕1号）');
    expect(card.textContent).toContain('至 2026-04-01');
    expect(card.textContent).toContain('2026-03-12：仍在继续违法排放污染物（拒不改正）');
    expect(card.textContent).toContain('10 日（2026-03-03 至 2026-03-12）');
    expect(screen.getByTestId('daily-penalty-amount').textContent).toBe('100,000 元 × 10 日 = 1,000,000 元');
    expect(card.textContent).toContain('《环境保护主管部门实施按日连续处罚办法》第十条、第十七条、第十九条');
    expect(card.textContent).not.toMatch(/NAT-|MEP-DP|continuing/);
  });

  it('NAT-11: before the 复查, no amount — and what is missing, as the server says it', () => {
    render(
      <MemoryRouter>
        <DailyPenaltyCard d={view({ reinspectedOn: null, finding: null, days: null, amount: null, firstDay: null, decisionAmount: null, ok: false, problems: ['复查笔录：须先在责令改正违法行为决定书送达（2026-03-02）后30日内复查（《环境保护主管部门实施按日连续处罚办法》第十三条）'] })} />
      </MemoryRouter>,
    );
    expect(screen.getByTestId('daily-penalty-amount').textContent).toBe('尚不能计算');
    expect(screen.getByTestId('daily-penalty').textContent).toContain('尚未复查');
    expect(screen.getByTestId('daily-penalty').textContent).toContain('尚不能作出按日连续处罚决定');
    expect(screen.getByTestId('daily-penalty').textContent).toContain('第十三条');
  });
});
