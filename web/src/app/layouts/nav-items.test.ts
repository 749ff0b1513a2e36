import { describe, expect, it } from 'vitest';
import { accountNav, mainNav, visibleNav } from './nav-items';

const labels = (who: { signedIn: boolean; educator: boolean; admin: boolean }) =>
  visibleNav(mainNav, who).map((i) => i.label);

describe('visibleNav', () => {
  it('shows Courses to everyone and My learning only when signed in', () => {
    expect(labels({ signedIn: false, educator: false, admin: false })).toContain('Courses');
    expect(labels({ signedIn: false, educator: false, admin: false })).not.toContain('My learning');
    expect(labels({ signedIn: true, educator: false, admin: false })).toContain('My learning');
  });
  it('offers Plus in the header to visitors, and in the account area once signed in', () => {
    expect(labels({ signedIn: false, educator: false, admin: false })).toContain('Plus');
    expect(labels({ signedIn: true, educator: true, admin: true })).not.toContain('Plus');
    expect(accountNav.map((i) => i.to)).toContain('/plus');
  });
  it('shows Educator and Admin only to those roles', () => {
    expect(labels({ signedIn: true, educator: false, admin: false })).not.toContain('Educator');
    expect(labels({ signedIn: true, educator: true, admin: false })).toContain('Educator');
    expect(labels({ signedIn: true, educator: true, admin: false })).not.toContain('Admin');
    expect(labels({ signedIn: true, educator: true, admin: true })).toContain('Admin');
  });
});
