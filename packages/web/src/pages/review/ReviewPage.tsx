/**
 * 法制审核 of one case: whether the case is major (REV-2), submission with the
 * materials (REV-3), assignment and recusal (REV-10), the deadline with pauses
 * and extensions (REV-6), the checklist and the opinion (REV-4, REV-5, REV-7),
 * disagreement and the head's decision (REV-8), every round (REV-9), and
 * whether the decision may now be issued (REV-1). What the user may do comes
 * from the server's `abilities`.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Collapse,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
  message,
} from 'antd';
import dayjs from 'dayjs';
import { API_BASE, api, errorMessage, isApiError } from '../../api/client.js';
import { ClockBadge } from './ReviewQueuePage.js';
import { OUTCOME_COLORS, type DiscretionView, type MatchResult, type MaterialsPreview, type ReviewRound, type ReviewView } from './reviewApi.js';
import { useCite } from '../../auth/session.js';

const HISTORY_LABELS: Record<string, string> = {
  submit: '送审',
  resubmit: '重新送审',
  assign: '分配审核人员',
  recuse: '申明回避',
  pause: '中止计时',
  resume: '恢复计时',
  extend: '延长审核期限',
  decide: '出具审核意见',
  disagree: '承办机构提出异议',
  headDecide: '机关负责人决定',
  collectiveDiscussion: '记录集体讨论',
};

function ErrorText({ error }: { error: unknown }) {
  if (!error) return null;
  const details = isApiError(error) ? error.details : [];
  return (
    <Alert
      type="error"
      showIcon
      message={errorMessage(error)}
      description={details.length ? <ul style={{ margin: 0 }}>{details.map((d, i) => <li key={i}>{String(d.label ?? '')}：{String(d.reason ?? d.message ?? '')}</li>)}</ul> : undefined}
      style={{ marginBottom: 12 }}
    />
  );
}

/** Runs an action, reloads, shows the error. */
function useAction(reload: () => Promise<void>) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (key: string, fn: () => Promise<unknown>, done?: string) => {
    setBusy(key);
    setError(null);
    try {
      await fn();
      if (done) void message.success(done);
      await reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, run };
}

export function ReviewPage() {
  const cite = useCite();
  const { caseId = '' } = useParams();
  const [view, setView] = useState<ReviewView | null>(null);
  const [match, setMatch] = useState<MatchResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [v, m] = await Promise.all([api.get<{ review: ReviewView }>(`/cases/${caseId}/review`), api.get<{ match: MatchResult }>(`/cases/${caseId}/review/match`)]);
      setView(v.review);
      setMatch(m.match);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [caseId]);

  useEffect(() => {
    void load();
  }, [load]);

  const action = useAction(load);
  if (error) return <Alert type="error" showIcon message={error} />;
  if (!view) return <Spin />;
  const latest = view.rounds.at(-1) ?? null;
  const post = (path: string, body: unknown) => api.post(`/reviews/${view.id}${path}`, body);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>法制审核</span>
            <Link to={`/cases/${view.caseId}`}>{view.caseNumber}</Link>
            <Typography.Text>{view.caseTitle}</Typography.Text>
          </Space>
        }
        extra={view.clock ? <ClockBadge status={view.clock.status} label={view.clock.statusLabel} due={view.clock.due} /> : null}
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="状态">
            <span data-testid="review-status">{view.currentRound ? `第${view.currentRound}轮 · ${view.statusLabel}` : view.statusLabel}</span>
          </Descriptions.Item>
          <Descriptions.Item label="适用规则">
            {view.rules.label}
            {view.rules.origin === 'default' ? <Tag style={{ marginLeft: 8 }}>平台默认</Tag> : null}
          </Descriptions.Item>
          <Descriptions.Item label="机关">{view.agencyName}</Descriptions.Item>
          {view.clock && view.clock.due ? <Descriptions.Item label="审核期限">{cite(view.clock.basis)}</Descriptions.Item> : null}
        </Descriptions>
        {view.gate ? (
          <Alert
            style={{ marginTop: 12 }}
            type={view.gate.ok ? 'success' : 'warning'}
            showIcon
            data-testid="review-gate"
            message={view.gate.ok ? (view.gate.applies ? '决定书可以签发' : '决定书不受法制审核限制') : '决定书暂不能签发'}
            description={`${view.gate.reason}（${cite(view.gate.basis)}）`}
          />
        ) : null}
      </Card>

      {match ? <MatchCard match={match} /> : null}
      {view.discretion ? <DiscretionCard discretion={view.discretion} /> : null}
      <ErrorText error={action.error} />
      {view.abilities.submit ? <SubmitCard view={view} onDone={load} /> : null}
      {latest ? <ActionsCard view={view} latest={latest} post={post} action={action} /> : null}

      {view.rounds.length ? (
        <Card title="审核轮次">
          <Collapse
            defaultActiveKey={[String(latest?.round)]}
            items={[...view.rounds].reverse().map((r) => ({
              key: String(r.round),
              label: (
                <Space wrap>
                  <span>第{r.round}轮</span>
                  <Tag>{r.statusLabel}</Tag>
                  {r.outcomeLabel ? <Tag color={OUTCOME_COLORS[r.outcome ?? '']}>{r.outcomeLabel}</Tag> : null}
                  <ClockBadge status={r.clock.status} label={r.clock.statusLabel} due={r.clock.due} />
                </Space>
              ),
              children: <RoundDetails view={view} round={r} />,
            }))}
          />
        </Card>
      ) : null}

      {view.history.length ? (
        <Card title="审核记录">
          <Timeline
            items={view.history.map((h) => ({
              children: (
                <span>
                  {dayjs(h.at).format('YYYY-MM-DD HH:mm')} 第{h.round}轮 · {h.actorName} · {HISTORY_LABELS[h.kind] ?? h.kind}
                </span>
              ),
            }))}
          />
        </Card>
      ) : null}
    </Space>
  );
}

function MatchCard({ match }: { match: MatchResult }) {
  return (
    <Card title="是否属于重大执法决定（目录清单）" size="small" extra={<Tag color={match.major ? 'red' : 'default'}>{match.major ? '属于重大执法决定' : '未命中目录清单'}</Tag>}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        依据：{match.source}；{match.catalogueVersion ? `目录清单第 ${match.catalogueVersion} 版` : '本机关尚未公布目录清单'}{match.catalogueAdopted === false ? '，按平台建议清单判断' : ''}
      </Typography.Paragraph>
      {match.matches.length ? (
        <List size="small" dataSource={match.matches} renderItem={(m) => <List.Item>{`${m.criterionLabel} · ${m.label}：${m.value}`}</List.Item>} />
      ) : null}
      {match.notMet.length ? <Typography.Text type="secondary">{match.notMet.map((n) => n.value).join('；')}</Typography.Text> : null}
    </Card>
  );
}

function RoundDetails({ view, round: r }: { view: ReviewView; round: ReviewRound }) {
  const cite = useCite();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="送审">{`${r.submittedByName} · ${dayjs(r.submittedAt).format('YYYY-MM-DD HH:mm')}`}</Descriptions.Item>
        <Descriptions.Item label="审核人员">{r.reviewer?.name ?? '待分配'}</Descriptions.Item>
        <Descriptions.Item label="期限" span={2}>
          {r.clock.error ?? cite(r.clock.basis)}
          {r.clock.dueWithMaxExtension ? `（经批准延长最迟 ${r.clock.dueWithMaxExtension}）` : ''}
        </Descriptions.Item>
        {r.note ? <Descriptions.Item label="说明" span={2}>{r.note}</Descriptions.Item> : null}
      </Descriptions>
      <Typography.Title level={5}>送审材料</Typography.Title>
      <List
        size="small"
        dataSource={r.materials}
        renderItem={(m) => (
          <List.Item>
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{m.label}</Typography.Text>
              {m.documents.map((d) => (
                <Link key={d.documentId} to={`/cases/${view.caseId}/documents/${d.documentId}`}>
                  {d.kindName}（{d.recordNumber}）
                </Link>
              ))}
              {m.files.map((f) => (
                <span key={f.id}>{`${f.recordNumber} ${f.filename}`}</span>
              ))}
              {m.text ? <Typography.Text>{m.text}</Typography.Text> : null}
            </Space>
          </List.Item>
        )}
      />
      {r.pauses.length || r.extensions.length ? (
        <>
          <Typography.Title level={5}>中止与延长</Typography.Title>
          <List
            size="small"
            dataSource={[
              ...r.pauses.map((p) => `中止：${p.reasonLabel}，${p.requestedOn} 起${p.resumedOn ? `，${p.resumedOn} 恢复` : '，计时中止中'}${p.note ? `（${p.note}）` : ''}`),
              ...r.extensions.map((e) => `延长 ${e.amount} 个工作日：${e.approval}，${e.approvedByName} ${e.approvedOn}（${e.reason}）`),
            ]}
            renderItem={(s) => <List.Item>{s}</List.Item>}
          />
        </>
      ) : null}
      {r.checklist.length ? (
        <>
          <Typography.Title level={5}>审核要点</Typography.Title>
          <Table
            size="small"
            rowKey="item"
            pagination={false}
            dataSource={r.checklist}
            columns={[
              { title: '审核要点', dataIndex: 'label' },
              { title: '结论', dataIndex: 'findingLabel', width: 160, render: (v: string, e) => <Tag color={e.finding === 'pass' ? 'green' : e.finding === 'flaw' ? 'orange' : 'red'}>{v}</Tag> },
              { title: '问题', dataIndex: 'note' },
            ]}
          />
        </>
      ) : null}
      {r.outcome ? (
        <Alert
          type={r.outcome === 'approve' ? 'success' : 'warning'}
          message={`审核结论：${r.outcomeLabel}（${r.decidedOn}）`}
          description={
            <Space direction="vertical">
              <span>{r.opinion}</span>
              {r.grounds.map((g) => (
                <span key={g.item}>{`${g.label}：${g.findingLabel}${g.note ? `（${g.note}）` : ''}，${cite(g.basis)}`}</span>
              ))}
              {r.leaderApproval ? <span>{`${view.rules.opinionApproval?.by ?? '领导'}同意：${r.leaderApproval.approver}（${r.leaderApproval.approvedOn}）`}</span> : null}
              {r.opinionDocument ? (
                <a href={`${API_BASE}/reviews/${view.id}/rounds/${r.round}/opinion.docx`}>下载法制审核意见书（{r.opinionDocument.recordNumber}）</a>
              ) : null}
            </Space>
          }
        />
      ) : null}
      {r.disagreement ? <Alert type="info" message={`承办机构异议（${r.disagreement.byName}，${r.disagreement.on}）`} description={`${r.disagreement.reason}；沟通情况：${r.disagreement.consultation}`} /> : null}
      {r.headDecision ? <Alert type="info" message={`机关负责人决定：${r.headDecision.decisionLabel}（${r.headDecision.byName}，${r.headDecision.on}）`} description={r.headDecision.opinion} /> : null}
      {r.collectiveDiscussion ? <Alert type="info" message={`集体讨论（${r.collectiveDiscussion.on}）`} description={r.collectiveDiscussion.conclusion} /> : null}
    </Space>
  );
}

interface SubmitValues {
  [key: `docs_${string}`]: string[] | undefined;
  [key: `text_${string}`]: string | undefined;
  criteria?: string[];
  reason?: string;
  complex?: boolean;
  transferToJudiciary?: boolean;
  consulted?: boolean;
  assessed?: boolean;
  note?: string;
}

function SubmitCard({ view, onDone }: { view: ReviewView; onDone: () => Promise<void> }) {
  const cite = useCite();
  const [preview, setPreview] = useState<MaterialsPreview | null>(null);
  const [form] = Form.useForm<SubmitValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    void api.get<{ materials: MaterialsPreview }>(`/cases/${view.caseId}/review/materials`).then((r) => {
      setPreview(r.materials);
      const init: Record<string, unknown> = {};
      for (const s of r.materials.suggested) init[`docs_${s.key}`] = s.documentIds ?? [];
      form.setFieldsValue(init as SubmitValues);
    });
  }, [view.caseId, form]);
  if (!preview) return null;
  const submit = async (v: SubmitValues) => {
    setBusy(true);
    setError(null);
    try {
      const materials = preview.materials
        .map((m) => ({ key: m.key, documentIds: (v[`docs_${m.key}`] as string[] | undefined) ?? [], text: (v[`text_${m.key}`] as string | undefined) ?? '' }))
        .filter((m) => m.documentIds.length || m.text.trim());
      await api.post(`/cases/${view.caseId}/review`, {
        materials,
        criteria: (v.criteria ?? []).map((criterion) => ({ criterion, reason: v.reason ?? '' })).filter((c) => c.reason.trim()),
        complex: v.complex ?? false,
        transferToJudiciary: v.transferToJudiciary ?? false,
        consulted: v.consulted ?? false,
        assessed: v.assessed ?? false,
        ...(v.note ? { note: v.note } : {}),
      });
      void message.success('已送法制审核');
      await onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const docOptions = preview.documents.map((d) => ({ value: d.documentId, label: `${d.recordNumber}${d.status === 'draft' ? '（草稿）' : ''}` }));
  return (
    <Card title={view.currentRound ? '重新送审' : '送法制审核'}>
      <ErrorText error={error} />
      {preview.missing.length ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`尚缺：${preview.missing.map((m) => m.label).join('、')}`} /> : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Row gutter={16}>
          {preview.materials.map((m) => (
            <Col xs={24} md={12} key={m.key}>
              <Form.Item label={`${m.label}（${cite(m.basis)}）`} name={`docs_${m.key}`}>
                <Select mode="multiple" allowClear options={docOptions} placeholder="选择本案文书" />
              </Form.Item>
              {m.textSuffices ? (
                <Form.Item name={`text_${m.key}`}>
                  <Input.TextArea rows={2} placeholder="书面说明" aria-label={`${m.label}说明`} />
                </Form.Item>
              ) : null}
            </Col>
          ))}
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="承办机构认定的重大情形" name="criteria">
              <Select mode="multiple" allowClear options={[{ value: 'publicInterest', label: '涉及重大公共利益' }, { value: 'socialImpact', label: '可能造成重大社会影响或引发社会风险' }, { value: 'majorRights', label: '直接关系重大权益' }, { value: 'requiredByLaw', label: '法律、法规、规章规定' }, { value: 'other', label: '其他' }]} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="认定理由" name="reason">
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Space wrap>
          <Form.Item name="complex" valuePropName="checked" noStyle>
            <Checkbox>案情疑难复杂</Checkbox>
          </Form.Item>
          <Form.Item name="transferToJudiciary" valuePropName="checked" noStyle>
            <Checkbox>拟移送公安、司法机关</Checkbox>
          </Form.Item>
          <Form.Item name="consulted" valuePropName="checked" noStyle>
            <Checkbox>已征求其他机构意见</Checkbox>
          </Form.Item>
          <Form.Item name="assessed" valuePropName="checked" noStyle>
            <Checkbox>经评估、论证</Checkbox>
          </Form.Item>
        </Space>
        <Form.Item label="送审说明" name="note" style={{ marginTop: 12 }}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          送审
        </Button>
      </Form>
    </Card>
  );
}

function ActionsCard({ view, latest, post, action }: { view: ReviewView; latest: ReviewRound; post: (path: string, body: unknown) => Promise<unknown>; action: ReturnType<typeof useAction> }) {
  const a = view.abilities;
  const [reviewerId, setReviewerId] = useState<string | undefined>();
  const [pauseReason, setPauseReason] = useState<string | undefined>(view.rules.pauseReasons[0]?.key);
  const [text, setText] = useState<Record<string, string>>({});
  const [headDecision, setHeadDecision] = useState<'adoptReview' | 'overrule'>('adoptReview');
  const t = (k: string) => text[k] ?? '';
  const setT = (k: string) => (e: { target: { value: string } }) => setText({ ...text, [k]: e.target.value });
  const blocks: ReactNode[] = [];

  if (a.assign) {
    blocks.push(
      <Space key="assign" wrap>
        <Select style={{ minWidth: 200 }} placeholder="选择审核人员（不选则自动分配）" allowClear value={reviewerId} onChange={setReviewerId} options={view.eligibleReviewers.map((r) => ({ value: r.id, label: `${r.name}（在办 ${r.openRounds}）` }))} />
        <Button loading={action.busy === 'assign'} onClick={() => action.run('assign', () => post('/assign', reviewerId ? { reviewerId } : {}), '已分配')}>
          分配
        </Button>
        {view.excludedReviewers.length ? <Typography.Text type="secondary">已排除：{view.excludedReviewers.map((e) => `${e.name}（${e.reason}）`).join('；')}</Typography.Text> : null}
      </Space>,
    );
  }
  if (a.recuse) {
    blocks.push(
      <Space key="recuse" wrap>
        <Input style={{ width: 320 }} placeholder={`回避理由（${view.rules.recusalBasis}）`} value={t('recuse')} onChange={setT('recuse')} />
        <Button disabled={!t('recuse').trim()} loading={action.busy === 'recuse'} onClick={() => action.run('recuse', () => post('/recusals', { reason: t('recuse') }), '已申明回避')}>
          申明回避
        </Button>
      </Space>,
    );
  }
  if (a.pause) {
    blocks.push(
      <Space key="pause" wrap>
        <Select style={{ minWidth: 180 }} value={pauseReason} onChange={setPauseReason} options={view.rules.pauseReasons.map((p) => ({ value: p.key, label: p.label }))} aria-label="中止事由" />
        <Input style={{ width: 260 }} placeholder="说明（如：请补充监测报告）" value={t('pause')} onChange={setT('pause')} />
        <Button loading={action.busy === 'pause'} onClick={() => action.run('pause', () => post('/pauses', { reason: pauseReason, note: t('pause') }), '审核计时已中止')}>
          中止计时
        </Button>
        <Typography.Text type="secondary">{view.rules.pauseBasis}</Typography.Text>
      </Space>,
    );
  }
  if (a.resume) {
    blocks.push(
      <Button key="resume" loading={action.busy === 'resume'} onClick={() => action.run('resume', () => post('/resume', {}), '审核计时已恢复')}>
        材料已补齐，恢复计时
      </Button>,
    );
  }
  if (a.extend) {
    blocks.push(
      <Space key="extend" wrap>
        <Input style={{ width: 320 }} placeholder="延长理由（案件复杂的）" value={t('extend')} onChange={setT('extend')} />
        <Button disabled={!t('extend').trim()} loading={action.busy === 'extend'} onClick={() => action.run('extend', () => post('/extensions', { reason: t('extend') }), '已批准延长')}>
          批准延长审核期限
        </Button>
      </Space>,
    );
  }
  if (a.disagree) {
    blocks.push(
      <Space key="disagree" direction="vertical" style={{ width: '100%' }}>
        <Input.TextArea rows={2} placeholder="异议理由" value={t('disagree')} onChange={setT('disagree')} />
        <Input.TextArea rows={2} placeholder="与法制审核机构沟通的情况" value={t('consultation')} onChange={setT('consultation')} />
        <Button disabled={!t('disagree').trim() || !t('consultation').trim()} loading={action.busy === 'disagree'} onClick={() => action.run('disagree', () => post('/disagreement', { reason: t('disagree'), consultation: t('consultation') }), '已报请机关负责人决定')}>
          提出异议，报请负责人决定
        </Button>
      </Space>,
    );
  }
  if (a.headDecide) {
    blocks.push(
      <Space key="head" direction="vertical" style={{ width: '100%' }}>
        <Radio.Group value={headDecision} onChange={(e) => setHeadDecision(e.target.value)}>
          <Radio value="adoptReview">采纳法制审核意见</Radio>
          <Radio value="overrule" disabled={!a.overrule}>
            按承办机构意见作出决定{a.overrule ? '' : `（${view.rules.gateBasis} 不允许）`}
          </Radio>
        </Radio.Group>
        <Input.TextArea rows={2} placeholder="负责人意见" value={t('head')} onChange={setT('head')} />
        <Button type="primary" disabled={!t('head').trim()} loading={action.busy === 'head'} onClick={() => action.run('head', () => post('/head-decision', { decision: headDecision, opinion: t('head') }), '已记录负责人决定')}>
          记录负责人决定（{view.rules.disagreementBasis}）
        </Button>
      </Space>,
    );
  }
  const decide = a.decide ? <DecideForm key="decide" view={view} onSubmit={(body) => action.run('decide', () => post('/decision', body), '已出具审核意见')} busy={action.busy === 'decide'} /> : null;
  if (!blocks.length && !decide) return null;
  return (
    <Card title={`第${latest.round}轮 · 办理`}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {blocks}
        {decide}
      </Space>
    </Card>
  );
}

function DecideForm({ view, onSubmit, busy }: { view: ReviewView; onSubmit: (body: unknown) => void; busy: boolean }) {
  const cite = useCite();
  const [form] = Form.useForm();
  const initial = Object.fromEntries(view.rules.checklist.map((c) => [`f_${c.item}`, 'pass']));
  const finish = (v: Record<string, unknown>) => {
    const checklist = view.rules.checklist.map((c) => ({ item: c.item, finding: v[`f_${c.item}`] as string, ...(v[`n_${c.item}`] ? { note: v[`n_${c.item}`] as string } : {}) }));
    const approvedOn = v.approvedOn as dayjs.Dayjs | undefined;
    onSubmit({
      checklist,
      opinion: v.opinion,
      ...(view.rules.opinionApproval ? { leaderApproval: { approver: v.approver, approvedOn: approvedOn?.format('YYYY-MM-DD') } } : {}),
    });
  };
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={finish}>
      <Typography.Title level={5}>审核要点（{view.rules.label}）</Typography.Title>
      {view.rules.checklist.map((c) => (
        <Row key={c.item} gutter={12} align="middle">
          <Col xs={24} md={8}>
            <Typography.Text>{c.label}</Typography.Text> <Typography.Text type="secondary">{cite(c.basis)}</Typography.Text>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={`f_${c.item}`} style={{ marginBottom: 8 }}>
              <Radio.Group aria-label={c.label}>
                <Radio value="pass">符合</Radio>
                {c.binary ? null : <Radio value="flaw">有瑕疵</Radio>}
                <Radio value="fail">不符合</Radio>
              </Radio.Group>
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={`n_${c.item}`} style={{ marginBottom: 8 }}>
              <Input placeholder="存在问题的，写明问题" aria-label={`${c.label}问题`} />
            </Form.Item>
          </Col>
        </Row>
      ))}
      <Form.Item label="审核意见" name="opinion" rules={[{ required: true, message: '须写明书面审核意见' }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      {view.rules.opinionApproval ? (
        <Flex gap={12}>
          <Form.Item label={`${view.rules.opinionApproval.by}（${cite(view.rules.opinionApproval.basis)}）`} name="approver" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item label="同意日期" name="approvedOn" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Flex>
      ) : null}
      <Button type="primary" htmlType="submit" loading={busy}>
        出具审核意见
      </Button>
    </Form>
  );
}

/**
 * 裁量情况 (REV-4 «裁量是否适当»; NAT-22; 《中华人民共和国行政处罚法》第三十四条): the
 * catalogue entry the draft decision cites, the statutory range, the band of
 * the discretion benchmark and, for an amount outside it, the officer's reason.
 */
export function DiscretionCard({ discretion: d }: { discretion: DiscretionView }) {
  const cite = useCite();
  return (
    <Card title="裁量情况（行政处罚裁量基准）" size="small" data-testid="review-discretion" extra={d.outsideBand ? <Tag color="orange">超出裁量档次</Tag> : d.band ? <Tag color="green">在裁量档次内</Tag> : null}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="违法行为">{d.violation}</Descriptions.Item>
        <Descriptions.Item label="违反条款">{d.violated}</Descriptions.Item>
        <Descriptions.Item label="处罚依据">{cite(d.basis)}</Descriptions.Item>
        <Descriptions.Item label="法定幅度">{d.range}</Descriptions.Item>
        <Descriptions.Item label="裁量档次">{d.band ? `${d.band.label}（${d.band.circumstances}）：${d.band.range}` : '未选择裁量档次'}</Descriptions.Item>
        <Descriptions.Item label="拟罚款数额">{d.fineAmount === null ? '—' : `${d.fineAmount.toLocaleString('zh-CN')} 元`}</Descriptions.Item>
        {d.outsideBand || d.reason ? (
          <Descriptions.Item label="承办人员说明的裁量理由">
            <span data-testid="discretion-reason">{d.reason ?? '未说明理由'}</span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {d.outsideBand ? <Alert type="warning" showIcon style={{ marginTop: 8 }} message="拟罚款数额超出所选裁量档次，请审查裁量理由是否充分（《中华人民共和国行政处罚法》第三十四条）。" /> : null}
    </Card>
  );
}
