// Paid enrolment, step 1: a pending payment and a Stripe Checkout Session for it — or, without
// STRIPE_SECRET_KEY (SPEC §7), a pending payment for the local test checkout.
import { type CreateCheckoutSessionResponse, localCheckoutUrl } from '@skillverse/domain/courses-api';
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError } from 'firebase-functions/v2/https';
import type Stripe from 'stripe';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { createCheckoutSession as createCheckoutSessionContract } from '@skillverse/domain/contracts/billing';
import { failedPrecondition, notFound } from '../lib/errors';
import {
  canReceiveDestinationCharges,
  DEFAULT_PLATFORM_FEE_BPS,
  platformFee,
} from '@skillverse/domain/payouts';
import { courseRef, readCourse } from '../lib/data/courses';
import { enrollmentRef } from '../lib/data/enrollments';
import { paymentsCol } from '../lib/data/payments';
import { educatorPayoutsRef, readConnectAccount } from '../lib/data/payouts';

export type CreateCheckoutSessionInput = ParsedRequestOf<typeof createCheckoutSessionContract>;

export interface CheckoutDeps {
  db: Firestore;
  now: Date;
  /** A Stripe client when STRIPE_SECRET_KEY is configured; null → local test checkout. */
  stripe: Stripe | null;
  /** The local test checkout exists only in the emulator; elsewhere a missing key is an error. */
  allowLocalCheckout: boolean;
  /** Base URL of the web app for the default return URLs. */
  appUrl: string;
  /** Platform fee on destination charges, in basis points (PLATFORM_FEE_BPS; default 20 %). */
  platformFeeBps?: number;
}

/** Metadata on the session and its PaymentIntent, so every later event finds the payment. */
export interface CheckoutMetadata {
  courseId: string;
  uid: string;
  paymentId: string;
  [key: string]: string;
}

export async function createCheckoutSession(
  deps: CheckoutDeps,
  caller: { uid: string; email?: string | null },
  input: CreateCheckoutSessionInput,
): Promise<CreateCheckoutSessionResponse> {
  const { db, now, stripe } = deps;
  const uid = caller.uid;
  const [courseSnap, enrollmentSnap] = await db.getAll(
    courseRef(db, input.courseId),
    enrollmentRef(db, input.courseId, uid),
  );
  const course = courseSnap ? readCourse(courseSnap) : null;
  // The instructor's connected account: a destination charge when it can take charges and
  // receive payouts (Stripe Connect Express); otherwise today's flow — the platform keeps the
  // money and the instructor's earnings stay pending until paid out.
  const payoutsSnap = course ? await educatorPayoutsRef(db, course.instructorId).get() : null;
  const connect = readConnectAccount(payoutsSnap);
  if (course?.status !== 'published') throw notFound(`Course ${input.courseId}`);
  if (course.instructorId === uid) throw failedPrecondition('You cannot buy your own course.');
  if (course.price <= 0) throw failedPrecondition('This course is free: enrol with enrollInFreeCourse.');
  // A Plus enrolment may be bought outright (it then stops depending on the membership).
  if (
    enrollmentSnap?.exists &&
    enrollmentSnap.get('status') === 'active' &&
    enrollmentSnap.get('source') !== 'plus'
  ) {
    throw new HttpsError('already-exists', 'You are already enrolled in this course.');
  }

  const paymentRef = paymentsCol(db).doc();
  const paymentId = paymentRef.id;
  const metadata: CheckoutMetadata = { courseId: course.id, uid, paymentId };
  const destination =
    canReceiveDestinationCharges(connect) && connect.accountId && (connect.mode === 'local') === !stripe
      ? connect.accountId
      : null;
  const fee = destination
    ? platformFee(course.price, course.currency, deps.platformFeeBps ?? DEFAULT_PLATFORM_FEE_BPS)
    : 0;
  const payment = {
    uid,
    destinationAccountId: destination,
    platformFee: fee,
    courseId: course.id,
    instructorId: course.instructorId,
    courseTitle: course.title,
    amount: course.price,
    currency: course.currency,
    status: 'pending' as const,
    stripePaymentIntentId: null,
    createdAt: now,
    updatedAt: now,
    paidAt: null,
  };

  if (!stripe) {
    if (!deps.allowLocalCheckout) {
      logger.error('checkout: STRIPE_SECRET_KEY is not configured');
      throw failedPrecondition('Paid enrolment is not available right now: payments are not configured.');
    }
    const sessionId = `cs_local_${paymentId}`;
    await paymentRef.create({ ...payment, mode: 'local', stripeCheckoutSessionId: sessionId });
    logger.info('checkout: local test payment created', { uid, courseId: course.id, paymentId });
    return { mode: 'local', url: localCheckoutUrl(paymentId), sessionId, paymentId };
  }

  const appUrl = deps.appUrl.replace(/\/$/, '');
  const courseUrl = `${appUrl}/courses/${encodeURIComponent(course.id)}`;
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.create(
      {
        mode: 'payment',
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: course.currency.toLowerCase(),
              unit_amount: course.price,
              product_data: {
                name: course.title,
                metadata: { courseId: course.id },
              },
            },
          },
        ],
        client_reference_id: uid,
        metadata,
        payment_intent_data: {
          metadata,
          ...(destination ? { application_fee_amount: fee, transfer_data: { destination } } : {}),
        },
        ...(caller.email ? { customer_email: caller.email } : {}),
        success_url: input.successUrl ?? `${courseUrl}?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: input.cancelUrl ?? `${courseUrl}?checkout=cancelled`,
      },
      { idempotencyKey: `checkout_${paymentId}` },
    );
  } catch (error) {
    logger.error('checkout: Stripe refused the session', {
      uid,
      courseId: course.id,
      paymentId,
      reason: error instanceof Error ? error.message : String(error),
    });
    throw new HttpsError(
      'unavailable',
      'The payment provider is not reachable right now; try again shortly.',
    );
  }
  if (!session.url) throw new HttpsError('internal', 'Stripe returned a checkout session without a URL.');

  // Written after Stripe accepted the session; the webhook can rebuild it from the metadata if
  // this write were ever lost.
  await paymentRef.create({ ...payment, mode: 'stripe', stripeCheckoutSessionId: session.id });
  logger.info('checkout: Stripe session created', {
    uid,
    courseId: course.id,
    paymentId,
    sessionId: session.id,
  });
  return { mode: 'stripe', url: session.url, sessionId: session.id, paymentId };
}
