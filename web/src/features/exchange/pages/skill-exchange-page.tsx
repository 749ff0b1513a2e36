import type { ExchangeMatch, UserProfile } from '@skillverse/domain/models';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs } from '@/components/ui/tabs';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useMatches } from '../api/get-matches';
import { useUserProfile } from '@/lib/data/users';
import { useMyExchanges } from '../api/get-my-exchanges';
import { ExchangeList } from '../components/exchange-list';
import { GroupSwaps } from '../components/group-swaps';
import { MatchCard } from '../components/match-card';
import { PeopleSearch } from '../components/people-search';
import { RequestDialog, type RequestTarget } from '../components/request-dialog';

type ListTab = 'incoming' | 'sent' | 'active' | 'past';

/** /skill-exchange — an introduction when signed out; matches, search and requests when signed in. */
export function SkillExchangePage() {
  const { user } = useAuth();
  useDocumentTitle('Skill exchange');
  return user ? <SignedInExchange uid={user.uid} /> : <ExchangeIntro />;
}

function ExchangeIntro() {
  const steps = [
    ['List your skills', 'Say what you can teach and what you want to learn, and when you are free.'],
    ['Get matched', 'We rank people who teach what you want and want what you teach.'],
    ['Agree and learn', 'Agree terms, schedule sessions, chat, share resources and track progress.'],
    ['Rate and earn', 'Rate each other, endorse skills, and earn 75 points and badges.'],
  ] as const;
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <PageHeader
        title="Skill exchange"
        description="Swap skills one-to-one: teach what you know in return for learning what you want. No money changes hands."
        actions={
          <>
            <ButtonLink to={paths.signUp.href(paths.skillExchange.href())}>Join to find matches</ButtonLink>
            <ButtonLink to={paths.signIn.href(paths.skillExchange.href())} variant="secondary">
              Sign in
            </ButtonLink>
          </>
        }
      />
      <ol className="grid gap-4 sm:grid-cols-2">
        {steps.map(([title, text], i) => (
          <li key={title}>
            <Card className="h-full p-5">
              <p className="text-sm font-semibold text-brand-700">Step {i + 1}</p>
              <h2 className="mt-1 font-semibold text-stone-900">{title}</h2>
              <p className="mt-1 text-sm text-stone-700">{text}</p>
            </Card>
          </li>
        ))}
      </ol>
    </div>
  );
}

function SignedInExchange({ uid }: { uid: string }) {
  const { profile, canWrite } = useAuth();
  const matches = useMatches(uid);
  const exchanges = useMyExchanges(uid);
  const [target, setTarget] = useState<RequestTarget | null>(null);
  const [tab, setTab] = useState<ListTab>('incoming');
  const prefill = usePrefilledRequest(uid);
  const [initialMessage, setInitialMessage] = useState('');
  useEffect(() => {
    if (!prefill.target) return;
    setTarget(prefill.target);
    setInitialMessage(prefill.message);
    prefill.consume();
  }, [prefill.target, prefill.message, prefill.consume]);

  const myOffered = useMemo(() => (profile?.offeredSkills ?? []).map((s) => s.name), [profile]);
  const hasSkills = (profile?.offeredSkills.length ?? 0) > 0 && (profile?.desiredSkills.length ?? 0) > 0;

  const lists = useMemo(() => {
    const all = exchanges.data ?? [];
    return {
      incoming: all.filter((x) => x.status === 'pending' && x.providerId === uid),
      sent: all.filter((x) => x.status === 'pending' && x.requesterId === uid),
      active: all.filter((x) => x.status === 'accepted' || x.status === 'active'),
      past: all.filter((x) => ['completed', 'rejected', 'cancelled'].includes(x.status)),
    };
  }, [exchanges.data, uid]);

  const requestFromMatch = (m: ExchangeMatch) =>
    setTarget({ uid: m.uid, displayName: m.displayName, theyOffer: m.theyOffer });
  const requestFromSearch = (p: UserProfile, skill: string) =>
    setTarget({
      uid: p.uid,
      displayName: p.displayName,
      theyOffer: [skill, ...p.offeredSkills.map((s) => s.name).filter((s) => s !== skill)],
    });

  const count = (n: number, label: string) => (n > 0 ? `${label} (${n})` : label);

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <PageHeader
        title="Skill exchange"
        description="People ranked by how well you can swap skills, your requests, and your exchanges."
      />
      {!hasSkills ? (
        <Alert tone="info" title="Add skills to get matches" className="mb-6">
          List at least one skill you offer and one you want on your profile; matches appear here within
          seconds.{' '}
          <ButtonLink to={paths.profile.href()} size="sm" variant="subtle">
            Edit your skills
          </ButtonLink>
        </Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <section aria-labelledby="matches-heading">
            <h2 id="matches-heading" className="mb-3 text-lg font-semibold text-stone-900">
              Your matches
            </h2>
            {matches.isPending ? (
              <div className="grid gap-4 md:grid-cols-2" aria-busy="true">
                <Skeleton className="h-48" />
                <Skeleton className="h-48" />
              </div>
            ) : matches.error && !matches.data ? (
              <Alert tone="error" title="We couldn’t load your matches">
                {friendlyError(matches.error)}
              </Alert>
            ) : (matches.data ?? []).length === 0 ? (
              <EmptyState
                icon="search"
                title="No matches yet"
                description="Nobody teaches what you want or wants what you teach yet. Search by skill below, or add more skills to your profile."
              />
            ) : (
              <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
                {(matches.data ?? []).map((m) => (
                  <li key={m.uid} className="min-w-0">
                    <MatchCard match={m} onRequest={requestFromMatch} disabled={!canWrite} />
                  </li>
                ))}
              </ul>
            )}
          </section>

          <GroupSwaps me={uid} timeZone={profile?.timezone ?? 'UTC'} canWrite={canWrite} />

          <Card>
            <CardHeader title="Find people by skill" />
            <CardBody>
              <PeopleSearch me={uid} onRequest={requestFromSearch} disabled={!canWrite} />
            </CardBody>
          </Card>
        </div>

        <Card className="self-start">
          <CardHeader title="Your exchanges" />
          <CardBody>
            {exchanges.error && !exchanges.data ? (
              <Alert tone="error" title="We couldn’t load your exchanges">
                {friendlyError(exchanges.error)}
              </Alert>
            ) : (
              <Tabs
                label="Your exchanges"
                value={tab}
                onChange={setTab}
                items={[
                  { value: 'incoming', label: count(lists.incoming.length, 'Requests') },
                  { value: 'sent', label: count(lists.sent.length, 'Sent') },
                  { value: 'active', label: count(lists.active.length, 'Active') },
                  { value: 'past', label: 'Past' },
                ]}
              >
                {exchanges.isPending ? (
                  <Skeleton className="h-24" />
                ) : (
                  <ExchangeList
                    exchanges={lists[tab]}
                    me={uid}
                    empty={
                      {
                        incoming: 'No requests waiting for you.',
                        sent: 'You have no requests waiting for an answer.',
                        active: 'No exchanges in progress.',
                        past: 'Nothing finished yet.',
                      }[tab]
                    }
                  />
                )}
              </Tabs>
            )}
          </CardBody>
        </Card>
      </div>

      {prefill.error ? (
        <Alert tone="warning" className="mt-6" title="We couldn’t open that request">
          {prefill.error}
        </Alert>
      ) : null}
      <RequestDialog
        open={target !== null}
        onClose={() => {
          setTarget(null);
          setInitialMessage('');
        }}
        me={uid}
        myOffered={myOffered}
        target={target}
        initialMessage={initialMessage}
      />
    </div>
  );
}

/**
 * `/skill-exchange?with=<uid>&skill=<skill>&message=<text>` opens the request form to that person,
 * with the skill chosen and the message filled in (links from an unanswered live-session question,
 * paths.skillExchangeRequest). The parameters are removed once used, so closing the form and
 * reloading does not reopen it.
 */
function usePrefilledRequest(me: string) {
  const [params, setParams] = useSearchParams();
  const withUid = params.get('with') ?? '';
  const skill = (params.get('skill') ?? '').slice(0, 100);
  const message = (params.get('message') ?? '').slice(0, 2000);
  const person = useUserProfile(withUid && withUid !== me ? withUid : undefined);
  const consume = useCallback(
    () =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          for (const k of ['with', 'skill', 'message']) next.delete(k);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const p = person.data;
  const target = useMemo<RequestTarget | null>(() => {
    if (p?.status !== 'active') return null;
    const offered = p.offeredSkills.map((s) => s.name);
    const first = offered.find((s) => s.toLowerCase() === skill.toLowerCase()) ?? skill;
    return {
      uid: p.uid,
      displayName: p.displayName,
      theyOffer: [first, ...offered.filter((s) => s !== first)].filter(Boolean),
    };
  }, [p, skill]);
  let error: string | null = null;
  if (withUid === me) error = 'You can’t send a skill-exchange request to yourself.';
  else if (withUid && (person.data === null || (p && p.status !== 'active')))
    error = 'That person isn’t on SkillVerse any more. Pick someone from your matches or search instead.';
  return { target, message, consume, error };
}
