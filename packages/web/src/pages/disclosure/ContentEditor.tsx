/**
 * The content of a publication (PUB-3, PUB-4): summary or full text, every
 * field with its redaction diff; the clerk edits, adjusts the redaction and
 * saves a new version (on a published item a correction, PUB-9).
 */
import { useMemo, useState } from 'react';
import { Button, Card, Input, Radio, Space, Typography } from 'antd';
import type { Override, PublicationDetail, PublicationEdit, PublicationFieldDef } from './disclosureApi.js';
import { FieldBlock } from './FieldBlock.js';
import { AddMaskModal, DismissSuspectModal, LiftMaskModal, type AddMaskTarget, type DismissTarget, type LiftTarget } from './MaskControls.js';

const FULL_TEXT: PublicationFieldDef = { key: 'fullText', label: '决定书全文', required: true, applies: 'all', basis: '以全文方式公开的，公开经隐去处理的决定书全文' };

interface Draft {
  form: 'summary' | 'full';
  fields: Record<string, string>;
  fullText: string;
  overrides: Record<string, Override[]>;
}

const draftOf = (d: PublicationDetail): Draft => ({
  form: d.version.form,
  fields: Object.fromEntries(d.fields.map((f) => [f.key, d.version.fields[f.key] ?? ''])),
  fullText: d.version.fullText,
  overrides: Object.fromEntries(Object.entries(d.version.overrides ?? {}).map(([k, v]) => [k, [...v]])),
});

/** Fields left out of the request when they were absent and are still empty. */
function fieldsToSend(d: PublicationDetail, draft: Draft): Record<string, string> {
  return Object.fromEntries(Object.entries(draft.fields).filter(([k, v]) => v !== '' || k in d.version.fields));
}

export function ContentEditor({ detail, editable, correction, busy, onSave }: { detail: PublicationDetail; editable: boolean; correction: boolean; busy: boolean; onSave: (edit: PublicationEdit) => void }) {
  const initial = useMemo(() => draftOf(detail), [detail]);
  const [draft, setDraft] = useState<Draft>(initial);
  const [note, setNote] = useState('');
  const [adding, setAdding] = useState<AddMaskTarget | null>(null);
  const [lifting, setLifting] = useState<LiftTarget | null>(null);
  const [dismissing, setDismissing] = useState<DismissTarget | null>(null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const savedJson = (key: string) => (detail.version.overrides?.[key] ?? []).map((o) => JSON.stringify(o));

  const setField = (key: string, text: string) => setDraft((d) => (key === 'fullText' ? { ...d, fullText: text } : { ...d, fields: { ...d.fields, [key]: text } }));
  const addOverride = (key: string, o: Override) => setDraft((d) => ({ ...d, overrides: { ...d.overrides, [key]: [...(d.overrides[key] ?? []), o] } }));
  const removeOverride = (key: string, i: number) => setDraft((d) => ({ ...d, overrides: { ...d.overrides, [key]: (d.overrides[key] ?? []).filter((_, j) => j !== i) } }));

  const block = (def: PublicationFieldDef, text: string, savedText: string, rows?: number) => {
    const list = draft.overrides[def.key] ?? [];
    const saved = savedJson(def.key);
    return (
      <FieldBlock
        key={def.key}
        def={def}
        text={text}
        savedText={savedText}
        redacted={detail.version.redacted[def.key]}
        editable={editable}
        overrides={list}
        unsaved={list.map((o) => !saved.includes(JSON.stringify(o)))}
        onText={(t) => setField(def.key, t)}
        onAddMask={setAdding}
        onLiftMask={setLifting}
        onRemoveOverride={(i) => removeOverride(def.key, i)}
        onMaskSuspect={addOverride}
        onDismissSuspect={setDismissing}
        {...(rows ? { rows } : {})}
      />
    );
  };

  const save = () => {
    const overrides = Object.fromEntries(Object.entries(draft.overrides).filter(([, v]) => v.length));
    onSave({ form: draft.form, fields: fieldsToSend(detail, draft), fullText: draft.fullText, overrides, ...(note.trim() ? { note: note.trim() } : {}) });
  };

  const showFull = draft.form === 'full' || !!detail.version.fullText;
  return (
    <Card
      title={`公示内容 · 第 ${detail.version.version} 版`}
      extra={
        <Typography.Text type="secondary">
          {detail.version.createdByName}
          {detail.version.note ? `：${detail.version.note}` : ''}
        </Typography.Text>
      }
    >
      <Space style={{ marginBottom: 12 }} wrap>
        <span>公开方式：</span>
        {editable ? (
          <Radio.Group value={draft.form} onChange={(e) => setDraft((d) => ({ ...d, form: e.target.value as Draft['form'] }))} aria-label="公开方式">
            <Radio.Button value="summary">摘要</Radio.Button>
            <Radio.Button value="full">全文</Radio.Button>
          </Radio.Group>
        ) : (
          <Typography.Text strong>{detail.version.form === 'full' ? '全文' : '摘要'}</Typography.Text>
        )}
        <Typography.Text type="secondary">在原文中选取文字即可增加隐去；鼠标移到标出的文字上可查看隐去理由。</Typography.Text>
      </Space>
      {detail.fields.map((f) => block(f, draft.fields[f.key] ?? '', detail.version.fields[f.key] ?? ''))}
      {showFull ? block({ ...FULL_TEXT, required: draft.form === 'full' }, draft.fullText, detail.version.fullText, 6) : null}
      {editable ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <AddMaskModal
            target={adding}
            onCancel={() => setAdding(null)}
            onAdd={(key, o) => {
              addOverride(key, o);
              setAdding(null);
            }}
          />
          <DismissSuspectModal
            target={dismissing}
            onCancel={() => setDismissing(null)}
            onDismiss={(key, o) => {
              addOverride(key, o);
              setDismissing(null);
            }}
          />
          <LiftMaskModal
            target={lifting}
            onCancel={() => setLifting(null)}
            onLift={(key, o) => {
              addOverride(key, o);
              setLifting(null);
            }}
          />
          <Input.TextArea rows={2} placeholder={correction ? '更正说明（将随更正记录公开）' : '修改说明（选填）'} aria-label="修改说明" value={note} onChange={(e) => setNote(e.target.value)} />
          <Space>
            <Button type="primary" onClick={save} loading={busy} disabled={!dirty && !note.trim()}>
              {correction ? '保存更正版本' : '保存（生成新版本）'}
            </Button>
            <Button disabled={!dirty} onClick={() => setDraft(initial)}>
              放弃修改
            </Button>
          </Space>
        </Space>
      ) : null}
    </Card>
  );
}
