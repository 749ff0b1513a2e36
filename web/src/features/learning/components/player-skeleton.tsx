import { Skeleton } from '@/components/ui/skeleton';

/** The player while the course, the enrolment and the lectures load. */
export function PlayerSkeleton() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6" aria-busy="true">
      <h1 tabIndex={-1} className="sr-only">
        Loading lecture…
      </h1>
      <Skeleton className="h-6 w-1/3" />
      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Skeleton className="aspect-video w-full" />
        <Skeleton className="h-96" />
      </div>
    </div>
  );
}
