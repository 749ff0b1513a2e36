import { describe, expect, it } from 'vitest';
import { unreadBadgeText, unreadLabel } from './unread-label';

describe('the bell label', () => {
  it('starts with "Notifications" and says how many are unread', () => {
    expect(unreadLabel(0)).toBe('Notifications');
    expect(unreadLabel(3)).toBe('Notifications, 3 unread');
    expect(unreadLabel(9)).toBe('Notifications, 9 unread');
    expect(unreadLabel(10)).toBe('Notifications, more than 9 unread');
    expect(unreadBadgeText(10)).toBe('9+');
    expect(unreadBadgeText(7)).toBe('7');
  });
});
