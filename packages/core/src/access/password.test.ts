import { describe, expect, it } from 'vitest';
import { afterFailedLogin, isPasswordStrong, isSessionIdle } from './password.js';

describe('SYS-5 · GB/T 22239-2019 8.1.4.1 password complexity', () => {
  it.each([
    ['Abcdefgh12', true],
    ['abcdefgh1!', true],
    ['ABCDEFGH1!', true],
    ['abcdefghij', false], // one class
    ['abcdefgh12', false], // two classes
    ['Abc1!', false], // too short
    ['执法平台密码Ab12', true], // 10 characters; Chinese characters count as symbols
  ])('%s → %s', (pw, ok) => {
    expect(isPasswordStrong(pw)).toBe(ok);
  });
});

describe('SYS-5 · GB/T 22239-2019 8.1.4.1 login failure handling', () => {
  const limits = { maxFailures: 5, lockMinutes: 15 };
  const now = new Date('2026-03-02T08:00:00Z');
  it('the fifth failure locks the account for 15 minutes', () => {
    let state = { failedAttempts: 0, lockedUntil: null as Date | null };
    for (let i = 0; i < 4; i++) {
      state = afterFailedLogin(state.failedAttempts, now, limits);
      expect(state.lockedUntil).toBeNull();
    }
    state = afterFailedLogin(state.failedAttempts, now, limits);
    expect(state.lockedUntil?.toISOString()).toBe('2026-03-02T08:15:00.000Z');
  });
  it('a session idle for longer than the timeout is over', () => {
    expect(isSessionIdle(new Date('2026-03-02T07:29:59Z'), now, 30)).toBe(true);
    expect(isSessionIdle(new Date('2026-03-02T07:30:00Z'), now, 30)).toBe(false);
  });
});
