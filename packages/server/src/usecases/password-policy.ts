/**
 * Password policy of the server (SYS-5 · GB/T 22239-2019 8.1.4.1 身份鉴别,
 * issue 14 item 5): on top of the length and character classes of core
 * `isPasswordStrong`, a password is refused when it is common, derived from
 * the user's own name, or published (the demo password, printed in the README:
 * allowed only in demo mode). Strength is estimated by @zxcvbn-ts/core with
 * its common dictionary; the reasons are given in Chinese.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { AppError, PASSWORD_MIN_LENGTH, isPasswordStrong } from '@sanxiang/core';

/** zxcvbn score 0–4; 3 = "safely unguessable" (about 10^8 guesses and more). */
export const PASSWORD_MIN_SCORE = 3;
/** Passwords published with the software (README, demo). */
const PUBLISHED = ['Sanxiang@2026']; // seed/demo.ts DEMO_PASSWORD

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return factory;
}

const WARNINGS: Record<string, string> = {
  common: '这是常见密码',
  commonNames: '包含常见的姓名',
  similarToCommon: '与常见密码过于相似',
  userInputs: '由用户名、姓名或平台名称变化而来',
  straightRow: '是键盘上连续的一排按键',
  keyPattern: '是键盘上的简单按键组合',
  simpleRepeat: '含有简单重复的字符',
  extendedRepeat: '含有重复的字符组合',
  sequences: '含有连续的字母或数字',
  recentYears: '含有近年的年份',
  dates: '含有日期',
  topTen: '是最常用的十个密码之一',
  topHundred: '是最常用的一百个密码之一',
  wordByItself: '是单个常用词',
  namesByThemselves: '是单个姓名',
  pwned: '已在公开泄露的密码中出现',
};

export interface PasswordContext {
  mode: 'demo' | 'production';
  username?: string | undefined;
  displayName?: string | undefined;
}

/** Why a password is refused (Chinese), or null when it may be used. Pure: no I/O. */
export function passwordProblem(password: string, who: PasswordContext): string | null {
  if (PUBLISHED.includes(password)) return who.mode === 'demo' ? null : '这是随软件公开的演示密码，只能在演示模式下使用';
  const userInputs = ['sanxiang', '三项制度', ...[who.username, who.displayName].filter((v): v is string => !!v)];
  const lower = password.toLowerCase();
  const name = who.username?.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (name && name.length >= 3 && lower.replace(/[^a-z0-9]/g, '').includes(name)) return WARNINGS.userInputs!;
  const r = estimator().check(password.slice(0, 256), userInputs);
  if (r.score >= PASSWORD_MIN_SCORE) return null;
  const w = r.feedback.warning;
  return (w && WARNINGS[w]) ?? '过于简单，容易被猜中；请使用更长、无规律的组合';
}

/** Throws 400 with the reason in Chinese (auth.password_weak for length/classes, auth.password_rejected otherwise). */
export function requirePasswordAllowed(password: string, who: PasswordContext): void {
  if (!isPasswordStrong(password)) throw new AppError('auth.password_weak', { min: PASSWORD_MIN_LENGTH });
  const problem = passwordProblem(password, who);
  if (problem) throw new AppError('auth.password_rejected', { reason: problem });
}
