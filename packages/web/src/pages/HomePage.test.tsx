import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { mockFetch } from '../test/fetchMock.js';
import { me, renderConsole } from '../test/render.js';
import { contrastRatio, CONSOLE_THEME } from '../layout/theme.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const item = (over: Record<string, unknown>) => ({ key: 'k', kind: 'reviewAssign', kindLabel: '待分配', title: '某案', reference: '并环罚〔2026〕3号', due: '2026-03-10', urgency: 'normal', urgencyLabel: '', provisional: false, provisionalReason: null, link: '/review/cases/c1', unread: false, ...over });

describe('HomePage · 待办', () => {
  it('shows the items in the server\'s order with 逾期/预警/暂定 badges, one h1, and marks new items seen', async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: me({ id: 'u-rev', roles: ['legalReviewer'], roleLabels: ['法制审核人员'] }) } },
      'GET /api/v1/todo': {
        body: {
          today: '2026-03-05',
          unread: 2,
          items: [
            item({ key: 'a', title: '甲公司超标排放案', due: '2026-03-04', urgency: 'overdue', urgencyLabel: '逾期', unread: true }),
            item({ key: 'b', title: '乙公司未批先建案', due: '2027-01-05', urgency: 'warning', urgencyLabel: '预警', provisional: true, provisionalReason: '2027年节假日安排尚未公布', unread: true }),
            item({ key: 'c', kind: 'sign', kindLabel: '待签名', title: '丙案：询问笔录', due: null, urgency: 'none', link: '/cases/c3/documents/d3' }),
          ],
        },
      },
      'GET /api/v1/todo/unread': { body: { count: 0 } },
      'POST /api/v1/todo/seen': { body: { marked: 2 } },
    });
    renderConsole('/');
    const rows = await screen.findAllByTestId('todo-item');
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['甲公司超标排放案', '乙公司未批先建案', '丙案：询问笔录']);
    expect(within(rows[0]!).getByText('逾期')).toBeTruthy();
    expect(within(rows[1]!).getByText('预警')).toBeTruthy();
    expect(within(rows[1]!).getByText('暂定')).toBeTruthy();
    expect(within(rows[1]!).getByText(/2027年节假日安排尚未公布/)).toBeTruthy();
    expect(within(rows[0]!).getByRole('link').getAttribute('href')).toBe('/review/cases/c1');
    expect(screen.getByTestId('todo-summary').textContent).toContain('共 3 项，逾期 1 项，预警 1 项');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    await waitFor(() => expect(f.calls.find((c) => c.method === 'POST' && c.path === '/api/v1/todo/seen')?.body).toEqual({ keys: ['a', 'b'] }));
  });

  it('the bell shows the unread count', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: me({ id: 'u-o', roles: ['officer'], roleLabels: ['执法人员'] }) } },
      'GET /api/v1/todo': { body: { today: '2026-03-05', unread: 0, items: [] } },
      'GET /api/v1/todo/unread': { body: { count: 3 } },
    });
    renderConsole('/');
    await screen.findByText('暂无待办事项');
    await waitFor(() => expect(screen.getByTestId('todo-bell').getAttribute('aria-label')).toBe('待办提醒：3 项新事项'));
  });
});

describe('contrast of the theme (WCAG AA ≥ 4.5:1 on white)', () => {
  it.each(['colorTextSecondary', 'colorTextTertiary', 'colorTextDescription', 'colorTextPlaceholder', 'colorPrimary', 'colorError', 'colorWarningText', 'colorSuccessText'] as const)('%s', (k) => {
    expect(contrastRatio(String(CONSOLE_THEME.token![k]), '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});
