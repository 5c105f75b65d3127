/**
 * Submission materials and their completeness (REV-3 · SX19-L 10; XX-L 7).
 * Each material is made of linked records of the case (documents), linked
 * files (media of the case) and, where a written explanation suffices, text.
 * A submission that lacks a required material is refused with the missing
 * ones named; the unit answers for what it submits (REV-11 · SX19-L 16).
 */
import type { RuleMissing } from '../cases/citation.js';
import { formatCitation } from '../profiles/documents.js';
import type { MaterialCondition, MaterialRule, ReviewRules } from './rules.js';
import { MATERIAL_LABELS, type MaterialKey } from './vocabulary.js';

/** One material as submitted. */
export interface SubmittedMaterial {
  key: MaterialKey;
  /** Lineage ids of documents of the case. */
  documentIds?: readonly string[];
  /** Ids of media files of the case. */
  fileIds?: readonly string[];
  /** Written explanation (建议及情况说明, 移送意见 …). */
  text?: string;
}

/** Facts that make conditional materials required. */
export interface MaterialConditions {
  /** A hearing was held, or the draft was assessed or argued by experts. */
  hearingOrAssessment: boolean;
  /** Other units were consulted before submission (XX-L 6 ¶2). */
  consulted: boolean;
  /** A transfer to police, judiciary or another department is proposed. */
  transfer: boolean;
}

/** A document of the case as the completeness check sees it. */
export interface MaterialDocument {
  documentId: string;
  kind: string;
  status: 'draft' | 'signed' | 'issued';
}

export function materialRequired(when: MaterialCondition, c: MaterialConditions): boolean {
  switch (when) {
    case 'always':
      return true;
    case 'hearingOrAssessment':
      return c.hearingOrAssessment;
    case 'consulted':
      return c.consulted;
    case 'transfer':
      return c.transfer;
    case 'optional':
      return false;
  }
}

const blank = (s: string | undefined) => !s || s.trim() === '';

/**
 * What is missing or wrong in a submission: required materials absent,
 * links to documents or files that are not the case's, a draft decision that
 * is not a decision document, and records that should be signed.
 */
export function checkMaterials(
  rules: ReviewRules,
  submitted: readonly SubmittedMaterial[],
  conditions: MaterialConditions,
  caseDocuments: readonly MaterialDocument[],
  caseFileIds: readonly string[],
): RuleMissing[] {
  const missing: RuleMissing[] = [];
  const docs = new Map(caseDocuments.map((d) => [d.documentId, d]));
  const files = new Set(caseFileIds);
  const byKey = new Map<MaterialKey, SubmittedMaterial[]>();
  for (const m of submitted) byKey.set(m.key, [...(byKey.get(m.key) ?? []), m]);

  for (const m of submitted) {
    // A material the family does not list (e.g. a separate proposal under XX-L 7) is accepted as an extra one.
    const rule = rules.materials.find((r) => r.key === m.key) ?? rules.materials.find((r) => r.key === 'other')!;
    const label = rules.materials.find((r) => r.key === m.key)?.label ?? MATERIAL_LABELS[m.key] ?? m.key;
    for (const id of m.documentIds ?? []) {
      const d = docs.get(id);
      if (!d) missing.push({ kind: 'document', label, reason: `文书 ${id} 不是本案的文书`, id: m.key, basis: formatCitation(rule.citation) });
      else if (m.key === 'draftDecision' && !rule.documentKinds.includes(d.kind)) {
        missing.push({ kind: 'document', label, reason: '所附文书不是决定书', id: m.key, basis: formatCitation(rule.citation) });
      } else if (m.key === 'draftDecision' && d.status !== 'draft') {
        missing.push({ kind: 'document', label, reason: '所附决定书已签发，不是代拟稿', id: m.key, basis: formatCitation(rule.citation) });
      } else if (m.key !== 'draftDecision' && d.status === 'draft') {
        // Only the decision is reviewed as a draft; the records it rests on are originals (REC-16).
        missing.push({ kind: 'document', label, reason: '所附记录尚未签署', id: m.key, basis: formatCitation(rule.citation) });
      }
    }
    for (const id of m.fileIds ?? []) {
      if (!files.has(id)) missing.push({ kind: 'document', label, reason: `文件 ${id} 不是本案的音像记录或附件`, id: m.key, basis: formatCitation(rule.citation) });
    }
  }

  for (const rule of rules.materials) {
    if (!materialRequired(rule.when, conditions)) continue;
    const given = byKey.get(rule.key) ?? [];
    const linked = given.some((m) => (m.documentIds?.length ?? 0) > 0 || (m.fileIds?.length ?? 0) > 0);
    const texted = given.some((m) => !blank(m.text));
    if (linked || (rule.textSuffices && texted)) continue;
    missing.push({
      kind: 'document',
      label: rule.label,
      reason: rule.textSuffices ? '未提交（可附文书、文件或书面说明）' : '未提交（须附本案的文书或文件）',
      id: rule.key,
      basis: formatCitation(rule.citation),
    });
  }
  return missing;
}

/**
 * Materials proposed from the case's documents (the console pre-fills the
 * submission): for each rule, the case documents of its usual kinds.
 */
export function suggestMaterials(rules: ReviewRules, caseDocuments: readonly MaterialDocument[]): SubmittedMaterial[] {
  const out: SubmittedMaterial[] = [];
  for (const rule of rules.materials) {
    const ids = caseDocuments
      .filter((d) => rule.documentKinds.includes(d.kind) && (rule.key === 'draftDecision' ? d.status === 'draft' : d.status !== 'draft'))
      .map((d) => d.documentId);
    if (ids.length > 0) out.push({ key: rule.key, documentIds: ids });
  }
  return out;
}

/** The rule of a material key under `rules`. */
export function materialRule(rules: ReviewRules, key: MaterialKey): MaterialRule | undefined {
  return rules.materials.find((r) => r.key === key);
}
