// Server-maintained course fields, recomputed from their source each time (so retries and
// repeated deliveries converge on the right value): lecture totals, listing display fields
// (instructor name and photo, search tokens) and the rating from the reviews.
import { searchTokens } from '@skillverse/domain/courses-api';
import { pointEventId } from '@skillverse/domain/gamification';
import { AggregateField, FieldValue, type Firestore } from 'firebase-admin/firestore';
import { newPointEvent } from '../gamification/award-points';
import { num, str, strList } from '@skillverse/domain/fields';
import { courseRef, lecturesCol, reviewsCol } from '../lib/data/courses';
import { pointEventRef, userRef } from '../lib/data/users';
import { runTransactionRetrying } from '../lib/firestore';

function sameList(a: unknown, b: readonly string[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((v, i) => v === b[i]);
}

/** totalLectures and totalDurationSec from the lectures subcollection. Returns true if it wrote. */
export async function syncLectureTotals(
  db: Firestore,
  courseId: string,
  now: Date = new Date(),
): Promise<boolean> {
  const cRef = courseRef(db, courseId);
  return runTransactionRetrying(db, async (tx) => {
    const [course, lectures] = await Promise.all([
      tx.get(cRef),
      tx.get(lecturesCol(db, courseId).select('durationSec')),
    ]);
    if (!course.exists) return false;
    const totalLectures = lectures.size;
    const totalDurationSec = lectures.docs.reduce(
      (sum, d) => sum + Math.max(0, num(d.get('durationSec'))),
      0,
    );
    if (course.get('totalLectures') === totalLectures && course.get('totalDurationSec') === totalDurationSec)
      return false;
    tx.update(cRef, { totalLectures, totalDurationSec, updatedAt: now });
    return true;
  });
}

const DISPLAY_SOURCES = ['title', 'tags', 'category', 'instructorId'] as const;

/**
 * After an instructor's edit: instructorName, instructorPhotoURL and searchTokens follow the title,
 * tags, category and the instructor's profile; lecture totals are restored if a client changed them.
 */
export async function syncCourseDisplayFields(
  db: Firestore,
  courseId: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  now: Date = new Date(),
): Promise<{ display: boolean; totals: boolean }> {
  if (!after) return { display: false, totals: false };
  const sourcesChanged =
    !before ||
    DISPLAY_SOURCES.some((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
  const missing =
    !Array.isArray(after.searchTokens) || typeof after.instructorName !== 'string' || !after.instructorName;
  const totalsTouched =
    !before ||
    before.totalLectures !== after.totalLectures ||
    before.totalDurationSec !== after.totalDurationSec;

  let display = false;
  if (sourcesChanged || missing) {
    const cRef = courseRef(db, courseId);
    display = await runTransactionRetrying(db, async (tx) => {
      const snap = await tx.get(cRef);
      if (!snap.exists) return false;
      const c = snap.data() ?? {};
      const instructorId = str(c.instructorId);
      const instructor = instructorId ? await tx.get(userRef(db, instructorId)) : null;
      const instructorName = str(
        instructor?.get('displayName'),
        str(c.instructorName, 'SkillVerse instructor'),
      );
      const instructorPhotoURL = (instructor?.get('photoURL') as string | null | undefined) ?? null;
      const tokens = searchTokens(str(c.title), strList(c.tags), instructorName, str(c.category));
      const update: Record<string, unknown> = {};
      if (c.instructorName !== instructorName) update.instructorName = instructorName;
      if ((c.instructorPhotoURL ?? null) !== instructorPhotoURL)
        update.instructorPhotoURL = instructorPhotoURL;
      if (!sameList(c.searchTokens, tokens)) update.searchTokens = tokens;
      if (Object.keys(update).length === 0) return false;
      tx.update(cRef, update);
      return true;
    });
  }
  const totals = totalsTouched ? await syncLectureTotals(db, courseId, now) : false;
  return { display, totals };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** course.rating {average, count} recomputed exactly from the reviews (an aggregation query). */
export async function syncCourseRating(
  db: Firestore,
  courseId: string,
): Promise<{ average: number; count: number } | null> {
  const cRef = courseRef(db, courseId);
  return runTransactionRetrying(db, async (tx) => {
    const [course, agg] = await Promise.all([
      tx.get(cRef),
      tx.get(
        reviewsCol(db, courseId).aggregate({
          count: AggregateField.count(),
          average: AggregateField.average('rating'),
        }),
      ),
    ]);
    if (!course.exists) return null;
    const count = agg.data().count;
    const rating = { average: count > 0 ? round2(agg.data().average ?? 0) : 0, count };
    const current = course.get('rating') as { average?: unknown; count?: unknown } | undefined;
    if (current?.average !== rating.average || current?.count !== rating.count) tx.update(cRef, { rating });
    return rating;
  });
}

/** review_written points and stats.reviewsWritten, once per (course, learner). True if awarded now. */
export async function awardReviewPoints(
  db: Firestore,
  courseId: string,
  uid: string,
  now: Date = new Date(),
): Promise<boolean> {
  const eventId = pointEventId.review(courseId);
  const pRef = pointEventRef(db, uid, eventId);
  const uRef = userRef(db, uid);
  return runTransactionRetrying(db, async (tx) => {
    const [award, user] = await tx.getAll(pRef, uRef);
    if (award?.exists || !user?.exists) return false;
    tx.create(
      pRef,
      newPointEvent(
        { eventId, reason: 'review_written', refPath: `courses/${courseId}/reviews/${uid}` },
        now,
      ),
    );
    tx.update(uRef, { 'stats.reviewsWritten': FieldValue.increment(1) });
    return true;
  });
}
