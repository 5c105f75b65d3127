/**
 * A small typed client for the JSON API: same-origin fetch with the session
 * cookie, JSON in and out, and every error answer `{error:{code,message}}`
 * turned into an ApiError whose `message` is the server's Chinese text.
 */

export const API_BASE = '/api/v1';

export interface ApiErrorDetail {
  instancePath?: string;
  message?: string;
  [key: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** The user-facing text of any error (ApiError message, or a generic one). */
export function errorMessage(e: unknown): string {
  if (isApiError(e)) return e.message;
  return '网络异常，请检查连接后重试。';
}

type AuthListener = (e: ApiError) => void;
let authListener: AuthListener | null = null;

/**
 * Registered by the session provider: called when a request answers 401
 * (not signed in, session timed out) or 403 `auth.password_change_required`.
 */
export function onAuthProblem(listener: AuthListener | null): void {
  authListener = listener;
}

export function isAuthProblem(e: ApiError): boolean {
  return e.status === 401 || e.code === 'auth.password_change_required';
}

export interface RequestOptions {
  /** Do not notify the session provider on 401 (the sign-in call itself, the first "who am I"). */
  quiet?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(API_BASE + path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试。');
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const err = toApiError(res.status, data);
    if (!opts.quiet && isAuthProblem(err)) authListener?.(err);
    throw err;
  }
  return data as T;
}

function toApiError(status: number, data: unknown): ApiError {
  const body = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  const code = typeof body?.code === 'string' ? body.code : `http.${status}`;
  const message = typeof body?.message === 'string' && body.message ? body.message : `请求失败（HTTP ${status}）`;
  const details = Array.isArray(body?.details) ? (body.details as ApiErrorDetail[]) : [];
  return new ApiError(status, code, message, details);
}

/** Builds `?a=1&b=2` from defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
  put: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PUT', path, body, opts),
  patch: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body, opts),
};
