// Plus membership notices (issue 18 item 6), sent after the event's transaction commits, through
// notify() (in-app + email by the user's preferences). Deterministic ids: a redelivered event sends
// nothing twice. The period-ending reminder is a scheduled job (plus/period-ending.ts).
import { formatPrice } from '@skillverse/domain/courses-api';
import { num, str } from '@skillverse/domain/fields';
import { plusAccess } from '@skillverse/domain/plus';
import type Stripe from 'stripe';
import { plusSubscriptionRef, readPlusSubscription } from '../../lib/data/plus-membership';
import { notify } from '../../notifications/notify';
import { invoiceSubscription, periodEndOf, plusUidOf } from './subscription';
import type { WebhookDeps } from './webhook-data';

export const PLUS_PAGE = '/plus';

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function sendPlusNotices(deps: WebhookDeps, event: Stripe.Event): Promise<void> {
  const uid = await plusUidOf(deps.db, event);
  if (!uid) return;
  const current = readPlusSubscription(await plusSubscriptionRef(deps.db, uid).get());
  const send = (id: string, title: string, body: string, emailText?: string[]) =>
    notify(
      deps.db,
      {
        uid,
        type: 'payment_receipt',
        id,
        title,
        body,
        link: PLUS_PAGE,
        ...(emailText
          ? { email: { subject: `SkillVerse Plus — ${title}`, text: emailText.join('\n') } }
          : {}),
      },
      deps,
    );

  switch (event.type) {
    case 'customer.subscription.created': {
      const sub = event.data.object as Stripe.Subscription;
      if (current?.subscriptionId !== sub.id || !plusAccess(current, deps.now).entitled) return;
      await send(
        `plus_welcome_${sub.id}`,
        'Welcome to SkillVerse Plus',
        'Every course marked "Included with Plus" is open to you now: press "Start learning" on any of them.',
      );
      return;
    }
    case 'customer.subscription.updated': {
      const sub = event.data.object as Stripe.Subscription;
      // Only while the document still says so (a later resume makes this one moot).
      if (current?.subscriptionId !== sub.id || !current.cancelAtPeriodEnd || !sub.cancel_at_period_end)
        return;
      await send(
        `plus_cancel_${sub.id}_${periodEndOf(sub)}`,
        'Your Plus membership is cancelled',
        `You keep Plus until ${day(current.currentPeriodEnd)}; nothing more will be charged. You can resume any time before then.`,
      );
      return;
    }
    case 'customer.subscription.deleted': {
      const sub = event.data.object as Stripe.Subscription;
      await send(
        `plus_ended_${sub.id}`,
        'Your Plus membership has ended',
        'Your progress, certificates and the courses you bought stay yours. Subscribe again to continue Plus courses.',
      );
      return;
    }
    case 'invoice.paid': {
      const invoice = event.data.object as Stripe.Invoice;
      if (!invoiceSubscription(invoice).subscriptionId || !invoice.id) return;
      const price = formatPrice(num(invoice.amount_paid), str(invoice.currency, 'usd').toUpperCase());
      const renewal = invoice.billing_reason === 'subscription_cycle';
      await send(
        `plus_receipt_${invoice.id}`,
        renewal ? 'Plus renewed — receipt' : 'Plus payment received — receipt',
        `You paid ${price} for SkillVerse Plus.`,
        [
          'Thank you for your payment.',
          '',
          `Plan:     SkillVerse Plus`,
          `Amount:   ${price}`,
          `Invoice:  ${invoice.id}`,
          ...(current ? [`Renews:   ${day(current.currentPeriodEnd)}`] : []),
        ],
      );
      return;
    }
    case 'invoice.payment_failed': {
      const invoice = event.data.object as Stripe.Invoice;
      if (!invoiceSubscription(invoice).subscriptionId || !invoice.id) return;
      await send(
        `plus_payment_failed_${invoice.id}_${num(invoice.attempt_count)}`,
        'Your Plus payment failed',
        'We could not charge your card. Update your payment method in "Manage membership" on the Plus page to keep your access.',
      );
      return;
    }
  }
}
