import type { CredentialKeyDoc, StatusListDoc } from '@skillverse/domain/credentials';
import { bool, dateOrNull, obj, readOnlyConverter, str } from '@/lib/firestore/parse';

/** credentialKeys/{kid}: the issuer's public keys (public, server-written). */
export const credentialKeyConverter = readOnlyConverter<CredentialKeyDoc>('credentialKeys', (id, data) => {
  const d = obj(data);
  return { kid: id, kty: str(d.kty), crv: str(d.crv), x: str(d.x), dev: bool(d.dev) };
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
