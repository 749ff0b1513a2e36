import { Link } from 'react-router';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadError } from '@/components/ui/load-error';
import { paths } from '@/config/paths';
import { useActiveExchanges } from '../api/get-active-exchanges';
import { RowsSkeleton } from './section-states';

const STATUS_LABEL: Record<string, string> = {
  pending: 'Awaiting reply',
  accepted: 'Agreeing terms',
  active: 'Active',
};

/** My open skill exchanges with who they are with and how many messages I haven't read. */
export function ActiveExchanges({ uid }: { uid: string }) {
  const list = useActiveExchanges(uid);
  return (
    <Card>
      <CardHeader
        title="Skill exchanges"
        actions={
          <Link
            to={paths.skillExchange.href()}
            className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline"
          >
            All exchanges
          </Link>
        }
      />
      <CardBody>
        {list.isPending ? (
          <RowsSkeleton rows={2} />
        ) : list.error && list.data === undefined ? (
          <LoadError
            title="Couldn’t load your exchanges"
            error={list.error}
            onRetry={() => void list.refetch()}
          />
        ) : list.data && list.data.length > 0 ? (
          <ul className="-my-2 divide-y divide-stone-100">
            {list.data.map((x) => {
              const otherUid = x.participants.find((p) => p !== uid) ?? '';
              const other = x.people[otherUid]?.displayName ?? 'your partner';
              const unread = x.unread[uid] ?? 0;
              const iTeach = x.requesterId === uid ? x.offeredSkill : x.requestedSkill;
              const iLearn = x.requesterId === uid ? x.requestedSkill : x.offeredSkill;
              return (
                <li key={x.id} className="flex items-center gap-3 py-2">
                  <Avatar name={other} src={x.people[otherUid]?.photoURL ?? null} size="sm" />
                  <div className="min-w-0 flex-1">
                    <Link
                      to={paths.exchange.href(x.id)}
                      className="block truncate font-medium text-stone-900 hover:underline"
                    >
                      {other}
                    </Link>
                    <p
                      className="truncate text-xs text-stone-600"
                      title={`You learn ${iLearn}, you teach ${iTeach}`}
                    >
                      {iLearn} for {iTeach} · {STATUS_LABEL[x.status] ?? x.status}
                    </p>
                  </div>
                  {unread > 0 ? (
                    <Badge tone="brand">
                      {unread} unread<span className="sr-only"> {unread === 1 ? 'message' : 'messages'}</span>
                    </Badge>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : (
          <EmptyState
            icon="swap"
            title="No open exchanges"
            description="Swap what you know for what you want to learn, one to one."
            action={
              <ButtonLink to={paths.skillExchange.href()} size="sm" variant="secondary">
                Find a partner
              </ButtonLink>
            }
          />
        )}
      </CardBody>
    </Card>
  );
}
