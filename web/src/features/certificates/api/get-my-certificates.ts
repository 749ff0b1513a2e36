import type { Certificate } from '@skillverse/domain/models';
import { limit, query, where } from 'firebase/firestore';
import { querySource } from '@/lib/firestore/live-source';
import { certificatesRef } from '@/lib/data/certificates';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

const newestFirst = (items: Certificate[]) =>
  [...items].sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime());

export function myCertificatesQueryOptions(uid: string | undefined) {
  return liveQueryOptions(
    ['certificates', 'mine', uid ?? null] as const,
    uid ? querySource(query(certificatesRef(), where('uid', '==', uid), limit(200)), newestFirst) : null,
  );
}

/** The signed-in user's certificates (the rules let you list only your own), live. */
export function useMyCertificates(uid: string | undefined) {
  return useLiveQuery(myCertificatesQueryOptions(uid));
}
