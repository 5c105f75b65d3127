/**
 * Tables of the to-do list (待办, issue 15): what the bell has shown and which
 * daily digests went out. The SQL in migrations/0015_todo.sql is the source of truth.
 */
import { date, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const todoSeen = pgTable(
  'todo_seen',
  {
    userId: text('user_id').notNull(),
    itemKey: text('item_key').notNull(),
    seenAt: ts('seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.itemKey] })],
);

export const todoDigests = pgTable(
  'todo_digests',
  {
    userId: text('user_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    channel: text('channel').notNull(),
    itemCount: integer('item_count').notNull(),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);
