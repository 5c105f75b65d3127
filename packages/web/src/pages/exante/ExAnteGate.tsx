/**
 * Issue 13 item 1 in the console: the redaction gate on a section of ex-ante
 * information. Each free text with something found is shown side by side
 * (what was entered, what goes online) like every other public text; each
 * 疑似个人信息 blocks approval until the clerk masks it or dismisses it with a
 * reason (kept with the version, `content.redaction`); the approver sees the
 * same view and why the section cannot be approved yet.
 */
import { useState } from 'react';
import { Alert, Card, Space, Tag, Typography } from 'antd';
import type { DismissedSuspect, ExAnteContent, LiftedMask, Mask, Suspect } from '../../domain.js';
import { SENSITIVE_KIND_LABELS } from '../../domain.js';
import { DismissSuspectModal, SuspectList, overrideText, type DismissTarget } from '../disclosure/MaskControls.js';
import { MaskList, RedactionDiff } from '../disclosure/RedactionDiff.js';
import { useCite } from '../../auth/session.js';

export interface ExAnteGateText {
  kind: string;
  kindLabel: string;
  key: string;
  original: string;
  text: string;
  masks: Mask[];
  lifted: LiftedMask[];
  suspects: Suspect[];
  dismissed: DismissedSuspect[];
}

export interface ExAnteGateView {
  texts: ExAnteGateText[];
  problems: { code: string; message: string }[];
  redaction: NonNullable<ExAnteContent['redaction']>;
}

export function ExAnteGate({ gate, draft, editable, onChange }: { gate: ExAnteGateView; draft: ExAnteContent; editable: boolean; onChange: (next: ExAnteContent) => void }) {
  const cite = useCite();
  const [dismissing, setDismissing] = useState<DismissTarget | null>(null);
  const list = draft.redaction ?? [];
  const saved = gate.redaction.map((r) => JSON.stringify(r));
  const add = (r: NonNullable<ExAnteContent['redaction']>[number]) => onChange({ ...draft, redaction: [...list, r] });
  if (!gate.texts.length && !gate.problems.length && !list.length) return null;
  return (
    <Card size="small" title="公开前隐去检查（个人信息）" style={{ marginBottom: 12 }} data-testid="exante-gate">
      {gate.problems.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="exante-gate-problems"
          title={cite('存在疑似个人信息，隐去或排除前不能审核通过并公开（SX25-P 第十六条）')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {gate.problems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title="未发现待处理的疑似个人信息" />
      )}
      {gate.texts.map((t) => (
        <div key={t.key} data-testid={`gate-text-${t.key}`} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{t.kindLabel}</Typography.Text>
          <RedactionDiff original={t.original} redacted={{ text: t.text, masks: t.masks, lifted: t.lifted }} />
          <MaskList redacted={{ text: t.text, masks: t.masks, lifted: t.lifted }} />
          <SuspectList
            suspects={t.suspects}
            dismissed={t.dismissed}
            onMask={editable ? (x) => add({ action: 'add', value: x.original, kind: x.kind, reason: `疑似${SENSITIVE_KIND_LABELS[x.kind] ?? '个人信息'}，予以隐去` }) : undefined}
            onDismiss={editable ? (x) => setDismissing({ fieldKey: t.key, suspect: x }) : undefined}
          />
        </div>
      ))}
      {list.length ? (
        <Space wrap size={[4, 4]} data-testid="exante-redaction">
          <Typography.Text type="secondary">录入员的处理：</Typography.Text>
          {list.map((r, i) => (
            <Tag key={i} color={saved.includes(JSON.stringify(r)) ? (r.action === 'add' ? 'red' : 'blue') : 'processing'}>
              {overrideText(r.action === 'add' ? { ...r, action: 'add' } : { action: 'dismiss', value: r.value, reason: r.reason })}
              {saved.includes(JSON.stringify(r)) ? '' : '（未保存）'}
            </Tag>
          ))}
        </Space>
      ) : null}
      <DismissSuspectModal
        target={dismissing}
        onCancel={() => setDismissing(null)}
        onDismiss={(_key, o) => {
          if (o.action === 'dismiss') add({ action: 'dismiss', value: o.value, reason: o.reason });
          setDismissing(null);
        }}
      />
    </Card>
  );
}
