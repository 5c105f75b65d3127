/**
 * 重大执法决定法制审核目录清单 (REV-2 · SX19-L 9 ¶2): the catalogue in force and
 * its versions; reviewers and the head edit the items (amounts, measures,
 * wording), adopt a new version, record the filing with the justice bureau
 * and export it (.docx, .xlsx). The server refuses a catalogue that drops a
 * situation the rules name.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, App, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { API_BASE, api, errorMessage, isApiError, query } from '../../api/client.js';
import { useMe } from '../../auth/session.js';
import type { CatalogueItem, CatalogueView, ReviewMeta } from './reviewApi.js';

function standardEditor(item: CatalogueItem, meta: ReviewMeta | null, onChange: (next: CatalogueItem) => void, editable: boolean) {
  const t = item.test;
  switch (t.type) {
    case 'fine':
    case 'confiscation':
      return (
        <Space>
          <InputNumber
            aria-label={`${item.label}金额`}
            min={1}
            step={10_000}
            disabled={!editable}
            value={t.atLeast}
            onChange={(v) => onChange({ ...item, test: { ...t, atLeast: Number(v ?? t.atLeast) } })}
          />
          元以上{t.type === 'fine' ? `（${t.party === 'organisation' ? '法人或者其他组织' : '公民、个体工商户'}）` : ''}
        </Space>
      );
    case 'measures':
      return (
        <Select
          mode="multiple"
          style={{ minWidth: 260 }}
          disabled={!editable}
          value={t.anyOf}
          options={meta?.measures.map((m) => ({ value: m.key, label: m.label })) ?? []}
          onChange={(v: string[]) => onChange({ ...item, test: { ...t, anyOf: v } })}
        />
      );
    case 'hearing':
      return (
        <Select
          style={{ minWidth: 220 }}
          disabled={!editable}
          value={t.scope}
          options={[
            { value: 'held', label: '已举行听证' },
            { value: 'requested', label: '要求听证或已举行听证' },
            { value: 'right', label: '有权要求听证' },
          ]}
          onChange={(v) => onChange({ ...item, test: { ...t, scope: v } })}
        />
      );
    default:
      return <Typography.Text type="secondary">{meta?.testTypes.find((x) => x.key === t.type)?.label ?? t.type}</Typography.Text>;
  }
}

export function CatalogueEditorPage() {
  const { me } = useMe();
  const { message } = App.useApp();
  const editable = me.roles.includes('legalReviewer') || me.roles.includes('agencyHead');
  const [version, setVersion] = useState<number | undefined>();
  const [view, setView] = useState<CatalogueView | null>(null);
  const [meta, setMeta] = useState<ReviewMeta | null>(null);
  const [items, setItems] = useState<CatalogueItem[]>([]);
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [filing, setFiling] = useState<{ open: boolean; filedWith: string; filingNumber: string; filedOn: Dayjs | null }>({ open: false, filedWith: '', filingNumber: '', filedOn: null });

  const load = useCallback(async () => {
    try {
      const [c, m] = await Promise.all([api.get<{ catalogue: CatalogueView }>(`/review/catalogue${query({ version })}`), api.get<ReviewMeta>('/review/meta')]);
      setView(c.catalogue);
      setMeta(m);
      setItems(c.catalogue.items);
      setTitle(c.catalogue.title);
      setNote(c.catalogue.note);
    } catch (e) {
      setError(e);
    }
  }, [version]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ catalogue: CatalogueView }>('/review/catalogue', { title, items, ...(note ? { note } : {}) });
      void message.success(`已确定第 ${res.catalogue.version} 版`);
      setVersion(undefined);
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const file = async () => {
    if (!view || !filing.filedOn) return;
    try {
      await api.post(`/review/catalogue/versions/${view.version}/filings`, { filedWith: filing.filedWith, filedOn: filing.filedOn.format('YYYY-MM-DD'), ...(filing.filingNumber ? { filingNumber: filing.filingNumber } : {}) });
      setFiling({ open: false, filedWith: '', filingNumber: '', filedOn: null });
      await load();
    } catch (e) {
      setError(e);
    }
  };

  if (!view) return error ? <Alert type="error" showIcon message={errorMessage(error)} /> : null;
  const update = (i: number) => (next: CatalogueItem) => setItems(items.map((x, j) => (j === i ? next : x)));
  const criterionLabel = (k: string) => meta?.criteria.find((c) => c.key === k)?.label ?? k;
  const columns: TableColumnsType<CatalogueItem> = [
    { title: '情形（目录标准）', dataIndex: 'criterion', width: 220, render: (k: string) => criterionLabel(k) },
    {
      title: '事项标准',
      dataIndex: 'label',
      render: (v: string, _item, i) => (editable ? <Input aria-label="事项标准" value={v} onChange={(e) => update(i)({ ...items[i]!, label: e.target.value })} /> : v),
    },
    { title: '标准', key: 'test', width: 320, render: (_: unknown, item, i) => standardEditor(item, meta, update(i), editable) },
    { title: '依据', dataIndex: 'basis', width: 220, render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
    ...(editable
      ? [
          {
            title: '',
            key: 'remove',
            width: 60,
            render: (_: unknown, _item: CatalogueItem, i: number) => (
              <Button type="link" danger onClick={() => setItems(items.filter((_x, j) => j !== i))}>
                删除
              </Button>
            ),
          },
        ]
      : []),
  ];
  const exportUrl = (format: 'docx' | 'xlsx') => `${API_BASE}/review/catalogue/export.${format}${query({ version: view.version || undefined })}`;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title="重大执法决定法制审核目录清单"
        extra={
          <Space>
            <Select
              style={{ width: 200 }}
              value={view.version}
              onChange={(v) => setVersion(v)}
              options={view.versions.length ? view.versions.map((v) => ({ value: v.version, label: `第 ${v.version} 版（${v.effectiveFrom}）` })) : [{ value: 0, label: '平台建议清单' }]}
            />
            <a href={exportUrl('docx')}>导出 Word</a>
            <a href={exportUrl('xlsx')}>导出 Excel</a>
          </Space>
        }
      >
        {error ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            message={errorMessage(error)}
            description={isApiError(error) && error.details.length ? error.details.map((d) => `${String(d.label ?? '')}：${String(d.reason ?? '')}`).join('；') : undefined}
          />
        ) : null}
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="机关">{view.agencyName}</Descriptions.Item>
          <Descriptions.Item label="版本">{view.adopted ? `第 ${view.version} 版` : <Tag>平台按 {view.profileId} 规则生成的建议清单，尚未确定</Tag>}</Descriptions.Item>
          <Descriptions.Item label="备案">
            {view.filings.length ? view.filings.map((f) => `${f.filedWith} ${f.filedOn}${f.filingNumber ? `（${f.filingNumber}）` : ''}`).join('；') : '尚未备案'}
            {editable && view.adopted ? (
              <Button type="link" size="small" onClick={() => setFiling({ ...filing, open: true })}>
                记录备案
              </Button>
            ) : null}
          </Descriptions.Item>
        </Descriptions>
        {editable ? (
          <Space style={{ margin: '12px 0' }} wrap>
            <Input style={{ width: 280 }} value={title} onChange={(e) => setTitle(e.target.value)} aria-label="清单名称" />
            <Input style={{ width: 320 }} value={note} onChange={(e) => setNote(e.target.value)} placeholder="说明" aria-label="说明" />
            <Button type="primary" loading={busy} onClick={save}>
              确定为新版本
            </Button>
          </Space>
        ) : null}
        <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={items} />
      </Card>
      <Modal title="记录报司法行政部门备案" open={filing.open} onOk={file} onCancel={() => setFiling({ ...filing, open: false })} okButtonProps={{ disabled: !filing.filedWith || !filing.filedOn }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input placeholder="备案机关（如：太原市司法局）" value={filing.filedWith} onChange={(e) => setFiling({ ...filing, filedWith: e.target.value })} />
          <DatePicker value={filing.filedOn} onChange={(d) => setFiling({ ...filing, filedOn: d })} />
          <Input placeholder="备案号（可选）" value={filing.filingNumber} onChange={(e) => setFiling({ ...filing, filingNumber: e.target.value })} />
        </Space>
      </Modal>
    </Space>
  );
}
