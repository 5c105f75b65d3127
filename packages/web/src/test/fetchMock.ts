/** A fetch stand-in for component tests: answers by method and path, records the calls. */
import { vi } from 'vitest';

export interface MockAnswer {
  status?: number;
  body?: unknown;
}

export type MockRoute = MockAnswer | ((call: { body: unknown; url: URL }) => MockAnswer);

export interface FetchMock {
  calls: { method: string; path: string; body: unknown }[];
  /** Replaces or adds answers, keyed "GET /api/v1/auth/me". */
  on(key: string, route: MockRoute): void;
}

export function mockFetch(routes: Record<string, MockRoute>): FetchMock {
  const table = new Map(Object.entries(routes));
  const calls: FetchMock['calls'] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://console.test');
      const method = (init?.method ?? 'GET').toUpperCase();
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      calls.push({ method, path: url.pathname + url.search, body });
      const route = table.get(`${method} ${url.pathname}${url.search}`) ?? table.get(`${method} ${url.pathname}`);
      const answer = typeof route === 'function' ? route({ body, url }) : (route ?? { status: 404, body: { error: { code: 'not_found', message: '未找到该对象，或您无权查看。' } } });
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
        status: answer.status ?? 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return { calls, on: (key, route) => void table.set(key, route) };
}

export const apiError = (status: number, code: string, message: string, details?: unknown): MockAnswer => ({
  status,
  body: { error: { code, message, ...(details ? { details } : {}) } },
});
