/**
 * A draw anyone can check (INS-2 · MEE19 一(一)(5); NAT-17 双随机、一公开).
 *
 * Algorithm "SX-DRAW-1" — deliberately small, so that the portal's proof page
 * recomputes it in the browser with `crypto.subtle` (portal/draw-proof.js):
 *
 *   score(label, key) = hex(SHA-256(UTF-8(seed + "|" + label + "|" + key)))
 *
 * 1. Targets. For each class in the order 重点排污单位, 高, 中, 低: sort the
 *    class's pool by (score("target", key), key) ascending — comparing plain
 *    strings by UTF-16 code units — and take the first `quota[class]`.
 *    Sorting by a keyed hash is a uniform random permutation; the key breaks
 *    (never observed) ties, so the result does not depend on the order in
 *    which the lists were stored.
 * 2. Inspectors. For the drawn targets in that order: sort the inspectors by
 *    (score("inspector|" + targetKey, inspectorKey), inspectorKey) and take
 *    the first `teamSize` who have declared no relation to the target (回避)
 *    and have fewer than `load = ceil(targets × teamSize / inspectors)`
 *    assignments; when the load limit leaves too few, it is lifted for that
 *    target. Fewer than `teamSize` without a conflict → the draw is refused.
 *
 * The seed is 32 random bytes (hex). Its SHA-256 and the SHA-256 of each
 * list (listDigests) are sealed in the integrity log before the draw; the
 * seed is revealed after, so nobody could choose it after seeing the lists,
 * nor change the lists after seeing the seed.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';
import { TARGET_CLASSES, type TargetClass } from './vocabulary.js';

export const DRAW_ALGORITHM = 'SX-DRAW-1';

export interface DrawTarget {
  /** Stable key: the 统一社会信用代码. */
  key: string;
  targetClass: TargetClass;
}

export interface DrawInspector {
  /** Stable key: the 执法证号. */
  key: string;
}

/** A declared relation (回避): this inspector may not inspect that target. */
export interface DrawConflict {
  inspectorKey: string;
  targetKey: string;
}

export interface DrawInput {
  seed: string;
  targets: readonly DrawTarget[];
  inspectors: readonly DrawInspector[];
  conflicts: readonly DrawConflict[];
  quota: Readonly<Partial<Record<TargetClass, number>>>;
  /** At least 2 (ORG-2 · SX19-L 11(一)). */
  teamSize: number;
}

export interface DrawAssignment {
  targetKey: string;
  targetClass: TargetClass;
  inspectorKeys: string[];
}

export interface DrawResult {
  algorithm: typeof DRAW_ALGORITHM;
  assignments: DrawAssignment[];
}

export const sha256Hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

export function drawScore(seed: string, label: string, key: string): string {
  return sha256Hex(`${seed}|${label}|${key}`);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function ranked<T extends { key: string }>(items: readonly T[], seed: string, label: string): T[] {
  return items
    .map((item) => ({ item, s: drawScore(seed, label, item.key) }))
    .sort((a, b) => cmp(a.s, b.s) || cmp(a.item.key, b.item.key))
    .map((x) => x.item);
}

/** The canonical text of each list, one line each, sorted: what is hashed and published. */
export function listTexts(input: Pick<DrawInput, 'targets' | 'inspectors' | 'conflicts'>): { targets: string; inspectors: string; conflicts: string } {
  const lines = (xs: string[]) => [...xs].sort(cmp).join('\n');
  return {
    targets: lines(input.targets.map((t) => `${t.key}\t${t.targetClass}`)),
    inspectors: lines(input.inspectors.map((i) => i.key)),
    conflicts: lines(input.conflicts.map((c) => `${c.inspectorKey}\t${c.targetKey}`)),
  };
}

/** SHA-256 of each list's canonical text: sealed with the seed's hash before the draw. */
export function listDigests(input: Pick<DrawInput, 'targets' | 'inspectors' | 'conflicts'>): { targets: string; inspectors: string; conflicts: string } {
  const t = listTexts(input);
  return { targets: sha256Hex(t.targets), inspectors: sha256Hex(t.inspectors), conflicts: sha256Hex(t.conflicts) };
}

/** Runs SX-DRAW-1. Pure: the same input gives the same result anywhere. */
export function runDraw(input: DrawInput): DrawResult {
  if (!/^[0-9a-f]{64}$/.test(input.seed)) throw new AppError('validation.failed', { detail: '抽取种子须为 64 位十六进制数' });
  if (!Number.isInteger(input.teamSize) || input.teamSize < 2) throw new AppError('inspection.team_too_small', { min: 2 });
  const keys = new Set<string>();
  for (const t of input.targets) {
    if (keys.has(t.key)) throw new AppError('validation.failed', { detail: `检查对象名录重复：${t.key}` });
    keys.add(t.key);
  }
  const inspectorKeys = new Set(input.inspectors.map((i) => i.key));
  if (inspectorKeys.size !== input.inspectors.length) throw new AppError('validation.failed', { detail: '执法检查人员名录重复' });

  const drawn: { key: string; targetClass: TargetClass }[] = [];
  for (const c of TARGET_CLASSES) {
    const pool = input.targets.filter((t) => t.targetClass === c);
    const n = Math.min(pool.length, Math.max(0, Math.floor(input.quota[c] ?? 0)));
    drawn.push(...ranked(pool, input.seed, 'target').slice(0, n));
  }

  const conflict = new Set(input.conflicts.map((c) => `${c.inspectorKey}\t${c.targetKey}`));
  const load = new Map<string, number>();
  const limit = input.inspectors.length > 0 ? Math.ceil((drawn.length * input.teamSize) / input.inspectors.length) : 0;
  const assignments: DrawAssignment[] = [];
  for (const t of drawn) {
    // 回避: an inspector with a declared relation to the target is never drawn for it.
    const order = ranked(input.inspectors, input.seed, `inspector|${t.key}`).filter((i) => !conflict.has(`${i.key}\t${t.key}`));
    if (order.length < input.teamSize) throw new AppError('inspection.inspectors_insufficient', { target: t.key, need: input.teamSize, have: order.length });
    let team = order.filter((i) => (load.get(i.key) ?? 0) < limit).slice(0, input.teamSize);
    if (team.length < input.teamSize) team = order.slice(0, input.teamSize);
    for (const i of team) load.set(i.key, (load.get(i.key) ?? 0) + 1);
    assignments.push({ targetKey: t.key, targetClass: t.targetClass, inspectorKeys: team.map((i) => i.key) });
  }
  return { algorithm: DRAW_ALGORITHM, assignments };
}
