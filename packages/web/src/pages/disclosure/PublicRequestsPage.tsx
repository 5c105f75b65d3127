/**
 * 更正与投诉: the public's correction requests (PUB-9) and complaints
 * (PUB-10) about published information, with the verification and answer
 * deadlines (GS-P 17) as badges; a request opens in a drawer (?open=id).
 */
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { errorMessage } from '../../api/client.js';
import { useMe } from '../../auth/session.js';
import { DueBadge } from './DueBadge.js';
import { PublicRequestDrawer } from './PublicRequestDrawer.js';
import { disclosureApi, disclosureRoles, type PublicRequest, type PublicRequestKind } from './disclosureApi.js';

export function usePublicRequests(status: 'open' | 'all', kind: PublicRequestKind | undefined) {
  const [items, setItems] = useState<PublicRequest[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setItems((await disclosureApi.requests({ status: status === 'all' ? undefined : status, kind })).items);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [status, kind]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { items, loading, error, reload };
}

export function PublicRequestsPage() {
  const { me } = useMe();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') === 'all' ? 'all' : 'open';
  const kind = (['correction', 'complaint'] as const).find((k) => k === params.get('kind'));
  const openId = params.get('open');
  const list = usePublicRequests(status, kind);
  const canHandle = disclosureRoles(me.roles).handlesRequests;

  const update = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined) p.delete(k);
      else p.set(k, v);
    }
    setParams(p, { replace: true });
  };

  const columns: TableColumnsType<PublicRequest> = [
    { title: '类型', dataIndex: 'kindLabel', width: 100, render: (v: string, r) => <Tag color={r.kind === 'correction' ? 'blue' : 'purple'}>{v}</Tag> },
    { title: '查询码', dataIndex: 'trackingCode', width: 130 },
    { title: '申请人', dataIndex: 'requesterName', width: 140 },
    { title: '内容', dataIndex: 'content', ellipsis: true },
    { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
    { title: '状态', dataIndex: 'statusLabel', width: 200 },
    { title: '期限', dataIndex: 'due', width: 190, render: (_: unknown, r) => <DueBadge due={r.due} /> },
    {
      title: '',
      key: 'open',
      width: 80,
      render: (_: unknown, r) => (
        <Button type="link" size="small" onClick={() => update({ open: r.id })}>
          {canHandle && (r.status === 'received' || r.status === 'verified') ? '办理' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title="更正与投诉"
      extra={
        <Space wrap>
          <Segmented
            value={status}
            onChange={(v) => update({ status: v === 'all' ? 'all' : undefined })}
            options={[
              { value: 'open', label: '待处理' },
              { value: 'all', label: '全部' },
            ]}
          />
          <Select
            style={{ width: 140 }}
            aria-label="类型"
            value={kind ?? 'any'}
            onChange={(v) => update({ kind: v === 'any' ? undefined : v })}
            options={[
              { value: 'any', label: '全部类型' },
              { value: 'correction', label: '更正申请' },
              { value: 'complaint', label: '投诉举报' },
            ]}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        公众对公示信息提出的更正申请和投诉。更正申请须先核实，再更正、不予更正（说明理由和救济途径）或转送有权机关；期限按本机关适用的规则配置计算。
      </Typography.Paragraph>
      {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} /> : null}
      <Table rowKey="id" size="middle" loading={list.loading} columns={columns} dataSource={list.items} locale={{ emptyText: status === 'open' ? '没有待处理的更正申请或投诉' : '没有记录' }} pagination={{ pageSize: 20, showSizeChanger: false }} />
      <PublicRequestDrawer id={openId} canHandle={canHandle} onClose={() => update({ open: undefined })} onChanged={() => void list.reload()} />
    </Card>
  );
}
