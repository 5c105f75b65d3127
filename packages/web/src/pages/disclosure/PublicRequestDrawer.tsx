/**
 * One correction request or complaint (PUB-9, PUB-10): what was asked, the
 * deadlines, the verification (核实) and the answer — a refusal states the
 * reasons and the remedies (行政复议、行政诉讼, GS-P 17) — and its history.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Radio, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { errorMessage } from '../../api/client.js';
import { DueBadge } from './DueBadge.js';
import { REQUEST_OUTCOME_LABELS, disclosureApi, publicationUrl, type PublicRequest, type PublicRequestEvent, type PublicRequestOutcome } from './disclosureApi.js';

type Loaded = { request: PublicRequest; events: PublicRequestEvent[] };

const EVENT_LABELS: Record<string, string> = { receive: '收到', verify: '登记核实结果', respond: '答复' };

/** The answers allowed now: a correction is verified first (or forwarded at once); a complaint is answered or forwarded. */
export function outcomesFor(r: Pick<PublicRequest, 'kind' | 'status'>): PublicRequestOutcome[] {
  if (r.kind === 'complaint') return r.status === 'received' ? ['answered', 'forwarded'] : [];
  if (r.status === 'verified') return ['corrected', 'refused', 'forwarded'];
  if (r.status === 'received') return ['forwarded'];
  return [];
}

export function PublicRequestDrawer({ id, canHandle, onClose, onChanged }: { id: string | null; canHandle: boolean; onClose: () => void; onChanged: () => void }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    if (!id) return;
    setData(null);
    setError(null);
    try {
      setData(await disclosureApi.request(id));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  const done = (d: Loaded) => {
    setData(d);
    onChanged();
  };
  const r = data?.request;
  return (
    <Drawer open={id !== null} onClose={onClose} size={640} title={r ? `${r.kindLabel} · ${r.trackingCode}` : '更正与投诉'} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {!r ? (
        error ? null : <Spin />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="request-detail">
          <RequestFacts r={r} />
          {canHandle && r.kind === 'correction' && r.status === 'received' ? <VerifyForm id={r.id} onDone={done} /> : null}
          {canHandle && outcomesFor(r).length ? <RespondForm key={r.status} r={r} onDone={done} /> : null}
          <Timeline
            items={data.events.map((e, i) => ({
              key: e.id ?? i,
              content: (
                <div>
                  <Typography.Text strong>{EVENT_LABELS[e.kind] ?? e.kind}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {dayjs(e.at).format('YYYY-MM-DD HH:mm')} · {e.actorName}
                  </Typography.Text>
                  {e.comment ? <div>{e.comment}</div> : null}
                </div>
              ),
            }))}
          />
        </Space>
      )}
    </Drawer>
  );
}

function RequestFacts({ r }: { r: PublicRequest }) {
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="状态">
        <Space wrap>
          <Tag>{r.statusLabel}</Tag>
          <DueBadge due={r.due} />
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label="申请人">{`${r.requesterName}（${r.requesterContact}）`}</Descriptions.Item>
      <Descriptions.Item label="收到日期">{r.receivedOn}</Descriptions.Item>
      {r.verifyBy ? <Descriptions.Item label="核实期限">{r.verifyBy}</Descriptions.Item> : null}
      {r.respondBy ? <Descriptions.Item label="答复期限">{r.respondBy}</Descriptions.Item> : null}
      {r.publicationId ? (
        <Descriptions.Item label="所涉公示信息">
          <Link to={publicationUrl(r.publicationId)} data-testid="request-publication-link">
            查看公示信息
          </Link>
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={r.kind === 'correction' ? '更正内容及理由' : '投诉内容'}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{r.content}</span>
      </Descriptions.Item>
      {r.evidence ? (
        <Descriptions.Item label="证据">
          <span style={{ whiteSpace: 'pre-wrap' }}>{r.evidence}</span>
        </Descriptions.Item>
      ) : null}
      {r.verifiedOn ? <Descriptions.Item label="核实结果">{`${r.verifiedTrue ? '属实' : '不属实'}（${r.verifiedOn}）`}</Descriptions.Item> : null}
      {r.response ? <Descriptions.Item label="答复">{`${r.response}${r.respondedOn ? `（${r.respondedOn}）` : ''}`}</Descriptions.Item> : null}
    </Descriptions>
  );
}

/** Runs a drawer act and keeps its error. */
function useAct(onDone: (d: Loaded) => void) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<Loaded>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await fn());
      void message.success(done);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function VerifyForm({ id, onDone }: { id: string; onDone: (d: Loaded) => void }) {
  const act = useAct(onDone);
  return (
    <Form layout="vertical" initialValues={{ verifiedTrue: true }} onFinish={(v: { verifiedTrue: boolean; note: string }) => void act.run(() => disclosureApi.verify(id, { verifiedTrue: v.verifiedTrue, note: v.note.trim() }), '已登记核实结果')}>
      <Typography.Title level={5}>核实</Typography.Title>
      {act.error ? <Alert type="error" showIcon title={act.error} style={{ marginBottom: 12 }} data-testid="verify-error" /> : null}
      <Form.Item name="verifiedTrue" label="核实结果">
        <Radio.Group aria-label="核实结果">
          <Radio value={true}>核实属实</Radio>
          <Radio value={false}>核实不属实</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="note" label="核实情况" rules={[{ required: true, whitespace: true, message: '须写明核实情况' }]}>
        <Input.TextArea rows={2} aria-label="核实情况" />
      </Form.Item>
      <Button htmlType="submit" loading={act.busy}>
        登记核实结果
      </Button>
    </Form>
  );
}

function RespondForm({ r, onDone }: { r: PublicRequest; onDone: (d: Loaded) => void }) {
  const act = useAct(onDone);
  const options = outcomesFor(r);
  const [outcome, setOutcome] = useState<PublicRequestOutcome>(options[0]!);
  return (
    <Form
      layout="vertical"
      initialValues={{ outcome: options[0] }}
      onFinish={(v: { outcome: PublicRequestOutcome; response: string }) => void act.run(() => disclosureApi.respond(r.id, { outcome: v.outcome, response: v.response.trim() }), '已答复')}
    >
      <Typography.Title level={5}>答复</Typography.Title>
      {act.error ? <Alert type="error" showIcon title={act.error} style={{ marginBottom: 12 }} data-testid="respond-error" /> : null}
      <Form.Item name="outcome" label="处理结果">
        <Select aria-label="处理结果" onChange={setOutcome} options={options.map((o) => ({ value: o, label: REQUEST_OUTCOME_LABELS[o] }))} />
      </Form.Item>
      {outcome === 'refused' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="refusal-hint"
          title="不予更正的，须在答复中说明理由，并告知申请人可以依法申请行政复议或者提起行政诉讼（GS-P 第十七条）。"
        />
      ) : null}
      {outcome === 'corrected' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title="须先在公示信息中保存更正版本并经审核公示，才能答复“已更正”。" /> : null}
      <Form.Item name="response" label="答复内容" rules={[{ required: true, whitespace: true, message: '须写明答复内容' }]}>
        <Input.TextArea rows={4} aria-label="答复内容" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={act.busy}>
        提交答复
      </Button>
    </Form>
  );
}
