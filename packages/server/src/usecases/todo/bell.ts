/**
 * The notification bell: the items of a person's 待办 that are new to that
 * person (not yet seen in the list). Opening the list marks what it showed as
 * seen; a changed item (a new round, a new version, a new status) has a new
 * key and rings again.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { ActorContext, AppContext } from '../../context.js';
import { todoSeen } from '../../db/schema.js';
import { listTodo, type TodoItem } from './todo.js';

async function seenKeys(ctx: AppContext, actor: ActorContext, keys: readonly string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await ctx.db.select({ k: todoSeen.itemKey }).from(todoSeen).where(and(eq(todoSeen.userId, actor.userId), inArray(todoSeen.itemKey, [...keys])));
  return new Set(rows.map((r) => r.k));
}

/** The list with an `unread` flag per item. */
export async function todoWithUnread(ctx: AppContext, actor: ActorContext): Promise<{ today: string; unread: number; items: (TodoItem & { unread: boolean })[] }> {
  const list = await listTodo(ctx, actor);
  const seen = await seenKeys(ctx, actor, list.items.map((i) => i.key));
  const items = list.items.map((i) => ({ ...i, unread: !seen.has(i.key) }));
  return { today: list.today, unread: items.filter((i) => i.unread).length, items };
}

export async function unreadCount(ctx: AppContext, actor: ActorContext): Promise<number> {
  return (await todoWithUnread(ctx, actor)).unread;
}

/** Marks items as seen; only keys currently on the person's list count (others are ignored). */
export async function markSeen(ctx: AppContext, actor: ActorContext, keys: readonly string[]): Promise<number> {
  const list = await listTodo(ctx, actor);
  const mine = new Set(list.items.map((i) => i.key));
  const rows = [...new Set(keys)].filter((k) => mine.has(k)).map((itemKey) => ({ userId: actor.userId, itemKey, seenAt: ctx.clock.now() }));
  if (rows.length) await ctx.db.insert(todoSeen).values(rows).onConflictDoNothing();
  return rows.length;
}
