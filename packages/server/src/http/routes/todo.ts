/**
 * 待办 (issue 15): what waits for the signed-in person, and the bell's count
 * of what is new. Everyone signed in has a list (it may be empty); each item
 * comes from a scoped query, so it never names what the person cannot read.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../app.js';
import { markSeen, todoWithUnread, unreadCount } from '../../usecases/todo/bell.js';
import { TODO_KINDS } from '../../usecases/todo/todo.js';

const tags = ['todo'];

const TodoItem = z.object({
  key: z.string(),
  kind: z.enum(Object.keys(TODO_KINDS) as [keyof typeof TODO_KINDS, ...(keyof typeof TODO_KINDS)[]]),
  kindLabel: z.string(),
  title: z.string(),
  reference: z.string(),
  due: z.string().nullable(),
  urgency: z.enum(['overdue', 'warning', 'normal', 'none']),
  urgencyLabel: z.string(),
  provisional: z.boolean(),
  provisionalReason: z.string().nullable(),
  link: z.string(),
  unread: z.boolean(),
});

export default async function todoRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/todo',
    { schema: { tags, summary: '我的待办：按期限排序，含预警、逾期、暂定标记', response: { 200: z.object({ today: z.string(), unread: z.number().int(), items: z.array(TodoItem) }) } } },
    async (req) => todoWithUnread(req.ctx, await requireActor(req)),
  );

  r.get('/todo/unread', { schema: { tags, summary: '待办提醒：未读条数', response: { 200: z.object({ count: z.number().int() }) } } }, async (req) => ({
    count: await unreadCount(req.ctx, await requireActor(req)),
  }));

  r.post(
    '/todo/seen',
    {
      schema: {
        tags,
        summary: '标记待办为已读',
        body: z.object({ keys: z.array(z.string().min(1).max(200)).max(500) }),
        response: { 200: z.object({ marked: z.number().int() }) },
      },
    },
    async (req) => ({ marked: await markSeen(req.ctx, await requireActor(req), req.body.keys) }),
  );
}
