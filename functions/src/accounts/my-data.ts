// "Download my data" (issue 16 item 6): everything the platform holds about one person, as JSON.
// Read-only. The account deletion (delete-account.ts) offers it first.
import type { MyDataExport } from '@skillverse/domain/contracts/accounts';
import type { Firestore } from 'firebase-admin/firestore';
import { certificatesCol } from '../lib/data/certificates';
import { reviewsCol } from '../lib/data/courses';
import { educatorApplicationRef } from '../lib/data/educator-applications';
import { enrollmentsCol } from '../lib/data/enrollments';
import { cyclesCol } from '../lib/data/exchange-cycles';
import { exchangesCol, MESSAGES } from '../lib/data/exchanges';
import { notificationItemsCol } from '../lib/data/notifications';
import { paymentsCol } from '../lib/data/payments';
import { PRIVATE, pointEventsCol, userRef } from '../lib/data/users';
import { docJson, toJsonValue } from '../lib/json-export';

type Json = Record<string, unknown>;

/** The exchanges (one-to-one) and swap cycles the person is a participant of. */
export async function roomsOf(db: Firestore, uid: string) {
  const [exchanges, cycles] = await Promise.all([
    exchangesCol(db).where('participants', 'array-contains', uid).get(),
    cyclesCol(db).where('participants', 'array-contains', uid).get(),
  ]);
  return { exchanges: exchanges.docs, cycles: cycles.docs };
}

export async function exportMyData(db: Firestore, uid: string, now: Date): Promise<MyDataExport> {
  const profileRef = userRef(db, uid);
  const [
    profile,
    privateDocs,
    enrollments,
    payments,
    certificates,
    rooms,
    points,
    notifications,
    application,
  ] = await Promise.all([
    profileRef.get(),
    profileRef.collection(PRIVATE).get(),
    enrollmentsCol(db).where('uid', '==', uid).get(),
    paymentsCol(db).where('uid', '==', uid).get(),
    certificatesCol(db).where('uid', '==', uid).get(),
    roomsOf(db, uid),
    pointEventsCol(db, uid).get(),
    notificationItemsCol(db, uid).get(),
    educatorApplicationRef(db, uid).get(),
  ]);

  const messages: Json[] = [];
  await Promise.all(
    [
      ...rooms.exchanges.map((d) => ({ ref: d.ref, key: 'exchangeId' })),
      ...rooms.cycles.map((d) => ({ ref: d.ref, key: 'cycleId' })),
    ].map(async ({ ref, key }) => {
      const mine = await ref.collection(MESSAGES).where('senderId', '==', uid).get();
      for (const m of mine.docs) messages.push(docJson(m, { [key]: ref.id }));
    }),
  );

  const courseIds = [
    ...new Set(enrollments.docs.map((d) => String(d.get('courseId') ?? '')).filter(Boolean)),
  ];
  const reviewSnaps = await Promise.all(courseIds.map((courseId) => reviewsCol(db, courseId).doc(uid).get()));
  const reviews = reviewSnaps
    .filter((s) => s.exists)
    .map((s) => docJson(s, { courseId: s.ref.parent.parent?.id ?? null }));

  const account = privateDocs.docs.find((d) => d.id === 'account');
  const byTime = (a: Json, b: Json) => String(a.createdAt ?? '').localeCompare(String(b.createdAt ?? ''));
  return {
    format: 'skillverse-export/1',
    exportedAt: now.toISOString(),
    uid,
    profile: profile.exists ? (toJsonValue(profile.data()) as Json) : null,
    account: account ? (toJsonValue(account.data()) as Json) : null,
    private: Object.fromEntries(
      privateDocs.docs.filter((d) => d.id !== 'account').map((d) => [d.id, toJsonValue(d.data()) as Json]),
    ),
    enrollments: enrollments.docs.map((d) => docJson(d)),
    payments: payments.docs.map((d) => docJson(d)),
    certificates: certificates.docs.map((d) => docJson(d)),
    exchanges: [
      ...rooms.exchanges.map((d) => docJson(d, { kind: 'exchange' })),
      ...rooms.cycles.map((d) => docJson(d, { kind: 'swapCycle' })),
    ],
    messages: messages.sort(byTime),
    reviews,
    pointsLedger: points.docs.map((d) => docJson(d)).sort(byTime),
    notifications: notifications.docs.map((d) => docJson(d)).sort(byTime),
    educatorApplication: application.exists ? (toJsonValue(application.data()) as Json) : null,
  };
}
