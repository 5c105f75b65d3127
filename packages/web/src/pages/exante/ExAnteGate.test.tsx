/**
 * Issue 13 item 1 · PUB-4 · SX25-P 16(一): the redaction gate on ex-ante
 * information in the console — the side-by-side view, the 疑似个人信息 that
 * block approval, the clerk's 隐去 and 排除 (kept in content.redaction), and
 * the approver's read-only view.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockFetch } from '../../test/fetchMock.js';
import { me, renderConsole } from '../../test/render.js';
import type { ExAnteContent } from '../../domain.js';
import { ExAnteGate, type ExAnteGateView } from './ExAnteGate.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const HEARING = '听证事宜请联系褚文博，手机13600001111，身份证号140105197803120015。';
const at = (v: string) => HEARING.indexOf(v);
const suspect = (original: string, kind: 'name' | 'mobile' | 'idNumber', reason: string) => ({ start: at(original), end: at(original) + original.length, original, kind, rule: `pattern.${kind}`, reason: `疑似个人信息：${reason}` });

const GATE: ExAnteGateView = {
  texts: [
    {
      kind: 'exante',
      kindLabel: '事前公开信息“听证权”',
      key: 'fields.hearing',
      original: HEARING,
      text: HEARING,
      masks: [],
      lifted: [],
      suspects: [suspect('褚文博', 'name', '自然人姓名（SX25-P 第十六条（二））'), suspect('13600001111', 'mobile', '联系方式（SX25-P 第十六条（一））'), suspect('140105197803120015', 'idNumber', '身份证件号码（SX25-P 第十六条（一））')],
      dismissed: [],
    },
  ],
  problems: [{ code: 'suspect', message: '事前公开信息“听证权”含疑似个人信息“13600001111”，须隐去或说明理由后排除（联系方式（SX25-P 第十六条（一）））' }],
  redaction: [],
};
const DRAFT: ExAnteContent = { fields: { hearing: HEARING } };

function renderGate(editable: boolean, onChange = vi.fn()) {
  mockFetch({ 'GET /api/v1/auth/me': { body: { user: me() } } });
  renderConsole('/', <ExAnteGate gate={GATE} draft={DRAFT} editable={editable} onChange={onChange} />);
  return onChange;
}

describe('ExAnteGate · issue 13 item 1 (PUB-4 · SX25-P 16(一))', () => {
  it('a phone and an ID number typed into a free text are 疑似个人信息 that block approval; an ID number can only be masked', async () => {
    const onChange = renderGate(true);
    expect((await screen.findByTestId('exante-gate-problems')).textContent).toContain('不能审核通过并公开');
    const items = within(screen.getByTestId('gate-text-fields.hearing')).getAllByTestId('suspect');
    expect(items).toHaveLength(3);
    const id = items.find((i) => i.textContent?.includes('140105197803120015'))!;
    expect(within(id).queryByRole('button', { name: '排除' })).toBeNull();
    fireEvent.click(within(id).getByRole('button', { name: '隐去' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...DRAFT, redaction: [{ action: 'add', value: '140105197803120015', kind: 'idNumber', reason: '疑似身份证件号码，予以隐去' }] });
  });

  it('the clerk dismisses the agency’s own phone with a reason, kept with the version', async () => {
    const onChange = renderGate(true);
    const items = await screen.findAllByTestId('suspect');
    const phone = items.find((i) => i.textContent?.includes('13600001111'))!;
    fireEvent.click(within(phone).getByRole('button', { name: '排除' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('排除理由'), { target: { value: '本机关听证室值班手机' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /排\s*除/ }));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith({ ...DRAFT, redaction: [{ action: 'dismiss', value: '13600001111', reason: '本机关听证室值班手机' }] }));
  });

  it('the approver sees the same side-by-side view and why it cannot be approved, without the clerk’s actions', async () => {
    renderGate(false);
    await screen.findByTestId('exante-gate');
    expect(screen.getByTestId('exante-gate-problems').textContent).toContain('13600001111');
    expect(screen.queryByRole('button', { name: '隐去' })).toBeNull();
    expect(screen.queryByRole('button', { name: '排除' })).toBeNull();
  });
});
