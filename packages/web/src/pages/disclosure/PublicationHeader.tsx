/**
 * The head of a publication page: what decision it is, its status, the
 * deadline to publish (PUB-2) and the window online (PUB-7) with their basis,
 * links to the case and to the portal, and the withholding (PUB-5) or the
 * withdrawal (PUB-8) on record.
 */
import { Link } from 'react-router-dom';
import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { WITHHOLDING_REASON_LABELS } from '../../domain.js';
import { STATUS_COLORS, WITHDRAWAL_CAUSE_LABELS, portalUrl, type PublicationDetail, type WithdrawalRecord, type WithholdingRecord } from './disclosureApi.js';
import { ScheduleBadge } from './DueBadge.js';

export function PublicationHeader({ detail }: { detail: PublicationDetail }) {
  const p = detail.publication;
  const s = p.schedule;
  const correction = p.status === 'published' && p.publishedVersion != null && p.currentVersion !== p.publishedVersion;
  return (
    <Card
      title={
        <Space wrap>
          <span>{p.decisionKindName}</span>
          {p.decisionNumber ? <Typography.Text type="secondary">{p.decisionNumber}</Typography.Text> : null}
          <Tag color={STATUS_COLORS[p.status]} data-testid="publication-status">
            {p.statusLabel}
          </Tag>
          {p.online ? <Tag color="green">在线公示中</Tag> : null}
          {correction ? <Tag color="processing">更正版本待提交审核</Tag> : null}
        </Space>
      }
      extra={
        <Space>
          {p.caseId ? <Link to={`/cases/${encodeURIComponent(p.caseId)}`}>查看案件</Link> : null}
          {p.online ? (
            <a href={portalUrl(p.id)} target="_blank" rel="noreferrer" data-testid="portal-link">
              公示网站页面
            </a>
          ) : null}
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label="执法机关">{p.agencyName}</Descriptions.Item>
        <Descriptions.Item label="决定日期">{p.decisionDate}</Descriptions.Item>
        <Descriptions.Item label="版本">
          第 {p.currentVersion ?? detail.version.version} 版{p.publishedVersion ? `（已公示第 ${p.publishedVersion} 版）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="公示期限">
          <Space wrap size={4}>
            <span data-testid="publish-by">{s.publishBy} 前公示</span>
            {s.publishStatus ? <ScheduleBadge status={s.publishStatus} /> : null}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="期限依据" span={2}>
          {s.basis}
        </Descriptions.Item>
        <Descriptions.Item label="公示期间">
          {s.removeNotBefore || s.removeBy ? `${s.removeNotBefore ? `至少至 ${s.removeNotBefore}` : ''}${s.removeNotBefore && s.removeBy ? '，' : ''}${s.removeBy ? `最迟 ${s.removeBy} 撤下` : ''}` : '公示后计算'}
        </Descriptions.Item>
        {p.firstPublishedOn ? <Descriptions.Item label="首次公示">{p.firstPublishedOn}</Descriptions.Item> : null}
        {p.publicParty ? <Descriptions.Item label="公示的当事人">{p.publicParty}</Descriptions.Item> : null}
      </Descriptions>
      {s.notes.length ? (
        <Alert
          type="info"
          style={{ marginTop: 8 }}
          title="期限说明"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {s.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {p.withholding ? <WithholdingInfo w={p.withholding} /> : null}
      {p.withdrawal ? <WithdrawalInfo w={p.withdrawal} /> : null}
    </Card>
  );
}

function WithholdingInfo({ w }: { w: WithholdingRecord }) {
  const decided = w.automatic ? '依法自动不予公开' : w.approvedBy ? `${w.approvedBy} 于 ${w.approvedOn ?? ''} 批准` : '待审核';
  return (
    <Alert
      type="warning"
      style={{ marginTop: 8 }}
      data-testid="withholding-info"
      title={`不予公开：${WITHHOLDING_REASON_LABELS[w.reason] ?? w.reason}（${decided}）`}
      description={`${w.note}。${w.requestedBy} 于 ${w.requestedOn} 提出。`}
    />
  );
}

function WithdrawalInfo({ w }: { w: WithdrawalRecord }) {
  const c = w.changingDecision;
  return (
    <Alert
      type="warning"
      style={{ marginTop: 8 }}
      data-testid="withdrawal-info"
      title={`撤回：${WITHDRAWAL_CAUSE_LABELS[w.cause] ?? w.cause}（${w.changedOn}），应于 ${w.withdrawBy} 前撤回${w.withdrawnOn ? `，已于 ${w.withdrawnOn} 撤回（${w.approvedBy ?? ''}批准）` : ''}`}
      description={
        <Space orientation="vertical" size={2}>
          <span>公开说明：{w.statement}</span>
          {c.body || c.number || c.date || c.content ? <span>变更决定：{[c.body, c.number, c.date].filter(Boolean).join('，')}{c.content ? `；${c.content}` : ''}</span> : null}
          <Typography.Text type="secondary">
            {w.requestedBy} 于 {w.requestedOn} 提出
          </Typography.Text>
        </Space>
      }
    />
  );
}
