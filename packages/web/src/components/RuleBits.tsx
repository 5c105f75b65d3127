/** Pieces of the rule pages: a value's origin tag, a value rendered readably, and the table of a profile's parameters. */
import { Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { MEASURE_LABELS, PARAM_INFO, PARAM_KEYS, formatCitation, type AvListEntry, type ParamKey, type ProfileId, type ResolvedParam, type ResolvedProfile } from '../domain.js';
import { ORIGIN_COLORS, originLabel, paramValueLines, profileShortName } from '../lib/rules.js';

/** 本规则 / 继承自 X / 本机关配置 / 平台默认，须机关配置; the tooltip says more. */
export function OriginTag({ param, profileNames }: { param: ResolvedParam<unknown>; profileNames?: Partial<Record<ProfileId, string>> }) {
  let tip: string | undefined;
  if (param.origin === 'inherited' && param.from !== 'agency') tip = profileNames?.[param.from] ? `上级规则：${profileNames[param.from]}` : undefined;
  if (param.origin === 'default') tip = '文件未规定该项，暂按平台默认值执行，应由本机关配置';
  if (param.origin === 'agency' && param.replaced) tip = `取代了：${param.replaced.basis}`;
  const tag = (
    <Tag color={ORIGIN_COLORS[param.origin]} data-origin={param.origin}>
      {originLabel(param)}
    </Tag>
  );
  return tip ? <Tooltip title={tip}>{tag}</Tooltip> : tag;
}

/** A parameter's value: a deadline with its extensions, a list, an amount... */
export function ParamValue({ paramKey, value }: { paramKey: ParamKey; value: unknown }) {
  const kind = PARAM_INFO[paramKey].kind;
  const lines = paramValueLines(paramKey, value);
  if (kind === 'avList') {
    const entries = value as readonly AvListEntry[];
    return (
      <ol className="sx-list">
        {entries.map((e) => (
          <li key={e.measure}>
            <Tooltip title={e.citations.map((c) => formatCitation(c)).join('；')}>
              <span>{MEASURE_LABELS[e.measure] ?? e.measure}</span>
            </Tooltip>
            {e.sources?.length ? <Typography.Text type="secondary">（{e.sources.map(profileShortName).join('、')}）</Typography.Text> : null}
          </li>
        ))}
      </ol>
    );
  }
  if (kind === 'pauseReasons' || kind === 'measures') {
    return (
      <Space size={[0, 4]} wrap>
        {lines.map((l) => (
          <Tag key={l}>{l}</Tag>
        ))}
      </Space>
    );
  }
  if (kind === 'criteria') {
    return (
      <ol className="sx-list">
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ol>
    );
  }
  if (kind === 'amounts') {
    return (
      <div>
        {lines.map((l) => (
          <div key={l}>{l}</div>
        ))}
      </div>
    );
  }
  const [first, ...rest] = lines;
  return (
    <div>
      <div>{first}</div>
      {rest.map((l) => (
        <div key={l}>
          <Typography.Text type="secondary">{l}</Typography.Text>
        </div>
      ))}
    </div>
  );
}

interface Row {
  key: ParamKey;
  param: ResolvedParam<unknown> | undefined;
}

/** Every parameter of a resolved profile: label, value, basis with the quoted text, origin. */
export function ParamTable({ profile, profileNames, keys = PARAM_KEYS }: { profile: ResolvedProfile; profileNames?: Partial<Record<ProfileId, string>>; keys?: readonly ParamKey[] }) {
  const rows: Row[] = keys.map((key) => ({ key, param: profile.params[key] as ResolvedParam<unknown> | undefined }));
  const columns: TableColumnsType<Row> = [
    {
      title: '参数',
      key: 'label',
      width: 230,
      render: (_, r) => (
        <div>
          <Typography.Text strong>{PARAM_INFO[r.key].label}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.key} · {PARAM_INFO[r.key].requirement}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: '取值',
      key: 'value',
      render: (_, r) =>
        r.param ? (
          <div>
            <ParamValue paramKey={r.key} value={r.param.value} />
            {r.param.note ? (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
                说明：{r.param.note}
              </Typography.Paragraph>
            ) : null}
          </div>
        ) : (
          <Typography.Text type="secondary">本规则及上级规则均未规定</Typography.Text>
        ),
    },
    {
      title: '依据',
      key: 'basis',
      width: 320,
      render: (_, r) =>
        r.param ? (
          <div>
            <div>{r.param.basis}</div>
            {r.param.citation?.text ? (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }} ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}>
                “{r.param.citation.text}”
              </Typography.Paragraph>
            ) : null}
          </div>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '来源',
      key: 'origin',
      width: 170,
      render: (_, r) => (r.param ? <OriginTag param={r.param} {...(profileNames ? { profileNames } : {})} /> : <Tag>未规定</Tag>),
    },
  ];
  return <Table<Row> rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 960 }} />;
}
