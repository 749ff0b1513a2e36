// The public, read-only face of the issuer for verifiers outside the app (wallets, LinkedIn, a
// script with any JOSE library). Every URL inside a credential resolves here:
//   GET /openBadges/issuer              the issuer Profile (OB 3.0), with its keys
//   GET /openBadges/jwks                JWKS of the signing keys (by kid = RFC 7638 thumbprint)
//   GET /openBadges/status/{listId}     the signed BitstringStatusListCredential (VC-JWT)
//   GET /openBadges/credentials/{id}    a certificate's signed credential (VC-JWT)
// It reads only public documents (credentialKeys, credentialStatusLists, certificates by id) and
// holds no secret.
import { isValidDocumentId } from '@skillverse/domain/contracts/ids';
import { OB3_CONTEXT, VC_CONTEXT_V2, ISSUER_NAME, issuerId, jwksUrl } from '@skillverse/domain/credentials';
import type { Firestore } from 'firebase-admin/firestore';
import type { HttpRequestLike, HttpResponseLike } from '../lib/http';
import { issuerUrls } from './sign-certificate';
import { credentialKeysCol, statusListRef } from '../lib/data/credentials';
import { certificateRef } from '../lib/data/certificates';

export interface OpenBadgesRequest extends HttpRequestLike {
  path: string;
}

async function publicKeys(db: Firestore) {
  const snap = await credentialKeysCol(db).get();
  return snap.docs.map((d) => ({
    kty: d.get('kty') as string,
    crv: d.get('crv') as string,
    x: d.get('x') as string,
    alg: 'EdDSA',
    use: 'sig',
    kid: d.id,
  }));
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

  const [head, id, ...rest] = parts;
  if (rest.length > 0) return void notFound('Resource');
  if (head === 'issuer' && !id) {
    return void json({
      '@context': [VC_CONTEXT_V2, OB3_CONTEXT],
      id: issuerId(urls),
      type: ['Profile'],
      name: ISSUER_NAME,
      url: urls.appUrl,
      description: 'SkillVerse issues Open Badges 3.0 credentials for completed courses and skill exchanges.',
      // Where verifiers find the keys; each credential's JWS header names its key by kid.
      jwks: jwksUrl(urls),
      publicKeys: await publicKeys(deps.db),
    });
  }
  if (head === 'jwks' && !id)
    return void json({ keys: await publicKeys(deps.db) }, 'application/jwk-set+json');
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
