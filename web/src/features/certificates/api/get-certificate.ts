import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import { functionUrl } from '@/lib/firebase';
import { docSource } from '@/lib/firestore/live-source';
import { certificateRef } from '@/lib/data/certificates';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function certificateQueryOptions(certificateId: string | undefined) {
  return liveQueryOptions(
    ['certificates', certificateId ?? null] as const,
    certificateId ? docSource(certificateRef(certificateId)) : null,
  );
}

/** certificates/{id}: anyone may get one by its id (public verification). null: no such certificate. */
export function useCertificate(certificateId: string | undefined) {
  return useLiveQuery(certificateQueryOptions(certificateId));
}

/** The PDF rendered on request by the certificatePdf function. */
export function certificatePdfUrl(certificateId: string): string {
  return functionUrl(HTTP_FUNCTIONS.certificatePdf, { id: certificateId });
}
