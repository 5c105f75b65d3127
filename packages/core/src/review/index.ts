/**
 * Legal review of major decisions (重大执法决定法制审核, REV-1..REV-13):
 * catalogue and matching, materials, checklist and outcomes, rounds, the
 * deadline with pauses and extensions, and the hard gate. Pure functions.
 */
export * from './vocabulary.js';
export * from './rules.js';
export * from './catalogue.js';
export * from './matching.js';
export * from './materials.js';
export * from './checklist.js';
export * from './deadline.js';
export * from './rounds.js';
export * from './gate.js';
export * from './facts.js';
