/**
 * Records (文书): the document catalogue with field schemas, validation
 * (incl. NAT-7), service proof (REC-25) and versioning (REC-16).
 * Pure functions; rule checks return results instead of throwing.
 */
export * from './fields.js';
export * from './kind-spec.js';
export * from './catalogue.js';
export * from './validate.js';
export * from './penalty-decision.js';
export * from './service-methods.js';
export * from './service.js';
export * from './versioning.js';
export * from './sample-fields.js';
export * from './content-hash.js';
export * from './retention.js';
export { SIGNATURE_FIELD_KEYS, signaturesWithWitness } from './field-groups.js';
export * from './media-soundness.js';
