/**
 * Issue 14 item 8 (SYS-4): portal requests beyond PORTAL_CONCURRENCY wait their
 * turn, first come first served; beyond PORTAL_QUEUE_MAX the portal answers 503
 * at once; staff API requests never wait on the portal's gate; every slot is
 * given back, also when the client goes away.
 */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { Gate, registerPortalGate } from './gate.js';

describe('SYS-4 · issue 14: the portal gate', () => {
  it('a slot is taken up to the limit; the rest wait in order; a full queue refuses at once', async () => {
    const gate = new Gate(2, 1);
    expect(await gate.acquire()).toBe(true);
    expect(await gate.acquire()).toBe(true);
    const order: string[] = [];
    const third = gate.acquire().then((ok) => order.push(`third:${ok}`));
    expect(await gate.acquire()).toBe(false); // the queue (1) is full
    expect([gate.inFlight, gate.queued]).toEqual([2, 1]);
    gate.release();
    await third;
    expect(order).toEqual(['third:true']);
    expect([gate.inFlight, gate.queued]).toEqual([2, 0]);
    gate.release();
    gate.release();
    expect(gate.inFlight).toBe(0);
  });

  it('portal requests wait while the staff API passes; 503 in Chinese past the queue; slots come back', async () => {
    const app = Fastify();
    const gate = registerPortalGate(app, { concurrency: 1, queueMax: 1 })!;
    let open!: () => void;
    const held = new Promise<void>((r) => (open = r));
    app.get('/decisions', async () => {
      await held;
      return 'page';
    });
    app.get('/notices', async () => 'notices');
    app.get('/api/v1/cases', async () => ({ items: [] }));
    await app.ready();

    const first = app.inject({ method: 'GET', url: '/decisions' });
    await new Promise((r) => setTimeout(r, 20));
    expect(gate.inFlight).toBe(1);
    const second = app.inject({ method: 'GET', url: '/notices' });
    await new Promise((r) => setTimeout(r, 20));
    expect(gate.queued).toBe(1);
    // The staff API does not wait for the portal.
    const staff = await app.inject({ method: 'GET', url: '/api/v1/cases' });
    expect(staff.statusCode).toBe(200);
    // A third portal request finds the queue full.
    const busy = await app.inject({ method: 'GET', url: '/notices' });
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['retry-after']).toBe('5');
    expect(busy.json().error).toMatchObject({ code: 'portal.busy', message: '公示平台访问人数较多，请稍后再试。' });
    open();
    expect((await first).body).toBe('page');
    expect((await second).body).toBe('notices');
    expect([gate.inFlight, gate.queued]).toEqual([0, 0]);
    await app.close();
  });

  it('a handler error gives the slot back', async () => {
    const app = Fastify({ logger: false });
    const gate = registerPortalGate(app, { concurrency: 1, queueMax: 0 })!;
    app.get('/broken', async () => {
      throw new Error('boom');
    });
    app.get('/ok', async () => 'ok');
    await app.ready();
    expect((await app.inject({ method: 'GET', url: '/broken' })).statusCode).toBe(500);
    expect(gate.inFlight).toBe(0);
    expect((await app.inject({ method: 'GET', url: '/ok' })).body).toBe('ok');
    await app.close();
  });

  it('a client that goes away while waiting for its turn does not keep a slot (real sockets)', async () => {
    const app = Fastify({ logger: false });
    const gate = registerPortalGate(app, { concurrency: 1, queueMax: 10 })!;
    let open!: () => void;
    const held = new Promise<void>((r) => (open = r));
    app.get('/decisions', async () => {
      await held;
      return 'page';
    });
    app.get('/notices', async () => 'notices');
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const first = fetch(`${base}/decisions`).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 50));
    const gone = new AbortController();
    const waiting = fetch(`${base}/notices`, { signal: gone.signal }).catch((e: Error) => e.name);
    await new Promise((r) => setTimeout(r, 50));
    expect(gate.queued).toBe(1);
    gone.abort();
    expect(await waiting).toBe('AbortError');
    open();
    expect(await first).toBe('page');
    await new Promise((r) => setTimeout(r, 100));
    expect([gate.inFlight, gate.queued]).toEqual([0, 0]);
    expect(await (await fetch(`${base}/notices`)).text()).toBe('notices');
    await new Promise((r) => setTimeout(r, 50));
    expect(gate.inFlight).toBe(0);
    await app.close();
  });

  it('a gate of 0 is no gate', () => {
    expect(registerPortalGate(Fastify(), { concurrency: 0, queueMax: 0 })).toBeNull();
  });
});
