import { describe, expect, it } from 'vitest';
import { BUILT_IN_DOCUMENT_KINDS } from './catalogue.js';
import { sampleFields } from './sample-fields.js';
import { type DocumentVersion, checkCaseWritable, checkEditable, checkStatusChange, correctionOf, currentVersion, documentHistory } from './versioning.js';

const inquiryFields = sampleFields(BUILT_IN_DOCUMENT_KINDS.inquiryRecord);
const v1: DocumentVersion = {
  id: 'v1',
  documentId: 'doc-1',
  kind: 'inquiryRecord',
  version: 1,
  status: 'signed',
  fields: inquiryFields,
  supersedes: null,
  correctionReason: null,
  createdAt: '2026-03-02T10:00:00+08:00',
  createdBy: 'o1',
};
const at = '2026-03-03T09:00:00+08:00';

describe('REC-16 · SX25-R 22; GS-R 46: signed records are never edited', () => {
  it.each(['signed', 'issued'] as const)('a %s version cannot be edited in place', (status) => {
    const r = checkEditable({ ...v1, status }, 'investigation');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.missing[0]?.reason).toContain('原始记录，不能修改；如有错误，请提出更正');
  });

  it('a draft can be edited', () => {
    expect(checkEditable({ ...v1, status: 'draft' }, 'investigation')).toEqual({ ok: true });
  });

  it('a correction is a new version with its reason and a pointer to the superseded one; the old one is untouched', () => {
    const before = JSON.stringify(v1);
    const r = correctionOf(v1, { id: 'v2', reason: '被询问人姓名笔误', at, by: 'o1' }, { lineage: [v1], caseState: 'investigation' });
    expect(r).toEqual({
      ok: true,
      reissueRequired: false,
      version: {
        id: 'v2',
        documentId: 'doc-1',
        kind: 'inquiryRecord',
        version: 2,
        status: 'draft',
        fields: inquiryFields,
        supersedes: 'v1',
        correctionReason: '被询问人姓名笔误',
        createdAt: at,
        createdBy: 'o1',
      },
    });
    expect(JSON.stringify(v1)).toBe(before);
  });

  it('correcting an issued document means issuing and serving it again', () => {
    const r = correctionOf({ ...v1, status: 'issued' }, { id: 'v2', reason: '文号错误', at, by: 'o1', fields: { ...inquiryFields } });
    expect(r.ok && r.reissueRequired).toBe(true);
  });

  it.each([
    ['without a reason', v1, { reason: '  ' }, [v1], '更正须写明理由'],
    ['of a draft (edit it instead)', { ...v1, status: 'draft' as const }, {}, undefined, '草稿尚未签署，可直接修改，不需要更正'],
    ['of a superseded version', v1, {}, [v1, { ...v1, id: 'v2', version: 2, supersedes: 'v1' }], '该版本已被第 2 版取代，只能更正最新版本'],
  ])('a correction is refused %s', (_what, prev, change, lineage, reason) => {
    const r = correctionOf(prev, { id: 'v9', reason: '笔误', at, by: 'o1', ...change }, lineage ? { lineage } : {});
    expect(r).toMatchObject({ ok: false, missing: [{ reason }] });
  });

  it('the history keeps every version, the old one marked superseded', () => {
    const v2: DocumentVersion = { ...v1, id: 'v2', version: 2, status: 'signed', supersedes: 'v1', correctionReason: '笔误' };
    const h = documentHistory([v2, v1]);
    expect(h.map((e) => [e.id, e.current, e.supersededBy])).toEqual([
      ['v1', false, 'v2'],
      ['v2', true, null],
    ]);
    expect(currentVersion([v1, v2])?.id).toBe('v2');
  });
});

describe('REC-16: an archived case is read-only', () => {
  it('nothing is written to an archived case', () => {
    expect(checkCaseWritable('archived')).toMatchObject({ ok: false, missing: [{ reason: '案件已归档，案卷只读，不能再增加或者修改任何记录' }] });
    expect(checkCaseWritable('archive')).toEqual({ ok: true });
    expect(checkEditable({ ...v1, status: 'draft' }, 'archived').ok).toBe(false);
    expect(correctionOf(v1, { id: 'v2', reason: '笔误', at, by: 'o1' }, { caseState: 'archived' }).ok).toBe(false);
    expect(checkStatusChange({ ...v1, status: 'draft' }, 'signed', { caseState: 'archived' }).ok).toBe(false);
  });
});

describe('document status: draft → signed → issued, forward only', () => {
  const decision = BUILT_IN_DOCUMENT_KINDS.penaltyDecision;
  const draft: DocumentVersion = { ...v1, id: 'p1', kind: 'penaltyDecision', status: 'draft', fields: sampleFields(decision) };

  it('NAT-7: issuing a penalty decision without the seal is refused', () => {
    const r = checkStatusChange({ ...draft, fields: { ...draft.fields, sealAffixed: false } }, 'issued', { caseState: 'decision' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.missing.map((m) => m.id)).toContain('sealAffixed');
  });

  it('a complete penalty decision can be issued', () => {
    expect(checkStatusChange(draft, 'issued', { caseState: 'decision' })).toEqual({ ok: true });
  });

  it.each([
    ['signed → draft', 'signed', 'draft'],
    ['issued → signed', 'issued', 'signed'],
    ['signed → signed', 'signed', 'signed'],
  ] as const)('%s is refused', (_n, from, to) => {
    expect(checkStatusChange({ ...draft, status: from }, to, { caseState: 'decision' }).ok).toBe(false);
  });

  it('a record that is only signed cannot be issued', () => {
    const r = checkStatusChange({ ...v1, status: 'signed' }, 'issued', { caseState: 'investigation' });
    expect(r).toMatchObject({ ok: false, missing: [{ reason: '询问笔录签署即完成，不对外签发' }] });
  });
});
