/**
 * 审计日志 (SYS-5): sign-ins, failures, lockouts and every change, for the
 * audit administrator and supervisors. Paged and filtered on the server.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, DatePicker, Form, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, errorMessage, query } from '../api/client.js';
import type { AuditEvent, AuditOutcome, AuditPage as AuditPageData } from '../api/types.js';
import { auditDetailLines } from '../lib/auditDetail.js';
import { AUDIT_ACTION_GROUPS, AUDIT_ACTION_LABELS, AUDIT_OUTCOME_LABELS, OBJECT_TYPE_LABELS, auditActionLabel } from '../lib/labels.js';

interface Filters {
  range?: [Dayjs | null, Dayjs | null] | null;
  action?: string;
  outcome?: AuditOutcome;
}

/** The API's query for the filter form: whole days in local time, `to` exclusive. */
export function auditQuery(f: Filters, page: number, pageSize: number): string {
  const [start, end] = f.range ?? [null, null];
  return query({
    from: start ? start.startOf('day').toISOString() : undefined,
    to: end ? end.add(1, 'day').startOf('day').toISOString() : undefined,
    action: f.action,
    outcome: f.outcome,
    page,
    pageSize,
  });
}

const ACTION_OPTIONS = [
  { label: '按类别', options: AUDIT_ACTION_GROUPS.map((g) => ({ value: g.value, label: g.label })) },
  { label: '具体操作', options: Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` })) },
];

export function AuditPage() {
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [data, setData] = useState<AuditPageData | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setData(await api.get<AuditPageData>(`/audit${auditQuery(filters, page, pageSize)}`));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [filters, page, pageSize]);

  useEffect(() => {
    void load();
  }, [load]);

  const columns: TableColumnsType<AuditEvent> = [
    { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
    { title: '操作人', dataIndex: 'actorName', width: 170, render: (v: string) => v || <Typography.Text type="secondary">（未识别）</Typography.Text> },
    {
      title: '操作',
      dataIndex: 'action',
      width: 200,
      render: (v: string) => (
        <Tooltip title={v}>
          <span>{auditActionLabel(v)}</span>
        </Tooltip>
      ),
    },
    {
      title: '对象',
      key: 'object',
      width: 220,
      // Issue 15 item 4: the case by its 案号 (a link), the document and media record by number, people and agencies by name.
      render: (_, e) => {
        const parts: ReactNode[] = [];
        if (e.case) parts.push(<Link key="case" to={`/cases/${e.case.id}`}>案件 {e.case.number}</Link>);
        if (e.document) parts.push(<span key="doc">文书 {e.document.number}</span>);
        if (e.media) parts.push(<span key="media">音像记录 {e.media.number}</span>);
        if (!parts.length && e.objectType) parts.push(<span key="obj">{OBJECT_TYPE_LABELS[e.objectType] ?? '其他'}{e.objectName ? ` ${e.objectName}` : ''}</span>);
        if (!parts.length) return <Typography.Text type="secondary">—</Typography.Text>;
        return <Space orientation="vertical" size={0}>{parts}</Space>;
      },
    },
    {
      title: '结果',
      dataIndex: 'outcome',
      width: 80,
      render: (v: AuditOutcome) => {
        const o = AUDIT_OUTCOME_LABELS[v];
        return <Tag color={o?.color}>{o?.label ?? v}</Tag>;
      },
    },
    { title: 'IP 地址', dataIndex: 'ip', width: 130 },
    {
      title: '详情',
      key: 'detail',
      render: (_, e) => {
        const lines = auditDetailLines(e.action, e.detail);
        if (!lines.length) return <Typography.Text type="secondary">—</Typography.Text>;
        const text = lines.join('；');
        return (
          <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: 360 }}>
            {text}
          </Typography.Text>
        );
      },
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {/* The page's title is the layout's h1 (one h1 a page). */}
      <Card>
        <Form<Filters>
          form={form}
          layout="inline"
          style={{ rowGap: 12, marginBottom: 16 }}
          onFinish={(v) => {
            setPage(1);
            setFilters({ ...v });
          }}
        >
          <Form.Item label="时间" name="range">
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item label="操作" name="action">
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部操作" style={{ width: 260 }} options={ACTION_OPTIONS} />
          </Form.Item>
          <Form.Item label="结果" name="outcome">
            <Select<AuditOutcome>
              allowClear
              placeholder="全部"
              style={{ width: 110 }}
              options={(Object.keys(AUDIT_OUTCOME_LABELS) as AuditOutcome[]).map((k) => ({ value: k, label: AUDIT_OUTCOME_LABELS[k].label }))}
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                查询
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setPage(1);
                  setFilters({});
                }}
              >
                重置
              </Button>
              <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label="刷新" />
            </Space>
          </Form.Item>
        </Form>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Table<AuditEvent>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          scroll={{ x: 1100 }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (t) => `共 ${t} 条`,
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p);
              setPageSize(s);
            },
          }}
        />
      </Card>
    </Space>
  );
}
