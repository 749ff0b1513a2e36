import { collection, doc } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { certificateConverter } from './converters/certificate-converter';
import { credentialKeyConverter, statusListConverter } from './converters/credential-converter';
import { courseConverter } from './converters/course-converter';
import { enrollmentConverter } from './converters/enrollment-converter';
import { lectureConverter } from './converters/lecture-converter';
import { notificationConverter } from './converters/notification-converter';
import { paymentConverter } from './converters/payment-converter';
import { platformStatsConverter, statsHistoryConverter } from './converters/platform-stats-converter';
import { privateAccountConverter } from './converters/private-account-converter';
import { quizConverter, quizKeyConverter } from './converters/quiz-converter';
import { reviewConverter } from './converters/review-converter';
import { userProfileConverter } from './converters/user-profile-converter';

/** Every Firestore path the web app uses (SPEC §3), in one place. */
export const firestorePaths = {
  user: (uid: string) => `users/${uid}`,
  privateAccount: (uid: string) => `users/${uid}/private/account`,
  notifications: (uid: string) => `notifications/${uid}/items`,
  notification: (uid: string, id: string) => `notifications/${uid}/items/${id}`,
  skills: () => 'skills',
  courses: () => 'courses',
  course: (courseId: string) => `courses/${courseId}`,
  lectures: (courseId: string) => `courses/${courseId}/lectures`,
  lecture: (courseId: string, lectureId: string) => `courses/${courseId}/lectures/${lectureId}`,
  quizzes: (courseId: string) => `courses/${courseId}/quizzes`,
  quiz: (courseId: string, quizId: string) => `courses/${courseId}/quizzes/${quizId}`,
  quizKey: (courseId: string, quizId: string) => `courses/${courseId}/quizKeys/${quizId}`,
  reviews: (courseId: string) => `courses/${courseId}/reviews`,
  review: (courseId: string, uid: string) => `courses/${courseId}/reviews/${uid}`,
  enrollments: () => 'enrollments',
  enrollment: (courseId: string, uid: string) => `enrollments/${courseId}_${uid}`,
  payments: () => 'payments',
  payment: (paymentId: string) => `payments/${paymentId}`,
  certificates: () => 'certificates',
  certificate: (certificateId: string) => `certificates/${certificateId}`,
  credentialKey: (kid: string) => `credentialKeys/${kid}`,
  credentialStatusList: (listId: string) => `credentialStatusLists/${listId}`,
  platformStats: () => 'stats/platform',
  statsHistory: () => 'stats/history',
} as const;

/** users/{uid}: the public profile. */
export const userRef = (uid: string) => doc(db, firestorePaths.user(uid)).withConverter(userProfileConverter);

/** users/{uid}/private/account: email and notification preferences (owner only). */
export const privateAccountRef = (uid: string) =>
  doc(db, firestorePaths.privateAccount(uid)).withConverter(privateAccountConverter);

/** notifications/{uid}/items */
export const notificationsRef = (uid: string) =>
  collection(db, firestorePaths.notifications(uid)).withConverter(notificationConverter);

export const notificationRef = (uid: string, id: string) =>
  doc(db, firestorePaths.notification(uid, id)).withConverter(notificationConverter);

// ---------------------------------------------------------------- courses and learning

/** courses: read through the converter; instructors write with `.withConverter(null)`. */
export const coursesRef = () => collection(db, firestorePaths.courses()).withConverter(courseConverter);
export const courseRef = (courseId: string) =>
  doc(db, firestorePaths.course(courseId)).withConverter(courseConverter);
/** A fresh course id (no write). */
export const newCourseId = () => doc(collection(db, firestorePaths.courses())).id;

export const lecturesRef = (courseId: string) =>
  collection(db, firestorePaths.lectures(courseId)).withConverter(lectureConverter);
export const lectureRef = (courseId: string, lectureId: string) =>
  doc(db, firestorePaths.lecture(courseId, lectureId)).withConverter(lectureConverter);
/** A fresh lecture (or quiz, question, section) id (no write). */
export const newLectureId = (courseId: string) => doc(collection(db, firestorePaths.lectures(courseId))).id;

export const quizzesRef = (courseId: string) =>
  collection(db, firestorePaths.quizzes(courseId)).withConverter(quizConverter);
export const quizRef = (courseId: string, quizId: string) =>
  doc(db, firestorePaths.quiz(courseId, quizId)).withConverter(quizConverter);
/** courses/{id}/quizKeys/{quizId}: the answers (instructor only). */
export const quizKeyRef = (courseId: string, quizId: string) =>
  doc(db, firestorePaths.quizKey(courseId, quizId)).withConverter(quizKeyConverter);

export const reviewsRef = (courseId: string) =>
  collection(db, firestorePaths.reviews(courseId)).withConverter(reviewConverter);
export const reviewRef = (courseId: string, uid: string) =>
  doc(db, firestorePaths.review(courseId, uid)).withConverter(reviewConverter);

export const enrollmentsRef = () =>
  collection(db, firestorePaths.enrollments()).withConverter(enrollmentConverter);
export const enrollmentRef = (courseId: string, uid: string) =>
  doc(db, firestorePaths.enrollment(courseId, uid)).withConverter(enrollmentConverter);

export const paymentsRef = () => collection(db, firestorePaths.payments()).withConverter(paymentConverter);
export const paymentRef = (paymentId: string) =>
  doc(db, firestorePaths.payment(paymentId)).withConverter(paymentConverter);

export const certificatesRef = () =>
  collection(db, firestorePaths.certificates()).withConverter(certificateConverter);
export const certificateRef = (certificateId: string) =>
  doc(db, firestorePaths.certificate(certificateId)).withConverter(certificateConverter);
/** credentialKeys/{kid}: a public signing key of the credential issuer. */
export const credentialKeyRef = (kid: string) =>
  doc(db, firestorePaths.credentialKey(kid)).withConverter(credentialKeyConverter);
/** credentialStatusLists/{listId}: the signed revocation status list. */
export const credentialStatusListRef = (listId: string) =>
  doc(db, firestorePaths.credentialStatusList(listId)).withConverter(statusListConverter);

// ---------------------------------------------------------------- admin

/** stats/platform: the headline counters (admins only). */
export const platformStatsRef = () =>
  doc(db, firestorePaths.platformStats()).withConverter(platformStatsConverter);
/** stats/history: the last 90 days of the daily rollup in one document (admins only). */
export const statsHistoryRef = () =>
  doc(db, firestorePaths.statsHistory()).withConverter(statsHistoryConverter);
