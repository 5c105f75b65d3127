// Integrity log (DESIGN §6): RFC 6962/9162 Merkle tree, proofs, C2SP
// checkpoints and signed notes, and offline bundle verification.
export * from './errors.js';
export * from './bytes.js';
export * from './hash.js';
export * from './node-id.js';
export * from './tree.js';
export * from './compact.js';
export * from './proof.js';
export * from './verify.js';
export * from './note.js';
export * from './checkpoint.js';
export * from './bundle.js';
export * from './canonical.js';
export * from './case-bundle.js';
export * from './tiles.js';
export * from './cosignature.js';
