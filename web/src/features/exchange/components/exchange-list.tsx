import { Link } from 'react-router';
import { useUserProfile } from '@/lib/data/users';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { paths } from '@/config/paths';
import type { ExchangeDoc } from '@/lib/data/exchanges';
import { formatRelativeTime } from '@/lib/format';
import { STATUS_LABELS, STATUS_TONES } from '../utils/labels';

export function otherParticipant(x: ExchangeDoc, me: string) {
  const uid = x.requesterId === me ? x.providerId : x.requesterId;
  return {
    uid,
    displayName: x.people[uid]?.displayName ?? 'Your exchange partner',
    photoURL: x.people[uid]?.photoURL ?? null,
  };
}

/** The other person's name: denormalised on the exchange by the server, read from the profile until then. */
export function usePartner(x: ExchangeDoc | null | undefined, me: string) {
  const other = x ? otherParticipant(x, me) : null;
  const known = Boolean(x && other && x.people[other.uid]);
  const profile = useUserProfile(other && !known ? other.uid : undefined);
  if (!other || known || !profile.data) return other;
  return {
    uid: other.uid,
    displayName: profile.data.displayName || other.displayName,
    photoURL: profile.data.photoURL,
  };
}

function ExchangeRow({ x, me }: { x: ExchangeDoc; me: string }) {
  const other = usePartner(x, me) ?? otherParticipant(x, me);
  const iTeach = x.requesterId === me ? x.offeredSkill : x.requestedSkill;
  const iLearn = x.requesterId === me ? x.requestedSkill : x.offeredSkill;
  const unread = x.unread[me] ?? 0;
  const status =
    x.status === 'pending' && x.providerId === me ? 'Needs your answer' : STATUS_LABELS[x.status];
  return (
    <li>
      <Link
        to={paths.exchange.href(x.id)}
        className="flex items-center gap-3 px-1 py-3 hover:bg-stone-50 focus-visible:bg-stone-50"
      >
        <Avatar name={other.displayName} src={other.photoURL} size="md" />
        <span className="min-w-0 flex-1">
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-stone-900">{other.displayName}</span>
            <Badge tone={STATUS_TONES[x.status]}>{status}</Badge>
            {unread > 0 ? <Badge tone="danger">{unread} unread</Badge> : null}
          </span>
          <span className="block text-sm text-stone-600">
            You teach {iTeach} · you learn {iLearn}
          </span>
          {x.lastMessage ? (
            <span className="block truncate text-sm text-stone-700">
              {x.lastMessage.senderId === me ? 'You: ' : ''}
              {x.lastMessage.text}
            </span>
          ) : null}
        </span>
        <span className="shrink-0 text-xs text-stone-600">{formatRelativeTime(x.updatedAt)}</span>
      </Link>
    </li>
  );
}

/** Exchanges as rows: who, which skills, status, last message and unread count. */
export function ExchangeList({
  exchanges,
  me,
  empty,
}: {
  exchanges: ExchangeDoc[];
  me: string;
  empty: string;
}) {
  if (exchanges.length === 0) return <p className="text-sm text-stone-600">{empty}</p>;
  return (
    <ul className="divide-y divide-stone-100">
      {exchanges.map((x) => (
        <ExchangeRow key={x.id} x={x} me={me} />
      ))}
    </ul>
  );
}
