/** The demo users as actors, for seeding through the real use cases. */
import { eq } from 'drizzle-orm';
import type { ActorContext, AppContext } from '../context.js';
import { users } from '../db/schema.js';
import { loadActor } from '../usecases/auth.js';

export async function demoActor(ctx: AppContext, username: string): Promise<ActorContext> {
  const [u] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!u) throw new Error(`demo user ${username} missing`);
  return (await loadActor(ctx, u.id, '127.0.0.1'))!;
}
