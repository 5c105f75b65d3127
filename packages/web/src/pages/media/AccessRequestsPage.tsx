/**
 * 调阅申请 — requests to view or copy records (REC-20 · SX25-R 21, GS-R 45,
 * XX-R 18): staff register a party's, a court's, a procuratorate's, the
 * police's, a supervisory body's or another unit's request with its reason;
 * the agency head approves it for a window and a scope (which files, whether
 * a copy may be made) or refuses it, and may withdraw an approval before the
 * window ends. An external requester's access link is shown once, on approval.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, errorMessage, query } from '../../api/client.js';
import type { CaseListPage } from '../../api/cases.js';
import { useMe, useCite } from '../../auth/session.js';
import { allows } from '../../domain.js';
import type { AccessRequestItem, CaseMedia, Option } from '../cases/MediaTypes.js';
import { ReasonModal } from './Retention.js';

const STATUS_COLORS: Record<AccessRequestItem['status'], string> = { pending: 'gold', approved: 'green', rejected: 'default', revoked: 'red' };
const FILTERS = [
  { value: '', label: '全部' },
  { value: 'pending', label: '待审批' },
  { value: 'approved', label: '已批准' },
  { value: 'rejected', label: '未批准' },
  { value: 'revoked', label: '已撤销' },
];
const ORG_KINDS = ['court', 'procuratorate', 'police', 'supervisoryBody'];
const at = (s: string) => dayjs(s).format('YYYY-MM-DD HH:mm');

interface NewValues {
  caseId: string;
  requesterKind: string;
  requesterName?: string;
  requesterOrg?: string;
  reason: string;
  wantsCopy?: boolean;
  mediaIds?: string[];
}

function NewRequestModal({ kinds, initialCaseId, onDone, onClose }: { kinds: Option[]; initialCaseId: string | null; onDone: () => void; onClose: () => void }) {
  const cite = useCite();
  const [form] = Form.useForm<NewValues>();
  const [cases, setCases] = useState<{ value: string; label: string }[]>([]);
  const [files, setFiles] = useState<{ value: string; label: string; disabled: boolean }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const caseId = Form.useWatch('caseId', form);
  const kind = Form.useWatch('requesterKind', form);

  const search = useCallback((q: string) => {
    api
      .get<CaseListPage>(`/cases${query({ q, pageSize: 20 })}`)
      .then((r) => setCases(r.items.map((c) => ({ value: c.id, label: `${c.caseNumber} ${c.title}` }))))
      .catch(() => setCases([]));
  }, []);
  useEffect(() => search(''), [search]);
  useEffect(() => {
    if (!caseId) return setFiles([]);
    api
      .get<CaseMedia>(`/cases/${caseId}/media`)
      .then((r) => setFiles(r.items.map((m) => ({ value: m.id, label: `${m.recordNumber} ${m.filename}${m.disposed ? '（已销毁）' : ''}`, disabled: m.disposed }))))
      .catch(() => setFiles([]));
  }, [caseId]);

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await api.post('/access-requests', { ...v, wantsCopy: v.wantsCopy === true, mediaIds: v.mediaIds?.length ? v.mediaIds : undefined });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title="登记调阅申请" okText="登记" width={620} onOk={() => void save()} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ caseId: initialCaseId ?? undefined, requesterKind: 'party' }}>
        <Form.Item name="caseId" label="案件" rules={[{ required: true, message: '请选择案件' }]}>
          <Select showSearch filterOption={false} onSearch={search} options={cases} placeholder="输入案号或案件名称查找" />
        </Form.Item>
        <Form.Item name="mediaIds" label="查阅范围（不选为本案全部音像记录）">
          <Select mode="multiple" options={files} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="requesterKind" label="申请人类别" rules={[{ required: true }]}>
          <Select options={kinds.map((k) => ({ value: k.key, label: k.label }))} />
        </Form.Item>
        {kind === 'internalUnit' ? (
          <Typography.Paragraph type="secondary">本机关其他内设机构的人员以本人名义申请，批准后在期限内以本人账号查阅。</Typography.Paragraph>
        ) : (
          <Space wrap align="start">
            <Form.Item name="requesterName" label="申请人姓名或名称" rules={[{ required: true, message: '请填写申请人' }]}>
              <Input style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="requesterOrg" label="申请机关" rules={[{ required: ORG_KINDS.includes(kind ?? ''), message: cite('请填写申请机关名称（XX-R 第十八条）') }]}>
              <Input style={{ width: 260 }} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="reason" label="查阅理由" rules={[{ required: true, min: 4, message: cite('请写明查阅理由（XX-R 第十八条）') }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="wantsCopy" valuePropName="checked">
          <Checkbox>申请复制（下载原始文件）</Checkbox>
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="new-request-error" /> : null}
    </Modal>
  );
}

/** The head's decision; an external requester's access link is shown here once. */
function DecisionModal({ item, onDone, onClose }: { item: AccessRequestItem; onDone: () => void; onClose: () => void }) {
  // One instant for both ends, so the default window is exactly seven days.
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() => {
    const now = dayjs();
    return [now, now.add(7, 'day')];
  });
  const [copyAllowed, setCopyAllowed] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const decide = async (approved: boolean) => {
    setError(null);
    try {
      const r = await api.post<{ request: AccessRequestItem; accessPath?: string }>(`/access-requests/${item.id}/decision`, {
        approved,
        comment,
        ...(approved ? { validFrom: period[0].toISOString(), validUntil: period[1].toISOString(), copyAllowed } : {}),
      });
      if (r.accessPath) setLink(`${globalThis.location?.origin ?? ''}${r.accessPath}`);
      else onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  if (link) {
    return (
      <Modal open title="已批准：查阅链接" onCancel={onDone} onOk={onDone} okText="已转交" cancelButtonProps={{ style: { display: 'none' } }}>
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="链接只显示这一次，请通过可靠渠道交给申请人；链接仅在批准的期限和范围内有效，每次查看均记录并存证。" />
        <Typography.Paragraph copyable={{ text: link }} code data-testid="access-link">
          {link}
        </Typography.Paragraph>
      </Modal>
    );
  }
  return (
    <Modal
      open
      title={`审批调阅申请：${item.requesterName}`}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button onClick={() => void decide(false)}>不予批准</Button>
          <Button type="primary" onClick={() => void decide(true)} data-testid="approve-access">
            批准
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>
        {item.requesterKindLabel} {item.requesterName}
        {item.requesterOrg ? `（${item.requesterOrg}）` : ''}：{item.reason}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="查阅期限（不超过 90 日）">
          <DatePicker.RangePicker showTime value={period} onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])} aria-label="查阅期限" />
        </Form.Item>
        {item.wantsCopy ? (
          <Form.Item>
            <Checkbox checked={copyAllowed} onChange={(e) => setCopyAllowed(e.target.checked)}>
              准予复制（下载原始文件）
            </Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item label="审批意见">
          <Input.TextArea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} aria-label="审批意见" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="decision-error" /> : null}
    </Modal>
  );
}

type Dialog = { kind: 'new' } | { kind: 'decide'; item: AccessRequestItem } | { kind: 'revoke'; item: AccessRequestItem };

export function AccessRequestsPage() {
  const cite = useCite();
  const { me } = useMe();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const caseId = params.get('caseId');
  const [items, setItems] = useState<AccessRequestItem[] | null>(null);
  const [kinds, setKinds] = useState<Option[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const canRequest = useMemo(() => allows({ userId: me.id, roles: me.roles }, 'access.request', 'own'), [me]);

  const load = useCallback(async () => {
    try {
      setItems((await api.get<{ items: AccessRequestItem[] }>(`/access-requests${query({ status, caseId })}`)).items);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [status, caseId]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    api.get<{ requesterKinds: Option[] }>('/media-meta').then((m) => setKinds(m.requesterKinds), () => setKinds([]));
  }, []);

  const done = (text: string) => {
    message.success(text);
    setDialog(null);
    void load();
  };

  return (
    <Card
      title="调阅申请"
      extra={
        <Space>
          <Segmented
            options={FILTERS}
            value={status}
            onChange={(v) => {
              const p = new URLSearchParams(params);
              if (v) p.set('status', String(v));
              else p.delete('status');
              setParams(p, { replace: true });
            }}
          />
          {canRequest ? (
            <Button type="primary" onClick={() => setDialog({ kind: 'new' })}>
              登记申请
            </Button>
          ) : null}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {cite('执法记录不公开；当事人查阅、复制本人记录须经机关负责人批准（SX25-R 第二十一条），司法机关调取须经主要负责人批准并登记申请人、理由和时间（XX-R 第十八条）。每次查看、复制均记入审计日志和完整性日志。')}
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Table<AccessRequestItem>
        rowKey="id"
        size="small"
        loading={!items}
        dataSource={items ?? []}
        pagination={false}
        data-testid="access-list"
        columns={[
          { title: '案号', dataIndex: 'caseNumber' },
          {
            title: '申请人',
            render: (_, r) => (
              <span>
                <Tag>{r.requesterKindLabel}</Tag>
                {r.requesterName}
                {r.requesterOrg ? <Typography.Text type="secondary">（{r.requesterOrg}）</Typography.Text> : null}
              </span>
            ),
          },
          { title: '理由', dataIndex: 'reason', ellipsis: true },
          { title: '范围', render: (_, r) => (r.mediaIds ? `${r.mediaIds.length} 个文件` : '本案全部') + (r.wantsCopy ? '，申请复制' : '') },
          {
            title: '状态',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Tag color={STATUS_COLORS[r.status]} data-testid={`status-${r.id}`}>
                  {r.statusLabel}
                  {r.active ? '（期限内）' : ''}
                </Tag>
                {r.decision?.approved ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {at(r.decision.validFrom!)} 至 {at(r.decision.validUntil!)}
                    {r.decision.copyAllowed ? '，准予复制' : ''}
                  </Typography.Text>
                ) : null}
                {r.revocation ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.revocation.by} {at(r.revocation.at)} 撤销：{r.revocation.reason}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          { title: '登记', render: (_, r) => `${r.createdBy} ${at(r.createdAt)}` },
          {
            title: '操作',
            render: (_, r) => (
              <Space>
                {r.abilities.decide ? (
                  <Button size="small" type="primary" onClick={() => setDialog({ kind: 'decide', item: r })} data-testid={`decide-${r.id}`}>
                    审批
                  </Button>
                ) : null}
                {r.abilities.revoke ? (
                  <Button size="small" danger onClick={() => setDialog({ kind: 'revoke', item: r })} data-testid={`revoke-${r.id}`}>
                    撤销批准
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'new' ? <NewRequestModal kinds={kinds} initialCaseId={caseId} onClose={() => setDialog(null)} onDone={() => done('已登记，待机关负责人审批')} /> : null}
      {dialog?.kind === 'decide' ? <DecisionModal item={dialog.item} onClose={() => setDialog(null)} onDone={() => done('已审批')} /> : null}
      {dialog?.kind === 'revoke' ? (
        <ReasonModal
          title={`撤销批准：${dialog.item.requesterName}`}
          label="撤销理由"
          okText="撤销"
          danger
          intro={<Alert type="warning" showIcon style={{ marginBottom: 12 }} title="撤销后查阅链接和已发放的播放凭证立即失效。" />}
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            await api.post(`/access-requests/${dialog.item.id}/revocation`, { reason: v.reason });
            done('已撤销');
          }}
        />
      ) : null}
    </Card>
  );
}
