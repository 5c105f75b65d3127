/** Choose a party of the agency (search by name or 统一社会信用代码), or register a new one on the spot. */
import { useEffect, useRef, useState } from 'react';
import { Button, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, query } from '../../api/client.js';
import type { Party } from '../../api/cases.js';
import { PARTY_KIND_LABELS } from '../../domain.js';
import { PartyFormModal } from './PartyFormModal.js';

export function partyLabel(p: Pick<Party, 'name' | 'kind' | 'creditCode'>): string {
  return `${p.name}（${PARTY_KIND_LABELS[p.kind]}${p.creditCode ? ` · ${p.creditCode}` : ''}）`;
}

export function PartyPicker({ value, onChange, canCreate = true, id }: { value?: string | null; onChange?: (id: string | null, party?: Party) => void; canCreate?: boolean; id?: string }) {
  const [items, setItems] = useState<Party[]>([]);
  const [loading, setLoading] = useState(false);
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState('');
  const seq = useRef(0);

  useEffect(() => {
    const n = ++seq.current;
    setLoading(true);
    const t = setTimeout(() => {
      api
        .get<{ items: Party[] }>(`/parties${query({ q: search.trim() })}`)
        .then(({ items: list }) => {
          if (n === seq.current) setItems((prev) => mergeSelected(list, prev, value));
        })
        .catch(() => undefined)
        .finally(() => n === seq.current && setLoading(false));
    }, 250);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select<string>
        {...(id ? { id } : {})}
        showSearch={{ filterOption: false, onSearch: setSearch }}
        allowClear
        loading={loading}
        placeholder="搜索当事人名称或统一社会信用代码"
        value={value ?? undefined}
        onChange={(v) => onChange?.(v ?? null, items.find((p) => p.id === v))}
        options={items.map((p) => ({ value: p.id, label: partyLabel(p) }))}
        notFoundContent={loading ? '查询中…' : '没有找到，可新建当事人'}
        style={{ flex: 1 }}
      />
      {canCreate ? (
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建当事人
        </Button>
      ) : null}
      {creating ? (
        <PartyFormModal
          {...(search.trim() ? { initialName: search.trim() } : {})}
          onClose={() => setCreating(false)}
          onCreated={(p) => {
            setCreating(false);
            setItems((list) => [p, ...list.filter((x) => x.id !== p.id)]);
            onChange?.(p.id, p);
          }}
        />
      ) : null}
    </Space.Compact>
  );
}

function mergeSelected(list: Party[], prev: Party[], selected: string | null | undefined): Party[] {
  const keep = selected ? prev.find((p) => p.id === selected) : undefined;
  return keep && !list.some((p) => p.id === keep.id) ? [keep, ...list] : list;
}
