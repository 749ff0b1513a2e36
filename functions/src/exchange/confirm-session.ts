// confirmExchangeSession: a participant says a session took place, only after it ended (server
// time). Both confirmations make it held, `evidence: 'self-reported'` (domain/src/exchange-rewards.ts).
// One transaction; a repeat by the same person changes nothing.
import type {
  ConfirmExchangeSessionResponse,
  confirmExchangeSession,
} from '@skillverse/domain/contracts/exchange';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import { decideConfirmation } from '@skillverse/domain/exchange-rewards';
import type { Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import type { Caller } from '../lib/errors';
import { notFound } from '../lib/errors';
import { runCallableTransaction, toDate } from '../lib/firestore';
import { exchangeRef, exchangeSessionsCol } from '../lib/data/exchanges';
import { rewardCompletedExchange } from './exchange-lifecycle';

export async function confirmSession(
  deps: { db: Firestore; now: Date },
  caller: Caller,
  input: ParsedRequestOf<typeof confirmExchangeSession>,
): Promise<ConfirmExchangeSessionResponse> {
  const { db, now } = deps;
  const xRef = exchangeRef(db, input.exchangeId);
  const sRef = exchangeSessionsCol(db, input.exchangeId).doc(input.sessionId);
  const result = await runCallableTransaction(db, async (tx): Promise<ConfirmExchangeSessionResponse> => {
    const [x, s] = await tx.getAll(xRef, sRef);
    if (!x?.exists) throw notFound('This exchange');
    const participants: string[] = Array.isArray(x.get('participants')) ? x.get('participants') : [];
    if (!participants.includes(caller.uid))
      throw new HttpsError(
        'permission-denied',
        'Only the two people in this exchange can confirm its sessions.',
      );
    if (!s?.exists) throw notFound('This session');
    const confirmedBy: string[] = Array.isArray(s.get('confirmedBy')) ? s.get('confirmedBy') : [];
    const decision = decideConfirmation({
      uid: caller.uid,
      participants,
      exchangeStatus: String(x.get('status') ?? ''),
      session: {
        status: String(s.get('status') ?? ''),
        scheduledAt: toDate(s.get('scheduledAt')),
        createdAt: toDate(s.get('createdAt')),
        durationMin: typeof s.get('durationMin') === 'number' ? s.get('durationMin') : 0,
        confirmations: confirmedBy,
        held: s.get('status') === 'held',
      },
      now,
    });
    if (!decision.ok) throw new HttpsError(decision.code, decision.message);
    if (decision.alreadyConfirmed) {
      return {
        status: s.get('status') === 'held' ? 'held' : 'scheduled',
        confirmedBy,
        alreadyConfirmed: true,
      };
    }
    tx.update(sRef, {
      confirmedBy: decision.confirmations,
      updatedAt: now,
      ...(decision.held ? { status: 'held', held: decision.held } : {}),
    });
    return {
      status: decision.held ? 'held' : 'scheduled',
      confirmedBy: decision.confirmations,
      alreadyConfirmed: false,
    };
  });
  // A completed exchange whose first session just became held earns now (once; see the lifecycle).
  if (result.status === 'held' && !result.alreadyConfirmed) {
    await rewardCompletedExchange(db, input.exchangeId, now);
  }
  return result;
}
