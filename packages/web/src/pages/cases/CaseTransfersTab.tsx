/**
 * 移送 on the case page (issue 13 item 2 · PUB-5, PUB-8): record a transfer
 * to the police, to 纪检监察 or to another body with its 移送书 (document
 * number, date, the document of the case when kept there), list the case's
 * transfers, and show what they do to disclosure: a transfer to the police
 * or to 纪检监察 makes the decision 不予公开 with the reason; a decision already
 * online gets its withdrawal started and the clerk an alert (SX25-P 25).
 */
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { api, errorMessage } from '../../api/client.js';
import { caseUrl, type CaseView } from '../../api/cases.js';
import { useCite } from '../../auth/session.js';

export const TRANSFER_TARGETS = { police: '公安机关', discipline: '纪检监察机关', other: '其他机关' } as const;
export type TransferTarget = keyof typeof TRANSFER_TARGETS;

const STATUS_LABELS: Record<string, string> = {
  draft: '待提交',
  submitted: '待审核',
  returned: '已退回',
  published: '已公示',
  withholdRequested: '不予公开待审批',
  withheld: '不予公开',
  withdrawPending: '撤回待审批',
  withdrawn: '已撤回',
  expired: '公示期满',
};

export interface CaseTransfers {
  caseId: string;
  transfers: { at: string; actorName: string; to: string; toLabel: string; letterNumber: string; transferredOn: string; documentId: string | null; note: string }[];
  withholding: { key: string; label: string; basis: string }[];
  publications: {
    id: string;
    decisionNumber: string;
    status: string;
    online: boolean;
    withholding: { reason: string; label: string } | null;
    withdrawal: { automatic: boolean; withdrawBy: string; withdrawnOn: string | null } | null;
    alert: { at: string; comment: string } | null;
  }[];
}

interface TransferValues {
  to: TransferTarget;
  toName?: string;
  letterNumber: string;
  transferredOn: string;
  documentId?: string;
  note?: string;
}

export function CaseTransfersTab({ c, canWrite }: { c: CaseView; canWrite: boolean }) {
  const cite = useCite();
  const { message } = App.useApp();
  const [data, setData] = useState<CaseTransfers | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<TransferValues>();
  const to = Form.useWatch('to', form);

  const load = useCallback(async () => {
    try {
      setData(await api.get<CaseTransfers>(`${caseUrl(c.id)}/transfers`));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [c.id]);
  useEffect(() => void load(), [load]);

  const submit = async (v: TransferValues) => {
    setBusy(true);
    setSaveError(null);
    try {
      const body = {
        to: v.to,
        letterNumber: v.letterNumber.trim(),
        transferredOn: v.transferredOn.trim(),
        ...(v.to === 'other' && v.toName?.trim() ? { toName: v.toName.trim() } : {}),
        ...(v.documentId ? { documentId: v.documentId } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      };
      const res = await api.post<{ withdrawalsStarted: number }>(`${caseUrl(c.id)}/transfers`, body);
      message.success(res.withdrawalsStarted ? `已登记移送；${res.withdrawalsStarted}项已公示的决定已自动发起撤回，已提醒公示录入员` : '已登记移送');
      form.resetFields();
      await load();
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data) return <Typography.Text type="secondary">加载中…</Typography.Text>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="case-transfers">
      {data.withholding.length ? (
        <Alert
          type="warning"
          showIcon
          data-testid="withholding-reasons"
          title="本案的执法决定依法不予公开"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {data.withholding.map((r) => (
                <li key={r.key}>
                  {r.label}（{cite(r.basis)}）
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      {data.publications.length ? (
        <Card size="small" title="本案决定的公示状态">
          {data.publications.map((p) => (
            <div key={p.id} data-testid="transfer-publication" style={{ padding: '4px 0' }}>
              <Space wrap>
                <Link to={`/disclosure/publications/${p.id}`}>{p.decisionNumber || '（无文号）'}</Link>
                <Tag color={p.status === 'withheld' ? 'orange' : p.status === 'withdrawPending' ? 'red' : p.online ? 'green' : 'default'}>{STATUS_LABELS[p.status] ?? p.status}</Tag>
                {p.withholding ? <Typography.Text>不予公开：{p.withholding.label}</Typography.Text> : null}
              </Space>
              {p.status === 'withdrawPending' && p.withdrawal?.automatic ? (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginTop: 6 }}
                  data-testid="withdrawal-alert"
                  title={cite(`已公示的决定已自动发起撤回，须于 ${p.withdrawal.withdrawBy} 前撤回（SX25-P 第二十五条）`)}
                  description={p.alert?.comment ?? '请公示录入员核对撤回说明并提请审核员审批。'}
                />
              ) : null}
            </div>
          ))}
        </Card>
      ) : null}
      <Card size="small" title={`移送记录（${data.transfers.length}）`}>
        {data.transfers.length ? (
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => `${r.at}-${r.letterNumber}`}
            dataSource={data.transfers}
            columns={[
              { title: '移送至', dataIndex: 'toLabel' },
              { title: '移送书文号', dataIndex: 'letterNumber' },
              { title: '移送日期', dataIndex: 'transferredOn' },
              { title: '登记人', dataIndex: 'actorName' },
              { title: '备注', dataIndex: 'note' },
            ]}
          />
        ) : (
          <Empty description="本案尚无移送记录" />
        )}
      </Card>
      {canWrite ? (
        <Card size="small" title="登记移送">
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {cite('移送公安机关或者纪检监察机关的，本案决定依法不予公开（SX25-P 第十九条（五））；已公示的将自动发起撤回。移送其他机关的仅作记录。')}
          </Typography.Paragraph>
          {saveError ? <Alert type="error" showIcon title={saveError} style={{ marginBottom: 8 }} data-testid="transfer-error" /> : null}
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ to: 'police' }}>
            <Form.Item label="移送至" name="to" rules={[{ required: true }]}>
              <Select aria-label="移送至" options={(Object.keys(TRANSFER_TARGETS) as TransferTarget[]).map((value) => ({ value, label: TRANSFER_TARGETS[value] }))} />
            </Form.Item>
            {to === 'other' ? (
              <Form.Item label="接收机关" name="toName" rules={[{ required: true, whitespace: true, message: '请填写接收机关' }]}>
                <Input aria-label="接收机关" />
              </Form.Item>
            ) : null}
            <Form.Item label="移送书文号" name="letterNumber" rules={[{ required: true, whitespace: true, message: '请填写移送书文号' }]}>
              <Input aria-label="移送书文号" />
            </Form.Item>
            <Form.Item label="移送日期" name="transferredOn" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '请按 YYYY-MM-DD 填写移送日期' }]}>
              <Input aria-label="移送日期" placeholder="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item label="移送书（本案文书，选填）" name="documentId">
              <Select aria-label="移送书" allowClear options={c.documents.map((d) => ({ value: d.documentId, label: `${d.kindName}${d.docNumber ? ` ${d.docNumber}` : ''}` }))} />
            </Form.Item>
            <Form.Item label="备注" name="note">
              <Input.TextArea rows={2} aria-label="移送备注" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              登记移送
            </Button>
          </Form>
        </Card>
      ) : null}
    </Space>
  );
}
