// Journey (issue 15, item 7): a learner buys a paid course through the local test checkout, holds
// its signed certificate (the verify page says "Verified"), then the purchase is refunded — the
// local checkout has no refund button, so the test delivers a signed charge.refunded to the real
// stripeWebhook, as Stripe would — and the same open page turns to "Revoked" with the reason;
// /certificates lists it as revoked and the PDF says so. Axe-scanned and photographed.
import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EDUCATOR } from '../scripts/seed/demo-accounts';
import { seedCourse } from '../functions/test/course-fixtures';
import { httpFunctionUrl } from '../functions/test/emulator';
import { chargeRefunded, deliverStripeEvent } from '../functions/test/stripe-events';
import { webhookSecret } from '../functions/test/webhook-target';
import { adminSdk, freshVerifiedLearner, waitUntil } from './support/admin-sdk';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  webUrl,
} from './support/browser';

const PASSWORD = 'refund-pass-123';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a refund revokes the certificate', () => {
  it('turns the learner’s open certificate page from "Verified" to "Revoked" when the purchase is refunded', async () => {
    const { db } = adminSdk();
    const { courseId } = await seedCourse(db, {
      instructorId: DEMO_EDUCATOR.uid,
      price: 1900,
      lectures: 1,
      title: 'Refundable Course',
      instructorName: 'Demo Educator',
    });
    const learner = await freshVerifiedLearner('Rita Refund', PASSWORD); // only verified accounts can buy

    // 1. Buy through the local test checkout.
    const { context, page, errors } = await newPage(browser);
    await signIn(page, learner.email, PASSWORD, `/courses/${courseId}`);
    await page.getByRole('button', { name: 'Buy for $19.00' }).click({ timeout: 30_000 });
    await page.waitForURL(/\/checkout\/local\?payment=/, { timeout: 30_000 });
    const paymentId = new URL(page.url()).searchParams.get('payment') as string;
    await page.getByRole('button', { name: 'Pay (test)' }).click({ timeout: 20_000 });
    await page.waitForURL(/\/checkout\/success\?payment=/, { timeout: 30_000 });
    const enrollment = db.doc(`enrollments/${courseId}_${learner.uid}`);
    await waitUntil(
      async () => (await enrollment.get()).get('status') === 'active',
      'paid enrolment',
      60_000,
    );

    // 2. The course finished: the certificate its completion issues (signed by the trigger).
    const certRef = db.collection('certificates').doc();
    await certRef.set({
      uid: learner.uid,
      userName: 'Rita Refund',
      courseId,
      courseTitle: 'Refundable Course',
      instructorId: DEMO_EDUCATOR.uid,
      instructorName: 'Demo Educator',
      issuedAt: new Date(),
    });
    await enrollment.update({
      completedLectureIds: ['l1'],
      progress: 100,
      completedAt: new Date(),
      certificateId: certRef.id,
    });
    await waitUntil(
      async () => typeof (await certRef.get()).get('credentialJwt') === 'string',
      'signed credential',
      60_000,
    );

    await page.goto(webUrl(`/certificates/${certRef.id}/verify`));
    await page.getByText('Verified', { exact: true }).waitFor({ timeout: 30_000 });
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'refund-01-certificate-verified');

    // 3. Stripe reports the refund: a signed charge.refunded through the real webhook.
    const payment = await db.doc(`payments/${paymentId}`).get();
    const refund = chargeRefunded({
      paymentId,
      courseId,
      uid: learner.uid,
      sessionId: String(payment.get('stripeCheckoutSessionId')),
      paymentIntentId: String(payment.get('stripePaymentIntentId')),
      amount: 1900,
    });
    const delivered = await deliverStripeEvent(
      refund,
      httpFunctionUrl(HTTP_FUNCTIONS.stripeWebhook),
      webhookSecret(),
    );
    expect(delivered.body?.outcome).toBe('refunded');

    // 4. The open page turns to "Revoked", with the reason.
    await page.getByText('Revoked', { exact: true }).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByText(/Reason: The course purchase was refunded\./).count()).toBe(1);
    expect(await page.getByRole('link', { name: /Add to LinkedIn/ }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'refund-02-certificate-revoked');

    // 5. "My certificates" lists it as revoked; the PDF says so.
    await page.goto(webUrl('/certificates'));
    await page.getByText(/Revoked: The course purchase was refunded/).waitFor({ timeout: 30_000 });
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'refund-03-certificates-list');
    const pdf = await fetch(`${httpFunctionUrl(HTTP_FUNCTIONS.certificatePdf)}?id=${certRef.id}`);
    expect(pdf.headers.get('x-certificate-status')).toBe('revoked');
    expect(errors).toEqual([]);
    await context.close();
  });
});
