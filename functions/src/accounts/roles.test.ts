import { describe, expect, it } from 'vitest';
import { claimsWithRoles, grantedRoles, rolesFromClaims, rolesList } from './roles';

describe('role helpers', () => {
  it('reads the grantable roles of a profile, ignoring anything else', () => {
    expect([...grantedRoles(['learner', 'admin', 'owner', 7])]).toEqual(['admin']);
    expect([...grantedRoles(undefined)]).toEqual([]);
    expect([...grantedRoles('educator')]).toEqual([]);
  });

  it('stores roles in one order, learner first', () => {
    expect(rolesList(new Set(['admin', 'educator'] as const))).toEqual(['learner', 'educator', 'admin']);
    expect(rolesList(new Set())).toEqual(['learner']);
  });

  it('sets exactly the given role claims and keeps every other claim', () => {
    expect(claimsWithRoles({ beta: true, admin: true }, new Set(['educator'] as const))).toEqual({
      beta: true,
      educator: true,
    });
    expect(claimsWithRoles(null, new Set())).toEqual({});
    expect(rolesFromClaims(claimsWithRoles({ plan: 'pro' }, new Set(['admin'] as const)))).toEqual([
      'learner',
      'admin',
    ]);
  });
});
