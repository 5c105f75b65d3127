/**
 * Playback of one file (REC-20): opening it is logged on the server (audit
 * and Merkle log) and answered with a short-lived ticket; the player streams
 * with HTTP range requests and overlays the viewer's identity as a
 * watermark, so a screen recording shows who watched and when.
 */
import { useEffect, useState } from 'react';
import { Alert, Modal, Spin, Typography } from 'antd';
import { api, errorMessage } from '../../api/client.js';
import type { MediaItem, OpenAnswer } from './MediaTypes.js';

function Watermark({ text }: { text: string }) {
  const tiles = Array.from({ length: 12 }, (_, i) => i);
  return (
    <div className="sx-watermark" data-testid="media-watermark" aria-hidden="true" style={{ position: 'absolute', inset: 0, pointerEvents: 'none', overflow: 'hidden', display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', alignContent: 'space-around', userSelect: 'none' }}>
      {tiles.map((i) => (
        <span key={i} style={{ transform: 'rotate(-24deg)', color: 'rgba(255,255,255,0.55)', textShadow: '0 0 2px rgba(0,0,0,0.6)', fontSize: 12, whiteSpace: 'nowrap', textAlign: 'center' }}>
          {text}
        </span>
      ))}
    </div>
  );
}

/** What the player shows of a file (a case's media item, or a file of an access link). */
export type PlayableItem = Pick<MediaItem, 'id' | 'recordNumber' | 'filename' | 'sha256'> & { contentNotes?: string };

/**
 * `openPath`: where the view is opened and logged — the signed-in user's
 * `/media/:id/views` by default, an external requester's
 * `/access/:token/media/:id/views` on an access link.
 */
export function MediaPlayer({ item, onClose, openPath }: { item: PlayableItem; onClose: () => void; openPath?: string }) {
  const [open, setOpen] = useState<OpenAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = openPath ?? `/media/${item.id}/views`;
  useEffect(() => {
    let live = true;
    api
      .post<OpenAnswer>(path, {})
      .then((a) => live && setOpen(a))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [path]);
  return (
    <Modal open title={`${item.recordNumber} ${item.filename}`} onCancel={onClose} footer={null} width={760} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {!open && !error ? <Spin /> : null}
      {open ? (
        <div>
          <div style={{ position: 'relative', background: '#000', minHeight: 120 }} data-testid="media-stage">
            {open.kind === 'video' ? <video data-testid="media-video" src={open.url} controls autoPlay muted playsInline controlsList="nodownload" style={{ width: '100%', display: 'block' }} onContextMenu={(e) => e.preventDefault()} /> : null}
            {open.kind === 'audio' ? <audio data-testid="media-audio" src={open.url} controls controlsList="nodownload" style={{ width: '100%', marginTop: 48, marginBottom: 48 }} /> : null}
            {open.kind === 'photo' ? <img data-testid="media-photo" src={open.url} alt={item.contentNotes ?? item.filename} style={{ width: '100%', display: 'block' }} onContextMenu={(e) => e.preventDefault()} /> : null}
            <Watermark text={open.watermark} />
          </div>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
            本次查阅已记录（查阅人、时间、理由）并存证。SHA-256：<Typography.Text code copyable>{item.sha256}</Typography.Text>
          </Typography.Paragraph>
        </div>
      ) : null}
    </Modal>
  );
}

/** A copy (download), logged like a view; only offered where the post allows it (GS-R 43) or a copy was approved (REC-20). */
export async function downloadMedia(item: Pick<MediaItem, 'id'>, openPath?: string): Promise<void> {
  const a = await api.post<OpenAnswer>(openPath ?? `/media/${item.id}/downloads`, {});
  const link = document.createElement('a');
  link.href = a.url;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
