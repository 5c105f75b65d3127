/**
 * Password rules (SYS-5 · GB/T 22239-2019 8.1.4.1 身份鉴别: complexity, periodic
 * change): at least 10 characters from at least 3 of the 4 classes upper case,
 * lower case, digits, symbols.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MIN_CLASSES = 3;

export function passwordClasses(password: string): number {
  return [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

export function isPasswordStrong(password: string): boolean {
  return [...password].length >= PASSWORD_MIN_LENGTH && passwordClasses(password) >= PASSWORD_MIN_CLASSES;
}

/**
 * Lockout after repeated failures (SYS-5 登录失败处理): returns the new failure
 * count and, when the limit is reached, the time until which the account is
 * locked.
 */
export function afterFailedLogin(
  failedAttempts: number,
  now: Date,
  limits: { maxFailures: number; lockMinutes: number },
): { failedAttempts: number; lockedUntil: Date | null } {
  const n = failedAttempts + 1;
  if (n >= limits.maxFailures) return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + limits.lockMinutes * 60_000) };
  return { failedAttempts: n, lockedUntil: null };
}

/** A session is over when idle for longer than the timeout (SYS-5 会话超时). */
export function isSessionIdle(lastSeenAt: Date, now: Date, idleMinutes: number): boolean {
  return now.getTime() - lastSeenAt.getTime() > idleMinutes * 60_000;
}
