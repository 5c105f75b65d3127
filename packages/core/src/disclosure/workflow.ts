/**
 * The life of a publication (PUB-1, PUB-5, PUB-7, PUB-8, PUB-9): one table of
 * transitions, so the server, the console and the tests read the same rule.
 *
 * - PUB-1 · SX25-P 7, GS-P 13-14: the clerk (录入员) enters and submits; the
 *   approver (审核员) approves, and nothing goes online otherwise. The same
 *   person cannot do both.
 * - PUB-5 · SX25-P 19: not publishing is also decided with a recorded reason
 *   and approval (automatic for minors and police transfers, no approval).
 * - PUB-7 · SX25-P 18: at the end of the maximum window the item is taken
 *   down by the system ('expire').
 * - PUB-8 · SX25-P 25, GS-P 16: a published decision that was changed or
 *   revoked is withdrawn with a public statement; the clerk drafts it, the
 *   approver approves.
 * - PUB-9 · GS-P 17: a correction reopens a published item as a new version
 *   that goes through approval again; the portal keeps showing the approved
 *   version until then.
 */

export const PUBLICATION_STATUS_LABELS = {
  draft: '待录入',
  submitted: '待审核',
  published: '已公示',
  withholdPending: '不予公开待审核',
  withheld: '不予公开',
  withdrawPending: '撤回待审核',
  withdrawn: '已撤回',
  expired: '公示期满已撤下',
} as const;
export type PublicationStatus = keyof typeof PUBLICATION_STATUS_LABELS;
export const PUBLICATION_STATUSES = Object.keys(PUBLICATION_STATUS_LABELS) as PublicationStatus[];

export const PUBLICATION_ACTION_LABELS = {
  save: '保存',
  submit: '提交审核',
  approve: '审核通过并公示',
  return: '退回修改',
  requestWithhold: '申请不予公开',
  approveWithhold: '批准不予公开',
  refuseWithhold: '不批准不予公开',
  autoWithhold: '依法不予公开（自动）',
  requestWithdraw: '申请撤回',
  approveWithdraw: '批准撤回',
  refuseWithdraw: '不批准撤回',
  correct: '更正',
  expire: '公示期满撤下',
} as const;
export type PublicationAction = keyof typeof PUBLICATION_ACTION_LABELS;

/** Who takes an action: the clerk, the approver, or the system. */
export type PublicationActor = 'clerk' | 'approver' | 'system';

interface Transition {
  from: readonly PublicationStatus[];
  to: PublicationStatus | 'same';
  by: PublicationActor;
}

/**
 * The transitions. A published item stays 'published' while a correction is
 * edited (its `currentVersion` runs ahead of `publishedVersion`), and goes
 * to 'submitted' when the correction is submitted.
 */
export const PUBLICATION_TRANSITIONS: Record<PublicationAction, Transition> = {
  save: { from: ['draft', 'published'], to: 'same', by: 'clerk' },
  submit: { from: ['draft', 'published'], to: 'submitted', by: 'clerk' },
  approve: { from: ['submitted'], to: 'published', by: 'approver' },
  return: { from: ['submitted'], to: 'draft', by: 'approver' },
  requestWithhold: { from: ['draft', 'submitted'], to: 'withholdPending', by: 'clerk' },
  approveWithhold: { from: ['withholdPending'], to: 'withheld', by: 'approver' },
  refuseWithhold: { from: ['withholdPending'], to: 'draft', by: 'approver' },
  // issue 13: withholding is re-read from the case's facts at approval too
  autoWithhold: { from: ['draft', 'submitted'], to: 'withheld', by: 'system' },
  requestWithdraw: { from: ['published'], to: 'withdrawPending', by: 'clerk' },
  approveWithdraw: { from: ['withdrawPending'], to: 'withdrawn', by: 'approver' },
  refuseWithdraw: { from: ['withdrawPending'], to: 'published', by: 'approver' },
  correct: { from: ['published'], to: 'same', by: 'clerk' },
  expire: { from: ['published', 'submitted', 'withdrawPending'], to: 'expired', by: 'system' },
};

export type PublicationTransitionCheck = { ok: true; to: PublicationStatus } | { ok: false; reason: string };

/** Whether `action` may be taken on an item in `status`, and where it leads. */
export function publicationTransition(status: PublicationStatus, action: PublicationAction): PublicationTransitionCheck {
  const t = PUBLICATION_TRANSITIONS[action];
  if (!t.from.includes(status)) {
    return { ok: false, reason: `“${PUBLICATION_STATUS_LABELS[status]}”状态下不能${PUBLICATION_ACTION_LABELS[action]}` };
  }
  return { ok: true, to: t.to === 'same' ? status : t.to };
}

/** What the approver's decision to publish depends on (PUB-1, PUB-3, PUB-4, PUB-5). */
export interface PublishGateInput {
  /** Who submitted the version being approved, and who approves. */
  submittedBy: string;
  approverId: string;
  /** PUB-1 · GS-P 13-14: a major decision's information needs its legal review first. */
  majorDecision: boolean;
  legalReviewPassed: boolean;
  /** Unfilled required fields (checkPublication). */
  missing: readonly { label: string; reason: string }[];
  /** What the leak guard still finds in the text to publish (sensitiveLeaks), in masked display form. */
  leaks: readonly { display: string; reason: string }[];
  /** A withholding reason stands or awaits approval (blocksPublication). */
  withheld: boolean;
}

/** One reason the approver may not publish, in Chinese. */
export interface GateProblem {
  code: 'sameActor' | 'legalReview' | 'missing' | 'leak' | 'withheld' | 'suspect' | 'liftConsent' | 'withholdingReason';
  message: string;
}

/** Every reason publication is refused; empty when it may go online. */
export function publishGate(input: PublishGateInput): GateProblem[] {
  const out: GateProblem[] = [];
  if (input.submittedBy === input.approverId) {
    out.push({ code: 'sameActor', message: '录入人员不能审核本人录入的公示信息（SX25-P 第七条；GS-P 第十三条、第十四条）' });
  }
  if (input.majorDecision && !input.legalReviewPassed) {
    out.push({ code: 'legalReview', message: '重大执法决定须经法制审核通过后方可公示（GS-P 第十四条）' });
  }
  for (const m of input.missing) out.push({ code: 'missing', message: m.reason });
  for (const l of input.leaks) out.push({ code: 'leak', message: `待公示文本仍含应隐去的信息：${l.display}（${l.reason}）` });
  if (input.withheld) out.push({ code: 'withheld', message: '存在不予公开的事由，不能公示' });
  return out;
}
