// skills/{key}: the skill directory (server-kept), read for suggestions while typing.
import { collection } from 'firebase/firestore';
import { db } from '@/lib/firebase';

export const skillPaths = {
  skills: () => 'skills',
} as const;

/** skills, without a converter: the suggestion query reads only each document's name. */
export const skillsRef = () => collection(db, skillPaths.skills());
