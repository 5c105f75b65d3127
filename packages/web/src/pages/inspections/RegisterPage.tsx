/**
 * 检查登记 (NAT-16 · INS-3): every inspection of an enterprise is registered
 * before entry and gets an inspection code (a QR code for 扫码入企 where the
 * province uses it). At the yearly cap the registration is refused; a
 * lawful exception goes to the agency head, who approves or refuses it with
 * the reason recorded. Officers and the unit head register
 * (`inspection.register`), the agency head approves (`inspection.approve`);
 * random inspections are registered by the draw itself. The server checks again.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorMessage, isApiError } from '../../api/client.js';
import { useMe } from '../../auth/session.js';
import { CAP_EXCEPTION_LABELS, INSPECTION_KIND_LABELS, type CapExceptionKey } from '../../domain.js';
import {
  CITES,
  INSPECTION_STATUS_COLORS,
  INSPECTION_STATUS_LABELS,
  inspectionAbilities,
  inspectionsApi,
  type Inspection,
  type InspectionDetail,
  type PoolOfficer,
  type RegisterInput,
  type Target,
} from './inspectionsApi.js';

const KINDS = (['campaign', 'complaint', 'assigned'] as const).map((k) => ({ value: k, label: INSPECTION_KIND_LABELS[k] }));

interface RegisterValues {
  targetId: string;
  kind: RegisterInput['kind'];
  plannedDate: Dayjs;
  inspectorIds: string[];
}

/** The inspection code and, where the province uses 扫码入企, its QR code. */
function CodeView({ d }: { d: InspectionDetail }) {
  return (
    <Space align="start" size="large" data-testid="inspection-code">
      {d.qrSvg ? <div aria-label="行政检查码二维码" role="img" style={{ width: 160, height: 160 }} dangerouslySetInnerHTML={{ __html: d.qrSvg }} /> : null}
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="行政检查码">
          <Typography.Text code copyable style={{ fontSize: 18 }}>
            {d.code}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="检查对象">{d.targetName}</Descriptions.Item>
        <Descriptions.Item label="检查种类">{INSPECTION_KIND_LABELS[d.kind]}</Descriptions.Item>
        <Descriptions.Item label="计划检查日期">{d.plannedDate}</Descriptions.Item>
        <Descriptions.Item label="执法检查人员">{d.inspectors.map((x) => `${x.name}（${x.certificateNumber}）`).join('、')}</Descriptions.Item>
        <Descriptions.Item label="核验">
          {d.status === 'registered' ? (
            <a href={d.codeUrl} target="_blank" rel="noreferrer">
              企业可在公示平台核验该检查码
            </a>
          ) : (
            INSPECTION_STATUS_LABELS[d.status]
          )}
        </Descriptions.Item>
      </Descriptions>
      {!d.qrSvg && d.status === 'registered' ? <Typography.Text type="secondary">本省未启用扫码入企，入企时出示检查码。</Typography.Text> : null}
    </Space>
  );
}

function RegisterCard({ targets, officers, counts, cap, onDone }: { targets: Target[]; officers: PoolOfficer[]; counts: Map<string, number>; cap: number; onDone: (d: InspectionDetail) => void }) {
  const [form] = Form.useForm<RegisterValues>();
  const targetId = Form.useWatch('targetId', form);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; values: RegisterValues } | null>(null);
  const [reason, setReason] = useState<CapExceptionKey | undefined>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const count = targetId ? (counts.get(targetId) ?? 0) : null;

  const send = async (v: RegisterValues, exception?: RegisterInput['exception']) => {
    setBusy(true);
    setError(null);
    try {
      const d = await inspectionsApi.register({ targetId: v.targetId, kind: v.kind, plannedDate: v.plannedDate.format('YYYY-MM-DD'), inspectorIds: v.inspectorIds, ...(exception ? { exception } : {}) });
      setRefusal(null);
      setReason(undefined);
      setNote('');
      form.resetFields();
      onDone(d);
    } catch (e) {
      if (isApiError(e) && e.code === 'inspection.cap_reached') setRefusal({ message: e.message, values: v });
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = async () => send(await form.validateFields());
  const requestException = async () => {
    if (!refusal) return;
    if (!reason || !note.trim()) return setError('请选择法定情形并写明具体理由');
    await send(refusal.values, { reason, note: note.trim() });
  };

  return (
    <Card title="入企检查前登记" size="small">
      <Typography.Paragraph type="secondary">
        入企检查前须登记并取得行政检查码；同一企业本年度的检查次数不超过 {cap} 次（{CITES.cap}）。“双随机”抽查由抽取结果自动登记。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ kind: 'campaign', plannedDate: dayjs() }} onValuesChange={() => setRefusal(null)}>
        <Space wrap align="start">
          <Form.Item name="targetId" label="检查对象" rules={[{ required: true, message: '请选择检查对象' }]} style={{ minWidth: 320 }}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="名称或统一社会信用代码"
              options={targets.filter((t) => t.active).map((t) => ({ value: t.id, label: `${t.name}（本年已检查 ${counts.get(t.id) ?? 0} 次）` }))}
            />
          </Form.Item>
          <Form.Item name="kind" label="检查种类" rules={[{ required: true }]}>
            <Select style={{ width: 160 }} options={KINDS} />
          </Form.Item>
          <Form.Item name="plannedDate" label="计划检查日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="inspectorIds" label="执法检查人员（至少 2 人）" rules={[{ required: true, message: '请选择执法检查人员' }]} style={{ minWidth: 280 }}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={officers.map((o) => {
                const recused = !!targetId && o.relations.some((r) => r.targetId === targetId);
                return { value: o.userId, label: !o.usable ? `${o.name}（${o.problem}）` : recused ? `${o.name}（与该企业有利害关系，回避）` : o.name, disabled: !o.usable || recused };
              })}
            />
          </Form.Item>
        </Space>
        {count !== null ? (
          <Typography.Paragraph type={count >= cap ? 'danger' : 'secondary'} data-testid="cap-count">
            该企业本年度已接受 {count} 次行政检查（上限 {cap} 次）{count >= cap ? '，已达到上限' : ''}。
          </Typography.Paragraph>
        ) : null}
        <Button type="primary" onClick={() => void submit()} loading={busy && !refusal}>
          登记并生成检查码
        </Button>
      </Form>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
      {refusal ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="cap-refusal"
          title="不予登记：已达到年度检查频次上限"
          description={
            <Space orientation="vertical" style={{ width: '100%' }}>
              <span>{refusal.message}</span>
              <span>
                属于下列法定情形之一、确需检查的，可以写明理由申请超出频次上限检查，经机关负责人批准后登记（{CITES.cap}）：
              </span>
              <Select<CapExceptionKey>
                aria-label="法定情形"
                placeholder="法定情形"
                style={{ width: '100%' }}
                value={reason}
                onChange={setReason}
                options={(Object.entries(CAP_EXCEPTION_LABELS) as [CapExceptionKey, string][]).map(([value, label]) => ({ value, label }))}
              />
              <Input.TextArea aria-label="具体理由" placeholder="具体理由，如：投诉举报反映夜间偷排，须现场核查" rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
              <Button onClick={() => void requestException()} loading={busy}>
                提交机关负责人批准
              </Button>
            </Space>
          }
        />
      ) : null}
    </Card>
  );
}

function DecideModal({ i, approve, onDone, onClose }: { i: Inspection; approve: boolean; onDone: () => void; onClose: () => void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await inspectionsApi.decideException(i.id, approve, comment);
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`${approve ? '批准' : '不批准'}超出频次上限的检查：${i.targetName}`} okText={approve ? '批准' : '不批准'} okButtonProps={{ danger: !approve }} confirmLoading={busy} onOk={() => void save()} onCancel={onClose} destroyOnHidden>
      {i.exception ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="本年度已检查">
            {i.exception.count} 次（上限 {i.exception.cap} 次）
          </Descriptions.Item>
          <Descriptions.Item label="法定情形">{CAP_EXCEPTION_LABELS[i.exception.reason]}</Descriptions.Item>
          <Descriptions.Item label="具体理由">{i.exception.note}</Descriptions.Item>
          <Descriptions.Item label="申请人">{i.exception.requestedBy}</Descriptions.Item>
        </Descriptions>
      ) : null}
      <Input.TextArea aria-label="意见" placeholder="意见" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={1000} />
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}

export function RegisterPage() {
  const { me } = useMe();
  const { message } = App.useApp();
  const can = inspectionAbilities(me);
  const [items, setItems] = useState<Inspection[] | null>(null);
  const [cap, setCap] = useState(0);
  const [targets, setTargets] = useState<Target[]>([]);
  const [officers, setOfficers] = useState<PoolOfficer[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<InspectionDetail | null>(null);
  const [decide, setDecide] = useState<{ i: Inspection; approve: boolean } | null>(null);

  const load = useCallback(async () => {
    try {
      const r = await inspectionsApi.inspections();
      setItems(r.items);
      setCap(r.cap);
    } catch (e) {
      setError(errorMessage(e));
      setItems([]);
    }
  }, []);
  useEffect(() => {
    void load();
    if (can.register) {
      inspectionsApi.targets().then((r) => setTargets(r.items), (e: unknown) => setError(errorMessage(e)));
      inspectionsApi.inspectors().then((r) => setOfficers(r.officers), (e: unknown) => setError(errorMessage(e)));
    }
  }, [load, can.register]);

  // Registered inspections this year per target (INS-3), as the server counts them.
  const counts = useMemo(() => {
    const year = dayjs().year();
    const m = new Map<string, number>();
    for (const i of items ?? []) if (i.status === 'registered' && i.year === year) m.set(i.targetId, (m.get(i.targetId) ?? 0) + 1);
    return m;
  }, [items]);

  const open = (id: string) => inspectionsApi.inspection(id).then(setShown, (e: unknown) => message.error(errorMessage(e)));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {can.register ? (
        <RegisterCard
          targets={targets}
          officers={officers}
          counts={counts}
          cap={cap}
          onDone={(d) => {
            void load();
            if (d.status === 'registered') setShown(d);
            else message.success('已提交机关负责人批准');
          }}
        />
      ) : null}
      <Card title="涉企行政检查登记" size="small">
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <Table<Inspection>
          rowKey="id"
          size="small"
          loading={!items}
          dataSource={items ?? []}
          data-testid="inspection-list"
          locale={{ emptyText: '暂无登记的检查' }}
          columns={[
            { title: '检查对象', render: (_, i) => i.targetName },
            { title: '种类', render: (_, i) => INSPECTION_KIND_LABELS[i.kind] },
            { title: '计划日期', dataIndex: 'plannedDate' },
            {
              title: '状态',
              render: (_, i) => (
                <Space orientation="vertical" size={0}>
                  <Tag color={INSPECTION_STATUS_COLORS[i.status]}>{INSPECTION_STATUS_LABELS[i.status]}</Tag>
                  {i.exception ? (
                    <Typography.Text type="secondary">
                      超出上限：{CAP_EXCEPTION_LABELS[i.exception.reason]}
                      {i.exception.approvedByName ? `（${i.exception.approvedByName}批准）` : ''}
                      {i.exception.refusedComment ? `（不批准：${i.exception.refusedComment}）` : ''}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
            },
            { title: '检查人员', render: (_, i) => i.inspectors.map((x) => x.name).join('、') },
            {
              title: '检查案件',
              render: (_, i) => (
                <Space orientation="vertical" size={0}>
                  {i.caseId ? <Link to={`/cases/${i.caseId}`}>检查案件</Link> : '—'}
                  {i.penaltyCaseId ? <Link to={`/cases/${i.penaltyCaseId}`}>处罚案件</Link> : null}
                  {i.drawId ? <Link to={`/inspections/draws/${i.drawId}`}>抽取记录</Link> : null}
                </Space>
              ),
            },
            {
              title: '操作',
              render: (_, i) => (
                <Space wrap>
                  {i.status === 'registered' ? (
                    <Button size="small" onClick={() => void open(i.id)}>
                      检查码
                    </Button>
                  ) : null}
                  {can.approve && i.status === 'pendingApproval' ? (
                    <>
                      <Button size="small" type="primary" onClick={() => setDecide({ i, approve: true })}>
                        批准
                      </Button>
                      <Button size="small" danger onClick={() => setDecide({ i, approve: false })}>
                        不批准
                      </Button>
                    </>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {shown ? (
        <Modal open title="行政检查码" footer={null} onCancel={() => setShown(null)} destroyOnHidden width={640}>
          <CodeView d={shown} />
        </Modal>
      ) : null}
      {decide ? (
        <DecideModal
          i={decide.i}
          approve={decide.approve}
          onClose={() => setDecide(null)}
          onDone={() => {
            message.success(decide.approve ? '已批准，检查已登记' : '已不批准');
            setDecide(null);
            void load();
          }}
        />
      ) : null}
    </Space>
  );
}
