/**
 * The clerk's changes to the automatic redaction (PUB-4, PUB-5 · SX25-P 19
 * 第二款): hide more (a selected span or a value, with the reason and what it
 * is), lift a mask (with the reason and the ground), and the list of changes
 * the next save sends, each removable.
 */
import { Button, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { LIFT_GROUND_LABELS, SENSITIVE_KIND_LABELS, type DismissedSuspect, type LiftGround, type Mask, type SensitiveKind, type Suspect } from '../../domain.js';
import { LIFT_GROUND_OPTIONS, type Override } from './disclosureApi.js';
import type { TextSelection } from './RedactionDiff.js';

const KIND_OPTIONS = (Object.keys(SENSITIVE_KIND_LABELS) as SensitiveKind[]).map((value) => ({ value, label: SENSITIVE_KIND_LABELS[value] }));

export interface AddMaskTarget {
  fieldKey: string;
  fieldLabel: string;
  selection: TextSelection | null;
  textChanged: boolean;
}

interface AddValues {
  value: string;
  kind: SensitiveKind;
  reason: string;
}

/** Hide a span selected in the original (by position, when the text is unchanged) or every occurrence of a typed value. */
export function AddMaskModal({ target, onCancel, onAdd }: { target: AddMaskTarget | null; onCancel: () => void; onAdd: (fieldKey: string, o: Override) => void }) {
  const [form] = Form.useForm<AddValues>();
  const sel = target?.selection ?? null;
  const finish = (v: AddValues) => {
    if (!target) return;
    const base = { action: 'add' as const, reason: v.reason.trim(), kind: v.kind };
    const bySpan = sel && !target.textChanged && sel.text === v.value;
    onAdd(target.fieldKey, bySpan ? { ...base, start: sel.start, end: sel.end } : { ...base, value: v.value.trim() });
  };
  return (
    <Modal open={target !== null} title={`增加隐去 · ${target?.fieldLabel ?? ''}`} okText="增加隐去" cancelText="取消" onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ value: sel?.text ?? '', kind: 'other' }} onFinish={finish}>
        <Form.Item
          label="要隐去的内容"
          name="value"
          extra={sel && !target?.textChanged ? `原文中选取的第 ${sel.start + 1}–${sel.end} 字；改动内容则隐去原文中所有相同的文字` : '隐去原文中所有相同的文字'}
          rules={[{ required: true, whitespace: true, message: '请填写要隐去的内容' }]}
        >
          <Input aria-label="要隐去的内容" />
        </Form.Item>
        <Form.Item label="类别" name="kind">
          <Select aria-label="隐去类别" options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item label="理由" name="reason" rules={[{ required: true, whitespace: true, message: '须说明隐去的理由' }]}>
          <Input.TextArea rows={2} aria-label="隐去理由" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface LiftValues {
  reason: string;
  ground: LiftGround;
}

export interface LiftTarget {
  fieldKey: string;
  mask: Mask;
  /** Lift by value (every mask of that text) when the field's text was changed since the save. */
  byValue: boolean;
}

/** Lift one mask: the reason and the ground are recorded (the leak guard then allows the value). */
export function LiftMaskModal({ target, onCancel, onLift }: { target: LiftTarget | null; onCancel: () => void; onLift: (fieldKey: string, o: Override) => void }) {
  const [form] = Form.useForm<LiftValues>();
  const finish = (v: LiftValues) => {
    if (!target) return;
    const { mask } = target;
    const base = { action: 'lift' as const, reason: v.reason.trim(), ground: v.ground };
    onLift(target.fieldKey, target.byValue ? { ...base, value: mask.original } : { ...base, start: mask.start, end: mask.end });
  };
  return (
    <Modal open={target !== null} title="解除隐去" okText="解除隐去" cancelText="取消" onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      {target ? (
        <Typography.Paragraph>
          <Typography.Text code>{target.mask.original}</Typography.Text> 隐去原因：{target.mask.reason}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" preserve={false} onFinish={finish}>
        <Form.Item label="依据" name="ground" rules={[{ required: true, message: '请选择解除隐去的依据' }]}>
          <Select options={LIFT_GROUND_OPTIONS} aria-label="解除隐去的依据" />
        </Form.Item>
        <Form.Item label="理由" name="reason" rules={[{ required: true, whitespace: true, message: '须说明解除隐去的理由' }]}>
          <Input.TextArea rows={2} aria-label="解除隐去的理由" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function overrideText(o: Override): string {
  const what = 'value' in o ? `“${o.value}”` : `第 ${o.start + 1}–${o.end} 字`;
  if (o.action === 'dismiss') return `排除疑似个人信息 ${what}：${o.reason}`;
  if (o.action === 'add') return `增加隐去 ${what}${o.kind ? `（${SENSITIVE_KIND_LABELS[o.kind]}）` : ''}：${o.reason}`;
  return `解除隐去 ${what}：${o.reason}${o.ground ? `（${LIFT_GROUND_LABELS[o.ground]}）` : ''}`;
}

/** The clerk's changes of one field (saved and not yet saved); removing one restores the automatic result on save. */
export function OverrideList({ overrides, unsaved, onRemove }: { overrides: Override[]; unsaved: boolean[]; onRemove?: ((index: number) => void) | undefined }) {
  if (!overrides.length) return null;
  return (
    <Space wrap size={[4, 4]} data-testid="override-list">
      <Typography.Text type="secondary">人工调整：</Typography.Text>
      {overrides.map((o, i) => (
        <Tag key={i} color={unsaved[i] ? 'processing' : o.action === 'add' ? 'red' : o.action === 'dismiss' ? 'blue' : 'gold'} closable={!!onRemove} onClose={(e) => (e.preventDefault(), onRemove?.(i))}>
          {overrideText(o)}
          {unsaved[i] ? '（未保存）' : ''}
        </Tag>
      ))}
    </Space>
  );
}

/** Kinds never unmasked, whatever the ground (SX25-P 16(一)(四)): no lift action at all. */
export const NEVER_LIFTED_KINDS: ReadonlySet<SensitiveKind> = new Set(['idNumber', 'birthDate', 'minorIdentity']);
/** A lifted mask of these kinds needs the approver's explicit consent (SX25-P 19 第二款). */
export const CONSENT_KINDS: ReadonlySet<SensitiveKind> = new Set(['name', 'mobile', 'phone', 'address', 'contact', 'email']);

export interface DismissTarget {
  fieldKey: string;
  suspect: Suspect;
}

/** Dismiss one 疑似个人信息: the reason is recorded with the version (issue 13 item 4). */
export function DismissSuspectModal({ target, onCancel, onDismiss }: { target: DismissTarget | null; onCancel: () => void; onDismiss: (fieldKey: string, o: Override) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal open={target !== null} title="排除疑似个人信息" okText="排除" cancelText="取消" onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      {target ? (
        <Typography.Paragraph>
          <Typography.Text code>{target.suspect.original}</Typography.Text> {target.suspect.reason}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => target && onDismiss(target.fieldKey, { action: 'dismiss', value: target.suspect.original, reason: v.reason.trim() })}>
        <Form.Item label="排除理由" name="reason" rules={[{ required: true, whitespace: true, message: '须说明为何不属于个人信息' }]}>
          <Input.TextArea rows={2} aria-label="排除理由" placeholder="如：本机关公开的咨询电话" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The open 疑似个人信息 of a text (each blocks approval) with 隐去 and 排除
 * for the clerk, then the ones dismissed with their reasons.
 */
export function SuspectList({ suspects, dismissed, onMask, onDismiss }: { suspects: Suspect[]; dismissed: DismissedSuspect[]; onMask?: ((s: Suspect) => void) | undefined; onDismiss?: ((s: Suspect) => void) | undefined }) {
  if (!suspects.length && !dismissed.length) return null;
  return (
    <div data-testid="suspect-list" style={{ marginTop: 8 }}>
      {suspects.map((x, i) => (
        <div key={`s${i}`} data-testid="suspect" style={{ padding: '4px 0' }}>
          <Space wrap size={4}>
            <Tag color="orange">疑似个人信息</Tag>
            <Typography.Text code>{x.original}</Typography.Text>
            <Tag>{SENSITIVE_KIND_LABELS[x.kind] ?? x.kind}</Tag>
            <Typography.Text type="secondary">{x.reason.replace(/^疑似个人信息：/, '')}；隐去或排除前不能公开</Typography.Text>
            {onMask ? (
              <Button size="small" type="link" onClick={() => onMask(x)}>
                隐去
              </Button>
            ) : null}
            {onDismiss && !NEVER_LIFTED_KINDS.has(x.kind) ? (
              <Button size="small" type="link" onClick={() => onDismiss(x)}>
                排除
              </Button>
            ) : null}
          </Space>
        </div>
      ))}
      {dismissed.map((x, i) => (
        <div key={`d${i}`} data-testid="dismissed" style={{ padding: '4px 0' }}>
          <Space wrap size={4}>
            <Tag color="blue">已排除</Tag>
            <Typography.Text code>{x.original}</Typography.Text>
            <Typography.Text type="secondary">理由：{x.dismissReason}</Typography.Text>
          </Space>
        </div>
      ))}
    </div>
  );
}
