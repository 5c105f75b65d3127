// Canonical JSON lives in core so that offline verifiers compute the same bytes.
export { canonicalJson } from '@sanxiang/core';
