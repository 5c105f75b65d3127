/**
 * 送达 (REC-25 · GS-R 37-40): the services recorded, and a form per method
 * with the proof that method needs — the 送达回证 signatures for direct and
 * entrusted service, the registered-mail slips, the witness and the place for
 * a refusal, the approval, the failed attempts and the notice kept for a
 * public notice. A service without its proof is refused with what is missing.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Radio, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { MinusCircleOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client.js';
import { caseUrl, type CaseMeta, type CaseServiceSummary, type CaseView } from '../../api/cases.js';
import { MissingAlert } from '../../components/cases/MissingAlert.js';
import { SpecFields, fromFormValues, toFormValues } from '../../components/cases/SpecFields.js';
import { RECIPIENT_ROLE_LABELS, SERVICE_METHOD_CITATIONS, SERVICE_METHOD_LABELS, formatCitation, specsForProfile, type FieldSpec, type ProfileId, type ServiceMethod } from '../../domain.js';
import { kindSpec } from '../../lib/caseMeta.js';
import { leadFirst } from '../../lib/cases.js';

const opts = (labels: Readonly<Record<string, string>>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const rule = (m: ServiceMethod) => `REC-25 · ${SERVICE_METHOD_CITATIONS[m].map((c) => formatCitation(c)).join('；')}`;
const R = { required: true as const };

function receipt(): FieldSpec[] {
  return [
    { key: 'recipientName', label: '签收人', type: 'text', ...R },
    { key: 'recipientRole', label: '签收人身份', type: 'choice', options: opts(RECIPIENT_ROLE_LABELS), ...R },
    { key: 'recipientSigned', label: '受送达人或者签收人已在送达回证上签名或者盖章', type: 'boolean', ...R, mustBeTrue: true },
    { key: 'serverNames', label: '送达人', type: 'textList', ...R, minItems: 1 },
    { key: 'serverSigned', label: '送达人已在送达回证上签名或者盖章', type: 'boolean', ...R, mustBeTrue: true },
    { key: 'receivedAt', label: '签收日期', type: 'date', ...R },
  ];
}

/** The proof fields of each service method (core records/service.ts), as field specs for the generated form. */
export function serviceSpecs(method: ServiceMethod, approvals: { value: string; label: string }[]): FieldSpec[] {
  const withRule = (specs: FieldSpec[]) => specs.map((s, i) => (i === 0 ? { ...s, rule: rule(method) } : s));
  switch (method) {
    case 'direct':
      return withRule(receipt());
    case 'mail':
      return withRule([
        { key: 'carrier', label: '邮寄方式', type: 'choice', ...R, options: [{ value: 'registered', label: '挂号信' }, { value: 'express', label: '特快专递' }, { value: 'ordinary', label: '平信（不视为送达）' }] },
        { key: 'mailingRegistered', label: '已留存邮寄送达的登记', type: 'boolean', ...R, mustBeTrue: true },
        { key: 'postingReceiptRef', label: '付邮凭证（编号或扫描件）', type: 'text', ...R },
        { key: 'returnReceiptRef', label: '回执（编号或扫描件）', type: 'text', ...R },
        { key: 'receivedAt', label: '回执签收日期', type: 'date', ...R },
      ]);
    case 'refusal':
      return withRule([
        { key: 'recipientName', label: '受送达人', type: 'text', ...R },
        { key: 'refusalReason', label: '拒收理由', type: 'longText', ...R },
        { key: 'refusalDate', label: '拒收日期', type: 'date', ...R },
        { key: 'serverNames', label: '送达人', type: 'textList', ...R, minItems: 1 },
        { key: 'serverSigned', label: '送达人已签名或者盖章', type: 'boolean', ...R, mustBeTrue: true },
        { key: 'witnessName', label: '见证人', type: 'text', ...R },
        { key: 'witnessSigned', label: '见证人已签名或者盖章', type: 'boolean', ...R, mustBeTrue: true },
        { key: 'leftAt', label: '留置地点', type: 'text', ...R, hint: '将文书留在受送达人处并记明地点' },
        { key: 'avRecordIds', label: '送达过程音像记录编号', type: 'textList', hint: '按本机关规则，留置送达须或者宜进行音像记录' },
      ]);
    case 'entrusted':
      return withRule([
        { key: 'entrustedTo', label: '受托方', type: 'text', ...R },
        { key: 'entrustmentLetterRef', label: '委托函（编号）', type: 'text', ...R },
        { key: 'entrustmentReason', label: '委托原因（记载于委托函）', type: 'longText', ...R },
        ...receipt(),
      ]);
    case 'publicNotice':
      return withRule([
        { key: 'approvalDocumentId', label: '公告送达审批意见书', type: 'choice', ...R, options: approvals, hint: approvals.length ? undefined : '请先在“文书”中制作并签署公告送达审批意见书' },
        { key: 'medium', label: '公告载体', type: 'text', ...R, hint: '如本机关网站、公告栏、报纸' },
        { key: 'publishedOn', label: '公告日期', type: 'date', ...R },
        { key: 'noticeCopyKept', label: '已留存书面公告', type: 'boolean', ...R, mustBeTrue: true },
        { key: 'reasonAndCourse', label: '公告送达的原因和经过', type: 'longText', ...R },
        { key: 'avRecordIds', label: '公告过程音像记录编号', type: 'textList' },
      ]);
  }
}

interface Attempt {
  method?: Exclude<ServiceMethod, 'publicNotice'>;
  date?: Dayjs | null;
  result?: string;
}

function FailedAttempts() {
  return (
    <Form.Item label="已经采用其他方式均无法送达的情况" required>
      <Form.List name="failedAttempts">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline" wrap style={{ marginBottom: 8 }}>
                <Form.Item name={[f.name, 'method']} noStyle>
                  <Select aria-label={`第${i + 1}次送达方式`} placeholder="送达方式" style={{ width: 180 }} options={(['direct', 'mail', 'refusal', 'entrusted'] as const).map((m) => ({ value: m, label: SERVICE_METHOD_LABELS[m] }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'date']} noStyle>
                  <DatePicker aria-label={`第${i + 1}次送达日期`} format="YYYY-MM-DD" />
                </Form.Item>
                <Form.Item name={[f.name, 'result']} noStyle>
                  <Input aria-label={`第${i + 1}次送达结果`} placeholder="结果，如：查无此人" style={{ width: 240 }} />
                </Form.Item>
                <Button icon={<MinusCircleOutlined />} aria-label={`删除第${i + 1}次送达`} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ method: 'mail' })}>
              添加一次送达尝试
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

function ServiceForm({ c, meta, onRecorded }: { c: CaseView; meta: CaseMeta | null; onRecorded: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [method, setMethod] = useState<ServiceMethod>('direct');
  const [refusal, setRefusal] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const servable = c.documents.filter((d) => d.status !== 'draft' && kindSpec(meta, d.kind)?.servedToParty);
  const approvals = c.documents.filter((d) => d.kind === 'publicNoticeApproval' && d.status !== 'draft').map((d) => ({ value: d.versionId, label: `${d.recordNumber}（第${d.version}版）` }));
  // The rule notes in the agency's own terms (issue 15): its province's rules and national law, by title.
  const specs = useMemo(() => (c.profileId ? specsForProfile(serviceSpecs(method, approvals), c.profileId as ProfileId) : serviceSpecs(method, approvals)), [method, approvals.length, c.profileId]); // eslint-disable-line react-hooks/exhaustive-deps
  const defaults = (list: readonly FieldSpec[]) => toFormValues(list, { serverNames: leadFirst(c.handlers).map((h) => h.name) });

  const changeMethod = (m: ServiceMethod) => {
    setMethod(m);
    setRefusal(null);
    // Fields the new method adds start with their defaults; values typed for shared fields stay.
    const next = defaults(serviceSpecs(m, approvals));
    const unset = Object.fromEntries(Object.entries(next).filter(([k]) => form.getFieldValue(k) === undefined));
    form.setFieldsValue({ ...unset, ...(m === 'publicNotice' && !form.getFieldValue('failedAttempts') ? { failedAttempts: [{ method: 'mail' }] } : {}) });
  };

  const submit = async () => {
    let values: Record<string, unknown>;
    try {
      values = (await form.validateFields()) as Record<string, unknown>;
    } catch {
      return;
    }
    const all = form.getFieldsValue(true) as Record<string, unknown>;
    const proof = Object.fromEntries(Object.entries(fromFormValues(specs, all)).filter(([, v]) => v !== null));
    const record: Record<string, unknown> = { method, ...proof };
    if (method === 'publicNotice') {
      record.failedAttempts = ((all.failedAttempts as Attempt[] | undefined) ?? [])
        .filter((a) => a.method || a.date || a.result)
        .map((a) => ({ method: a.method, date: a.date ? a.date.format('YYYY-MM-DD') : '', result: a.result?.trim() ?? '' }));
    }
    setBusy(true);
    setRefusal(null);
    try {
      const res = await api.post<{ service: { servedOn: string | null; advisories?: { label: string; reason: string }[] } }>(`${caseUrl(c.id)}/services`, { documentId: values.documentId ?? all.documentId, record });
      message.success(`送达已记录${res.service.servedOn ? `，送达日期 ${res.service.servedOn}` : ''}`);
      for (const a of res.service.advisories ?? []) message.warning(`${a.label}：${a.reason}`);
      form.resetFields();
      setMethod('direct');
      onRecorded();
    } catch (e) {
      setRefusal(e);
    } finally {
      setBusy(false);
    }
  };

  if (!servable.length) {
    return <Alert type="info" showIcon title="尚无可送达的文书" description="须送达当事人的文书（如决定书、告知书）签发后，在此记录送达及送达证明。" />;
  }

  return (
    <Form form={form} layout="vertical" name="service" initialValues={defaults(specs)}>
      {refusal ? <MissingAlert title="送达证明不完整，不能视为已送达：" error={refusal} onClose={() => setRefusal(null)} /> : null}
      <Form.Item label="送达的文书" name="documentId" rules={[{ required: true, message: '请选择送达的文书' }]}>
        <Select placeholder="请选择" options={servable.map((d) => ({ value: d.documentId, label: `${d.kindName} ${d.docNumber ?? d.recordNumber}（第${d.version}版）` }))} />
      </Form.Item>
      <Form.Item label="送达方式" required extra={rule(method)}>
        <Radio.Group value={method} onChange={(e) => changeMethod(e.target.value as ServiceMethod)} options={(Object.keys(SERVICE_METHOD_LABELS) as ServiceMethod[]).map((m) => ({ value: m, label: SERVICE_METHOD_LABELS[m] }))} />
      </Form.Item>
      {method === 'publicNotice' ? <FailedAttempts /> : null}
      <SpecFields specs={specs} status="signed" />
      <Button type="primary" icon={<SendOutlined />} loading={busy} onClick={() => void submit()}>
        记录送达
      </Button>
    </Form>
  );
}

export function CaseServiceTab({ c, meta, onRecorded }: { c: CaseView; meta: CaseMeta | null; onRecorded: () => void }) {
  const byDoc = new Map(c.documents.map((d) => [d.documentId, d]));
  const columns: TableColumnsType<CaseServiceSummary> = [
    { title: '文书', dataIndex: 'documentId', render: (id: string) => { const d = byDoc.get(id); return d ? `${d.kindName} ${d.docNumber ?? d.recordNumber}` : id; } },
    { title: '送达方式', dataIndex: 'method', width: 170, render: (m: ServiceMethod) => SERVICE_METHOD_LABELS[m] ?? m },
    { title: '送达日期', dataIndex: 'servedOn', width: 120, render: (v: string | null) => v ?? '—' },
    { title: '证明', dataIndex: 'counts', width: 110, render: (v: boolean) => (v ? <Tag color="green">有效送达</Tag> : <Tag color="red">不视为送达</Tag>) },
    { title: '记录时间', dataIndex: 'createdAt', width: 150, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Table<CaseServiceSummary> rowKey="id" size="small" columns={columns} dataSource={c.services} pagination={false} locale={{ emptyText: '尚未记录送达' }} />
      {c.abilities.recordService ? (
        <Card size="small" title="记录送达">
          <ServiceForm c={c} meta={meta} onRecorded={onRecorded} />
        </Card>
      ) : (
        <Typography.Text type="secondary">{c.state === 'archived' ? '案件已归档，不能再记录送达。' : '您不能在本案记录送达。'}</Typography.Text>
      )}
    </Space>
  );
}
