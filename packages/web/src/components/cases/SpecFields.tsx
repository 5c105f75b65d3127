/**
 * A form generated from a document kind's field specs (REC-2: unified
 * document formats): one input per field type, required markers that follow
 * the status being reached (and `requiredWhen` conditions as they change),
 * confirmations that must be ticked, dynamic lists, and each field's rule and
 * hint under it. The same field checks as the server (core `valueProblem`,
 * `validateDocumentFields`) run before a document is signed or issued.
 */
import { Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { isAbsent, isRequired, validateDocumentFields, validateFields, valueProblem, type DocumentKindSpec, type DocumentStatus, type FieldSpec } from '../../domain.js';
import type { MissingDetail } from '../../api/cases.js';

export type FormValues = Record<string, unknown>;

export const DATE_FORMAT = 'YYYY-MM-DD';
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';

const isDayjs = (v: unknown): v is Dayjs => dayjs.isDayjs(v);

/** API value → form value (dates to dayjs, lists padded to their minimum length). */
export function toFormValue(spec: FieldSpec, v: unknown): unknown {
  switch (spec.type) {
    case 'date':
    case 'dateTime': {
      if (typeof v !== 'string' || !v) return undefined;
      const d = dayjs(v);
      return d.isValid() ? d : undefined;
    }
    case 'textList': {
      const list = Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : String(x))) : [];
      while (list.length < Math.max(spec.minItems ?? 1, 1)) list.push('');
      return list;
    }
    case 'choiceList':
      return Array.isArray(v) ? v : [];
    default:
      return v === null ? undefined : v;
  }
}

export function toFormValues(specs: readonly FieldSpec[], values: Readonly<Record<string, unknown>>): FormValues {
  return Object.fromEntries(specs.map((s) => [s.key, toFormValue(s, values[s.key])]));
}

/** Form value → API value; empty becomes null so that a cleared field is cleared on the server too. */
export function fromFormValue(spec: FieldSpec, v: unknown): unknown {
  switch (spec.type) {
    case 'date':
      return isDayjs(v) ? v.format(DATE_FORMAT) : null;
    case 'dateTime':
      // ISO 8601 with the offset, e.g. 2026-03-02T09:00:00+08:00.
      return isDayjs(v) ? v.second(0).millisecond(0).format('YYYY-MM-DDTHH:mm:ssZ') : null;
    case 'boolean':
      return typeof v === 'boolean' ? v : null;
    case 'integer':
    case 'money':
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    case 'textList':
    case 'choiceList': {
      const list = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter((x) => x !== '') : [];
      return list.length ? list : null;
    }
    default:
      if (typeof v !== 'string') return v === undefined ? null : v;
      return v.trim() === '' ? null : v.trim();
  }
}

export function fromFormValues(specs: readonly FieldSpec[], values: FormValues): Record<string, unknown> {
  return Object.fromEntries(specs.map((s) => [s.key, fromFormValue(s, values[s.key])]));
}

/** Drops the null entries (for creating a document from prefilled values). */
export function compact(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => !isAbsent(v)));
}

/**
 * What stops `values` from reaching `status`: the kind's fields and named
 * checks (signatures, certificate count) when the kind is known, else the
 * fields alone. Each item names its field in `id`.
 */
export function checkBeforeFinalize(kind: DocumentKindSpec | readonly FieldSpec[], values: Record<string, unknown>, status: DocumentStatus): MissingDetail[] {
  const r = Array.isArray(kind) ? validateFields(kind as readonly FieldSpec[], values, status) : validateDocumentFields(kind as DocumentKindSpec, values, { status });
  return r.ok ? [] : [...r.missing, ...r.invalid];
}

/** Field errors for `form.setFields` from missing items whose id is a field of the form. */
export function fieldErrors(specs: readonly FieldSpec[], items: readonly MissingDetail[]): { name: string; errors: string[] }[] {
  const keys = new Set(specs.map((s) => s.key));
  const out = new Map<string, string[]>();
  for (const m of items) {
    if (!m.id || !keys.has(m.id)) continue;
    out.set(m.id, [...(out.get(m.id) ?? []), m.reason]);
  }
  return [...out].map(([name, errors]) => ({ name, errors }));
}

function conditionText(spec: FieldSpec, specs: readonly FieldSpec[]): string | null {
  const w = spec.requiredWhen;
  if (!w) return null;
  const other = specs.find((s) => s.key === w.field);
  const label = other?.label ?? w.field;
  if (other?.type === 'boolean') return w.equals === true ? `勾选“${label}”时必填` : `未勾选“${label}”时必填`;
  const option = other?.options?.find((o) => o.value === w.equals)?.label ?? String(w.equals);
  return `“${label}”为“${option}”时必填`;
}

function Extra({ spec, specs, status, required }: { spec: FieldSpec; specs: readonly FieldSpec[]; status: DocumentStatus; required: boolean }) {
  const parts: ReactNode[] = [];
  if (spec.hint) parts.push(<span key="hint">{spec.hint}</span>);
  if (spec.mustBeTrue) parts.push(<span key="confirm">{required ? '须勾选确认后方可签署' : '须如实勾选确认'}</span>);
  if (spec.required === 'onIssue' && status !== 'issued') parts.push(<span key="issue">签发时必填</span>);
  if (spec.required === 'onIssue' && status === 'issued') parts.push(<span key="issue">签发时必填（文号、日期由系统在签发时填写）</span>);
  const cond = conditionText(spec, specs);
  if (cond) parts.push(<span key="cond">{cond}</span>);
  if (spec.type === 'textList' && spec.minItems) parts.push(<span key="min">至少 {spec.minItems} 项</span>);
  if (!parts.length && !spec.rule) return null;
  return (
    <Space size={[8, 0]} wrap className="sx-field-extra" data-field-extra={spec.key}>
      {parts.map((p, i) => (
        <Typography.Text key={i} type="secondary" style={{ fontSize: 12 }}>
          {p}
        </Typography.Text>
      ))}
      {spec.rule ? (
        <Tag className="sx-rule-tag" style={{ fontSize: 11 }}>
          依据 {spec.rule}
        </Tag>
      ) : null}
    </Space>
  );
}

function typeRule(spec: FieldSpec) {
  return {
    validator: async (_rule: unknown, v: unknown) => {
      const value = fromFormValue(spec, v);
      if (isAbsent(value)) return;
      const problem = valueProblem(spec, value);
      if (problem) throw new Error(problem);
    },
  };
}

/** Fields the server fills in when it issues the document (the 文号 is taken then, REC-15). */
const SYSTEM_FIELDS: Readonly<Record<string, string>> = { documentNumber: '签发时由系统编号' };

/** The input for a field type; Form.Item hands it `id`, `value`/`checked` and `onChange`, passed on as they are. */
function Widget({ spec, ...control }: { spec: FieldSpec } & Record<string, unknown>) {
  const options = spec.options?.map((o) => ({ value: o.value, label: o.label })) ?? [];
  if (spec.type === 'text' && SYSTEM_FIELDS[spec.key]) return <Input {...control} disabled placeholder={SYSTEM_FIELDS[spec.key]} style={{ maxWidth: 320 }} />;
  switch (spec.type) {
    case 'longText':
      return <Input.TextArea {...control} autoSize={{ minRows: 3, maxRows: 12 }} />;
    case 'date':
      return <DatePicker {...control} format={DATE_FORMAT} style={{ width: 200 }} />;
    case 'dateTime':
      return <DatePicker {...control} showTime={{ format: 'HH:mm' }} format={DATE_TIME_FORMAT} style={{ width: 220 }} />;
    case 'boolean':
      return <Checkbox {...control}>{spec.mustBeTrue ? '已确认' : '是'}</Checkbox>;
    case 'integer':
      return <InputNumber {...control} precision={0} {...(spec.min !== undefined ? { min: spec.min } : {})} {...(spec.max !== undefined ? { max: spec.max } : {})} style={{ width: 200 }} />;
    case 'money':
      return <InputNumber {...control} min={spec.min ?? 0} {...(spec.max !== undefined ? { max: spec.max } : {})} precision={2} suffix="元" style={{ width: 220 }} />;
    case 'choice':
      return <Select {...control} allowClear options={options} placeholder="请选择" style={{ maxWidth: 480 }} />;
    case 'choiceList':
      return <Select {...control} mode="multiple" allowClear options={options} placeholder="请选择（可多选）" style={{ maxWidth: 640 }} />;
    case 'creditCode':
      return <Input {...control} maxLength={18} style={{ maxWidth: 260 }} placeholder="18 位统一社会信用代码" />;
    case 'idNumber':
      return <Input {...control} maxLength={18} style={{ maxWidth: 260 }} placeholder="18 位居民身份证号码" />;
    default:
      return <Input {...control} />;
  }
}

function ListField({ spec, required, extra, readOnly }: { spec: FieldSpec; required: boolean; extra: ReactNode; readOnly: boolean }) {
  return (
    <Form.Item label={spec.label} required={required} extra={extra} className="sx-list-field" data-field={spec.key}>
      <Form.List name={spec.key} rules={[typeRule(spec)]}>
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, i) => (
              <div key={f.key} className="sx-list-row">
                <Form.Item name={f.name} noStyle>
                  <Input aria-label={`${spec.label}第${i + 1}项`} placeholder={`第 ${i + 1} 项`} />
                </Form.Item>
                {readOnly ? null : <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除${spec.label}第${i + 1}项`} onClick={() => remove(f.name)} />}
              </div>
            ))}
            {readOnly ? null : (
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add('')}>
                添加一项
              </Button>
            )}
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

function SpecItem({ spec, specs, status, readOnly, required }: { spec: FieldSpec; specs: readonly FieldSpec[]; status: DocumentStatus; readOnly: boolean; required: boolean }) {
  const extra = <Extra spec={spec} specs={specs} status={status} required={required} />;
  if (spec.type === 'textList') return <ListField spec={spec} required={required} extra={extra} readOnly={readOnly} />;
  return (
    <Form.Item
      name={spec.key}
      label={spec.label}
      required={required}
      extra={extra}
      rules={[typeRule(spec)]}
      data-field={spec.key}
      {...(spec.type === 'boolean' ? { valuePropName: 'checked' } : {})}
    >
      <Widget spec={spec} />
    </Form.Item>
  );
}

/** Types that take the whole width; the others sit two to a row on wide screens. */
const WIDE = new Set<FieldSpec['type']>(['longText', 'textList', 'choiceList']);

/**
 * The inputs of `specs`, for use inside a `<Form>`. `status` is the status the
 * document will reach (its kind's final status): it decides the required
 * markers. The form is read-only when the Form itself is `disabled`.
 */
export function SpecFields({ specs, status, readOnly = false }: { specs: readonly FieldSpec[]; status: DocumentStatus; readOnly?: boolean }) {
  return (
    <Row gutter={24}>
      {specs.map((spec) => (
        <Col key={spec.key} xs={24} lg={WIDE.has(spec.type) ? 24 : 12}>
          {spec.requiredWhen ? (
            <Form.Item noStyle dependencies={[spec.requiredWhen.field]}>
              {({ getFieldValue }) => {
                const other = specs.find((s) => s.key === spec.requiredWhen!.field);
                const current = other ? fromFormValue(other, getFieldValue(other.key)) : getFieldValue(spec.requiredWhen!.field);
                const required = isRequired(spec, { [spec.requiredWhen!.field]: current }, status);
                return <SpecItem spec={spec} specs={specs} status={status} readOnly={readOnly} required={required} />;
              }}
            </Form.Item>
          ) : (
            <SpecItem spec={spec} specs={specs} status={status} readOnly={readOnly} required={isRequired(spec, {}, status)} />
          )}
        </Col>
      ))}
    </Row>
  );
}
