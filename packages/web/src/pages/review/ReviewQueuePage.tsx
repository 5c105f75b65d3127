/**
 * 法制审核队列: the latest round of every review the user may read, most
 * urgent first, each with its deadline badge (REV-6): overdue, due soon,
 * clock stopped, on time.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Card, Segmented, Space, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { api, errorMessage, query } from '../../api/client.js';
import { useMe, useCite } from '../../auth/session.js';
import { CLOCK_COLORS, OUTCOME_COLORS, reviewUrl, type QueueItem } from './reviewApi.js';

/** The deadline badge of a round: its status and due date. */
export function ClockBadge({ status, label, due }: { status: QueueItem['clockStatus']; label: string; due: string | null }) {
  return (
    <Tooltip title={due ? `审核期限届满日 ${due}` : '届满日无法计算'}>
      <Tag color={CLOCK_COLORS[status] ?? 'default'} data-testid="review-deadline" data-status={status}>
        {label}
        {due ? ` · ${due}` : ''}
      </Tag>
    </Tooltip>
  );
}

interface Ratio {
  agencyName: string;
  officers: number;
  reviewers: number;
  ratio: number | null;
  required: number | null;
  minimumReviewers: number | null;
  meets: boolean | null;
  basis: string;
}

/** ORG-7 · SX19-L 7: legal reviewers against officers, compared with the profile minimum. */
export function ReviewerRatioCard() {
  const cite = useCite();
  const [ratio, setRatio] = useState<Ratio | null>(null);
  useEffect(() => {
    api
      .get<{ ratio: Ratio }>('/review/ratio')
      .then((r) => setRatio(r.ratio))
      .catch(() => setRatio(null)); // not every role may see it
  }, []);
  if (!ratio) return null;
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
  return (
    <Card size="small" title="法制审核人员配备" data-testid="reviewer-ratio">
      <Space wrap size="large">
        <span>执法人员 {ratio.officers} 人</span>
        <span>法制审核人员 {ratio.reviewers} 人</span>
        <span>比例 {pct(ratio.ratio)}</span>
        <span>要求 {ratio.required === null ? '未规定' : `不少于 ${pct(ratio.required)}（至少 ${ratio.minimumReviewers} 人）`}</span>
        {ratio.meets === null ? null : ratio.meets ? <Tag color="green">符合</Tag> : <Tag color="red">不足</Tag>}
        <Typography.Text type="secondary">依据：{cite(ratio.basis)}</Typography.Text>
      </Space>
    </Card>
  );
}

export function ReviewQueuePage() {
  const { me } = useMe();
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>('open');
  const [mine, setMine] = useState(me.roles.includes('legalReviewer'));
  const [items, setItems] = useState<QueueItem[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const res = await api.get<{ total: number; items: QueueItem[] }>(`/reviews${query({ status: status === 'all' ? undefined : status, mine: mine ? 'true' : undefined, page, pageSize: 20 })}`);
      setItems(res.items);
      setTotal(res.total);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [status, mine, page]);

  useEffect(() => {
    void load();
  }, [load]);

  const columns: TableColumnsType<QueueItem> = [
    { title: '案号', dataIndex: 'caseNumber', width: 200, render: (v: string, r) => <Link to={reviewUrl(r.caseId)}>{v}</Link> },
    { title: '案件名称', dataIndex: 'caseTitle', ellipsis: true },
    { title: '轮次', dataIndex: 'round', width: 70, render: (n: number) => `第${n}轮` },
    { title: '状态', dataIndex: 'statusLabel', width: 170 },
    {
      title: '重大情形',
      dataIndex: 'matched',
      width: 200,
      render: (m: string[], r) => (r.major ? m.map((x) => <Tag key={x}>{x}</Tag>) : <Typography.Text type="secondary">未命中目录（送审）</Typography.Text>),
    },
    { title: '审核人员', dataIndex: 'reviewerName', width: 120, render: (v: string | null) => v ?? <Typography.Text type="secondary">待分配</Typography.Text> },
    { title: '期限', dataIndex: 'due', width: 190, render: (_: unknown, r) => <ClockBadge status={r.clockStatus} label={r.clockStatusLabel} due={r.due} /> },
    { title: '结论', dataIndex: 'outcomeLabel', width: 120, render: (v: string | null, r) => (v ? <Tag color={OUTCOME_COLORS[r.outcome ?? ''] ?? 'default'}>{v}</Tag> : '—') },
    { title: '送审时间', dataIndex: 'submittedAt', width: 140, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
  ];

  return (
    <Card
      title="法制审核队列"
      extra={
        <Space>
          <Segmented
            value={status}
            onChange={(v) => {
              setStatus(v as typeof status);
              setPage(1);
            }}
            options={[
              { value: 'open', label: '办理中' },
              { value: 'closed', label: '已出具意见' },
              { value: 'all', label: '全部' },
            ]}
          />
          <Space size={4}>
            <Switch size="small" checked={mine} onChange={setMine} aria-label="只看分配给我的" />
            <span>只看分配给我的</span>
          </Space>
        </Space>
      }
    >
      <div style={{ marginBottom: 16 }}>
        <ReviewerRatioCard />
      </div>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
      <Table rowKey="reviewId" size="middle" loading={loading} columns={columns} dataSource={items} pagination={{ current: page, pageSize: 20, total, onChange: setPage, showSizeChanger: false }} />
    </Card>
  );
}
