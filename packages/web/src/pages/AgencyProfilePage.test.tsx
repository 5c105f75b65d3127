import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockFetch } from '../test/fetchMock.js';
import { TY_AGENCIES } from '../test/fixtures.js';
import { me, renderConsole } from '../test/render.js';
import { GS19, PROFILES } from '../test/ruleFixtures.js';
import type { AgencyOverrides, ResolvedProfile } from '../domain.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AgencyProfilePage', () => {
  it('§8: the system administrator configures the legal-review limit GS19 leaves open, with its basis, and sees the result', async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: me() } },
      'GET /api/v1/agencies': { body: { items: TY_AGENCIES.map((a) => ({ ...a, profileId: 'GS19' })) } },
      'GET /api/v1/profiles': { body: { items: PROFILES } },
      'GET /api/v1/profiles/GS19': { body: { profile: GS19 } },
      'GET /api/v1/agencies/ty/profile': { body: { agencyId: 'ty', profileId: 'GS19', overrides: {}, resolved: GS19 } },
      'PUT /api/v1/agencies/ty/profile': ({ body }) => {
        const { overrides } = body as { overrides: AgencyOverrides };
        const o = overrides['review.timeLimit']!;
        const resolved: ResolvedProfile = {
          ...GS19,
          params: { ...GS19.params, 'review.timeLimit': { key: 'review.timeLimit', value: o.value, origin: 'agency', from: 'agency', citation: null, related: [], basis: `本机关配置：${o.basis}` } },
        };
        return { body: { agencyId: 'ty', profileId: 'GS19', overrides, resolved } };
      },
    });
    renderConsole('/rules/agency');
    const toggle = await screen.findByRole('switch', { name: '法制审核期限由本机关配置' });
    fireEvent.click(toggle);
    const amount = await screen.findByRole('spinbutton', { name: /期限$/ });
    fireEvent.change(amount, { target: { value: '15' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: /可延长/ }), { target: { value: '5' } });

    // The basis is required.
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    const basis = screen.getByRole('textbox', { name: /依据$/ });
    await waitFor(() => expect(basis.closest('.ant-form-item')?.querySelector('.ant-form-item-explain-error')?.textContent).toBe('请注明依据，如本机关制度的名称和条款'));
    expect(f.calls.some((c) => c.method === 'PUT')).toBe(false);

    fireEvent.change(basis, { target: { value: '太原市生态环境局重大执法决定法制审核办法 第十条' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await screen.findByText(/已保存。/);
    expect(f.calls.find((c) => c.method === 'PUT')?.body).toEqual({
      profileId: 'GS19',
      overrides: {
        'review.timeLimit': {
          value: {
            kind: 'span',
            period: { unit: 'workingDays', amount: 15 },
            anchor: 'materialsComplete',
            direction: 'after',
            extensions: [{ amount: 5, approval: '经机关负责人批准' }],
            rollover: false,
          },
          basis: '太原市生态环境局重大执法决定法制审核办法 第十条',
        },
      },
    });
    // The rules in force after saving: the agency's value and basis.
    const row = (await screen.findByText('本机关配置：太原市生态环境局重大执法决定法制审核办法 第十条')).closest('tr') as HTMLElement;
    expect(within(row).getByText('15 个工作日（自 收到完备的送审材料之日 起）')).toBeTruthy();
    expect(within(row).getByText('本机关配置')).toBeTruthy();
  });
});
