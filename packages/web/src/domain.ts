/**
 * The parts of @sanxiang/core the console uses, imported module by module:
 * the package root also re-exports server-side code (integrity hashing on
 * node:crypto) that must not enter the browser bundle. Add new imports here,
 * from modules without I/O or Node built-ins.
 */
export { ADMIN_ROLES, ROLES, ROLE_LABELS, type Role } from '@sanxiang/core/access/roles.js';
export { PASSWORD_MIN_CLASSES, PASSWORD_MIN_LENGTH, isPasswordStrong, passwordClasses } from '@sanxiang/core/access/password.js';
export { AGENCY_LEVEL_LABELS, type AgencyLevel } from '@sanxiang/core/org/agency.js';
export type { CalendarDay } from '@sanxiang/core/calendar/types.js';
export type { Period, PeriodUnit } from '@sanxiang/core/calendar/period.js';
export { DOCUMENTS, formatCitation, type Citation } from '@sanxiang/core/profiles/documents.js';
export { officerText, ruleText, specsForProfile } from '@sanxiang/core/profiles/cite.js';
export { MAJOR_CRITERION_LABELS, MEASURE_LABELS, PAUSE_REASON_LABELS, type MajorCriterionKey, type MeasureKey, type PauseReasonKey } from '@sanxiang/core/profiles/vocabulary.js';
export {
  ANCHOR_LABELS,
  PROFILE_IDS,
  type AgencyOverride,
  type AgencyOverrides,
  type AvListEntry,
  type DeadlineExtension,
  type DeadlineSpec,
  type ParamKey,
  type ParamOrigin,
  type ParamValueMap,
  type ProfileId,
  type ResolvedParam,
  type ResolvedProfile,
} from '@sanxiang/core/profiles/types.js';
export { PARAM_INFO, PARAM_KEYS, paramValueProblem, type ParamInfo } from '@sanxiang/core/profiles/param-info.js';
export { DEADLINE_RULES, DEADLINE_RULE_KEYS, type DeadlinePreview, type DeadlineRuleKey } from '@sanxiang/core/profiles/rules.js';
export { POLICY, allows, type Action } from '@sanxiang/core/access/policy.js';
// Cases and records (issue 4): labels, field specs and the same field checks the server runs.
export type { RuleMissing } from '@sanxiang/core/cases/citation.js';
export { ACTION_TYPE_INFO, CASE_SOURCE_LABELS, type ActionType, type CaseSource } from '@sanxiang/core/cases/action-types.js';
export { ARCHIVED_LABEL, CASE_STAGES, CASE_STAGE_LABELS, type CaseStage, type CaseState } from '@sanxiang/core/cases/stages.js';
export { CONTACT_KIND_LABELS, ID_TYPE_LABELS, PARTY_KIND_LABELS, type ContactKind, type IdType, type PartyKind } from '@sanxiang/core/cases/party.js';
export { PENALTY_TYPE_LABELS, type PenaltyType, type ProposedPenalty } from '@sanxiang/core/cases/penalty-types.js';
export {
  DECISION_PART_LABELS,
  DECISION_PART_CITATIONS,
  LEGAL_REVIEW_OUTCOME_LABELS,
  type Approval,
  type CollectiveDiscussionLink,
  type DecisionStageRecords,
  type HandlerOpinion,
  type UnitReview,
} from '@sanxiang/core/cases/decision-records.js';
export type { CaseFlags } from '@sanxiang/core/cases/snapshot.js';
export type { CaseDates, CaseDeadlineStatus } from '@sanxiang/core/cases/deadlines.js';
export type { CaseMeasureKey } from '@sanxiang/core/cases/measures.js';
export {
  DOCUMENT_STATUS_LABELS,
  FIELD_TYPE_LABELS,
  isAbsent,
  isRequired,
  validateFields,
  valueProblem,
  type DocumentFieldValues,
  type DocumentStatus,
  type FieldOption,
  type FieldSpec,
  type FieldType,
} from '@sanxiang/core/records/fields.js';
export type { DocumentKindSpec } from '@sanxiang/core/records/kind-spec.js';
export { validateDocumentFields } from '@sanxiang/core/records/validate.js';
export { SERVICE_METHOD_LABELS, SERVICE_METHOD_CITATIONS, type ServiceMethod } from '@sanxiang/core/records/service-methods.js';
export { RECIPIENT_ROLE_LABELS, type RecipientRole } from '@sanxiang/core/records/service.js';
// Ex-post disclosure (PUB-1..PUB-10): statuses and the transition table, withholding reasons, redaction kinds and lift grounds.
export {
  PUBLICATION_ACTION_LABELS,
  PUBLICATION_STATUS_LABELS,
  PUBLICATION_TRANSITIONS,
  type GateProblem,
  type PublicationAction,
  type PublicationStatus,
} from '@sanxiang/core/disclosure/workflow.js';
export { WITHHOLDING_REASON_LABELS, type WithholdingReasonKey } from '@sanxiang/core/disclosure/withholding.js';
export { LIFT_GROUND_LABELS, type DismissedSuspect, type LiftGround, type LiftedMask, type Mask, type RedactionOverride, type Suspect } from '@sanxiang/core/disclosure/redaction.js';
export { SENSITIVE_KIND_LABELS, type SensitiveKind } from '@sanxiang/core/disclosure/basis.js';
// Ex-ante disclosure (ORG-3..ORG-8): section specs, the same checks the server runs, value formatting.
export { EXANTE_SPECS, FREQUENCY_PERIOD_LABELS, exAnteProblems, formatExAnteProblem, formatExAnteValue, type ExAnteContent, type ExAnteField, type ExAnteProblem, type ExAnteRow, type ExAnteSection, type ExAnteSectionSpec, type ExAnteValue, type Frequency, type FrequencyPeriod } from '@sanxiang/core/disclosure/exante.js';
export { CAP_EXCEPTION_LABELS, INSPECTION_KIND_LABELS, INSPECTION_LEVEL_LABELS, PERMIT_CLASS_LABELS, TARGET_CLASS_LABELS, type CapExceptionKey, type DrawRatio, type InspectionKind, type TargetClass } from '@sanxiang/core/inspections/vocabulary.js';
