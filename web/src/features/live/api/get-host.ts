import { useQuery } from '@tanstack/react-query';
import { doc, getDoc } from 'firebase/firestore';
import { userPaths } from '@/lib/data/users';
import { db } from '@/lib/firebase';

export interface HostSummary {
  displayName: string;
  photoURL: string | null;
}

/**
 * The host's public name and photo. Sessions carry them (denormalised by a trigger); this reads
 * the profile only while a brand-new session does not have them yet.
 */
export function useHostSummary(
  session: { hostId: string; hostName: string; hostPhotoURL: string | null } | null,
) {
  const missing = Boolean(session && !session.hostName);
  const query = useQuery({
    queryKey: ['live-sessions', 'host', session?.hostId ?? null],
    enabled: missing,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<HostSummary> => {
      const snap = await getDoc(doc(db, userPaths.user(session?.hostId ?? '_')));
      return {
        displayName: String(snap.get('displayName') ?? '') || 'Educator',
        photoURL: (snap.get('photoURL') as string | null | undefined) ?? null,
      };
    },
  });
  if (!session) return { displayName: '', photoURL: null };
  if (!missing) return { displayName: session.hostName, photoURL: session.hostPhotoURL };
  return query.data ?? { displayName: 'Educator', photoURL: null };
}
