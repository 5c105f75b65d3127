import { describe, expect, it } from 'vitest';
import type { HandlerOfficer } from '../cases/handlers.js';
import { BUILT_IN_DOCUMENT_KINDS } from './catalogue.js';
import { sampleFields } from './sample-fields.js';
import { validateDocumentFields } from './validate.js';

const inspection = BUILT_IN_DOCUMENT_KINDS.inspectionRecord;
const inquiry = BUILT_IN_DOCUMENT_KINDS.inquiryRecord;
const officers: HandlerOfficer[] = [
  { id: 'o1', name: '张三', certificate: { number: '14010020001', validFrom: '2024-01-01', validTo: '2027-12-31', status: 'valid' } },
  { id: 'o2', name: '李四', certificate: { number: '14010020002', validFrom: '2024-01-01', validTo: '2026-02-28', status: 'valid' } },
];

function problems(r: ReturnType<typeof validateDocumentFields>): string[] {
  return r.ok ? [] : [...r.missing, ...r.invalid].map((m) => `${m.id}:${m.reason}`);
}

describe.each([
  ['现场检查笔录', inspection],
  ['询问笔录', inquiry],
])('DUR-1 · DUR-2 · REC-5 on the %s', (_name, kind) => {
  it('DUR-1 · GS-R 22(六): the certificate numbers shown are required', () => {
    expect(problems(validateDocumentFields(kind, sampleFields(kind, { certificateNumbers: [] })))).toContain('certificateNumbers:须填写');
  });
  it('DUR-1 · SX25-P 12: showing the certificate must be confirmed', () => {
    expect(problems(validateDocumentFields(kind, sampleFields(kind, { certificateShown: false })))).toContain('certificateShown:须确认');
  });
  it('DUR-1: one certificate number per officer named', () => {
    const r = validateDocumentFields(kind, sampleFields(kind, { officerNames: ['张三', '李四', '王五'], certificateNumbers: ['14010020001', '14010020002'] }));
    expect(problems(r)).toContain('certificateNumbers:执法人员 3 人，只记录了 2 个执法证号');
  });
  it('DUR-1: the same certificate number twice is refused', () => {
    const r = validateDocumentFields(kind, sampleFields(kind, { certificateNumbers: ['14010020001', '14010020001'] }));
    expect(problems(r)).toContain('certificateNumbers:执法证号重复：14010020001');
  });
  it('REC-5 · GS-R 4(二): at least two officers are named', () => {
    expect(problems(validateDocumentFields(kind, sampleFields(kind, { officerNames: ['张三'] })))).toContain('officerNames:至少 2 项');
  });
  it('DUR-2 · SX25-P 12; GS-P 6(三): the rights notice must be recorded as given', () => {
    expect(problems(validateDocumentFields(kind, sampleFields(kind, { rightsNoticeGiven: false })))).toContain('rightsNoticeGiven:须确认');
  });
  it('REC-5 · GS-R 4(二): the party signs', () => {
    const r = validateDocumentFields(kind, sampleFields(kind, { partySigned: false, partyRefused: false }));
    expect(problems(r).join('|')).toContain('partySigned:须由当事人签名确认');
  });
  it('REC-5: a refusal needs the note, the witness and the witness signature', () => {
    const r = validateDocumentFields(kind, sampleFields(kind, { partySigned: false, partyRefused: true, refusalNote: '', witnessName: '', witnessSigned: false }));
    expect(problems(r)).toEqual(expect.arrayContaining(['refusalNote:须填写', 'witnessName:须填写', 'witnessSigned:须确认']));
  });
  it('REC-5: a refusal with witness is a complete record', () => {
    const r = validateDocumentFields(kind, sampleFields(kind, { partySigned: false, partyRefused: true, refusalNote: '当事人拒绝签名', witnessName: '王五', witnessSigned: true }));
    expect(r).toEqual({ ok: true });
  });
  it('REC-5: signed and refused at once is contradictory', () => {
    expect(problems(validateDocumentFields(kind, sampleFields(kind, { partySigned: true, partyRefused: true, refusalNote: 'x', witnessName: 'y', witnessSigned: true })))).toContain(
      'partySigned:不能同时记录为已签名和拒绝签名',
    );
  });
  it('ORG-2 · SX19-L 11(一): a certificate expired on the day of the record is refused with the reason', () => {
    const r = validateDocumentFields(kind, sampleFields(kind, { startAt: '2026-03-02T09:00:00+08:00' }), { officers });
    expect(problems(r)).toContain('certificateNumbers:李四 的执法证 14010020002 已于 2026-02-28 过期，不能从事执法活动');
  });
  it('ORG-2: the same record a day before expiry passes', () => {
    const r = validateDocumentFields(kind, sampleFields(kind, { startAt: '2026-02-27T09:00:00+08:00', endAt: '2026-02-27T10:00:00+08:00' }), { officers });
    expect(r).toEqual({ ok: true });
  });
  it('DUR-1: a certificate number that is not a handler\u2019s is refused', () => {
    const r = validateDocumentFields(kind, sampleFields(kind, { certificateNumbers: ['14010020001', '99999999'] }), { officers, date: '2026-01-05' });
    expect(problems(r)).toContain('certificateNumbers:执法证 99999999 不属于本案承办人员');
  });
});

describe('REC-5 · 行政处罚法 Art 64(八): the hearing record', () => {
  const hearing = BUILT_IN_DOCUMENT_KINDS.hearingRecord;
  it('a refusal is noted by the hearing officer — no witness needed', () => {
    expect(validateDocumentFields(hearing, sampleFields(hearing, { partySigned: false, partyRefused: true, refusalNote: '当事人拒绝签字，主持人注明' }))).toEqual({ ok: true });
  });
  it('without signature or noted refusal it is incomplete', () => {
    expect(validateDocumentFields(hearing, sampleFields(hearing, { partySigned: false })).ok).toBe(false);
  });
});

describe('document fields in general', () => {
  it('NAT-13: an invalid credit code on a decision is refused with the reason', () => {
    const k = BUILT_IN_DOCUMENT_KINDS.sealSeizeDecision;
    expect(problems(validateDocumentFields(k, sampleFields(k, { partyCreditCode: '91140100MA0K12345X' })))).toContain('partyCreditCode:校验码不正确');
  });
  it('NAT-10 · 行政强制法 Art 25: a seizure term over 30 days is refused', () => {
    const k = BUILT_IN_DOCUMENT_KINDS.sealSeizeDecision;
    expect(problems(validateDocumentFields(k, sampleFields(k, { termDays: 45 })))).toContain('termDays:不得大于 30');
  });
  it('an unknown kind is reported, not thrown', () => {
    expect(validateDocumentFields('noSuchKind', {})).toMatchObject({ ok: false, missing: [{ kind: 'document', reason: '未知的文书种类“noSuchKind”' }] });
  });
  it('REC-3 · GS-R 4(三): copies of application materials must be checked against the originals', () => {
    const k = BUILT_IN_DOCUMENT_KINDS.application;
    expect(problems(validateDocumentFields(k, sampleFields(k, { copiesVerified: false })))).toContain('copiesVerified:须确认');
  });
  it('REC-25 · GS-R 38: a 送达回证 for refused service needs the reason and the witness', () => {
    const k = BUILT_IN_DOCUMENT_KINDS.serviceReceipt;
    const r = validateDocumentFields(k, sampleFields(k, { method: 'refusal', refusalReason: '', witnessName: '', witnessSigned: false }));
    expect(problems(r)).toEqual(expect.arrayContaining(['refusalReason:须填写', 'witnessName:须填写', 'witnessSigned:须确认']));
  });
});
