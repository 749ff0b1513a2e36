// skills/{key} (the skill directory: canonical names and counts) and skillEmbeddings/{key}.
import type { CollectionReference, DocumentReference, Firestore } from 'firebase-admin/firestore';

export const SKILLS = 'skills';
export const SKILL_EMBEDDINGS = 'skillEmbeddings';

export const skillRef = (db: Firestore, key: string): DocumentReference => db.collection(SKILLS).doc(key);
export const skillsCol = (db: Firestore): CollectionReference => db.collection(SKILLS);
export const skillEmbeddingsCol = (db: Firestore): CollectionReference => db.collection(SKILL_EMBEDDINGS);
