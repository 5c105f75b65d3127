/**
 * 事实与措施: what decides which records a case needs — the measures taken,
 * the procedural facts (hearing requested, major decision, collective
 * discussion …), the dates deadlines run from, the proposed penalty — and
 * the decision-stage records of REC-4 (GS-R 8): the handler's opinion, the
 * unit's review, the collective discussion and the approval.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Col, Collapse, DatePicker, Divider, Form, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, errorMessage } from '../../api/client.js';
import { caseUrl, type CaseMeta, type CaseView } from '../../api/cases.js';
import { DailyPenaltyLink } from '../../components/cases/DailyPenaltyLink.js';
import { SpecFields, fromFormValues, toFormValues } from '../../components/cases/SpecFields.js';
import {
  DECISION_PART_CITATIONS,
  DECISION_PART_LABELS,
  LEGAL_REVIEW_OUTCOME_LABELS,
  MEASURE_LABELS,
  PENALTY_TYPE_LABELS,
  formatCitation,
  specsForProfile,
  type CaseFlags,
  type CaseMeasureKey,
  type DecisionStageRecords,
  type FieldSpec,
  type PenaltyType,
  type ProfileId,
} from '../../domain.js';
import { measureOptions } from '../../lib/caseMeta.js';
import { DATE_FIELDS, EXECUTION_LABELS, FLAG_FIELDS, OUTCOME_LABELS, leadFirst } from '../../lib/cases.js';

interface FactsValues {
  measures: CaseMeasureKey[];
  flags: Record<string, boolean>;
  outcome?: NonNullable<CaseFlags['outcome']>;
  execution?: NonNullable<CaseFlags['execution']>;
  hearingRight?: 'yes' | 'no';
  dates: Record<string, Dayjs | null | undefined>;
  penaltyTypes: PenaltyType[];
  fineAmount?: number | null;
  confiscationAmount?: number | null;
}

function toFacts(c: CaseView): FactsValues {
  const flags = Object.fromEntries(FLAG_FIELDS.map((f) => [f.key, c.flags[f.key] === true]));
  const dates = Object.fromEntries(DATE_FIELDS.map((d) => [d.key, typeof c.dates[d.key] === 'string' ? dayjs(c.dates[d.key] as string) : null]));
  return {
    measures: [...c.measures],
    flags,
    ...(c.flags.outcome ? { outcome: c.flags.outcome } : {}),
    ...(c.flags.execution ? { execution: c.flags.execution } : {}),
    ...(c.flags.hearingRight !== undefined && c.flags.hearingRight !== null ? { hearingRight: c.flags.hearingRight ? 'yes' : 'no' } : {}),
    dates,
    penaltyTypes: [...(c.proposedPenalty?.types ?? [])],
    fineAmount: c.proposedPenalty?.fineAmount ?? null,
    confiscationAmount: c.proposedPenalty?.confiscationAmount ?? null,
  };
}

/** The PATCH body for the facts form. */
export function factsPatch(c: CaseView, v: FactsValues): Record<string, unknown> {
  const types = FLAG_FIELDS.filter((f) => f.actionTypes.includes(c.actionType));
  const flags: Record<string, unknown> = Object.fromEntries(types.map((f) => [f.key, v.flags?.[f.key] === true]));
  // Choices are sent when made, and cleared (null) only when one was stored before.
  if (v.outcome || c.flags.outcome) flags.outcome = v.outcome ?? null;
  if (v.execution || c.flags.execution) flags.execution = v.execution ?? null;
  // A stored override cannot be removed again through PATCH (see the report); only set it when chosen.
  if (v.hearingRight) flags.hearingRight = v.hearingRight === 'yes';
  const dates: Record<string, string | null> = {};
  for (const d of DATE_FIELDS) {
    if (d.readOnly || !d.actionTypes.includes(c.actionType)) continue;
    const value = v.dates?.[d.key];
    const next = value ? value.format('YYYY-MM-DD') : null;
    if (next !== (c.dates[d.key] ?? null)) dates[d.key] = next;
  }
  const body: Record<string, unknown> = { measures: v.measures ?? [], flags, dates };
  if (c.actionType === 'penalty') {
    body.proposedPenalty = v.penaltyTypes?.length
      ? {
          types: v.penaltyTypes,
          ...(typeof v.fineAmount === 'number' ? { fineAmount: v.fineAmount } : {}),
          ...(typeof v.confiscationAmount === 'number' ? { confiscationAmount: v.confiscationAmount } : {}),
        }
      : null;
  }
  return body;
}

function FactsForm({ c, meta, onSaved }: { c: CaseView; meta: CaseMeta | null; onSaved: (c: CaseView) => void }) {
  const [form] = Form.useForm<FactsValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = !c.abilities.update;
  const measureOpts = meta ? measureOptions(meta, c.actionType) : c.measures.map((m) => ({ value: m, label: MEASURE_LABELS[m] ?? m }));
  const flags = FLAG_FIELDS.filter((f) => f.actionTypes.includes(c.actionType));
  const dates = DATE_FIELDS.filter((d) => d.actionTypes.includes(c.actionType));
  const penalty = c.actionType === 'penalty';

  const save = async () => {
    const v = form.getFieldsValue(true) as FactsValues;
    setBusy(true);
    setError(null);
    try {
      const { case: updated } = await api.patch<{ case: CaseView }>(caseUrl(c.id), factsPatch(c, v));
      onSaved(updated);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<FactsValues> form={form} layout="vertical" name="facts" disabled={readOnly} initialValues={toFacts(c)} key={JSON.stringify([c.measures, c.flags, c.dates, c.proposedPenalty])}>
      {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item label="已采取的措施" name="measures" extra="措施决定本案须制作的文书和须进行的音像记录（如查封扣押、抽样取证、先行登记保存）。">
        <Select mode="multiple" allowClear options={measureOpts} placeholder="无" showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Divider titlePlacement="start">程序事实</Divider>
      <Row gutter={[16, 0]}>
        {flags.map((f) => (
          <Col key={f.key} xs={24} md={12}>
            <Form.Item name={['flags', f.key]} valuePropName="checked" style={{ marginBottom: 8 }} extra={f.hint}>
              <Checkbox>{f.label}</Checkbox>
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        {penalty ? (
          <Col xs={24} md={8}>
            <Form.Item label="处理结果" name="outcome">
              <Select allowClear placeholder="给予行政处罚（默认）" options={Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
        ) : null}
        {c.actionType === 'penalty' || c.actionType === 'coercion' ? (
          <Col xs={24} md={8}>
            <Form.Item label="执行方式" name="execution">
              <Select allowClear placeholder="尚未确定" options={Object.entries(EXECUTION_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
        ) : null}
        {penalty ? (
          <Col xs={24} md={8}>
            <Form.Item label="听证权利" name="hearingRight" extra="默认按拟处罚种类和数额由系统判断；本省规定另有范围的可在此指定。">
              <Select allowClear placeholder="由系统判断" options={[{ value: 'yes', label: '有听证权利' }, { value: 'no', label: '无听证权利' }]} />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <Divider titlePlacement="start">日期</Divider>
      <Row gutter={16}>
        {dates.map((d) => (
          <Col key={d.key} xs={24} md={8} xl={6}>
            <Form.Item label={d.label} name={['dates', d.key]} {...(d.readOnly ? { extra: '立案时记录' } : {})}>
              <DatePicker format="YYYY-MM-DD" disabled={readOnly || d.readOnly} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      {penalty ? (
        <>
          <Divider titlePlacement="start">拟处罚</Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="处罚种类" name="penaltyTypes" extra="决定是否有听证权利、能否适用简易程序（行政处罚法 第五十一条、第六十三条）。">
                <Select mode="multiple" allowClear options={Object.entries(PENALTY_TYPE_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="罚款数额" name="fineAmount">
                <InputNumber min={0} precision={2} suffix="元" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="没收数额或价值" name="confiscationAmount">
                <InputNumber min={0} precision={2} suffix="元" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </>
      ) : null}
      {readOnly ? null : (
        <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void save()}>
          保存事实与措施
        </Button>
      )}
    </Form>
  );
}

const basisOf = (part: keyof typeof DECISION_PART_CITATIONS) => DECISION_PART_CITATIONS[part].map((c) => formatCitation(c)).join('；');

type EditablePart = 'handlerOpinion' | 'unitReview' | 'collectiveDiscussion' | 'approval';

/** REC-4 · GS-R 8: the parts of the decision-stage record as field specs, so the generated form renders them. */
export function decisionPartSpecs(part: EditablePart, c: CaseView): FieldSpec[] {
  const rule = `REC-4 · ${basisOf(part)}`;
  const R = { required: true as const };
  switch (part) {
    case 'handlerOpinion':
      return [
        { key: 'by', label: '承办人', type: 'textList', required: true, minItems: 1, rule },
        { key: 'at', label: '日期', type: 'date', ...R },
        { key: 'facts', label: '违法事实（或者检查、调查结论）', type: 'longText', ...R },
        { key: 'evidence', label: '证据', type: 'textList', required: true, minItems: 1, hint: '逐项列明证据名称，如现场检查笔录、询问笔录、监测报告' },
        { key: 'legalBasis', label: '法律依据', type: 'text', ...R },
        { key: 'discretionRule', label: '适用的行政裁量权基准', type: 'text', ...R, hint: '不适用裁量基准的，写明“不适用”及理由' },
        { key: 'proposal', label: '处理意见', type: 'longText', ...R },
      ];
    case 'unitReview':
      return [
        { key: 'reviewer', label: '审核人', type: 'text', ...R, rule },
        { key: 'at', label: '审核日期', type: 'date', ...R },
        { key: 'opinion', label: '审核意见', type: 'longText', ...R },
        { key: 'agreed', label: '同意承办人处理意见', type: 'boolean' },
      ];
    case 'collectiveDiscussion': {
      const docs = c.documents.filter((d) => d.kind === 'collectiveDiscussionRecord');
      return [
        {
          key: 'documentId',
          label: '集体讨论记录',
          type: 'choice',
          ...R,
          rule,
          options: docs.map((d) => ({ value: d.versionId, label: `${d.recordNumber}（第${d.version}版，${d.status === 'draft' ? '草稿' : '已签署'}）` })),
          hint: docs.length ? '引用本案已签署的集体讨论记录' : '请先在“文书”中制作并签署集体讨论记录',
        },
        { key: 'at', label: '讨论日期', type: 'date', ...R },
        { key: 'conclusion', label: '讨论结论', type: 'longText', ...R },
      ];
    }
    case 'approval':
      return [
        { key: 'approver', label: '审批人', type: 'text', ...R, rule },
        { key: 'at', label: '审批日期', type: 'date', ...R, hint: '不得早于承办人意见、审核、法制审核和集体讨论的日期' },
        { key: 'opinion', label: '审批意见', type: 'longText', ...R },
        { key: 'approved', label: '批准', type: 'boolean' },
      ];
  }
}

function partValue(specs: readonly FieldSpec[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of specs) {
    const v = values[s.key];
    if (s.type === 'boolean') out[s.key] = v === true;
    else if (s.type === 'textList') out[s.key] = Array.isArray(v) ? v : [];
    else out[s.key] = v ?? '';
  }
  return out;
}

function DecisionPartForm({ part, c, onSaved }: { part: EditablePart; c: CaseView; onSaved: (c: CaseView) => void }) {
  // The rule notes in the agency's own terms (issue 15): its province's rules and national law, by title.
  const specs = useMemo(() => (c.profileId ? specsForProfile(decisionPartSpecs(part, c), c.profileId as ProfileId) : decisionPartSpecs(part, c)), [part, c]);
  const stored = (c.decisionRecords?.[part] ?? {}) as Record<string, unknown>;
  const initial = Object.keys(stored).length ? stored : part === 'handlerOpinion' ? { by: leadFirst(c.handlers).map((h) => h.name) } : {};
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = !c.abilities.update;

  const save = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const value = partValue(specs, fromFormValues(specs, form.getFieldsValue(true) as Record<string, unknown>));
      const { case: updated } = await api.patch<{ case: CaseView }>(caseUrl(c.id), { decisionRecords: { [part]: value } as DecisionStageRecords });
      onSaved(updated);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" name={`decision_${part}`} disabled={readOnly} initialValues={toFormValues(specs, initial)} key={JSON.stringify(stored)}>
      {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <SpecFields specs={specs} status="signed" readOnly={readOnly} />
      {readOnly ? null : (
        <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void save()}>
          保存{DECISION_PART_LABELS[part]}
        </Button>
      )}
    </Form>
  );
}

function DecisionRecords({ c, onSaved }: { c: CaseView; onSaved: (c: CaseView) => void }) {
  const r = c.decisionRecords ?? {};
  const filled = (part: keyof DecisionStageRecords) => (r[part] ? <Tag color="blue">已填写</Tag> : <Tag>未填写</Tag>);
  const parts: EditablePart[] = ['handlerOpinion', 'unitReview', 'collectiveDiscussion', 'approval'];
  return (
    <Collapse
      items={[
        ...parts.slice(0, 2).map((part) => ({
          key: part,
          label: (
            <Space>
              {DECISION_PART_LABELS[part]}
              {filled(part)}
            </Space>
          ),
          extra: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{basisOf(part)}</Typography.Text>,
          children: <DecisionPartForm part={part} c={c} onSaved={onSaved} />,
        })),
        {
          key: 'legalReview',
          label: (
            <Space>
              {DECISION_PART_LABELS.legalReview}
              {r.legalReview ? <Tag color={r.legalReview.outcome === 'passed' ? 'green' : 'orange'}>{LEGAL_REVIEW_OUTCOME_LABELS[r.legalReview.outcome]}</Tag> : <Tag>未审核</Tag>}
            </Space>
          ),
          extra: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{basisOf('legalReview')}</Typography.Text>,
          children: <Typography.Paragraph type="secondary">法制审核由法制审核人员在法制审核模块中办理，结论自动记入本案；未经法制审核或者审核未通过的重大执法决定，不得作出决定。</Typography.Paragraph>,
        },
        ...parts.slice(2).map((part) => ({
          key: part,
          label: (
            <Space>
              {DECISION_PART_LABELS[part]}
              {filled(part)}
            </Space>
          ),
          extra: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{basisOf(part)}</Typography.Text>,
          children: <DecisionPartForm part={part} c={c} onSaved={onSaved} />,
        })),
      ]}
    />
  );
}

export function CaseFactsTab({ c, meta, onSaved }: { c: CaseView; meta: CaseMeta | null; onSaved: (c: CaseView) => void }) {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {!c.abilities.update ? <Alert type="info" showIcon title={c.state === 'archived' ? '案件已归档，以下内容只读。' : '您不是本案承办人员，以下内容只读。'} /> : null}
      <FactsForm c={c} meta={meta} onSaved={onSaved} />
      <DailyPenaltyLink c={c} onLinked={onSaved} />
      <div>
        <Typography.Title level={5}>审核决定环节记录</Typography.Title>
        <DecisionRecords c={c} onSaved={onSaved} />
      </div>
    </Space>
  );
}
