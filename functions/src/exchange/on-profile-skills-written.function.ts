import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { db } from '../lib/admin';
import { refreshSkillDirectory, touchedSkillKeys } from './skill-directory';
import { USER_DOC } from '../lib/data/users';

/** Keeps the skill directory (skills/{key}) counting who offers and wants each skill. */
export const onProfileSkillsWrittenUpdateDirectory = onDocumentWritten(
  { document: USER_DOC, retry: true },
  async (event) => {
    const before = event.data?.before.exists ? (event.data.before.data() ?? null) : null;
    const after = event.data?.after.exists ? (event.data.after.data() ?? null) : null;
    const keys = touchedSkillKeys(before, after);
    if (keys.length === 0) return;
    await refreshSkillDirectory(db(), keys, after ?? before);
  },
);
