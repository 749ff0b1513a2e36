// certificates/{certificateId} (SPEC §3): public, server-written.
import type { Certificate } from '@skillverse/domain/models';
import { collection, doc, type FirestoreDataConverter } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import {
  dateOrNow,
  int,
  isObject,
  nonEmptyStr,
  nullableStr,
  obj,
  oneOf,
  str,
  toDate,
  readOnlyConverter,
} from '@/lib/firestore/parse';

const KINDS = ['course', 'exchange'] as const;

export function parseCertificate(id: string, data: unknown): Certificate {
  const d = obj(data);
  const revocation = isObject(d.revocation)
    ? { revokedAt: toDate(d.revocation.revokedAt) ?? new Date(0), reason: str(d.revocation.reason) }
    : null;
  return {
    id,
    uid: str(d.uid),
    userName: str(d.userName),
    courseId: str(d.courseId),
    courseTitle: str(d.courseTitle),
    instructorId: str(d.instructorId),
    instructorName: str(d.instructorName),
    issuedAt: dateOrNow(d.issuedAt),
    // Verifiable credentials; certificates issued before them are course certificates.
    kind: oneOf(KINDS, d.kind, 'course'),
    skill: nonEmptyStr(d.skill),
    exchangeId: nonEmptyStr(d.exchangeId),
    partnerName: nonEmptyStr(d.partnerName),
    credentialJwt: nullableStr(d.credentialJwt),
    statusListId: nullableStr(d.statusListId),
    statusListIndex: int(d.statusListIndex, null, 0),
    revocation,
  };
}

export const certificateConverter: FirestoreDataConverter<Certificate> = readOnlyConverter(
  'certificates',
  parseCertificate,
);

// ---------------------------------------------------------------- paths and refs

export const certificatePaths = {
  certificates: () => 'certificates',
  certificate: (certificateId: string) => `certificates/${certificateId}`,
} as const;

export const certificatesRef = () =>
  collection(db, certificatePaths.certificates()).withConverter(certificateConverter);
export const certificateRef = (certificateId: string) =>
  doc(db, certificatePaths.certificate(certificateId)).withConverter(certificateConverter);
