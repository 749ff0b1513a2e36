// Admins choose the courses in the home page's "Featured" row (courses/{id}.featured). Only a
// published course can be featured; taking one off always works. Each change is audit-logged in
// the same transaction; a repeat (already in that state) writes nothing and logs nothing.
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { setCourseFeatured as contract } from '@skillverse/domain/contracts/courses';
import type { SetCourseFeaturedResponse } from '@skillverse/domain/courses-api';
import { str } from '@skillverse/domain/fields';
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { displayNameOf } from '../lib/audit';
import { auditRef } from '../lib/data/audit-log';
import { courseRef } from '../lib/data/courses';
import { userRef } from '../lib/data/users';
import { failedPrecondition, notFound } from '../lib/errors';
import { runTransactionRetrying } from '../lib/firestore';

export type SetCourseFeaturedInput = ParsedRequestOf<typeof contract>;

export async function setCourseFeatured(
  deps: { db: Firestore; now: Date },
  actorId: string,
  input: SetCourseFeaturedInput,
): Promise<SetCourseFeaturedResponse> {
  const { db, now } = deps;
  const cRef = courseRef(db, input.courseId);
  const changed = await runTransactionRetrying(db, async (tx) => {
    const [snap, actor] = await tx.getAll(cRef, userRef(db, actorId));
    if (!snap?.exists) throw notFound(`Course ${input.courseId}`);
    const course = snap.data() ?? {};
    if ((course.featured === true) === input.featured) return false;
    const status = str(course.status);
    if (input.featured && status !== 'published') {
      throw failedPrecondition(
        `Only a published course can be featured; this one is ${status || 'not published'}. Publish it first.`,
      );
    }
    tx.update(cRef, {
      featured: input.featured,
      featuredAt: input.featured ? now : null,
      featuredBy: actorId,
    });
    const title = str(course.title, 'Untitled course');
    tx.create(auditRef(db), {
      actorId,
      actorName: displayNameOf(actor),
      action: input.featured ? 'course.feature' : 'course.unfeature',
      target: `courses/${input.courseId}`,
      targetName: title,
      details: { title, featured: input.featured, status },
      createdAt: now,
    });
    return true;
  });
  logger.info('course featured', { actorId, courseId: input.courseId, featured: input.featured, changed });
  return { courseId: input.courseId, featured: input.featured, changed };
}
