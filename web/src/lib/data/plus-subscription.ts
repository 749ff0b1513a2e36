// users/{uid}/private/subscription (Plus membership; docs/plus.md): written by the Stripe webhook
// only, read live by its owner.
import { PLUS_PLANS, PLUS_STATUSES, type PlusSubscription } from '@skillverse/domain/plus';
import { doc } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { docSource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';
import { bool, dateOrNow, dateOrNull, obj, oneOf, readOnlyConverter, str } from '@/lib/firestore/parse';

export function parsePlusSubscription(_id: string, data: unknown): PlusSubscription {
  const d = obj(data);
  return {
    subscriptionId: str(d.subscriptionId),
    customerId: str(d.customerId),
    plan: oneOf(PLUS_PLANS, d.plan, 'monthly'),
    status: oneOf(PLUS_STATUSES, d.status, 'incomplete'),
    currentPeriodEnd: dateOrNow(d.currentPeriodEnd),
    cancelAtPeriodEnd: bool(d.cancelAtPeriodEnd),
    stripeUpdatedAt: dateOrNow(d.stripeUpdatedAt),
    updatedAt: dateOrNow(d.updatedAt),
    pastDueSince: dateOrNull(d.pastDueSince),
  };
}

export const plusSubscriptionConverter = readOnlyConverter('users/{uid}/private', parsePlusSubscription);

export const plusSubscriptionPath = (uid: string) => `users/${uid}/private/subscription`;

export const plusSubscriptionRef = (uid: string) =>
  doc(db, plusSubscriptionPath(uid)).withConverter(plusSubscriptionConverter);

/** The signed-in user's Plus subscription, live (null without one). Shared by the Plus and course pages. */
export function usePlusSubscription(uid: string | undefined) {
  return useLiveQuery(
    liveQueryOptions(
      ['plusSubscription', uid ?? null] as const,
      uid ? docSource(plusSubscriptionRef(uid)) : null,
    ),
  );
}
