/**
 * PUB-4: the redaction of one field side by side — the original with what is
 * hidden highlighted (the reason on hover) and the text that goes online — and
 * the list of masks with their reasons, where the clerk may lift one.
 */
import { useRef, type CSSProperties, type ReactNode } from 'react';
import { Button, Col, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { LIFT_GROUND_LABELS, SENSITIVE_KIND_LABELS, type LiftedMask, type Mask } from '../../domain.js';
import type { RedactedField } from './disclosureApi.js';
import { CONSENT_KINDS, NEVER_LIFTED_KINDS } from './MaskControls.js';
import { originalSegments, publishedSegments, selectionOffsets, type Segment } from './redactionSegments.js';

const BOX: CSSProperties = { whiteSpace: 'pre-wrap', wordBreak: 'break-all', border: '1px solid #f0f0f0', borderRadius: 6, padding: '6px 10px', minHeight: 34, background: '#fafafa' };
const MASKED: CSSProperties = { background: '#ffccc7', padding: '0 1px', borderRadius: 2 };
const REPLACED: CSSProperties = { background: '#d9f7be', padding: '0 1px', borderRadius: 2 };
const LIFTED: CSSProperties = { background: 'transparent', borderBottom: '2px dashed #faad14' };

export const liftedTip = (l: LiftedMask) => `已解除隐去：${l.liftReason}${l.ground ? `（${LIFT_GROUND_LABELS[l.ground]}）` : ''}`;

function Runs({ segments, side }: { segments: Segment[]; side: 'original' | 'published' }): ReactNode {
  return segments.map((s, i) => {
    if (s.mask) {
      return (
        <Tooltip key={i} title={s.mask.reason}>
          <mark style={side === 'original' ? MASKED : REPLACED} data-testid={side === 'original' ? 'mask-original' : 'mask-replacement'} data-reason={s.mask.reason}>
            {s.text}
          </mark>
        </Tooltip>
      );
    }
    if (s.lifted) {
      return (
        <Tooltip key={i} title={liftedTip(s.lifted)}>
          <mark style={LIFTED} data-testid="mask-lifted">
            {s.text}
          </mark>
        </Tooltip>
      );
    }
    return <span key={i}>{s.text}</span>;
  });
}

export interface TextSelection {
  start: number;
  end: number;
  text: string;
}

/** The original (left) and the published text (right) of one field. */
export function RedactionDiff({ original, redacted, onSelect }: { original: string; redacted: RedactedField; onSelect?: (s: TextSelection | null) => void }) {
  const left = useRef<HTMLDivElement>(null);
  const select = () => {
    if (!onSelect || !left.current) return;
    const at = selectionOffsets(left.current, window.getSelection());
    onSelect(at ? { ...at, text: original.slice(at.start, at.end) } : null);
  };
  return (
    <Row gutter={12} data-testid="redaction-diff">
      <Col xs={24} md={12}>
        <Typography.Text type="secondary">原文（隐去处标红）</Typography.Text>
        <div ref={left} style={BOX} onMouseUp={select} data-testid="diff-original">
          <Runs segments={originalSegments(original, redacted)} side="original" />
        </div>
      </Col>
      <Col xs={24} md={12}>
        <Typography.Text type="secondary">公示文本</Typography.Text>
        <div style={BOX} data-testid="diff-published">
          <Runs segments={publishedSegments(redacted)} side="published" />
        </div>
      </Col>
    </Row>
  );
}

/** Every mask of a field with its reason (and a lift button), then the masks already lifted with why. */
export function MaskList({ redacted, onLift, consentGiven = false }: { redacted: RedactedField; onLift?: ((m: Mask) => void) | undefined; consentGiven?: boolean }) {
  if (!redacted.masks.length && !redacted.lifted.length) return null;
  const rows: { m: Mask; lifted: LiftedMask | null }[] = [...redacted.masks.map((m) => ({ m, lifted: null })), ...redacted.lifted.map((l) => ({ m: l, lifted: l }))];
  return (
    <div data-testid="mask-list" style={{ marginTop: 8 }}>
      {rows.map(({ m, lifted }, i) => (
        <div key={i} style={{ padding: '4px 0', borderBottom: '1px dashed #f0f0f0' }}>
          <Space wrap size={4}>
            {lifted ? <Tag color="gold">已解除</Tag> : <Tag color="red">隐去</Tag>}
            <Typography.Text code>{m.original}</Typography.Text>
            {lifted ? null : (
              <>
                <span>→</span>
                <Typography.Text code>{m.replacement}</Typography.Text>
              </>
            )}
            <Tag>{SENSITIVE_KIND_LABELS[m.kind] ?? m.kind}</Tag>
            <Typography.Text type="secondary">{lifted ? liftedTip(lifted) : m.reason}</Typography.Text>
            {lifted && CONSENT_KINDS.has(m.kind) ? (
              <Tag color="orange" data-testid="awaiting-consent">
                {consentGiven ? '审核员已明确同意' : '待审核员明确同意（SX25-P 第十九条第二款）'}
              </Tag>
            ) : null}
            {!lifted && NEVER_LIFTED_KINDS.has(m.kind) ? (
              <Typography.Text type="secondary" data-testid="never-lifted">
                （不得解除）
              </Typography.Text>
            ) : null}
            {!lifted && onLift && !NEVER_LIFTED_KINDS.has(m.kind) ? (
              <Button size="small" type="link" onClick={() => onLift(m)}>
                解除隐去
              </Button>
            ) : null}
          </Space>
        </div>
      ))}
    </div>
  );
}
