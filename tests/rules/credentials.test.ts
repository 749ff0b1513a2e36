// Verifiable credentials: the signed credential on certificates/{id}, the public keys, the status
// (revocation) list and the server's issuance markers. Anyone verifies; only functions write.
import { beforeEach, describe, it } from 'vitest';
import {
  ADMIN,
  anonDb,
  clientTime,
  dbAs,
  describeRules,
  expectAllowed,
  expectDenied,
  profiles,
  seed,
  useRulesTestEnv,
} from './helpers';

const CERT = 'Zx8kQ2wYv9LmN4pR';

describeRules('credentials (certificates’ signed credentials, keys, status list, markers)', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('lena', 'stan', 'root'),
      [`certificates/${CERT}`]: {
        kind: 'exchange',
        uid: 'lena',
        userName: 'Lena',
        courseId: '',
        courseTitle: 'Guitar',
        instructorName: 'Stan',
        skill: 'Guitar',
        exchangeId: 'ex1',
        issuedAt: clientTime(),
        credentialJwt: 'eyJhbGciOiJFZERTQSJ9.eyJ9.sig',
        statusListId: 'revocation-1',
        statusListIndex: 3,
        revocation: null,
      },
      'credentialKeys/kid1': { kty: 'OKP', crv: 'Ed25519', x: 'abc', alg: 'EdDSA', dev: true },
      'credentialStatusLists/revocation-1': { encodedList: 'uH4sI', credentialJwt: 'a.b.c', nextIndex: 4 },
      'credentialIssuance/exchange_ex1_lena': { certificateId: CERT, uid: 'lena', exchangeId: 'ex1' },
    });
  });

  describe('certificates/{id} with a credential', () => {
    it('lets anyone, signed out too, fetch the signed credential by the certificate id', async () => {
      await expectAllowed(anonDb().doc(`certificates/${CERT}`).get());
    });

    it('denies the holder writing their own credential, revocation or status index', async () => {
      const mine = dbAs('lena').doc(`certificates/${CERT}`);
      await expectDenied(mine.update({ credentialJwt: 'forged.jwt.sig' }));
      await expectDenied(mine.update({ revocation: null }));
      await expectDenied(mine.update({ statusListIndex: 99 }));
      await expectDenied(mine.update({ kind: 'course' }));
    });

    it('denies a client creating an exchange credential for itself, even an admin client', async () => {
      const forged = {
        kind: 'exchange',
        uid: 'stan',
        userName: 'Stan',
        skill: 'Guitar',
        issuedAt: clientTime(),
      };
      await expectDenied(dbAs('stan').doc('certificates/forged').set(forged));
      await expectDenied(dbAs('root', ADMIN).doc('certificates/forged').set(forged));
    });
  });

  describe('credentialKeys/{kid}', () => {
    it('lets anyone read and list the public signing keys', async () => {
      await expectAllowed(anonDb().doc('credentialKeys/kid1').get());
      await expectAllowed(anonDb().collection('credentialKeys').get());
    });

    it('denies anyone publishing, replacing or deleting a key (a forger’s key would verify forgeries)', async () => {
      await expectDenied(
        dbAs('lena').doc('credentialKeys/mine').set({ kty: 'OKP', crv: 'Ed25519', x: 'evil' }),
      );
      await expectDenied(dbAs('lena').doc('credentialKeys/kid1').update({ x: 'evil' }));
      await expectDenied(dbAs('root', ADMIN).doc('credentialKeys/kid1').delete());
    });
  });

  describe('credentialStatusLists/{listId}', () => {
    it('lets anyone read the revocation status list', async () => {
      await expectAllowed(anonDb().doc('credentialStatusLists/revocation-1').get());
    });

    it('denies the holder un-revoking by rewriting the list, and admins writing it from a client', async () => {
      await expectDenied(dbAs('lena').doc('credentialStatusLists/revocation-1').update({ encodedList: 'u' }));
      await expectDenied(dbAs('lena').doc('credentialStatusLists/revocation-2').set({ encodedList: 'u' }));
      await expectDenied(
        dbAs('root', ADMIN).doc('credentialStatusLists/revocation-1').update({ nextIndex: 0 }),
      );
    });
  });

  describe('credentialIssuance/{key}', () => {
    it('denies reading the server’s issuance markers, even to the holder', async () => {
      await expectDenied(dbAs('lena').doc('credentialIssuance/exchange_ex1_lena').get());
      await expectDenied(anonDb().collection('credentialIssuance').get());
    });

    it('denies deleting a marker (which would let the exchange issue a second credential)', async () => {
      await expectDenied(dbAs('lena').doc('credentialIssuance/exchange_ex1_lena').delete());
      await expectDenied(
        dbAs('lena').doc('credentialIssuance/exchange_ex2_lena').set({ certificateId: 'x' }),
      );
    });
  });
});
