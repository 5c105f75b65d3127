/**
 * Password rules checked in the browser before submitting (SYS-5 · GB/T
 * 22239-2019 8.1.4.1): the same rule the server applies (it stays the
 * authority), from @sanxiang/core (see ../domain.ts).
 */
import { PASSWORD_MIN_CLASSES, PASSWORD_MIN_LENGTH, passwordClasses } from '../domain.js';

export const PASSWORD_RULE_TEXT = `至少 ${PASSWORD_MIN_LENGTH} 位，且须包含大写字母、小写字母、数字、符号中的至少 ${PASSWORD_MIN_CLASSES} 类`;

/** What is wrong with a new password, in Chinese; empty when it is acceptable. */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`长度不足 ${PASSWORD_MIN_LENGTH} 位（当前 ${length} 位）`);
  const classes = passwordClasses(password);
  if (classes < PASSWORD_MIN_CLASSES) problems.push(`只包含 ${classes} 类字符，须包含大写字母、小写字母、数字、符号中的至少 ${PASSWORD_MIN_CLASSES} 类`);
  return problems;
}
