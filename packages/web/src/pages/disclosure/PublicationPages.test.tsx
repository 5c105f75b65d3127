import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, mockFetch } from '../../test/fetchMock.js';
import { renderConsole } from '../../test/render.js';
import { FACTS, ID_REASON, WITNESS_REASON, approver, clerk, detail, listItem } from './disclosureFixtures.js';

// Several antd dialogs per test: a loaded machine (the whole suite in parallel) needs more than the default 5 s.
vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('公示管理 queue', () => {
  it('PUB-2: shows each item with its due badge (overdue red, due soon orange); the menu has 执法公示', async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: clerk } },
      'GET /api/v1/publications': {
        body: {
          total: 3,
          items: [
            listItem({ id: 'p-late', caseTitle: '甲公司超标排放案', due: { date: '2026-03-01', status: 'overdue' } }),
            listItem({ id: 'p-soon', caseTitle: '乙公司未批先建案', due: { date: '2026-03-12', status: 'dueSoon' } }),
            listItem({ id: 'p-on', caseTitle: '丙公司案', status: 'published', statusLabel: '已公示', online: true, due: null, removeBy: '2027-03-12', publicParty: '丙公司' }),
          ],
        },
      },
    });
    renderConsole('/disclosure/publications');
    const late = (await screen.findByText('甲公司超标排放案')).closest('tr') as HTMLElement;
    const lateBadge = within(late).getByTestId('due-badge');
    expect(lateBadge.textContent).toBe('已逾期 · 2026-03-01');
    expect(lateBadge.className).toContain('red');
    const soon = screen.getByText('乙公司未批先建案').closest('tr') as HTMLElement;
    const soonBadge = within(soon).getByTestId('due-badge');
    expect(soonBadge.textContent).toContain('即将到期');
    expect(soonBadge.className).toContain('orange');
    const online = screen.getByText('丙公司案').closest('tr') as HTMLElement;
    expect(online.textContent).toContain('公示至 2027-03-12');
    expect(online.textContent).toContain('丙公司');
    expect(f.calls.some((c) => c.path === '/api/v1/publications?status=open&limit=20&offset=0')).toBe(true);
    const sider = document.querySelector('.ant-layout-sider') as HTMLElement;
    expect(sider.textContent).toContain('执法公示');
    expect(sider.textContent).toContain('公示管理');
    expect(sider.textContent).toContain('更正与投诉');
  });

  it('switches tabs and searches through the API', async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: approver } },
      'GET /api/v1/publications': { body: { total: 0, items: [] } },
    });
    renderConsole('/disclosure/publications');
    await screen.findByText('没有待办的公示事项');
    fireEvent.click(screen.getByRole('tab', { name: '不予公开' }));
    await waitFor(() => expect(f.calls.some((c) => c.path.startsWith('/api/v1/publications?status=withheld'))).toBe(true));
    fireEvent.change(screen.getByLabelText('搜索公示信息'), { target: { value: '并环罚' } });
    fireEvent.keyDown(screen.getByLabelText('搜索公示信息'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(f.calls.some((c) => c.path.includes('q=%E5%B9%B6%E7%8E%AF%E7%BD%9A'))).toBe(true));
  });
});

describe('公示信息 page', () => {
  it('PUB-4: the diff highlights the masked spans of the original, the replacements of the published text, and gives the reasons', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: approver } },
      'GET /api/v1/publications/p1': { body: detail() },
    });
    renderConsole('/disclosure/publications/p1');
    const field = await screen.findByTestId('field-facts');
    const original = within(field).getByTestId('diff-original');
    expect(original.textContent).toBe(FACTS);
    const masked = within(original).getAllByTestId('mask-original');
    expect(masked.map((m) => m.textContent)).toEqual(['张三', '140105199001011234']);
    expect(masked.map((m) => m.dataset.reason)).toEqual([WITNESS_REASON, ID_REASON]);
    const published = within(field).getByTestId('diff-published');
    expect(published.textContent).toBe('经查，证人张*（身份证号1401**********1234）反映，你单位于2026年3月1日超标排放废水。');
    expect(within(published).getAllByTestId('mask-replacement').map((m) => m.textContent)).toEqual(['张*', '1401**********1234']);
    const reasons = within(field).getByTestId('mask-list').textContent ?? '';
    expect(reasons).toContain(WITNESS_REASON);
    expect(reasons).toContain(ID_REASON);
    // schedule and basis in the header, the portal link only once online
    expect(screen.getByTestId('publish-by').textContent).toContain('2026-03-11');
    expect(screen.getByText(/自作出决定之日起7个工作日内公示/)).toBeTruthy();
    expect(screen.queryByTestId('portal-link')).toBeNull();
    expect(screen.getByText('查看案件').getAttribute('href')).toBe('/cases/c1');
  });

  it('PUB-1: the approver sees 审核通过并公示 and 退回; the clerk does not, and edits instead', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: approver } },
      'GET /api/v1/publications/p1': { body: detail() },
    });
    renderConsole('/disclosure/publications/p1');
    const actions = await screen.findByTestId('publication-actions');
    expect(within(actions).getByRole('button', { name: '审核通过并公示' })).toBeTruthy();
    expect(within(actions).getByRole('button', { name: /^退\s*回$/ })).toBeTruthy();
    expect(screen.getByTestId('no-problems')).toBeTruthy();
    expect(screen.queryByLabelText('主要违法事实')).toBeNull();
    cleanup();

    mockFetch({
      'GET /api/v1/auth/me': { body: { user: clerk } },
      'GET /api/v1/publications/p1': { body: detail({ status: 'draft', statusLabel: '待录入' }) },
    });
    renderConsole('/disclosure/publications/p1');
    const clerkActions = await screen.findByTestId('publication-actions');
    expect(within(clerkActions).queryByRole('button', { name: '审核通过并公示' })).toBeNull();
    expect(within(clerkActions).queryByRole('button', { name: /^退\s*回$/ })).toBeNull();
    expect(within(clerkActions).getByRole('button', { name: '提交审核' })).toBeTruthy();
    expect(within(clerkActions).getByRole('button', { name: '申请不予公开' })).toBeTruthy();
    expect(screen.getByLabelText('主要违法事实')).toBeTruthy();
  });

  it('PUB-1: why it cannot be published is listed before the approval, and the approve button is disabled', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: approver } },
      'GET /api/v1/publications/p1': {
        body: detail({
          problems: [
            { code: 'legalReview', message: '重大执法决定须经法制审核通过后方可公示（GS-P 第十四条）' },
            { code: 'leak', message: '待公示文本仍含应隐去的信息：138****5678（手机号码）' },
          ],
        }),
      },
    });
    renderConsole('/disclosure/publications/p1');
    const problems = await screen.findByTestId('problems');
    expect(problems.textContent).toContain('不能公示的原因');
    expect(within(problems).getAllByTestId('problem').map((p) => p.dataset.code)).toEqual(['legalReview', 'leak']);
    expect(problems.textContent).toContain('须经法制审核通过后方可公示');
    expect((screen.getByRole('button', { name: '审核通过并公示' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the API error message of a refused approval in the dialog', async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: approver } },
      'GET /api/v1/publications/p1': { body: detail() },
      'POST /api/v1/publications/p1/approve': apiError(409, 'publication.gate_closed', '不能公示：录入人员不能审核本人录入的公示信息'),
    });
    renderConsole('/disclosure/publications/p1');
    fireEvent.click(await screen.findByRole('button', { name: '审核通过并公示' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('审核意见'), { target: { value: '同意公示' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /审核通过并公示/ }));
    expect((await screen.findByTestId('modal-error')).textContent).toContain('录入人员不能审核本人录入的公示信息');
    const call = f.calls.find((c) => c.method === 'POST' && c.path === '/api/v1/publications/p1/approve');
    expect(call?.body).toEqual({ comment: '同意公示' });
  });

  it('the return needs a reason', async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: approver } },
      'GET /api/v1/publications/p1': { body: detail() },
      'POST /api/v1/publications/p1/return': { body: detail({ status: 'draft', statusLabel: '待录入' }) },
    });
    renderConsole('/disclosure/publications/p1');
    fireEvent.click(await screen.findByRole('button', { name: /^退\s*回$/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /退\s*回/ }));
    expect(await within(dialog).findByText('须填写退回理由')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('退回理由'), { target: { value: '证人住址未隐去' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /退\s*回/ }));
    await waitFor(() => expect(f.calls.some((c) => c.method === 'POST' && c.path === '/api/v1/publications/p1/return')).toBe(true));
    expect(f.calls.find((c) => c.path === '/api/v1/publications/p1/return')?.body).toEqual({ comment: '证人住址未隐去' });
    expect((await screen.findByTestId('publication-status')).textContent).toBe('待录入');
  });

  it('PUB-4: the clerk hides a value with a reason and saves a new version with every adjustment; a refused save shows the server message', async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: clerk } },
      'GET /api/v1/publications/p1': { body: detail({ status: 'draft', statusLabel: '待录入' }) },
      'PUT /api/v1/publications/p1': apiError(400, 'publication.invalid', '公示信息有误：位置无效'),
    });
    renderConsole('/disclosure/publications/p1');
    const field = await screen.findByTestId('field-facts');
    fireEvent.click(within(field).getByRole('button', { name: '主要违法事实：增加隐去' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('要隐去的内容'), { target: { value: '2026年3月1日' } });
    fireEvent.change(within(dialog).getByLabelText('隐去理由'), { target: { value: '可识别证人' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '增加隐去' }));
    await waitFor(() => expect(within(field).getByTestId('override-list').textContent).toContain('增加隐去 “2026年3月1日”'));
    fireEvent.change(screen.getByLabelText('修改说明'), { target: { value: '补充隐去' } });
    fireEvent.click(screen.getByRole('button', { name: /保存（生成新版本）/ }));
    expect((await screen.findByTestId('action-error')).textContent).toContain('公示信息有误：位置无效');
    const put = f.calls.find((c) => c.method === 'PUT');
    expect(put?.body).toMatchObject({
      form: 'summary',
      overrides: { facts: [{ action: 'add', value: '2026年3月1日', reason: '可识别证人', kind: 'other' }] },
      note: '补充隐去',
    });
    expect((put?.body as { fields: Record<string, string> }).fields.facts).toBe(FACTS);
  });

  it('PUB-5: the clerk lifts a mask with the reason and the ground', async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: clerk } },
      'GET /api/v1/publications/p1': { body: detail({ status: 'draft', statusLabel: '待录入' }) },
      'PUT /api/v1/publications/p1': { body: detail({ status: 'draft', statusLabel: '待录入' }) },
    });
    renderConsole('/disclosure/publications/p1');
    const field = await screen.findByTestId('field-facts');
    fireEvent.click(within(field).getAllByRole('button', { name: '解除隐去' })[0]!);
    const dialog = await screen.findByRole('dialog');
    fireEvent.mouseDown(within(dialog).getByLabelText('解除隐去的依据'));
    fireEvent.click(await screen.findByText('直接利害关系的第三方同意公开'));
    fireEvent.change(within(dialog).getByLabelText('解除隐去的理由'), { target: { value: '证人书面同意公开姓名' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /解除隐去/ }));
    await waitFor(() => expect(within(field).getByTestId('override-list').textContent).toContain('解除隐去 第 6–7 字：证人书面同意公开姓名（直接利害关系的第三方同意公开）'));
    fireEvent.click(screen.getByRole('button', { name: /保存（生成新版本）/ }));
    await waitFor(() => expect(f.calls.some((c) => c.method === 'PUT')).toBe(true));
    expect((f.calls.find((c) => c.method === 'PUT')?.body as { overrides: unknown }).overrides).toEqual({
      facts: [{ action: 'lift', start: 5, end: 7, reason: '证人书面同意公开姓名', ground: 'thirdPartyConsent' }],
    });
  });

  it('PUB-8: once online, the portal link is shown and the clerk may ask to withdraw', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: clerk } },
      'GET /api/v1/publications/p1': { body: detail({ status: 'published', statusLabel: '已公示', online: true }) },
    });
    renderConsole('/disclosure/publications/p1');
    const link = await screen.findByTestId('portal-link');
    expect(link.getAttribute('href')).toBe('/decisions/p1');
    expect(screen.getByRole('button', { name: '申请撤回' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /保存更正版本/ })).toBeTruthy();
  });
});
