// Receipts and refund notices, sent after the event's transaction commits.
import { formatPrice } from '@skillverse/domain/courses-api';
import { num, str } from '@skillverse/domain/fields';
import { paymentRef } from '../../lib/data/payments';
import { notify } from '../../notifications/notify';
import { receiptNotificationId, refundNotificationId, type WebhookDeps } from './webhook-data';

/**
 * Receipt or refund notice, by the payment's current state. Idempotent (deterministic ids), so it
 * also runs for a redelivered event — a receipt lost to a crash after the commit is sent then.
 */
export async function sendPaymentNotices(
  deps: WebhookDeps,
  type: string,
  paymentId: string | null,
): Promise<void> {
  if (!paymentId || (type !== 'checkout.session.completed' && type !== 'charge.refunded')) return;
  const snap = await paymentRef(deps.db, paymentId).get();
  if (!snap.exists) return;
  const p = snap.data() ?? {};
  const uid = str(p.uid);
  if (!uid) return;
  const title = str(p.courseTitle, 'your course');
  const price = formatPrice(num(p.amount), str(p.currency, 'USD'));
  const courseLink = `/courses/${str(p.courseId)}`;
  if (type === 'checkout.session.completed' && p.status === 'paid') {
    const paidAt = p.paidAt && typeof p.paidAt.toDate === 'function' ? (p.paidAt.toDate() as Date) : deps.now;
    await notify(
      deps.db,
      {
        uid,
        type: 'payment_receipt',
        id: receiptNotificationId(paymentId),
        title: `Payment received: ${title}`,
        body: `You paid ${price} for ${title}. You're enrolled — happy learning!`,
        link: courseLink,
        email: {
          subject: `Your SkillVerse receipt — ${title}`,
          text: [
            'Thank you for your purchase.',
            '',
            `Course:   ${title}`,
            `Amount:   ${price}`,
            `Date:     ${paidAt.toISOString().slice(0, 10)}`,
            `Receipt:  ${paymentId}`,
            '',
            'You are enrolled and can start learning right away.',
          ].join('\n'),
        },
      },
      deps,
    );
  }
  if (type === 'charge.refunded' && p.status === 'refunded') {
    await notify(
      deps.db,
      {
        uid,
        type: 'payment_receipt',
        id: refundNotificationId(paymentId),
        title: `Refund issued: ${title}`,
        body: `Your payment of ${price} for ${title} was refunded; your access to the course has ended.`,
        link: courseLink,
      },
      deps,
    );
  }
}
