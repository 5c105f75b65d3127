/**
 * 案件列表: the cases the user may read (own agency; heads and supervisors
 * also those below), filtered by stage, action type and a search over 案号,
 * name and party, each with its stage and its most urgent open deadline.
 * Filters live in the address, so going back keeps them.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, errorMessage, query } from '../../api/client.js';
import { caseUrl, type CaseListItem, type CaseListPage as CasePage, type CaseDeadline } from '../../api/cases.js';
import { useMe } from '../../auth/session.js';
import { DeadlineBadge } from '../../components/cases/DeadlineBadge.js';
import { CASE_STAGES, CASE_STAGE_LABELS, ARCHIVED_LABEL, type CaseState } from '../../domain.js';
import { useCaseMeta } from '../../lib/caseMeta.js';
import { STAGE_COLORS, hasAnyRole, rolesFor } from '../../lib/cases.js';
import { NewCaseModal } from './NewCaseModal.js';

const STATE_OPTIONS = [...CASE_STAGES.map((s) => ({ value: s as CaseState, label: CASE_STAGE_LABELS[s] })), { value: 'archived' as CaseState, label: ARCHIVED_LABEL }];

export function CaseListPage() {
  const { me } = useMe();
  const navigate = useNavigate();
  const { meta, error: metaError } = useCaseMeta();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? undefined;
  const actionType = params.get('actionType') ?? undefined;
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const [search, setSearch] = useState(q);
  const [data, setData] = useState<CasePage>({ total: 0, items: [] });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const canCreate = hasAnyRole(me.roles, rolesFor('case.create'));
  const canCreateParty = hasAnyRole(me.roles, rolesFor('party.write'));

  const update = (next: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '') p.delete(k);
      else p.set(k, String(v));
    }
    setParams(p, { replace: true });
  };

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setData(await api.get<CasePage>(`/cases${query({ state, actionType, q: q.trim(), page, pageSize })}`));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [state, actionType, q, page, pageSize]);

  useEffect(() => {
    void load();
  }, [load]);

  const columns: TableColumnsType<CaseListItem> = [
    { title: '案号', dataIndex: 'caseNumber', width: 200, render: (v: string, c) => <Link to={caseUrl(c.id)}>{v}</Link> },
    { title: '案件名称', dataIndex: 'title', ellipsis: true },
    { title: '当事人', dataIndex: 'partyName', width: 180, ellipsis: true, render: (v: string | null) => v ?? <Typography.Text type="secondary">未登记</Typography.Text> },
    { title: '执法类别', dataIndex: 'actionTypeLabel', width: 100 },
    { title: '环节', dataIndex: 'state', width: 100, render: (s: CaseState, c) => <Tag color={STAGE_COLORS[s]}>{c.stateLabel}</Tag> },
    {
      title: '期限',
      dataIndex: 'nextDeadline',
      width: 130,
      render: (d: CaseDeadline | null) => (d ? <DeadlineBadge deadline={d} /> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { title: '立案时间', dataIndex: 'createdAt', width: 140, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {/* The page's title is the layout's h1 (one h1 a page). */}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<CaseState>
            aria-label="环节"
            allowClear
            placeholder="全部环节"
            style={{ width: 140 }}
            value={state as CaseState | undefined}
            options={STATE_OPTIONS}
            onChange={(v) => update({ state: v, page: undefined })}
          />
          <Select
            aria-label="执法类别"
            allowClear
            placeholder="全部执法类别"
            style={{ width: 160 }}
            value={actionType}
            options={meta?.actionTypes.map((t) => ({ value: t.key, label: t.label })) ?? []}
            onChange={(v: string | undefined) => update({ actionType: v, page: undefined })}
          />
          <Input.Search
            aria-label="搜索案件"
            allowClear
            placeholder="案号、案件名称或当事人"
            style={{ width: 280 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => update({ q: v.trim(), page: undefined })}
            enterButton="查询"
          />
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            刷新
          </Button>
          {canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} disabled={!meta} onClick={() => setCreating(true)}>
              新建案件
            </Button>
          ) : null}
        </Space>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        {metaError ? <Alert type="warning" showIcon title={`无法读取案件配置：${metaError}`} style={{ marginBottom: 16 }} /> : null}
        <Table<CaseListItem>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={data.items}
          locale={{ emptyText: '暂无案件' }}
          pagination={{
            current: page,
            pageSize,
            total: data.total,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 件`,
            onChange: (p, s) => update({ page: p === 1 ? undefined : p, pageSize: s === 20 ? undefined : s }),
          }}
          onRow={(c) => ({ onDoubleClick: () => navigate(caseUrl(c.id)) })}
          scroll={{ x: 1000 }}
        />
      </Card>
      {creating && meta ? (
        <NewCaseModal
          meta={meta}
          meId={me.id}
          canCreateParty={canCreateParty}
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            navigate(caseUrl(c.id));
          }}
        />
      ) : null}
    </Space>
  );
}
