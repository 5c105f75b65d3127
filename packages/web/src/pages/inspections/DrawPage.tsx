/**
 * One round of a draw (INS-2 · NAT-17): commit → draw → reveal. The seed's
 * hash and the lists' digests were sealed in the integrity log before the
 * draw; the result pairs each drawn target with its team and opens its
 * inspection case; once every drawn target has been inspected the seed and
 * the lists are revealed and the portal page `/draws/:id` recomputes the
 * draw in anyone's browser. Each result goes public through the existing
 * publication workflow (the clerk enters it, the approver publishes it).
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Steps, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { errorMessage } from '../../api/client.js';
import { useMe } from '../../auth/session.js';
import { PUBLICATION_STATUS_LABELS, TARGET_CLASS_LABELS, type PublicationStatus, type TargetClass } from '../../domain.js';
import { PUBLICATION_READERS } from '../../layout/navigation.js';
import { CITES, DRAW_STATUS_COLORS, DRAW_STATUS_LABELS, inspectionAbilities, inspectionsApi, type Draw, type Inspection } from './inspectionsApi.js';

const at = (s: string | null) => (s ? dayjs(s).format('YYYY-MM-DD HH:mm') : '—');
const STEP: Record<Draw['status'], number> = { committed: 1, drawn: 2, published: 3 };

function Hash({ value, testId }: { value: string; testId?: string }) {
  return (
    <Typography.Text code copyable style={{ wordBreak: 'break-all' }} {...(testId ? { 'data-testid': testId } : {})}>
      {value}
    </Typography.Text>
  );
}

function ResultCell({ i, readsPublications }: { i: Inspection; readsPublications: boolean }) {
  const r = i.result;
  if (!r?.publicationId) {
    return <Typography.Text type="secondary">待实施检查（在检查案件中签署现场检查笔录后生成结果公示）</Typography.Text>;
  }
  const status = (r.publicationStatus ?? 'draft') as PublicationStatus;
  const label = PUBLICATION_STATUS_LABELS[status] ?? r.publicationStatus;
  return (
    <Space orientation="vertical" size={0}>
      <span>
        检查日期 {r.inspectedOn}；<Tag color={r.published ? 'green' : r.overdue ? 'red' : 'blue'}>{r.published ? '结果已公示' : `结果公示：${label}`}</Tag>
      </span>
      {!r.published ? <span>应于 {r.publishBy} 前公示{r.overdue ? '（已逾期）' : ''}</span> : null}
      {readsPublications ? <Link to={`/disclosure/publications/${r.publicationId}`}>{r.published ? '查看结果公示' : '办理结果公示'}</Link> : null}
    </Space>
  );
}

export function DrawPage() {
  const { id = '' } = useParams();
  const { me } = useMe();
  const { message } = App.useApp();
  const can = inspectionAbilities(me);
  const readsPublications = me.roles.some((r) => PUBLICATION_READERS.includes(r));
  const [draw, setDraw] = useState<Draw | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setDraw(await inspectionsApi.draw(id));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (fn: () => Promise<Draw>, done: string) => {
    setBusy(true);
    setActionError(null);
    try {
      setDraw(await fn());
      message.success(done);
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!draw) return <Card loading />;
  const quota = (Object.entries(draw.quota) as [TargetClass, number][]).map(([c, n]) => `${TARGET_CLASS_LABELS[c]} ${n} 家`).join('，');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={`${draw.planTitle}（${draw.roundLabel}）`}
        extra={
          <Space>
            <Link to="/inspections/plans">返回抽查计划</Link>
            {can.draw && draw.status === 'committed' ? (
              <Popconfirm title="按已承诺的种子和冻结的名录执行抽取？抽取结果写入完整性日志，不能重抽。" okText="执行抽取" cancelText="取消" onConfirm={() => void act(() => inspectionsApi.runDraw(draw.id), '抽取完成，已为每家抽中的检查对象登记检查并立案')}>
                <Button type="primary" loading={busy}>
                  执行抽取
                </Button>
              </Popconfirm>
            ) : null}
            {can.draw && draw.status === 'drawn' ? (
              <Popconfirm title="公开本轮的随机种子和名单？公开后任何人可复算抽取结果。" okText="公开" cancelText="取消" onConfirm={() => void act(() => inspectionsApi.publishDraw(draw.id), '已公开种子与名单')}>
                <Button type="primary" loading={busy}>
                  公开种子与名单
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        }
      >
        <Steps
          size="small"
          current={STEP[draw.status]}
          style={{ marginBottom: 16 }}
          items={[
            { title: '提交种子承诺', content: at(draw.committedAt) },
            { title: '抽取', content: at(draw.drawnAt) },
            { title: '检查实施后公开', content: at(draw.publishedAt) },
          ]}
        />
        {actionError ? <Alert type="error" showIcon title={actionError} style={{ marginBottom: 12 }} data-testid="draw-error" /> : null}
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label="状态">
            <Tag color={DRAW_STATUS_COLORS[draw.status]} data-testid="draw-status">
              {DRAW_STATUS_LABELS[draw.status]}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label="抽取数量">
            {quota || '无'}；每组执法人员 {draw.teamSize} 人
          </Descriptions.Item>
          <Descriptions.Item label="名录规模">
            检查对象 {draw.poolSize} 家（另有 {draw.atCap} 家已达年度检查频次上限，未参加抽取）；执法检查人员 {draw.inspectorCount} 人
          </Descriptions.Item>
          <Descriptions.Item label="抽取方法">{draw.algorithm}（算法在公示页面公开，任何人可复算）</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title="抽取证明" data-testid="draw-proof">
        <Typography.Paragraph type="secondary">
          抽取前，种子的哈希值和各名录的摘要已写入完整性日志（公开承诺）；检查实施后公开种子和名单，公示页面在浏览器中按公开的算法复算，核对与承诺、结果是否一致（{CITES.draw}）。
        </Typography.Paragraph>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label="种子哈希（SHA-256，抽取前承诺）">
            <Hash value={draw.seedHash} testId="seed-hash" />
          </Descriptions.Item>
          <Descriptions.Item label="随机种子">
            {draw.seed ? <Hash value={draw.seed} testId="seed" /> : <Typography.Text type="secondary">检查实施后公开</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label="检查对象名录摘要">
            <Hash value={draw.digests.targets} />
          </Descriptions.Item>
          <Descriptions.Item label="执法检查人员名录摘要">
            <Hash value={draw.digests.inspectors} />
          </Descriptions.Item>
          <Descriptions.Item label="回避关系摘要">
            <Hash value={draw.digests.conflicts} />
          </Descriptions.Item>
          <Descriptions.Item label="完整性日志">
            承诺为第 {draw.commitLeaf} 号记录{draw.drawLeaf !== null ? `；抽取结果为第 ${draw.drawLeaf} 号记录` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="公示页面">
            <a href={draw.proofUrl} target="_blank" rel="noreferrer" data-testid="proof-link">
              在公示平台查看并复算本轮抽取
            </a>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title="抽取结果与检查情况">
        {draw.status === 'committed' ? (
          <Typography.Text type="secondary">尚未抽取。</Typography.Text>
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              每家抽中的检查对象已登记检查（行政检查码）并立检查案件，由抽中的检查组办理；在案件中签署现场检查笔录后生成结果公示，经公示录入、审核后公开，期限为检查之日起20个工作日（{CITES.result}）。检查实施前，被抽中的企业名单不对外公开。
            </Typography.Paragraph>
            <Table<Inspection>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={draw.inspections}
              data-testid="draw-result"
              columns={[
                {
                  title: '检查对象',
                  render: (_, i) => (
                    <Space orientation="vertical" size={0}>
                      <strong>{i.targetName}</strong>
                      <Typography.Text type="secondary">{i.creditCode}</Typography.Text>
                    </Space>
                  ),
                },
                { title: '执法检查人员', render: (_, i) => i.inspectors.map((x) => `${x.name}（${x.certificateNumber}）`).join('、') },
                { title: '行政检查码', dataIndex: 'code' },
                { title: '检查案件', render: (_, i) => (i.caseId ? <Link to={`/cases/${i.caseId}`}>打开检查案件</Link> : '—') },
                { title: '检查结果', render: (_, i) => <ResultCell i={i} readsPublications={readsPublications} /> },
              ]}
            />
          </>
        )}
      </Card>
    </Space>
  );
}
