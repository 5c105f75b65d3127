/**
 * Cases (案件): action types and sources, parties, measures, handlers, numbers,
 * the stage machine with its requirement table, and stage deadlines.
 * Pure functions; rule checks return `{ ok: false, missing }` instead of throwing.
 */
export * from './citation.js';
export * from './action-types.js';
export * from './party.js';
export * from './measures.js';
export * from './penalty-types.js';
export * from './hearing.js';
export * from './handlers.js';
export * from './numbering.js';
export * from './stages.js';
export * from './decision-records.js';
export * from './snapshot.js';
export * from './conditions.js';
export * from './requirements.js';
export * from './av-situations.js';
export * from './av-exceptions.js';
export * from './case-documents.js';
export * from './checklist.js';
export * from './advance.js';
export * from './document-gate.js';
export * from './violations.js';
export * from './daily-penalty.js';
export * from './requirement-table.js';
export * from './deadlines.js';
export * from './time-limit.js';
export * from './next-step.js';
