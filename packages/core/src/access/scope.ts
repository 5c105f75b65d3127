/**
 * The agency tree decides what a user may see (DESIGN.md §5): an officer sees
 * its own agency's work; a higher agency supervises the agencies below it;
 * nobody sees sideways.
 *
 * Each agency carries a materialised path of ids from the root, e.g.
 * `/a1/a7/a9/`, so subtree checks are prefix checks, in code and in SQL.
 */
export type Relation = 'own' | 'below' | 'above' | 'sideways';

export interface AgencyRef {
  id: string;
  path: string;
}

/** Where `target` stands as seen from `actor`'s agency. */
export function relationOf(actor: AgencyRef, target: AgencyRef): Relation {
  if (actor.id === target.id) return 'own';
  if (target.path.startsWith(actor.path)) return 'below';
  if (actor.path.startsWith(target.path)) return 'above';
  return 'sideways';
}

export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}
