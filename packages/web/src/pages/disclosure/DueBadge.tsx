/** Deadline badges of the disclosure pages: 已逾期 red, 即将到期 orange, 期限内 green (PUB-2, PUB-8, PUB-9). */
import { Tag, Tooltip } from 'antd';
import { DUE_BADGES, type ScheduleStatus } from './disclosureApi.js';

export function DueBadge({ due, what = '期限' }: { due: { date: string; status: ScheduleStatus; label?: string } | null; what?: string }) {
  if (!due) return <span>—</span>;
  const b = DUE_BADGES[due.status] ?? { label: due.status, color: 'default' };
  const name = due.label ?? what;
  return (
    <Tooltip title={`${name}：${due.date} 届满`}>
      <Tag color={b.color} data-testid="due-badge" data-status={due.status}>
        {b.label} · {due.date}
      </Tag>
    </Tooltip>
  );
}

export function ScheduleBadge({ status }: { status: ScheduleStatus }) {
  const b = DUE_BADGES[status] ?? { label: status, color: 'default' };
  return (
    <Tag color={b.color} data-testid="schedule-badge" data-status={status}>
      {b.label}
    </Tag>
  );
}
