/**
 * The dialogs of the publication's acts: a comment (approve, return, decide
 * a withholding or a withdrawal), the withholding request (PUB-5, PUB-6) and
 * the withdrawal request with its public statement (PUB-8 · SX25-P 25,
 * GS-P 16). A refused request keeps the dialog open with the server's reason.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../api/client.js';
import type { WithholdingReasonKey } from '../../domain.js';
import { WITHDRAWAL_CAUSE_LABELS, type WithdrawInput, type WithdrawalCause } from './disclosureApi.js';

/** Runs the dialog's request; closes on success, shows the server's message otherwise. */
function useSubmit<T>(onSubmit: (v: T) => Promise<void>, onClose: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (v: T) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(v);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, reset: () => setError(null) };
}

const ErrorLine = ({ error }: { error: string | null }) => (error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="modal-error" /> : null);

export interface CommentModalProps {
  open: boolean;
  title: string;
  okText: string;
  label: string;
  required?: boolean;
  danger?: boolean;
  intro?: ReactNode;
  onSubmit: (comment: string) => Promise<void>;
  onClose: () => void;
}

export function CommentModal(p: CommentModalProps) {
  const [form] = Form.useForm<{ comment?: string }>();
  const submit = useSubmit(p.onSubmit, () => {
    form.resetFields();
    p.onClose();
  });
  return (
    <Modal
      open={p.open}
      title={p.title}
      okText={p.okText}
      cancelText="取消"
      okButtonProps={{ danger: p.danger ?? false, loading: submit.busy }}
      onOk={() => form.submit()}
      onCancel={() => {
        submit.reset();
        p.onClose();
      }}
      destroyOnHidden
    >
      {p.intro}
      <ErrorLine error={submit.error} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit.run((v.comment ?? '').trim())}>
        <Form.Item label={p.label} name="comment" rules={p.required ? [{ required: true, whitespace: true, message: `须填写${p.label}` }] : []}>
          <Input.TextArea rows={3} aria-label={p.label} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface WithholdValues {
  reason: WithholdingReasonKey;
  note: string;
}

/** PUB-5, PUB-6: propose not to publish, with the reason and the facts. */
export function WithholdModal({ open, reasons, onSubmit, onClose }: { open: boolean; reasons: { key: WithholdingReasonKey; label: string }[]; onSubmit: (v: WithholdValues) => Promise<void>; onClose: () => void }) {
  const [form] = Form.useForm<WithholdValues>();
  const submit = useSubmit((v: WithholdValues) => onSubmit({ reason: v.reason, note: v.note.trim() }), onClose);
  return (
    <Modal open={open} title="申请不予公开" okText="提交申请" cancelText="取消" okButtonProps={{ loading: submit.busy }} onOk={() => form.submit()} onCancel={() => (submit.reset(), onClose())} destroyOnHidden>
      <ErrorLine error={submit.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit.run(v)}
      >
        <Form.Item label="不予公开的事由" name="reason" rules={[{ required: true, message: '请选择不予公开的事由' }]}>
          <Select aria-label="不予公开的事由" options={reasons.map((r) => ({ value: r.key, label: r.label }))} />
        </Form.Item>
        <Form.Item label="具体情况" name="note" rules={[{ required: true, whitespace: true, message: '须说明不予公开的具体情况' }]}>
          <Input.TextArea rows={3} aria-label="不予公开的具体情况" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface WithdrawValues {
  cause: WithdrawalCause;
  statement: string;
  changedOn: Dayjs;
  body?: string;
  number?: string;
  date?: Dayjs;
  content?: string;
}

const toInput = (v: WithdrawValues): WithdrawInput => ({
  cause: v.cause,
  statement: v.statement.trim(),
  changedOn: v.changedOn.format('YYYY-MM-DD'),
  changingDecision: { body: (v.body ?? '').trim(), number: (v.number ?? '').trim(), date: v.date ? v.date.format('YYYY-MM-DD') : '', content: (v.content ?? '').trim() },
});

/** PUB-8: withdraw a published decision that was changed, revoked or found unlawful or void, with a public statement. */
export function WithdrawModal({ open, onSubmit, onClose }: { open: boolean; onSubmit: (v: WithdrawInput) => Promise<void>; onClose: () => void }) {
  const [form] = Form.useForm<WithdrawValues>();
  const submit = useSubmit((v: WithdrawValues) => onSubmit(toInput(v)), onClose);
  return (
    <Modal open={open} title="申请撤回公示" width={720} okText="提交撤回申请" cancelText="取消" okButtonProps={{ loading: submit.busy }} onOk={() => form.submit()} onCancel={() => (submit.reset(), onClose())} destroyOnHidden>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="已公示的决定被变更、撤销或者被确认违法、无效的，应在规定期限内撤回原公示信息并公开说明理由；部分地区还须公开变更决定的机关、文号、日期和内容（SX25-P 第二十五条；GS-P 第十六条）。"
      />
      <ErrorLine error={submit.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit.run(v)}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label="撤回原因" name="cause" rules={[{ required: true, message: '请选择撤回原因' }]}>
              <Select aria-label="撤回原因" options={(Object.keys(WITHDRAWAL_CAUSE_LABELS) as WithdrawalCause[]).map((k) => ({ value: k, label: WITHDRAWAL_CAUSE_LABELS[k] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="决定被变更、撤销或确认违法、无效的日期" name="changedOn" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} aria-label="决定变更日期" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="公开说明（撤回理由）" name="statement" rules={[{ required: true, whitespace: true, message: '须公开说明撤回理由' }]}>
          <Input.TextArea rows={3} aria-label="撤回理由" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label="作出变更决定的机关" name="body">
              <Input aria-label="作出变更决定的机关" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="变更决定文号" name="number">
              <Input aria-label="变更决定文号" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="变更决定日期" name="date">
          <DatePicker style={{ width: '100%' }} aria-label="变更决定日期" />
        </Form.Item>
        <Form.Item label="变更决定内容" name="content">
          <Input.TextArea rows={3} aria-label="变更决定内容" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
