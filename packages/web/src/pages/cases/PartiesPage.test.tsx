import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, mockFetch } from '../../test/fetchMock.js';
import { me, renderConsole } from '../../test/render.js';
import { explain } from '../../test/antd.js';
import { partyErrors } from '../../components/cases/PartyFormModal.js';
import type { Party } from '../../api/cases.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const officer = me({ id: 'u-o1', username: 'ty_officer1', displayName: '太原市局执法一', roles: ['officer'], roleLabels: ['执法人员'] });
const company: Party = {
  id: 'p1',
  agencyId: 'ty',
  kind: 'organisation',
  name: '某化工有限公司',
  idType: null,
  idNumber: null,
  creditCode: '91350100M000100Y43',
  legalRepresentative: { name: '钱七' },
  operator: null,
  minor: false,
  address: '太原市某工业园',
  contacts: [{ kind: 'mobile', value: '13800000000' }],
};

describe('PartiesPage', () => {
  it('NAT-13: lists parties; the server’s complaint about a 统一社会信用代码 is shown under that field', { timeout: 20_000 }, async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: officer } },
      'GET /api/v1/parties': { body: { items: [company] } },
      'POST /api/v1/parties': apiError(400, 'case.party_invalid', '当事人信息不完整或有误：统一社会信用代码：“91350100M000100Y44”无效：校验码不正确'),
    });
    renderConsole('/parties');
    const row = (await screen.findByText('某化工有限公司')).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('91350100M000100Y43');
    expect(row.textContent).toContain('钱七');
    expect(row.textContent).toContain('手机 13800000000');

    fireEvent.click(screen.getByRole('button', { name: /新建当事人/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('名称'), { target: { value: '另一化工有限公司' } });
    fireEvent.change(within(dialog).getByLabelText('统一社会信用代码'), { target: { value: '91350100m000100y44' } });
    fireEvent.change(within(dialog).getByLabelText('法定代表人（负责人）姓名'), { target: { value: '孙八' } });
    fireEvent.change(within(dialog).getByLabelText('住所（地址）'), { target: { value: '太原市某路 1 号' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(explain(within(dialog).getByLabelText('统一社会信用代码'))).toBe('统一社会信用代码：“91350100M000100Y44”无效：校验码不正确'));
    expect(f.calls.find((c) => c.method === 'POST')?.body).toEqual({ kind: 'organisation', name: '另一化工有限公司', address: '太原市某路 1 号', creditCode: '91350100M000100Y44', legalRepresentative: { name: '孙八' } });
  });

  it('a natural person: the ID number field; its complaint lands there', { timeout: 20_000 }, async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: officer } },
      'GET /api/v1/parties': { body: { items: [] } },
      'POST /api/v1/parties': apiError(400, 'case.party_invalid', '当事人信息不完整或有误：当事人居民身份证号码：“110105194912310021”无效：校验码不正确'),
    });
    renderConsole('/parties');
    fireEvent.click(await screen.findByRole('button', { name: /新建当事人/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByLabelText('自然人'));
    fireEvent.change(await within(dialog).findByLabelText('姓名'), { target: { value: '赵六' } });
    fireEvent.change(within(dialog).getByLabelText('居民身份证号码'), { target: { value: '110105194912310021' } });
    fireEvent.change(within(dialog).getByLabelText('住所（地址）'), { target: { value: '太原市某街 2 号' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(explain(within(dialog).getByLabelText('居民身份证号码'))).toContain('身份证号码：“110105194912310021”无效：校验码不正确'));
  });

  it('splits a message naming several fields', () => {
    const r = partyErrors('当事人信息不完整或有误：统一社会信用代码：“X”无效：长度应为 18 位；法定代表人（负责人）居民身份证号码：“1”无效：长度不正确；联系方式：未知', 'organisation');
    expect(r.fields).toEqual([
      { name: 'creditCode', errors: ['统一社会信用代码：“X”无效：长度应为 18 位'] },
      { name: ['legalRepresentative', 'idNumber'], errors: ['法定代表人（负责人）居民身份证号码：“1”无效：长度不正确'] },
    ]);
    expect(r.rest).toEqual(['联系方式：未知']);
  });
});
