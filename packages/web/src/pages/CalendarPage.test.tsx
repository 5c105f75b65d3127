import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, mockFetch } from '../test/fetchMock.js';
import { me, renderConsole } from '../test/render.js';
import { YEARS, YEAR_2026 } from '../test/ruleFixtures.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function setup(user = me()) {
  return mockFetch({
    'GET /api/v1/auth/me': { body: { user } },
    'GET /api/v1/calendar/years': { body: { items: YEARS } },
    'GET /api/v1/calendar/years/2026': { body: { year: YEAR_2026 } },
  });
}

/** Picks a date in an antd DatePicker by typing it. */
function pickDate(input: HTMLElement, date: string) {
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: date } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.blur(input);
}

const explain = (el: HTMLElement) => el.closest('.ant-form-item')?.querySelector('.ant-form-item-explain-error')?.textContent;

describe('CalendarPage', () => {
  it('NAT-2: lists the years with their sources and origin, and shows a year’s days', async () => {
    setup(me({ roles: ['officer'], roleLabels: ['执法人员'] }));
    renderConsole('/rules/calendar?year=2026');
    const row = (await screen.findByText(/国办发明电〔2025〕7号/, { selector: 'td span' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('管理员录入')).toBeTruthy();
    expect(within(row).getByText('33 天')).toBeTruthy();
    const seed = screen.getByText(/国办发明电〔2024〕12号/, { selector: 'td span' }).closest('tr') as HTMLElement;
    expect(within(seed).getByText('内置')).toBeTruthy();
    // The month grid marks days off and 调休 working days.
    await waitFor(() => expect(document.querySelector('td[title="2026-01-04 元旦调休（上班）"]')?.className).toBe('sx-workday'));
    expect(document.querySelector('td[title="2026-10-01 国庆节（放假）"]')?.className).toBe('sx-holiday');
    // The list view groups the days off by festival.
    fireEvent.click(screen.getByText('列表'));
    expect(await screen.findByText('1月1日（周四）至 1月3日（周六）')).toBeTruthy();
    expect(screen.getByText('1月4日（周日）')).toBeTruthy();
    // Read-only for anyone but the system administrator.
    expect(screen.queryByRole('button', { name: /录入新年度/ })).toBeNull();
  });

  it('the new-year form requires the source, checks 调休 days, then shows the server’s refusal', async () => {
    const f = setup();
    renderConsole('/rules/calendar');
    fireEvent.click(await screen.findByRole('button', { name: /录入新年度/ }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText('年度') as HTMLInputElement).value).toBe('2027');

    // Nothing filled in: the source and a day off are required; nothing is sent.
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    const source = within(dialog).getByLabelText('来源');
    await waitFor(() => expect(explain(source)).toBe('请填写来源：国务院办公厅通知的标题和文号'));
    expect(await within(dialog).findByText('请至少录入一个放假日')).toBeTruthy();

    fireEvent.change(source, { target: { value: '国务院办公厅关于2027年部分节假日安排的通知（测试）' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /添加放假日/ }));
    pickDate(within(dialog).getByLabelText('放假日日期'), '2027-01-01');
    fireEvent.change(within(dialog).getByLabelText('放假日名称'), { target: { value: '元旦' } });
    // A 调休 working day must be a Saturday or Sunday (2027-01-04 is a Monday).
    fireEvent.click(within(dialog).getByRole('button', { name: /添加调休上班日/ }));
    const workday = within(dialog).getByLabelText('调休上班日日期');
    pickDate(workday, '2027-01-04');
    fireEvent.change(within(dialog).getByLabelText('调休上班日名称'), { target: { value: '元旦' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(explain(workday)).toBe('调休上班日须为周六或周日'));
    expect(f.calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    // Fixed in the browser, refused by the server: its message is shown in the form.
    pickDate(workday, '2027-01-09');
    await waitFor(() => expect(explain(workday)).toBeFalsy());
    f.on('POST /api/v1/calendar/years', apiError(400, 'calendar.invalid_year', '2027 年的日历数据有误：2027-01-09 同时列为放假日和调休上班日'));
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('2027 年的日历数据有误：2027-01-09 同时列为放假日和调休上班日');
    expect(f.calls.find((c) => c.method === 'POST')?.body).toEqual({
      year: 2027,
      source: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
      holidays: [{ date: '2027-01-01', name: '元旦' }],
      workdays: [{ date: '2027-01-09', name: '元旦' }],
    });
  });

  it('puts “year exists” on the year field', async () => {
    const f = setup();
    f.on('POST /api/v1/calendar/years', apiError(409, 'calendar.year_exists', '2027 年的日历已存在。'));
    renderConsole('/rules/calendar');
    fireEvent.click(await screen.findByRole('button', { name: /录入新年度/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('来源'), { target: { value: '国务院办公厅关于2027年部分节假日安排的通知' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /添加放假日/ }));
    pickDate(within(dialog).getByLabelText('放假日日期'), '2027-01-01');
    fireEvent.change(within(dialog).getByLabelText('放假日名称'), { target: { value: '元旦' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    const year = within(dialog).getByLabelText('年度');
    await waitFor(() => expect(explain(year)).toBe('2027 年的日历已存在。'));
  });

  it('NAT-2: an administrator proposes a correction of a saved year from its current days, with a reason', async () => {
    const f = setup(me({ id: 'u-sys' }));
    renderConsole('/rules/calendar?year=2026');
    fireEvent.click(await screen.findByRole('button', { name: /申请更正/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('更正 2026 年节假日安排')).toBeTruthy();
    // The year is fixed; the form starts from the saved days.
    expect((within(dialog).getByLabelText('年度') as HTMLInputElement).disabled).toBe(true);
    expect(within(dialog).getAllByLabelText('放假日日期')).toHaveLength(4);
    // Without a reason nothing is sent.
    fireEvent.click(within(dialog).getByRole('button', { name: /提交更正/ }));
    await waitFor(() => expect(explain(within(dialog).getByLabelText('更正理由'))).toBe('请说明更正理由，如国务院办公厅补充通知的标题和文号'));
    expect(f.calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    const corrected = { ...YEAR_2026, corrections: [{ id: 'c1', year: 2026, fromVersion: 1, source: YEAR_2026.source, reason: '补充通知延长国庆假期', status: 'pending', holidays: 4, workdays: YEAR_2026.workdays.length, requestedBy: 'u-sys', requestedByName: '太原市局系统管理员', requestedAt: '2026-12-07T02:00:00.000Z', decidedByName: null, decidedAt: null, decisionNote: null }] };
    f.on('POST /api/v1/calendar/years/2026/corrections', { status: 201, body: { year: corrected } });
    fireEvent.change(within(dialog).getByLabelText('更正理由'), { target: { value: '补充通知延长国庆假期' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /提交更正/ }));
    await waitFor(() => expect(f.calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    const sent = f.calls.find((c) => c.method === 'POST')!;
    expect(sent.path).toBe('/api/v1/calendar/years/2026/corrections');
    expect(sent.body).toMatchObject({ reason: '补充通知延长国庆假期', source: YEAR_2026.source, holidays: YEAR_2026.holidays });
    // The pending correction is listed; its author cannot approve it, and no second correction can start.
    const list = await screen.findByTestId('calendar-corrections');
    expect(within(list).getByText('待审批')).toBeTruthy();
    expect(within(list).getByText('由本人提出，须另一名系统管理员审批')).toBeTruthy();
    expect(within(list).queryByRole('button', { name: /批\s*准/ })).toBeNull();
    expect((screen.getByRole('button', { name: /申请更正/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('NAT-2: a second administrator approves a pending correction; the new version is shown', async () => {
    const pending = { id: 'c1', year: 2026, fromVersion: 1, source: YEAR_2026.source, reason: '补充通知延长国庆假期', status: 'pending' as const, holidays: 5, workdays: YEAR_2026.workdays.length, requestedBy: 'u-other', requestedByName: '省厅系统管理员', requestedAt: '2026-12-07T02:00:00.000Z', decidedByName: null, decidedAt: null, decisionNote: null };
    const f = setup(me({ id: 'u-sys' }));
    f.on('GET /api/v1/calendar/years/2026', { body: { year: { ...YEAR_2026, corrections: [pending] } } });
    f.on('POST /api/v1/calendar/corrections/c1/decision', { body: { year: { ...YEAR_2026, version: 2, deadlinesChanged: 3, corrections: [{ ...pending, status: 'approved', decidedByName: '太原市局系统管理员', decidedAt: '2026-12-07T03:00:00.000Z' }] } } });
    renderConsole('/rules/calendar?year=2026');
    const list = await screen.findByTestId('calendar-corrections');
    fireEvent.click(within(list).getByRole('button', { name: /批\s*准/ }));
    const pop = await waitFor(() => {
      const el = document.querySelector('.ant-popconfirm');
      if (!el) throw new Error('no popconfirm yet');
      return el as HTMLElement;
    });
    expect(pop.textContent).toContain('未结期限随即重算');
    fireEvent.click(within(pop).getByRole('button', { name: /批\s*准/ }));
    await waitFor(() => expect(f.calls.find((c) => c.method === 'POST')?.body).toEqual({ approve: true }));
    expect(await screen.findByText(/3 个未结期限已重算/)).toBeTruthy();
    await waitFor(() => expect(within(screen.getByTestId('calendar-corrections')).getByText('已批准')).toBeTruthy());
    expect(screen.getByText('第 2 版')).toBeTruthy();
  });
});

