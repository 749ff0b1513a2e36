// users/{uid}.nameLower: the lower-cased display name admins search by prefix. Server-written
// (rules keep it out of the owner's profile fields); kept in step by onProfileWrittenIndexName.
import { nameSearchKey } from '@skillverse/domain/accounts-api';
import type { Firestore } from 'firebase-admin/firestore';
import { userRef } from '../lib/data/users';

/** Writes nameLower when it is missing or out of date; answers whether it wrote. */
export async function syncNameLower(
  db: Firestore,
  uid: string,
  after: Record<string, unknown> | null,
): Promise<boolean> {
  if (!after) return false;
  const key = nameSearchKey(after.displayName);
  if (after.nameLower === key) return false;
  await userRef(db, uid).update({ nameLower: key });
  return true;
}
