/**
 * 检查对象名录 (INS-2 · NAT-17): the agency's directory of enterprises that
 * random inspections are drawn from — search and filter, add and edit, and
 * import from Excel or CSV with the template and, when rows are wrong, the
 * per-row error report (nothing is imported then). The unit head and the
 * agency head keep it (`inspection.manage`); the server checks again.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../api/client.js';
import { useMe } from '../../auth/session.js';
import { PERMIT_CLASS_LABELS, TARGET_CLASS_LABELS, type TargetClass } from '../../domain.js';
import { TARGET_TEMPLATE_URL, downloadBase64, fileBase64, inspectionAbilities, inspectionsApi, type ImportAnswer, type Target, type TargetInput } from './inspectionsApi.js';

const RISK_LABELS = { high: '高风险（信用较差）', medium: '中风险', low: '低风险（信用良好）' } as const;
const CLASS_COLORS: Record<TargetClass, string> = { keyPolluter: 'red', high: 'volcano', medium: 'gold', low: 'green' };

function TargetModal({ target, onDone, onClose }: { target: Target | null; onDone: (t: Target) => void; onClose: () => void }) {
  const [form] = Form.useForm<TargetInput>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      if (target) {
        const { creditCode: _code, ...patch } = v;
        onDone(await inspectionsApi.updateTarget(target.id, patch));
      } else {
        onDone(await inspectionsApi.createTarget(v));
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={target ? `编辑检查对象：${target.name}` : '新增检查对象'} okText="保存" onOk={() => void save()} confirmLoading={saving} onCancel={onClose} destroyOnHidden width={640}>
      <Form
        form={form}
        layout="vertical"
        initialValues={target ?? { permitClass: 'none', keyPolluter: false, riskClass: 'medium', active: true }}
      >
        <Form.Item name="creditCode" label="统一社会信用代码" rules={[{ required: true, message: '请填写统一社会信用代码' }]}>
          <Input disabled={!!target} maxLength={30} />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="address" label="地址">
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="legalRepresentative" label="法定代表人">
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="district" label="所在区县">
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="industry" label="行业">
            <Input maxLength={100} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="permitNumber" label="排污许可证编号">
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="permitClass" label="排污许可管理类别">
            <Select style={{ width: 140 }} options={Object.entries(PERMIT_CLASS_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="keyPolluter" label="重点排污单位" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="riskClass" label="风险等级（信用等级）">
            <Select style={{ width: 180 }} options={Object.entries(RISK_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="active" label="在册（参加抽取）" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="riskSource" label="风险等级依据">
          <Input maxLength={200} placeholder="如：2026年企业环境信用评价结果" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}

/** Import: choose a file, send it; with errors, the rows are listed and the report offered (nothing was imported). */
function ImportModal({ onDone, onClose }: { onDone: () => void; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!file) return setError('请选择要导入的 Excel（.xlsx）或 CSV 文件');
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      const a = await inspectionsApi.importTargets(file.name, await fileBase64(file));
      setAnswer(a);
      if (a.ok) onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="导入检查对象名录" okText="导入" onOk={() => void send()} confirmLoading={busy} onCancel={onClose} destroyOnHidden width={720}>
      <Typography.Paragraph>
        请使用模板填写（<a href={TARGET_TEMPLATE_URL} download>下载导入模板（Excel）</a>），每行一家企业；统一社会信用代码已在名录中的，按导入内容更新。任何一行有错误时不导入任何数据，请按错误报告修改后重新导入。
      </Typography.Paragraph>
      <input type="file" aria-label="选择文件" accept=".xlsx,.csv" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setAnswer(null); }} />
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
      {answer?.ok ? <Alert type="success" showIcon title={`导入完成：新增 ${answer.created} 家，更新 ${answer.updated} 家`} style={{ marginTop: 12 }} data-testid="import-result" /> : null}
      {answer && !answer.ok ? (
        <div data-testid="import-errors" style={{ marginTop: 12 }}>
          <Alert
            type="error"
            showIcon
            title={`文件有 ${answer.errors.length} 处错误，未导入任何数据`}
            description="请按下表逐行修改后重新导入。"
            action={
              answer.reportBase64 ? (
                <Button size="small" onClick={() => downloadBase64(answer.reportBase64!, '检查对象名录导入错误报告.xlsx')}>
                  下载错误报告
                </Button>
              ) : null
            }
          />
          <Table
            rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
            size="small"
            pagination={false}
            style={{ marginTop: 8 }}
            dataSource={answer.errors}
            columns={[
              { title: '行号', dataIndex: 'row', width: 64 },
              { title: '列', dataIndex: 'column', width: 140 },
              { title: '填写的内容', dataIndex: 'value', render: (v: string) => v || <Typography.Text type="secondary">（空）</Typography.Text> },
              { title: '问题', dataIndex: 'message' },
            ]}
          />
        </div>
      ) : null}
    </Modal>
  );
}

export function TargetsPage() {
  const { me } = useMe();
  const { message } = App.useApp();
  const can = inspectionAbilities(me);
  const [items, setItems] = useState<Target[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [klass, setKlass] = useState<TargetClass | undefined>();
  const [activeOnly, setActiveOnly] = useState(false);
  const [dialog, setDialog] = useState<{ kind: 'edit'; target: Target | null } | { kind: 'import' } | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await inspectionsApi.targets()).items);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
      setItems([]);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (items ?? []).filter(
      (t) =>
        (!q || [t.name, t.creditCode, t.address, t.industry, t.district].some((f) => f.toLowerCase().includes(q))) &&
        (!klass || t.targetClass === klass) &&
        (!activeOnly || t.active),
    );
  }, [items, search, klass, activeOnly]);

  return (
    <Card
      title="检查对象名录"
      extra={
        can.manage ? (
          <Space>
            <Button href={TARGET_TEMPLATE_URL} download>
              下载导入模板
            </Button>
            <Button onClick={() => setDialog({ kind: 'import' })}>导入名录</Button>
            <Button type="primary" onClick={() => setDialog({ kind: 'edit', target: null })}>
              新增检查对象
            </Button>
          </Space>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">
        “双随机”抽查从本名录中按类别随机抽取检查对象；本年度已达到检查频次上限的企业不参加抽取。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="名称、统一社会信用代码、地址、行业" aria-label="搜索检查对象" style={{ width: 320 }} value={search} onChange={(e) => setSearch(e.target.value)} />
        <Select
          allowClear
          aria-label="抽查类别"
          placeholder="全部类别"
          style={{ width: 200 }}
          value={klass}
          onChange={(v?: TargetClass) => setKlass(v)}
          options={Object.entries(TARGET_CLASS_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <span>
          只看在册 <Switch size="small" checked={activeOnly} onChange={setActiveOnly} aria-label="只看在册" />
        </span>
      </Space>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Table<Target>
        rowKey="id"
        size="small"
        loading={!items}
        dataSource={shown}
        data-testid="target-list"
        locale={{ emptyText: '名录中暂无检查对象' }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '统一社会信用代码', dataIndex: 'creditCode' },
          { title: '所在区县', dataIndex: 'district' },
          { title: '行业', dataIndex: 'industry' },
          { title: '排污许可', render: (_, t) => PERMIT_CLASS_LABELS[t.permitClass] },
          { title: '抽查类别', render: (_, t) => <Tag color={CLASS_COLORS[t.targetClass]}>{TARGET_CLASS_LABELS[t.targetClass]}</Tag> },
          { title: '状态', render: (_, t) => (t.active ? <Tag color="green">在册</Tag> : <Tag>已移出</Tag>) },
          ...(can.manage
            ? [
                {
                  title: '操作',
                  render: (_: unknown, t: Target) => (
                    <Button size="small" onClick={() => setDialog({ kind: 'edit', target: t })}>
                      编辑
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog?.kind === 'edit' ? (
        <TargetModal
          target={dialog.target}
          onClose={() => setDialog(null)}
          onDone={(t) => {
            message.success(`已保存：${t.name}`);
            setDialog(null);
            void load();
          }}
        />
      ) : null}
      {dialog?.kind === 'import' ? <ImportModal onClose={() => { setDialog(null); void load(); }} onDone={() => void load()} /> : null}
    </Card>
  );
}
