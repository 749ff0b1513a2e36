import type { LiveSession } from '@skillverse/domain/models';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs } from '@/components/ui/tabs';
import { friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useLiveSessions } from '../api/get-live-sessions';
import { SessionCard } from '../components/session-card';
import { matchesFilters } from '../utils/room';

type Tab = 'upcoming' | 'past';

function SessionGrid({ sessions, empty }: { sessions: LiveSession[]; empty: string }) {
  if (sessions.length === 0) return <EmptyState icon="video" title={empty} />;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {sessions.map((s) => (
        <li key={s.id}>
          <SessionCard session={s} />
        </li>
      ))}
    </ul>
  );
}

/** Live now (real time), upcoming and past sessions, with a search and a "seats left" filter. */
export function LiveSessionsPage() {
  useDocumentTitle('Live sessions');
  const [tab, setTab] = useState<Tab>('upcoming');
  const [search, setSearch] = useState('');
  const [seatsOnly, setSeatsOnly] = useState(false);
  const live = useLiveSessions('live');
  const list = useLiveSessions(tab);
  const liveNow = (live.data ?? []).filter((s) => matchesFilters(s, search, seatsOnly));
  const shown = (list.data ?? []).filter((s) => matchesFilters(s, search, tab === 'upcoming' && seatsOnly));

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <PageHeader
        title="Live sessions"
        description="Live classes hosted by educators: register, get reminders, and join with chat, Q&A and polls."
      />
      <div className="mb-6 flex flex-wrap items-end gap-4">
        <Field label="Search sessions" className="w-full max-w-sm">
          <Input
            type="search"
            value={search}
            placeholder="Title, topic or host"
            onChange={(e) => setSearch(e.target.value)}
          />
        </Field>
        <label className="flex items-center gap-2 pb-2 text-sm text-stone-800">
          <input
            type="checkbox"
            className="size-4"
            checked={seatsOnly}
            onChange={(e) => setSeatsOnly(e.target.checked)}
          />
          Only with seats left
        </label>
      </div>

      <section aria-labelledby="live-now" className="mb-8">
        <h2 id="live-now" className="mb-3 text-lg font-semibold text-stone-900">
          Live now
        </h2>
        {live.isPending ? (
          <Skeleton className="h-32" />
        ) : live.error && !live.data ? (
          <Alert tone="error">{friendlyError(live.error)}</Alert>
        ) : (
          <SessionGrid sessions={liveNow} empty="Nothing is live right now" />
        )}
      </section>

      <Tabs
        label="Sessions"
        value={tab}
        onChange={setTab}
        items={[
          { value: 'upcoming', label: 'Upcoming' },
          { value: 'past', label: 'Past' },
        ]}
      >
        {list.isPending ? (
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Skeleton className="h-44" />
            <Skeleton className="h-44" />
            <Skeleton className="h-44" />
          </div>
        ) : list.error && !list.data ? (
          <Alert tone="error" title="We couldn’t load the sessions">
            {friendlyError(list.error)}
          </Alert>
        ) : (
          <SessionGrid
            sessions={shown}
            empty={tab === 'upcoming' ? 'No upcoming sessions' : 'No past sessions'}
          />
        )}
      </Tabs>
    </div>
  );
}
