import type { RaisedHand } from '@skillverse/domain/models';
import { useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { friendlyError } from '@/lib/errors';
import type { RosterEntry } from '@skillverse/domain/live-room';
import type { Speaker } from '@/lib/data/live-sessions';
import { roomActions } from '../../api/room';

export function PeoplePanel({
  sessionId,
  uid,
  hostId,
  isHost,
  people,
  hereCount,
  loading = false,
  hands,
  speakers,
  nameOf,
  canWrite,
}: {
  sessionId: string;
  uid: string;
  hostId: string;
  isHost: boolean;
  /** The folded roster: host first, then speakers, then everyone else; capped (see hereCount). */
  people: RosterEntry[];
  /** Everyone here, listed or not. */
  hereCount: number;
  loading?: boolean;
  hands: RaisedHand[];
  speakers: Speaker[];
  nameOf: (uid: string) => string;
  canWrite: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const run = (p: Promise<unknown>) => p.catch((e) => setError(friendlyError(e)));
  const myHand = hands.some((h) => h.uid === uid);
  const speaking = new Set(speakers.map((s) => s.uid));

  return (
    <section aria-labelledby="people-title" className="rounded-xl border border-stone-200 bg-white">
      <div className="flex items-center justify-between border-b border-stone-100 px-4 py-3">
        <h2 id="people-title" className="text-sm font-semibold text-stone-900">
          People ({Math.max(hereCount, people.length)})
        </h2>
        {!isHost ? (
          <Button
            size="sm"
            variant={myHand ? 'primary' : 'secondary'}
            aria-pressed={myHand}
            disabled={!canWrite}
            onClick={() =>
              run(myHand ? roomActions.lowerHand(sessionId, uid) : roomActions.raiseHand(sessionId, uid))
            }
          >
            {myHand ? 'Lower hand' : 'Raise hand'}
          </Button>
        ) : null}
      </div>
      {error ? (
        <p className="px-4 pt-2 text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
      {hands.length > 0 ? (
        <div className="border-b border-stone-100 px-4 py-3">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-600">Raised hands</h3>
          <ol className="mt-2 flex flex-col gap-2" aria-label="Raised hands, in order">
            {hands.map((h, i) => (
              <li key={h.uid} className="flex items-center gap-2 text-sm" data-testid="raised-hand">
                <span aria-hidden="true">✋</span>
                <span className="flex-1 text-stone-900">
                  {i + 1}. {h.uid === uid ? 'You' : nameOf(h.uid)}
                </span>
                {isHost ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => run(roomActions.lowerHand(sessionId, h.uid))}
                  >
                    Lower
                  </Button>
                ) : null}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {loading ? (
        <p className="px-4 pt-3 text-sm text-stone-600" role="status">
          Finding who’s here…
        </p>
      ) : people.length === 0 ? (
        <p className="px-4 pt-3 text-sm text-stone-600" role="status">
          Nobody’s here yet. People appear a few seconds after they join.
        </p>
      ) : null}
      <ul className="flex max-h-72 flex-col gap-2 overflow-y-auto px-4 py-3" aria-label="People in the room">
        {people.map((p) => (
          <li key={p.uid} className="flex items-center gap-2 text-sm">
            <Avatar name={p.displayName} src={p.photoURL} size="sm" />
            <span className="flex-1 truncate text-stone-900">
              {p.uid === uid ? `${p.displayName} (you)` : p.displayName}
            </span>
            {p.uid === hostId ? <Badge tone="brand">Host</Badge> : null}
            {p.uid !== hostId && speaking.has(p.uid) ? <Badge tone="success">Speaker</Badge> : null}
            {isHost && p.uid !== hostId ? (
              <Button
                size="sm"
                variant="ghost"
                onClick={() =>
                  run(
                    speaking.has(p.uid)
                      ? roomActions.revokeSpeaker(sessionId, p.uid)
                      : roomActions.allowSpeaker(sessionId, p.uid),
                  )
                }
              >
                {speaking.has(p.uid) ? 'Stop speaking' : 'Allow to speak'}
              </Button>
            ) : null}
            {isHost && p.uid !== hostId ? (
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove ${p.displayName} from the session`}
                onClick={() => {
                  if (window.confirm(`Remove ${p.displayName}? They cannot rejoin this session.`)) {
                    run(roomActions.remove(sessionId, p.uid));
                  }
                }}
              >
                Remove
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {hereCount > people.length ? (
        <p className="border-t border-stone-100 px-4 py-2 text-sm text-stone-600" data-testid="people-more">
          and {hereCount - people.length} more
        </p>
      ) : null}
    </section>
  );
}
