/**
 * 执法公示 disclosure (PUB-2 … PUB-9, NAT-15): what to publish, redaction,
 * withholding, windows, withdrawal, corrections and the credit-platform
 * export. Pure functions: no I/O, no clock; the calendar and the profile are
 * arguments.
 */
export * from './basis.js';
export * from './redaction.js';
export { maskFor, keepEnds } from './masking.js';
export { type Detection, type TaggedWord, type Tagger, classifyDigits, isResidentId15, isResidentId18, luhnValid } from './detectors.js';
export * from './withholding.js';
export * from './content.js';
export * from './schedule.js';
export * from './credit-export.js';
export * from './workflow.js';
export * from './search.js';
export * from './draft.js';
export * from './case-known.js';
export { ALL_COMPOUND_SURNAMES, ALL_SINGLE_SURNAMES, leadingSurname } from './surnames.js';
