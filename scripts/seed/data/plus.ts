// Plus members of the seed (issue 18; docs/plus.md). Each has an active monthly membership that
// began on the first of the last closed Plus month, and learns some paid courses through Plus:
// `closedMonth` lectures completed in that month, `thisMonth` more in the current one, and the next
// lecture started this month. Everything else (subscription, customer, invoices, enrolments,
// observed-time tallies, the closed month and its statements, counters) is derived in
// ../lib/plus-docs.ts.
//
// Existing seeded learners rather than the demo learner: the demo learner's journeys (buying a
// course, the Plus checkout e2e, course pages offering "Buy") assume no membership, and a member
// sees paid courses through Plus instead. Mateo Silva (no other enrolments) is the one to sign in
// as: mateo.silva@skillverse.dev, password SEED_USER_PASSWORD.
import type { PlusPlan } from '@skillverse/domain/plus';

export interface SeedPlusEnrollment {
  courseId: string;
  /** Lectures completed (observed, in order) in the closed month. */
  closedMonth: number;
  /** Lectures completed this month, after those; the next one is then started (part watched). */
  thisMonth: number;
}

export interface SeedPlusMember {
  uid: string;
  plan: PlusPlan;
  enrollments: SeedPlusEnrollment[];
}

export const PLUS_MEMBERS: readonly SeedPlusMember[] = [
  {
    uid: 'u-mateo-silva',
    plan: 'monthly',
    enrollments: [
      { courseId: 'c-typescript-in-practice', closedMonth: 2, thisMonth: 1 },
      { courseId: 'c-data-analysis-pandas', closedMonth: 1, thisMonth: 1 },
    ],
  },
  {
    uid: 'u-chloe-martin',
    plan: 'monthly',
    enrollments: [{ courseId: 'c-react-fundamentals', closedMonth: 2, thisMonth: 0 }],
  },
  {
    uid: 'u-amara-okafor',
    plan: 'monthly',
    enrollments: [{ courseId: 'c-data-storytelling', closedMonth: 1, thisMonth: 1 }],
  },
];

/** The member to sign in as (printed by `npm start`). */
export const PLUS_DEMO_MEMBER_UID = 'u-mateo-silva';
