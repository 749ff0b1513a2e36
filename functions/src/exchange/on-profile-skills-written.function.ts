import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { OPENAI_API_KEY, optionalSecret } from '../config/params';
import { db } from '../lib/admin';
import { refreshSkillDirectory, touchedSkillKeys } from './skill-directory';
import { embeddingSimilarity } from './skill-embeddings';
import { USER_DOC } from '../lib/data/users';

/**
 * Keeps the skill directory (skills/{key}) counting who offers and wants each skill, and gives a
 * new skill its nearest neighbours (OpenAI embeddings when a key is set).
 */
export const onProfileSkillsWrittenUpdateDirectory = onDocumentWritten(
  { document: USER_DOC, retry: true, secrets: [OPENAI_API_KEY] },
  async (event) => {
    const before = event.data?.before.exists ? (event.data.before.data() ?? null) : null;
    const after = event.data?.after.exists ? (event.data.after.data() ?? null) : null;
    const keys = touchedSkillKeys(before, after);
    if (keys.length === 0) return;
    const apiKey = optionalSecret(OPENAI_API_KEY);
    const firestore = db();
    await refreshSkillDirectory(firestore, keys, after ?? before, new Date(), {
      ...(apiKey
        ? { similarityFor: (all: string[]) => embeddingSimilarity(firestore, all, { apiKey }) }
        : {}),
    });
  },
);
