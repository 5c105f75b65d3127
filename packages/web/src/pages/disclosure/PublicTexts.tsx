/**
 * Issue 13 item 1: every other public text of a publication (the withdrawal
 * statement, the changing decision's content) in the same side-by-side view
 * as the decision's fields, with what still blocks it (疑似个人信息, leaks).
 */
import { Alert, Card, Space } from 'antd';
import type { PublicTextView } from './disclosureApi.js';
import { MaskList, RedactionDiff } from './RedactionDiff.js';

export function PublicTexts({ texts }: { texts: readonly PublicTextView[] | undefined }) {
  if (!texts?.length) return null;
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="public-texts">
      {texts.map((t) => (
        <Card key={t.key} size="small" title={`${t.kindLabel}（公开前隐去对照）`}>
          <RedactionDiff original={t.original} redacted={{ text: t.text, masks: t.masks, lifted: t.lifted }} />
          <MaskList redacted={{ text: t.text, masks: t.masks, lifted: t.lifted }} />
          {t.problems.length ? <Alert type="warning" showIcon title="不能公开" description={t.problems.map((p) => p.message).join('；')} /> : null}
        </Card>
      ))}
    </Space>
  );
}
