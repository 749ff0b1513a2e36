import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { Avatar } from '@/components/ui/avatar';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useUserProfile } from '@/lib/data/users';

// Its own chunk: /courses/:id is at its first-paint budget (issue 16 §3).
const FollowEducator = lazy(() => import('@/components/follow/follow-educator'));

/** The instructor: name, photo, headline and bio from their public profile, linking to it, and Follow. */
export function InstructorCard({ uid, fallbackName }: { uid: string; fallbackName: string }) {
  const profile = useUserProfile(uid);
  const name = profile.data?.displayName || fallbackName || 'SkillVerse educator';
  return (
    <Card>
      <CardHeader title="Your instructor" />
      <CardBody>
        {profile.isPending ? (
          <Skeleton className="h-16" />
        ) : (
          <div className="flex gap-4">
            <Avatar name={name} src={profile.data?.photoURL ?? null} size="lg" />
            <div className="min-w-0">
              <p className="font-semibold text-stone-900">
                <Link to={paths.publicProfile.href(uid)} className="hover:underline">
                  {name}
                </Link>
              </p>
              {profile.data?.headline ? (
                <p className="text-sm text-stone-700">{profile.data.headline}</p>
              ) : null}
              {profile.data?.bio ? (
                <p className="mt-2 line-clamp-4 text-sm text-stone-700">{profile.data.bio}</p>
              ) : null}
              {profile.data?.roles.includes('educator') ? (
                <div className="mt-3">
                  <Suspense fallback={<Skeleton className="h-8 w-40" />}>
                    <FollowEducator
                      educatorId={uid}
                      educatorName={name}
                      followerCount={profile.data.followerCount ?? 0}
                    />
                  </Suspense>
                </div>
              ) : null}
            </div>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
