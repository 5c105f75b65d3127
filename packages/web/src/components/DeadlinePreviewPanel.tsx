/**
 * 期限计算: one deadline rule of a profile from a chosen date (or a date and
 * time for the rules counted in hours), computed by the server on the
 * working-day calendar (GET /deadlines/preview).
 */
import { useState } from 'react';
import { Alert, Button, Col, DatePicker, Descriptions, Form, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, errorMessage, query } from '../api/client.js';
import { DEADLINE_RULES, DEADLINE_RULE_KEYS, type DeadlinePreview, type DeadlineRuleKey, type DeadlineSpec, type ResolvedProfile } from '../domain.js';
import { dateWithWeekday } from '../lib/calendar.js';
import { extensionTexts, periodText } from '../lib/rules.js';
import { OriginTag } from './RuleBits.js';
import { useCite } from '../auth/session.js';

function specOf(profile: ResolvedProfile, rule: DeadlineRuleKey): DeadlineSpec | undefined {
  return profile.params[DEADLINE_RULES[rule].param]?.value;
}

/** Whether the rule counts hours (its `from` is then a date-time). */
export function countsHours(profile: ResolvedProfile, rule: DeadlineRuleKey | undefined): boolean {
  if (!rule) return false;
  const spec = specOf(profile, rule);
  return spec?.kind === 'span' && spec.period.unit === 'hours';
}

/** The `from` the API takes: 'YYYY-MM-DD', or the picked wall-clock time in China (+08:00). */
export function previewFrom(d: Dayjs, withTime: boolean): string {
  return withTime ? `${d.format('YYYY-MM-DDTHH:mm')}:00+08:00` : d.format('YYYY-MM-DD');
}

interface Values {
  rule?: DeadlineRuleKey;
  from?: Dayjs | null;
}

export function DeadlinePreviewPanel({ profile }: { profile: ResolvedProfile }) {
  const [form] = Form.useForm<Values>();
  const rule = Form.useWatch('rule', form);
  const hours = countsHours(profile, rule);
  const [result, setResult] = useState<DeadlinePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const compute = async (v: Values) => {
    if (!v.rule || !v.from) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.get<DeadlinePreview>(`/deadlines/preview${query({ profile: profile.id, rule: v.rule, from: previewFrom(v.from, hours) })}`));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const options = DEADLINE_RULE_KEYS.map((k) => {
    const defined = !!specOf(profile, k);
    return {
      value: k,
      label: (
        <span>
          {DEADLINE_RULES[k].label}
          {defined ? null : <Typography.Text type="secondary">（本规则未规定）</Typography.Text>}
        </span>
      ),
      title: DEADLINE_RULES[k].label,
    };
  });

  return (
    <div>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void compute(v)} onValuesChange={() => (setResult(null), setError(null))}>
        <Row gutter={16} align="bottom">
          <Col xs={24} md={11}>
            <Form.Item label="期限规则" name="rule" rules={[{ required: true, message: '请选择期限规则' }]}>
              <Select
                options={options}
                placeholder="选择期限规则"
                showSearch={{ optionFilterProp: 'title' }}
                onChange={() => form.setFieldValue('from', null)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={hours ? '起算时间' : '起算日期'} name="from" rules={[{ required: true, message: hours ? '请选择起算时间' : '请选择起算日期' }]}>
              {hours ? (
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} placeholder="选择日期和时间" />
              ) : (
                <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} placeholder="选择日期" />
              )}
            </Form.Item>
          </Col>
          <Col xs={24} md={5}>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} block>
                计算
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {error ? <Alert role="alert" type="error" showIcon title={error} /> : null}
      {result ? <PreviewResult result={result} profile={profile} /> : null}
    </div>
  );
}

function PreviewResult({ result: r, profile }: { result: DeadlinePreview; profile: ResolvedProfile }) {
  const cite = useCite();
  const param = profile.params[DEADLINE_RULES[r.rule].param];
  const before = r.direction === 'before';
  const ext = r.extensions.length && r.period ? extensionTexts({ kind: 'span', period: r.period, anchor: r.anchor, direction: r.direction, extensions: r.extensions, rollover: r.rollover }) : [];
  return (
    <Descriptions
      data-testid="deadline-result"
      bordered
      size="small"
      column={1}
      items={[
        { key: 'rule', label: '期限规则', children: r.label },
        { key: 'from', label: '起算', children: `${r.anchorLabel}：${dateWithWeekday(r.from)}` },
        { key: 'period', label: '期限', children: r.period ? `${periodText(r.period)}${before ? '（在此之前）' : ''}` : '随起算事件同时' },
        {
          key: 'due',
          label: before ? '最迟日期' : '届满日期',
          children: (
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="deadline-due">
              {dateWithWeekday(r.due)}
            </Typography.Text>
          ),
        },
        ...(r.dueWithMaxExtension
          ? [
              {
                key: 'ext',
                label: '延长后最迟',
                children: (
                  <div>
                    <Typography.Text strong>{dateWithWeekday(r.dueWithMaxExtension)}</Typography.Text>
                    {ext.map((t) => (
                      <div key={t}>
                        <Typography.Text type="secondary">{t}</Typography.Text>
                      </div>
                    ))}
                  </div>
                ),
              },
            ]
          : []),
        {
          key: 'basis',
          label: '依据',
          children: (
            <span>
              {cite(r.basis)} {param ? <OriginTag param={param} /> : null}
            </span>
          ),
        },
        ...(r.citation?.text ? [{ key: 'text', label: '原文', children: <Typography.Text type="secondary">“{r.citation.text}”</Typography.Text> }] : []),
        ...(r.note ? [{ key: 'note', label: '说明', children: r.note }] : []),
      ]}
    />
  );
}
