/**
 * 执法记录仪 — the body-camera registry (REC-23 · XX-R 12-14): each device
 * assigned to one person, its pre-use check (REC-9 · SX25-R 15, SX19-R 13,
 * XX-R 13: performance, battery, storage, clock), loss and damage, repair,
 * recovery and retirement, and the recordings filed under it (XX-R 15).
 * The records keeper (or the unit head) registers and assigns; the holder
 * checks before use and reports loss or damage. The server checks again.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, errorMessage, query } from '../../api/client.js';
import type { Officer } from '../../api/cases.js';
import { useMe, useCite } from '../../auth/session.js';
import { allows } from '../../domain.js';
import type { DeviceCheckLimits, DeviceDetail, DeviceItem, Option } from '../cases/MediaTypes.js';

const STATUS_COLORS: Record<string, string> = { inService: 'green', lost: 'red', damaged: 'orange', retired: 'default' };
const INCIDENTS = {
  loss: { label: '报告遗失', keeperOnly: false, when: ['inService', 'damaged'] },
  damage: { label: '报告损坏', keeperOnly: false, when: ['inService'] },
  repair: { label: '修复', keeperOnly: true, when: ['damaged'] },
  found: { label: '找回', keeperOnly: true, when: ['lost'] },
  retire: { label: '报废', keeperOnly: true, when: ['inService', 'lost', 'damaged'] },
} as const;
type IncidentKind = keyof typeof INCIDENTS;

const at = (s: string) => dayjs(s).format('YYYY-MM-DD HH:mm');

interface Meta {
  deviceKinds: Option[];
  deviceCheckLimits: DeviceCheckLimits;
}

function CheckTag({ d }: { d: DeviceItem }) {
  if (!d.lastCheck) return <Tag>无检查记录</Tag>;
  return (
    <Tag color={d.lastCheck.passed ? 'green' : 'red'} title={d.lastCheck.problems.join('；')}>
      {d.lastCheck.passed ? '检查通过' : '检查未通过'} · {at(d.lastCheck.at)}
    </Tag>
  );
}

function RegisterModal({ meta, officers, onDone, onClose }: { meta: Meta; officers: Officer[]; onDone: () => void; onClose: () => void }) {
  const [form] = Form.useForm<{ serial: string; kind: string; brand: string; model: string; assignTo?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await api.post('/devices', { ...v, ...(v.assignTo ? {} : { assignTo: undefined }) });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title="登记设备" okText="登记" onOk={() => void save()} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'bodyCamera' }}>
        <Form.Item name="serial" label="设备编号" rules={[{ required: true, message: '请填写设备编号' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label="种类" rules={[{ required: true }]}>
          <Select options={meta.deviceKinds.map((k) => ({ value: k.key, label: k.label }))} />
        </Form.Item>
        <Space>
          <Form.Item name="brand" label="品牌" rules={[{ required: true, message: '请填写品牌' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="model" label="型号" rules={[{ required: true, message: '请填写型号' }]}>
            <Input />
          </Form.Item>
        </Space>
        <Form.Item name="assignTo" label="配发给（一台设备配发一人）">
          <Select allowClear showSearch optionFilterProp="label" options={officers.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}

function AssignModal({ d, officers, onDone, onClose }: { d: DeviceItem; officers: Officer[]; onDone: () => void; onClose: () => void }) {
  const cite = useCite();
  const [userId, setUserId] = useState<string | null>(d.assignedTo?.id ?? null);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await api.post(`/devices/${d.id}/assignment`, { userId });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal open title={`配发：${d.label}`} okText={userId ? '配发' : '收回'} onOk={() => void save()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{cite('一台执法记录仪只配发给一人；重新配发即从原持有人处收回（XX-R 第十二条）。')}</Typography.Paragraph>
      <Select
        style={{ width: '100%' }}
        allowClear
        showSearch
        optionFilterProp="label"
        aria-label="持有人"
        placeholder="收回（不配发给任何人）"
        value={userId ?? undefined}
        onChange={(v?: string) => setUserId(v ?? null)}
        options={officers.map((o) => ({ value: o.id, label: o.name }))}
      />
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}

interface CheckValues {
  batteryPercent: number;
  freeStorageMb: number;
  clockOffsetSeconds: number;
  functional: boolean;
  note?: string;
}

/** REC-9: the pre-use check; a failed check is recorded too and its problems shown. */
function CheckModal({ d, limits, onDone, onClose }: { d: DeviceItem; limits: DeviceCheckLimits; onDone: () => void; onClose: () => void }) {
  const cite = useCite();
  const [form] = Form.useForm<CheckValues>();
  const [result, setResult] = useState<{ passed: boolean; problems: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      const r = await api.post<{ passed: boolean; problems: string[] }>(`/devices/${d.id}/checks`, { ...v, functional: v.functional === true });
      setResult({ passed: r.passed, problems: r.problems });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal
      open
      title={`使用前检查：${d.label}`}
      okText={result ? '完成' : '记录检查结果'}
      onOk={() => (result ? onDone() : void save())}
      onCancel={result ? onDone : onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {cite('录制前检查设备性能、电量、存储空间，校准时钟（REC-9 · SX25-R 第十五条）')}：电量不低于 {limits.minBatteryPercent}%，剩余存储不少于 {limits.minFreeStorageMb} MB，时钟偏差不超过 {limits.maxClockOffsetSeconds} 秒。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ functional: true, clockOffsetSeconds: 0 }} disabled={!!result}>
        <Space wrap>
          <Form.Item name="batteryPercent" label="电量（%）" rules={[{ required: true, message: '请填写电量' }]}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="freeStorageMb" label="剩余存储（MB）" rules={[{ required: true, message: '请填写剩余存储' }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="clockOffsetSeconds" label="时钟偏差（秒）" rules={[{ required: true, message: '请填写时钟偏差' }]}>
            <InputNumber />
          </Form.Item>
        </Space>
        <Form.Item name="functional" valuePropName="checked">
          <Checkbox>录像、录音、拍照功能正常</Checkbox>
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input />
        </Form.Item>
      </Form>
      {result ? (
        result.passed ? (
          <Alert type="success" showIcon title="检查通过，可以使用" data-testid="check-result" />
        ) : (
          <Alert type="error" showIcon title="检查未通过，不得用于执法记录" description={result.problems.join('；')} data-testid="check-result" />
        )
      ) : null}
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}

function DeviceDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const cite = useCite();
  const [d, setD] = useState<DeviceDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<{ device: DeviceDetail }>(`/devices/${id}`).then((r) => setD(r.device), (e: unknown) => setError(errorMessage(e)));
  }, [id]);
  return (
    <Drawer open title={d?.label ?? '设备'} width={560} onClose={onClose}>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {d ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="种类">{d.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={STATUS_COLORS[d.status]}>{d.statusLabel}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="持有人">{d.assignedTo ? `${d.assignedTo.name}（${d.assignedAt ? at(d.assignedAt) : ''} 起）` : '未配发'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>经过</Typography.Title>
          <Timeline
            items={d.events.map((e) => ({
              color: e.passed === false || e.kind === 'loss' || e.kind === 'damage' ? 'red' : 'green',
              children: (
                <span>
                  {at(e.at)} {e.kindLabel}（{e.actorName}）
                  {Array.isArray(e.detail.problems) && e.detail.problems.length ? `：${(e.detail.problems as string[]).join('；')}` : ''}
                  {typeof e.detail.description === 'string' ? `：${e.detail.description}` : ''}
                </span>
              ),
            }))}
          />
          <Typography.Title level={5}>{cite('录制的音像记录（XX-R 第十五条）')}</Typography.Title>
          {d.recordings.length ? (
            <ul>
              {d.recordings.map((r) => (
                <li key={r.id}>
                  <Link to={`/cases/${r.caseId}?tab=media`}>{r.recordNumber}</Link> {at(r.recordedStart)}
                </li>
              ))}
            </ul>
          ) : (
            <Typography.Text type="secondary">无</Typography.Text>
          )}
        </Space>
      ) : null}
    </Drawer>
  );
}

type Dialog = { kind: 'register' } | { kind: 'assign'; d: DeviceItem } | { kind: 'check'; d: DeviceItem } | { kind: 'incident'; d: DeviceItem; incident: IncidentKind } | { kind: 'detail'; id: string };

export function DevicesPage() {
  const { me } = useMe();
  const { message } = App.useApp();
  const [items, setItems] = useState<DeviceItem[] | null>(null);
  const [meta, setMeta] = useState<Meta | null>(null);
  const [officers, setOfficers] = useState<Officer[]>([]);
  const [mine, setMine] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [incidentText, setIncidentText] = useState('');
  const manage = allows({ userId: me.id, roles: me.roles }, 'device.manage', 'own');
  const keeper = me.roles.includes('recordsKeeper') || me.roles.includes('unitHead');

  const load = useCallback(async () => {
    try {
      const r = await api.get<{ items: DeviceItem[]; checkLimits: DeviceCheckLimits }>(`/devices${query({ mine: mine ? '1' : undefined })}`);
      setItems(r.items);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [mine]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    api.get<Meta>('/media-meta').then(setMeta, (e: unknown) => setError(errorMessage(e)));
    if (manage) api.get<{ items: Officer[] }>('/officers').then((r) => setOfficers(r.items), () => setOfficers([]));
  }, [manage]);

  const done = (text: string) => {
    message.success(text);
    setDialog(null);
    void load();
  };
  const canUse = (d: DeviceItem) => d.assignedTo?.id === me.id || keeper;

  return (
    <Card
      title="执法记录仪"
      extra={
        <Space>
          <span>
            只看配发给我的 <Switch size="small" checked={mine} onChange={setMine} aria-label="只看配发给我的" />
          </span>
          {manage ? (
            <Button type="primary" onClick={() => setDialog({ kind: 'register' })}>
              登记设备
            </Button>
          ) : null}
        </Space>
      }
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Table<DeviceItem>
        rowKey="id"
        size="small"
        loading={!items}
        dataSource={items ?? []}
        pagination={false}
        data-testid="device-list"
        columns={[
          { title: '设备编号', dataIndex: 'serial' },
          { title: '种类', dataIndex: 'kindLabel' },
          { title: '品牌型号', render: (_, d) => `${d.brand ?? ''} ${d.model ?? ''}` },
          { title: '状态', render: (_, d) => <Tag color={STATUS_COLORS[d.status]}>{d.statusLabel}</Tag> },
          { title: '持有人', render: (_, d) => d.assignedTo?.name ?? <Typography.Text type="secondary">未配发</Typography.Text> },
          { title: '使用前检查', render: (_, d) => <CheckTag d={d} /> },
          {
            title: '操作',
            render: (_, d) => (
              <Space wrap>
                <Button size="small" onClick={() => setDialog({ kind: 'detail', id: d.id })}>
                  详情
                </Button>
                {manage && d.status === 'inService' ? (
                  <Button size="small" onClick={() => setDialog({ kind: 'assign', d })}>
                    配发
                  </Button>
                ) : null}
                {canUse(d) && d.status === 'inService' ? (
                  <Button size="small" type="primary" onClick={() => setDialog({ kind: 'check', d })} data-testid={`check-${d.serial}`}>
                    使用前检查
                  </Button>
                ) : null}
                {(Object.keys(INCIDENTS) as IncidentKind[])
                  .filter((k) => (INCIDENTS[k].when as readonly string[]).includes(d.status) && (INCIDENTS[k].keeperOnly ? manage : canUse(d)))
                  .map((k) => (
                    <Button key={k} size="small" danger={k === 'loss' || k === 'damage' || k === 'retire'} onClick={() => { setIncidentText(''); setDialog({ kind: 'incident', d, incident: k }); }}>
                      {INCIDENTS[k].label}
                    </Button>
                  ))}
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'register' && meta ? <RegisterModal meta={meta} officers={officers} onClose={() => setDialog(null)} onDone={() => done('已登记')} /> : null}
      {dialog?.kind === 'assign' ? <AssignModal d={dialog.d} officers={officers} onClose={() => setDialog(null)} onDone={() => done('已更新持有人')} /> : null}
      {dialog?.kind === 'check' && meta ? <CheckModal d={dialog.d} limits={meta.deviceCheckLimits} onClose={() => setDialog(null)} onDone={() => done('已记录使用前检查')} /> : null}
      {dialog?.kind === 'detail' ? <DeviceDrawer id={dialog.id} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'incident' ? (
        <Modal
          open
          title={`${INCIDENTS[dialog.incident].label}：${dialog.d.label}`}
          okText="提交"
          onCancel={() => setDialog(null)}
          onOk={() =>
            void api
              .post(`/devices/${dialog.d.id}/incidents`, { kind: dialog.incident, description: incidentText })
              .then(() => done('已记录'))
              .catch((e: unknown) => message.error(errorMessage(e)))
          }
          destroyOnHidden
        >
          <Input.TextArea rows={3} aria-label="经过说明" placeholder="说明经过（时间、地点、原因）" value={incidentText} onChange={(e) => setIncidentText(e.target.value)} />
        </Modal>
      ) : null}
    </Card>
  );
}
