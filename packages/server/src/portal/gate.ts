/**
 * A cap on portal requests in progress at once (issue 14 item 8; SYS-4): the
 * public portal may have hundreds of connections, the staff a handful. Without
 * a cap every open portal request interleaves its rendering and database waits
 * with the staff's requests on the one event loop, and the staff's latency
 * grows with the crowd. With it, at most PORTAL_CONCURRENCY portal requests run;
 * the others wait their turn in a queue that costs nothing but memory (first
 * come, first served), and a staff request always finds the loop near-free.
 * The queue is bounded (PORTAL_QUEUE_MAX): beyond it the portal answers 503
 * with Retry-After at once, rather than holding connections without end.
 *
 * A pure counter with a FIFO of waiters; `registerPortalGate` wires it to the
 * portal's requests (acquired in onRequest, released exactly once when the
 * response is sent or the request is aborted).
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '@sanxiang/core';
import { errorBody } from '../http/app.js';
import { HTTP_STATUS } from '../http/errors.js';
import { isPortalPath } from './cache.js';

export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(
    readonly limit: number,
    readonly queueMax: number,
  ) {}

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves with true when a slot is taken, false at once when the queue is full. */
  acquire(): Promise<boolean> {
    if (this.running < this.limit) {
      this.running++;
      return Promise.resolve(true);
    }
    if (this.waiting.length >= this.queueMax) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      this.waiting.push(() => {
        this.running++;
        resolve(true);
      });
    });
  }

  release(): void {
    this.running = Math.max(0, this.running - 1);
    const next = this.waiting.shift();
    if (next) next();
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    portalSlot?: { released: boolean };
  }
}

/** Wires a gate to the portal's requests; `concurrency` 0 turns it off. */
export function registerPortalGate(app: FastifyInstance, opts: { concurrency: number; queueMax: number }): Gate | null {
  if (opts.concurrency <= 0) return null;
  const gate = new Gate(opts.concurrency, opts.queueMax);
  const release = (slot: { released: boolean } | undefined) => {
    if (!slot || slot.released) return;
    slot.released = true;
    gate.release();
  };
  app.addHook('onRequest', async (req, reply) => {
    if (!isPortalPath(req.url)) return;
    if (!(await gate.acquire())) {
      const err = new AppError('portal.busy', {});
      reply.status(HTTP_STATUS[err.code]).header('retry-after', '5').header('cache-control', 'no-store');
      return reply.send(errorBody(err));
    }
    const slot = { released: false };
    req.portalSlot = slot;
    // The client may have gone while it waited for its turn: give the slot back now. And whatever
    // happens to the response, its socket's close gives it back too (onResponse may not come then).
    if (req.raw.destroyed || req.raw.socket?.destroyed) {
      release(slot);
      return reply.hijack();
    }
    reply.raw.once('close', () => release(slot));
  });
  app.addHook('onResponse', async (req) => release(req.portalSlot));
  app.addHook('onRequestAbort', async (req) => release(req.portalSlot));
  return gate;
}
