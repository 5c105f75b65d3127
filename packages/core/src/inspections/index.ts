/**
 * 双随机、一公开 and 涉企行政检查 (INS-2, INS-3, NAT-16, NAT-17): the draw
 * anyone can recompute, the quota per class, the yearly cap and the result's
 * due date. Pure.
 */
export * from './vocabulary.js';
export * from './draw.js';
export * from './rules.js';
export * from './ratios.js';
