// requestExchange (issue 15 §8, §11): the only way an exchange request is created. The caller must
// have a verified email and an active account; the provider must exist and be someone else. The
// pending count and the per-day count are checked and the quota written in one transaction, so
// concurrent calls cannot exceed MAX_PENDING_EXCHANGE_REQUESTS or MAX_EXCHANGE_REQUESTS_PER_DAY.
// The client's `requestId` is the exchange id: a retried call answers the same exchange.
import type { ParsedRequestOf, ResponseOf } from '@skillverse/domain/contracts/callable';
import type { requestExchange as contract } from '@skillverse/domain/contracts/exchange';
import {
  exchangeQuotaDay,
  exchangeRequestAllowed,
  MAX_PENDING_EXCHANGE_REQUESTS,
} from '@skillverse/domain/exchange-limits';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { failedPrecondition, notFound } from '../lib/errors';
import { exchangeRef, exchangesCol } from '../lib/data/exchanges';
import { exchangeQuotaRef, userRef } from '../lib/data/users';
import { runCallableTransaction } from '../lib/firestore';

export interface RequestExchangeDeps {
  db: Firestore;
  now: Date;
}

export async function requestExchange(
  deps: RequestExchangeDeps,
  caller: { uid: string },
  input: ParsedRequestOf<typeof contract>,
): Promise<ResponseOf<typeof contract>> {
  const { db, now } = deps;
  const uid = caller.uid;
  if (input.providerId === uid) throw failedPrecondition('You can’t send a request to yourself.');
  const ref = exchangeRef(db, input.requestId);
  const quotaRef = exchangeQuotaRef(db, uid);
  const pendingQuery = exchangesCol(db)
    .where('requesterId', '==', uid)
    .where('status', '==', 'pending')
    .limit(MAX_PENDING_EXCHANGE_REQUESTS);

  return runCallableTransaction(
    db,
    async (tx) => {
      const [existing, provider, quota] = await tx.getAll(ref, userRef(db, input.providerId), quotaRef);
      if (existing?.exists) {
        // A retry of the same request answers it again; someone else's id is not ours to reuse.
        if (existing.get('requesterId') === uid) return { exchangeId: ref.id };
        throw new HttpsError('already-exists', 'Choose a new request id.');
      }
      if (!provider?.exists) throw notFound('That member');
      if (provider.get('deletedAt') != null)
        throw failedPrecondition('This member has deleted their account.');
      if (provider.get('status') !== 'active') {
        throw failedPrecondition('This member is not taking exchange requests right now.');
      }
      const pending = (await tx.get(pendingQuery)).size;
      const decision = exchangeRequestAllowed(pending, quota?.data(), now);
      if (!decision.allowed) throw new HttpsError('resource-exhausted', decision.message);

      const data: Record<string, unknown> = {
        requesterId: uid,
        providerId: input.providerId,
        participants: [uid, input.providerId],
        offeredSkill: input.offeredSkill,
        requestedSkill: input.requestedSkill,
        message: input.message ?? '',
        status: 'pending',
        terms: null,
        termsAcceptedBy: [],
        completedBy: [],
        createdAt: FieldValue.serverTimestamp(),
        updatedAt: FieldValue.serverTimestamp(),
      };
      tx.create(ref, data);
      tx.set(quotaRef, {
        day: exchangeQuotaDay(now),
        createdToday: decision.createdToday,
        updatedAt: FieldValue.serverTimestamp(),
      });
      return { exchangeId: ref.id };
    },
    { maxAttempts: 30 },
  ); // a burst of calls contends on the quota document; each retry re-counts
}
