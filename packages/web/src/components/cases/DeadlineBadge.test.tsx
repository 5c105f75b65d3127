import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { CaseDeadline } from '../../api/cases.js';
import { DeadlineBadge, deadlineTip } from './DeadlineBadge.js';

afterEach(cleanup);

const deadline = (status: CaseDeadline['status'], over: Partial<CaseDeadline> = {}): CaseDeadline => ({
  key: 'penalty.decide',
  label: '作出处罚决定',
  due: '2026-06-01',
  dueWithMaxExtension: '2026-07-30',
  basis: '生态环境行政处罚办法 第五十七条',
  status,
  ...over,
});

describe('REC-19: deadline badges', () => {
  it.each([
    ['overdue', '已逾期', 'ant-tag-red'],
    ['dueSoon', '即将到期', 'ant-tag-orange'],
    ['onTime', '期限内', 'ant-tag-green'],
  ] as const)('%s → %s in %s', (status, label, cls) => {
    render(<DeadlineBadge deadline={deadline(status)} />);
    const tag = screen.getByTestId('deadline-badge');
    expect(tag.textContent).toBe(label);
    expect(tag.classList.contains(cls)).toBe(true);
    expect(tag.getAttribute('data-status')).toBe(status);
  });

  it('done and unknown deadlines are neutral', () => {
    render(<DeadlineBadge deadline={deadline('met')} />);
    const tag = screen.getByTestId('deadline-badge');
    expect(tag.textContent).toBe('已按期完成');
    expect(['ant-tag-red', 'ant-tag-orange', 'ant-tag-green'].some((c) => tag.classList.contains(c))).toBe(false);
  });

  it('the tooltip names the deadline and its due date (and the latest date with an approved extension)', async () => {
    expect(deadlineTip(deadline('dueSoon'))).toBe('作出处罚决定：2026-06-01 届满（经批准延长最迟 2026-07-30）');
    expect(deadlineTip(deadline('unknown', { due: null, dueWithMaxExtension: null, label: '期限计算' }))).toBe('期限计算：届满日无法计算');
    render(<DeadlineBadge deadline={deadline('overdue', { dueWithMaxExtension: null })} />);
    fireEvent.mouseEnter(screen.getByTestId('deadline-badge'));
    expect(await screen.findByText('作出处罚决定：2026-06-01 届满')).toBeTruthy();
  });
});

describe('NAT-21: a provisional deadline shows 暂定 and why', () => {
  it('NAT-21 · 全国年节及纪念日放假办法: the badge says 暂定; the tip gives the reason', () => {
    const d = deadline('onTime', { due: '2027-03-08', provisional: true, provisionalReason: '2027年的国务院办公厅节假日安排通知尚未录入' });
    render(<DeadlineBadge deadline={d} showDue />);
    expect(screen.getByTestId('deadline-badge').textContent).toBe('期限内 · 2027-03-08 · 暂定');
    expect(deadlineTip(d)).toContain('暂定：2027年的国务院办公厅节假日安排通知尚未录入');
    cleanup();
    render(<DeadlineBadge deadline={deadline('onTime')} />);
    expect(screen.getByTestId('deadline-badge').textContent).toBe('期限内');
  });
});
