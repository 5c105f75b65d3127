/**
 * The content of one ex-ante section: its list as a table (every column of
 * the section's spec, with edit and delete when editable, and a row form in
 * a modal), its single fields, and its note. The row form runs the same
 * checks as the server (core disclosure/exante.ts) before a row is kept.
 */
import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { FREQUENCY_PERIOD_LABELS, exAnteProblems, formatExAnteValue, type ExAnteContent, type ExAnteField, type ExAnteRow, type ExAnteSectionSpec, type ExAnteValue, type Frequency } from '../../domain.js';

/** A value as the portal shows it; lists one per line. */
export function ValueText({ field, value }: { field: ExAnteField; value: ExAnteValue | undefined }) {
  if (value === undefined) return null;
  if (field.type === 'lines') {
    return (
      <ol style={{ margin: 0, paddingLeft: '1.2em' }}>
        {(value as readonly string[]).map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ol>
    );
  }
  return <span style={{ whiteSpace: 'pre-wrap' }}>{formatExAnteValue(field, value)}</span>;
}

type FormValues = Record<string, unknown>;

function toForm(spec: ExAnteSectionSpec, row: ExAnteRow | null): FormValues {
  const out: FormValues = {};
  for (const f of spec.rows ?? []) {
    const v = row?.[f.key];
    out[f.key] = f.type === 'lines' ? ((v as string[] | undefined) ?? []).join('\n') : v;
  }
  return out;
}

function fromForm(spec: ExAnteSectionSpec, values: FormValues): ExAnteRow {
  const row: ExAnteRow = {};
  for (const f of spec.rows ?? []) {
    const v = values[f.key];
    if (v === undefined || v === null) continue;
    if (f.type === 'lines') {
      const lines = String(v)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      if (lines.length) row[f.key] = lines;
    } else if (f.type === 'frequency') {
      const fr = v as Partial<Frequency>;
      if (fr.per && typeof fr.times === 'number') row[f.key] = { per: fr.per, times: fr.times };
    } else if (typeof v === 'number') {
      row[f.key] = v;
    } else if (String(v).trim()) {
      row[f.key] = String(v).trim();
    }
  }
  return row;
}

/** The input for one field (inside a Form.Item named after the field). */
export function FieldInput({ field, ...rest }: { field: ExAnteField; id?: string; value?: unknown; onChange?: (v: unknown) => void }) {
  const common = { id: rest.id, 'aria-label': field.label };
  switch (field.type) {
    case 'longText':
      return <Input.TextArea {...common} autoSize={{ minRows: 2, maxRows: 8 }} value={(rest.value as string) ?? ''} onChange={(e) => rest.onChange?.(e.target.value)} />;
    case 'lines':
      return <Input.TextArea {...common} autoSize={{ minRows: 3, maxRows: 10 }} placeholder={field.hint ?? '每行一项'} value={(rest.value as string) ?? ''} onChange={(e) => rest.onChange?.(e.target.value)} />;
    case 'choice':
      return <Select {...common} style={{ minWidth: 200 }} value={rest.value as string | undefined} onChange={(v) => rest.onChange?.(v)} options={(field.options ?? []).map((o) => ({ value: o, label: o }))} />;
    case 'percent':
      // No min/max or precision: an out-of-range value is explained by the shared check, not silently clamped.
      return <InputNumber {...common} step={1} suffix="%" value={rest.value as number | undefined} onChange={(v) => rest.onChange?.(v ?? undefined)} />;
    case 'positiveInt':
      return <InputNumber {...common} step={1} value={rest.value as number | undefined} onChange={(v) => rest.onChange?.(v ?? undefined)} />;
    case 'frequency': {
      const v = (rest.value as Partial<Frequency> | undefined) ?? {};
      return (
        <Space.Compact>
          <Select
            aria-label={`${field.label}周期`}
            style={{ width: 120 }}
            value={v.per}
            onChange={(per) => rest.onChange?.({ ...v, per })}
            options={Object.entries(FREQUENCY_PERIOD_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <InputNumber aria-label={`${field.label}次数`} step={1} value={v.times} onChange={(times) => rest.onChange?.({ ...v, times: times ?? undefined })} suffix="次" />
        </Space.Compact>
      );
    }
    default:
      return <Input {...common} placeholder={field.type === 'date' ? 'YYYY-MM-DD' : undefined} value={(rest.value as string) ?? ''} onChange={(e) => rest.onChange?.(e.target.value)} />;
  }
}

function RowModal({ spec, row, onOk, onCancel }: { spec: ExAnteSectionSpec; row: ExAnteRow | null; onOk: (row: ExAnteRow) => void; onCancel: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const [problems, setProblems] = useState<string[]>([]);
  const ok = () => {
    const next = fromForm(spec, form.getFieldsValue(true));
    // The server's checks for one row (required fields, ratio, frequency cap …).
    const found = exAnteProblems(spec.key, { rows: [next] }).filter((p) => p.row === 0);
    setProblems(found.map((p) => `“${p.label}”：${p.reason}`));
    if (found.length === 0) onOk(next);
  };
  return (
    <Modal open title={`${row ? '修改' : '新增'}${spec.rowLabel ?? ''}`} onOk={ok} onCancel={onCancel} okText="确定" cancelText="取消" width={720} destroyOnHidden>
      {problems.length ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title="请补正以下内容" description={problems.join('；')} /> : null}
      <Form form={form} layout="vertical" initialValues={toForm(spec, row)}>
        {(spec.rows ?? []).map((f) => (
          <Form.Item key={f.key} name={f.key} label={f.label} required={f.required} extra={f.hint}>
            <FieldInput field={f} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

/**
 * The list and fields of a section. With `onChange` the list can be edited
 * (a row at a time, in a modal) and the fields typed in; without, read-only.
 */
export function ExAnteContentView({ spec, content, onChange }: { spec: ExAnteSectionSpec; content: ExAnteContent; onChange?: (next: ExAnteContent) => void }) {
  const [editing, setEditing] = useState<{ index: number | null } | null>(null);
  const rows = content.rows ?? [];
  const editable = !!onChange;
  const columns: TableColumnsType<ExAnteRow & { _i: number }> = [
    { title: '序号', key: '_i', width: 64, render: (_: unknown, r) => r._i + 1 },
    ...(spec.rows ?? []).map((f) => ({ title: f.label, key: f.key, render: (_: unknown, r: ExAnteRow) => <ValueText field={f} value={r[f.key]} /> })),
    ...(editable
      ? [
          {
            title: '操作',
            key: '_actions',
            fixed: 'right' as const,
            width: 120,
            render: (_: unknown, r: ExAnteRow & { _i: number }) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing({ index: r._i })}>
                  修改
                </Button>
                <Button type="link" size="small" danger onClick={() => onChange!({ ...content, rows: rows.filter((_x, j) => j !== r._i) })}>
                  删除
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {spec.rows ? (
        <>
          {editable ? (
            <Button onClick={() => setEditing({ index: null })}>新增{spec.rowLabel ?? ''}</Button>
          ) : null}
          <Table
            rowKey="_i"
            size="small"
            bordered
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={columns}
            dataSource={rows.map((r, i) => ({ ...r, _i: i }))}
            locale={{ emptyText: `暂无${spec.rowLabel ?? '内容'}` }}
            data-testid="exante-rows"
          />
        </>
      ) : null}
      {spec.fields?.length ? (
        editable ? (
          <Form layout="vertical">
            {spec.fields.map((f) => (
              <Form.Item key={f.key} label={f.label} required={f.required} htmlFor={`exante-field-${f.key}`}>
                <FieldInput
                  field={f}
                  id={`exante-field-${f.key}`}
                  value={content.fields?.[f.key] ?? ''}
                  onChange={(v) => {
                    const fields = { ...(content.fields ?? {}) };
                    if (v === '' || v === undefined) delete fields[f.key];
                    else fields[f.key] = v as ExAnteValue;
                    onChange!({ ...content, fields });
                  }}
                />
              </Form.Item>
            ))}
          </Form>
        ) : (
          <dl className="sx-exante-fields" style={{ margin: 0 }}>
            {spec.fields.map((f) => (
              <div key={f.key} style={{ marginBottom: 8 }}>
                <dt>
                  <Typography.Text type="secondary">{f.label}</Typography.Text>
                </dt>
                <dd style={{ margin: 0 }}>
                  <ValueText field={f} value={content.fields?.[f.key]} />
                </dd>
              </div>
            ))}
          </dl>
        )
      ) : null}
      {editable ? (
        <Input.TextArea aria-label="说明" placeholder="说明（选填，随本栏目公开）" autoSize={{ minRows: 1, maxRows: 4 }} value={content.note ?? ''} onChange={(e) => onChange!({ ...content, note: e.target.value })} />
      ) : content.note ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{content.note}</Typography.Paragraph>
      ) : null}
      {editing ? (
        <RowModal
          spec={spec}
          row={editing.index === null ? null : (rows[editing.index] ?? null)}
          onCancel={() => setEditing(null)}
          onOk={(row) => {
            const next = editing.index === null ? [...rows, row] : rows.map((r, j) => (j === editing.index ? row : r));
            onChange!({ ...content, rows: next });
            setEditing(null);
          }}
        />
      ) : null}
    </Space>
  );
}
