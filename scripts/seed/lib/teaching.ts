// The seed's teaching and discovery documents, derived from its own documents with the same domain
// functions the server uses. Pure:
//   - courses/{id}.completionCount: completed active enrolments (what the completion transaction keeps);
//   - earnings/{instructorId} and earnings/{instructorId}/entries/{paymentId}: one credit per paid
//     payment (what the Stripe webhook writes; held — payout 'pending' — as no seeded educator has
//     payouts set up);
//   - users/{uid}/private/recommendations for every seeded person (what the recommendation trigger
//     writes without OPENAI_API_KEY: tag and category overlap plus similar learners' completions).
import { num, str } from '@skillverse/domain/fields';
import {
  type CandidateCourse,
  RECOMMENDATION_LIMIT,
  type RecommendationsDoc,
  rankRecommendations,
} from '@skillverse/domain/recommendations';

interface Doc {
  path: string;
  data: object;
}

type Data = Record<string, unknown>;

function byCollection(docs: readonly Doc[], collection: string): { id: string; data: Data }[] {
  return docs
    .filter((d) => {
      const parts = d.path.split('/');
      return parts.length === 2 && parts[0] === collection;
    })
    .map((d) => ({ id: d.path.split('/')[1]!, data: d.data as Data }));
}

export function addTeachingDocs(docs: Doc[], now: Date): void {
  const courses = byCollection(docs, 'courses');
  const enrollments = byCollection(docs, 'enrollments').map((e) => e.data);
  const payments = byCollection(docs, 'payments');
  const users = byCollection(docs, 'users');

  // Completion counters.
  const active = enrollments.filter((e) => e.status === 'active');
  for (const c of courses) {
    c.data.completionCount = active.filter((e) => e.courseId === c.id && e.completedAt != null).length;
  }

  // Earnings ledger.
  const totals = new Map<string, { totals: Record<string, number>; paymentsCount: number; last: Date }>();
  for (const p of payments) {
    const d = p.data;
    const instructorId = str(d.instructorId);
    if (d.status !== 'paid' || !instructorId) continue;
    const at = d.paidAt instanceof Date ? d.paidAt : now;
    const currency = str(d.currency, 'USD').toUpperCase();
    docs.push({
      path: `earnings/${instructorId}/entries/${p.id}`,
      data: {
        paymentId: p.id,
        courseId: str(d.courseId),
        payerUid: str(d.uid),
        amount: num(d.amount),
        grossAmount: num(d.amount),
        platformFee: 0,
        currency,
        refundedAmount: 0,
        status: 'credited',
        // Sold before the educator set up payouts: held by the platform until onboarding
        // finishes, then transferred once (functions/src/billing/release-held.ts).
        destinationAccountId: null,
        transferId: null,
        payout: 'pending',
        createdAt: at,
        updatedAt: at,
        reversedAt: null,
      },
    });
    const t = totals.get(instructorId) ?? { totals: {}, paymentsCount: 0, last: at };
    t.totals[currency] = (t.totals[currency] ?? 0) + num(d.amount);
    t.paymentsCount += 1;
    if (at > t.last) t.last = at;
    totals.set(instructorId, t);
  }
  for (const [instructorId, t] of totals) {
    docs.push({
      path: `earnings/${instructorId}`,
      data: {
        instructorId,
        totals: t.totals,
        paymentsCount: t.paymentsCount,
        refundsCount: 0,
        updatedAt: t.last,
      },
    });
  }

  // Recommendations.
  const candidates: CandidateCourse[] = courses.map(({ id, data: d }) => {
    const rating = (d.rating ?? {}) as Data;
    return {
      id,
      title: str(d.title),
      category: str(d.category),
      tags: Array.isArray(d.tags) ? (d.tags as string[]) : [],
      level: str(d.level, 'all'),
      instructorId: str(d.instructorId),
      instructorName: str(d.instructorName),
      thumbnailUrl: typeof d.thumbnailUrl === 'string' ? d.thumbnailUrl : null,
      price: num(d.price),
      currency: str(d.currency, 'USD'),
      status: str(d.status),
      rating: { average: num(rating.average), count: num(rating.count) },
      enrollmentCount: num(d.enrollmentCount),
    };
  });
  for (const u of users) {
    const mine = enrollments.filter((e) => e.uid === u.id);
    const myCourses = new Set(mine.map((e) => str(e.courseId)));
    const peers = new Set(
      enrollments.filter((e) => myCourses.has(str(e.courseId)) && e.uid !== u.id).map((e) => str(e.uid)),
    );
    const peerCompletions = new Map<string, number>();
    for (const e of active) {
      if (!peers.has(str(e.uid)) || e.completedAt == null) continue;
      const courseId = str(e.courseId);
      peerCompletions.set(courseId, (peerCompletions.get(courseId) ?? 0) + 1);
    }
    const recommendations: RecommendationsDoc = {
      items: rankRecommendations({
        profile: u.data,
        courses: candidates,
        enrolledCourseIds: myCourses,
        uid: u.id,
        peerCompletions,
        limit: RECOMMENDATION_LIMIT,
      }),
      method: 'overlap',
      computedAt: now,
    };
    docs.push({ path: `users/${u.id}/private/recommendations`, data: recommendations });
  }
}
