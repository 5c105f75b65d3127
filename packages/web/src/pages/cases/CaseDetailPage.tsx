/**
 * 案件详情: the case's header (案号, name, type, party, handlers), where it
 * stands among the five stages, what its current stage still needs
 * (REC-3..REC-5: each line met, missing or advised, with reason and basis),
 * the 进入下一环节 button with the server's refusal shown item by item, the
 * deadlines (REC-19), and tabs for documents, facts and measures, service
 * and the case's events.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Input, InputNumber, Modal, Popconfirm, Result, Row, Select, Skeleton, Space, Steps, Tabs, Tag, Timeline, Tooltip, Typography } from 'antd';
import { ArrowRightOutlined, CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, FileAddOutlined, LeftOutlined, PrinterOutlined, ReloadOutlined, UserAddOutlined, EditOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, errorMessage, isApiError } from '../../api/client.js';
import { caseFilePrintUrl, caseUrl, type CaseDeadline, type CaseView, type ChecklistItem } from '../../api/cases.js';
import { DailyPenaltyCard } from '../../components/cases/DailyPenaltyCard.js';
import { DeadlineBadge } from '../../components/cases/DeadlineBadge.js';
import { HandlerPicker, useOfficers } from '../../components/cases/HandlerPicker.js';
import { MissingAlert } from '../../components/cases/MissingAlert.js';
import { PartyPicker, partyLabel } from '../../components/cases/PartyPicker.js';
import { useMe, useCite } from '../../auth/session.js';
import { ARCHIVED_LABEL, PARTY_KIND_LABELS, type CaseState } from '../../domain.js';
import { sourceLabel, useCaseMeta } from '../../lib/caseMeta.js';
import { STAGE_COLORS, hasAnyRole, leadFirst, nextState, rolesFor, stateLabel, timelineText } from '../../lib/cases.js';
import { CaseDocumentsTab } from './CaseDocumentsTab.js';
import { CaseFactsTab } from './CaseFactsTab.js';
import { CaseServiceTab } from './CaseServiceTab.js';
import { CaseTransfersTab } from './CaseTransfersTab.js';
import { MediaTab } from './MediaTab.js';

const CHECK_ICONS: Record<ChecklistItem['status'], { icon: ReactNode; label: string }> = {
  met: { icon: <CheckCircleFilled style={{ color: '#52c41a' }} />, label: '已满足' },
  missing: { icon: <CloseCircleFilled style={{ color: '#ff4d4f' }} />, label: '缺少' },
  advised: { icon: <ExclamationCircleFilled style={{ color: '#faad14' }} />, label: '建议' },
};

/** The current stage's requirements, each met ✓, missing ✗ (with reasons and basis) or advised. */
export function Checklist({ items }: { items: readonly ChecklistItem[] }) {
  const cite = useCite();
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本环节没有须记录的事项" />;
  return (
    <ul className="sx-checklist" data-testid="checklist">
      {items.map((it) => (
        <li key={it.id} data-status={it.status} className={`sx-check sx-check-${it.status}`}>
          <span className="sx-check-icon" aria-label={CHECK_ICONS[it.status].label} role="img">
            {CHECK_ICONS[it.status].icon}
          </span>
          <div>
            <Typography.Text strong={it.status === 'missing'}>{it.label}</Typography.Text>
            {it.condition ? <Typography.Text type="secondary">（{it.condition}）</Typography.Text> : null}
            {it.reasons.map((r) => (
              <div key={r}>
                <Typography.Text type={it.status === 'missing' ? 'danger' : 'warning'}>{r}</Typography.Text>
              </div>
            ))}
            {it.basis ? (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  依据：{cite(it.basis)}
                </Typography.Text>
              </div>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

function StageSteps({ c }: { c: CaseView }) {
  const keys: CaseState[] = [...c.stages.map((s) => s.key), 'archived'];
  const current = keys.indexOf(c.state);
  return (
    <Steps
      size="small"
      current={current}
      status={c.state === 'archived' ? 'finish' : 'process'}
      items={[...c.stages.map((s) => ({ title: s.label })), { title: ARCHIVED_LABEL }]}
    />
  );
}

function DeadlinesPanel({ c, deadlines, onExtended }: { c?: CaseView; deadlines: readonly CaseDeadline[]; onExtended?: (c: CaseView) => void }) {
  const cite = useCite();
  if (!deadlines.length) return <Typography.Text type="secondary">暂无期限（期限在相应日期记录后开始计算）。</Typography.Text>;
  return (
    <ul className="sx-deadlines" data-testid="deadlines">
      {deadlines.map((d) => (
        <li key={d.key} data-key={d.key}>
          <Space size={4} wrap>
            <Typography.Text strong>{d.label}</Typography.Text>
            <DeadlineBadge deadline={d} />
            {d.due ? <Typography.Text>{d.due} 届满</Typography.Text> : null}
            {d.dueWithMaxExtension && d.dueWithMaxExtension !== d.due ? <Typography.Text type="secondary">（经批准延长最迟 {d.dueWithMaxExtension}）</Typography.Text> : null}
          </Space>
          {d.period && d.from && d.anchorLabel ? (
            <div data-testid="deadline-limit">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                期限：自{d.anchorLabel}（{d.from}）起{d.period}
              </Typography.Text>
            </div>
          ) : null}
          {d.extensions?.map((e) => (
            <div key={`${e.approvedAt}-${e.amount}`} data-testid="deadline-extension">
              <Typography.Text style={{ fontSize: 12 }}>
                已延长 {e.amount} 日：{e.approvedBy} 于 {e.approvedAt.slice(0, 10)} 批准{e.reason ? `，理由：${e.reason}` : ''}
              </Typography.Text>
            </div>
          ))}
          {d.key === 'penalty.decide' && c?.abilities.extendDeadline && onExtended ? <ExtendLimitButton c={c} deadline={d} onExtended={onExtended} /> : null}
          <div>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} ellipsis={{ rows: 1, expandable: true, symbol: '展开' }}>
              {cite(d.basis)}
            </Typography.Paragraph>
          </div>
          {d.warnings?.map((w) => (
            <Alert key={w} type="warning" showIcon title={w} style={{ marginTop: 4, padding: '2px 8px' }} />
          ))}
        </li>
      ))}
    </ul>
  );
}

/**
 * Issue 11 item 4: the next lawful step — the first missing requirement of the
 * stage in the law's order, or moving on — with its citation by full title,
 * and the primary action where there is one (making the record).
 */
export function NextStepNotice({ c, onMake }: { c: CaseView; onMake: (kind: string) => void }) {
  const s = c.nextStep;
  if (!s) return null;
  const canMake = s.action === 'document' && !!s.documentKind && c.abilities.writeDocument;
  return (
    <Alert
      type={s.action === 'advance' ? 'success' : 'info'}
      showIcon
      data-testid="next-step"
      title={s.title}
      description={
        <div>
          {s.detail ? <div>{s.detail}</div> : null}
          {s.citation ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              依据：{s.citation}
            </Typography.Text>
          ) : null}
        </div>
      }
      action={
        canMake ? (
          <Button type="primary" icon={<FileAddOutlined />} onClick={() => onMake(s.documentKind!)}>
            制作{s.documentName ?? '文书'}
          </Button>
        ) : undefined
      }
    />
  );
}

/** NAT-3 · 《生态环境行政处罚办法》第五十七条: the head approves an extension of the decision limit, with the reason. */
function ExtendLimitButton({ c, deadline, onExtended }: { c: CaseView; deadline: CaseDeadline; onExtended: (c: CaseView) => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState<number | null>(30);
  const [reason, setReason] = useState('');
  const [discussion, setDiscussion] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const second = (deadline.extensions?.length ?? 0) >= 1;
  const discussions = c.documents.filter((d) => d.kind === 'collectiveDiscussionRecord' && d.status !== 'draft');
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const { case: updated } = await api.post<{ case: CaseView }>(`${caseUrl(c.id)}/decision-limit-extensions`, { amount, reason, ...(discussion ? { collectiveDiscussionDocumentId: discussion } : {}) });
      message.success('已批准延长办案期限');
      setOpen(false);
      onExtended(updated);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" style={{ marginTop: 4 }} onClick={() => setOpen(true)}>
        批准延长期限
      </Button>
      <Modal title="批准延长作出行政处罚决定的期限" open={open} onCancel={() => setOpen(false)} onOk={() => void submit()} okText="批准" cancelText="取消" confirmLoading={busy} destroyOnHidden>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {second ? '继续延长须经负责人集体讨论决定，请关联本案的集体讨论记录。' : '案情复杂不能在期限内作出决定的，经本机关负责人批准可以延长。'}依据：《生态环境行政处罚办法》第五十七条
          </Typography.Text>
          <label>
            延长日数
            <InputNumber aria-label="延长日数" min={1} max={30} value={amount} onChange={(v) => setAmount(v)} style={{ width: '100%' }} />
          </label>
          <label>
            理由
            <Input.TextArea aria-label="延长理由" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：案情复杂，需补充鉴定" />
          </label>
          {second ? (
            <Select aria-label="集体讨论记录" placeholder="集体讨论记录" value={discussion} onChange={setDiscussion} options={discussions.map((d) => ({ value: d.documentId, label: `${d.recordNumber}（第${d.version}版）` }))} />
          ) : null}
          {error ? <MissingAlert title="未能批准延长" error={error} onClose={() => setError(null)} /> : null}
        </Space>
      </Modal>
    </>
  );
}

function AdvancePanel({ c, onAdvanced }: { c: CaseView; onAdvanced: (c: CaseView) => void }) {
  const { message } = App.useApp();
  const [refusal, setRefusal] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = nextState(c.state);
  if (!next || !c.abilities.advance) return null;
  const advance = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const { case: updated } = await api.post<{ case: CaseView }>(`${caseUrl(c.id)}/advance`);
      message.success(updated.state === 'archived' ? '案件已归档，案卷此后只读' : `已进入“${updated.stateLabel}”环节`);
      onAdvanced(updated);
    } catch (e) {
      setRefusal(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ marginTop: 12 }}>
      {refusal ? (
        <MissingAlert
          title={isApiError(refusal) && refusal.code === 'case.stage_incomplete' ? `尚不能进入“${stateLabel(next)}”环节，还缺少以下记录：` : '操作未完成'}
          error={refusal}
          onClose={() => setRefusal(null)}
        />
      ) : null}
      <Popconfirm
        title={next === 'archived' ? '确认归档？' : `确认进入“${stateLabel(next)}”环节？`}
        description={next === 'archived' ? '归档后案卷只读，不能再增加或修改任何记录。' : '系统将检查本环节的记录是否齐全。'}
        okText="确认"
        cancelText="取消"
        onConfirm={() => advance()}
      >
        <Button type="primary" icon={<ArrowRightOutlined />} loading={busy}>
          {next === 'archived' ? '完成归档（进入下一环节）' : `进入下一环节：${stateLabel(next)}`}
        </Button>
      </Popconfirm>
    </div>
  );
}

/** The case's events, newest first: who did what and when (REC-3..REC-5: every change is recorded). */
function CaseTimeline({ c }: { c: CaseView }) {
  return (
    <div data-testid="timeline">
      <Timeline
        titleSpan={6}
        items={[...c.timeline].reverse().map((e) => ({
          key: e.id,
          color: e.kind === 'advance' || e.kind === 'archive' ? 'green' : e.kind.startsWith('document.') ? 'blue' : 'gray',
          title: dayjs(e.at).format('YYYY-MM-DD HH:mm'),
          content: (
            <span>
              <Typography.Text strong style={{ marginRight: 8 }}>
                {e.actorName}
              </Typography.Text>
              {timelineText(e, c.documents)}
            </span>
          ),
        }))}
      />
    </div>
  );
}

function AddHandlerModal({ c, onClose, onAdded }: { c: CaseView; onClose: () => void; onAdded: (c: CaseView) => void }) {
  const { officers, loading } = useOfficers();
  const [userId, setUserId] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!userId) return setError('请选择执法人员');
    setBusy(true);
    setError(null);
    try {
      const { case: updated } = await api.post<{ case: CaseView }>(`${caseUrl(c.id)}/handlers`, { userId });
      onAdded(updated);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="添加承办人员" okText="添加" cancelText="取消" confirmLoading={busy} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <HandlerPicker multiple={false} officers={officers} loading={loading} exclude={c.handlers.map((h) => h.id)} value={userId} onChange={(v) => setUserId(v as string)} />
    </Modal>
  );
}

function PartyModal({ c, canCreate, onClose, onSaved }: { c: CaseView; canCreate: boolean; onClose: () => void; onSaved: (c: CaseView) => void }) {
  const [partyId, setPartyId] = useState<string | null>(c.party?.id ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const { case: updated } = await api.patch<{ case: CaseView }>(caseUrl(c.id), { partyId });
      onSaved(updated);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="当事人" okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => void submit()} onCancel={onClose} destroyOnHidden width={640}>
      {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <PartyPicker value={partyId} onChange={(v) => setPartyId(v)} canCreate={canCreate} />
    </Modal>
  );
}

export function CaseDetailPage() {
  const { id = '' } = useParams();
  const { me } = useMe();
  const { message } = App.useApp();
  const { meta } = useCaseMeta();
  const [params, setParams] = useSearchParams();
  const [c, setCase] = useState<CaseView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [dialog, setDialog] = useState<'handler' | 'party' | null>(null);
  const tab = params.get('tab') ?? 'documents';
  const [create, setCreate] = useState<string | undefined>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const { case: view } = await api.get<{ case: CaseView }>(caseUrl(id));
      setCase(view);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (loading && !c) return <Skeleton active />;
  if (!c) {
    return (
      <Result
        status={isApiError(error) && error.status === 404 ? '404' : 'error'}
        title={isApiError(error) && error.status === 404 ? '案件不存在或您无权查看' : '无法读取案件'}
        subTitle={errorMessage(error)}
        extra={<Link to="/cases">返回案件列表</Link>}
      />
    );
  }

  const canCreateParty = hasAnyRole(me.roles, rolesFor('party.write'));
  const replace = (view: CaseView) => setCase(view);
  const stageName = c.state === 'archived' ? ARCHIVED_LABEL : stateLabel(c.state);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <Link to="/cases">
          <LeftOutlined /> 案件列表
        </Link>
      </Space>
      <Card>
        <Space align="center" wrap style={{ marginBottom: 8 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-number">
            {c.caseNumber}
          </Typography.Title>
          <Tag color="green">{c.actionTypeLabel}</Tag>
          <Tag color={STAGE_COLORS[c.state]} data-testid="case-state">
            {stageName}
          </Tag>
          <Tooltip title="刷新">
            <Button size="small" type="text" icon={<ReloadOutlined />} aria-label="刷新" onClick={() => void load()} />
          </Tooltip>
          <Tooltip title="卷内文件目录与全部已签署、已签发文书，可用浏览器打印或另存为 PDF">
            <Button size="small" icon={<PrinterOutlined />} data-testid="print-case-file" onClick={() => window.open(caseFilePrintUrl(c.id), '_blank', 'noopener')}>
              打印案卷
            </Button>
          </Tooltip>
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="案件名称">{c.title}</Descriptions.Item>
          <Descriptions.Item label="当事人">
            <Space size={4}>
              {c.party ? <span>{partyLabel(c.party)}</span> : <Typography.Text type="secondary">未登记</Typography.Text>}
              {c.abilities.update ? <Button size="small" type="link" icon={<EditOutlined />} aria-label="修改当事人" onClick={() => setDialog('party')} /> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="案件来源">{sourceLabel(meta, c.source)}</Descriptions.Item>
          <Descriptions.Item label="立案日期">{c.dates.filingDate ?? '—'}</Descriptions.Item>
          {c.party && c.party.kind !== 'naturalPerson' ? <Descriptions.Item label="当事人类别">{PARTY_KIND_LABELS[c.party.kind]}</Descriptions.Item> : null}
          <Descriptions.Item label="承办人员" span="filled">
            <Space size={[8, 4]} wrap>
              {leadFirst(c.handlers).map((h) => (
                <span key={h.id} data-testid="handler">
                  {h.name}
                  {h.lead ? <Tag style={{ marginLeft: 4 }}>主办</Tag> : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
                    {h.certificateNumber ? `执法证 ${h.certificateNumber}` : '未登记执法证'}
                  </Typography.Text>
                </span>
              ))}
              {c.abilities.update ? (
                <Button size="small" icon={<UserAddOutlined />} onClick={() => setDialog('handler')}>
                  添加
                </Button>
              ) : null}
            </Space>
          </Descriptions.Item>
        </Descriptions>
        <div style={{ marginTop: 16 }} data-testid="case-stages">
          <StageSteps c={c} />
        </div>
      </Card>
      <NextStepNotice
        c={c}
        onMake={(kind) => {
          const p = new URLSearchParams(params);
          p.delete('tab');
          setParams(p, { replace: true });
          setCreate(kind);
        }}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={c.state === 'archived' ? '案卷已归档' : `本环节要求（${stageName}）`} size="small">
            {c.state === 'archived' ? <Alert type="info" showIcon title="案件已归档，案卷只读。" /> : <Checklist items={c.checklist} />}
            <AdvancePanel c={c} onAdvanced={replace} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="期限" size="small">
            <DeadlinesPanel c={c} deadlines={c.deadlines} onExtended={replace} />
          </Card>
          {c.dailyPenalty ? (
            <div style={{ marginTop: 16 }}>
              <DailyPenaltyCard d={c.dailyPenalty} />
            </div>
          ) : null}
        </Col>
      </Row>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            const p = new URLSearchParams(params);
            if (k === 'documents') p.delete('tab');
            else p.set('tab', k);
            setParams(p, { replace: true });
          }}
          items={[
            { key: 'documents', label: `文书（${c.documents.length}）`, children: <CaseDocumentsTab c={c} meta={meta} create={create} onCreateClosed={() => setCreate(undefined)} /> },
            {
              key: 'facts',
              label: '事实与措施',
              children: (
                <CaseFactsTab
                  c={c}
                  meta={meta}
                  onSaved={(v) => {
                    replace(v);
                    message.success('已保存');
                  }}
                />
              ),
            },
            { key: 'service', label: `送达（${c.services.length}）`, children: <CaseServiceTab c={c} meta={meta} onRecorded={() => void load()} /> },
            { key: 'media', label: '音像记录', children: <MediaTab caseId={c.id} onChanged={() => void load()} /> },
            { key: 'transfers', label: '移送', children: <CaseTransfersTab c={c} canWrite={c.state !== 'archived' && hasAnyRole(me.roles, rolesFor('case.update'))} /> },
            {
              key: 'timeline',
              label: '时间线',
              children: <CaseTimeline c={c} />,
            },
          ]}
        />
      </Card>
      {dialog === 'handler' ? (
        <AddHandlerModal
          c={c}
          onClose={() => setDialog(null)}
          onAdded={(v) => {
            setDialog(null);
            replace(v);
            message.success('已添加承办人员');
          }}
        />
      ) : null}
      {dialog === 'party' ? (
        <PartyModal
          c={c}
          canCreate={canCreateParty}
          onClose={() => setDialog(null)}
          onSaved={(v) => {
            setDialog(null);
            replace(v);
            message.success('已保存当事人');
          }}
        />
      ) : null}
    </Space>
  );
}
