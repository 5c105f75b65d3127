/**
 * 送达 service records (REC-25 · GS-R 37-40; 行政处罚法 Art 61). A service
 * counts only when its proof is recorded:
 * - direct (GS-R 37): 送达回证 signed by the server and by the recipient or a
 *   lawful signatory;
 * - mail (GS-R 37): registered mail or express, with the mailing register,
 *   the posting receipt and the return receipt kept;
 * - refusal (留置送达, GS-R 38): reason and date on the receipt, server and
 *   witness sign, documents left with the recipient, and an AV record;
 * - entrusted (GS-R 39): an entrustment letter stating why, and the receipt
 *   signed by server and recipient;
 * - public notice (GS-R 40): a signed 公告送达审批意见书 recording the failed
 *   attempts, method, process and medium; the written notice kept; an AV
 *   record; the reason and course noted in the case file.
 *
 * AV for refusal and public notice: GS-R 38 and 40 require it, while SX25-R 13
 * and SX19-R 11 only ask for it "根据实际情况". With a profile, the profile's
 * AV lists decide (mandatory → required; situational → an advisory); without
 * one, the stricter REC-25 reading applies.
 *
 * Not covered: when a public notice is deemed served (民事诉讼法 Art 95) —
 * that law is outside the sources; `servedOn` is the publication date.
 */
import { type CivilDate, civilDateOf, isCivilDate, isDateTime } from '../calendar/civil-date.js';
import { type RuleMissing, formatBasis } from '../cases/citation.js';
import { avRequirement } from '../profiles/av.js';
import type { ResolvedProfile } from '../profiles/types.js';
import type { MeasureKey } from '../profiles/vocabulary.js';
import type { DocumentStatus } from './fields.js';
import { SERVICE_METHOD_CITATIONS, SERVICE_METHOD_LABELS, type ServiceMethod } from './service-methods.js';

export const RECIPIENT_ROLE_LABELS = {
  party: '受送达人本人',
  legalRepresentative: '法定代表人（负责人）',
  adultFamilyMember: '同住成年家属',
  unitOffice: '单位负责收件的人',
  agent: '代理人或者指定代收人',
} as const;
/** Who signed for the document (GS-R 37: 受送达人或符合法定条件的签收人). */
export type RecipientRole = keyof typeof RECIPIENT_ROLE_LABELS;

interface ServiceBase {
  id: string;
  /** Id of the served document version (a corrected version is served again). */
  documentId: string;
}

/** 送达回证 signatures (GS-R 37, 39). */
export interface ReceiptProof {
  recipientName: string;
  recipientRole: RecipientRole;
  recipientSigned: boolean;
  serverNames: readonly string[];
  serverSigned: boolean;
  /** Date or date-time of receipt. */
  receivedAt: string;
}

export interface DirectService extends ServiceBase, ReceiptProof {
  method: 'direct';
}

export interface MailService extends ServiceBase {
  method: 'mail';
  /** 挂号信 or 特快专递; ordinary mail is not service (GS-R 37). */
  carrier: 'registered' | 'express' | 'ordinary';
  /** 邮寄送达的登记 kept. */
  mailingRegistered: boolean;
  /** 付邮凭证 (reference to the scan), e.g. the tracking number slip. */
  postingReceiptRef: string;
  /** 回执 (reference to the scan). */
  returnReceiptRef: string;
  /** Date the recipient signed the return receipt. */
  receivedAt: string;
}

export interface RefusalService extends ServiceBase {
  method: 'refusal';
  recipientName: string;
  refusalReason: string;
  refusalDate: string;
  serverNames: readonly string[];
  serverSigned: boolean;
  witnessName: string;
  witnessSigned: boolean;
  /** Where the documents were left. */
  leftAt: string;
  avRecordIds?: readonly string[];
}

export interface EntrustedService extends ServiceBase, ReceiptProof {
  method: 'entrusted';
  entrustedTo: string;
  /** 委托函 (reference). */
  entrustmentLetterRef: string;
  /** 委托原因, recorded in the letter. */
  entrustmentReason: string;
}

export interface FailedAttempt {
  method: Exclude<ServiceMethod, 'publicNotice'>;
  date: string;
  result: string;
}

export interface PublicNoticeService extends ServiceBase {
  method: 'publicNotice';
  /** Id of the signed 公告送达审批意见书. */
  approvalDocumentId: string;
  failedAttempts: readonly FailedAttempt[];
  medium: string;
  publishedOn: string;
  /** 留存书面公告. */
  noticeCopyKept: boolean;
  /** 在案卷中记明原因和经过. */
  reasonAndCourse: string;
  avRecordIds?: readonly string[];
}

/** One act of service. */
export type ServiceRecord = DirectService | MailService | RefusalService | EntrustedService | PublicNoticeService;

export interface ServiceOptions {
  /** Decides whether AV is required for refusal and public notice (see the module comment). */
  profile?: ResolvedProfile;
  /** The case's documents, to check the public-notice approval is a signed 公告送达审批意见书. */
  documents?: readonly { id: string; kind: string; status: DocumentStatus }[];
}

export interface ServiceCountResult {
  counts: boolean;
  /** China date the service took effect under its method, when it counts. */
  servedOn: CivilDate | null;
  missing: RuleMissing[];
  /** Recommended but not required (situational AV under the profile). */
  advisories: RuleMissing[];
}

function blank(s: unknown): boolean {
  return typeof s !== 'string' || s.trim() === '';
}

function dateOf(s: unknown): CivilDate | null {
  if (typeof s !== 'string') return null;
  if (isCivilDate(s)) return s;
  return isDateTime(s) ? civilDateOf(s) : null;
}

/** REC-25: whether a service record proves service, and what is missing. Never throws. */
export function serviceCounts(record: ServiceRecord, options: ServiceOptions = {}): ServiceCountResult {
  const method = record.method;
  if (!Object.prototype.hasOwnProperty.call(SERVICE_METHOD_LABELS, method)) {
    const missing = [{ kind: 'service' as const, label: '送达方式', reason: `未知的送达方式“${String(method)}”`, id: 'method' }];
    return { counts: false, servedOn: null, missing, advisories: [] };
  }
  const basis = formatBasis(SERVICE_METHOD_CITATIONS[method]);
  const missing: RuleMissing[] = [];
  const advisories: RuleMissing[] = [];
  const need = (ok: boolean, label: string, reason: string, id: string) => {
    if (!ok) missing.push({ kind: 'service', label, reason, id, basis });
  };
  const needDate = (v: unknown, label: string, id: string): CivilDate | null => {
    const d = dateOf(v);
    need(d !== null, label, blank(v) ? '须记录日期' : `“${String(v)}”不是有效日期`, id);
    return d;
  };
  const receipt = (r: ReceiptProof): CivilDate | null => {
    need(!blank(r.recipientName), '签收人', '须记录签收人姓名', 'recipientName');
    need(Object.prototype.hasOwnProperty.call(RECIPIENT_ROLE_LABELS, r.recipientRole), '签收人身份', '须记录签收人与受送达人的关系', 'recipientRole');
    need(r.recipientSigned === true, '送达回证', '受送达人或者签收人须在送达回证上签名或者盖章', 'recipientSigned');
    need((r.serverNames ?? []).some((n) => !blank(n)), '送达人', '须记录送达人', 'serverNames');
    need(r.serverSigned === true, '送达回证', '送达人须在送达回证上签名或者盖章', 'serverSigned');
    return needDate(r.receivedAt, '签收日期', 'receivedAt');
  };
  const av = (ids: readonly string[] | undefined, situation: MeasureKey, label: string) => {
    if ((ids ?? []).some((i) => !blank(i))) return;
    const requirement = options.profile ? avRequirement(options.profile, situation).requirement : 'mandatory';
    const item = { kind: 'av' as const, label, reason: '须以音像方式记录送达过程', id: 'avRecordIds', basis };
    if (requirement === 'mandatory') missing.push(item);
    else if (requirement === 'situational') advisories.push({ ...item, reason: '宜根据实际情况进行音像记录' });
  };

  let servedOn: CivilDate | null = null;
  switch (record.method) {
    case 'direct':
      servedOn = receipt(record);
      break;
    case 'mail':
      need(record.carrier === 'registered' || record.carrier === 'express', '邮寄方式', '须以挂号信或者特快专递邮寄', 'carrier');
      need(record.mailingRegistered === true, '邮寄登记', '须留存邮寄送达的登记', 'mailingRegistered');
      need(!blank(record.postingReceiptRef), '付邮凭证', '须留存付邮凭证', 'postingReceiptRef');
      need(!blank(record.returnReceiptRef), '回执', '须留存回执', 'returnReceiptRef');
      servedOn = needDate(record.receivedAt, '回执签收日期', 'receivedAt');
      break;
    case 'refusal':
      need(!blank(record.recipientName), '受送达人', '须记录受送达人', 'recipientName');
      need(!blank(record.refusalReason), '拒收理由', '须在送达回证上记明拒收理由', 'refusalReason');
      need((record.serverNames ?? []).some((n) => !blank(n)), '送达人', '须记录送达人', 'serverNames');
      need(record.serverSigned === true, '送达回证', '送达人须签名或者盖章', 'serverSigned');
      need(!blank(record.witnessName), '见证人', '须有见证人', 'witnessName');
      need(record.witnessSigned === true, '送达回证', '见证人须签名或者盖章', 'witnessSigned');
      need(!blank(record.leftAt), '留置地点', '须将文书留在受送达人处并记明地点', 'leftAt');
      av(record.avRecordIds, 'serviceLeftAtDomicile', '留置送达音像记录');
      servedOn = needDate(record.refusalDate, '拒收日期', 'refusalDate');
      break;
    case 'entrusted':
      need(!blank(record.entrustedTo), '受托方', '须记录受托方', 'entrustedTo');
      need(!blank(record.entrustmentLetterRef), '委托函', '须向受托方出具委托函', 'entrustmentLetterRef');
      need(!blank(record.entrustmentReason), '委托原因', '须在委托函中记录委托原因', 'entrustmentReason');
      servedOn = receipt(record);
      break;
    case 'publicNotice': {
      const approval = options.documents?.find((d) => d.id === record.approvalDocumentId);
      if (blank(record.approvalDocumentId)) need(false, '公告送达审批意见书', '须制作公告送达审批意见书', 'approvalDocumentId');
      else if (options.documents) {
        need(approval?.kind === 'publicNoticeApproval', '公告送达审批意见书', '引用的文书不是本案的公告送达审批意见书', 'approvalDocumentId');
        need(approval?.kind !== 'publicNoticeApproval' || approval.status !== 'draft', '公告送达审批意见书', '公告送达审批意见书尚未签署', 'approvalDocumentId');
      }
      need((record.failedAttempts ?? []).length > 0, '其他方式无法送达的情况', '须记录已经采用其他方式均无法送达的情况', 'failedAttempts');
      need(!blank(record.medium), '公告载体', '须记录公告载体', 'medium');
      need(record.noticeCopyKept === true, '书面公告', '须留存书面公告', 'noticeCopyKept');
      need(!blank(record.reasonAndCourse), '原因和经过', '须在案卷中记明公告送达的原因和经过', 'reasonAndCourse');
      av(record.avRecordIds, 'serviceByPublicNotice', '公告送达音像记录');
      servedOn = needDate(record.publishedOn, '公告日期', 'publishedOn');
      break;
    }
  }
  const counts = missing.length === 0;
  return { counts, servedOn: counts ? servedOn : null, missing, advisories };
}
