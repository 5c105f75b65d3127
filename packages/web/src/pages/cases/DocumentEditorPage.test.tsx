import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, mockFetch } from '../../test/fetchMock.js';
import { me, renderConsole } from '../../test/render.js';
import { META, caseView, documentView, version } from '../../test/caseFixtures.js';
import { confirmPopconfirm, explain, pickDate } from '../../test/antd.js';
import { resetCaseMetaCache } from '../../lib/caseMeta.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  resetCaseMetaCache();
});

const officer = me({ id: 'u-o1', username: 'ty_officer1', displayName: '太原市局执法一', roles: ['officer'], roleLabels: ['执法人员'] });
const DOC = '/api/v1/cases/c1/documents/d1';
const PREFILLED = { officerNames: ['太原市局执法一', '太原市局执法二'], certificateNumbers: ['140100260001', '140100260002'] };

function setup(doc = documentView([version({ fields: PREFILLED })]), c = caseView({ state: 'investigation', stateLabel: '调查取证' })) {
  return mockFetch({
    'GET /api/v1/auth/me': { body: { user: officer } },
    'GET /api/v1/case-meta': { body: META },
    'GET /api/v1/cases/c1': { body: { case: c } },
    [`GET ${DOC}`]: { body: { document: doc } },
  });
}

const sign = async () => {
  fireEvent.click(await screen.findByRole('button', { name: /签\s*署/ }));
  await confirmPopconfirm(/签\s*署/);
};

describe('DocumentEditorPage', () => {
  it('REC-5, DUR-1: a draft opens with the handlers and their certificate numbers; signing with gaps is stopped in the browser, field by field', { timeout: 20_000 }, async () => {
    const f = setup();
    renderConsole('/cases/c1/documents/d1');
    expect((await screen.findByLabelText('出示的执法证号第1项') as HTMLInputElement).value).toBe('140100260001');
    expect((screen.getByLabelText('出示的执法证号第2项') as HTMLInputElement).value).toBe('140100260002');
    expect(screen.getByText('当事人姓名或者名称', { selector: 'label' }).classList.contains('ant-form-item-required')).toBe(true);

    await sign();
    const alert = await screen.findByTestId('missing-list');
    expect(alert.textContent).toContain('已出示执法证件、表明身份：须填写');
    expect(alert.textContent).toContain('当事人签名：须由当事人签名确认');
    await waitFor(() => expect(explain(screen.getByLabelText('当事人姓名或者名称'))).toBe('须填写'));
    expect(f.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('signs a complete record; it then becomes read-only and offers 更正, which asks for a reason and makes a new draft version', { timeout: 20_000 }, async () => {
    const signed = version({ status: 'signed', fields: { ...PREFILLED, partyName: '某化工有限公司' }, contentHash: 'ab'.repeat(32), finalizedAt: '2026-03-02T02:00:00.000Z' });
    const f = setup();
    f.on(`POST ${DOC}/finalize`, { body: { document: documentView([signed]) } });
    renderConsole('/cases/c1/documents/d1');
    fireEvent.change(await screen.findByLabelText('当事人姓名或者名称'), { target: { value: '某化工有限公司' } });
    pickDate(screen.getByLabelText('开始时间'), '2026-03-02 09:30');
    fireEvent.click(screen.getByLabelText('已出示执法证件、表明身份'));
    fireEvent.change(screen.getByLabelText('检查情况'), { target: { value: '废气处理设施正常运行。' } });
    fireEvent.click(screen.getByLabelText('当事人（被询问人）已签名确认'));
    f.on(`GET ${DOC}`, { body: { document: documentView([signed]) } });
    await sign();

    await waitFor(() => expect(f.calls.some((c) => c.method === 'POST' && c.path === `${DOC}/finalize`)).toBe(true));
    const body = f.calls.find((c) => c.path === `${DOC}/finalize`)!.body as { status: string; fields: Record<string, unknown> };
    expect(body.status).toBe('signed');
    expect(body.fields).toMatchObject({ partyName: '某化工有限公司', certificateShown: true, partySigned: true, findings: '废气处理设施正常运行。', ...PREFILLED, avRecordRefs: null });
    expect(body.fields.startAt).toMatch(/^2026-03-02T09:30:00[+-]\d{2}:\d{2}$/);

    // Read-only now.
    await waitFor(() => expect(screen.getByTestId('document-status').textContent).toBe('已签署'));
    expect((screen.getByLabelText('当事人姓名或者名称') as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: /保存草稿/ })).toBeNull();

    // 更正: a reason is required; the new version is a draft.
    const corrected = documentView([{ ...signed, current: false, supersededBy: 'v2' }, version({ id: 'v2', version: 2, supersedes: 'v1', correctionReason: '检查地点笔误', fields: signed.fields })]);
    f.on(`POST ${DOC}/corrections`, { status: 201, body: { document: corrected } });
    fireEvent.click(screen.getByRole('button', { name: /更\s*正/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /生成更正版本/ }));
    expect(await within(dialog).findByText('请写明更正理由（至少 2 个字）')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('更正理由'), { target: { value: '检查地点笔误' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /生成更正版本/ }));
    await waitFor(() => expect(screen.getByTestId('document-status').textContent).toBe('草稿'));
    expect(f.calls.find((c) => c.path === `${DOC}/corrections`)?.body).toEqual({ reason: '检查地点笔误' });
    expect((screen.getByLabelText('当事人姓名或者名称') as HTMLInputElement).disabled).toBe(false);
  });

  it('REC-16: the version history shows status, 文号, hash, reason and what superseded each version; an old version opens read-only', { timeout: 20_000 }, async () => {
    const v1 = version({ status: 'issued', docNumber: '并环告〔2026〕3号', contentHash: '0123456789abcdef'.repeat(4), finalizedAt: '2026-03-02T02:00:00.000Z', current: false, supersededBy: 'v2', fields: { partyName: '旧名称' } });
    const v2 = version({ id: 'v2', version: 2, supersedes: 'v1', correctionReason: '当事人名称有误', fields: { partyName: '新名称' } });
    setup(documentView([v1, v2], { kind: 'penaltyNotice', kindName: '行政处罚事先告知书', finalStatus: 'issued', fieldSpecs: META.documentKinds[2]!.fields as never }), caseView({ state: 'decision', actionType: 'penalty' }));
    renderConsole('/cases/c1/documents/d1');
    fireEvent.click(await screen.findByRole('button', { name: /版本历史（2）/ }));
    const history = await screen.findByTestId('version-history');
    const first = history.querySelector('[data-version="1"]') as HTMLElement;
    expect(first.textContent).toContain('已签发');
    expect(first.textContent).toContain('并环告〔2026〕3号');
    expect(first.textContent).toContain('0123456789ab…');
    expect(first.textContent).toContain('已被第2版取代');
    expect(within(first).getByRole('link', { name: /下载第1版 Word/ }).getAttribute('href')).toBe(`${DOC}/docx?version=1`);
    const second = history.querySelector('[data-version="2"]') as HTMLElement;
    expect(second.textContent).toContain('当前版本');
    expect(second.textContent).toContain('当事人名称有误（更正第1版）');
    // An officer cannot issue: no 签发 button, a note says who issues.
    expect(screen.queryByRole('button', { name: /签\s*发/ })).toBeNull();
    expect(screen.getByText(/须由承办机构负责人或者机关负责人签发/)).toBeTruthy();

    fireEvent.click(within(first).getByRole('button', { name: /查\s*看/ }));
    expect(await screen.findByText('正在查看第1版（只读），已被第2版取代')).toBeTruthy();
    const name = screen.getByLabelText('当事人姓名或者名称') as HTMLInputElement;
    expect(name.value).toBe('旧名称');
    expect(name.disabled).toBe(true);
  });

  it('shows the server’s refusal of a signature under the fields it names', { timeout: 20_000 }, async () => {
    const f = setup(documentView([version({ fields: { ...PREFILLED, partyName: '某公司', startAt: '2026-03-02T09:00:00+08:00', certificateShown: true, findings: '正常', partySigned: true } })]));
    f.on(
      `POST ${DOC}/finalize`,
      apiError(400, 'document.fields_invalid', '文书“现场检查笔录”内容不完整或有误：出示的执法证号：执法证 140100260009 不属于本案承办人员', [
        { kind: 'handler', label: '出示的执法证号', reason: '执法证 140100260009 不属于本案承办人员', id: 'certificateNumbers', basis: 'DUR-1 · GS-R 22(六)' },
      ]),
    );
    renderConsole('/cases/c1/documents/d1');
    await screen.findByLabelText('出示的执法证号第1项');
    await sign();
    const list = await screen.findByTestId('missing-list');
    expect(list.textContent).toContain('出示的执法证号：执法证 140100260009 不属于本案承办人员依据：《甘肃省生态环境系统行政执法全过程记录实施办法》第二十二条（六）');
    const field = document.querySelector('[data-field="certificateNumbers"]') as HTMLElement;
    await waitFor(() => expect(field.querySelector('.ant-form-item-explain-error')?.textContent).toBe('执法证 140100260009 不属于本案承办人员'));
  });
});
