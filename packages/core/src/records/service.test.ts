import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../profiles/resolve.js';
import { type ServiceRecord, serviceCounts } from './service.js';

const receipt = {
  recipientName: '王五',
  recipientRole: 'party' as const,
  recipientSigned: true,
  serverNames: ['张三', '李四'],
  serverSigned: true,
  receivedAt: '2026-03-20T10:00:00+08:00',
};

const complete: Record<ServiceRecord['method'], ServiceRecord> = {
  direct: { id: 's1', documentId: 'd1', method: 'direct', ...receipt },
  mail: {
    id: 's2',
    documentId: 'd1',
    method: 'mail',
    carrier: 'registered',
    mailingRegistered: true,
    postingReceiptRef: 'blob:posting',
    returnReceiptRef: 'blob:return',
    receivedAt: '2026-03-23',
  },
  refusal: {
    id: 's3',
    documentId: 'd1',
    method: 'refusal',
    recipientName: '王五',
    refusalReason: '认为处罚过重',
    refusalDate: '2026-03-20',
    serverNames: ['张三', '李四'],
    serverSigned: true,
    witnessName: '赵六（村委会）',
    witnessSigned: true,
    leftAt: '当事人住所',
    avRecordIds: ['av-1'],
  },
  entrusted: {
    id: 's4',
    documentId: 'd1',
    method: 'entrusted',
    ...receipt,
    entrustedTo: '某县生态环境局',
    entrustmentLetterRef: 'blob:letter',
    entrustmentReason: '当事人住所在外地',
  },
  publicNotice: {
    id: 's5',
    documentId: 'd1',
    method: 'publicNotice',
    approvalDocumentId: 'pna-1',
    failedAttempts: [
      { method: 'direct', date: '2026-03-20', result: '住所无人' },
      { method: 'mail', date: '2026-03-25', result: '查无此人退回' },
    ],
    medium: '市生态环境局门户网站',
    publishedOn: '2026-04-01',
    noticeCopyKept: true,
    reasonAndCourse: '直接送达、邮寄送达均未成功',
    avRecordIds: ['av-2'],
  },
};

const documents = [{ id: 'pna-1', kind: 'publicNoticeApproval', status: 'signed' as const }];

describe('REC-25 · GS-R 37-40: a service counts only with its proof', () => {
  it.each([
    ['GS-R 37', 'direct', '2026-03-20'],
    ['GS-R 37', 'mail', '2026-03-23'],
    ['GS-R 38', 'refusal', '2026-03-20'],
    ['GS-R 39', 'entrusted', '2026-03-20'],
    ['GS-R 40', 'publicNotice', '2026-04-01'],
  ] as const)('REC-25 · %s: complete %s service counts, served on %s', (_art, method, servedOn) => {
    expect(serviceCounts(complete[method], { documents })).toEqual({ counts: true, servedOn, missing: [], advisories: [] });
  });

  const broken: [string, ServiceRecord['method'], Record<string, unknown>, string][] = [
    ['GS-R 37: direct service needs the recipient\u2019s signature on the 送达回证', 'direct', { recipientSigned: false }, 'recipientSigned'],
    ['GS-R 37: direct service needs the server\u2019s signature', 'direct', { serverSigned: false }, 'serverSigned'],
    ['GS-R 37: direct service needs the date of receipt', 'direct', { receivedAt: '' }, 'receivedAt'],
    ['GS-R 37: ordinary mail is not service (registered or express only)', 'mail', { carrier: 'ordinary' }, 'carrier'],
    ['GS-R 37: mail needs the mailing register', 'mail', { mailingRegistered: false }, 'mailingRegistered'],
    ['GS-R 37: mail needs the posting receipt', 'mail', { postingReceiptRef: '' }, 'postingReceiptRef'],
    ['GS-R 37: mail needs the return receipt', 'mail', { returnReceiptRef: '' }, 'returnReceiptRef'],
    ['GS-R 38: refused service needs the reason of refusal', 'refusal', { refusalReason: '' }, 'refusalReason'],
    ['GS-R 38: refused service needs the date', 'refusal', { refusalDate: 'yesterday' }, 'refusalDate'],
    ['GS-R 38: refused service needs witness signatures', 'refusal', { witnessSigned: false }, 'witnessSigned'],
    ['GS-R 38: refused service needs a witness', 'refusal', { witnessName: ' ' }, 'witnessName'],
    ['GS-R 38: refused service needs the server\u2019s signature', 'refusal', { serverSigned: false }, 'serverSigned'],
    ['GS-R 38: documents are left with the recipient', 'refusal', { leftAt: '' }, 'leftAt'],
    ['GS-R 38: refused service is recorded on AV', 'refusal', { avRecordIds: [] }, 'avRecordIds'],
    ['GS-R 39: entrusted service needs the entrustment letter', 'entrusted', { entrustmentLetterRef: '' }, 'entrustmentLetterRef'],
    ['GS-R 39: the letter records why', 'entrusted', { entrustmentReason: '' }, 'entrustmentReason'],
    ['GS-R 39: server and recipient sign the 送达回证', 'entrusted', { recipientSigned: false }, 'recipientSigned'],
    ['GS-R 40: public notice needs the 公告送达审批意见书', 'publicNotice', { approvalDocumentId: '' }, 'approvalDocumentId'],
    ['GS-R 40: public notice records that other methods failed', 'publicNotice', { failedAttempts: [] }, 'failedAttempts'],
    ['GS-R 40: public notice records the medium', 'publicNotice', { medium: '' }, 'medium'],
    ['GS-R 40: the written notice is kept', 'publicNotice', { noticeCopyKept: false }, 'noticeCopyKept'],
    ['GS-R 40: the reason and course are noted in the case file', 'publicNotice', { reasonAndCourse: '' }, 'reasonAndCourse'],
    ['GS-R 40: public notice is recorded on AV', 'publicNotice', { avRecordIds: undefined }, 'avRecordIds'],
  ];
  it.each(broken)('REC-25 · %s', (_name, method, change, field) => {
    const r = serviceCounts({ ...complete[method], ...change } as ServiceRecord, { documents });
    expect(r.counts).toBe(false);
    expect(r.servedOn).toBeNull();
    expect(r.missing.map((m) => m.id)).toContain(field);
  });

  it('REC-25 · GS-R 40: the approval must be a signed 公告送达审批意见书 of the case', () => {
    const pn = complete.publicNotice;
    expect(serviceCounts(pn, { documents: [{ id: 'pna-1', kind: 'publicNoticeApproval', status: 'draft' }] }).missing[0]?.reason).toBe('公告送达审批意见书尚未签署');
    expect(serviceCounts(pn, { documents: [{ id: 'pna-1', kind: 'inquiryRecord', status: 'signed' }] }).missing[0]?.reason).toBe('引用的文书不是本案的公告送达审批意见书');
  });

  it('REC-25: an unknown method is refused, not thrown', () => {
    const r = serviceCounts({ ...complete.direct, method: 'electronic' } as unknown as ServiceRecord);
    expect(r).toMatchObject({ counts: false, missing: [{ reason: '未知的送达方式“electronic”' }] });
  });
});

describe('REC-25 × REC-7: AV of refused and public-notice service follows the profile', () => {
  const noAv = { ...complete.refusal, avRecordIds: [] } as ServiceRecord;
  it.each([
    ['GS19', 'GS-R 38 makes it mandatory', false, 0],
    ['SX25', 'SX25-R 13(四) makes it situational: counts, with an advisory', true, 1],
    ['SX19', 'SX19-R 11(四) makes it situational', true, 1],
  ] as const)('%s: %s', (profile, _why, counts, advisories) => {
    const r = serviceCounts(noAv, { profile: resolveProfile(profile) });
    expect(r.counts).toBe(counts);
    expect(r.advisories).toHaveLength(advisories);
  });
  it('without a profile the stricter REC-25 reading applies', () => {
    expect(serviceCounts(noAv).counts).toBe(false);
  });
});
