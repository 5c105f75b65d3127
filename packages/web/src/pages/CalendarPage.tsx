/**
 * 节假日日历 (NAT-2): the years of the State Council's holiday notices the
 * working-day deadlines are counted on, each with its source; one year as a
 * month grid or as lists of days off and 调休 working days. A system
 * administrator enters a new year from its notice, and asks for a correction
 * of a saved year (NAT-2: a new version, approved by a second administrator;
 * open deadlines are recomputed on approval).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, Modal, Popconfirm, Row, Segmented, Space, Spin, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, errorMessage, isApiError } from '../api/client.js';
import type { CalendarCorrection, CalendarYearDetail, CalendarYearSummary } from '../api/types.js';
import { useMe } from '../auth/session.js';
import type { CalendarDay } from '../domain.js';
import { datesBetween, holidaySpans, isWeekendDate, monthWeeks, weekdayLabel } from '../lib/calendar.js';

export const CALENDAR_ORIGIN_LABELS: Record<CalendarYearSummary['origin'], { label: string; color: string }> = {
  seed: { label: '内置', color: 'default' },
  admin: { label: '管理员录入', color: 'gold' },
  statutory: { label: '暂定', color: 'orange' },
};

export function CalendarPage() {
  const { me } = useMe();
  const canAdd = me.roles.includes('sysAdmin');
  const [years, setYears] = useState<CalendarYearSummary[] | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [params, setParams] = useSearchParams();
  const { message } = App.useApp();

  const load = useCallback(async () => {
    setError(null);
    try {
      const { items, warnings: w } = await api.get<{ items: CalendarYearSummary[]; warnings?: string[] }>('/calendar/years');
      setYears(items);
      setWarnings(w ?? []);
    } catch (e) {
      setError(errorMessage(e));
      setYears((cur) => cur ?? []);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const asked = Number(params.get('year'));
  const selected = useMemo(() => {
    if (!years?.length) return null;
    if (years.some((y) => y.year === asked)) return asked;
    const thisYear = new Date().getFullYear();
    return years.some((y) => y.year === thisYear) ? thisYear : (years.at(-1)?.year ?? null);
  }, [years, asked]);

  const select = (year: number) => setParams({ year: String(year) }, { replace: true });

  const columns: TableColumnsType<CalendarYearSummary> = [
    {
      title: '年度',
      dataIndex: 'year',
      width: 100,
      render: (y: number) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => select(y)}>
          {y} 年
        </Button>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      // NAT-21: a year without the notice is counted from the statutory holidays only.
      render: (st: CalendarYearSummary['status'], r) => (st === 'provisional' ? <Tag color="orange">暂定</Tag> : <Tag color="green">已录入{r.version > 1 ? ` 第${r.version}版` : ''}</Tag>),
    },
    { title: '来源（国务院办公厅通知）', dataIndex: 'source', render: (s: string) => <span className="sx-pre">{s}</span> },
    {
      title: '录入方式',
      dataIndex: 'origin',
      width: 110,
      render: (o: CalendarYearSummary['origin']) => <Tag color={CALENDAR_ORIGIN_LABELS[o].color}>{CALENDAR_ORIGIN_LABELS[o].label}</Tag>,
    },
    { title: '放假', dataIndex: 'holidays', width: 80, render: (n: number) => `${n} 天` },
    { title: '调休上班', dataIndex: 'workdays', width: 90, render: (n: number) => `${n} 天` },
    { title: '录入时间', dataIndex: 'addedAt', width: 150, render: (t: string | null) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '—') },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {/* The page's title is the layout's h1 (one h1 a page). */}
      <Alert
        type="info"
        showIcon
        title="按工作日计算的期限，依国务院办公厅每年发布的节假日安排通知计算（放假日不计，调休上班的周末计入）。通知尚未录入的年度，按《全国年节及纪念日放假办法》所定法定节假日和周末推算（不计调休），相关期限标为“暂定”；录入通知后自动重算。"
      />
      {warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} />
      ))}
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Card
        title="已录入的年度"
        extra={
          <Space>
            <Button size="small" icon={<ReloadOutlined />} onClick={() => void load()} aria-label="刷新" />
            {canAdd ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                录入新年度
              </Button>
            ) : null}
          </Space>
        }
      >
        <Table<CalendarYearSummary>
          rowKey="year"
          size="small"
          loading={years === null}
          columns={columns}
          dataSource={years ?? []}
          pagination={false}
          rowClassName={(r) => (r.year === selected ? 'sx-row-current' : '')}
          onRow={(r) => ({ onClick: () => select(r.year), style: { cursor: 'pointer' } })}
        />
      </Card>
      {selected !== null ? <CalendarYearView key={selected} year={selected} onChanged={load} /> : null}
      {adding ? (
        <CalendarYearFormModal
          existingYears={(years ?? []).filter((y) => y.status !== 'provisional').map((y) => y.year)}
          onClose={() => setAdding(false)}
          onSaved={async (saved) => {
            setAdding(false);
            message.success(`已录入 ${saved.year} 年节假日安排`);
            await load();
            select(saved.year);
          }}
        />
      ) : null}
    </Space>
  );
}

/** One year: its source, and its days as a month grid or as lists; corrections of a saved year. */
function CalendarYearView({ year, onChanged }: { year: number; onChanged: () => void | Promise<void> }) {
  const { me } = useMe();
  const admin = me.roles.includes('sysAdmin');
  const { message } = App.useApp();
  const [detail, setDetail] = useState<CalendarYearDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<'grid' | 'list'>('grid');
  const [correcting, setCorrecting] = useState(false);

  const load = useCallback(async () => {
    try {
      const { year: y } = await api.get<{ year: CalendarYearDetail }>(`/calendar/years/${year}`);
      setDetail(y);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [year]);

  useEffect(() => {
    void load();
  }, [load]);

  const corrections = detail?.corrections ?? [];
  const pending = corrections.find((c) => c.status === 'pending') ?? null;

  const decide = async (c: CalendarCorrection, approve: boolean) => {
    try {
      const { year: y } = await api.post<{ year: CalendarYearDetail }>(`/calendar/corrections/${c.id}/decision`, { approve });
      setDetail(y);
      message.success(approve ? `已批准更正，${y.year} 年日历为第 ${y.version} 版${y.deadlinesChanged ? `；${y.deadlinesChanged} 个未结期限已重算` : ''}` : '已退回更正申请');
      await onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card
      title={`${year} 年节假日安排`}
      extra={
        <Space>
          {admin && detail?.status === 'confirmed' ? (
            <Tooltip title={pending ? '已有一项更正待审批' : '国务院办公厅发布补充通知等情形：更正须说明理由，并由另一名系统管理员审批'}>
              <Button icon={<EditOutlined />} disabled={!!pending} onClick={() => setCorrecting(true)}>
                申请更正
              </Button>
            </Tooltip>
          ) : null}
          <Segmented<'grid' | 'list'>
            value={view}
            onChange={setView}
            options={[
              { value: 'grid', label: '月历' },
              { value: 'list', label: '列表' },
            ]}
          />
        </Space>
      }
    >
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {!detail && !error ? <Spin /> : null}
      {detail ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div data-testid="calendar-source">
            <Typography.Text type="secondary">来源：</Typography.Text>
            {detail.source} <Tag color={CALENDAR_ORIGIN_LABELS[detail.origin].color}>{CALENDAR_ORIGIN_LABELS[detail.origin].label}</Tag>
            {detail.version > 1 ? <Tag color="blue">第 {detail.version} 版</Tag> : null}
          </div>
          {corrections.length ? <CorrectionList items={corrections} canDecide={admin} myId={me.id} onDecide={decide} /> : null}
          {view === 'grid' ? <YearGrid detail={detail} /> : <YearLists detail={detail} />}
        </Space>
      ) : null}
      {correcting && detail ? (
        <CalendarYearFormModal
          existingYears={[]}
          correcting={detail}
          onClose={() => setCorrecting(false)}
          onSaved={async (saved) => {
            setCorrecting(false);
            setDetail(saved);
            message.success(`已提出 ${saved.year} 年日历的更正，待另一名系统管理员审批`);
            await onChanged();
          }}
        />
      ) : null}
    </Card>
  );
}

const CORRECTION_STATUS: Record<CalendarCorrection['status'], { label: string; color: string }> = {
  pending: { label: '待审批', color: 'gold' },
  approved: { label: '已批准', color: 'green' },
  refused: { label: '已退回', color: 'default' },
};

/** NAT-2: the year's corrections — who asked, why, and who decided; a second administrator approves. */
function CorrectionList({ items, canDecide, myId, onDecide }: { items: CalendarCorrection[]; canDecide: boolean; myId: string; onDecide: (c: CalendarCorrection, approve: boolean) => Promise<void> }) {
  const at = (t: string | null) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '');
  return (
    <div data-testid="calendar-corrections">
      <Typography.Title level={5}>更正记录</Typography.Title>
      <Table<CalendarCorrection>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        columns={[
          { title: '状态', dataIndex: 'status', width: 90, render: (st: CalendarCorrection['status']) => <Tag color={CORRECTION_STATUS[st].color}>{CORRECTION_STATUS[st].label}</Tag> },
          { title: '更正理由', dataIndex: 'reason' },
          { title: '更正后来源', dataIndex: 'source', render: (v: string, c) => `${v}（放假 ${c.holidays} 天，调休上班 ${c.workdays} 天）` },
          { title: '提出', key: 'requested', width: 170, render: (_, c) => `${c.requestedByName} ${at(c.requestedAt)}` },
          {
            title: '审批',
            key: 'decided',
            width: 200,
            render: (_, c) => {
              if (c.status !== 'pending') return `${c.decidedByName ?? ''} ${at(c.decidedAt)}${c.decisionNote ? `（${c.decisionNote}）` : ''}`;
              if (!canDecide) return '待另一名系统管理员审批';
              if (c.requestedBy === myId) return <Typography.Text type="secondary">由本人提出，须另一名系统管理员审批</Typography.Text>;
              return (
                <Space>
                  <Popconfirm title="批准后该年度日历改为更正后的版本，依赖该年度的未结期限随即重算。" okText="批准" cancelText="取消" onConfirm={() => onDecide(c, true)}>
                    <Button size="small" type="primary">
                      批准
                    </Button>
                  </Popconfirm>
                  <Popconfirm title="退回后日历不变。" okText="退回" cancelText="取消" onConfirm={() => onDecide(c, false)}>
                    <Button size="small">退回</Button>
                  </Popconfirm>
                </Space>
              );
            },
          },
        ]}
      />
    </div>
  );
}

function YearGrid({ detail }: { detail: CalendarYearDetail }) {
  const holidays = new Map(detail.holidays.map((d) => [d.date, d.name] as const));
  const workdays = new Map(detail.workdays.map((d) => [d.date, d.name] as const));
  return (
    <>
      <Space size="middle" wrap>
        <span>
          <Tag color="red">休</Tag>放假日
        </span>
        <span>
          <Tag color="blue">班</Tag>调休上班日
        </span>
        <Typography.Text type="secondary">其余周一至周五为工作日，周六、周日为休息日。</Typography.Text>
      </Space>
      <Row gutter={[12, 12]}>
        {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
          <Col key={month} xs={24} sm={12} lg={8} xl={6}>
            <Card size="small" title={`${month} 月`}>
              <table className="sx-month" aria-label={`${detail.year} 年 ${month} 月`}>
                <thead>
                  <tr>
                    {['一', '二', '三', '四', '五', '六', '日'].map((d) => (
                      <th key={d}>{d}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {monthWeeks(detail.year, month).map((week, w) => (
                    <tr key={w}>
                      {week.map((date, i) => {
                        if (!date) return <td key={i} />;
                        const off = holidays.get(date);
                        const work = workdays.get(date);
                        const cls = off ? 'sx-holiday' : work ? 'sx-workday' : isWeekendDate(date) ? 'sx-weekend' : undefined;
                        const title = off ? `${date} ${off}（放假）` : work ? `${date} ${work}调休（上班）` : undefined;
                        return (
                          <td key={i} className={cls} title={title}>
                            {Number(date.slice(8))}
                            {off ? <span className="sx-mark">休</span> : work ? <span className="sx-mark">班</span> : null}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}

function YearLists({ detail }: { detail: CalendarYearDetail }) {
  const spans = holidaySpans(detail.holidays);
  const fmt = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Typography.Title level={5}>放假（共 {detail.holidays.length} 天）</Typography.Title>
        <Table
          rowKey={(s) => s.from}
          size="small"
          pagination={false}
          dataSource={spans}
          columns={[
            { title: '节日', dataIndex: 'name', width: 100 },
            {
              title: '日期',
              key: 'dates',
              render: (_, s) => (s.from === s.to ? `${fmt(s.from)}（${weekdayLabel(s.from)}）` : `${fmt(s.from)}（${weekdayLabel(s.from)}）至 ${fmt(s.to)}（${weekdayLabel(s.to)}）`),
            },
            { title: '天数', dataIndex: 'days', width: 70, render: (n: number) => `${n} 天` },
          ]}
        />
      </Col>
      <Col xs={24} lg={10}>
        <Typography.Title level={5}>调休上班（共 {detail.workdays.length} 天）</Typography.Title>
        <Table
          rowKey="date"
          size="small"
          pagination={false}
          dataSource={detail.workdays}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无调休上班日" /> }}
          columns={[
            { title: '日期', dataIndex: 'date', render: (d: string) => `${fmt(d)}（${weekdayLabel(d)}）` },
            { title: '调休', dataIndex: 'name', render: (n: string) => `${n}调休` },
          ]}
        />
      </Col>
    </Row>
  );
}

interface DayRow {
  date?: Dayjs | null;
  name?: string;
}

interface YearFormValues {
  year?: number | null;
  source?: string;
  /** NAT-2: why a saved year is corrected (correcting only). */
  reason?: string;
  holidays?: DayRow[];
  workdays?: DayRow[];
}

/** The body of POST /calendar/years from the form's values, days sorted. */
export function calendarYearBody(v: YearFormValues): { year: number; source: string; holidays: CalendarDay[]; workdays: CalendarDay[] } {
  const days = (rows: DayRow[] | undefined) =>
    (rows ?? [])
      .filter((r) => r.date)
      .map((r) => ({ date: (r.date as Dayjs).format('YYYY-MM-DD'), name: (r.name ?? '').trim() }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { year: Number(v.year), source: (v.source ?? '').trim(), holidays: days(v.holidays), workdays: days(v.workdays) };
}

/** A validation failure's `instancePath` ('/holidays/3/date') as a form field name. */
type YearField = ['year'] | ['source'] | ['holidays' | 'workdays', number, 'date' | 'name'];
function fieldOf(instancePath: unknown): YearField | null {
  if (typeof instancePath !== 'string') return null;
  const parts = instancePath.replace(/^\//, '').split('/');
  const [top, index, leaf] = parts;
  if (top === 'year' || top === 'source') return [top];
  if ((top === 'holidays' || top === 'workdays') && index !== undefined && /^\d+$/.test(index) && (leaf === 'date' || leaf === 'name')) return [top, Number(index), leaf];
  return null;
}

/**
 * Enters a new year, or (with `correcting`) proposes a correction of a saved one: the form starts
 * from the year's current days, the year is fixed, and a reason is required (NAT-2).
 */
export function CalendarYearFormModal({ existingYears, correcting, onClose, onSaved }: { existingYears: readonly number[]; correcting?: CalendarYearDetail; onClose: () => void; onSaved: (y: CalendarYearDetail) => void | Promise<void> }) {
  const [form] = Form.useForm<YearFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [rangeName, setRangeName] = useState('');
  const nextYear = existingYears.length ? Math.max(...existingYears) + 1 : new Date().getFullYear();

  const yearOf = () => Number(form.getFieldValue('year'));
  const dayRules = (list: 'holidays' | 'workdays') => [
    { required: true, message: '请选择日期' },
    {
      validator: async (_: unknown, d: Dayjs | null | undefined) => {
        if (!d) return;
        const date = d.format('YYYY-MM-DD');
        const y = yearOf();
        if (Number.isInteger(y) && d.year() !== y) throw new Error(`不在 ${y} 年内`);
        const rows = (form.getFieldValue(list) as DayRow[] | undefined) ?? [];
        if (rows.filter((r) => r?.date?.format('YYYY-MM-DD') === date).length > 1) throw new Error('日期重复');
        if (list === 'workdays') {
          if (!isWeekendDate(date)) throw new Error('调休上班日须为周六或周日');
          const holidays = (form.getFieldValue('holidays') as DayRow[] | undefined) ?? [];
          if (holidays.some((r) => r?.date?.format('YYYY-MM-DD') === date)) throw new Error('已列为放假日');
        }
      },
    },
  ];

  const addRange = () => {
    const [from, to] = range ?? [];
    if (!from || !to || !rangeName.trim()) return;
    const cur = ((form.getFieldValue('holidays') as DayRow[] | undefined) ?? []).filter((r) => r?.date || r?.name);
    const have = new Set(cur.map((r) => r.date?.format('YYYY-MM-DD')));
    const added = datesBetween(from.format('YYYY-MM-DD'), to.format('YYYY-MM-DD'))
      .filter((d) => !have.has(d))
      .map((d) => ({ date: dayjs(d), name: rangeName.trim() }));
    form.setFieldValue('holidays', [...cur, ...added]);
    void form.validateFields([['holidays']]).catch(() => undefined);
    setRange(null);
    setRangeName('');
  };

  const submit = async () => {
    let v: YearFormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    setSaving(true);
    try {
      const body = calendarYearBody(v);
      const { year } = correcting
        ? await api.post<{ year: CalendarYearDetail }>(`/calendar/years/${correcting.year}/corrections`, { source: body.source, holidays: body.holidays, workdays: body.workdays, reason: (v.reason ?? '').trim() })
        : await api.post<{ year: CalendarYearDetail }>('/calendar/years', body);
      await onSaved(year);
    } catch (e) {
      if (isApiError(e) && e.code === 'calendar.year_exists') {
        form.setFields([{ name: 'year', errors: [e.message] }]);
      } else if (isApiError(e) && e.code === 'validation.failed' && e.details.some((d) => fieldOf(d.instancePath))) {
        form.setFields(e.details.flatMap((d) => {
          const name = fieldOf(d.instancePath);
          return name ? [{ name, errors: [typeof d.message === 'string' && d.message ? d.message : '格式不正确'] }] : [];
        }));
      } else {
        setError(errorMessage(e));
      }
    } finally {
      setSaving(false);
    }
  };

  const dayList = (list: 'holidays' | 'workdays', label: string, namePlaceholder: string) => (
    <Form.List
      name={list}
      rules={
        list === 'holidays'
          ? [
              {
                validator: async (_, rows: DayRow[] | undefined) => {
                  if (!rows?.length) throw new Error('请至少录入一个放假日');
                },
              },
            ]
          : []
      }
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="start" style={{ display: 'flex' }}>
              <Form.Item name={[f.name, 'date']} rules={dayRules(list)} dependencies={list === 'workdays' ? ['year', 'holidays'] : ['year']} style={{ marginBottom: 8 }}>
                <DatePicker aria-label={`${label}日期`} placeholder="选择日期" format="YYYY-MM-DD" />
              </Form.Item>
              <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写节日名称' }, { max: 20, message: '不超过 20 个字' }]} style={{ marginBottom: 8 }}>
                <Input aria-label={`${label}名称`} placeholder={namePlaceholder} style={{ width: 160 }} />
              </Form.Item>
              <Tooltip title="删除">
                <Button aria-label="删除" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
              </Tooltip>
            </Space>
          ))}
          <div>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
              添加{label}
            </Button>
          </div>
          {errors.length ? (
            <div className="ant-form-item-explain-error" role="alert" style={{ color: 'var(--ant-color-error, #ff4d4f)', marginTop: 4 }}>
              {errors}
            </div>
          ) : null}
        </>
      )}
    </Form.List>
  );

  return (
    <Modal
      open
      width={760}
      title={correcting ? `更正 ${correcting.year} 年节假日安排` : '录入新年度节假日安排'}
      okText={correcting ? '提交更正' : '保存'}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">
        {correcting
          ? '按补充或更正后的通知修改放假日和调休上班日，并说明更正理由。更正提交后须另一名系统管理员审批；批准后成为该年度的新版本，原版本留存，依赖该年度的未结期限随即重算。'
          : '依国务院办公厅关于该年度部分节假日安排的通知逐日录入：放假日列出每一个放假的日期（含周末），调休上班日只列需要上班的周六、周日。保存后如需修改，须提出更正并经另一名系统管理员审批。'}
      </Typography.Paragraph>
      {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<YearFormValues>
        form={form}
        layout="vertical"
        initialValues={
          correcting
            ? {
                year: correcting.year,
                source: correcting.source,
                reason: '',
                holidays: correcting.holidays.map((d) => ({ date: dayjs(d.date), name: d.name })),
                workdays: correcting.workdays.map((d) => ({ date: dayjs(d.date), name: d.name })),
              }
            : { year: nextYear, source: '', holidays: [], workdays: [] }
        }
        requiredMark
      >
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item
              label="年度"
              name="year"
              rules={[
                { required: true, message: '请输入年度' },
                {
                  validator: async (_, y: number | null | undefined) => {
                    if (y === null || y === undefined) return;
                    if (!Number.isInteger(y) || y < 1990 || y > 2200) throw new Error('年度须为 1990–2200 之间的整数');
                    if (existingYears.includes(y)) throw new Error(`${y} 年的日历已存在`);
                  },
                },
              ]}
            >
              <InputNumber precision={0} style={{ width: '100%' }} disabled={!!correcting} />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item
              label="来源"
              name="source"
              tooltip="国务院办公厅通知的标题和文号"
              rules={[
                { required: true, whitespace: true, message: '请填写来源：国务院办公厅通知的标题和文号' },
                { min: 4, message: '来源至少 4 个字' },
                { max: 300, message: '来源不超过 300 个字' },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} placeholder={`国务院办公厅关于${nextYear}年部分节假日安排的通知（国办发明电〔${nextYear - 1}〕X号）`} />
            </Form.Item>
          </Col>
        </Row>
        {correcting ? (
          <Form.Item
            label="更正理由"
            name="reason"
            rules={[
              { required: true, whitespace: true, message: '请说明更正理由，如国务院办公厅补充通知的标题和文号' },
              { min: 2, message: '更正理由至少 2 个字' },
              { max: 500, message: '更正理由不超过 500 个字' },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如：国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）" />
          </Form.Item>
        ) : null}
        <Typography.Title level={5}>放假日</Typography.Title>
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">按区间快速添加：</Typography.Text>
          <DatePicker.RangePicker aria-label="放假区间" value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} format="YYYY-MM-DD" />
          <Input aria-label="放假区间名称" placeholder="节日名称，如 春节" value={rangeName} onChange={(e) => setRangeName(e.target.value)} style={{ width: 160 }} />
          <Button onClick={addRange} disabled={!range?.[0] || !range?.[1] || !rangeName.trim()}>
            按区间添加
          </Button>
        </Space>
        {dayList('holidays', '放假日', '节日名称，如 春节')}
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          调休上班日
        </Typography.Title>
        {dayList('workdays', '调休上班日', '调休的节日，如 春节')}
      </Form>
    </Modal>
  );
}
