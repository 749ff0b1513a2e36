// auditLog entries carry the display names of the actor and the target at write time
// (`actorName`, `targetName`), so the admin panel lists them with one query and no profile reads.
import type { DocumentSnapshot } from 'firebase-admin/firestore';

/** users/{uid}.displayName as it is now, or null (no profile, or no name). */
export function displayNameOf(snap: DocumentSnapshot | null | undefined): string | null {
  const name = snap?.exists ? snap.get('displayName') : null;
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, 120) : null;
}
