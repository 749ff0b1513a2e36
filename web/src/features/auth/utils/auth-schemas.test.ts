import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../../lib/forms';
import { passwordResetInputSchema, signInInputSchema, signUpInputSchema } from './auth-schemas';

describe('signUpInputSchema', () => {
  const valid = {
    displayName: 'Sam',
    email: 'sam@example.com',
    password: 'long-enough-1',
    confirmPassword: 'long-enough-1',
  };

  it('accepts a complete form and trims the email', () => {
    expect(signUpInputSchema.parse({ ...valid, email: ' sam@example.com ' }).email).toBe('sam@example.com');
  });

  it('says which field is wrong', () => {
    const result = signUpInputSchema.safeParse({
      displayName: '',
      email: 'nope',
      password: 'short',
      confirmPassword: 'other',
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = fieldErrors(result.error);
    expect(errors.displayName).toBe('Enter the name people will see.');
    expect(errors.email).toBe('Enter a valid email address.');
    expect(errors.password).toBe('Use at least 8 characters.');
  });

  it('requires the two passwords to match', () => {
    const result = signUpInputSchema.safeParse({ ...valid, confirmPassword: 'different-1' });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(fieldErrors(result.error).confirmPassword).toBe('The passwords do not match.');
  });
});

describe('signInInputSchema and passwordResetInputSchema', () => {
  it('ask for an email and (to sign in) a password', () => {
    const signIn = signInInputSchema.safeParse({ email: '', password: '' });
    expect(signIn.success).toBe(false);
    if (!signIn.success) {
      expect(fieldErrors(signIn.error)).toEqual({
        email: 'Enter your email address.',
        password: 'Enter your password.',
      });
    }
    expect(passwordResetInputSchema.safeParse({ email: 'a@b.co' }).success).toBe(true);
  });
});
