// Public surface of @sanxiang/core: pure domain rules, no I/O.
export * from './errors.js';
export * from './identity/identity.js';
export * from './access/index.js';
export * from './org/index.js';
export * from './calendar/index.js';
export * from './profiles/index.js';
export * from './cases/index.js';
export * from './records/index.js';
export * as integrity from './integrity/index.js';
export { canonicalJson } from './integrity/canonical.js';
export * from './integrity/case-bundle.js';
export * from './review/index.js';
export * from './disclosure/index.js';
export * from './todo/index.js';
export * from './inspections/index.js';
