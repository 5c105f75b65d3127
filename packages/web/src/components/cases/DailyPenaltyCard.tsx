/**
 * NAT-11 · 按日连续处罚 on the case page: the dates the computation comes from
 * (责令改正违法行为决定书送达、复查), the days (from the day after the service to
 * the 复查, 《环境保护主管部门实施按日连续处罚办法》第十七条) and the amount (the
 * original fine × days, 第十九条); what is still missing, as the server says it.
 */
import { Alert, Card, Descriptions, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { DailyPenaltyView } from '../../api/cases.js';

const FINDINGS: Record<NonNullable<DailyPenaltyView['finding']>, string> = {
  continuing: '仍在继续违法排放污染物（拒不改正）',
  obstructed: '拒绝、阻挠复查（拒不改正）',
  corrected: '已经改正',
  stopped: '已经停产、停业或者关闭',
};

const yuan = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('zh-CN')} 元`);
const or = (s: string | null) => s ?? '—';

export function DailyPenaltyCard({ d }: { d: DailyPenaltyView }) {
  const formula = d.days !== null && d.amount !== null && d.originalFine !== null ? `${yuan(d.originalFine)} × ${d.days} 日 = ${yuan(d.amount)}` : '尚不能计算';
  return (
    <Card title="按日连续处罚" size="small" data-testid="daily-penalty">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'original',
            label: '原处罚决定',
            children: (
              <span>
                {d.originalCaseId && d.originalCaseNumber ? <Link to={`/cases/${d.originalCaseId}`}>{d.originalCaseNumber}</Link> : or(d.originalCaseNumber)}
                {d.originalDecisionNumber ? ` · ${d.originalDecisionNumber}` : ''}
                {d.originalFine !== null ? ` · 罚款 ${yuan(d.originalFine)}` : ''}
              </span>
            ),
          },
          ...(d.violation ? [{ key: 'violation', label: '违法行为', children: `${d.violation}（${or(d.basis)}）` }] : []),
          { key: 'served', label: '责令改正决定书送达', children: d.correctionServedOn ? `${d.correctionServedOn}${d.correctionNumber ? `（${d.correctionNumber}）` : ''}` : '尚未送达' },
          { key: 'due', label: '复查期限', children: d.reinspectionDue ? `送达之日起 30 日内，至 ${d.reinspectionDue}` : '—' },
          { key: 'reinspected', label: '复查', children: d.reinspectedOn ? `${d.reinspectedOn}：${d.finding ? FINDINGS[d.finding] : ''}` : '尚未复查' },
          { key: 'days', label: '计罚日数', children: d.days !== null ? `${d.days} 日（${d.firstDay} 至 ${d.reinspectedOn}）` : '—' },
          { key: 'amount', label: '罚款数额', children: <span data-testid="daily-penalty-amount">{formula}</span> },
          ...(d.decisionAmount !== null ? [{ key: 'decision', label: '决定书载明', children: yuan(d.decisionAmount) }] : []),
        ]}
      />
      {d.problems.length ? (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} title="尚不能作出按日连续处罚决定" description={<ul style={{ margin: 0, paddingLeft: 18 }}>{d.problems.map((p) => <li key={p}>{p}</li>)}</ul>} />
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        依据：《中华人民共和国环境保护法》第五十九条；《环境保护主管部门实施按日连续处罚办法》第十条、第十七条、第十九条
      </Typography.Text>
    </Card>
  );
}
