import { describe, expect, it } from 'vitest';
import { isPasswordStrong } from '../domain.js';
import { passwordProblems } from './password.js';

describe('passwordProblems (SYS-5 · GB/T 22239-2019 8.1.4.1)', () => {
  it.each([
    ['Sanxiang@2026', []],
    ['abcdefgh12!', []], // lower + digit + symbol
    ['ABCDEFGH12a', []], // upper + lower + digit
    ['短Aa1!', ['长度不足 10 位（当前 5 位）']],
    ['abcdefghijk', ['只包含 1 类字符，须包含大写字母、小写字母、数字、符号中的至少 3 类']],
    ['abcdefgh123', ['只包含 2 类字符，须包含大写字母、小写字母、数字、符号中的至少 3 类']],
    ['abc', ['长度不足 10 位（当前 3 位）', '只包含 1 类字符，须包含大写字母、小写字母、数字、符号中的至少 3 类']],
  ])('%s → %j', (pw, problems) => {
    expect(passwordProblems(pw)).toEqual(problems);
    // The same rule as the server's.
    expect(isPasswordStrong(pw)).toBe(problems.length === 0);
  });
});
