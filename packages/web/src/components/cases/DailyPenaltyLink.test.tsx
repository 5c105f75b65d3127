import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { apiError, mockFetch } from '../../test/fetchMock.js';
import { caseView } from '../../test/caseFixtures.js';
import type { CaseView } from '../../api/cases.js';
import { DailyPenaltyLink } from './DailyPenaltyLink.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const penalty = (over: Partial<CaseView> = {}) => caseView({ actionType: 'penalty', actionTypeLabel: '行政处罚', caseNumber: '并环罚案〔2026〕9号', ...over });
const list = { total: 2, page: 1, pageSize: 20, items: [
  { id: 'c3x', caseNumber: '并环罚案〔2026〕31号', title: '其他', actionType: 'penalty', actionTypeLabel: '行政处罚', state: 'decision', stateLabel: '审核决定', partyName: null, createdAt: '', nextDeadline: null },
  { id: 'c3', caseNumber: '并环罚案〔2026〕3号', title: '原处罚案', actionType: 'penalty', actionTypeLabel: '行政处罚', state: 'decision', stateLabel: '审核决定', partyName: null, createdAt: '', nextDeadline: null },
] };

describe('NAT-11 · 《环境保护主管部门实施按日连续处罚办法》第七条: linking the original penalty case from the console', () => {
  it('NAT-11: finds the original case by its exact 案号 and links it; the page gets the linked case', async () => {
    const f = mockFetch({ 'GET /api/v1/cases': { body: list } });
    let sent: unknown;
    f.on('POST /api/v1/cases/c1/daily-penalty', ({ body }) => {
      sent = body;
      return { body: { case: penalty({ flags: { dailyPenaltyOf: 'c3' } as CaseView['flags'] }) } };
    });
    const onLinked = vi.fn();
    render(<DailyPenaltyLink c={penalty()} onLinked={onLinked} />);
    fireEvent.change(screen.getByLabelText('原处罚案件案号'), { target: { value: '并环罚案〔2026〕3号' } });
    fireEvent.click(screen.getByRole('button', { name: /关联原处罚案件/ }));
    await waitFor(() => expect(onLinked).toHaveBeenCalled());
    expect(sent).toEqual({ originalCaseId: 'c3' });
    expect(f.calls.some((c) => c.path.startsWith('/api/v1/cases?') && decodeURIComponent(c.path).includes('q=并环罚案〔2026〕3号'))).toBe(true);
  });

  it('NAT-11: an unknown 案号 or the server\u2019s refusal is shown in Chinese; nothing for other case types or once decided', async () => {
    const f = mockFetch({ 'GET /api/v1/cases': { body: list } });
    f.on('POST /api/v1/cases/c1/daily-penalty', apiError(409, 'daily_penalty.link_invalid', '不能关联原处罚案件：并环罚案〔2026〕3号 的当事人与本案不同'));
    render(<DailyPenaltyLink c={penalty()} onLinked={vi.fn()} />);
    fireEvent.change(screen.getByLabelText('原处罚案件案号'), { target: { value: '并环罚案〔2026〕7号' } });
    fireEvent.click(screen.getByRole('button', { name: /关联原处罚案件/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('未找到案号为“并环罚案〔2026〕7号”的本机关行政处罚案件');
    fireEvent.change(screen.getByLabelText('原处罚案件案号'), { target: { value: '并环罚案〔2026〕3号' } });
    fireEvent.click(screen.getByRole('button', { name: /关联原处罚案件/ }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('的当事人与本案不同'));
    cleanup();
    render(<DailyPenaltyLink c={caseView()} onLinked={vi.fn()} />);
    expect(screen.queryByTestId('daily-penalty-link')).toBeNull();
    cleanup();
    render(<DailyPenaltyLink c={penalty({ dates: { filingDate: '2026-03-02', decisionDate: '2026-03-20' } })} onLinked={vi.fn()} />);
    expect(screen.queryByTestId('daily-penalty-link')).toBeNull();
  });
});
