/**
 * The tus endpoint answers in the platform's error shape too (issue 14 item
 * 4): the tus server writes some answers itself (412 without Tus-Resumable,
 * 400 for invalid headers, 404, its own English errors); they are rewritten
 * here, at the one place every tus answer passes, into `{ error: { code,
 * message } }` in Chinese with the same status. 5xx are logged.
 */
import type { Server as TusServer } from '@tus/server';
import { AppError } from '@sanxiang/core';
import { errorBody } from './app.js';

function tusAppError(status: number): AppError {
  switch (status) {
    case 403:
      return new AppError('forbidden');
    case 404:
      return new AppError('not_found');
    case 409:
      return new AppError('media.upload_invalid', { detail: '续传位置与服务器已收到的字节数不符，请从服务器记录的位置继续上传' });
    case 410:
      return new AppError('media.upload_invalid', { detail: '该上传已过期或已终止，请重新登记上传' });
    case 412:
      return new AppError('request.malformed', { detail: '缺少或不支持的断点续传协议版本（Tus-Resumable）' });
    case 413:
      return new AppError('request.too_large');
    case 415:
      return new AppError('request.malformed', { detail: '续传内容的类型须为 application/offset+octet-stream' });
    case 460:
      return new AppError('request.malformed', { detail: '续传内容的校验和不符' });
    default:
      return status >= 500 ? new AppError('internal') : new AppError('request.malformed', { detail: '断点续传请求无效' });
  }
}

function isOurShape(body: unknown): boolean {
  return typeof body === 'string' && body.startsWith('{"error":');
}

type Write = (context: unknown, headers: Headers, status: number, body?: string) => Promise<Response>;

export function chineseTusErrors(tus: TusServer, log: (msg: string) => void): TusServer {
  const target = tus as unknown as { write: Write };
  const original = target.write.bind(tus);
  target.write = async (context, headers, status, body = '') => {
    if (status >= 400 && !isOurShape(body)) {
      if (status >= 500) log(`tus ${status}: ${String(body).trim()}`);
      headers.set('Content-Type', 'application/json; charset=utf-8');
      return original(context, headers, status, JSON.stringify(errorBody(tusAppError(status))));
    }
    if (status >= 400) headers.set('Content-Type', 'application/json; charset=utf-8');
    return original(context, headers, status, body);
  };
  return tus;
}
