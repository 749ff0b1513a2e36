import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';

/** The room while the exchange loads. */
export function ExchangeRoomSkeleton() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6" aria-busy="true">
      <h1 className="sr-only" tabIndex={-1}>
        Loading exchange…
      </h1>
      <Skeleton className="h-24" />
      <Skeleton className="mt-6 h-96" />
    </div>
  );
}

/** In place of the room: the exchange does not exist, or I am not one of its participants. */
export function ExchangeNotFound({ reason }: { reason: string }) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 sm:px-6">
      <h1 tabIndex={-1} className="text-center text-2xl font-bold text-stone-900">
        Exchange not found
      </h1>
      <EmptyState
        className="mt-6"
        icon="swap"
        title="We can’t show this exchange"
        description={reason}
        action={<ButtonLink to={paths.skillExchange.href()}>Back to skill exchange</ButtonLink>}
      />
    </div>
  );
}
