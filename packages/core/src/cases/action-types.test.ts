import { describe, expect, it } from 'vitest';
import { ACTION_TYPES, ACTION_TYPE_INFO, allowedSources, checkCaseSource, enabledActionTypes, initiationMode } from './action-types.js';
import { CASE_STAGES, CASE_STAGE_LABELS, nextStage, stageOrder } from './stages.js';

describe('REC-3 · GS-P 2; GS-R 2: action types and case sources', () => {
  it('the four core types and the two configurable ones, with Chinese labels', () => {
    expect(ACTION_TYPES.map((t) => ACTION_TYPE_INFO[t].label)).toEqual(['行政处罚', '行政强制', '行政检查', '行政许可', '行政确认', '行政登记']);
    expect(enabledActionTypes()).toEqual(['penalty', 'coercion', 'inspection', 'permit']);
    expect(enabledActionTypes(['registration'])).toEqual(['penalty', 'coercion', 'inspection', 'permit', 'registration']);
  });

  it.each([
    ['penalty', 'exOfficio'],
    ['coercion', 'exOfficio'],
    ['inspection', 'exOfficio'],
    ['permit', 'onApplication'],
    ['confirmation', 'onApplication'],
    ['registration', 'onApplication'],
  ] as const)('REC-3 · GS-R 7: %s starts %s', (type, mode) => {
    expect(initiationMode(type)).toBe(mode);
  });

  it.each([
    ['penalty', 'complaint', true],
    ['penalty', 'randomInspection', true],
    ['penalty', 'transfer', true],
    ['penalty', 'application', false],
    ['inspection', 'randomInspection', true],
    ['permit', 'application', true],
    ['permit', 'exOfficio', false],
  ] as const)('REC-3 · GS-R 7: %s from %s allowed: %s', (type, source, ok) => {
    expect(checkCaseSource(type, source).ok).toBe(ok);
    expect(allowedSources(type).includes(source)).toBe(ok);
  });

  it('REC-3: the refusal says why, in Chinese', () => {
    expect(checkCaseSource('permit', 'complaint')).toMatchObject({ ok: false, missing: [{ reason: '行政许可为依申请启动，案件来源不能为“投诉、举报”' }] });
  });

  it('GS-P 2: a configurable type needs the agency to turn it on', () => {
    expect(checkCaseSource('confirmation', 'application')).toMatchObject({ ok: false, missing: [{ reason: '本机关未启用“行政确认”类别' }] });
    expect(checkCaseSource('confirmation', 'application', ['confirmation'])).toEqual({ ok: true });
  });
});

describe('REC-3..REC-5 · SX25-R 3; GS-R 2: the stages', () => {
  it('启动 → 调查取证 → 审核决定 → 送达执行 → 归档 → archived (read-only)', () => {
    expect(CASE_STAGES.map((s) => CASE_STAGE_LABELS[s])).toEqual(['启动', '调查取证', '审核决定', '送达执行', '归档']);
    expect(nextStage('initiation')).toBe('investigation');
    expect(nextStage('serviceExecution')).toBe('archive');
    expect(nextStage('archive')).toBe('archived');
    expect(nextStage('archived')).toBeNull();
    expect(stageOrder('archived')).toBe(5);
  });
});
