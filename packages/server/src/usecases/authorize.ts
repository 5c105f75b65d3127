/**
 * The one place where a loaded object is checked against the policy table
 * (DESIGN.md §5): cannot read → 404 (existence is not revealed); can read but
 * not act → 403. Lists use `scopeWhere` so that every read path shares the
 * same scope.
 */
import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import { AppError, allowedRelations, allows, relationOf, type Action, type Relation } from '@sanxiang/core';
import type { ActorContext } from '../context.js';

export interface Scoped {
  agencyId: string;
  agencyPath: string;
}

export function relationTo(actor: ActorContext, target: Scoped): Relation {
  return relationOf({ id: actor.agencyId, path: actor.agencyPath }, { id: target.agencyId, path: target.agencyPath });
}

/** Throws not_found when `readAction` is not allowed, forbidden when `action` is not. */
export function authorize(actor: ActorContext, action: Action, target: Scoped, readAction: Action): Relation {
  const rel = relationTo(actor, target);
  if (!allows(actor, readAction, rel)) throw new AppError('not_found');
  if (action !== readAction && !allows(actor, action, rel)) throw new AppError('forbidden');
  return rel;
}

/** SQL condition: the agency path in `pathColumn` stands in a relation the actor may `action`. */
export function scopeWhere(actor: ActorContext, action: Action, pathColumn: AnyColumn | SQL): SQL {
  const rels = allowedRelations(actor, action);
  return scopeForRelations(actor.agencyPath, rels, pathColumn);
}

export function scopeForRelations(actorPath: string, rels: readonly Relation[], col: AnyColumn | SQL): SQL {
  if (!/^[0-9a-z/-]+$/.test(actorPath)) throw new Error('unexpected agency path');
  const parts: SQL[] = [];
  if (rels.includes('own')) parts.push(sql`${col} = ${actorPath}`);
  if (rels.includes('below')) parts.push(sql`(${col} LIKE ${actorPath + '%'} AND ${col} <> ${actorPath})`);
  if (rels.includes('above')) parts.push(sql`(${actorPath} LIKE ${col} || '%' AND ${col} <> ${actorPath})`);
  if (rels.includes('sideways')) parts.push(sql`NOT (${col} LIKE ${actorPath + '%'} OR ${actorPath} LIKE ${col} || '%')`);
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}
