import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { OPENAI_API_KEY, optionalSecret } from '../config/params';
import { db } from '../lib/admin';
import { computeRecommendations, type RecommendTrigger, userToRecompute } from './compute-recommendations';
import { USER_DOC } from '../lib/data/users';
import { ENROLLMENT_DOC } from '../lib/data/enrollments';

async function recompute(uid: string | null): Promise<void> {
  if (!uid) return;
  const apiKey = optionalSecret(OPENAI_API_KEY);
  await computeRecommendations({ db: db(), now: new Date(), embeddings: apiKey ? { apiKey } : null }, uid);
}

function change(
  data:
    | { before: { exists: boolean; data(): unknown }; after: { exists: boolean; data(): unknown } }
    | undefined,
) {
  const before = data?.before.exists ? ((data.before.data() as Record<string, unknown>) ?? null) : null;
  const after = data?.after.exists ? ((data.after.data() as Record<string, unknown>) ?? null) : null;
  return { before, after };
}

/** Recomputes "recommended for you" when a user's interests or skills change. */
export const onProfileWrittenRecommend = onDocumentWritten(
  { document: USER_DOC, secrets: [OPENAI_API_KEY], retry: true, timeoutSeconds: 120 },
  async (event) => {
    const trigger: RecommendTrigger = { kind: 'profile', ...change(event.data) };
    await recompute(userToRecompute(event.params.uid, trigger));
  },
);

/** Recomputes the learner's recommendations when they enrol, complete, or an enrolment is refunded. */
export const onEnrollmentWrittenRecommend = onDocumentWritten(
  { document: ENROLLMENT_DOC, secrets: [OPENAI_API_KEY], retry: true, timeoutSeconds: 120 },
  async (event) => {
    const trigger: RecommendTrigger = { kind: 'enrollment', ...change(event.data) };
    await recompute(userToRecompute(null, trigger));
  },
);
