import type { LiveSessionStatus } from '@skillverse/domain/models';
import { Badge } from '@/components/ui/badge';

/** "Live" pulses; the other statuses are plain labels. */
export function SessionStatusBadge({ status }: { status: LiveSessionStatus }) {
  if (status === 'live') {
    return (
      <Badge tone="danger" className="gap-1.5">
        <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-red-600" />
        Live
      </Badge>
    );
  }
  if (status === 'scheduled') return <Badge tone="brand">Upcoming</Badge>;
  if (status === 'ended') return <Badge>Ended</Badge>;
  return <Badge tone="warning">Cancelled</Badge>;
}
