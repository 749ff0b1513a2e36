// Journey: verifiable credentials. Certificates are issued behind the browser's back (Admin SDK,
// as the completion function does) and signed by the onCertificateCreatedSign trigger; the public
// verify page checks the signature with WebCrypto and the revocation list, and shows a QR code,
// "Add to LinkedIn" and the JSON download. Then the stored credential is tampered with (Admin SDK)
// and the page says the signature is invalid; then an admin revokes one in the page and a signed-out
// visitor sees it revoked with the date and reason. New credentials are ES256 (issue 19); an older
// Ed25519 one (re-signed here with the emulator's old dev key) still verifies, with the library
// fallback where WebCrypto has no Ed25519. The page answers "was this issued to this email?" in the
// browser, and downloads the credential as JSON and as the signed JWT.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, DEMO_LEARNER } from '../scripts/seed/demo-accounts';
import { credentialFromPayload, credentialJwtPayload, parseCompactJws } from '@skillverse/domain/credentials';
import { legacyDevSigningKey, signCompactJws } from '../functions/src/credentials/signing-key';
import { adminSdk, waitUntil } from './support/admin-sdk';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, webUrl } from './support/browser';

let browser: Browser;
const created: string[] = [];

async function issueCertificate(courseTitle: string): Promise<string> {
  const { db } = adminSdk();
  const id = randomBytes(16).toString('base64url');
  created.push(id);
  await db.doc(`certificates/${id}`).set({
    uid: DEMO_LEARNER.uid,
    userName: DEMO_LEARNER.displayName,
    courseId: 'c-giving-technical-talks',
    courseTitle,
    instructorId: 'demo-educator',
    instructorName: 'Eddie Educator',
    issuedAt: new Date(),
  });
  await waitUntil(
    async () => typeof (await db.doc(`certificates/${id}`).get()).get('credentialJwt') === 'string',
    `certificates/${id} to be signed by the trigger`,
    80_000,
  );
  return id;
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(webUrl('/sign-in'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 20_000 });
}

const verifyPath = (id: string) => `/certificates/${id}/verify`;
let valid: string;
let tampered: string;
let revoked: string;
let legacy: string;

/**
 * Turns a signed certificate into one signed the way credentials were before issue 19: Ed25519
 * (EdDSA), kid = the bare thumbprint, with its key published as it was then.
 */
async function resignAsLegacyEd25519(id: string): Promise<void> {
  const { db } = adminSdk();
  const key = legacyDevSigningKey(process.env.GCLOUD_PROJECT || 'demo-skillverse');
  await db.doc(`credentialKeys/${key.thumbprint}`).set({
    ...key.publicJwk,
    alg: 'EdDSA',
    use: 'sig',
    kid: key.thumbprint,
    dev: true,
    createdAt: new Date(),
  });
  const ref = db.doc(`certificates/${id}`);
  const credential = credentialFromPayload(parseCompactJws((await ref.get()).get('credentialJwt')).payload);
  const payload = { ...credentialJwtPayload(credential), jti: credential.id };
  await ref.update({
    credentialJwt: signCompactJws(payload, key, key.thumbprint),
    credentialKid: key.thumbprint,
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
  [valid, tampered, revoked, legacy] = await Promise.all([
    issueCertificate('Verifiable Credentials 101'),
    issueCertificate('Tamper-Evident Records'),
    issueCertificate('Revocable Achievements'),
    issueCertificate('Older Credentials'),
  ]);
  await resignAsLegacyEd25519(legacy);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  const { db } = adminSdk();
  await Promise.all(created.map((id) => db.doc(`certificates/${id}`).delete()));
});

describe('verify page', () => {
  it('verifies a signed credential signed out: QR code, LinkedIn, JSON download; and at 390 px', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(webUrl(verifyPath(valid)));
    await page.getByText('Verified', { exact: true }).waitFor({ timeout: 20_000 });
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: DEMO_LEARNER.displayName }).count())
      .toBe(1);
    await expect.poll(() => page.getByText('Verifiable Credentials 101').count()).toBeGreaterThan(0);
    expect(await page.getByRole('img', { name: 'QR code of this verification page' }).count()).toBe(1);

    const linkedIn = new URL(
      (await page.getByRole('link', { name: /Add to LinkedIn/ }).getAttribute('href')) as string,
    );
    expect(linkedIn.origin + linkedIn.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(linkedIn.searchParams.get('name')).toBe('Verifiable Credentials 101');
    expect(linkedIn.searchParams.get('organizationName')).toBe('SkillVerse');
    expect(linkedIn.searchParams.get('certId')).toBe(valid);
    expect(linkedIn.searchParams.get('certUrl')).toBe(page.url());
    expect(linkedIn.searchParams.get('issueYear')).toBe(String(new Date().getUTCFullYear()));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download JSON/ }).click(),
    ]);
    const json = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
    expect(json.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(json.credentialSubject.name).toBe(DEMO_LEARNER.displayName);
    expect(json.credentialStatus.type).toBe('BitstringStatusListEntry');
    expect(json.credentialSubject.identifier[0]).toMatchObject({ type: 'IdentityObject', hashed: true });
    expect(JSON.stringify(json)).not.toContain(DEMO_LEARNER.email);

    const [jwtDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download signed credential/ }).click(),
    ]);
    expect(jwtDownload.suggestedFilename()).toBe(`skillverse-credential-${valid}.jwt`);
    const jwt = readFileSync((await jwtDownload.path()) as string, 'utf8');
    expect(parseCompactJws(jwt).header.alg).toBe('ES256');

    // "Was this issued to this email?": hashed in the browser with the credential's salt.
    const emailBox = page.getByRole('textbox', { name: 'Email address' });
    await emailBox.fill('someone.else@example.com');
    await page.getByRole('button', { name: 'Check email' }).click();
    await page.getByText('Not this email', { exact: true }).waitFor();
    await emailBox.fill(` ${DEMO_LEARNER.email.toUpperCase()} `);
    await emailBox.press('Enter');
    await page.getByText('Issued to this email', { exact: true }).waitFor();
    await emailBox.fill('not an email');
    await page.getByRole('button', { name: 'Check email' }).click();
    await page.getByText('Enter an email address').waitFor();
    await emailBox.fill(DEMO_LEARNER.email);
    await page.getByRole('button', { name: 'Check email' }).click();
    await page.getByText('Issued to this email', { exact: true }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'credentials-08-email-check');

    await expectNoSeriousA11yViolations(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'credentials-01-verified');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByText('Verified', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'credentials-02-verified-mobile');
    // The email check's answer stays on screen at 390 px (full-page screenshot).
    await page.getByText('Issued to this email', { exact: true }).waitFor();
    await screenshot(page, 'credentials-09-email-check-mobile');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an older Ed25519 credential still verifies; with the library fallback where WebCrypto has no Ed25519, and says when it cannot check', async () => {
    // An older browser: WebCrypto refuses Ed25519 (as Safari before 17 and Firefox before 129 do).
    const noEd25519 = () => {
      const subtle = window.crypto.subtle;
      const refuse = () => Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError'));
      const isEd = (alg: unknown) =>
        alg === 'Ed25519' ||
        (typeof alg === 'object' && alg !== null && (alg as { name?: string }).name === 'Ed25519');
      const importKey = subtle.importKey.bind(subtle);
      const verify = subtle.verify.bind(subtle);
      subtle.importKey = ((...args: Parameters<SubtleCrypto['importKey']>) =>
        isEd(args[2]) ? refuse() : importKey(...args)) as SubtleCrypto['importKey'];
      subtle.verify = ((...args: Parameters<SubtleCrypto['verify']>) =>
        isEd(args[0]) ? refuse() : verify(...args)) as SubtleCrypto['verify'];
    };

    const fallback = await newPage(browser);
    await fallback.page.addInitScript(noEd25519);
    await fallback.page.goto(webUrl(verifyPath(legacy)));
    await fallback.page.getByText('Verified', { exact: true }).waitFor({ timeout: 20_000 });
    expect(fallback.errors).toEqual([]);
    await fallback.context.close();

    // The fallback cannot load either (offline, blocked): "not checked here", never "altered".
    const { context, page } = await newPage(browser);
    await page.addInitScript(noEd25519);
    await page.route(/\/assets\/ed25519-[^/]+\.js$/, (route) => route.abort());
    await page.goto(webUrl(verifyPath(legacy)));
    await page.getByText('Signature not checked in this browser').waitFor({ timeout: 20_000 });
    expect(await page.getByText('Signature invalid').count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'credentials-06-cannot-check');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'credentials-07-cannot-check-mobile');
    await context.close();
  });

  it('says "Signature invalid" when the stored credential is tampered with', async () => {
    const { db } = adminSdk();
    const ref = db.doc(`certificates/${tampered}`);
    const jwt = (await ref.get()).get('credentialJwt') as string;
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    payload.credentialSubject.achievement.name = 'Tamper-Evident Records (with honours)';
    await ref.update({
      credentialJwt: `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`,
      courseTitle: 'Tamper-Evident Records (with honours)',
    });

    const { context, page, errors } = await newPage(browser);
    await page.goto(webUrl(verifyPath(tampered)));
    await page.getByRole('heading', { level: 1, name: 'Signature invalid' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByText(/it has been altered/).count()).toBe(1);
    // Nothing from the record is presented as genuine.
    expect(await page.getByText('Verified', { exact: true }).count()).toBe(0);
    expect(await page.getByText('with honours').count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'credentials-03-tampered');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an admin revokes a credential in the page; a signed-out visitor then sees it revoked with date and reason', async () => {
    const admin = await newPage(browser);
    await signIn(admin.page, DEMO_ADMIN.email, DEMO_ADMIN.password);
    await admin.page.goto(webUrl(verifyPath(revoked)));
    await admin.page.getByText('Verified', { exact: true }).waitFor({ timeout: 20_000 });
    await admin.page.getByRole('button', { name: 'Revoke this credential (admin)' }).click();
    await admin.page.getByRole('button', { name: 'Revoke credential' }).click();
    await expect.poll(() => admin.page.getByText(/Say why, in a few words/).count()).toBe(1);
    await admin.page.getByLabel('Reason').fill('Issued in error during a data import');
    await expectNoSeriousA11yViolations(admin.page);
    await admin.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(admin.page, 'credentials-04-admin-revoke-form');
    await admin.page.getByRole('button', { name: 'Revoke credential' }).click();
    await admin.page.getByText('Revoked', { exact: true }).waitFor({ timeout: 30_000 });
    expect(admin.errors).toEqual([]);
    await admin.context.close();

    const { context, page, errors } = await newPage(browser);
    await page.goto(webUrl(verifyPath(revoked)));
    await page.getByText('Revoked', { exact: true }).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByText(/Reason: Issued in error during a data import/).count()).toBe(1);
    const date = await page.locator('[role="alert"] time').getAttribute('datetime');
    expect(new Date(date as string).toDateString()).toBe(new Date().toDateString());
    expect(await page.getByRole('button', { name: /Revoke this credential/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /Add to LinkedIn/ }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'credentials-05-revoked');
    expect(errors).toEqual([]);
    await context.close();

    const { db } = adminSdk();
    const audit = await db.collection('auditLog').doc(`credential_revoke_${revoked}`).get();
    expect(audit.get('details.reason')).toBe('Issued in error during a data import');
  });

  it('verifies a seeded exchange credential: the skill taught, with the exchange as evidence', async () => {
    const { db } = adminSdk();
    const exchangeCerts = await db.collection('certificates').where('kind', '==', 'exchange').limit(1).get();
    expect(exchangeCerts.size).toBe(1);
    const cert = exchangeCerts.docs[0]!;
    const { context, page, errors } = await newPage(browser);
    await page.goto(webUrl(verifyPath(cert.id)));
    await page.getByText('Verified', { exact: true }).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByText(/Peer teaching credential/).count()).toBe(1);
    await expect
      .poll(() => page.getByText(cert.get('skill') as string, { exact: true }).count())
      .toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/held session.*self-reported/).count()).toBe(1);
    // No course, so no course PDF.
    expect(await page.getByRole('link', { name: /Download PDF/ }).count()).toBe(1); // exchange credentials get a PDF too (issue 16 item 10)
    await expectNoSeriousA11yViolations(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'credentials-07-exchange');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists the holder’s credentials with their actions on /certificates', async () => {
    const { context, page, errors } = await newPage(browser, { width: 390, height: 844 });
    await signIn(page, DEMO_LEARNER.email, DEMO_LEARNER.password);
    await page.goto(webUrl('/certificates'));
    await page
      .getByRole('link', { name: 'Verifiable Credentials 101', exact: true })
      .waitFor({ timeout: 20_000 });
    await expect
      .poll(() => page.getByRole('link', { name: /Add to LinkedIn.*Verifiable Credentials 101/ }).count())
      .toBe(1);
    await expect
      .poll(() => page.getByRole('button', { name: /Download JSON.*Verifiable Credentials 101/ }).count())
      .toBe(1);
    await expect.poll(() => page.getByText(/Revoked: Issued in error/).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'credentials-06-my-certificates-mobile');
    expect(errors).toEqual([]);
    await context.close();
  });
});
