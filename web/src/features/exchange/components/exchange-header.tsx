import type { ReactNode } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import type { ExchangeDoc } from '@/lib/data/exchanges';
import { STATUS_LABELS, STATUS_TONES } from '../utils/labels';

function statusHelp(x: ExchangeDoc, me: string, otherName: string): string {
  switch (x.status) {
    case 'pending':
      return x.providerId === me
        ? `${otherName} asked to swap skills with you. Accept to agree terms, or decline.`
        : `Waiting for ${otherName} to accept or decline your request.`;
    case 'accepted':
      return 'Agree the terms: the exchange starts once you both accept them.';
    case 'active':
      return x.completedBy.includes(me)
        ? `You confirmed completion. Waiting for ${otherName} to confirm too.`
        : x.completedBy.length > 0
          ? `${otherName} confirmed the exchange is complete. Confirm when you agree.`
          : 'Schedule sessions, chat and track your progress. Confirm completion when you are both done.';
    case 'completed':
      return 'Exchange completed: you each earned 75 points. Rate each other and endorse skills.';
    case 'rejected':
      return 'This request was declined.';
    case 'cancelled':
      return 'This exchange was cancelled.';
  }
}

/** Who the exchange is with, its status and what happens next, what each teaches; `children`: the actions. */
export function ExchangeHeader({
  exchange: x,
  me: uid,
  other,
  iTeach,
  iLearn,
  children,
}: {
  exchange: ExchangeDoc;
  me: string;
  other: { displayName: string; photoURL: string | null };
  iTeach: string;
  iLearn: string;
  children: ReactNode;
}) {
  return (
    <header className="flex flex-col gap-4 rounded-xl border border-stone-200 bg-white p-5 shadow-sm sm:flex-row sm:items-center">
      <Avatar name={other.displayName} src={other.photoURL} size="lg" />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <h1 tabIndex={-1} className="text-2xl font-bold tracking-tight text-stone-900">
            Exchange with {other.displayName}
          </h1>
          <Badge tone={STATUS_TONES[x.status]} data-testid="exchange-status">
            {STATUS_LABELS[x.status]}
          </Badge>
        </div>
        <p className="mt-1 text-stone-700">
          You teach <strong>{iTeach}</strong> · you learn <strong>{iLearn}</strong>
        </p>
        <p className="mt-1 text-sm text-stone-600">{statusHelp(x, uid, other.displayName)}</p>
        {x.message ? (
          <p className="mt-2 rounded-lg bg-stone-50 px-3 py-2 text-sm text-stone-700">
            <span className="font-medium">
              {x.requesterId === uid ? 'Your message' : `${other.displayName} wrote`}:
            </span>{' '}
            {x.message}
          </p>
        ) : null}
      </div>
      {children}
    </header>
  );
}
