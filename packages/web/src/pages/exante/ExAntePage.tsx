/**
 * 事前公开 (ORG-3..ORG-8): the agencies whose ex-ante information the user
 * compiles, approves or supervises; an agency's sections with their status
 * and ORG-6 due badge, and the officer roster built from valid certificates
 * (ORG-2); one section's editor (`?agency=…&section=…`).
 */
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Empty, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { errorMessage } from '../../api/client.js';
import { useMe, useCite } from '../../auth/session.js';
import type { ExAnteSection } from '../../domain.js';
import { DueTag, ExAnteEditor } from './ExAnteEditor.js';
import { STATUS_COLORS, exAnteApi, type ExAnteList, type OverviewAgency, type RosterRow, type SectionSummary } from './exanteApi.js';

function SectionList({ agencyId, onOpen }: { agencyId: string; onOpen: (s: ExAnteSection) => void }) {
  const cite = useCite();
  const [list, setList] = useState<ExAnteList | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    setList(null);
    exAnteApi
      .list(agencyId)
      .then((l) => live && setList(l))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [agencyId]);
  if (error) return <Alert type="error" showIcon title={errorMessage(error)} />;
  if (!list) return null;
  const columns: TableColumnsType<SectionSummary> = [
    {
      title: '栏目',
      key: 'label',
      render: (_: unknown, s) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link onClick={() => onOpen(s.key)}>{s.label}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {cite(s.basis)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 180,
      render: (_: unknown, s) => (
        <Space size={4} wrap>
          <Tag color={STATUS_COLORS[s.status ?? 'draft']} data-testid="exante-status">
            {s.statusLabel}
          </Tag>
          {s.pending && s.publishedVersion ? <Tag>第 {s.publishedVersion} 版公开中</Tag> : null}
        </Space>
      ),
    },
    { title: '信息变更日期', key: 'changedOn', width: 120, render: (_: unknown, s) => (s.pending ? (s.changedOn ?? '—') : '—') },
    { title: '公开期限', key: 'due', width: 190, render: (_: unknown, s) => (s.source === 'generated' ? '—' : <DueTag due={s.due} />) },
    { title: '公开日期', key: 'publishedOn', width: 110, render: (_: unknown, s) => s.publishedOn ?? '—' },
    {
      title: '操作',
      key: 'open',
      width: 90,
      render: (_: unknown, s) => (
        <Button size="small" onClick={() => onOpen(s.key)}>
          {list.abilities.edit && s.source === 'entered' ? '编辑' : '查看'}
        </Button>
      ),
    },
  ];
  const rosterColumns: TableColumnsType<RosterRow> = [
    { title: '姓名', dataIndex: 'name' },
    { title: '单位', dataIndex: 'unit' },
    { title: '职务', dataIndex: 'post' },
    { title: '执法证号', dataIndex: 'certificateNumber' },
    { title: '有效期', key: 'valid', render: (_: unknown, o) => `${o.validFrom} 至 ${o.validTo}` },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={list.deadlineRule ? list.deadlineRule.note : '本机关适用的规则未规定事前公开信息的公开时限；信息变更后应当及时更新。'}
        description="各栏目由公示录入员录入、提交，经公示审核员审核通过后在公示平台公开；已公开的版本在新版本审核通过前继续公开。"
      />
      <Table rowKey="key" size="small" pagination={false} columns={columns} dataSource={list.sections} />
      <Card size="small" title={`执法人员名单（${list.roster.length} 人，按执法证有效状态自动生成）`}>
        <Table rowKey="certificateNumber" size="small" pagination={false} columns={rosterColumns} dataSource={list.roster} locale={{ emptyText: '暂无持有效执法证的人员' }} />
      </Card>
    </Space>
  );
}

export function ExAntePage() {
  const { me } = useMe();
  const [params, setParams] = useSearchParams();
  const [agencies, setAgencies] = useState<OverviewAgency[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    exAnteApi
      .overview()
      .then((o) => setAgencies(o.agencies))
      .catch(setError);
  }, []);

  const agencyId = params.get('agency') ?? (agencies?.some((a) => a.id === me.agencyId) ? me.agencyId : agencies?.[0]?.id);
  const section = params.get('section') as ExAnteSection | null;
  const go = useCallback(
    (next: { agency?: string | undefined; section?: string | undefined }) => {
      const p = new URLSearchParams();
      if (next.agency) p.set('agency', next.agency);
      if (next.section) p.set('section', next.section);
      setParams(p);
    },
    [setParams],
  );

  if (error) return <Alert type="error" showIcon title={errorMessage(error)} />;
  if (!agencies) return null;
  if (!agencyId) return <Empty description="您没有可查看的事前公开信息" />;
  if (section) return <ExAnteEditor key={`${agencyId}/${section}`} agencyId={agencyId} section={section} onBack={() => go({ agency: agencyId })} />;

  const current = agencies.find((a) => a.id === agencyId);
  return (
    <Card
      title="事前公开信息"
      extra={
        <Select
          aria-label="机关"
          style={{ width: 280 }}
          value={agencyId}
          onChange={(v: string) => go({ agency: v })}
          options={agencies.map((a) => ({
            value: a.id,
            label: `${a.name}${a.submitted ? `（待审核 ${a.submitted}）` : ''}${a.overdue ? `（逾期 ${a.overdue}）` : ''}`,
          }))}
        />
      }
    >
      {current && current.notEntered ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`尚有 ${current.notEntered} 个栏目未录入`} /> : null}
      <SectionList agencyId={agencyId} onOpen={(s) => go({ agency: agencyId, section: s })} />
    </Card>
  );
}
