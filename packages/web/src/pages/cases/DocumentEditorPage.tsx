/**
 * 文书编辑器: the kind's form generated from its field specs. A draft is
 * saved as often as needed, then signed (签署) or — decisions and notices,
 * by a unit or agency head — issued (签发) with a 文号. A signed or issued
 * version is an original and never changes (REC-16): the form turns
 * read-only and 更正 starts a new draft version with the reason. The
 * version history shows every version with its status, 文号, content hash
 * and correction reason; any version can be read, downloaded as Word or
 * printed.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, Modal, Popconfirm, Result, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, HistoryOutlined, LeftOutlined, PrinterOutlined, SaveOutlined, SafetyCertificateOutlined, SignatureOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, errorMessage, isApiError } from '../../api/client.js';
import { caseUrl, documentApi, documentFileUrl, type CaseView, type DocumentVersionEntry, type DocumentView, type MissingDetail } from '../../api/cases.js';
import { MissingAlert, MissingList, missingDetails } from '../../components/cases/MissingAlert.js';
import { SpecFields, checkBeforeFinalize, fieldErrors, fromFormValues, toFormValues, type FormValues } from '../../components/cases/SpecFields.js';
import { DOCUMENT_STATUS_LABELS, type DocumentStatus } from '../../domain.js';
import { kindSpec, useCaseMeta } from '../../lib/caseMeta.js';
import { DOCUMENT_STATUS_COLORS, shortHash } from '../../lib/cases.js';

const at = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

function StatusTag({ status }: { status: DocumentStatus }) {
  return (
    <Tag color={DOCUMENT_STATUS_COLORS[status]} data-testid="document-status">
      {DOCUMENT_STATUS_LABELS[status]}
    </Tag>
  );
}

/** Every version of the document, newest first. */
export function VersionHistory({ doc, caseId, onView }: { doc: DocumentView; caseId: string; onView: (version: number) => void }) {
  const byId = new Map(doc.history.map((h) => [h.id, h]));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="version-history">
      {[...doc.history].reverse().map((h) => {
        const supersededBy = h.supersededBy ? byId.get(h.supersededBy) : undefined;
        const supersedes = h.supersedes ? byId.get(h.supersedes) : undefined;
        return (
          <Card
            key={h.id}
            size="small"
            data-version={h.version}
            title={
              <Space>
                <span>第{h.version}版</span>
                <StatusTag status={h.status} />
                {h.current ? <Tag color="processing">当前版本</Tag> : null}
              </Space>
            }
            extra={
              <Space size={4}>
                <Button size="small" onClick={() => onView(h.version)}>
                  查看
                </Button>
                <Button size="small" icon={<DownloadOutlined />} href={documentFileUrl(caseId, doc.documentId, 'docx', h.version)} aria-label={`下载第${h.version}版 Word`}>
                  Word
                </Button>
              </Space>
            }
          >
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="文号">{h.docNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="内容摘要">
                {h.contentHash ? (
                  <Tooltip title={`SHA-256 ${h.contentHash}`}>
                    <Typography.Text code>{shortHash(h.contentHash)}</Typography.Text>
                  </Tooltip>
                ) : (
                  <Typography.Text type="secondary">草稿无摘要</Typography.Text>
                )}
              </Descriptions.Item>
              <Descriptions.Item label="创建时间">{at(h.createdAt)}</Descriptions.Item>
              {h.finalizedAt ? <Descriptions.Item label={h.status === 'issued' ? '签发时间' : '签署时间'}>{at(h.finalizedAt)}</Descriptions.Item> : null}
              {h.correctionReason ? (
                <Descriptions.Item label="更正理由">
                  {h.correctionReason}
                  {supersedes ? `（更正第${supersedes.version}版）` : ''}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            {supersededBy ? <Typography.Text type="warning">已被第{supersededBy.version}版取代</Typography.Text> : null}
          </Card>
        );
      })}
    </Space>
  );
}

function CorrectionModal({ onClose, onSubmit }: { onClose: () => void; onSubmit: (reason: string) => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (reason.trim().length < 2) return setError('请写明更正理由（至少 2 个字）');
    setBusy(true);
    setError(null);
    try {
      await onSubmit(reason.trim());
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <Modal open title="更正文书" okText="生成更正版本" cancelText="取消" confirmLoading={busy} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">已签署、签发的文书是原始记录，不能修改。更正将生成新的草稿版本，原版本保留在版本历史中；已签发的文书更正后须重新签发、送达。</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="更正理由" required validateStatus={error ? 'error' : undefined} help={error ?? undefined} htmlFor="correction-reason">
          <Input.TextArea id="correction-reason" autoSize={{ minRows: 3 }} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DocumentEditorPage() {
  const { id = '', docId = '' } = useParams();
  const { message } = App.useApp();
  const { meta } = useCaseMeta();
  const [doc, setDoc] = useState<DocumentView | null>(null);
  const [c, setCase] = useState<CaseView | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const [problems, setProblems] = useState<{ title: string; items: MissingDetail[]; error?: unknown } | null>(null);
  const [busy, setBusy] = useState<'save' | 'finalize' | null>(null);
  const [form] = Form.useForm<FormValues>();

  const load = useCallback(async () => {
    try {
      const [d, cv] = await Promise.all([api.get<{ document: DocumentView }>(documentApi(id, docId)), api.get<{ case: CaseView }>(caseUrl(id))]);
      setDoc(d.document);
      setCase(cv.case);
    } catch (e) {
      setLoadError(e);
    }
  }, [id, docId]);

  useEffect(() => {
    void load();
  }, [load]);

  const current = doc?.history.find((h) => h.current) ?? doc?.history[doc.history.length - 1];
  const shown: DocumentVersionEntry | undefined = viewing ? doc?.history.find((h) => h.version === viewing) : current;
  const specs = doc?.fieldSpecs ?? [];
  const spec = doc ? kindSpec(meta, doc.kind) : undefined;
  const initialValues = useMemo(() => (shown ? toFormValues(specs, shown.fields) : {}), [shown, specs]);
  // Another version shown (or this one signed, issued, corrected): the form shows its values, not the ones typed before.
  const shownKey = shown ? `${shown.id}-${shown.status}` : '';
  useEffect(() => {
    if (shownKey) form.resetFields();
  }, [shownKey, form]);

  if (!doc || !c || !current || !shown) {
    if (loadError) {
      return <Result status={isApiError(loadError) && loadError.status === 404 ? '404' : 'error'} title="无法读取文书" subTitle={errorMessage(loadError)} extra={<Link to={caseUrl(id)}>返回案件</Link>} />;
    }
    return <Skeleton active />;
  }

  const isCurrent = shown.id === current.id;
  const editable = isCurrent && current.status === 'draft' && c.abilities.writeDocument;
  const finalStatus = doc.finalStatus;
  const canFinalize = editable && (finalStatus === 'signed' || c.abilities.issueDocument);
  const values = () => fromFormValues(specs, form.getFieldsValue(true));

  const applyProblems = (title: string, items: MissingDetail[], error?: unknown) => {
    form.setFields(fieldErrors(specs, items) as never);
    setProblems({ title, items, ...(error !== undefined ? { error } : {}) });
  };

  const saveDraft = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setBusy('save');
    setProblems(null);
    try {
      const { document } = await api.put<{ document: DocumentView }>(`${documentApi(c.id, doc.documentId)}/draft`, { fields: values() });
      setDoc(document);
      message.success('草稿已保存');
    } catch (e) {
      applyProblems('草稿未保存：', missingDetails(e), e);
    } finally {
      setBusy(null);
    }
  };

  const finalize = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const fields = values();
    // The 文号 and the date of an issued document are filled in by the server when it issues.
    const check = finalStatus === 'issued' ? { ...fields, documentNumber: fields.documentNumber ?? '（签发时编号）', issueDate: fields.issueDate ?? dayjs().format('YYYY-MM-DD') } : fields;
    const missing = checkBeforeFinalize(spec ?? specs, check, finalStatus);
    const verb = finalStatus === 'issued' ? '签发' : '签署';
    if (missing.length) {
      applyProblems(`文书内容不完整，不能${verb}：`, missing);
      return;
    }
    setBusy('finalize');
    setProblems(null);
    try {
      const { document } = await api.post<{ document: DocumentView }>(`${documentApi(c.id, doc.documentId)}/finalize`, { status: finalStatus, fields });
      setDoc(document);
      const v = document.history.find((h) => h.current);
      message.success(finalStatus === 'issued' ? `已签发${v?.docNumber ? `，文号 ${v.docNumber}` : ''}` : '已签署，文书成为原始记录');
      void load();
    } catch (e) {
      applyProblems(`不能${verb}：`, missingDetails(e), e);
    } finally {
      setBusy(null);
    }
  };

  const correct = async (reason: string) => {
    const { document } = await api.post<{ document: DocumentView }>(`${documentApi(c.id, doc.documentId)}/corrections`, { reason });
    setCorrecting(false);
    setViewing(null);
    setDoc(document);
    message.success('已生成更正版本（草稿），请修改后重新签署或签发');
  };

  const superseder = shown.supersededBy ? doc.history.find((h) => h.id === shown.supersededBy) : undefined;
  const verb = finalStatus === 'issued' ? '签发' : '签署';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to={caseUrl(c.id)}>
        <LeftOutlined /> {c.caseNumber} {c.title}
      </Link>
      <Card>
        <Space align="center" wrap style={{ marginBottom: 8 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="document-title">
            {doc.kindName}
          </Typography.Title>
          <StatusTag status={shown.status} />
          <Tag>第{shown.version}版</Tag>
          {!isCurrent ? <Tag color="warning">历史版本</Tag> : null}
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="编号">{doc.recordNumber}</Descriptions.Item>
          <Descriptions.Item label="文号">{shown.docNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="完成方式">{finalStatus === 'issued' ? '负责人签发，取得文号' : '签署'}</Descriptions.Item>
          {shown.contentHash ? (
            <Descriptions.Item label="内容摘要">
              <Tooltip title={`SHA-256 ${shown.contentHash}`}>
                <Typography.Text code>{shortHash(shown.contentHash)}</Typography.Text>
              </Tooltip>
            </Descriptions.Item>
          ) : null}
          {shown.finalizedAt ? <Descriptions.Item label={shown.status === 'issued' ? '签发时间' : '签署时间'}>{at(shown.finalizedAt)}</Descriptions.Item> : null}
          {shown.correctionReason ? <Descriptions.Item label="更正理由">{shown.correctionReason}</Descriptions.Item> : null}
        </Descriptions>
        <Space wrap style={{ marginTop: 8 }}>
          {editable ? (
            <Button icon={<SaveOutlined />} loading={busy === 'save'} onClick={() => void saveDraft()}>
              保存草稿
            </Button>
          ) : null}
          {canFinalize ? (
            <Popconfirm
              title={`确认${verb}？`}
              description={`${verb}后本版本成为原始记录，不能修改；如有错误只能更正。`}
              okText={verb}
              cancelText="取消"
              onConfirm={() => finalize()}
            >
              <Button type="primary" icon={finalStatus === 'issued' ? <SafetyCertificateOutlined /> : <SignatureOutlined />} loading={busy === 'finalize'}>
                {verb}
              </Button>
            </Popconfirm>
          ) : null}
          {isCurrent && current.status !== 'draft' && c.abilities.writeDocument ? (
            <Button icon={<EditOutlined />} onClick={() => setCorrecting(true)}>
              更正
            </Button>
          ) : null}
          <Button icon={<DownloadOutlined />} href={documentFileUrl(c.id, doc.documentId, 'docx', shown.version)}>
            下载 Word
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.open(documentFileUrl(c.id, doc.documentId, 'print', shown.version), '_blank', 'noopener')}>
            打印
          </Button>
          <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
            版本历史（{doc.history.length}）
          </Button>
        </Space>
      </Card>
      {!isCurrent ? (
        <Alert
          type="warning"
          showIcon
          title={`正在查看第${shown.version}版（只读）${superseder ? `，已被第${superseder.version}版取代` : ''}`}
          action={
            <Button size="small" onClick={() => setViewing(null)}>
              返回当前版本
            </Button>
          }
        />
      ) : null}
      {isCurrent && current.status !== 'draft' ? (
        <Alert type="info" showIcon title={`本文书已${DOCUMENT_STATUS_LABELS[current.status].replace('已', '')}，是原始记录，不能修改；如有错误，请点击“更正”生成新版本。`} />
      ) : null}
      {editable && finalStatus === 'issued' && !c.abilities.issueDocument ? (
        <Alert type="info" showIcon title="本文书须由承办机构负责人或者机关负责人签发。您可以保存草稿，由负责人审核后签发。" />
      ) : null}
      {isCurrent && current.status === 'draft' && !c.abilities.writeDocument ? <Alert type="info" showIcon title="您不能修改本文书（非本案承办人员，或案件已归档）。" /> : null}
      {problems ? (
        problems.items.length ? (
          <Alert type="error" showIcon title={problems.title} description={<MissingList items={problems.items} />} closable={{ onClose: () => setProblems(null) }} />
        ) : (
          <MissingAlert title={problems.title} error={problems.error} onClose={() => setProblems(null)} />
        )
      ) : null}
      <Card>
        <Form<FormValues> form={form} layout="vertical" name="document" disabled={!editable} initialValues={initialValues} key={shownKey} scrollToFirstError>
          <SpecFields specs={specs} status={finalStatus} readOnly={!editable} />
        </Form>
      </Card>
      <Drawer open={historyOpen} title={`版本历史：${doc.kindName}`} size={520} onClose={() => setHistoryOpen(false)}>
        <VersionHistory
          doc={doc}
          caseId={c.id}
          onView={(v) => {
            setViewing(v === current.version ? null : v);
            setHistoryOpen(false);
          }}
        />
      </Drawer>
      {correcting ? <CorrectionModal onClose={() => setCorrecting(false)} onSubmit={correct} /> : null}
    </Space>
  );
}
