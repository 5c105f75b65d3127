import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, onAuthProblem, query } from './client.js';
import { apiError, mockFetch } from '../test/fetchMock.js';

afterEach(() => {
  onAuthProblem(null);
  vi.unstubAllGlobals();
});

describe('api client', () => {
  it('sends JSON and returns the parsed answer', async () => {
    const f = mockFetch({ 'POST /api/v1/users': { status: 201, body: { user: { id: 'u1' } } } });
    await expect(api.post('/users', { username: 'a' })).resolves.toEqual({ user: { id: 'u1' } });
    expect(f.calls).toEqual([{ method: 'POST', path: '/api/v1/users', body: { username: 'a' } }]);
  });

  it('turns an error answer into an ApiError with the server code and Chinese message', async () => {
    mockFetch({ 'PUT /api/v1/users/u1/roles': apiError(409, 'user.role_conflict', '角色冲突：系统管理员不得兼任业务角色') });
    const e = await api.put('/users/u1/roles', { roles: [] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 409, code: 'user.role_conflict', message: '角色冲突：系统管理员不得兼任业务角色' });
  });

  it('reports 401 and a required password change to the session, except for quiet calls', async () => {
    mockFetch({
      'GET /api/v1/agencies': apiError(401, 'auth.session_expired', '登录已超时，请重新登录。'),
      'GET /api/v1/users': apiError(403, 'auth.password_change_required', '首次登录须先修改初始密码。'),
      'GET /api/v1/audit': apiError(403, 'forbidden', '您无权执行此操作。'),
    });
    const seen: string[] = [];
    onAuthProblem((e) => seen.push(e.code));
    await api.get('/agencies').catch(() => undefined);
    await api.get('/agencies', { quiet: true }).catch(() => undefined);
    await api.get('/users').catch(() => undefined);
    await api.get('/audit').catch(() => undefined);
    expect(seen).toEqual(['auth.session_expired', 'auth.password_change_required']);
  });

  it('gives a Chinese message when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(api.get('/agencies')).rejects.toMatchObject({ status: 0, message: '无法连接服务器，请检查网络后重试。' });
  });

  it('builds query strings from the defined values only', () => {
    expect(query({ a: 'x y', b: undefined, c: '', d: 2 })).toBe('?a=x+y&d=2');
    expect(query({})).toBe('');
  });
});
