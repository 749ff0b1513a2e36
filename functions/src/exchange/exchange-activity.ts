// Chat messages and feedback in an exchange (SPEC §5.3):
//  - a new message updates the exchange's `lastMessage` and the other participant's unread count
//    (so the exchange list is one query) and notifies them (in-app; email off by default);
//  - new feedback updates the rated person's rating {average, count} and skill endorsements
//    (count + last three endorsers, only for the skill taught here; domain/src/endorsements.ts)
//    exactly once, then rechecks their badges (Top Rated) — only after a held session, and once per
//    pair per 30 days (domain/src/exchange-rewards.ts); otherwise it is kept but marked `skipped`.
// Each is applied once: a transaction checks and sets `appliedAt` on the message or feedback doc.
import { ratingCounts, withRating } from '@skillverse/domain/exchange-rewards';
import {
  countedEndorsements,
  type Endorser,
  type TaughtIn,
  taughtSkillKey,
  withRecentEndorser,
} from '@skillverse/domain/endorsements';
import { nonEmptyStr } from '@skillverse/domain/fields';
import { type DocumentData, FieldPath, FieldValue, type Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { recheckBadges } from '../gamification/recheck-badges';
import { isRecord, runTransactionRetrying, toDate } from '../lib/firestore';
import { type NotifyDeps, notify } from '../notifications/notify';
import { quoteName } from '@skillverse/domain/notifications';
import { exchangePairRef } from '../lib/data/exchange-pairs';
import { exchangeRef, exchangeSessionsCol, feedbackRef, messageRef } from '../lib/data/exchanges';
import { userRef } from '../lib/data/users';
import { isFresh } from '../lib/import-window';

export interface ActivityDeps extends NotifyDeps {
  now?: Date;
}

/** Characters of a message kept in `lastMessage.text` and notification bodies. */
export const PREVIEW_LENGTH = 140;

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW_LENGTH ? `${flat.slice(0, PREVIEW_LENGTH - 1)}…` : flat;
}

export type MessageResult = 'applied' | 'already-applied' | 'missing';

export async function handleMessageCreated(
  db: Firestore,
  exchangeId: string,
  messageId: string,
  deps: ActivityDeps = {},
): Promise<MessageResult> {
  const now = deps.now ?? new Date();
  const xRef = exchangeRef(db, exchangeId);
  const mRef = messageRef(db, exchangeId, messageId);

  const outcome = await runTransactionRetrying(db, async (tx) => {
    const [xSnap, mSnap] = await tx.getAll(xRef, mRef);
    if (!xSnap?.exists || !mSnap?.exists) return { result: 'missing' as const };
    if (mSnap.get('appliedAt')) return { result: 'already-applied' as const };
    const message = mSnap.data() ?? {};
    const senderId = String(message.senderId ?? '');
    const participants: string[] = Array.isArray(xSnap.get('participants')) ? xSnap.get('participants') : [];
    const recipient = participants.find((p) => p !== senderId) ?? null;
    const at = toDate(message.createdAt) ?? now;
    const text = typeof message.text === 'string' ? message.text : '';
    const attachments = Array.isArray(message.attachments) ? message.attachments.length : 0;
    const fresh = isFresh(message.createdAt, now);

    const last = xSnap.get('lastMessage');
    const lastAt = isRecord(last) ? toDate(last.at) : null;
    const update: Record<string, unknown> = {};
    if (!lastAt || at.getTime() >= lastAt.getTime()) {
      update.lastMessage = {
        id: messageId,
        text: preview(
          text || (attachments ? `Shared ${attachments === 1 ? 'a link' : `${attachments} links`}` : ''),
        ),
        senderId,
        at,
      };
    }
    if (fresh && recipient) update[`unread.${recipient}`] = FieldValue.increment(1);
    if (Object.keys(update).length > 0) tx.update(xRef, update);
    tx.update(mRef, { appliedAt: now });
    return { result: 'applied' as const, recipient, senderId, text, fresh };
  });

  if (outcome.result === 'applied' && outcome.fresh && outcome.recipient) {
    const sender = (await userRef(db, outcome.senderId).get()).get('displayName');
    const name = typeof sender === 'string' && sender ? sender : 'Your exchange partner';
    await notify(
      db,
      {
        uid: outcome.recipient,
        type: 'exchange_message',
        id: `exchange_message_${exchangeId}_${messageId}`,
        // The sender's words reach the email only as a quote (trimmed); the subject is ours.
        title: `New message from ${quoteName(name)}`,
        body: preview(outcome.text) || `${quoteName(name)} shared a link.`,
        link: `/skill-exchange/${exchangeId}`,
        ...(outcome.text.trim()
          ? {
              quote: {
                author: name,
                text: outcome.text,
                intro: `${quoteName(name)} sent you a message in your skill exchange on SkillVerse.`,
              },
            }
          : {}),
      },
      deps,
    );
  }
  return outcome.result;
}

/** The stored recent endorsers of one skill (newest first); malformed entries are dropped. */
function readEndorsers(raw: unknown): Endorser[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e) => {
    if (!isRecord(e) || typeof e.uid !== 'string') return [];
    return [{ uid: e.uid, name: typeof e.name === 'string' ? e.name : '', at: toDate(e.at) ?? new Date(0) }];
  });
}

export type FeedbackResult = 'applied' | 'already-applied' | 'missing' | 'import' | 'invalid' | 'not-counted';

/** Applies feedback/{raterUid} of an exchange to the other participant's rating and endorsements. */
export async function handleFeedbackCreated(
  db: Firestore,
  exchangeId: string,
  raterUid: string,
  deps: ActivityDeps = {},
): Promise<FeedbackResult> {
  const now = deps.now ?? new Date();
  const xRef = exchangeRef(db, exchangeId);
  const fRef = feedbackRef(db, exchangeId, raterUid);

  const outcome = await runTransactionRetrying(db, async (tx) => {
    const [xSnap, fSnap] = await tx.getAll(xRef, fRef);
    if (!xSnap?.exists || !fSnap?.exists) return { result: 'missing' as const };
    if (fSnap.get('appliedAt')) return { result: 'already-applied' as const };
    const participants: string[] = Array.isArray(xSnap.get('participants')) ? xSnap.get('participants') : [];
    const rated = participants.find((p) => p !== raterUid);
    const feedback: DocumentData = fSnap.data() ?? {};
    const rating = feedback.rating;
    if (!rated || !participants.includes(raterUid) || !Number.isInteger(rating) || rating < 1 || rating > 5) {
      tx.update(fRef, { appliedAt: now, skipped: 'invalid' });
      return { result: 'invalid' as const };
    }
    if (!isFresh(feedback.createdAt, now)) {
      tx.update(fRef, { appliedAt: now, skipped: 'import' });
      return { result: 'import' as const };
    }
    const ratedRef = userRef(db, rated);
    const pairRef = exchangePairRef(db, raterUid, rated);
    const [userSnap, pairSnap, held, raterSnap] = await Promise.all([
      tx.get(ratedRef),
      tx.get(pairRef),
      tx.get(exchangeSessionsCol(db, exchangeId).where('status', '==', 'held').limit(1)),
      tx.get(userRef(db, raterUid)),
    ]);
    if (!userSnap.exists) return { result: 'missing' as const };
    // A rating counts toward the average only after a held session, once per pair per 30 days.
    const lastCounted = pairSnap.get('ratingCountedAt');
    const counts = ratingCounts({
      heldSessions: held.size,
      raterLastCountedAt: isRecord(lastCounted) ? toDate(lastCounted[raterUid]) : null,
      now,
    });
    if (!counts.counts) {
      tx.update(fRef, { appliedAt: now, skipped: counts.reason });
      return { result: 'not-counted' as const, reason: counts.reason };
    }
    // Endorsements: only the skill the rated person taught here, once per endorser (endorsements.ts).
    const endorsedBefore = pairSnap.get(new FieldPath('endorsed', raterUid));
    const endorsed = countedEndorsements(
      feedback.endorsedSkills,
      taughtSkillKey(xSnap.data() as TaughtIn, rated),
      endorsedBefore,
    );
    const raterName = nonEmptyStr(raterSnap.get('displayName')) ?? 'A SkillVerse member';
    tx.set(
      pairRef,
      {
        ratingCountedAt: { [raterUid]: now },
        ...(endorsed.length
          ? {
              endorsed: {
                [raterUid]: [...(Array.isArray(endorsedBefore) ? endorsedBefore : []), ...endorsed],
              },
            }
          : {}),
      },
      { merge: true },
    );
    const { average: nextAverage, count: nextCount } = withRating(userSnap.get('rating'), rating);

    const moreFields: unknown[] = [];
    for (const key of endorsed) {
      const recent = readEndorsers(userSnap.get(new FieldPath('endorsers', key)));
      moreFields.push(
        new FieldPath('endorsements', key),
        FieldValue.increment(1),
        new FieldPath('endorsers', key),
        withRecentEndorser(recent, { uid: raterUid, name: raterName, at: now }),
      );
    }
    tx.update(ratedRef, 'rating', { average: nextAverage, count: nextCount }, ...moreFields);
    tx.update(fRef, { appliedAt: now });
    return { result: 'applied' as const, rated, nextAverage, nextCount };
  });

  if (outcome.result === 'applied') {
    logger.info('exchange feedback applied', {
      exchangeId,
      raterUid,
      rated: outcome.rated,
      average: outcome.nextAverage,
      count: outcome.nextCount,
    });
    await recheckBadges(db, outcome.rated, now, deps);
  }
  return outcome.result;
}
