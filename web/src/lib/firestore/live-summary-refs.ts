import { collectionGroup, doc, limit, orderBy, query, where } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import {
  liveSessionSummaryConverter,
  myRegistrationConverter,
} from './converters/live-session-summary-converter';

// Live-session reads for lists outside the live feature, beside refs.ts.

export const liveSummaryPaths = {
  session: (id: string) => `liveSessions/${id}`,
  registrationsGroup: () => 'registrations',
} as const;

export const liveSessionSummaryRef = (id: string) =>
  doc(db, liveSummaryPaths.session(id)).withConverter(liveSessionSummaryConverter);

/** My latest registrations across sessions (collection group `registrations`, uid == me). */
export const myRegistrationsQuery = (uid: string, max: number) =>
  query(
    collectionGroup(db, liveSummaryPaths.registrationsGroup()).withConverter(myRegistrationConverter),
    where('uid', '==', uid),
    orderBy('registeredAt', 'desc'),
    limit(max),
  );
