/** A deadline's status as a coloured tag (已逾期 red, 即将到期 orange, 期限内 green); the tooltip names the deadline and its due date. */
import { Tag, Tooltip } from 'antd';
import type { CaseDeadline } from '../../api/cases.js';
import { DEADLINE_STATUS } from '../../lib/cases.js';

export function deadlineTip(d: CaseDeadline): string {
  const due = d.due ? `${d.due} 届满` : '届满日无法计算';
  const ext = d.dueWithMaxExtension && d.dueWithMaxExtension !== d.due ? `（经批准延长最迟 ${d.dueWithMaxExtension}）` : '';
  // NAT-21: say why the date is provisional.
  return `${d.label}：${due}${ext}${d.provisional && d.provisionalReason ? `。暂定：${d.provisionalReason}` : ''}`;
}

export function DeadlineBadge({ deadline, showDue = false }: { deadline: CaseDeadline; showDue?: boolean }) {
  const s = DEADLINE_STATUS[deadline.status] ?? DEADLINE_STATUS.unknown;
  return (
    <Tooltip title={deadlineTip(deadline)}>
      <Tag color={s.color} data-status={deadline.status} data-testid="deadline-badge">
        {s.label}
        {showDue && deadline.due ? ` · ${deadline.due}` : ''}
        {deadline.provisional ? ' · 暂定' : ''}
      </Tag>
    </Tooltip>
  );
}
