import { Badge } from '@/components/ui/badge';
import type { RevisionDoc } from '@/lib/data/revisions';

const LABELS = {
  add: { pending: 'New · pending review', rejected: 'Addition not approved' },
  change: { pending: 'Changes pending review', rejected: 'Changes not approved' },
  remove: { pending: 'Removal pending review', rejected: 'Removal not approved' },
} as const;

/**
 * Where an item of a live course stands with the admins: "Pending review" while a revision waits,
 * the reason when one was not approved; nothing once approved (learners see it) or withdrawn.
 */
export function RevisionStatus({ revision }: { revision: RevisionDoc | undefined }) {
  if (!revision || (revision.status !== 'pending' && revision.status !== 'rejected')) return null;
  const label = LABELS[revision.op][revision.status];
  if (revision.status === 'pending') return <Badge tone="warning">{label}</Badge>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone="danger">{label}</Badge>
      {revision.reason ? <span className="text-xs text-red-800">Reason: {revision.reason}</span> : null}
    </span>
  );
}
