import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, mockFetch } from '../test/fetchMock.js';
import { me, renderConsole } from '../test/render.js';
import { GS19, PROFILES, SX25 } from '../test/ruleFixtures.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function setup() {
  return mockFetch({
    'GET /api/v1/auth/me': { body: { user: me({ roles: ['officer'], roleLabels: ['执法人员'] }) } },
    'GET /api/v1/profiles': { body: { items: PROFILES } },
    'GET /api/v1/profiles/SX25': { body: { profile: SX25 } },
    'GET /api/v1/profiles/GS19': { body: { profile: GS19 } },
    'GET /api/v1/agencies/ty/profile': { body: { agencyId: 'ty', profileId: 'SX25', overrides: {}, resolved: SX25 } },
  });
}

/** The table row of a parameter, found by its label. */
async function paramRow(label: string): Promise<HTMLElement> {
  const cell = await screen.findByText(label, { selector: 'td strong' });
  return cell.closest('tr') as HTMLElement;
}

function pickDate(input: HTMLElement, date: string) {
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: date } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.blur(input);
}

async function chooseRule(label: string) {
  const select = screen.getByLabelText('期限规则');
  fireEvent.mouseDown(select);
  const option = await waitFor(() => {
    const o = [...document.querySelectorAll('.ant-select-item-option')].find((e) => e.textContent?.startsWith(label));
    if (!o) throw new Error(`no option ${label}`);
    return o;
  });
  fireEvent.click(option);
}

describe('RuleProfilesPage', () => {
  it('§8: opens the own agency’s profile; every value with its basis and origin tag', async () => {
    setup();
    renderConsole('/rules/profiles');
    const penalty = await paramRow('行政处罚决定公示期限');
    expect(within(penalty).getByText('7 个工作日（自 执法决定作出之日 起）')).toBeTruthy();
    expect(within(penalty).getByText('SX25-P 第十四条第二款')).toBeTruthy();
    expect(within(penalty).getByText('本规则')).toBeTruthy();

    const review = await paramRow('法制审核期限');
    expect(within(review).getByText('可延长 10 个工作日（案件复杂的，经本行政执法机关负责人批准）')).toBeTruthy();
    expect(within(review).getByText('继承自 SX19')).toBeTruthy();
    expect(within(await paramRow('处罚决定书送达期限')).getByText('继承自 全国基线')).toBeTruthy();
    const open = await paramRow('听证较大数额罚款（公民，元）');
    expect(within(open).getByText('5,000 元')).toBeTruthy();
    expect(within(open).getByText('平台默认，须机关配置')).toBeTruthy();
    // A parameter no document in the chain sets.
    expect(within(await paramRow('案卷归档期限')).getByText('未规定')).toBeTruthy();
    expect(screen.getByText('SX25 → SX19 → 全国基线')).toBeTruthy();
  });

  it('期限计算: shows the due date and basis, or the server’s message', async () => {
    const f = setup();
    f.on('GET /api/v1/deadlines/preview', ({ url }) =>
      url.searchParams.get('from') === '2026-09-28'
        ? {
            body: {
              rule: 'publication.penalty',
              label: '行政处罚决定公示',
              profile: 'SX25',
              due: '2026-10-13',
              period: { unit: 'workingDays', amount: 7 },
              extensions: [],
              direction: 'after',
              anchor: 'decisionDate',
              anchorLabel: '执法决定作出之日',
              from: '2026-09-28',
              fromKind: 'date',
              rollover: false,
              basis: 'SX25-P 第十四条第二款',
              citation: SX25.params['publication.penalty']!.citation,
              origin: 'own',
            },
          }
        : apiError(422, 'calendar.year_missing', '2027 年的节假日安排尚未录入，无法计算期限。请系统管理员依国务院办公厅通知补录该年度日历。'),
    );
    renderConsole('/rules/profiles');
    await paramRow('行政处罚决定公示期限');
    await chooseRule('行政处罚决定公示');
    pickDate(screen.getByLabelText('起算日期'), '2026-09-28');
    fireEvent.click(screen.getByRole('button', { name: /计\s*算/ }));
    expect((await screen.findByTestId('deadline-due')).textContent).toBe('2026-10-13（周二）');
    const result = screen.getByTestId('deadline-result');
    expect(within(result).getByText('执法决定作出之日：2026-09-28（周一）')).toBeTruthy();
    expect(f.calls.find((c) => c.path.startsWith('/api/v1/deadlines/preview'))?.path).toBe('/api/v1/deadlines/preview?profile=SX25&rule=publication.penalty&from=2026-09-28');

    pickDate(screen.getByLabelText('起算日期'), '2027-03-01');
    fireEvent.click(screen.getByRole('button', { name: /计\s*算/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('2027 年的节假日安排尚未录入');
    expect(screen.queryByTestId('deadline-result')).toBeNull();
  });

  it('switches profile: GS19 leaves the legal-review limit to the agency', async () => {
    setup();
    renderConsole('/rules/profiles?profile=GS19');
    const review = await paramRow('法制审核期限');
    expect(within(review).getByText('平台默认，须机关配置')).toBeTruthy();
    expect(within(review).getByText('说明：GS19 未规定法制审核时限，由机关配置。')).toBeTruthy();
  });
});
