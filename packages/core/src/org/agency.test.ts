import { describe, expect, it } from 'vitest';
import { checkAgencyParent } from './agency.js';

describe('ORG-1 · GS-P 5(一): agency tree levels', () => {
  it.each([
    ['province', null, true],
    ['city', 'province', true],
    ['branch', 'city', true],
    ['county', 'city', true],
    ['province', 'province', false],
    ['city', null, false],
    ['branch', 'province', false],
    ['county', 'branch', false],
  ] as const)('%s under %s → %s', (level, parent, ok) => {
    if (ok) expect(() => checkAgencyParent(level, parent)).not.toThrow();
    else expect(() => checkAgencyParent(level, parent)).toThrowError(/agency.parent_level/);
  });
});
