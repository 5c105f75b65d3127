/**
 * The requirement table as users read it: for one action type under one
 * profile, stage by stage, the record rows with their conditions and
 * articles, then the AV situations the profile lists.
 */
import { avRequirement } from '../profiles/av.js';
import { formatBasisFor } from '../profiles/cite.js';
import type { ResolvedProfile } from '../profiles/types.js';
import { MEASURE_LABELS } from '../profiles/vocabulary.js';
import type { ActionType } from './action-types.js';
import { possibleAvSituations } from './av-situations.js';
import { conditionLabel } from './conditions.js';
import { STAGE_REQUIREMENTS } from './requirements.js';
import { CASE_STAGES, type CaseStage } from './stages.js';

/** One row of the requirement table as shown to users for an action type under a profile. */
export interface RequirementDescription {
  stage: CaseStage;
  id: string;
  /** The requirement served, e.g. 'REC-25'; AV rows 'REC-6' or 'REC-7'. */
  requirement: string;
  label: string;
  /** 'required' blocks the stage; 'advised' is situational AV. */
  binding: 'required' | 'advised';
  condition: string;
  basis: string;
}

/**
 * The table for one action type under a profile, stage by stage: the record
 * rows, then the AV situations the profile lists (mandatory → required,
 * situational → advised).
 */
export function describeStageRequirements(type: ActionType, profile: ResolvedProfile): RequirementDescription[] {
  const out: RequirementDescription[] = [];
  for (const stage of CASE_STAGES) {
    for (const row of STAGE_REQUIREMENTS.filter((r) => r.stage === stage && r.actionTypes.includes(type))) {
      out.push({ stage, id: row.id, requirement: row.requirement, label: row.label, binding: 'required', condition: conditionLabel(row.when), basis: formatBasisFor(row.citations, profile.id) });
    }
    for (const rule of possibleAvSituations(stage, type)) {
      const req = avRequirement(profile, rule.situation);
      if (req.requirement === 'none') continue;
      out.push({
        stage,
        id: `av.${stage}.${rule.situation}`,
        requirement: req.requirement === 'mandatory' ? 'REC-6' : 'REC-7',
        label: `音像记录：${MEASURE_LABELS[rule.situation]}`,
        binding: req.requirement === 'mandatory' ? 'required' : 'advised',
        condition: rule.trigger,
        basis: formatBasisFor(req.citations, profile.id),
      });
    }
  }
  return out;
}
