/**
 * 抽查计划 (NAT-17 · INS-1 item): an annual plan per 抽查事项 with the number
 * drawn per class each round — at least the ratio of the agency's profile,
 * which a plan may raise — and the departments inspecting jointly. The unit
 * head and the agency head make plans (`inspection.manage`); the unit head
 * starts a round (`inspection.draw`): the seed is committed first, then the
 * draw runs on the draw page. The server checks again.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { api, errorMessage } from '../../api/client.js';
import { useMe } from '../../auth/session.js';
import { TARGET_CLASS_LABELS, type TargetClass } from '../../domain.js';
import { CITES, DRAW_STATUS_COLORS, DRAW_STATUS_LABELS, inspectionAbilities, inspectionsApi, type Plan, type PlanInput, type PlanList, type QuotaLine } from './inspectionsApi.js';

const PER = { quarter: '每季度', year: '每年' } as const;
const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;

export interface QuotaPreview {
  level: 'city' | 'county';
  cap: number;
  poolSize: number;
  atCap: number;
  quota: QuotaLine[];
}

function QuotaText({ lines }: { lines: QuotaLine[] }) {
  if (!lines.length) return <Typography.Text type="secondary">名录中暂无可抽取的检查对象</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      {lines.map((l) => (
        <span key={l.targetClass}>
          {TARGET_CLASS_LABELS[l.targetClass]}：{l.count} 家（{l.poolSize} 家中{PER[l.per]}不低于 {pct(l.ratio)}）
        </span>
      ))}
    </Space>
  );
}

interface PlanForm {
  year: number;
  title: string;
  item: string;
  basis?: string;
  content?: string;
  method?: string;
  rounds: 'quarter' | 'year';
  teamSize: number;
  jointDepartments?: string[];
  quota?: Partial<Record<TargetClass, number | null>>;
}

function PlanModal({ preview, onDone, onClose }: { preview: QuotaPreview | null; onDone: (p: Plan) => void; onClose: () => void }) {
  const [form] = Form.useForm<PlanForm>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const year = new Date().getFullYear();
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    const quotaOverride = Object.fromEntries(Object.entries(v.quota ?? {}).filter(([, n]) => typeof n === 'number')) as Partial<Record<TargetClass, number>>;
    const body: PlanInput = {
      year: v.year,
      title: v.title,
      item: v.item,
      rounds: v.rounds,
      teamSize: v.teamSize,
      ...(v.basis ? { basis: v.basis } : {}),
      ...(v.content ? { content: v.content } : {}),
      ...(v.method ? { method: v.method } : {}),
      ...(v.jointDepartments?.length ? { jointDepartments: v.jointDepartments } : {}),
      ...(Object.keys(quotaOverride).length ? { quotaOverride } : {}),
    };
    try {
      onDone(await inspectionsApi.createPlan(body));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title="制定年度抽查计划" okText="保存计划" onOk={() => void save()} confirmLoading={saving} onCancel={onClose} destroyOnHidden width={720}>
      <Form form={form} layout="vertical" initialValues={{ year, rounds: 'quarter', teamSize: 2 }}>
        <Space wrap>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="rounds" label="抽取周期">
            <Select style={{ width: 120 }} options={[{ value: 'quarter', label: '每季度' }, { value: 'year', label: '每年' }]} />
          </Form.Item>
          <Form.Item name="teamSize" label="每组执法人员（人）">
            <InputNumber min={2} max={10} />
          </Form.Item>
        </Space>
        <Form.Item name="title" label="计划名称" rules={[{ required: true, message: '请填写计划名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="item" label="抽查事项（随机抽查事项清单中的事项）" rules={[{ required: true, message: '请填写抽查事项' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="basis" label="抽查依据">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="content" label="抽查内容">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="method" label="抽查方式">
          <Input maxLength={500} placeholder="如：现场检查、资料核查" />
        </Form.Item>
        <Form.Item name="jointDepartments" label="联合检查部门（输入后回车）">
          <Select mode="tags" aria-label="联合检查部门" open={false} tokenSeparators={['，', ',', '、']} />
        </Form.Item>
        <Typography.Title level={5}>每轮抽取数量</Typography.Title>
        <Typography.Paragraph type="secondary">
          默认按本机关适用规则的抽查比例计算（{CITES.draw}）；可以提高，不能低于比例。
          {preview ? `今日名录可抽取 ${preview.poolSize} 家（另有 ${preview.atCap} 家已达年度检查频次上限，不参加抽取）。` : ''}
        </Typography.Paragraph>
        <Space wrap>
          {(preview?.quota ?? []).map((l) => (
            <Form.Item key={l.targetClass} name={['quota', l.targetClass]} label={`${TARGET_CLASS_LABELS[l.targetClass]}（共 ${l.poolSize} 家，${PER[l.per]} ${pct(l.ratio)}）`}>
              <InputNumber min={l.count} max={l.poolSize} placeholder={`默认 ${l.count}`} aria-label={`${TARGET_CLASS_LABELS[l.targetClass]}抽取数量`} />
            </Form.Item>
          ))}
        </Space>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}

function CommitModal({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const navigate = useNavigate();
  const [round, setRound] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const commit = async () => {
    setBusy(true);
    setError(null);
    try {
      const d = await inspectionsApi.commitDraw(plan.id, round);
      navigate(`/inspections/draws/${d.id}`);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <Modal open title={`新一轮抽取：${plan.title}`} okText="提交种子承诺" onOk={() => void commit()} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>
        提交后，本轮的检查对象名录、执法检查人员名录和回避关系即被冻结，平台生成随机种子，并将种子的哈希值与名录摘要写入完整性日志（抽取前公开承诺）；随后在抽取页面执行抽取。
      </Typography.Paragraph>
      <Input aria-label="轮次" placeholder={`轮次，如：第二季度（不填则为“${plan.year}年”）`} value={round} onChange={(e) => setRound(e.target.value)} maxLength={50} />
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}

export function PlansPage() {
  const { me } = useMe();
  const can = inspectionAbilities(me);
  const [list, setList] = useState<PlanList | null>(null);
  const [preview, setPreview] = useState<QuotaPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'commit'; plan: Plan } | null>(null);

  const load = useCallback(async () => {
    try {
      setList(await inspectionsApi.plans());
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (dialog?.kind === 'create') api.get<QuotaPreview>('/inspections/plans/quota-preview').then(setPreview, (e: unknown) => setError(errorMessage(e)));
  }, [dialog]);

  return (
    <Card
      title="抽查计划"
      extra={
        can.manage ? (
          <Button type="primary" onClick={() => setDialog({ kind: 'create' })}>
            制定抽查计划
          </Button>
        ) : null
      }
    >
      {list ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`今日名录可抽取 ${list.poolSize} 家；${list.atCap} 家本年度已达检查频次上限（${list.cap} 次），不参加抽取。`}
          description={`抽查结果在检查之日起20个工作日内公示（${CITES.result}）；检查实施前不公开被抽中的企业名单。`}
        />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Table<PlanList['items'][number]>
        rowKey="id"
        size="small"
        loading={!list && !error}
        dataSource={list?.items ?? []}
        pagination={false}
        data-testid="plan-list"
        locale={{ emptyText: '暂无抽查计划' }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 64 },
          {
            title: '计划',
            render: (_, p) => (
              <Space orientation="vertical" size={0}>
                <strong>{p.title}</strong>
                <span>抽查事项：{p.item}</span>
                {p.jointDepartments.length ? <span>联合检查部门：{p.jointDepartments.join('、')}</span> : null}
                <Typography.Text type="secondary">
                  {PER[p.rounds]}抽取一轮；每组执法人员 {p.teamSize} 人
                </Typography.Text>
              </Space>
            ),
          },
          { title: '每轮抽取数量', render: (_, p) => <QuotaText lines={p.quota} /> },
          {
            title: '抽取记录',
            render: (_, p) =>
              p.draws.length ? (
                <Space orientation="vertical" size={2}>
                  {p.draws.map((d) => (
                    <span key={d.id}>
                      <Link to={`/inspections/draws/${d.id}`}>{d.roundLabel}</Link> <Tag color={DRAW_STATUS_COLORS[d.status]}>{DRAW_STATUS_LABELS[d.status]}</Tag>
                    </span>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">尚未抽取</Typography.Text>
              ),
          },
          ...(can.draw
            ? [
                {
                  title: '操作',
                  render: (_: unknown, p: Plan) => (
                    <Button size="small" type="primary" onClick={() => setDialog({ kind: 'commit', plan: p })}>
                      新一轮抽取
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog?.kind === 'create' ? (
        <PlanModal
          preview={preview}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            void load();
          }}
        />
      ) : null}
      {dialog?.kind === 'commit' ? <CommitModal plan={dialog.plan} onClose={() => setDialog(null)} /> : null}
    </Card>
  );
}
