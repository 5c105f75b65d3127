/**
 * 送达方式 service methods (REC-25 · GS-R 37-40). Electronic service is not in
 * the source documents, so it is not offered (an agency can still record
 * one through its own document kinds, but it never counts as service here).
 */
import { ruleRef } from '../cases/citation.js';
import type { Citation } from '../profiles/documents.js';

export const SERVICE_METHOD_LABELS = {
  direct: '直接送达',
  mail: '邮寄送达',
  refusal: '留置送达（拒绝签收）',
  entrusted: '委托送达',
  publicNotice: '公告送达',
} as const;

/** 送达方式. */
export type ServiceMethod = keyof typeof SERVICE_METHOD_LABELS;
export const SERVICE_METHODS = Object.keys(SERVICE_METHOD_LABELS) as ServiceMethod[];

export const SERVICE_METHOD_CITATIONS: Record<ServiceMethod, readonly Citation[]> = {
  direct: [ruleRef('GS-R', '37', '第一句', '由送达人、受送达人或符合法定条件的签收人在送达回证上签名或盖章')],
  mail: [ruleRef('GS-R', '37', '第二句', '应用挂号信或特快专递，留存邮寄送达的登记、付邮凭证和回执')],
  refusal: [ruleRef('GS-R', '38', undefined, '在送达回证上记明拒收理由和日期，并由送达人和见证人签名或者盖章，将行政执法文书留在受送达人处，并采用音像记录等方式记录送达过程')],
  entrusted: [ruleRef('GS-R', '39', undefined, '应向受托方出具委托函，同时在委托函中记录委托原因；由送达人、受送达人在送达回证上签名或盖章')],
  publicNotice: [ruleRef('GS-R', '40', undefined, '应制作《公告送达审批意见书》……留存书面公告，以适当方式进行音像记录，并在案卷中记明原因和经过')],
};
