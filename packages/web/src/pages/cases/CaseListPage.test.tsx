import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, mockFetch } from '../../test/fetchMock.js';
import { me, renderConsole } from '../../test/render.js';
import { META, OFFICERS, caseView } from '../../test/caseFixtures.js';
import { chooseOption, optionTexts, optionsOf } from '../../test/antd.js';
import { resetCaseMetaCache } from '../../lib/caseMeta.js';
import type { CaseListItem } from '../../api/cases.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  resetCaseMetaCache();
});

const officer = me({ id: 'u-o1', username: 'ty_officer1', displayName: '太原市局执法一', roles: ['officer'], roleLabels: ['执法人员'] });

const item = (over: Partial<CaseListItem>): CaseListItem => ({
  id: 'c1',
  caseNumber: '并环检案〔2026〕1号',
  title: '对某化工公司的双随机检查',
  actionType: 'inspection',
  actionTypeLabel: '行政检查',
  state: 'initiation',
  stateLabel: '启动',
  partyName: '某化工有限公司',
  createdAt: '2026-03-02T01:00:00.000Z',
  nextDeadline: null,
  ...over,
});

function setup(user = officer) {
  return mockFetch({
    'GET /api/v1/auth/me': { body: { user } },
    'GET /api/v1/case-meta': { body: META },
    'GET /api/v1/officers': { body: { items: OFFICERS } },
    'GET /api/v1/parties': { body: { items: [] } },
    'GET /api/v1/cases': {
      body: {
        total: 2,
        items: [
          item({ nextDeadline: { key: 'penalty.decide', label: '作出处罚决定', due: '2026-03-04', basis: '', status: 'overdue' } }),
          item({ id: 'c2', caseNumber: '并环罚案〔2026〕2号', actionType: 'penalty', actionTypeLabel: '行政处罚', state: 'investigation', stateLabel: '调查取证', partyName: null }),
        ],
      },
    },
  });
}

async function openNewCase(): Promise<HTMLElement> {
  const button = (await screen.findByRole('button', { name: /新建案件/ })) as HTMLButtonElement;
  await waitFor(() => expect(button.disabled).toBe(false)); // enabled once the case meta is loaded
  fireEvent.click(button);
  return screen.findByRole('dialog');
}

describe('CaseListPage', () => {
  it('lists cases with stage and deadline badge; filters ask the server again', async () => {
    const f = setup();
    renderConsole('/cases');
    const row = (await screen.findByText('并环检案〔2026〕1号')).closest('tr') as HTMLElement;
    expect(within(row).getByTestId('deadline-badge').textContent).toBe('已逾期');
    expect(within(row).getByText('启动')).toBeTruthy();
    const other = screen.getByText('并环罚案〔2026〕2号').closest('tr') as HTMLElement;
    expect(within(other).getByText('未登记')).toBeTruthy();
    expect(screen.getByText('共 2 件')).toBeTruthy();
    // The menu: 案件办理 with 案件列表 and 当事人.
    const sider = document.querySelector('.ant-layout-sider') as HTMLElement;
    expect(sider.textContent).toContain('案件办理');
    expect(sider.textContent).toContain('当事人');

    await chooseOption('环节', '调查取证');
    await waitFor(() => expect(f.calls.some((c) => c.path === '/api/v1/cases?state=investigation&page=1&pageSize=20')).toBe(true));
    fireEvent.change(screen.getByLabelText('搜索案件'), { target: { value: '化工' } });
    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    await waitFor(() => expect(f.calls.some((c) => c.path === '/api/v1/cases?state=investigation&q=%E5%8C%96%E5%B7%A5&page=1&pageSize=20')).toBe(true));
  });

  it('REC-3: in the new-case form the sources follow the action type', { timeout: 40_000 }, async () => {
    setup();
    renderConsole('/cases');
    const dialog = await openNewCase();
    const source = within(dialog).getByLabelText('案件来源');
    // No type yet: no source can be chosen.
    expect(source.closest('.ant-select')?.classList.contains('ant-select-disabled')).toBe(true);

    // 行政许可 starts on application: 依申请 is the only source and is chosen.
    await chooseOption(within(dialog).getByLabelText('执法类别'), '行政许可');
    await waitFor(() => expect(source.closest('.ant-select')?.textContent).toContain('依申请'));
    fireEvent.mouseDown(source);
    await waitFor(() => expect(optionTexts(source)).toEqual(['依申请']));

    // 行政检查 starts ex officio: the four ex-officio sources, not 依申请; the earlier choice is cleared.
    await chooseOption(within(dialog).getByLabelText('执法类别'), '行政检查');
    await waitFor(() => expect(source.closest('.ant-select')?.textContent).not.toContain('依申请'));
    fireEvent.mouseDown(source);
    await waitFor(() => expect(optionTexts(source)).toEqual(['依职权发现（日常巡查、监测等）', '投诉、举报', '“双随机”抽查', '移送、交办']));
  });

  it('ORG-2: files a case with two handlers (the officer is preset; an expired certificate cannot be chosen) and shows the server’s refusal under the handlers', { timeout: 40_000 }, async () => {
    const f = setup();
    f.on('POST /api/v1/cases', apiError(409, 'case.handlers_invalid', '承办人员不符合要求：执法证：太原市局执法二 的执法证 140100260002 已于 2026-03-01 过期，不能从事执法活动'));
    renderConsole('/cases');
    const dialog = await openNewCase();
    await chooseOption(within(dialog).getByLabelText('执法类别'), '行政检查');
    await chooseOption(within(dialog).getByLabelText('案件来源'), '“双随机”抽查');
    fireEvent.change(within(dialog).getByLabelText('案件名称'), { target: { value: '对某化工公司的双随机检查' } });
    const handlers = within(dialog).getByLabelText('承办人员');
    await waitFor(() => expect(handlers.closest('.ant-select')?.textContent).toContain('太原市局执法一'));

    // One handler is not enough: nothing is sent.
    fireEvent.click(within(dialog).getByRole('button', { name: /立\s*案/ }));
    expect(await within(dialog).findByText('承办人员不得少于两人')).toBeTruthy();
    expect(f.calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.mouseDown(handlers);
    const expired = await waitFor(() => {
      const o = optionsOf(handlers).find((e) => e.textContent?.includes('执法三'));
      if (!o) throw new Error('no option');
      return o;
    });
    expect(expired.classList.contains('ant-select-item-option-disabled')).toBe(true);
    expect(expired.textContent).toContain('已于 2025-06-30 过期');
    await chooseOption(handlers, '太原市局执法二');
    fireEvent.click(within(dialog).getByRole('button', { name: /立\s*案/ }));
    expect(await within(dialog).findByText(/已于 2026-03-01 过期，不能从事执法活动/)).toBeTruthy();
    expect(f.calls.find((c) => c.method === 'POST')?.body).toEqual({ actionType: 'inspection', source: 'randomInspection', title: '对某化工公司的双随机检查', handlerIds: ['u-o1', 'u-o2'] });

    // Accepted: the new case opens.
    f.on('POST /api/v1/cases', { status: 201, body: { case: caseView() } });
    f.on('GET /api/v1/cases/c1', { body: { case: caseView() } });
    fireEvent.click(within(dialog).getByRole('button', { name: /立\s*案/ }));
    expect(await screen.findByTestId('checklist')).toBeTruthy();
  });

  it('administrators have no case menu', async () => {
    setup(me());
    renderConsole('/');
    await screen.findByText(/您好/);
    expect((document.querySelector('.ant-layout-sider') as HTMLElement).textContent).not.toContain('案件办理');
  });
});
