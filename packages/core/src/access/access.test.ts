import { describe, expect, it } from 'vitest';
import { allowedRelations, allows, relationOf, roleConflict } from './index.js';

const prov = { id: 'p', path: '/p/' };
const city = { id: 'c', path: '/p/c/' };
const branch = { id: 'b', path: '/p/c/b/' };
const otherCity = { id: 'd', path: '/p/d/' };

describe('agency relations (ORG-1 · SX19-P 9)', () => {
  it.each([
    [city, city, 'own'],
    [city, branch, 'below'],
    [prov, branch, 'below'],
    [branch, city, 'above'],
    [city, otherCity, 'sideways'],
    [branch, otherCity, 'sideways'],
  ] as const)('%o sees %o as %s', (a, t, rel) => {
    expect(relationOf(a, t)).toBe(rel);
  });

  it('a path prefix that is not an ancestor is sideways', () => {
    // ids that share a prefix must not be mistaken for ancestors
    expect(relationOf({ id: 'c', path: '/p/c/' }, { id: 'c2', path: '/p/c2/' })).toBe('sideways');
  });
});

describe('SYS-5 · GB/T 22239-2019 三员 separation', () => {
  it('two administrator roles in one account are refused', () => {
    expect(roleConflict(['sysAdmin', 'auditAdmin'])).toMatch(/不同人员/);
  });
  it('an administrator may not also hold a business role', () => {
    expect(roleConflict(['secAdmin', 'officer'])).toMatch(/不得兼任/);
  });
  it('business roles combine freely', () => {
    expect(roleConflict(['officer', 'unitHead'])).toBeNull();
  });
  it('no administrator role reads audit records unless it is the audit administrator', () => {
    expect(allows({ userId: 'u', roles: ['sysAdmin'] }, 'audit.read', 'own')).toBe(false);
    expect(allows({ userId: 'u', roles: ['secAdmin'] }, 'audit.read', 'own')).toBe(false);
    expect(allows({ userId: 'u', roles: ['auditAdmin'] }, 'audit.read', 'own')).toBe(true);
  });
  it('the system administrator cannot grant roles; the security administrator can', () => {
    expect(allows({ userId: 'u', roles: ['sysAdmin'] }, 'user.assignRoles', 'own')).toBe(false);
    expect(allows({ userId: 'u', roles: ['secAdmin'] }, 'user.assignRoles', 'below')).toBe(true);
  });
});

describe('deny by default', () => {
  it('nobody acts sideways on users or audit', () => {
    for (const roles of [['sysAdmin'], ['secAdmin'], ['auditAdmin'], ['supervisor']] as const) {
      const actor = { userId: 'u', roles };
      expect(allows(actor, 'user.read', 'sideways')).toBe(false);
      expect(allows(actor, 'audit.read', 'sideways')).toBe(false);
    }
  });
  it('allowedRelations is the union over the actor roles', () => {
    expect(allowedRelations({ userId: 'u', roles: ['agencyHead'] }, 'user.read').sort()).toEqual(['own']);
    expect(allowedRelations({ userId: 'u', roles: ['supervisor'] }, 'user.read').sort()).toEqual(['below', 'own']);
  });
});
