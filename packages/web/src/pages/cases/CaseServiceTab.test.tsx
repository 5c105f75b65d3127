import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, mockFetch } from '../../test/fetchMock.js';
import { me, renderConsole } from '../../test/render.js';
import { META, caseView } from '../../test/caseFixtures.js';
import { chooseOption, pickDate } from '../../test/antd.js';
import { resetCaseMetaCache } from '../../lib/caseMeta.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  resetCaseMetaCache();
});

const officer = me({ id: 'u-o1', username: 'ty_officer1', displayName: '太原市局执法一', roles: ['officer'], roleLabels: ['执法人员'] });
const notice = { documentId: 'd2', versionId: 'v2', kind: 'penaltyNotice', kindName: '行政处罚事先告知书', recordNumber: '并环罚案〔2026〕1号-告01', version: 1, status: 'issued' as const, docNumber: '并环告〔2026〕1号', updatedAt: '2026-03-02T01:00:00.000Z' };

describe('送达 (REC-25)', () => {
  it('records a direct service with the receipt’s signatures; an incomplete proof is refused with what is missing', { timeout: 20_000 }, async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: officer } },
      'GET /api/v1/case-meta': { body: META },
      'GET /api/v1/cases/c1': { body: { case: caseView({ actionType: 'penalty', state: 'serviceExecution', documents: [notice] }) } },
      'POST /api/v1/cases/c1/services': apiError(409, 'service.proof_incomplete', '送达证明不完整，不能视为已送达：送达回证（受送达人或者签收人须在送达回证上签名或者盖章）', [
        { kind: 'service', label: '送达回证', reason: '受送达人或者签收人须在送达回证上签名或者盖章', id: 'recipientSigned', basis: 'GS-R 第三十七条第一句' },
      ]),
    });
    renderConsole('/cases/c1?tab=service');
    const form = (await screen.findByText('记录送达', { selector: '.ant-card-head-title' })).closest('.ant-card') as HTMLElement;
    await chooseOption(within(form).getByLabelText('送达的文书'), '行政处罚事先告知书 并环告〔2026〕1号');
    // Direct service: the server names default to the handlers.
    expect((within(form).getByLabelText('送达人第1项') as HTMLInputElement).value).toBe('太原市局执法一');
    fireEvent.change(within(form).getByLabelText('签收人'), { target: { value: '钱七' } });
    await chooseOption(within(form).getByLabelText('签收人身份'), '法定代表人（负责人）');
    fireEvent.click(within(form).getByLabelText('送达人已在送达回证上签名或者盖章'));
    pickDate(within(form).getByLabelText('签收日期'), '2026-03-03');
    fireEvent.click(within(form).getByRole('button', { name: /记录送达/ }));

    const missing = await screen.findByTestId('missing-list');
    expect(missing.textContent).toContain('送达回证：受送达人或者签收人须在送达回证上签名或者盖章');
    expect(missing.textContent).toContain('依据：《甘肃省生态环境系统行政执法全过程记录实施办法》第三十七条第一句');
    const post = f.calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({
      documentId: 'd2',
      record: { method: 'direct', recipientName: '钱七', recipientRole: 'legalRepresentative', serverNames: ['太原市局执法一', '太原市局执法二'], serverSigned: true, receivedAt: '2026-03-03' },
    });

    // Another method asks for its own proof.
    fireEvent.click(within(form).getByLabelText('邮寄送达'));
    await waitFor(() => expect(within(form).getByLabelText('付邮凭证（编号或扫描件）')).toBeTruthy());
    expect(within(form).queryByLabelText('签收人身份')).toBeNull();
  });
});
