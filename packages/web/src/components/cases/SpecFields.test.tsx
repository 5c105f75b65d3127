import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Form } from 'antd';
import dayjs from 'dayjs';
import { INSPECTION_FIELDS } from '../../test/caseFixtures.js';
import type { FieldSpec } from '../../domain.js';
import { SpecFields, checkBeforeFinalize, fromFormValues, toFormValues, type FormValues } from './SpecFields.js';

afterEach(cleanup);

let captured: ReturnType<typeof Form.useForm<FormValues>>[0] | null = null;

function Harness({ specs, values = {}, status = 'signed' as const }: { specs: FieldSpec[]; values?: Record<string, unknown>; status?: 'signed' | 'issued' }) {
  const [form] = Form.useForm<FormValues>();
  captured = form;
  return (
    <Form form={form} layout="vertical" name="doc" initialValues={toFormValues(specs, values)}>
      <SpecFields specs={specs} status={status} />
    </Form>
  );
}

const label = (text: string) => screen.getByText(text, { selector: 'label' });
const isRequired = (text: string) => label(text).classList.contains('ant-form-item-required');
const extraOf = (key: string) => document.querySelector(`[data-field-extra="${key}"]`)?.textContent ?? '';

describe('REC-2: a form generated from field specs', () => {
  it('marks required fields; a field required only when another is ticked follows that field', async () => {
    render(<Harness specs={INSPECTION_FIELDS} />);
    expect(isRequired('当事人姓名或者名称')).toBe(true);
    expect(isRequired('开始时间')).toBe(true);
    expect(isRequired('执法人员')).toBe(true);
    expect(isRequired('相关音像记录编号')).toBe(false);
    expect(isRequired('当事人拒绝签名')).toBe(false);
    // 见证人姓名 is required when the party refused to sign (REC-5).
    expect(isRequired('见证人姓名')).toBe(false);
    expect(extraOf('witnessName')).toContain('勾选“当事人拒绝签名”时必填');
    fireEvent.click(screen.getByLabelText('当事人拒绝签名'));
    await waitFor(() => expect(isRequired('见证人姓名')).toBe(true));
    // Each field shows its rule and hint.
    expect(extraOf('certificateNumbers')).toContain('依据 DUR-1 · GS-R 22(六)');
    expect(extraOf('findings')).toContain('写明检查的部位');
  });

  it('documents for the party: 文号 and seal are required only when issuing', () => {
    const specs: FieldSpec[] = [
      { key: 'documentNumber', label: '文号', type: 'text', required: 'onIssue' },
      { key: 'sealAffixed', label: '已加盖机关印章', type: 'boolean', required: 'onIssue', mustBeTrue: true },
    ];
    const { unmount } = render(<Harness specs={specs} status="signed" />);
    expect(isRequired('文号')).toBe(false);
    unmount();
    render(<Harness specs={specs} status="issued" />);
    expect(isRequired('文号')).toBe(true);
    expect(isRequired('已加盖机关印章')).toBe(true);
  });

  it('mustBeTrue: a confirmation is a checkbox that must be ticked before signing', async () => {
    render(<Harness specs={INSPECTION_FIELDS} />);
    const box = screen.getByLabelText('已出示执法证件、表明身份') as HTMLInputElement;
    expect(box.type).toBe('checkbox');
    expect(extraOf('certificateShown')).toContain('须勾选确认后方可签署');
    const specsOnly = INSPECTION_FIELDS.filter((f) => f.key === 'certificateShown');
    expect(checkBeforeFinalize(specsOnly, { certificateShown: false }, 'signed').map((m) => m.reason)).toEqual(['须确认']);
    expect(checkBeforeFinalize(specsOnly, { certificateShown: null }, 'signed').map((m) => m.reason)).toEqual(['须填写']);
    fireEvent.click(box);
    await waitFor(() => expect(box.checked).toBe(true));
    const values = fromFormValues(specsOnly, captured!.getFieldsValue(true));
    expect(checkBeforeFinalize(specsOnly, values, 'signed')).toEqual([]);
  });

  it('textList: one input per item (at least the minimum), items added and removed; blanks are dropped', async () => {
    render(<Harness specs={INSPECTION_FIELDS} values={{ officerNames: ['执法一'] }} />);
    // minItems 2: a second, empty row is offered.
    expect((screen.getByLabelText('执法人员第1项') as HTMLInputElement).value).toBe('执法一');
    expect((screen.getByLabelText('执法人员第2项') as HTMLInputElement).value).toBe('');
    fireEvent.change(screen.getByLabelText('执法人员第2项'), { target: { value: '执法二' } });
    const list = document.querySelector('[data-field="officerNames"]') as HTMLElement;
    fireEvent.click(list.querySelector('button.ant-btn-dashed') as HTMLElement);
    await screen.findByLabelText('执法人员第3项');
    expect(fromFormValues(INSPECTION_FIELDS, captured!.getFieldsValue(true)).officerNames).toEqual(['执法一', '执法二']);
    fireEvent.click(screen.getByLabelText('删除执法人员第1项'));
    await waitFor(() => expect(screen.queryByLabelText('执法人员第3项')).toBeNull());
    expect(fromFormValues(INSPECTION_FIELDS, captured!.getFieldsValue(true)).officerNames).toEqual(['执法二']);
    // An optional list with nothing in it is sent as empty (null).
    expect(fromFormValues(INSPECTION_FIELDS, captured!.getFieldsValue(true)).avRecordRefs).toBeNull();
  });

  it('converts dates and date-times both ways (ISO 8601 with the offset)', () => {
    const specs: FieldSpec[] = [
      { key: 'd', label: '日期', type: 'date' },
      { key: 't', label: '时间', type: 'dateTime' },
      { key: 'm', label: '金额', type: 'money' },
    ];
    const form = toFormValues(specs, { d: '2026-03-02', t: '2026-03-02T09:30:00+08:00', m: 1200.5 });
    expect(dayjs.isDayjs(form.d)).toBe(true);
    const back = fromFormValues(specs, form);
    expect(back.d).toBe('2026-03-02');
    expect(back.t).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);
    expect(dayjs(back.t as string).valueOf()).toBe(dayjs('2026-03-02T09:30:00+08:00').valueOf());
    expect(back.m).toBe(1200.5);
  });
});
