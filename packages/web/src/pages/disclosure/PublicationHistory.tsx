/** The history of a publication: every act, who, when, the version and the comment (PUB-1, PUB-9). */
import { Card, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { PUBLICATION_ACTION_LABELS, PUBLICATION_STATUS_LABELS, type PublicationAction } from '../../domain.js';
import { EXTRA_EVENT_LABELS, type PublicationEvent } from './disclosureApi.js';

export const eventLabel = (kind: string) => PUBLICATION_ACTION_LABELS[kind as PublicationAction] ?? EXTRA_EVENT_LABELS[kind] ?? kind;

const COLORS: Record<string, string> = { approve: 'green', return: 'red', refuseWithhold: 'red', refuseWithdraw: 'red', approveWithdraw: 'orange', approveWithhold: 'gray', autoWithhold: 'gray', expire: 'gray' };

export function PublicationHistory({ events }: { events: PublicationEvent[] }) {
  if (!events.length) return null;
  return (
    <Card title="办理记录" size="small" data-testid="publication-history">
      <Timeline
        items={[...events].reverse().map((e, i) => ({
          key: i,
          color: COLORS[e.kind] ?? 'blue',
          content: (
            <div>
              <div>
                <Typography.Text strong>{eventLabel(e.kind)}</Typography.Text>
                {e.version ? <Typography.Text type="secondary">（第 {e.version} 版）</Typography.Text> : null}
                {e.fromStatus && e.fromStatus !== e.toStatus ? (
                  <Typography.Text type="secondary">
                    {' '}
                    {PUBLICATION_STATUS_LABELS[e.fromStatus] ?? e.fromStatus} → {PUBLICATION_STATUS_LABELS[e.toStatus] ?? e.toStatus}
                  </Typography.Text>
                ) : null}
              </div>
              <Typography.Text type="secondary">
                {dayjs(e.at).format('YYYY-MM-DD HH:mm')} · {e.actorName}
              </Typography.Text>
              {e.comment ? <div>{e.comment}</div> : null}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
