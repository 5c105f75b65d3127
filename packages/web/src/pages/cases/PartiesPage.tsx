/**
 * 当事人: the agency's party registry (contacts and addresses are private,
 * PUB-4), searchable by name or 统一社会信用代码, and 新建当事人 for those
 * who register parties (NAT-13: the server checks the numbers).
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorMessage, query } from '../../api/client.js';
import type { Party } from '../../api/cases.js';
import { useMe } from '../../auth/session.js';
import { PartyFormModal } from '../../components/cases/PartyFormModal.js';
import { CONTACT_KIND_LABELS, ID_TYPE_LABELS, PARTY_KIND_LABELS, type PartyKind } from '../../domain.js';
import { hasAnyRole, rolesFor } from '../../lib/cases.js';

function identity(p: Party): string {
  if (p.kind === 'naturalPerson') return p.idNumber ? `${p.idType ? (ID_TYPE_LABELS[p.idType] ?? p.idType) : '证件'} ${p.idNumber}` : '—';
  return p.creditCode ?? '—';
}

export function PartiesPage() {
  const { me } = useMe();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Party[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const canCreate = hasAnyRole(me.roles, rolesFor('party.write'));

  const load = useCallback(async (search: string) => {
    setLoading(true);
    setError(null);
    try {
      const { items: list } = await api.get<{ items: Party[] }>(`/parties${query({ q: search.trim() })}`);
      setItems(list);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load('');
  }, [load]);

  const columns: TableColumnsType<Party> = [
    {
      title: '名称',
      dataIndex: 'name',
      render: (v: string, p) => (
        <Space size={4}>
          <Typography.Text strong>{v}</Typography.Text>
          {p.minor ? <Tag color="orange">未成年人</Tag> : null}
        </Space>
      ),
    },
    { title: '类别', dataIndex: 'kind', width: 150, render: (k: PartyKind) => PARTY_KIND_LABELS[k] ?? k },
    { title: '证件号码 / 统一社会信用代码', key: 'identity', width: 260, render: (_, p) => identity(p) },
    { title: '法定代表人（负责人）/ 经营者', key: 'rep', width: 180, render: (_, p) => p.legalRepresentative?.name ?? p.operator?.name ?? '—' },
    { title: '住所（地址）', dataIndex: 'address', ellipsis: true },
    {
      title: '联系方式',
      dataIndex: 'contacts',
      width: 200,
      render: (cs: Party['contacts']) => (cs?.length ? cs.map((c) => `${CONTACT_KIND_LABELS[c.kind] ?? c.kind} ${c.value}`).join('；') : '—'),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {/* The page's title is the layout's h1 (one h1 a page). */}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search aria-label="搜索当事人" allowClear placeholder="名称或统一社会信用代码" style={{ width: 300 }} value={q} onChange={(e) => setQ(e.target.value)} onSearch={(v) => void load(v)} enterButton="查询" />
          {canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建当事人
            </Button>
          ) : null}
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          当事人的证件号码、联系方式和地址仅供办案使用，不予公开。
        </Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Table<Party> rowKey="id" size="middle" loading={loading} columns={columns} dataSource={items} pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个` }} locale={{ emptyText: '暂无当事人' }} scroll={{ x: 'max-content' }} />
      </Card>
      {creating ? (
        <PartyFormModal
          onClose={() => setCreating(false)}
          onCreated={(p) => {
            setCreating(false);
            message.success(`已登记当事人 ${p.name}`);
            void load(q);
          }}
        />
      ) : null}
    </Space>
  );
}
