/**
 * What the server says is missing (a refused stage change, a document that
 * cannot be signed, a service without proof): each item with its reason and
 * the article it rests on, as a readable list.
 */
import { Alert, Typography } from 'antd';
import { isApiError, errorMessage } from '../../api/client.js';
import type { MissingDetail } from '../../api/cases.js';
import { useCite } from '../../auth/session.js';

/** The structured `details` of an API error that lists missing items (empty when there are none). */
export function missingDetails(e: unknown): MissingDetail[] {
  if (!isApiError(e)) return [];
  return e.details.filter((d): d is MissingDetail & typeof d => typeof d.label === 'string' && typeof d.reason === 'string') as MissingDetail[];
}

export function MissingList({ items }: { items: readonly MissingDetail[] }) {
  const cite = useCite();
  return (
    <ol className="sx-missing-list" data-testid="missing-list">
      {items.map((m, i) => (
        <li key={`${m.id ?? m.label}-${i}`}>
          <Typography.Text strong>{m.label}</Typography.Text>：{m.reason}
          {m.basis ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                依据：{cite(m.basis)}
              </Typography.Text>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** An error alert: the title, then the missing list when the server sent one, else its message. */
export function MissingAlert({ title, error, onClose }: { title: string; error: unknown; onClose?: () => void }) {
  const items = missingDetails(error);
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={items.length ? <MissingList items={items} /> : errorMessage(error)}
      {...(onClose ? { closable: { onClose } } : {})}
      style={{ marginBottom: 16 }}
    />
  );
}
