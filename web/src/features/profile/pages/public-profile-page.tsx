import { lazy, type ReactNode, Suspense } from 'react';
import { useParams } from 'react-router';
import { BadgeList } from '@/components/gamification/badge-list';
import { LevelSummary } from '@/components/gamification/level-summary';
import { Alert } from '@/components/ui/alert';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useUserProfile } from '@/lib/data/users';
import { EndorsementList } from '../components/endorsements';
import { SkillChips } from '../components/skill-chips';
import { formatSlot } from '../utils/availability';
import { endorsedSkills } from '../utils/endorsements';

// Its own chunk (the callable contract stays out of first paint).
const FollowEducator = lazy(() => import('@/components/follow/follow-educator'));

const memberSince = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader title={title} />
      <CardBody>{children}</CardBody>
    </Card>
  );
}

/** /u/:uid — anyone's public profile. */
export function PublicProfilePage() {
  const { uid = '' } = useParams();
  const { user } = useAuth();
  const { data: profile, isPending, error } = useUserProfile(uid || undefined);
  useDocumentTitle(profile ? profile.displayName || 'Profile' : isPending ? 'Profile' : 'Profile not found');

  if (isPending && uid) {
    return (
      <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6" aria-busy="true">
        <h1 className="sr-only" tabIndex={-1}>
          Loading profile…
        </h1>
        <div className="flex items-center gap-4">
          <Skeleton className="size-24 rounded-full" />
          <div className="flex-1 space-y-3">
            <Skeleton className="h-7 w-56" />
            <Skeleton className="h-4 w-80 max-w-full" />
          </div>
        </div>
        <Skeleton className="mt-8 h-40 w-full" />
      </div>
    );
  }

  if (error && !profile) {
    return (
      <div className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
        <h1 tabIndex={-1} className="text-2xl font-bold text-stone-900">
          We couldn’t load this profile
        </h1>
        <Alert tone="error" className="mt-4">
          {friendlyError(error)}
        </Alert>
      </div>
    );
  }

  if (!profile) {
    return (
      <div className="mx-auto max-w-2xl px-4 py-16 sm:px-6">
        <h1 tabIndex={-1} className="text-center text-2xl font-bold text-stone-900">
          Profile not found
        </h1>
        <EmptyState
          className="mt-6"
          icon="search"
          title="There’s nobody here"
          description="This profile doesn’t exist, or the link is incomplete. Check the address and try again."
          action={<ButtonLink to={paths.home.href()}>Go to the home page</ButtonLink>}
        />
      </div>
    );
  }

  const isMe = user?.uid === profile.uid;
  const name = profile.displayName || 'A SkillVerse member';
  const { rating, gamification } = profile;

  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6 sm:py-10">
      <div className="flex flex-col gap-5 sm:flex-row sm:items-center">
        <Avatar name={name} src={profile.photoURL} size="xl" />
        <div className="min-w-0 flex-1">
          <h1 tabIndex={-1} className="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">
            {name}
          </h1>
          {profile.headline ? <p className="mt-1 text-lg text-stone-700">{profile.headline}</p> : null}
          <div className="mt-3 flex flex-wrap items-center gap-2 text-sm text-stone-600">
            {profile.roles.includes('educator') ? <Badge tone="brand">Educator</Badge> : null}
            {profile.status !== 'active' ? <Badge tone="warning">Account {profile.status}</Badge> : null}
            <span>
              {rating.count > 0 ? (
                <>
                  <span aria-hidden="true">★ </span>
                  {rating.average.toFixed(1)} average from {rating.count}{' '}
                  {rating.count === 1 ? 'rating' : 'ratings'}
                </>
              ) : (
                'No ratings yet'
              )}
            </span>
            <span aria-hidden="true">·</span>
            <span>Member since {memberSince.format(profile.createdAt)}</span>
          </div>
          {profile.roles.includes('educator') ? (
            <div className="mt-4">
              <Suspense fallback={<Skeleton className="h-8 w-40" />}>
                <FollowEducator
                  educatorId={profile.uid}
                  educatorName={name}
                  followerCount={profile.followerCount ?? 0}
                />
              </Suspense>
            </div>
          ) : null}
        </div>
        {isMe ? (
          <ButtonLink to={paths.profile.href()} variant="secondary">
            Edit your profile
          </ButtonLink>
        ) : null}
      </div>

      <div className="mt-8 grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <Section title="About">
            {profile.bio ? (
              <p className="whitespace-pre-line text-stone-800">{profile.bio}</p>
            ) : (
              <p className="text-sm text-stone-600">
                {isMe ? 'You haven’t written a bio yet.' : `${name} hasn’t written a bio yet.`}
              </p>
            )}
            {profile.interests.length > 0 ? (
              <>
                <h3 className="mt-5 text-sm font-semibold text-stone-900">Interests</h3>
                <ul className="mt-2 flex flex-wrap gap-2">
                  {profile.interests.map((interest) => (
                    <li key={interest}>
                      <Badge tone="brand">{interest}</Badge>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </Section>
          <Section title="Skills">
            <SkillChips
              skills={profile.skills}
              empty="No skills listed yet."
              endorsements={profile.endorsements}
            />
          </Section>
          <div className="grid gap-6 md:grid-cols-2">
            <Section title="Offers to teach">
              <SkillChips
                skills={profile.offeredSkills}
                empty="Nothing offered yet."
                endorsements={profile.endorsements}
              />
            </Section>
            <Section title="Wants to learn">
              <SkillChips skills={profile.desiredSkills} empty="Nothing listed yet." />
            </Section>
          </div>
        </div>
        <div className="flex flex-col gap-6">
          <Section title="Level">
            <LevelSummary points={gamification.points} compact />
            <p className="mt-3 text-sm text-stone-600">
              Longest streak: {gamification.longestStreak} {gamification.longestStreak === 1 ? 'day' : 'days'}
            </p>
          </Section>
          <Section title="Endorsements">
            <EndorsementList
              skills={endorsedSkills(profile)}
              empty={
                isMe
                  ? 'No endorsements yet. People you teach in a skill exchange can endorse that skill.'
                  : 'No endorsements yet.'
              }
            />
          </Section>
          <Section title="Badges">
            {gamification.badges.length > 0 ? (
              <BadgeList badgeIds={gamification.badges} className="sm:grid-cols-1" />
            ) : (
              <p className="text-sm text-stone-600">No badges earned yet.</p>
            )}
          </Section>
          <Section title="Usually available">
            {profile.availability.length > 0 ? (
              <>
                <ul className="flex flex-col gap-1 text-sm text-stone-800">
                  {profile.availability.map((slot) => (
                    <li key={`${slot.day}-${slot.startMin}-${slot.endMin}`}>{formatSlot(slot)}</li>
                  ))}
                </ul>
                <p className="mt-2 text-xs text-stone-600">
                  Times in {profile.timezone.replaceAll('_', ' ')}.
                </p>
              </>
            ) : (
              <p className="text-sm text-stone-600">No availability shared.</p>
            )}
          </Section>
        </div>
      </div>
    </div>
  );
}
