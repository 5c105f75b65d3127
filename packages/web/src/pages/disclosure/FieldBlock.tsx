/**
 * One field of a publication (PUB-3, PUB-4): its label, whether it is
 * required and why (the basis), the clerk's text, and the redaction of the
 * saved version side by side with its masks and the clerk's adjustments.
 */
import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { SENSITIVE_KIND_LABELS, type Mask } from '../../domain.js';
import type { Override, PublicationFieldDef, RedactedField } from './disclosureApi.js';
import { OverrideList, SuspectList, type AddMaskTarget, type DismissTarget, type LiftTarget } from './MaskControls.js';
import { MaskList, RedactionDiff, type TextSelection } from './RedactionDiff.js';
import { originalOf } from './redactionSegments.js';

const APPLIES: Record<PublicationFieldDef['applies'], string | null> = { all: null, organisation: '当事人为单位或有统一社会信用代码的个体工商户时', fine: '处以罚款时' };

export interface FieldBlockProps {
  def: PublicationFieldDef;
  /** The text being edited, and the text of the saved version. */
  text: string;
  savedText: string;
  redacted: RedactedField | undefined;
  editable: boolean;
  overrides: Override[];
  unsaved: boolean[];
  onText: (text: string) => void;
  /** Open the dialogs (one for the whole editor). */
  onAddMask: (t: AddMaskTarget) => void;
  onLiftMask: (t: LiftTarget) => void;
  onRemoveOverride: (index: number) => void;
  /** 疑似个人信息: mask it (an 'add' override) or open the dismissal dialog. */
  onMaskSuspect?: (fieldKey: string, o: Override) => void;
  onDismissSuspect?: (t: DismissTarget) => void;
  rows?: number;
}

export function FieldBlock(p: FieldBlockProps) {
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const changed = p.text !== p.savedText;
  const empty = !p.savedText.trim() && !p.text.trim();
  const applies = APPLIES[p.def.applies];
  return (
    <Card
      size="small"
      type="inner"
      data-testid={`field-${p.def.key}`}
      title={
        <Space wrap size={6}>
          <span>
            {p.def.required ? (
              <Typography.Text type="danger" aria-label="必填">
                *{' '}
              </Typography.Text>
            ) : null}
            {p.def.label}
          </span>
          {applies ? <Tag>仅{applies}</Tag> : null}
          {p.def.required ? null : <Tag>选填</Tag>}
        </Space>
      }
      style={{ marginBottom: 12 }}
    >
      {p.def.basis ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          依据：{p.def.basis}
        </Typography.Paragraph>
      ) : null}
      {p.editable ? (
        <Input.TextArea
          autoSize={{ minRows: p.rows ?? 1, maxRows: 16 }}
          aria-label={p.def.label}
          value={p.text}
          onChange={(e) => p.onText(e.target.value)}
          status={p.def.required && !p.text.trim() ? 'warning' : ''}
          style={{ marginBottom: 8 }}
        />
      ) : null}
      {changed ? <Alert type="info" showIcon style={{ marginBottom: 8 }} title="文字已修改：保存后按新文字重新隐去，下方仍为已保存版本的对照。" /> : null}
      {p.redacted && (p.redacted.text || p.redacted.masks.length) ? (
        <>
          <RedactionDiff original={originalOf(p.redacted)} redacted={p.redacted} {...(p.editable ? { onSelect: setSelection } : {})} />
          <MaskList redacted={p.redacted} onLift={p.editable ? (mask: Mask) => p.onLiftMask({ fieldKey: p.def.key, mask, byValue: changed }) : undefined} />
          <SuspectList
            suspects={p.redacted.suspects ?? []}
            dismissed={p.redacted.dismissed ?? []}
            onMask={p.editable && p.onMaskSuspect ? (x) => p.onMaskSuspect!(p.def.key, { action: 'add', value: x.original, kind: x.kind, reason: `疑似${SENSITIVE_KIND_LABELS[x.kind] ?? '个人信息'}，予以隐去` }) : undefined}
            onDismiss={p.editable && p.onDismissSuspect ? (x) => p.onDismissSuspect!({ fieldKey: p.def.key, suspect: x }) : undefined}
          />
        </>
      ) : empty ? (
        <Typography.Text type={p.def.required ? 'danger' : 'secondary'}>（未填写）</Typography.Text>
      ) : null}
      {p.editable ? (
        <Space orientation="vertical" size={6} style={{ width: '100%', marginTop: 8 }}>
          <Space wrap size={6}>
            <Button size="small" onClick={() => p.onAddMask({ fieldKey: p.def.key, fieldLabel: p.def.label, selection, textChanged: changed })} aria-label={`${p.def.label}：增加隐去`}>
              增加隐去{selection && !changed ? `（所选“${selection.text.length > 12 ? `${selection.text.slice(0, 12)}…` : selection.text}”）` : ''}
            </Button>
          </Space>
          <OverrideList overrides={p.overrides} unsaved={p.unsaved} onRemove={p.onRemoveOverride} />
        </Space>
      ) : (
        <OverrideList overrides={p.overrides} unsaved={p.unsaved} />
      )}
    </Card>
  );
}
