/**
 * GET /case-meta once per page load: action types and their sources, measures,
 * the document catalogue with field specs and the stage requirements under
 * the agency's profile. Kept for the session (it changes only with a release
 * or the agency's profile).
 */
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client.js';
import type { CaseMeta } from '../api/cases.js';
import { MEASURE_LABELS, type ActionType, type CaseStage, type DocumentKindSpec } from '../domain.js';

let cached: Promise<CaseMeta> | null = null;

export function loadCaseMeta(): Promise<CaseMeta> {
  if (!cached) {
    cached = api.get<CaseMeta>('/case-meta');
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/** For tests: forget the loaded meta. */
export function resetCaseMetaCache(): void {
  cached = null;
}

export function useCaseMeta(): { meta: CaseMeta | null; error: string | null } {
  const [meta, setMeta] = useState<CaseMeta | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadCaseMeta()
      .then((m) => live && setMeta(m))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, []);
  return { meta, error };
}

export function sourcesFor(meta: CaseMeta, actionType: ActionType | undefined): { value: string; label: string }[] {
  const allowed = meta.actionTypes.find((t) => t.key === actionType)?.sources ?? [];
  return meta.sources.filter((s) => allowed.includes(s.key)).map((s) => ({ value: s.key, label: s.label }));
}

export function sourceLabel(meta: CaseMeta | null, key: string | undefined): string {
  return meta?.sources.find((s) => s.key === key)?.label ?? key ?? '';
}

export function measureOptions(meta: CaseMeta, actionType: ActionType | undefined): { value: string; label: string }[] {
  return meta.measures.filter((m) => !actionType || m.actionTypes.includes(actionType)).map((m) => ({ value: m.key, label: MEASURE_LABELS[m.key] ?? m.key }));
}

export function kindSpec(meta: CaseMeta | null, key: string): DocumentKindSpec | undefined {
  return meta?.documentKinds.find((k) => k.key === key);
}

/** Kinds an action type uses, grouped by stage in stage order. */
export function kindsByStage(meta: CaseMeta, actionType: ActionType): { stage: CaseStage; kinds: DocumentKindSpec[] }[] {
  return meta.stages
    .map((stage) => ({ stage, kinds: meta.documentKinds.filter((k) => k.stage === stage && k.actionTypes.includes(actionType)) }))
    .filter((g) => g.kinds.length > 0);
}
