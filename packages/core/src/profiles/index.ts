/**
 * Regulation profiles (national, SX25, SX19, GS19, XX19): values with
 * citations, inheritance, agency configuration and deadline rules.
 */
export * from './documents.js';
export * from './vocabulary.js';
export * from './types.js';
export * from './param-info.js';
export * from './registry.js';
export * from './resolve.js';
export * from './rules.js';
export * from './av.js';
export * from './cite.js';
