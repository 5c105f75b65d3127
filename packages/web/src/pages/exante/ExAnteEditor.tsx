/**
 * One section of an agency's ex-ante information (ORG-3..ORG-8): the clerk
 * edits and saves a new version and submits it; the approver (another
 * person) approves it — with the outside review GS-P 14 asks for under GS19
 * — or returns it with a reason. Generated sections are shown read-only.
 * The server decides what each user may do (`abilities`) and checks again.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Input, Modal, Select, Space, Tag, Timeline, Typography, App } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorMessage, isApiError } from '../../api/client.js';
import type { ExAnteContent, ExAnteSection } from '../../domain.js';
import { ExAnteContentView } from './ExAnteContentView.js';
import { ExAnteGate } from './ExAnteGate.js';
import { DUE_COLORS, EVENT_LABELS, STATUS_COLORS, exAnteApi, type Due, type SectionView } from './exanteApi.js';

export function DueTag({ due }: { due: Due }) {
  return (
    <Tag color={DUE_COLORS[due.status]} data-testid="exante-due" data-status={due.status}>
      {due.label}
      {due.publishBy && (due.status === 'onTime' || due.status === 'dueSoon' || due.status === 'overdue') ? ` · ${due.publishBy} 前` : ''}
    </Tag>
  );
}

function errorDetails(e: unknown): string | undefined {
  if (!isApiError(e) || !e.details.length) return undefined;
  return e.details.map((d) => String(d.message ?? '')).filter(Boolean).join('；') || undefined;
}

type Dialog = { kind: 'approve' | 'return' | 'submit'; comment: string; body: string; on: Dayjs | null; reference: string };

export function ExAnteEditor({ agencyId, section, onBack }: { agencyId: string; section: ExAnteSection; onBack: () => void }) {
  const { message } = App.useApp();
  const [view, setView] = useState<SectionView | null>(null);
  const [draft, setDraft] = useState<ExAnteContent | null>(null);
  const [dirty, setDirty] = useState(false);
  const [changedOn, setChangedOn] = useState<Dayjs | null>(null);
  const [note, setNote] = useState('');
  const [version, setVersion] = useState<number | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const show = useCallback((v: SectionView) => {
    setView(v);
    setDraft(v.current?.content ?? v.published?.content ?? { rows: [] });
    setDirty(false);
    setChangedOn(null);
    setNote('');
  }, []);

  const load = useCallback(async () => {
    try {
      show(await exAnteApi.section(agencyId, section, version));
    } catch (e) {
      setError(e);
    }
  }, [agencyId, section, version, show]);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (fn: () => Promise<SectionView>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      show(await fn());
      setVersion(undefined);
      void message.success(done);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (!view || !draft) return error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null;
  const spec = view.section;
  const s = view.summary;
  const viewingOld = version !== undefined && version !== view.current?.version;
  const editable = view.abilities.save && !viewingOld;

  const save = () =>
    act(
      () => exAnteApi.save(agencyId, section, { content: draft, ...(changedOn ? { changedOn: changedOn.format('YYYY-MM-DD') } : {}), ...(note.trim() ? { note: note.trim() } : {}) }),
      '已保存为新版本',
    );

  const confirm = async () => {
    if (!dialog) return;
    const d = dialog;
    const ok =
      d.kind === 'submit'
        ? await act(() => exAnteApi.submit(agencyId, section, d.comment), '已提交审核')
        : d.kind === 'return'
          ? await act(() => exAnteApi.return(agencyId, section, d.comment), '已退回')
          : await act(
              () =>
                exAnteApi.approve(agencyId, section, {
                  ...(d.comment.trim() ? { comment: d.comment.trim() } : {}),
                  ...(view.externalReview && d.body.trim() && d.on ? { externalReview: { body: d.body.trim(), on: d.on.format('YYYY-MM-DD'), ...(d.reference.trim() ? { reference: d.reference.trim() } : {}) } } : {}),
                }),
              '已审核通过并公开',
            );
    if (ok) setDialog(null);
  };

  const open = (kind: Dialog['kind']) => setDialog({ kind, comment: '', body: '', on: null, reference: '' });
  const shownContent = viewingOld ? view.shown?.content : draft;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>{spec.label}</span>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {view.agency.name}
            </Typography.Text>
          </Space>
        }
        extra={<Button onClick={onBack}>返回栏目列表</Button>}
      >
        {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(error)} description={errorDetails(error)} /> : null}
        <Typography.Paragraph type="secondary">
          {spec.description}（{spec.basis}）
        </Typography.Paragraph>
        {view.generated ? (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={`本栏目由系统根据${view.generated.source}生成，随之自动更新，不需录入和审核。`}
              description={view.generated.updatedOn ? `更新日期：${view.generated.updatedOn}` : undefined}
            />
            <ExAnteContentView spec={spec} content={view.generated.content} />
          </>
        ) : (
          <>
            <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
              <Descriptions.Item label="状态">
                <Tag color={STATUS_COLORS[s.status ?? 'draft']} data-testid="exante-status">
                  {s.statusLabel}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label="当前版本">{s.currentVersion ? `第 ${s.currentVersion} 版` : '尚未录入'}</Descriptions.Item>
              <Descriptions.Item label="已公开版本">{s.publishedVersion ? `第 ${s.publishedVersion} 版（${s.publishedOn ?? ''} 公开）` : '尚未公开'}</Descriptions.Item>
              <Descriptions.Item label="信息生成或变更日期">{s.changedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="公开期限">
                <DueTag due={s.due} />
              </Descriptions.Item>
              <Descriptions.Item label="版本">
                <Select
                  aria-label="查看版本"
                  size="small"
                  style={{ width: 200 }}
                  value={version ?? view.current?.version}
                  onChange={(v: number) => setVersion(v === view.current?.version ? undefined : v)}
                  options={view.versions.map((v) => ({ value: v.version, label: `第 ${v.version} 版 · ${v.createdByName}${v.published ? '（已公开）' : ''}` }))}
                />
              </Descriptions.Item>
            </Descriptions>
            {view.current?.publishByNote && s.pending ? <Alert type={s.due.status === 'overdue' ? 'error' : 'info'} showIcon style={{ marginBottom: 12 }} title={view.current.publishByNote} /> : null}
            {view.externalReview && (view.abilities.approve || s.status === 'submitted') ? (
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`${spec.label}${view.externalReview.requirement}（${view.externalReview.basis}），审核通过时须填写审核（审定）情况。`} />
            ) : null}
            {view.problems.length && !viewingOld ? (
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="当前版本尚不完整，补正后方可提交审核" description={<ul style={{ margin: 0 }}>{view.problems.map((p, i) => <li key={i}>{p.message}</li>)}</ul>} data-testid="exante-problems" />
            ) : null}
            {view.gate && !viewingOld ? (
              <ExAnteGate
                gate={view.gate}
                draft={draft}
                editable={editable}
                onChange={(next) => {
                  setDraft(next);
                  setDirty(true);
                }}
              />
            ) : null}
            {shownContent ? (
              <ExAnteContentView
                spec={spec}
                content={shownContent}
                {...(editable
                  ? {
                      onChange: (next: ExAnteContent) => {
                        setDraft(next);
                        setDirty(true);
                      },
                    }
                  : {})}
              />
            ) : null}
            <Space wrap style={{ marginTop: 16 }}>
              {editable ? (
                <>
                  <DatePicker aria-label="信息生成或变更日期" placeholder="信息生成或变更日期" value={changedOn} onChange={setChangedOn} />
                  <Input aria-label="版本说明" placeholder="本次修改说明（选填）" style={{ width: 240 }} value={note} onChange={(e) => setNote(e.target.value)} />
                  <Button type="primary" loading={busy} onClick={save}>
                    保存草稿
                  </Button>
                </>
              ) : null}
              {view.abilities.submit && !viewingOld ? (
                <Button disabled={dirty || busy} onClick={() => open('submit')} title={dirty ? '请先保存修改' : undefined}>
                  提交审核
                </Button>
              ) : null}
              {view.abilities.approve && !viewingOld ? (
                <Button type="primary" disabled={busy} onClick={() => open('approve')}>
                  审核通过并公开
                </Button>
              ) : null}
              {view.abilities.return && !viewingOld ? (
                <Button danger disabled={busy} onClick={() => open('return')}>
                  退回修改
                </Button>
              ) : null}
              {dirty ? <Typography.Text type="warning">有未保存的修改</Typography.Text> : null}
            </Space>
          </>
        )}
      </Card>
      {view.history.length ? (
        <Card title="流转记录" size="small">
          <Timeline
            items={[...view.history].reverse().map((e) => ({
              key: e.id,
              content: (
                <span>
                  {e.at.slice(0, 10)} {e.actorName} {EVENT_LABELS[e.kind]}（第 {e.version} 版 → {e.toStatusLabel}）{e.comment ? `：${e.comment}` : ''}
                </span>
              ),
            }))}
          />
        </Card>
      ) : null}
      <Modal
        open={!!dialog}
        title={dialog?.kind === 'approve' ? '审核通过并公开' : dialog?.kind === 'return' ? '退回修改' : '提交审核'}
        onOk={() => void confirm()}
        onCancel={() => setDialog(null)}
        okText="确定"
        cancelText="取消"
        confirmLoading={busy}
        okButtonProps={{ disabled: !!dialog && ((dialog.kind === 'return' && !dialog.comment.trim()) || (dialog.kind === 'approve' && !!view.externalReview && (!dialog.body.trim() || !dialog.on))) }}
      >
        {dialog ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {dialog.kind === 'approve' && view.externalReview ? (
              <>
                <Typography.Text>
                  {view.externalReview.requirement}（{view.externalReview.basis}）
                </Typography.Text>
                <Input aria-label="审核（审定）机关" placeholder={`审核（审定）机关，如：${view.externalReview.reviewer}`} value={dialog.body} onChange={(e) => setDialog({ ...dialog, body: e.target.value })} />
                <DatePicker aria-label="审核（审定）日期" placeholder="审核（审定）日期" value={dialog.on} onChange={(d) => setDialog({ ...dialog, on: d })} />
                <Input aria-label="文号" placeholder="文号（选填）" value={dialog.reference} onChange={(e) => setDialog({ ...dialog, reference: e.target.value })} />
              </>
            ) : null}
            <Input.TextArea
              aria-label={dialog.kind === 'return' ? '退回理由' : '意见'}
              placeholder={dialog.kind === 'return' ? '退回理由（必填）' : '意见（选填）'}
              value={dialog.comment}
              onChange={(e) => setDialog({ ...dialog, comment: e.target.value })}
            />
          </Space>
        ) : null}
      </Modal>
    </Space>
  );
}
