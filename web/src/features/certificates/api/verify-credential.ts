// The verify page's check of a certificate's credential (utils/verify-credential.ts) against the
// public Firestore documents: credentialKeys/{kid} and credentialStatusLists/{listId}.
import type { Certificate } from '@skillverse/domain/models';
import { useQuery } from '@tanstack/react-query';
import { getDoc } from 'firebase/firestore';
import { credentialKeyRef, credentialStatusListRef } from '@/lib/data/credentials';
import { type VerifyLoaders, verifyCertificateCredential } from '../utils/verify-credential';

export type { Verification } from '../utils/verify-credential';

const firestoreLoaders: VerifyLoaders = {
  key: async (kid) => (await getDoc(credentialKeyRef(kid))).data() ?? null,
  statusList: async (listId) => (await getDoc(credentialStatusListRef(listId))).data()?.credentialJwt || null,
};

/**
 * The verification of a loaded certificate. Keyed on the credential and the revocation record, so
 * a revocation (the certificate document is live) re-checks the list at once.
 */
export function useCredentialVerification(cert: Certificate | null | undefined) {
  return useQuery({
    queryKey: [
      'credential-verification',
      cert?.id ?? null,
      cert?.credentialJwt ?? null,
      cert?.revocation?.revokedAt.getTime() ?? null,
    ] as const,
    queryFn: () => verifyCertificateCredential(cert as Certificate, firestoreLoaders),
    enabled: Boolean(cert),
    staleTime: 60_000,
    retry: 1,
  });
}
