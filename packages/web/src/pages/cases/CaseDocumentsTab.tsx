/**
 * 文书 of a case: each document's current version with its number within
 * the case (REC-15), status and 文号; 新建文书 offers the kinds of the case's
 * action type grouped by stage (the current stage first) and starts a draft
 * filled from the case (party, handlers and their certificate numbers).
 */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Form, Modal, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, errorMessage } from '../../api/client.js';
import { caseUrl, type CaseDocumentSummary, type CaseMeta, type CaseView, type DocumentView } from '../../api/cases.js';
import { useMe } from '../../auth/session.js';
import { compact } from '../../components/cases/SpecFields.js';
import { CASE_STAGE_LABELS, type CaseStage, type DocumentStatus } from '../../domain.js';
import { kindSpec, kindsByStage } from '../../lib/caseMeta.js';
import { DOCUMENT_STATUS_COLORS, documentStatusLabel } from '../../lib/cases.js';
import { prefillFields } from '../../lib/documentPrefill.js';

export const documentPath = (caseId: string, docId: string) => `${caseUrl(caseId)}/documents/${encodeURIComponent(docId)}`;

export function kindOptions(meta: CaseMeta, c: Pick<CaseView, 'actionType' | 'state'>) {
  const groups = kindsByStage(meta, c.actionType);
  const current = c.state === 'archived' ? null : (c.state as CaseStage);
  const ordered = [...groups.filter((g) => g.stage === current), ...groups.filter((g) => g.stage !== current)];
  return ordered.map((g) => ({
    label: `${CASE_STAGE_LABELS[g.stage]}${g.stage === current ? '（当前环节）' : ''}`,
    title: CASE_STAGE_LABELS[g.stage],
    options: g.kinds.map((k) => ({ value: k.key, label: `${k.name}${k.finalStatus === 'issued' ? '（签发）' : ''}` })),
  }));
}

function NewDocumentModal({ c, meta, onClose, initialKind }: { c: CaseView; meta: CaseMeta; onClose: () => void; initialKind?: string | undefined }) {
  const navigate = useNavigate();
  const { me } = useMe();
  const [kind, setKind] = useState<string | undefined>(initialKind);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const spec = kind ? kindSpec(meta, kind) : undefined;

  const submit = async () => {
    if (!kind || !spec) return setError('请选择文书种类');
    setBusy(true);
    setError(null);
    try {
      const fields = compact(prefillFields(spec.fields, { caseView: c, userName: me.displayName }));
      const { document } = await api.post<{ document: DocumentView }>(`${caseUrl(c.id)}/documents`, { kind, fields });
      navigate(documentPath(c.id, document.documentId));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Modal open title="新建文书" okText="创建草稿" cancelText="取消" confirmLoading={busy} onOk={() => void submit()} onCancel={onClose} destroyOnHidden width={560}>
      {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form layout="vertical" name="newDocument">
        <Form.Item label="文书种类" htmlFor="newDocument_kind" extra="列出本执法类别使用的文书，按环节分组；当事人、承办人员及其执法证号等从案件带入，可在草稿中修改。">
          <Select id="newDocument_kind" showSearch={{ optionFilterProp: 'label' }} placeholder="请选择" value={kind} onChange={setKind} options={kindOptions(meta, c)} />
        </Form.Item>
      </Form>
      {spec ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {spec.name}：{CASE_STAGE_LABELS[spec.stage]}环节，{spec.finalStatus === 'issued' ? '由负责人签发并取得文号' : '由相关人员签署'}
          {spec.servedToParty ? '，须送达当事人' : ''}。
        </Typography.Paragraph>
      ) : null}
    </Modal>
  );
}

/** `create`: open 新建文书 with this kind chosen (the case page's next step). */
export function CaseDocumentsTab({ c, meta, create, onCreateClosed }: { c: CaseView; meta: CaseMeta | null; create?: string | undefined; onCreateClosed?: () => void }) {
  const [creatingState, setCreating] = useState(false);
  const creating = creatingState || !!create;
  const columns: TableColumnsType<CaseDocumentSummary> = [
    { title: '编号', dataIndex: 'recordNumber', width: 240, render: (v: string, d) => <Link to={documentPath(c.id, d.documentId)}>{v}</Link> },
    { title: '文书', dataIndex: 'kindName', render: (v: string, d) => <Link to={documentPath(c.id, d.documentId)}>{v}</Link> },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: DocumentStatus) => <Tag color={DOCUMENT_STATUS_COLORS[s]}>{documentStatusLabel(s)}</Tag> },
    { title: '文号', dataIndex: 'docNumber', width: 200, render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text> },
    { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `第${v}版` },
    { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {c.abilities.writeDocument ? (
        <Button type="primary" icon={<FileAddOutlined />} disabled={!meta} onClick={() => setCreating(true)}>
          新建文书
        </Button>
      ) : null}
      <Table<CaseDocumentSummary> rowKey="documentId" size="small" columns={columns} dataSource={c.documents} pagination={false} locale={{ emptyText: '尚无文书' }} scroll={{ x: 'max-content' }} />
      {creating && meta ? (
        <NewDocumentModal
          c={c}
          meta={meta}
          initialKind={create}
          onClose={() => {
            setCreating(false);
            onCreateClosed?.();
          }}
        />
      ) : null}
    </Space>
  );
}
