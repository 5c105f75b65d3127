/**
 * The daily digest of each person's 待办 through a pluggable sender. The
 * default sender writes to the server log; an SMS gateway or a mail server is
 * another `DigestSender` (the deployment supplies it; nothing here knows a
 * vendor). One digest per person and China day, recorded in `todo_digests`
 * so a restart or a second server does not send it twice.
 */
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { todoDigests, users } from '../../db/schema.js';
import { chinaDate } from '../../lib/time.js';
import { loadActor } from '../auth.js';
import { listTodo, type TodoItem } from './todo.js';

export interface DigestRecipient {
  userId: string;
  username: string;
  displayName: string;
}

export interface Digest {
  day: string;
  subject: string;
  /** Plain-text lines, one per item, most urgent first. */
  lines: string[];
  items: TodoItem[];
}

/** A way to reach a person: the log (default), SMS, e-mail, a government messaging app… */
export interface DigestSender {
  readonly channel: string;
  send(to: DigestRecipient, digest: Digest): Promise<void>;
}

/** Writes each digest to a log function (the server's log by default). */
export class LoggingDigestSender implements DigestSender {
  readonly channel = 'log';
  constructor(private readonly log: (line: string) => void) {}
  async send(to: DigestRecipient, d: Digest): Promise<void> {
    this.log(`【待办日报】${to.displayName}（${to.username}）${d.subject}\n${d.lines.map((l) => `  ${l}`).join('\n')}`);
  }
}

/** The digest's text: counts, then one line per item with its badge and due date. */
export function composeDigest(day: string, items: readonly TodoItem[]): Digest {
  const overdue = items.filter((i) => i.urgency === 'overdue').length;
  const warning = items.filter((i) => i.urgency === 'warning').length;
  const subject = `${day} 待办 ${items.length} 项${overdue ? `，逾期 ${overdue} 项` : ''}${warning ? `，预警 ${warning} 项` : ''}`;
  const lines = items.map((i) => {
    const badges = [i.urgencyLabel, i.provisional ? '暂定' : ''].filter(Boolean).map((b) => `［${b}］`).join('');
    return `${badges}${i.kindLabel}：${i.title}${i.reference ? `（${i.reference}）` : ''}${i.due ? `，期限 ${i.due.slice(0, 10)}` : ''}`;
  });
  return { day, subject, lines, items: [...items] };
}

/** Sends today's digest to every active user with something waiting and none sent today. Returns how many went out. */
export async function sendDailyDigests(ctx: AppContext, sender: DigestSender): Promise<number> {
  const day = chinaDate(ctx.clock.now());
  const people = await ctx.db.select({ id: users.id }).from(users).where(eq(users.disabled, false));
  const sentToday = new Set((await ctx.db.select({ u: todoDigests.userId }).from(todoDigests).where(eq(todoDigests.day, day))).map((r) => r.u));
  let sent = 0;
  for (const p of people) {
    if (sentToday.has(p.id)) continue;
    const actor = await loadActor(ctx, p.id, '127.0.0.1');
    if (!actor) continue;
    const { items } = await listTodo(ctx, actor);
    if (!items.length) continue;
    // Claim the day first: of two servers only one inserts the row and sends.
    const claimed = await ctx.db.insert(todoDigests).values({ userId: p.id, day, channel: sender.channel, itemCount: items.length, sentAt: ctx.clock.now() }).onConflictDoNothing().returning();
    if (!claimed.length) continue;
    try {
      await sender.send({ userId: actor.userId, username: actor.username, displayName: actor.displayName }, composeDigest(day, items));
    } catch (e) {
      // Not sent: give the day back so the next run tries again.
      await ctx.db.delete(todoDigests).where(and(eq(todoDigests.userId, p.id), eq(todoDigests.day, day)));
      throw e;
    }
    sent++;
  }
  return sent;
}
