import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { chooseOption } from '../../test/antd.js';
import { apiError, mockFetch } from '../../test/fetchMock.js';
import { me, renderConsole } from '../../test/render.js';
import { clerk, publicRequest } from './disclosureFixtures.js';

// Several antd dialogs per test: a loaded machine (the whole suite in parallel) needs more than the default 5 s.
vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const events = [{ id: 1, kind: 'receive', toStatus: 'received', comment: '', actorName: '公众', at: '2026-03-20T02:00:00.000Z' }];

describe('更正与投诉 inbox', () => {
  it('PUB-9: lists requests with their deadline badges and opens one in a drawer with a link to the publication', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: clerk } },
      'GET /api/v1/public-requests': { body: { items: [publicRequest(), publicRequest({ id: 'r2', kind: 'complaint', kindLabel: '投诉举报', trackingCode: 'ZZZZ234567', content: '公示不及时', due: null })] } },
      'GET /api/v1/public-requests/r1': { body: { request: publicRequest(), events } },
    });
    renderConsole('/disclosure/requests');
    const row = (await screen.findByText('ABCD234567')).closest('tr') as HTMLElement;
    const badge = within(row).getByTestId('due-badge');
    expect(badge.textContent).toBe('已逾期 · 2026-04-03');
    expect(badge.className).toContain('red');
    fireEvent.click(within(row).getByRole('button', { name: /办\s*理/ }));
    const detail = await screen.findByTestId('request-detail');
    expect(detail.textContent).toContain('公示的罚款金额有误');
    expect(within(detail).getByTestId('request-publication-link').getAttribute('href')).toBe('/disclosure/publications/p1');
    expect(within(detail).getByRole('button', { name: '登记核实结果' })).toBeTruthy();
  });

  it('GS-P 17: verification, then a refusal shows the remedies hint and the server message when it is refused', async () => {
    const verified = publicRequest({ status: 'verified', statusLabel: '已核实，待答复', verifiedOn: '2026-03-25', verifiedTrue: false, respondBy: '2026-03-30', due: { date: '2026-03-30', status: 'dueSoon', label: '答复期限' } });
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: clerk } },
      'GET /api/v1/public-requests': { body: { items: [publicRequest()] } },
      'GET /api/v1/public-requests/r1': { body: { request: publicRequest(), events } },
      'POST /api/v1/public-requests/r1/verify': { body: { request: verified, events } },
      'POST /api/v1/public-requests/r1/respond': apiError(400, 'public_request.invalid', '不予更正的，答复中须说明理由和救济途径（行政复议、行政诉讼）'),
    });
    renderConsole('/disclosure/requests?open=r1');
    const detail = await screen.findByTestId('request-detail');
    fireEvent.click(within(detail).getByText('核实不属实'));
    fireEvent.change(within(detail).getByLabelText('核实情况'), { target: { value: '罚款金额与决定书一致' } });
    fireEvent.click(within(detail).getByRole('button', { name: '登记核实结果' }));
    await waitFor(() => expect(f.calls.find((c) => c.path === '/api/v1/public-requests/r1/verify')?.body).toEqual({ verifiedTrue: false, note: '罚款金额与决定书一致' }));
    const select = await screen.findByLabelText('处理结果');
    await chooseOption(select, '不予更正');
    expect((await screen.findByTestId('refusal-hint')).textContent).toContain('行政复议');
    fireEvent.change(screen.getByLabelText('答复内容'), { target: { value: '经核实，公示内容无误' } });
    fireEvent.click(screen.getByRole('button', { name: '提交答复' }));
    expect((await screen.findByTestId('respond-error')).textContent).toContain('须说明理由和救济途径');
    expect(f.calls.find((c) => c.path === '/api/v1/public-requests/r1/respond')?.body).toEqual({ outcome: 'refused', response: '经核实，公示内容无误' });
  });

  it('a supervisor reads but does not handle', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: me({ id: 'u-sup', username: 'ty_supervisor', roles: ['supervisor'], roleLabels: ['上级监督人员'] }) } },
      'GET /api/v1/public-requests': { body: { items: [publicRequest()] } },
      'GET /api/v1/public-requests/r1': { body: { request: publicRequest(), events } },
    });
    renderConsole('/disclosure/requests?open=r1');
    const detail = await screen.findByTestId('request-detail');
    expect(within(detail).queryByRole('button', { name: '登记核实结果' })).toBeNull();
    expect(within(detail).queryByRole('button', { name: '提交答复' })).toBeNull();
  });
});
