/**
 * Retention of a case's recordings (REC-18) on the media tab: the status of
 * each file, litigation holds (诉讼保全, GS-R 43 ¶3) on one file or the whole
 * case, the keeper's request to dispose of a file whose retention ran out,
 * and the agency head's decision — which carries the disposal out. The server
 * decides what each user may do (`abilities`) and checks every rule again.
 */
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, errorMessage } from '../../api/client.js';
import type { DisposalItem, DisposalStatus, HoldItem, MediaItem } from '../cases/MediaTypes.js';

const STATUS_COLORS: Record<DisposalStatus, string> = { retained: 'default', held: 'orange', disposable: 'blue', pending: 'gold', disposed: 'red' };

const at = (s: string) => dayjs(s).format('YYYY-MM-DD HH:mm');

export function RetentionTag({ m }: { m: MediaItem }) {
  return (
    <Tag color={STATUS_COLORS[m.retention.status]} data-testid={`retention-${m.recordNumber}`}>
      {m.retention.statusLabel}
    </Tag>
  );
}

/** A modal that asks for a reason (and optional extra fields) and posts it; the server's Chinese message shows on refusal. */
export function ReasonModal({
  title,
  label,
  okText,
  danger,
  extra,
  intro,
  onSubmit,
  onClose,
}: {
  title: string;
  label: string;
  okText: string;
  danger?: boolean;
  extra?: { name: string; label: string; placeholder?: string }[];
  intro?: ReactNode;
  onSubmit: (values: Record<string, string>) => Promise<void>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Record<string, string>>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await onSubmit(v);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={title} okText={okText} okButtonProps={{ danger: !!danger }} confirmLoading={saving} onOk={() => void save()} onCancel={onClose} destroyOnHidden>
      {intro}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={label} rules={[{ required: true, min: 4, message: '请写明理由（至少 4 个字）' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {(extra ?? []).map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label}>
            <Input placeholder={f.placeholder} />
          </Form.Item>
        ))}
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="reason-error" /> : null}
    </Modal>
  );
}

/** The head's decision on a disposal request: approve (carries it out) or refuse. */
export function DisposalDecisionModal({ m, onDone, onClose }: { m: MediaItem; onDone: () => void; onClose: () => void }) {
  const { message } = App.useApp();
  const d = m.retention.disposal!;
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const decide = async (approved: boolean) => {
    setSaving(approved);
    setError(null);
    try {
      await api.post(`/media-disposals/${d.id}/decision`, { approved, comment });
      message.success(approved ? `已批准，${m.recordNumber} 已销毁` : '已不予批准');
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(null);
    }
  };
  return (
    <Modal
      open
      title={`审批销毁：${m.recordNumber} ${m.filename}`}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button onClick={() => void decide(false)} loading={saving === false}>
            不予批准
          </Button>
          <Button type="primary" danger onClick={() => void decide(true)} loading={saving === true} data-testid="approve-disposal">
            批准并销毁
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="申请人">{d.requestedBy}（{at(d.requestedAt)}）</Descriptions.Item>
        <Descriptions.Item label="理由">{d.reason}</Descriptions.Item>
        <Descriptions.Item label="保存期限">{d.retentionLabel}，最早可销毁日 {d.earliestDisposal}</Descriptions.Item>
        <Descriptions.Item label="SHA-256">
          <Typography.Text code>{m.sha256}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Alert
        type="warning"
        showIcon
        style={{ margin: '8px 0' }}
        title="批准后即删除存储的原始文件（其他案件仍引用同一文件的除外），不可恢复；本记录保留并标注“已销毁”，销毁行为记入审计日志和完整性日志。"
      />
      <Input.TextArea rows={2} placeholder="审批意见（可选）" value={comment} onChange={(e) => setComment(e.target.value)} aria-label="审批意见" />
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid="decision-error" /> : null}
    </Modal>
  );
}

function HoldLine({ h, canRelease, onRelease }: { h: HoldItem; canRelease: boolean; onRelease: (h: HoldItem) => void }) {
  return (
    <Space wrap>
      <Tag color={h.active ? 'orange' : 'default'}>{h.active ? '保全中' : '已解除'}</Tag>
      <span>{h.reason}</span>
      {h.reference ? <Typography.Text type="secondary">（{h.reference}）</Typography.Text> : null}
      <Typography.Text type="secondary">
        {h.placedBy} {at(h.placedAt)}
      </Typography.Text>
      {h.release ? (
        <Typography.Text type="secondary">
          解除：{h.release.reason}（{h.release.by} {at(h.release.at)}）
        </Typography.Text>
      ) : canRelease ? (
        <Button size="small" onClick={() => onRelease(h)}>
          解除保全
        </Button>
      ) : null}
    </Space>
  );
}

function DisposalRecord({ d }: { d: DisposalItem }) {
  return (
    <div data-testid={`disposal-${d.id}`}>
      <Tag color={d.status === 'disposed' ? 'red' : d.status === 'pending' ? 'gold' : 'default'}>{d.statusLabel}</Tag>
      申请：{d.requestedBy} {at(d.requestedAt)}，理由：{d.reason}
      {d.decision ? (
        <>
          ；审批：{d.decision.by} {at(d.decision.at)}
          {d.decision.comment ? `（${d.decision.comment}）` : ''}
          {d.decision.approved ? `；${d.decision.bytesNote}；完整性日志第 ${d.decision.leafIndex} 条` : ''}
        </>
      ) : null}
    </div>
  );
}

/** The retention lines of a file's details. */
export function RetentionDetails({ m, canRelease, onRelease }: { m: MediaItem; canRelease: boolean; onRelease: (h: HoldItem) => void }) {
  const r = m.retention;
  return (
    <Space orientation="vertical" size={2}>
      <span>
        {r.classLabel}：{r.label}
        {r.earliestDisposal ? `；最早可销毁日 ${r.earliestDisposal}` : ''}（保存期内不得销毁）
      </span>
      {r.status !== 'disposed' && r.blockers.length ? <Typography.Text type="secondary">暂不能申请销毁：{r.blockers.join('；')}</Typography.Text> : null}
      {r.holds.map((h) => (
        <HoldLine key={h.id} h={h} canRelease={canRelease && h.active} onRelease={onRelease} />
      ))}
      {r.disposals.map((d) => (
        <DisposalRecord key={d.id} d={d} />
      ))}
    </Space>
  );
}

/** Holds on every file of the case, and placing one. */
export function CaseHolds({ holds, canHold, onPlace, onRelease }: { holds: HoldItem[]; canHold: boolean; onPlace: () => void; onRelease: (h: HoldItem) => void }) {
  return (
    <div data-testid="case-holds">
      {canHold ? (
        <Button size="small" onClick={onPlace} data-testid="place-case-hold" style={{ marginBottom: 8 }}>
          保全本案全部音像记录
        </Button>
      ) : null}
      {holds.length ? (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {holds.map((h) => (
            <li key={h.id} style={{ marginBottom: 4 }}>
              <HoldLine h={h} canRelease={canHold && h.active} onRelease={onRelease} />
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Text type="secondary">无</Typography.Text>
      )}
    </div>
  );
}
