// Accounts and admin user management callables (SPEC §4, §5.8): the profile fallback, educator
// applications, roles and account status. Request/response types live in accounts-api.ts.
import {
  APPLICATION_DECISIONS,
  DECISION_REASON_MAX,
  DECISION_REASON_MIN,
  type DecideEducatorApplicationResponse,
  GRANTABLE_ROLES,
  type SetUserRolesResponse,
  type SetUserStatusResponse,
} from '../accounts-api';
import { isValidTimeZone } from '../gamification';
import { ACCOUNT_STATUSES } from '../models';
import { defineCallable } from './callable';
import { userId } from './ids';
import { z } from './zod';

const uidField = userId('uid');

/** What ensureProfile created (both false when everything already existed). */
export interface EnsureProfileResponse {
  profileCreated: boolean;
  accountCreated: boolean;
}

/** Signed in: creates users/{uid} and its private account document if the Auth trigger has not. */
export const ensureProfile = defineCallable<EnsureProfileResponse>()(
  'ensureProfile',
  z
    .strictObject({
      timezone: z
        .string()
        .refine(isValidTimeZone, { message: 'Unknown time zone; use an IANA name such as "Europe/Berlin"' })
        .optional(),
    })
    .nullish(),
);

/** Admin only: { uid, decision, reason? (required to reject) } → { uid, status, alreadyDecided }. */
export const decideEducatorApplication = defineCallable<DecideEducatorApplicationResponse>()(
  'decideEducatorApplication',
  z
    .strictObject({
      uid: uidField,
      decision: z.enum(APPLICATION_DECISIONS, { error: 'decision must be "approve" or "reject"' }),
      reason: z
        .string({ error: 'reason must be a string' })
        .trim()
        .min(DECISION_REASON_MIN, `reason must be at least ${DECISION_REASON_MIN} characters`)
        .max(DECISION_REASON_MAX, `reason must be at most ${DECISION_REASON_MAX} characters`)
        .optional(),
    })
    .refine((input) => input.decision !== 'reject' || input.reason !== undefined, {
      path: ['reason'],
      message: `reason is required to reject an application (${DECISION_REASON_MIN}–${DECISION_REASON_MAX} characters)`,
    }),
);

/** Admin only: { uid, role: 'educator' | 'admin', grant } → { uid, roles, changed }. */
export const setUserRoles = defineCallable<SetUserRolesResponse>()(
  'setUserRoles',
  z.strictObject({
    uid: uidField,
    role: z.enum(GRANTABLE_ROLES, { error: 'role must be "educator" or "admin"' }),
    grant: z.boolean({ error: 'grant must be true (grant) or false (revoke)' }),
  }),
);

/** Admin only: { uid, status: 'active' | 'suspended' | 'banned', reason? }. */
export const setUserStatus = defineCallable<SetUserStatusResponse>()(
  'setUserStatus',
  z.strictObject({
    uid: uidField,
    status: z.enum(ACCOUNT_STATUSES),
    reason: z.string().trim().max(1000, 'reason must be at most 1000 characters').optional(),
  }),
);

/** What the platform holds about the caller (issue 16 item 6): one JSON document, dates as ISO strings. */
export interface MyDataExport {
  format: 'skillverse-export/1';
  exportedAt: string;
  uid: string;
  profile: Record<string, unknown> | null;
  account: Record<string, unknown> | null;
  /** users/{uid}/private/* other than account (activity, league, recommendations…), by id. */
  private: Record<string, Record<string, unknown>>;
  enrollments: Record<string, unknown>[];
  payments: Record<string, unknown>[];
  certificates: Record<string, unknown>[];
  exchanges: Record<string, unknown>[];
  /** Messages the caller wrote in exchanges they are in, with `exchangeId`. */
  messages: Record<string, unknown>[];
  /** The caller's course reviews, with `courseId`. */
  reviews: Record<string, unknown>[];
  pointsLedger: Record<string, unknown>[];
  notifications: Record<string, unknown>[];
  educatorApplication: Record<string, unknown> | null;
}

/** Signed in: `null` or `{}` → everything the platform holds about the caller. Writes nothing. */
export const exportMyData = defineCallable<MyDataExport>()('exportMyData', z.strictObject({}).nullish());

export interface DeleteMyAccountResponse {
  /** True when an earlier call had already finished the deletion (a retry). */
  alreadyDeleted: boolean;
}

/**
 * Signed in within the last five minutes (the token's auth_time): `{ confirmEmail }` (the account's
 * email, typed to confirm) → deletes the caller's Auth user and private data; other people's history
 * shows "Deleted user". Resumable: a retry after a partial failure finishes the job.
 */
export const deleteMyAccount = defineCallable<DeleteMyAccountResponse>()(
  'deleteMyAccount',
  z.strictObject({
    confirmEmail: z
      .string({ error: 'confirmEmail must be a string' })
      .trim()
      .min(3, 'Type your email address to confirm')
      .max(320, 'confirmEmail must be at most 320 characters'),
  }),
);
