import { describe, expect, it } from 'vitest';
import type { DeadlineSpec } from '../domain.js';
import { deadlineSummary, deadlineText, extensionTexts, originLabel, paramValueLines, rolloverText } from './rules.js';

const span = (over: Partial<Extract<DeadlineSpec, { kind: 'span' }>> = {}): DeadlineSpec => ({
  kind: 'span',
  period: { unit: 'workingDays', amount: 7 },
  anchor: 'decisionDate',
  direction: 'after',
  extensions: [],
  rollover: false,
  ...over,
});

describe('DeadlineSpec as text', () => {
  it('PUB-2: a span counted from its anchor', () => {
    expect(deadlineText(span())).toBe('7 个工作日（自 执法决定作出之日 起）');
    expect(deadlineText(span({ period: { unit: 'hours', amount: 24 }, anchor: 'recordingEnd' }))).toBe('24 小时（自 音像记录制作完成之时（异地执法的，返回单位之时） 起）');
    expect(deadlineText(span({ period: { unit: 'months', amount: 6 } }))).toBe('6 个月（自 执法决定作出之日 起）');
  });

  it('NAT-4: a limit before an event', () => {
    expect(deadlineText(span({ anchor: 'hearingDate', direction: 'before' }))).toBe('7 个工作日（在 举行听证之日 前）');
  });

  it('an event rule gives its description', () => {
    expect(deadlineText({ kind: 'event', anchor: 'investigationEnd', description: '随案卷一并提交' })).toBe('案件调查终结之日：随案卷一并提交');
    expect(extensionTexts({ kind: 'event', anchor: 'investigationEnd', description: 'x' })).toEqual([]);
  });

  it('NAT-3: extensions in order with who approves, and the roll-over rule', () => {
    const spec = span({
      period: { unit: 'calendarDays', amount: 90 },
      anchor: 'filingDate',
      extensions: [
        { amount: 30, approval: '经生态环境主管部门负责人批准' },
        { amount: 30, approval: '经负责人集体讨论决定继续延期' },
      ],
      rollover: true,
    });
    expect(extensionTexts(spec)).toEqual(['可延长 30 日（经生态环境主管部门负责人批准）', '再延长 30 日（经负责人集体讨论决定继续延期）']);
    expect(rolloverText(spec)).toContain('顺延');
    expect(rolloverText(span())).toBeNull();
    expect(deadlineSummary(spec)).toBe('90 日（自 立案之日 起）；可延长 30 日（经生态环境主管部门负责人批准）；再延长 30 日（经负责人集体讨论决定继续延期）');
  });

  it('renders a deadline parameter with its extension lines', () => {
    expect(paramValueLines('review.timeLimit', span({ period: { unit: 'workingDays', amount: 10 }, anchor: 'materialsComplete', extensions: [{ amount: 10, approval: '经机关负责人批准' }] }))).toEqual([
      '10 个工作日（自 收到完备的送审材料之日 起）',
      '可延长 10 个工作日（经机关负责人批准）',
    ]);
  });
});

describe('other values', () => {
  it('lists, amounts, ratios and flags in Chinese', () => {
    expect(paramValueLines('review.pauseReasons', ['supplement', 'expertReview'])).toEqual(['补充材料', '专家论证']);
    expect(paramValueLines('av.retention.longTerm', ['seal'])).toEqual(['查封场所、设施或者财物']);
    expect(paramValueLines('av.mandatory', [{ measure: 'seize', citations: [] }])).toEqual(['扣押财物']);
    expect(paramValueLines('majorDecision.amountThreshold', { organisation: 200000, individual: 5000 })).toEqual(['法人或其他组织 200,000 元', '公民 5,000 元']);
    expect(paramValueLines('hearing.fineThreshold.organisation', 200000)).toEqual(['200,000 元']);
    expect(paramValueLines('av.retention.routineMonths', 12)).toEqual(['12 个月']);
    expect(paramValueLines('review.reviewerRatio', 0.05)).toEqual(['不低于 5%']);
    expect(paramValueLines('penalty.lateFee', { ratePerDay: 0.03, cappedAtFine: true })).toEqual(['每日按罚款数额的 3% 加处罚款', '加处罚款的数额不得超出罚款的数额']);
    expect(paramValueLines('av.retention.litigationHold', true)).toEqual(['是']);
  });
});

describe('origin labels', () => {
  it('本规则 / 继承自 X / 本机关配置 / 平台默认，须机关配置', () => {
    expect(originLabel({ origin: 'own', from: 'SX25' })).toBe('本规则');
    expect(originLabel({ origin: 'inherited', from: 'SX19' })).toBe('继承自 SX19');
    expect(originLabel({ origin: 'inherited', from: 'national' })).toBe('继承自 全国基线');
    expect(originLabel({ origin: 'agency', from: 'agency' })).toBe('本机关配置');
    expect(originLabel({ origin: 'default', from: 'GS19' })).toBe('平台默认，须机关配置');
  });
});
