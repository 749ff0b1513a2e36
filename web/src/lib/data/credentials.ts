// credentialKeys/{thumbprint} and credentialStatusLists/{listId}: what verifies a certificate's credential.
import type { CredentialKeyDoc, StatusListDoc } from '@skillverse/domain/credentials';
import { bool, dateOrNull, obj, readOnlyConverter, str } from '@/lib/firestore/parse';
import { doc } from 'firebase/firestore';
import { db } from '@/lib/firebase';

/** credentialKeys/{kid}: the issuer's public keys (public, server-written). */
export const credentialKeyConverter = readOnlyConverter<CredentialKeyDoc>('credentialKeys', (id, data) => {
  const d = obj(data);
  return {
    kid: str(d.kid) || id,
    kty: str(d.kty),
    crv: str(d.crv),
    x: str(d.x),
    ...(typeof d.y === 'string' ? { y: d.y } : {}),
    ...(typeof d.alg === 'string' ? { alg: d.alg } : {}),
    dev: bool(d.dev),
  };
});

/** credentialStatusLists/{listId}: the signed revocation list (public, server-written). */
export const statusListConverter = readOnlyConverter<StatusListDoc>('credentialStatusLists', (id, data) => {
  const d = obj(data);
  return {
    id,
    credentialJwt: str(d.credentialJwt),
    encodedList: str(d.encodedList),
    updatedAt: dateOrNull(d.updatedAt),
  };
});

// ---------------------------------------------------------------- paths and refs

export const credentialPaths = {
  key: (kid: string) => `credentialKeys/${kid}`,
  statusList: (listId: string) => `credentialStatusLists/${listId}`,
} as const;

/** credentialKeys/{kid}: a public signing key of the credential issuer. */
export const credentialKeyRef = (kid: string) =>
  doc(db, credentialPaths.key(kid)).withConverter(credentialKeyConverter);
/** credentialStatusLists/{listId}: the signed revocation status list. */
export const credentialStatusListRef = (listId: string) =>
  doc(db, credentialPaths.statusList(listId)).withConverter(statusListConverter);
