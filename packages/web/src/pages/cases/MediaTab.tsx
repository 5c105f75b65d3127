/**
 * 音像记录 tab of a case (issue 5): the AV lines of the current stage
 * (REC-6, REC-7), the case's recordings with their upload deadline (REC-14)
 * and retention (REC-18), a resumable upload (tus; the SHA-256 is computed
 * here and checked by the server, NAT-18) with the metadata of REC-8,
 * REC-15 and REC-17, playback with a watermark (REC-20), and the
 * interruption notes and permitted stops (REC-11, REC-12) with the leader's
 * approval, and retention (REC-18): litigation holds, the keeper's disposal
 * request after the retention date and the head's approval.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Empty, Form, Input, Modal, Progress, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, PlayCircleOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Upload as TusUpload } from 'tus-js-client';
import { api, errorMessage } from '../../api/client.js';
import type { Officer } from '../../api/cases.js';
import { fileSha256 } from './MediaSha256.js';
import { MediaPlayer, downloadMedia } from './MediaPlayer.js';
import type { AvExceptionItem, CaseMedia, DeviceItem, HoldItem, MediaItem, MediaMeta, UploadIntent } from './MediaTypes.js';
import { CaseHolds, DisposalDecisionModal, ReasonModal, RetentionDetails, RetentionTag } from '../media/Retention.js';
import { useCite } from '../../auth/session.js';

/** The retention dialogs of the tab (REC-18). */
type RetentionDialog = { kind: 'hold'; media: MediaItem | null } | { kind: 'release'; hold: HoldItem } | { kind: 'request'; media: MediaItem } | { kind: 'decide'; media: MediaItem };

const REQUIREMENT_TAG = { mandatory: <Tag color="red">应当记录</Tag>, situational: <Tag color="orange">视情记录</Tag>, none: null } as const;

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

function AvLines({ items }: { items: CaseMedia['avChecklist'] }) {
  const cite = useCite();
  if (!items.length) return <Typography.Text type="secondary">本环节没有须进行音像记录的事项。</Typography.Text>;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="av-checklist">
      {items.map((i) => (
        <li key={i.id} style={{ marginBottom: 4 }}>
          {i.status === 'met' ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : i.status === 'missing' ? <CloseCircleFilled style={{ color: '#ff4d4f' }} /> : <ExclamationCircleFilled style={{ color: '#faad14' }} />}{' '}
          {i.label}
          {i.reasons.length ? <Typography.Text type="secondary">（{i.reasons.join('；')}）</Typography.Text> : null}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
            {cite(i.basis)}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

interface UploadFormValues {
  recorded: [Dayjs, Dayjs];
  place: string;
  officerIds: string[];
  cameraOperatorId?: string;
  deviceId?: string;
  deviceLabel?: string;
  stage?: string;
  situations?: string[];
  contentNotes: string;
  speakers?: string;
  evidence?: boolean;
  evidenceExplanation?: string;
}

/** "姓名/身份/要点" per line → speakers (REC-15). */
function parseSpeakers(text: string | undefined) {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name = '', identity = '', summary] = l.split(/[/／]/).map((x) => x.trim());
      return { name, identity, ...(summary ? { summary } : {}) };
    });
}

function UploadCard({ caseId, meta, officers, devices, stage, onDone }: { caseId: string; meta: MediaMeta; officers: Officer[]; devices: DeviceItem[]; stage: string; onDone: (m: MediaItem) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UploadFormValues>();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<{ label: string; percent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useRef<TusUpload | null>(null);

  const submit = async (v: UploadFormValues) => {
    if (!file) {
      setError('请选择文件');
      return;
    }
    setError(null);
    try {
      setPhase({ label: '计算完整性校验值（SHA-256）', percent: 0 });
      const sha256 = await fileSha256(file, (f) => setPhase({ label: '计算完整性校验值（SHA-256）', percent: Math.round(f * 100) }));
      const intent = await api.post<UploadIntent>(`/cases/${caseId}/media/uploads`, {
        filename: file.name,
        mimeType: file.type || 'application/octet-stream',
        size: file.size,
        sha256,
        metadata: {
          stage: v.stage,
          recordedStart: v.recorded[0].toISOString(),
          recordedEnd: v.recorded[1].toISOString(),
          place: v.place,
          officerIds: v.officerIds,
          cameraOperatorId: v.cameraOperatorId ?? null,
          deviceId: v.deviceId ?? null,
          deviceLabel: v.deviceLabel ?? null,
          contentNotes: v.contentNotes,
          speakers: parseSpeakers(v.speakers),
          evidence: v.evidence === true,
          evidenceExplanation: v.evidenceExplanation ?? null,
          situations: v.situations ?? [],
        },
      });
      if (intent.duplicate && intent.media) {
        message.info(`该文件已在本案（${intent.media.recordNumber}），未重复保存。`);
        setPhase(null);
        onDone(intent.media);
        return;
      }
      const up = intent.upload!;
      setPhase({ label: '上传中（可断点续传）', percent: 0 });
      const media = await new Promise<MediaItem>((resolve, reject) => {
        const u = new TusUpload(file, {
          endpoint: up.tus.endpoint,
          metadata: up.tus.metadata,
          // One fingerprint per declared upload: a reloaded page declaring the same file resumes it.
          fingerprint: async () => `sanxiang-${up.id}`,
          chunkSize: 32 * 1024 * 1024,
          retryDelays: [0, 1000, 3000, 5000, 10000],
          removeFingerprintOnSuccess: true,
          onProgress: (sent, total) => setPhase({ label: '上传中（可断点续传）', percent: Math.floor((sent / total) * 100) }),
          onSuccess: ({ lastResponse }) => {
            try {
              resolve((JSON.parse(lastResponse.getBody()) as { media: MediaItem }).media);
            } catch {
              reject(new Error('上传完成，但服务器未返回记录，请刷新查看。'));
            }
          },
          onError: (e) => {
            const body = (e as { originalResponse?: { getBody(): string } | null }).originalResponse?.getBody();
            let text = '上传失败，请稍后重试（已上传部分可续传）。';
            try {
              text = (JSON.parse(body ?? '') as { error: { message: string } }).error.message;
            } catch {
              /* not JSON */
            }
            reject(new Error(text));
          },
        });
        upload.current = u;
        void u.findPreviousUploads().then((prev) => {
          if (prev[0]) u.resumeFromPreviousUpload(prev[0]);
          u.start();
        });
      });
      setPhase(null);
      message.success(`已保存：${media.recordNumber}`);
      form.resetFields();
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
      onDone(media);
    } catch (e) {
      setPhase(null);
      setError(e instanceof Error && !('status' in e) ? e.message : errorMessage(e));
    }
  };

  const officerOptions = officers.map((o) => ({ value: o.id, label: o.name }));
  return (
    <Card size="small" title="上传音像记录" data-testid="media-upload">
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ stage, officerIds: [], situations: [] }} disabled={!!phase}>
        <Form.Item label="文件（视频、音频、照片）" required>
          <input
            ref={fileRef}
            type="file"
            data-testid="media-file"
            accept="video/*,audio/*,image/*"
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              if (f && !form.getFieldValue('recorded')) {
                const end = dayjs(f.lastModified || Date.now());
                form.setFieldValue('recorded', [end.subtract(10, 'minute'), end]);
              }
            }}
          />
          {file ? <Typography.Text type="secondary"> {bytes(file.size)}</Typography.Text> : null}
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="recorded" label="录制起止时间" rules={[{ required: true, message: '请填写录制起止时间' }]}>
            <DatePicker.RangePicker showTime />
          </Form.Item>
          <Form.Item name="stage" label="执法环节">
            <Select style={{ width: 140 }} options={meta.stages.map((s) => ({ value: s.key, label: s.label }))} />
          </Form.Item>
          <Form.Item name="place" label="地点" rules={[{ required: true, message: '请填写地点' }]}>
            <Input style={{ width: 260 }} data-testid="media-place" />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="officerIds" label="在场执法人员" rules={[{ required: true, type: 'array', min: 1, message: '请选择执法人员' }]}>
            <Select mode="multiple" style={{ minWidth: 260 }} options={officerOptions} optionFilterProp="label" data-testid="media-officers" />
          </Form.Item>
          <Form.Item name="cameraOperatorId" label="摄录人员">
            <Select allowClear style={{ width: 160 }} options={officerOptions} optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="deviceId" label="执法记录仪">
            <Select allowClear style={{ width: 260 }} options={devices.filter((d) => d.status === 'inService').map((d) => ({ value: d.id, label: `${d.label}${d.assignedTo ? ` · ${d.assignedTo.name}` : ''}` }))} />
          </Form.Item>
          <Form.Item name="deviceLabel" label="其他录制设备（品牌型号）">
            <Input style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item name="situations" label="记录的执法事项">
          <Select
            mode="multiple"
            optionFilterProp="search"
            data-testid="media-situations"
            options={meta.situations.map((s) => ({ value: s.key, search: s.label, label: <span>{s.label} {REQUIREMENT_TAG[s.requirement]}</span> }))}
          />
        </Form.Item>
        <Form.Item name="contentNotes" label="内容说明" rules={[{ required: true, min: 4, message: '请填写内容说明（至少 4 个字）' }]}>
          <Input.TextArea rows={2} data-testid="media-notes" />
        </Form.Item>
        <Form.Item name="speakers" label="讲话人（录音必填；每行：姓名/身份/要点）">
          <Input.TextArea rows={2} placeholder="王某/当事人环保负责人/陈述检修期间超标" />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item name="evidence" valuePropName="checked">
            <Checkbox>作为证据使用（须注明摄录人员、设备并附文字说明）</Checkbox>
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.evidence !== b.evidence}>
            {({ getFieldValue }) =>
              getFieldValue('evidence') ? (
                <Form.Item name="evidenceExplanation" label="文字说明" rules={[{ required: true, message: '请填写文字说明' }]}>
                  <Input.TextArea rows={2} style={{ width: 420 }} />
                </Form.Item>
              ) : null
            }
          </Form.Item>
        </Space>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="media-upload-error" /> : null}
        {phase ? (
          <div style={{ marginBottom: 12 }}>
            <Typography.Text>{phase.label}</Typography.Text>
            <Progress percent={phase.percent} size="small" />
          </div>
        ) : null}
        <Space>
          <Button type="primary" htmlType="submit" icon={<UploadOutlined />} loading={!!phase} data-testid="media-submit">
            上传
          </Button>
          {phase ? (
            <Button
              onClick={() => {
                void upload.current?.abort();
                setPhase(null);
              }}
            >
              暂停
            </Button>
          ) : null}
        </Space>
      </Form>
    </Card>
  );
}

function ExceptionForm({ caseId, meta, photos, onSaved, onClose }: { caseId: string; meta: MediaMeta; photos: MediaItem[]; onSaved: () => void; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as string | undefined;
  const reasons = kind === 'permittedStop' ? meta.permittedStopReasons : meta.interruptionReasons;
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const v = (await form.validateFields()) as { kind: string; reason: string; situations: string[]; explanation: string; occurredAt: Dayjs; signedRequestRef?: string };
    setSaving(true);
    try {
      await api.post(`/cases/${caseId}/av-exceptions`, { ...v, occurredAt: v.occurredAt.toISOString(), signedRequestRef: v.signedRequestRef ?? null });
      message.success('已提交，待分管领导审批');
      onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title="音像记录中断或停止说明" onCancel={onClose} onOk={() => void save()} confirmLoading={saving} okText="提交" width={640}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'interruption', occurredAt: dayjs() }}>
        <Form.Item name="kind" label="种类" rules={[{ required: true }]}>
          <Select options={meta.exceptionKinds.map((k) => ({ value: k.key, label: k.label }))} onChange={() => form.setFieldValue('reason', undefined)} />
        </Form.Item>
        <Form.Item name="reason" label="原因" rules={[{ required: true, message: '请选择原因' }]}>
          <Select options={reasons.map((r) => ({ value: r.key, label: r.label }))} />
        </Form.Item>
        <Form.Item name="situations" label="未能记录的执法事项" rules={[{ required: true, type: 'array', min: 1, message: '请选择' }]}>
          <Select mode="multiple" optionFilterProp="label" options={meta.situations.map((s) => ({ value: s.key, label: s.label }))} />
        </Form.Item>
        <Form.Item name="occurredAt" label="发生时间" rules={[{ required: true }]}>
          <DatePicker showTime />
        </Form.Item>
        <Form.Item name="explanation" label={kind === 'permittedStop' ? '工作记录（停止原因）' : '书面说明'} rules={[{ required: true, min: 10, message: '请写明经过（至少 10 个字）' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {kind === 'permittedStop' ? (
          <Form.Item name="signedRequestRef" label="签名的书面申请（已上传的照片或扫描件）">
            <Select allowClear options={photos.map((p) => ({ value: p.id, label: `${p.recordNumber} ${p.filename}` }))} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

function ExceptionList({ caseId, items, canApprove, onChanged }: { caseId: string; items: AvExceptionItem[]; canApprove: boolean; onChanged: () => void }) {
  const { message } = App.useApp();
  const decide = async (id: string, approved: boolean) => {
    try {
      await api.post(`/cases/${caseId}/av-exceptions/${id}/decision`, { approved });
      message.success(approved ? '已批准' : '已不予批准');
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  if (!items.length) return null;
  return (
    <Table<AvExceptionItem>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={items}
      columns={[
        { title: '种类', dataIndex: 'kindLabel' },
        { title: '原因', dataIndex: 'reasonLabel' },
        { title: '事项', render: (_, e) => e.situations.map((s) => <Tag key={s.key}>{s.label}</Tag>) },
        { title: '说明', dataIndex: 'explanation', ellipsis: true },
        {
          title: '审批',
          render: (_, e) =>
            e.decision ? (
              <Tag color={e.decision.approved ? 'green' : 'red'}>{e.decision.approved ? `已批准（${e.decision.by}）` : `未批准（${e.decision.by}）`}</Tag>
            ) : canApprove ? (
              <Space>
                <Button size="small" type="primary" onClick={() => void decide(e.id, true)}>
                  批准
                </Button>
                <Button size="small" danger onClick={() => void decide(e.id, false)}>
                  不予批准
                </Button>
              </Space>
            ) : (
              <Tag>待审批</Tag>
            ),
        },
        { title: '是否满足要求', render: (_, e) => (e.counts ? <Tag color="green">可替代音像记录</Tag> : <Tooltip title={e.problems.join('；')}><Tag color="orange">尚不满足</Tag></Tooltip>) },
      ]}
    />
  );
}

export function MediaTab({ caseId, onChanged }: { caseId: string; onChanged?: () => void }) {
  const cite = useCite();
  const [data, setData] = useState<CaseMedia | null>(null);
  const [meta, setMeta] = useState<MediaMeta | null>(null);
  const [officers, setOfficers] = useState<Officer[]>([]);
  const [devices, setDevices] = useState<DeviceItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [playing, setPlaying] = useState<MediaItem | null>(null);
  const [exceptionForm, setExceptionForm] = useState(false);
  const [dialog, setDialog] = useState<RetentionDialog | null>(null);
  const { message } = App.useApp();

  const load = useCallback(async () => {
    try {
      setData(await api.get<CaseMedia>(`/cases/${caseId}/media`));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [caseId]);

  useEffect(() => {
    void load();
    api.get<MediaMeta>('/media-meta').then(setMeta, (e: unknown) => setError(errorMessage(e)));
    api.get<{ items: Officer[] }>('/officers').then((r) => setOfficers(r.items), () => setOfficers([]));
    api.get<{ items: DeviceItem[] }>('/devices').then((r) => setDevices(r.items), () => setDevices([]));
  }, [load]);

  const changed = () => {
    void load();
    onChanged?.();
  };
  const photos = useMemo(() => (data?.items ?? []).filter((i) => i.kind === 'photo'), [data]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data || !meta) return <Card loading />;
  return (
    <div data-testid="media-tab">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card
          size="small"
          title={`本环节音像记录要求（${data.stateLabel}）`}
          extra={data.abilities.requestAccess || data.abilities.approveAccess ? <Link to={`/records/access?caseId=${encodeURIComponent(caseId)}`}>本案调阅申请</Link> : null}
        >
          <AvLines items={data.avChecklist} />
        </Card>
        <Table<MediaItem>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data.items}
          data-testid="media-list"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无音像记录" /> }}
          expandable={{
            expandedRowRender: (m) => (
              <Descriptions size="small" column={2}>
                <Descriptions.Item label="在场人员">{m.officers.map((o) => o.name).join('、')}</Descriptions.Item>
                <Descriptions.Item label="摄录人员">{m.cameraOperator?.name ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="设备">
                  {m.deviceLabel || '—'}
                  {m.deviceCheck && m.deviceCheck.status !== 'passed' ? <Tag color="orange" style={{ marginLeft: 6 }}>{m.deviceCheck.problems.join('；') || '使用前检查未通过'}</Tag> : null}
                </Descriptions.Item>
                <Descriptions.Item label="格式">{m.format}</Descriptions.Item>
                <Descriptions.Item label="内容说明" span={2}>{m.contentNotes}</Descriptions.Item>
                {m.speakers.length ? <Descriptions.Item label="讲话人" span={2}>{m.speakers.map((s) => `${s.name}（${s.identity}）${s.summary ? '：' + s.summary : ''}`).join('；')}</Descriptions.Item> : null}
                {m.evidence ? <Descriptions.Item label="证据说明" span={2}>{m.evidenceExplanation}</Descriptions.Item> : null}
                <Descriptions.Item label="上传期限">{m.upload.due ?? '—'}（{cite(m.upload.basis)}）</Descriptions.Item>
                <Descriptions.Item label="保存" span={2}>
                  <RetentionDetails m={m} canRelease={m.abilities.hold || data.abilities.hold} onRelease={(hold) => setDialog({ kind: 'release', hold })} />
                </Descriptions.Item>
                <Descriptions.Item label="SHA-256" span={2}><Typography.Text code copyable>{m.sha256}</Typography.Text></Descriptions.Item>
              </Descriptions>
            ),
          }}
          columns={[
            { title: '编号', dataIndex: 'recordNumber', width: 80 },
            { title: '类型', dataIndex: 'kindLabel', width: 60 },
            {
              title: '文件',
              render: (_, m) => (
                <span style={m.disposed ? { textDecoration: 'line-through' } : undefined}>
                  {m.filename} <Typography.Text type="secondary">{bytes(m.size)}</Typography.Text>
                  {m.evidence ? <Tag color="blue" style={{ marginLeft: 6 }}>证据</Tag> : null}
                </span>
              ),
            },
            { title: '录制时间', render: (_, m) => dayjs(m.recordedStart).format('YYYY-MM-DD HH:mm') },
            { title: '地点', dataIndex: 'place', ellipsis: true },
            { title: '执法事项', render: (_, m) => m.situations.map((s) => <Tag key={s.key}>{s.label}</Tag>) },
            {
              title: '上传',
              render: (_, m) =>
                m.upload.late ? (
                  <Tooltip title={`应于 ${m.upload.due} 前上传（${cite(m.upload.basis)}）`}>
                    <Tag color="red">逾期上传</Tag>
                  </Tooltip>
                ) : (
                  <Tag color="green">按期</Tag>
                ),
            },
            {
              title: '保存',
              render: (_, m) => (
                <Tooltip title={m.retention.disposal?.status === 'disposed' ? `${m.retention.disposal.reason}（${m.retention.disposal.decision?.by}批准）` : m.retention.label}>
                  <RetentionTag m={m} />
                </Tooltip>
              ),
            },
            {
              title: '操作',
              render: (_, m) => (
                <Space wrap>
                  {m.abilities.view ? (
                    <Button size="small" icon={<PlayCircleOutlined />} onClick={() => setPlaying(m)} data-testid={`play-${m.recordNumber}`}>
                      {m.kind === 'photo' ? '查看' : '播放'}
                    </Button>
                  ) : null}
                  {m.abilities.download ? (
                    <Button size="small" icon={<DownloadOutlined />} onClick={() => void downloadMedia(m).catch((e: unknown) => message.error(errorMessage(e)))}>
                      下载
                    </Button>
                  ) : null}
                  {m.abilities.hold ? (
                    <Button size="small" onClick={() => setDialog({ kind: 'hold', media: m })} data-testid={`hold-${m.recordNumber}`}>
                      保全
                    </Button>
                  ) : null}
                  {m.abilities.requestDisposal ? (
                    <Button size="small" danger onClick={() => setDialog({ kind: 'request', media: m })} data-testid={`request-disposal-${m.recordNumber}`}>
                      申请销毁
                    </Button>
                  ) : null}
                  {m.abilities.approveDisposal ? (
                    <Button size="small" type="primary" danger onClick={() => setDialog({ kind: 'decide', media: m })} data-testid={`decide-disposal-${m.recordNumber}`}>
                      审批销毁
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
        {data.abilities.upload ? <UploadCard caseId={caseId} meta={meta} officers={officers} devices={devices} stage={data.state === 'archived' ? 'archive' : data.state} onDone={changed} /> : null}
        <Card
          size="small"
          title="音像记录中断、停止说明"
          extra={data.abilities.recordException ? <Button size="small" onClick={() => setExceptionForm(true)}>填写说明</Button> : null}
        >
          {data.exceptions.length ? <ExceptionList caseId={caseId} items={data.exceptions} canApprove={data.abilities.approveException} onChanged={changed} /> : <Typography.Text type="secondary">无</Typography.Text>}
        </Card>
        <Card size="small" title="诉讼保全（诉讼未结期间音像记录不得销毁）">
          <CaseHolds holds={data.holds ?? []} canHold={data.abilities.hold} onPlace={() => setDialog({ kind: 'hold', media: null })} onRelease={(hold) => setDialog({ kind: 'release', hold })} />
        </Card>
      </Space>
      {playing ? <MediaPlayer item={playing} onClose={() => setPlaying(null)} /> : null}
      {dialog?.kind === 'hold' ? (
        <ReasonModal
          title={dialog.media ? `诉讼保全：${dialog.media.recordNumber} ${dialog.media.filename}` : '诉讼保全：本案全部音像记录'}
          label="保全理由"
          okText="保全"
          extra={[{ name: 'reference', label: '诉讼、复议案号（可选）', placeholder: '（2026）晋0105行初12号' }]}
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            await api.post(`/cases/${caseId}/media-holds`, { mediaId: dialog.media?.id ?? null, reason: v.reason, ...(v.reference ? { reference: v.reference } : {}) });
            message.success('已保全，保全期间不得销毁');
            setDialog(null);
            changed();
          }}
        />
      ) : null}
      {dialog?.kind === 'release' ? (
        <ReasonModal
          title={`解除诉讼保全：${dialog.hold.reason}`}
          label="解除理由"
          okText="解除"
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            await api.post(`/media-holds/${dialog.hold.id}/release`, { reason: v.reason });
            message.success('已解除保全');
            setDialog(null);
            changed();
          }}
        />
      ) : null}
      {dialog?.kind === 'request' ? (
        <ReasonModal
          title={`申请销毁：${dialog.media.recordNumber} ${dialog.media.filename}`}
          label="销毁理由"
          okText="提交申请"
          danger
          intro={<Alert type="info" showIcon style={{ marginBottom: 12 }} title={`保存期限已届满（${dialog.media.retention.label}，最早可销毁日 ${dialog.media.retention.earliestDisposal}）。申请须经机关负责人另行审批；批准后删除原始文件，记录保留。`} />}
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            await api.post(`/media/${dialog.media.id}/disposals`, { reason: v.reason });
            message.success('已提交销毁申请，待机关负责人审批');
            setDialog(null);
            changed();
          }}
        />
      ) : null}
      {dialog?.kind === 'decide' ? (
        <DisposalDecisionModal
          m={dialog.media}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            changed();
          }}
        />
      ) : null}
      {exceptionForm ? (
        <ExceptionForm
          caseId={caseId}
          meta={meta}
          photos={photos}
          onClose={() => setExceptionForm(false)}
          onSaved={() => {
            setExceptionForm(false);
            changed();
          }}
        />
      ) : null}
    </div>
  );
}
