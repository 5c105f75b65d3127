import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, mockFetch } from '../test/fetchMock.js';
import { TY_AGENCIES } from '../test/fixtures.js';
import { me, renderConsole } from '../test/render.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function setup() {
  return mockFetch({
    'GET /api/v1/auth/me': { body: { user: me() } },
    'GET /api/v1/agencies': { body: { items: TY_AGENCIES } },
  });
}

/** Each tree row as "depth:title". */
const treeTitles = () =>
  [...document.querySelectorAll('.ant-tree-treenode')].filter((n) => n.querySelector('.ant-tree-title')).map((n) => `${n.querySelectorAll('.ant-tree-indent-unit').length}:${n.querySelector('.ant-tree-title')?.textContent ?? ''}`);

describe('AgenciesPage', () => {
  it('ORG-1: shows the visible agencies as a tree and the own agency’s details with the allowed actions', async () => {
    setup();
    renderConsole('/admin/agencies');
    await waitFor(() => expect(treeTitles().length).toBe(3));
    expect(treeTitles()).toEqual(['0:山西省生态环境厅 省级', '1:太原市生态环境局 市级', '2:太原市生态环境局小店分局 分局']);
    await screen.findByText('山西省太原市杏花岭区示例路 1 号');
    // Responsive columns may rebuild the rows: look the card up afresh.
    const card = screen.getByText('山西省太原市杏花岭区示例路 1 号').closest('.ant-card') as HTMLElement;
    expect(within(card).getByText('11140100MB2345678N')).toBeTruthy();
    expect(within(card).getByRole('button', { name: /编\s*辑/ })).toBeTruthy();
    expect(within(card).getByRole('button', { name: /新建下级机关/ })).toBeTruthy();

    // The province above: readable, but no actions.
    const sx = [...document.querySelectorAll('.ant-tree-title')].find((e) => e.textContent?.startsWith('山西省生态环境厅'));
    fireEvent.click(sx!);
    await waitFor(() => expect([...document.querySelectorAll('.ant-card-head-title')].map((e) => e.textContent)).toContain('山西省生态环境厅'));
    expect(screen.queryByRole('button', { name: /编\s*辑/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /新建下级机关/ })).toBeNull();
  });

  it('shows the server’s refusal of an invalid 统一社会信用代码 next to the field', async () => {
    const f = setup();
    f.on('PATCH /api/v1/agencies/ty', apiError(400, 'identity.invalid_credit_code', '统一社会信用代码“11140100MB2345670”无效：校验码不正确'));
    renderConsole('/admin/agencies');
    fireEvent.click(await screen.findByRole('button', { name: /编\s*辑/ }));
    const input = await screen.findByLabelText('统一社会信用代码');
    fireEvent.change(input, { target: { value: '11140100MB2345670' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => {
      const item = input.closest('.ant-form-item');
      expect(item?.querySelector('.ant-form-item-explain-error')?.textContent).toBe('统一社会信用代码“11140100MB2345670”无效：校验码不正确');
    });
    const patch = f.calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toMatchObject({ creditCode: '11140100MB2345670', name: '太原市生态环境局', shortName: '太原市局' });
  });

  it('puts a schema validation failure on the field it names', async () => {
    const f = setup();
    f.on(
      'POST /api/v1/agencies',
      apiError(400, 'validation.failed', '提交的数据不符合要求：/email Invalid email', [{ instancePath: '/email', message: '电子邮箱格式不正确' }]),
    );
    renderConsole('/admin/agencies');
    fireEvent.click(await screen.findByRole('button', { name: /新建下级机关/ }));
    fireEvent.change(await screen.findByLabelText('机关名称'), { target: { value: '太原市生态环境局迎泽分局' } });
    fireEvent.change(screen.getByLabelText('统一社会信用代码'), { target: { value: '11140106MB0000000X' } });
    const email = screen.getByLabelText('电子邮箱');
    fireEvent.change(email, { target: { value: 'not-an-email' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(email.closest('.ant-form-item')?.querySelector('.ant-form-item-explain-error')?.textContent).toBe('电子邮箱格式不正确'));
    expect(f.calls.find((c) => c.method === 'POST')?.body).toMatchObject({ parentId: 'ty', level: 'county', name: '太原市生态环境局迎泽分局', email: 'not-an-email' });
  });
});
