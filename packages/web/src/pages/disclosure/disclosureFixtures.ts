/** Answers of the disclosure API for the console tests (shapes of usecases/publications.ts and public-requests.ts). */
import type { Mask, SensitiveKind } from '../../domain.js';
import { me } from '../../test/render.js';
import type { PublicationDetail, PublicationListItem, PublicRequest, RedactedField } from './disclosureApi.js';

export const clerk = me({ id: 'u-clerk', username: 'ty_clerk', displayName: '太原市局公示录入员', roles: ['disclosureClerk'], roleLabels: ['公示录入员'] });
export const approver = me({ id: 'u-appr', username: 'ty_approver', displayName: '太原市局公示审核员', roles: ['disclosureApprover'], roleLabels: ['公示审核员'] });

/** A redacted field built from the original and the values to hide (positions computed like the server's). */
export function redacted(original: string, hide: { value: string; replacement: string; kind: SensitiveKind; reason: string }[]): RedactedField {
  const masks: Mask[] = hide
    .map((h) => {
      const start = original.indexOf(h.value);
      if (start < 0) throw new Error(`not in text: ${h.value}`);
      return { start, end: start + h.value.length, original: h.value, replacement: h.replacement, kind: h.kind, reason: h.reason, source: 'known' as const };
    })
    .sort((a, b) => a.start - b.start);
  let text = '';
  let pos = 0;
  for (const m of masks) {
    text += original.slice(pos, m.start) + m.replacement;
    pos = m.end;
  }
  return { text: text + original.slice(pos), masks, lifted: [] };
}

export const FACTS = '经查，证人张三（身份证号140105199001011234）反映，你单位于2026年3月1日超标排放废水。';
export const WITNESS_REASON = '证人的姓名（SX25-P 第十六条（二））';
export const ID_REASON = '证人的身份证件号码（SX25-P 第十六条（一））';

export const listItem = (over: Partial<PublicationListItem> = {}): PublicationListItem => ({
  id: 'p1',
  caseId: 'c1',
  caseTitle: '某化工公司超标排放案',
  caseNumber: '并环罚案〔2026〕1号',
  agencyName: '太原市生态环境局',
  actionType: 'penalty',
  decisionKindName: '行政处罚决定书',
  decisionNumber: '并环罚〔2026〕1号',
  decisionDate: '2026-03-02',
  status: 'draft',
  statusLabel: '待录入',
  online: false,
  publishBy: '2026-03-11',
  removeNotBefore: null,
  removeBy: null,
  publicParty: null,
  withholding: null,
  withdrawal: null,
  due: { date: '2026-03-11', status: 'onTime' },
  ...over,
});

export function detail(over: { status?: PublicationDetail['publication']['status']; statusLabel?: string; problems?: PublicationDetail['problems']; online?: boolean } = {}): PublicationDetail {
  const factsRedacted = redacted(FACTS, [
    { value: '张三', replacement: '张*', kind: 'name', reason: WITNESS_REASON },
    { value: '140105199001011234', replacement: '1401**********1234', kind: 'idNumber', reason: ID_REASON },
  ]);
  const fields = { agency: '太原市生态环境局', decisionDate: '2026-03-02', decisionNumber: '并环罚〔2026〕1号', partyName: '某化工有限公司', facts: FACTS };
  return {
    publication: {
      id: 'p1',
      caseId: 'c1',
      agencyName: '太原市生态环境局',
      actionType: 'penalty',
      decisionKindName: '行政处罚决定书',
      decisionNumber: '并环罚〔2026〕1号',
      decisionDate: '2026-03-02',
      status: over.status ?? 'submitted',
      statusLabel: over.statusLabel ?? '待审核',
      online: over.online ?? false,
      publishBy: '2026-03-11',
      currentVersion: 2,
      publishedVersion: null,
      firstPublishedOn: null,
      removeNotBefore: null,
      removeBy: null,
      publicParty: null,
      withholding: null,
      withdrawal: null,
      publicContent: null,
      schedule: { publishBy: '2026-03-11', publishStatus: 'dueSoon', minimumUntil: null, removeNotBefore: null, removeBy: null, basis: 'SX25-P 第十四条：自作出决定之日起7个工作日内公示', notes: ['公示期限自公示之日起算，尚未公示，暂不能计算'] },
    },
    fields: [
      { key: 'agency', label: '执法主体（作出决定的机关名称）', required: true, applies: 'all', basis: 'SX25-P 第十七条' },
      { key: 'decisionDate', label: '决定日期', required: true, applies: 'all', basis: 'SX25-P 第十七条' },
      { key: 'decisionNumber', label: '行政处罚决定书文号', required: true, applies: 'all', basis: 'SX25-P 第十五条（一）' },
      { key: 'partyName', label: '被处罚的公民姓名或者法人、其他组织名称', required: true, applies: 'all', basis: 'SX25-P 第十五条（二）' },
      { key: 'facts', label: '主要违法事实', required: true, applies: 'all', basis: 'SX25-P 第十五条（三）' },
      { key: 'validity', label: '有效期限', required: false, applies: 'all', basis: 'GS-P 第七条（二）' },
    ],
    version: {
      version: 2,
      form: 'summary',
      fields,
      fullText: '',
      overrides: {},
      redacted: {
        agency: redacted(fields.agency, []),
        decisionDate: redacted(fields.decisionDate, []),
        decisionNumber: redacted(fields.decisionNumber, []),
        partyName: redacted(fields.partyName, []),
        facts: factsRedacted,
        fullText: redacted('', []),
      },
      note: '',
      createdByName: '太原市局公示录入员',
    },
    problems: over.problems ?? [],
    submittedBy: 'u-clerk',
    withholdingReasons: [
      { key: 'commercialSecret', label: '涉及商业秘密' },
      { key: 'privacy', label: '涉及个人隐私' },
    ],
    events: [
      { kind: 'create', fromStatus: 'draft', toStatus: 'draft', version: 1, comment: '', actorName: '太原市局执法一', at: '2026-03-02T02:00:00.000Z' },
      { kind: 'submit', fromStatus: 'draft', toStatus: 'submitted', version: 2, comment: '', actorName: '太原市局公示录入员', at: '2026-03-03T02:00:00.000Z' },
    ],
  };
}

export const publicRequest = (over: Partial<PublicRequest> = {}): PublicRequest => ({
  id: 'r1',
  kind: 'correction',
  kindLabel: '更正申请',
  trackingCode: 'ABCD234567',
  publicationId: 'p1',
  requesterName: '某化工有限公司',
  requesterContact: '0351-1234567',
  content: '公示的罚款金额有误',
  evidence: '',
  receivedOn: '2026-03-20',
  verifyBy: '2026-04-03',
  respondBy: null,
  status: 'received',
  statusLabel: '已受理，正在核实',
  response: '',
  due: { date: '2026-04-03', status: 'overdue', label: '核实期限' },
  ...over,
});
