import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { OPENAI_API_KEY, optionalSecret } from '../config/params';
import { db } from '../lib/admin';
import { handleProfileWrite } from './recompute-matches';
import { embeddingSimilarity } from './skill-embeddings';
import { USER_DOC } from '../lib/data/users';

/**
 * Keeps users/{uid}.offeredSkillKeys/desiredSkillKeys and the skill-exchange matches of that
 * user and everyone affected in step with their skills, availability and display fields.
 */
export const onProfileWrittenMatchSkills = onDocumentWritten(
  {
    document: USER_DOC,
    secrets: [OPENAI_API_KEY],
    retry: true,
    // Recomputes the matches of everyone sharing a skill (and may call OpenAI): more room than the default.
    memory: '512MiB',
    timeoutSeconds: 120,
  },
  async (event) => {
    const before = event.data?.before.exists ? (event.data.before.data() ?? null) : null;
    const after = event.data?.after.exists ? (event.data.after.data() ?? null) : null;
    const apiKey = optionalSecret(OPENAI_API_KEY);
    const firestore = db();
    await handleProfileWrite(firestore, event.params.uid, before, after, {
      now: new Date(),
      ...(apiKey
        ? { similarityFor: (keys: string[]) => embeddingSimilarity(firestore, keys, { apiKey }) }
        : {}),
    });
  },
);
