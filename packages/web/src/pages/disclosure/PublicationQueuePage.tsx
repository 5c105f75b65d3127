/**
 * 公示管理: the decisions to publish, most urgent first (PUB-2 due badges:
 * overdue red, due soon orange), by tab — open work, published, withheld,
 * withdrawn, expired, everything — with a search over 文号, party and case.
 * Tab, search and page live in the address, so going back keeps them.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Card, Input, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { errorMessage } from '../../api/client.js';
import { DueBadge } from './DueBadge.js';
import { QUEUE_TABS, STATUS_COLORS, disclosureApi, publicationUrl, type PublicationListItem, type QueueTab } from './disclosureApi.js';

const PAGE_SIZE = 20;

/** The list of one tab, page and search. */
export function usePublicationList(tab: QueueTab, q: string, page: number) {
  const [data, setData] = useState<{ total: number; items: PublicationListItem[] }>({ total: 0, items: [] });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setData(await disclosureApi.list({ status: tab, q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [tab, q, page]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...data, loading, error, reload };
}

/** The deadline column: the due date while work is open, the window while online. */
function Deadline({ p }: { p: PublicationListItem }) {
  if (p.due) return <DueBadge due={p.due} what={p.status === 'withdrawPending' ? '撤回期限' : '公示期限'} />;
  if (p.online && p.removeBy) return <Typography.Text type="secondary">公示至 {p.removeBy}</Typography.Text>;
  if (p.status === 'draft' || p.status === 'submitted') return <Typography.Text type="secondary">{p.publishBy} 前</Typography.Text>;
  return <span>—</span>;
}

export function PublicationQueuePage() {
  const [params, setParams] = useSearchParams();
  const tab = (QUEUE_TABS.find((t) => t.key === params.get('tab'))?.key ?? 'open') as QueueTab;
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [search, setSearch] = useState(q);
  const list = usePublicationList(tab, q, page);

  const update = (next: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '' || (k === 'page' && v === 1)) p.delete(k);
      else p.set(k, String(v));
    }
    setParams(p, { replace: true });
  };

  const columns: TableColumnsType<PublicationListItem> = [
    {
      title: '案件',
      dataIndex: 'caseTitle',
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={publicationUrl(r.id)}>{r.caseTitle || r.decisionKindName}</Link>
          {r.caseNumber ? <Typography.Text type="secondary">{r.caseNumber}</Typography.Text> : null}
        </Space>
      ),
    },
    { title: '文号', dataIndex: 'decisionNumber', width: 200, render: (v: string) => v || '—' },
    { title: '当事人', dataIndex: 'publicParty', width: 160, render: (v: string | null) => v || <Typography.Text type="secondary">公示时确定</Typography.Text> },
    { title: '类别', dataIndex: 'decisionKindName', width: 160 },
    { title: '决定日期', dataIndex: 'decisionDate', width: 110 },
    { title: '状态', dataIndex: 'statusLabel', width: 140, render: (v: string, r) => <Tag color={STATUS_COLORS[r.status]}>{v}</Tag> },
    { title: '公示期限', dataIndex: 'publishBy', width: 190, render: (_: unknown, r) => <Deadline p={r} /> },
  ];

  return (
    <Card
      title="公示管理"
      extra={
        <Input.Search
          allowClear
          placeholder="文号、当事人或案件名称"
          aria-label="搜索公示信息"
          style={{ width: 280 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => update({ q: v.trim(), page: 1 })}
        />
      }
    >
      <Tabs activeKey={tab} onChange={(k) => update({ tab: k === 'open' ? undefined : k, page: 1 })} items={QUEUE_TABS.map((t) => ({ key: t.key, label: t.label }))} />
      {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} /> : null}
      <Table
        rowKey="id"
        size="middle"
        loading={list.loading}
        columns={columns}
        dataSource={list.items}
        locale={{ emptyText: tab === 'open' ? '没有待办的公示事项' : '没有公示信息' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.total, onChange: (n) => update({ page: n }), showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
      />
    </Card>
  );
}
