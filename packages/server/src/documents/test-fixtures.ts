/**
 * Inputs shared by the document tests: a complete penalty decision as an
 * agency would write it, and the sample fields of every built-in kind.
 */
import { BUILT_IN_DOCUMENT_KINDS, SAMPLE_CREDIT_CODE, sampleFields, type DocumentKindSpec } from '@sanxiang/core';
import type { RenderInput } from './layout.js';

export const AGENCY = '太原市生态环境局';

/** 文号 of a kind: 并环罚〔2026〕12号. */
export function numberFor(kind: DocumentKindSpec): string {
  return `并环${kind.code}〔2026〕12号`;
}

/** A kind's sample values at its final status, numbered (the documentNumber field agrees with the number). */
export function sampleInput(kind: DocumentKindSpec, overrides: Partial<RenderInput> = {}): RenderInput {
  const number = numberFor(kind);
  const fields = sampleFields(kind, kind.fields.some((f) => f.key === 'documentNumber') ? { documentNumber: number } : {});
  return { kind, fields, number, agencyName: AGENCY, caseNumber: '并环案〔2026〕7号', version: 1, status: kind.finalStatus, ...overrides };
}

export const PENALTY_FIELDS = {
  partyName: '太原市某化工有限公司',
  partyAddress: '山西省太原市小店区某某路88号',
  partyCreditCode: SAMPLE_CREDIT_CODE,
  legalRepresentative: '王五',
  facts: '2026年1月15日，本机关执法人员现场检查发现，你单位喷涂车间废气处理设施未正常运行，挥发性有机物废气未经处理直接排放。',
  evidence: ['现场检查笔录一份', '询问笔录一份', '监测报告一份'],
  penaltyTypes: ['warning', 'fine'],
  fineAmount: 100_000,
  penaltyContent: '警告，并处罚款人民币壹拾万元整。',
  legalBasis: '《中华人民共和国大气污染防治法》第一百零八条第一项',
  performanceManner: '将罚款缴至指定银行账户',
  performanceDeadline: '自收到本决定书之日起十五日内',
  reconsiderationBody: '太原市人民政府',
  reconsiderationDays: 60,
  litigationCourt: '太原市小店区人民法院',
  litigationMonths: 6,
  documentNumber: '并环罚〔2026〕12号',
  agencyName: AGENCY,
  issueDate: '2026-03-02',
  sealAffixed: true,
} as const;

export function penaltyInput(overrides: Partial<RenderInput> = {}): RenderInput {
  return {
    kind: BUILT_IN_DOCUMENT_KINDS.penaltyDecision,
    fields: PENALTY_FIELDS,
    number: PENALTY_FIELDS.documentNumber,
    agencyName: AGENCY,
    version: 1,
    status: 'issued',
    ...overrides,
  };
}
