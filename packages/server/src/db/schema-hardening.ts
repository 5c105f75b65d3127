/** Typed view of migration 0014 (issue 14 hardening). */
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Failure counter of sign-in names without an account (SYS-5: no enumeration). */
export const loginFailures = pgTable('login_failures', {
  username: text('username').primaryKey(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: ts('locked_until'),
  updatedAt: ts('updated_at').notNull(),
});
