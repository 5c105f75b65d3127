import crypto from 'node:crypto';

/** New random identifier (UUID v4); ids only contain [0-9a-f-], which scope paths rely on. */
export function newId(): string {
  return crypto.randomUUID();
}

export function sha256Hex(data: string | Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}
