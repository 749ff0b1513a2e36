import { describe, expect, it } from 'vitest';
import { NOTIFICATION_TYPES } from './models';
import {
  channelsFor,
  quoteName,
  quoteUserText,
  trimUserText,
  USER_NAME_MAX,
  USER_TEXT_MAX,
  DEFAULT_NOTIFICATION_PREFERENCES,
  defaultNotificationPreferences,
  isNotificationType,
  NOTIFICATION_LABELS,
  resolvePreferences,
} from './notifications';

describe('DEFAULT_NOTIFICATION_PREFERENCES', () => {
  it('covers every notification type', () => {
    expect(Object.keys(DEFAULT_NOTIFICATION_PREFERENCES).sort()).toEqual([...NOTIFICATION_TYPES].sort());
  });

  it('turns every type on in-app and by email, except exchange messages by email', () => {
    for (const type of NOTIFICATION_TYPES) {
      expect(DEFAULT_NOTIFICATION_PREFERENCES[type].inApp).toBe(true);
      expect(DEFAULT_NOTIFICATION_PREFERENCES[type].email).toBe(type !== 'exchange_message');
    }
    expect(DEFAULT_NOTIFICATION_PREFERENCES.exchange_message).toEqual({ inApp: true, email: false });
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_NOTIFICATION_PREFERENCES)).toBe(true);
    expect(Object.isFrozen(DEFAULT_NOTIFICATION_PREFERENCES.account)).toBe(true);
  });

  it('gives a mutable copy for new accounts', () => {
    const prefs = defaultNotificationPreferences();
    prefs.account.email = false;
    expect(DEFAULT_NOTIFICATION_PREFERENCES.account.email).toBe(true);
    expect(defaultNotificationPreferences()).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
  });
});

describe('NOTIFICATION_LABELS', () => {
  it('labels every type for the settings page', () => {
    for (const type of NOTIFICATION_TYPES) {
      expect(NOTIFICATION_LABELS[type].label.length).toBeGreaterThan(0);
      expect(NOTIFICATION_LABELS[type].description.length).toBeGreaterThan(0);
    }
  });
});

describe('channelsFor', () => {
  it('uses the stored choice when there is one', () => {
    expect(channelsFor({ badge_earned: { inApp: false, email: false } }, 'badge_earned')).toEqual({
      inApp: false,
      email: false,
    });
  });

  it('falls back to the defaults without stored preferences', () => {
    expect(channelsFor(undefined, 'enrollment')).toEqual({ inApp: true, email: true });
    expect(channelsFor(null, 'exchange_message')).toEqual({ inApp: true, email: false });
  });

  it('fills a partially stored type channel by channel', () => {
    expect(channelsFor({ enrollment: { email: false } }, 'enrollment')).toEqual({
      inApp: true,
      email: false,
    });
    expect(channelsFor({ exchange_message: { inApp: false } }, 'exchange_message')).toEqual({
      inApp: false,
      email: false,
    });
  });

  it('falls back for types missing from older stored preferences and ignores junk values', () => {
    expect(channelsFor({ enrollment: { inApp: false, email: false } }, 'account')).toEqual({
      inApp: true,
      email: true,
    });
    const junk = { account: { inApp: 'no', email: null } } as unknown as Parameters<typeof channelsFor>[0];
    expect(channelsFor(junk, 'account')).toEqual({ inApp: true, email: true });
    expect(channelsFor({ account: null }, 'account')).toEqual({ inApp: true, email: true });
  });
});

describe('resolvePreferences', () => {
  it('completes stored preferences with the defaults', () => {
    const prefs = resolvePreferences({ badge_earned: { email: false } });
    expect(prefs.badge_earned).toEqual({ inApp: true, email: false });
    expect(Object.keys(prefs)).toHaveLength(NOTIFICATION_TYPES.length);
  });
});

describe('isNotificationType', () => {
  it('accepts known types only', () => {
    expect(isNotificationType('badge_earned')).toBe(true);
    expect(isNotificationType('spam')).toBe(false);
    expect(isNotificationType(3)).toBe(false);
  });
});

describe('other people’s text in emails (issue 15 §11)', () => {
  it('trims to 280 characters on one line and quotes it under its author', () => {
    const long = `Hello\n\nthere ${'x'.repeat(400)}`;
    const trimmed = trimUserText(long);
    expect([...trimmed]).toHaveLength(USER_TEXT_MAX);
    expect(trimmed.endsWith('…')).toBe(true);
    expect(trimmed).not.toContain('\n');
    expect(quoteUserText('Mallory', 'Buy now')).toBe(
      '“Mallory” wrote (their words, not SkillVerse’s):\n> Buy now',
    );
    expect(quoteUserText('Mallory', '   ')).toBe('');
  });

  it('quotes and trims names, with a neutral fallback', () => {
    expect(quoteName('  Ada  ')).toBe('“Ada”');
    expect(quoteName('')).toBe('“A member”');
    expect([...quoteName('n'.repeat(200))]).toHaveLength(USER_NAME_MAX + 2);
  });
});
