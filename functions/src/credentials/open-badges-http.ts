// The public, read-only face of the issuer for verifiers outside the app (wallets, LinkedIn, a
// script with any JOSE library or DID stack). Every URL inside a credential resolves here:
//   GET /.well-known/did.json             the issuer's did:web document (hosting rewrite)
//   GET /openBadges/issuer                the issuer Profile (OB 3.0); its id is the did:web
//   GET /openBadges/jwks                  JWKS of the signing keys (kid = each key's URL)
//   GET /openBadges/keys/{thumbprint}     one public JWK: what a JWS header's kid dereferences to
//   GET /openBadges/achievements/{kind}/{key}  the Achievement a credential names
//   GET /openBadges/status/{listId}       the signed BitstringStatusListCredential (VC-JWT)
//   GET /openBadges/credentials/{id}      a certificate's signed credential (VC-JWT)
// It reads only public documents (credentialKeys, credentialStatusLists, certificates) and holds
// no secret.
import { isValidDocumentId } from '@skillverse/domain/contracts/ids';
import {
  achievementUrl,
  buildDidDocument,
  CREDENTIAL_KINDS,
  type CredentialKind,
  credentialFromPayload,
  ISSUER_NAME,
  issuerDid,
  LEGACY_JWS_ALG,
  OB3_CONTEXT,
  parseCompactJws,
  VC_CONTEXT_V2,
} from '@skillverse/domain/credentials';
import type { Firestore } from 'firebase-admin/firestore';
import type { HttpRequestLike, HttpResponseLike } from '../lib/http';
import { issuerUrls } from './sign-certificate';
import { credentialKeysCol, statusListRef } from '../lib/data/credentials';
import { certificateRef, certificatesCol } from '../lib/data/certificates';

export interface OpenBadgesRequest extends HttpRequestLike {
  path: string;
}

interface PublishedKey {
  thumbprint: string;
  jwk: { kty: string; crv: string; x: string; y?: string; alg: string; use: 'sig'; kid: string };
}

async function publishedKeys(db: Firestore): Promise<PublishedKey[]> {
  const snap = await credentialKeysCol(db).get();
  return snap.docs.map((d) => {
    const y = d.get('y');
    return {
      thumbprint: d.id,
      jwk: {
        kty: d.get('kty') as string,
        crv: d.get('crv') as string,
        x: d.get('x') as string,
        ...(typeof y === 'string' ? { y } : {}),
        alg: (d.get('alg') as string | undefined) ?? LEGACY_JWS_ALG,
        use: 'sig' as const,
        kid: (d.get('kid') as string | undefined) ?? d.id,
      },
    };
  });
}

/** The Achievement as signed into a credential that names it (the newest such certificate's). */
async function achievement(db: Firestore, kind: CredentialKind, key: string, id: string) {
  const q =
    kind === 'exchange'
      ? certificatesCol(db).where('kind', '==', 'exchange').where('skill', '==', key)
      : certificatesCol(db).where('courseId', '==', key);
  const snap = await q.limit(20).get();
  for (const doc of snap.docs) {
    const token = doc.get('credentialJwt');
    if (typeof token !== 'string') continue;
    try {
      const a = credentialFromPayload(parseCompactJws(token).payload).credentialSubject?.achievement;
      if (a?.id === id) return a;
    } catch {
      // An unreadable credential names nothing.
    }
  }
  return null;
}

export async function handleOpenBadges(
  deps: { db: Firestore; appUrl: string },
  req: OpenBadgesRequest,
  res: HttpResponseLike,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.status(405).set('Allow', 'GET, HEAD').send('Use GET.');
    return;
  }
  const urls = issuerUrls(deps.appUrl);
  // Behind the hosting rewrite the path keeps the /openBadges prefix; called directly it does not.
  const parts = req.path
    .replace(/^\/openBadges(?=\/|$)/, '')
    .split('/')
    .filter(Boolean);
  const json = (body: unknown, type = 'application/json') =>
    res
      .status(200)
      .set('Content-Type', `${type}; charset=utf-8`)
      .set('Cache-Control', 'public, max-age=60')
      .send(JSON.stringify(body, null, 2));
  const jwt = (token: string) =>
    res
      .status(200)
      .set('Content-Type', 'application/vc+jwt')
      .set('Cache-Control', 'public, max-age=60')
      .send(token);
  const notFound = (what: string) =>
    res
      .status(404)
      .set('Content-Type', 'text/plain; charset=utf-8')
      .set('Cache-Control', 'no-store')
      .send(`${what} not found.`);

  if (parts.join('/') === '.well-known/did.json') {
    const keys = await publishedKeys(deps.db);
    return void json(
      buildDidDocument(
        urls,
        keys.map((k) => ({
          thumbprint: k.thumbprint,
          jwk: { kty: k.jwk.kty, crv: k.jwk.crv, x: k.jwk.x, ...(k.jwk.y ? { y: k.jwk.y } : {}) },
        })),
      ),
      'application/did+json',
    );
  }
  if (parts[0] === 'achievements' && parts.length === 3) {
    const kind = parts[1] as CredentialKind;
    let key: string;
    try {
      key = decodeURIComponent(parts[2] as string);
    } catch {
      return void notFound('Achievement');
    }
    if (!CREDENTIAL_KINDS.includes(kind) || !key || key.length > 200) return void notFound('Achievement');
    const found = await achievement(deps.db, kind, key, achievementUrl(urls, kind, key));
    return void (found
      ? json({ '@context': [VC_CONTEXT_V2, OB3_CONTEXT], ...found })
      : notFound('Achievement'));
  }
  const [head, id, ...rest] = parts;
  if (rest.length > 0) return void notFound('Resource');
  if (head === 'issuer' && !id) {
    // Only terms of the VC 2.0 and OB 3.0 contexts: the keys are in the did:web document and /jwks.
    return void json({
      '@context': [VC_CONTEXT_V2, OB3_CONTEXT],
      id: issuerDid(urls),
      type: ['Profile'],
      name: ISSUER_NAME,
      url: urls.appUrl,
      description: 'SkillVerse issues Open Badges 3.0 credentials for completed courses and skill exchanges.',
    });
  }
  if (head === 'jwks' && !id)
    return void json({ keys: (await publishedKeys(deps.db)).map((k) => k.jwk) }, 'application/jwk-set+json');
  if (head === 'keys' && id && isValidDocumentId(id)) {
    const key = (await publishedKeys(deps.db)).find((k) => k.thumbprint === id);
    return void (key ? json(key.jwk, 'application/jwk+json') : notFound('Key'));
  }
  if (head === 'status' && id && isValidDocumentId(id)) {
    const list = await statusListRef(deps.db, id).get();
    const token = list.get('credentialJwt');
    return void (typeof token === 'string' ? jwt(token) : notFound('Status list'));
  }
  if (head === 'credentials' && id && isValidDocumentId(id)) {
    const cert = await certificateRef(deps.db, id).get();
    const token = cert.get('credentialJwt');
    return void (typeof token === 'string' ? jwt(token) : notFound('Credential'));
  }
  notFound('Resource');
}
