/**
 * Issue 13 items 3 and 4 in the console: masks on natural persons who are
 * not the party (an ID number has no lift action; a lifted name waits for the
 * approver's explicit consent, given or refused in the approval dialog) and
 * the 疑似个人信息 with their 隐去 / 排除 actions.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, mockFetch } from '../../test/fetchMock.js';
import { renderConsole } from '../../test/render.js';
import { FACTS, WITNESS_REASON, approver, clerk, detail } from './disclosureFixtures.js';
import type { PublicationDetail } from './disclosureApi.js';

vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const CONSENT = { code: 'liftConsent', message: '录入员解除了1处个人信息的隐去（证人书面同意公开姓名），须审核员明确同意后方可公示（SX25-P 第十九条第二款）' } as PublicationDetail['problems'][number];

/** The fixture with the witness's name lifted on the third party's consent. */
function lifted(over: Parameters<typeof detail>[0] = {}): PublicationDetail {
  const d = detail(over);
  const facts = d.version.redacted.facts!;
  const name = facts.masks.find((m) => m.kind === 'name')!;
  d.version.redacted.facts = { ...facts, text: facts.text.replace('张*', '张三'), masks: facts.masks.filter((m) => m !== name), lifted: [{ ...name, liftReason: '证人书面同意公开姓名', ground: 'thirdPartyConsent' }] };
  d.version.overrides = { facts: [{ action: 'lift', value: '张三', reason: '证人书面同意公开姓名', ground: 'thirdPartyConsent' }] };
  return d;
}

describe('issue 13 item 3 · PUB-4 · SX25-P 16(一), 19 第二款: masks on third persons', () => {
  it('SX25-P 16(一): the witness’s ID-number mask shows no lift action; the name mask does', async () => {
    mockFetch({
      'GET /api/v1/auth/me': { body: { user: clerk } },
      'GET /api/v1/publications/p1': { body: detail({ status: 'draft', statusLabel: '待录入' }) },
    });
    renderConsole('/disclosure/publications/p1');
    const list = within(await screen.findByTestId('field-facts')).getByTestId('mask-list');
    const rows = [...list.children] as HTMLElement[];
    const idRow = rows.find((r) => r.textContent?.includes('140105199001011234'))!;
    const nameRow = rows.find((r) => r.textContent?.includes(WITNESS_REASON))!;
    expect(within(idRow).queryByRole('button', { name: '解除隐去' })).toBeNull();
    expect(within(idRow).getByTestId('never-lifted').textContent).toContain('不得解除');
    expect(within(nameRow).getByRole('button', { name: '解除隐去' })).toBeTruthy();
  });

  it('SX25-P 19 第二款: a lifted name shows it awaits the approver’s consent; the approver gives it explicitly in the approval dialog', async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: approver } },
      'GET /api/v1/publications/p1': { body: lifted({ problems: [CONSENT] }) },
      'POST /api/v1/publications/p1/approve': { body: lifted({ status: 'published', statusLabel: '已公示', online: true }) },
    });
    renderConsole('/disclosure/publications/p1');
    const field = await screen.findByTestId('field-facts');
    expect(within(field).getByTestId('awaiting-consent').textContent).toContain('待审核员明确同意');
    expect(within(field).getByTestId('mask-list').textContent).toContain('直接利害关系的第三方同意公开');
    // the consent problem does not disable the approval: the consent is given in its dialog
    const approve = screen.getByRole('button', { name: '审核通过并公示' });
    expect((approve as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(approve);
    const box = await screen.findByTestId('lift-consent');
    expect(box.textContent).toContain('须审核员明确同意');
    fireEvent.click(within(box).getByLabelText('同意公开已解除隐去的个人信息'));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /审核通过并公示/ }));
    await waitFor(() => expect(f.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(f.calls.find((c) => c.method === 'POST')!.body).toEqual({ comment: '', liftConsent: true });
  });

  it('SX25-P 19 第二款: without the tick the approval goes without consent and the server’s refusal is shown', async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: approver } },
      'GET /api/v1/publications/p1': { body: lifted({ problems: [CONSENT] }) },
      'POST /api/v1/publications/p1/approve': apiError(409, 'publication.gate_closed', `不能公示：${CONSENT.message}`),
    });
    renderConsole('/disclosure/publications/p1');
    fireEvent.click(await screen.findByRole('button', { name: '审核通过并公示' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /审核通过并公示/ }));
    expect((await screen.findByTestId('modal-error')).textContent).toContain('须审核员明确同意');
    expect(f.calls.find((c) => c.method === 'POST')!.body).toEqual({ comment: '' });
  });
});

describe('issue 13 item 4 · PUB-4: 疑似个人信息 block approval until masked or dismissed', () => {
  function withSuspect(): PublicationDetail {
    const d = detail({ status: 'draft', statusLabel: '待录入', problems: [{ code: 'suspect', message: '“王小明”疑似个人信息，须隐去或说明理由后排除（自然人姓名（SX25-P 第十六条（二）））' } as PublicationDetail['problems'][number]] });
    const start = FACTS.indexOf('你单位');
    d.version.redacted.facts = { ...d.version.redacted.facts!, suspects: [{ start, end: start + 3, original: '你单位', kind: 'name', rule: 'segment.name', reason: '疑似个人信息：自然人姓名（SX25-P 第十六条（二））' }], dismissed: [] };
    return d;
  }

  it('the clerk sees the flag and masks it (an added mask) or dismisses it with a reason (kept with the version)', async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: clerk } },
      'GET /api/v1/publications/p1': { body: withSuspect() },
      'PUT /api/v1/publications/p1': { body: withSuspect() },
    });
    renderConsole('/disclosure/publications/p1');
    const field = await screen.findByTestId('field-facts');
    const suspect = within(field).getByTestId('suspect');
    expect(suspect.textContent).toContain('疑似个人信息');
    expect(suspect.textContent).toContain('隐去或排除前不能公开');
    expect(screen.getByTestId('problems').textContent).toContain('疑似个人信息');
    fireEvent.click(within(suspect).getByRole('button', { name: '排除' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('排除理由'), { target: { value: '指当事人单位，不是自然人' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /排\s*除/ }));
    await waitFor(() => expect(within(field).getByTestId('override-list').textContent).toContain('排除疑似个人信息 “你单位”：指当事人单位，不是自然人'));
    fireEvent.click(within(suspect).getByRole('button', { name: '隐去' }));
    fireEvent.click(screen.getByRole('button', { name: /保存（生成新版本）/ }));
    await waitFor(() => expect(f.calls.some((c) => c.method === 'PUT')).toBe(true));
    expect((f.calls.find((c) => c.method === 'PUT')?.body as { overrides: unknown }).overrides).toEqual({
      facts: [
        { action: 'dismiss', value: '你单位', reason: '指当事人单位，不是自然人' },
        { action: 'add', value: '你单位', kind: 'name', reason: '疑似自然人姓名，予以隐去' },
      ],
    });
  });
});
