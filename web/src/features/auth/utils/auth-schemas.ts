import { z } from '@/lib/zod';

// Form schemas for the auth pages. Pure (no Firebase) so they are unit-tested.

export const signInInputSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address.').pipe(z.email('Enter a valid email address.')),
  password: z.string().min(1, 'Enter your password.'),
});
export type SignInInput = z.input<typeof signInInputSchema>;

export const PASSWORD_MIN_LENGTH = 8;

export const signUpInputSchema = z
  .object({
    displayName: z
      .string()
      .trim()
      .min(1, 'Enter the name people will see.')
      .max(60, 'Keep your display name under 60 characters.'),
    email: z
      .string()
      .trim()
      .min(1, 'Enter your email address.')
      .pipe(z.email('Enter a valid email address.')),
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
      .max(128, 'Use at most 128 characters.'),
    confirmPassword: z.string().min(1, 'Type your password again.'),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match.',
  });
export type SignUpInput = z.input<typeof signUpInputSchema>;

export const passwordResetInputSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address.').pipe(z.email('Enter a valid email address.')),
});
export type PasswordResetInput = z.input<typeof passwordResetInputSchema>;
