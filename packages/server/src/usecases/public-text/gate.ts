/**
 * Issue 13 item 1 — one redaction gate for every public text (PUB-4 · SX25-P
 * 16; GS-P 9; PUB-1 · SX25-P 7): decisions, corrections, withdrawal
 * statements and the changing decision's content, answers to correction
 * requests and complaints, ex-ante content, and (as they arrive) inspection
 * results and annual reports. Every one of them goes through `reviewPublicText`:
 * redaction from the persons the case knows plus the detectors (with word
 * segmentation), then the leak guard on the result, and the open 疑似个人信息.
 * `gateProblems` turns the reviews into the approver's blocking problems;
 * other modules call `publicTextSources` + `reviewPublicText` (or
 * `redactForPublic`) before anything of theirs goes online.
 */
import { createRequire } from 'node:module';
import {
  AppError,
  applyOverrides,
  redact,
  resolveProfile,
  sensitiveLeaks,
  type Leak,
  type LiftedMask,
  type Mask,
  type RedactionOverride,
  type RedactionSources,
  type Suspect,
  type DismissedSuspect,
  type Tagger,
} from '@sanxiang/core';
import type { DbOrTx } from '../../db/client.js';
import type { agencies } from '../../db/schema.js';
import { redactionSourcesFor } from '../publications.js';

type AgencyRow = typeof agencies.$inferSelect;

/** What a public text is, for the approver's view and the problems. */
export const PUBLIC_TEXT_KIND_LABELS = {
  decision: '执法决定信息',
  correction: '更正说明',
  withdrawalStatement: '撤回说明',
  changingDecision: '变更、撤销决定的内容',
  requestAnswer: '更正申请、投诉的答复',
  exante: '事前公开信息',
  inspectionResult: '检查结果',
  annualReport: '年度统计报告',
} as const;
export type PublicTextKind = keyof typeof PUBLIC_TEXT_KIND_LABELS;

let jieba: Tagger | null = null;

/** Word segmentation with part-of-speech tags (@node-rs/jieba, its own dictionary), loaded once. */
export function jiebaTagger(): Tagger {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
    const j = Jieba.withDict(dict);
    jieba = (text: string) => j.tag(text);
  }
  return jieba;
}

/**
 * Redaction sources of a case for any public text: the party and every
 * person in its documents (publications.ts), the segmenter, and the officers
 * handling the case as public values (their names are published, ORG-2).
 */
export async function publicTextSources(db: DbOrTx, input: { caseId: string | null; agency: AgencyRow; agencyName?: string; decisionNumber?: string }): Promise<RedactionSources> {
  return redactionSourcesFor(db, { caseId: input.caseId, agencyName: input.agencyName ?? input.agency.name, decisionNumber: input.decisionNumber ?? '' }, input.agency);
}

/** The approver's side-by-side view of one public text and what blocks it. */
export interface PublicTextReview {
  kind: PublicTextKind;
  kindLabel: string;
  /** Where it sits, e.g. 'withdrawal.statement'. */
  key: string;
  original: string;
  text: string;
  masks: Mask[];
  lifted: LiftedMask[];
  suspects: Suspect[];
  dismissed: DismissedSuspect[];
  leaks: Leak[];
}

/** Redaction, the clerk's overrides, the leak guard and the open suspects of one text. */
export function reviewPublicText(kind: PublicTextKind, key: string, original: string, sources: RedactionSources, overrides: readonly RedactionOverride[] = []): PublicTextReview {
  const base = redact(original, sources);
  const r = overrides.length ? applyOverrides(base, overrides, sources.profile ? { profile: sources.profile } : {}) : base;
  const allow = r.lifted.filter((l) => l.ground !== undefined).map((l) => l.original);
  return {
    kind,
    kindLabel: PUBLIC_TEXT_KIND_LABELS[kind],
    key,
    original,
    text: r.text,
    masks: r.masks,
    lifted: r.lifted,
    suspects: r.suspects,
    dismissed: r.dismissed,
    leaks: sensitiveLeaks(r.text, sources, { allow }),
  };
}

export interface PublicTextProblem {
  code: 'leak' | 'suspect';
  message: string;
}

/** What keeps the texts from going online: a leak after redaction, an open 疑似个人信息. */
export function gateProblems(reviews: readonly PublicTextReview[]): PublicTextProblem[] {
  const out: PublicTextProblem[] = [];
  for (const r of reviews) {
    for (const l of r.leaks) out.push({ code: 'leak', message: `${r.kindLabel}仍含应隐去的信息：${l.display}（${l.reason}）` });
    for (const s of r.suspects) out.push({ code: 'suspect', message: `${r.kindLabel}含疑似个人信息“${s.original}”，须隐去或说明理由后排除（${s.reason.replace(/^疑似个人信息：/, '')}）` });
  }
  return out;
}

/** For texts without an approval step of their own (answers): redacted, and refused while anything leaks or is uncertain. */
export function redactForPublic(kind: PublicTextKind, key: string, original: string, sources: RedactionSources): PublicTextReview {
  const review = reviewPublicText(kind, key, original, sources);
  const problems = gateProblems([review]);
  if (problems.length) throw new AppError('publication.gate_closed', { detail: problems.map((p) => p.message).join('；'), details: problems });
  return review;
}

/** The agency's profile id, for callers that have only the agency row. */
export function profileIdOf(agency: AgencyRow) {
  return resolveProfile(agency.profileId, agency.profileOverrides).id;
}
