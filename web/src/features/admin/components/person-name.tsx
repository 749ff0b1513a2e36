import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useUserProfile } from '@/lib/data/users';

/** A user's display name (live), linking to their public profile. */
export function PersonName({ uid, fallback = 'Someone' }: { uid: string; fallback?: string }) {
  const profile = useUserProfile(uid);
  const name = profile.data?.displayName || fallback;
  return (
    <Link
      to={paths.publicProfile.href(uid)}
      className="font-medium text-stone-900 underline-offset-2 hover:underline"
    >
      {name}
    </Link>
  );
}
