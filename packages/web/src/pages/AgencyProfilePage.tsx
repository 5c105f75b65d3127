/**
 * 本机关规则 (REQUIREMENTS §8): the system administrator chooses the
 * agency's profile and configures the values the profile's documents leave
 * open (shown as 平台默认，须机关配置), e.g. the legal-review time limit under
 * GS19, each with the agency's own basis; then sees the rules in force.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Form, Input, InputNumber, Row, Segmented, Select, Space, Spin, Switch, Tag, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../api/client.js';
import type { Agency, AgencyProfile, ProfileSummary } from '../api/types.js';
import { useMe } from '../auth/session.js';
import { AgencySelect } from '../components/AgencySelect.js';
import { ParamTable, ParamValue } from '../components/RuleBits.js';
import {
  MAJOR_CRITERION_LABELS,
  MEASURE_LABELS,
  PARAM_INFO,
  PARAM_KEYS,
  PAUSE_REASON_LABELS,
  paramValueProblem,
  type AgencyOverride,
  type AgencyOverrides,
  type DeadlineSpec,
  type ParamKey,
  type ProfileId,
  type ResolvedProfile,
} from '../domain.js';
import { PERIOD_UNIT_LABELS } from '../lib/rules.js';

type Kind = (typeof PARAM_INFO)[ParamKey]['kind'];

/** What the form holds for one open value. */
export interface OpenValueFields {
  enabled?: boolean;
  basis?: string;
  note?: string;
  amount?: number | null;
  extension?: number | null;
  approval?: string;
  number?: number | null;
  list?: string[];
  organisation?: number | null;
  individual?: number | null;
  flag?: boolean;
}

const EDITABLE: readonly Kind[] = ['deadline', 'number', 'ratio', 'boolean', 'pauseReasons', 'criteria', 'measures', 'amounts'];

export function isEditable(key: ParamKey, value: unknown): boolean {
  const kind = PARAM_INFO[key].kind;
  if (!EDITABLE.includes(kind)) return false;
  return kind !== 'deadline' || (value as DeadlineSpec).kind === 'span';
}

/** Form fields from a value (the agency's, or the platform default). */
export function fieldsFromValue(key: ParamKey, value: unknown): OpenValueFields {
  switch (PARAM_INFO[key].kind) {
    case 'deadline': {
      const spec = value as DeadlineSpec;
      if (spec.kind !== 'span') return {};
      const first = spec.extensions[0];
      return { amount: spec.period.amount, extension: first?.amount ?? 0, approval: first?.approval ?? '经机关负责人批准' };
    }
    case 'number':
      return { number: value as number };
    case 'ratio':
      return { number: Number(((value as number) * 100).toFixed(4)) };
    case 'boolean':
      return { flag: value as boolean };
    case 'pauseReasons':
    case 'criteria':
    case 'measures':
      return { list: [...(value as string[])] };
    case 'amounts': {
      const a = value as { organisation: number; individual: number };
      return { organisation: a.organisation, individual: a.individual };
    }
    default:
      return {};
  }
}

/** The value to send from the form fields; `base` supplies what the form does not edit (a deadline's unit, anchor…). */
export function valueFromFields(key: ParamKey, f: OpenValueFields, base: unknown): unknown {
  switch (PARAM_INFO[key].kind) {
    case 'deadline': {
      const spec = base as DeadlineSpec;
      if (spec.kind !== 'span') return spec;
      const ext = f.extension ?? 0;
      return {
        ...spec,
        period: { unit: spec.period.unit, amount: f.amount ?? 0 },
        extensions: ext > 0 ? [{ amount: ext, approval: (f.approval ?? '').trim() || '经机关负责人批准' }] : [],
      };
    }
    case 'number':
      return f.number ?? null;
    case 'ratio':
      return typeof f.number === 'number' ? f.number / 100 : null;
    case 'boolean':
      return !!f.flag;
    case 'pauseReasons':
    case 'criteria':
    case 'measures':
      return f.list ?? [];
    case 'amounts':
      return { organisation: f.organisation ?? null, individual: f.individual ?? null };
    default:
      return base;
  }
}

/** Keys the profile's documents leave to the agency. */
export function openKeys(base: ResolvedProfile): ParamKey[] {
  return PARAM_KEYS.filter((k) => base.params[k]?.origin === 'default');
}

export function AgencyProfilePage() {
  const { me } = useMe();
  const [agencies, setAgencies] = useState<Agency[] | null>(null);
  const [profiles, setProfiles] = useState<ProfileSummary[]>([]);
  const [agencyId, setAgencyId] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .get<{ items: Agency[] }>('/agencies')
      .then(({ items }) => {
        setAgencies(items);
        const mine = items.find((a) => a.id === me.agencyId && a.abilities?.update);
        setAgencyId((mine ?? items.find((a) => a.abilities?.update))?.id);
      })
      .catch((e: unknown) => {
        setError(errorMessage(e));
        setAgencies([]);
      });
    api
      .get<{ items: ProfileSummary[] }>('/profiles')
      .then(({ items }) => setProfiles(items))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [me.agencyId]);

  const updatable = useCallback((a: Agency) => !!a.abilities?.update, []);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        本机关规则
      </Typography.Title>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Card>
        <Space wrap>
          <Typography.Text>机关：</Typography.Text>
          {agencies === null ? <Spin size="small" /> : <AgencySelect id="agency" agencies={agencies} value={agencyId} onChange={setAgencyId} enabled={updatable} style={{ minWidth: 320 }} />}
        </Space>
      </Card>
      {agencies && !agencies.some(updatable) ? <Empty description="没有可由您配置规则的机关" /> : null}
      {agencyId && profiles.length ? <AgencyProfileEditor key={agencyId} agencyId={agencyId} agencyName={agencies?.find((a) => a.id === agencyId)?.name ?? ''} profiles={profiles} /> : null}
    </Space>
  );
}

function AgencyProfileEditor({ agencyId, agencyName, profiles }: { agencyId: string; agencyName: string; profiles: ProfileSummary[] }) {
  const [current, setCurrent] = useState<AgencyProfile | null>(null);
  const [chosen, setChosen] = useState<ProfileId | undefined>(undefined);
  const [base, setBase] = useState<ResolvedProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const [show, setShow] = useState<'configured' | 'all'>('configured');
  const [form] = Form.useForm<{ items: Record<string, OpenValueFields> }>();
  const { message } = App.useApp();

  useEffect(() => {
    api
      .get<AgencyProfile>(`/agencies/${encodeURIComponent(agencyId)}/profile`)
      .then((p) => {
        setCurrent(p);
        setChosen(p.profileId);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [agencyId]);

  useEffect(() => {
    if (!chosen) return;
    let live = true;
    setBase(null);
    api
      .get<{ profile: ResolvedProfile }>(`/profiles/${encodeURIComponent(chosen)}`)
      .then(({ profile }) => live && setBase(profile))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [chosen]);

  const open = useMemo(() => (base ? openKeys(base) : []), [base]);
  const overrides: AgencyOverrides = current?.overrides ?? {};
  // Values the agency set on keys this form does not show: kept when the profile stays, dropped when it changes.
  const otherKeys = (Object.keys(overrides) as ParamKey[]).filter((k) => !open.includes(k));
  const profileChanged = !!current && chosen !== current.profileId;

  const initialItems = useMemo(() => {
    if (!base) return {};
    const items: Partial<Record<ParamKey, OpenValueFields>> = {};
    for (const k of open) {
      const o = overrides[k] as AgencyOverride<unknown> | undefined;
      items[k] = { enabled: !!o, basis: o?.basis ?? '', note: o?.note ?? '', ...fieldsFromValue(k, o?.value ?? base.params[k]?.value) };
    }
    return items;
  }, [base, current]);

  const save = async () => {
    if (!base || !chosen) return;
    let v: { items: Record<string, OpenValueFields> };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const next: Record<string, AgencyOverride<unknown>> = {};
    if (!profileChanged) for (const k of otherKeys) next[k] = overrides[k] as AgencyOverride<unknown>;
    const problems: Parameters<typeof form.setFields>[0] = [];
    for (const k of open) {
      const f = v.items?.[k];
      if (!f?.enabled || !isEditable(k, base.params[k]?.value)) continue;
      const value = valueFromFields(k, f, base.params[k]?.value);
      const problem = paramValueProblem(k, value);
      if (problem) {
        problems.push({ name: ['items', k, 'basis'] as ['items', string, 'basis'], errors: [`取值有误：${problem}`] });
        continue;
      }
      next[k] = { value, ...(f.basis?.trim() ? { basis: f.basis.trim() } : {}), ...(f.note?.trim() ? { note: f.note.trim() } : {}) };
    }
    if (problems.length) {
      form.setFields(problems);
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const res = await api.put<AgencyProfile>(`/agencies/${encodeURIComponent(agencyId)}/profile`, { profileId: chosen, overrides: next });
      setCurrent(res);
      setSaved(true);
      message.success('本机关规则已保存');
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!current) return <Spin />;

  const resolved = current.resolved;
  const shownKeys = show === 'all' ? PARAM_KEYS : PARAM_KEYS.filter((k) => ['agency', 'default'].includes(resolved.params[k]?.origin ?? ''));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={`${agencyName} · 规则配置`}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text>适用规则：</Typography.Text>
            <Select<ProfileId>
              aria-label="适用规则"
              style={{ minWidth: 420 }}
              value={chosen}
              onChange={(id) => {
                setChosen(id);
                setSaved(false);
              }}
              options={profiles.map((p) => ({ value: p.id, label: `${p.id} · ${p.name}` }))}
            />
            {current.profileId === chosen ? <Tag color="green">现行</Tag> : <Tag color="orange">将由 {current.profileId} 改为 {chosen}</Tag>}
          </Space>
          {profileChanged && otherKeys.length ? (
            <Alert
              type="warning"
              showIcon
              title={`改用 ${chosen} 后，以下本机关配置不再适用，保存时将移除：${otherKeys.map((k) => PARAM_INFO[k].label).join('、')}`}
            />
          ) : null}
          {!profileChanged && otherKeys.length ? (
            <Alert type="info" showIcon title={`另有本机关配置（保存时保留）：${otherKeys.map((k) => PARAM_INFO[k].label).join('、')}`} />
          ) : null}
          {!base ? (
            <Spin />
          ) : open.length === 0 ? (
            <Alert type="success" showIcon title="该规则的各项取值均由文件规定，无须本机关另行配置。" />
          ) : (
            <>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                以下各项文件未作规定，未配置前按平台默认值执行。请依本机关制度配置，并注明依据。
              </Typography.Paragraph>
              <Form form={form} layout="vertical" initialValues={{ items: initialItems }} key={`${base.id}:${current.profileId}`}>
                <Row gutter={[16, 16]}>
                  {open.map((k) => (
                    <Col key={k} xs={24} xl={12}>
                      <OpenValueCard paramKey={k} base={base} />
                    </Col>
                  ))}
                </Row>
              </Form>
            </>
          )}
          {saveError ? <Alert role="alert" type="error" showIcon title={saveError} /> : null}
          <div>
            <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!base} onClick={() => void save()}>
              保存
            </Button>
          </div>
        </Space>
      </Card>
      <Card
        title="生效规则"
        extra={
          <Segmented<'configured' | 'all'>
            value={show}
            onChange={setShow}
            options={[
              { value: 'configured', label: '本机关配置及平台默认项' },
              { value: 'all', label: '全部参数' },
            ]}
          />
        }
      >
        {saved ? <Alert type="success" showIcon title={`已保存。${agencyName}现适用 ${resolved.id} · ${resolved.name}，生效取值如下。`} style={{ marginBottom: 16 }} /> : null}
        <ParamTable profile={resolved} keys={shownKeys} />
      </Card>
    </Space>
  );
}

function OpenValueCard({ paramKey: k, base }: { paramKey: ParamKey; base: ResolvedProfile }) {
  const form = Form.useFormInstance();
  const enabled = Form.useWatch(['items', k, 'enabled'], form) as boolean | undefined;
  const extension = Form.useWatch(['items', k, 'extension'], form) as number | null | undefined;
  const param = base.params[k];
  if (!param) return null;
  const editable = isEditable(k, param.value);
  const kind = PARAM_INFO[k].kind;
  const name = (f: keyof OpenValueFields) => ['items', k, f];
  const unit = kind === 'deadline' && (param.value as DeadlineSpec).kind === 'span' ? PERIOD_UNIT_LABELS[(param.value as Extract<DeadlineSpec, { kind: 'span' }>).period.unit] : '';

  return (
    <Card
      size="small"
      title={PARAM_INFO[k].label}
      extra={
        editable ? (
          <Space size="small">
            <Typography.Text type="secondary">由本机关配置</Typography.Text>
            <Form.Item name={name('enabled')} valuePropName="checked" noStyle>
              <Switch aria-label={`${PARAM_INFO[k].label}由本机关配置`} />
            </Form.Item>
          </Space>
        ) : null
      }
    >
      <div style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">平台默认：</Typography.Text>
        <ParamValue paramKey={k} value={param.value} />
        {param.note ? (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
            {param.note}
          </Typography.Paragraph>
        ) : null}
      </div>
      {!editable ? <Typography.Text type="secondary">该项暂不支持在控制台配置。</Typography.Text> : null}
      {editable && enabled ? (
        <>
          {kind === 'deadline' ? (
            <Row gutter={8}>
              <Col span={8}>
                <Form.Item label="期限" name={name('amount')} rules={[{ required: true, message: '请填写期限' }]}>
                  <InputNumber min={1} max={999} precision={0} suffix={unit} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label="可延长" name={name('extension')} tooltip="0 表示不得延长">
                  <InputNumber min={0} max={999} precision={0} suffix={unit} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              {extension ? (
                <Col span={8}>
                  <Form.Item label="延长的批准" name={name('approval')} rules={[{ required: true, whitespace: true, message: '请填写延长须经谁批准' }]}>
                    <Input placeholder="经机关负责人批准" />
                  </Form.Item>
                </Col>
              ) : null}
            </Row>
          ) : null}
          {kind === 'number' || kind === 'ratio' ? (
            <Form.Item label="取值" name={name('number')} rules={[{ required: true, message: '请填写取值' }]}>
              <InputNumber min={0} max={kind === 'ratio' ? 100 : undefined} suffix={kind === 'ratio' ? '%' : /元）$/.test(PARAM_INFO[k].label) ? '元' : /（月）$/.test(PARAM_INFO[k].label) ? '个月' : undefined} style={{ width: 200 }} />
            </Form.Item>
          ) : null}
          {kind === 'amounts' ? (
            <Row gutter={8}>
              <Col span={12}>
                <Form.Item label="法人或其他组织" name={name('organisation')} rules={[{ required: true, message: '请填写金额' }]}>
                  <InputNumber min={0} suffix="元" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="公民" name={name('individual')} rules={[{ required: true, message: '请填写金额' }]}>
                  <InputNumber min={0} suffix="元" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          ) : null}
          {kind === 'boolean' ? (
            <Form.Item label="取值" name={name('flag')} valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          ) : null}
          {kind === 'pauseReasons' || kind === 'criteria' || kind === 'measures' ? (
            <Form.Item label="取值" name={name('list')}>
              <Select
                mode="multiple"
                options={Object.entries(kind === 'pauseReasons' ? PAUSE_REASON_LABELS : kind === 'criteria' ? MAJOR_CRITERION_LABELS : MEASURE_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item
            label="依据"
            name={name('basis')}
            rules={[
              { required: true, whitespace: true, message: '请注明依据，如本机关制度的名称和条款' },
              { max: 300, message: '不超过 300 个字' },
            ]}
          >
            <Input placeholder="如：本局重大执法决定法制审核办法 第十条" />
          </Form.Item>
          <Form.Item label="说明" name={name('note')} rules={[{ max: 500, message: '不超过 500 个字' }]} style={{ marginBottom: 0 }}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
        </>
      ) : null}
    </Card>
  );
}
