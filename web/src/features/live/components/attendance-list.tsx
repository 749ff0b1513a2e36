import { hostingChecklist } from '@skillverse/domain/live';
import type { LiveHostingOutcome } from '@skillverse/domain/models';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { useAttendance, useFeedbackList } from '../api/room';

function minutes(sec: number): string {
  const m = Math.round(sec / 60);
  return m < 1 ? 'under a minute' : `${m} min`;
}

/**
 * What the platform observed about the session beside what hosting points need (domain
 * `hostingChecklist`), each line saying whether it was met — in words, not only by colour.
 */
export function HostingChecklist({ hosting }: { hosting: LiveHostingOutcome }) {
  return (
    <ul
      className="mt-2 flex flex-col gap-1 text-sm"
      aria-label="What we observed"
      data-testid="hosting-checklist"
    >
      {hostingChecklist(hosting).map((check) => (
        <li key={check.label} className="flex flex-wrap items-baseline gap-x-2">
          <span className="text-stone-700">{check.label}:</span>{' '}
          <strong className="font-semibold text-stone-900">{check.observed}</strong>{' '}
          <span className={check.met ? 'text-emerald-800' : 'text-amber-800'}>
            ({check.met ? 'met' : 'not met'}: {check.needed})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Whether the host earned hosting points, in the server's words (it says what was missing). */
export function HostingOutcome({ hosting }: { hosting: LiveHostingOutcome }) {
  return (
    <Alert
      tone={hosting.earned ? 'success' : 'info'}
      title={hosting.earned ? 'Hosting points earned' : 'No hosting points'}
    >
      <span data-testid="hosting-outcome">{hosting.reason}</span>
      <HostingChecklist hosting={hosting} />
    </Alert>
  );
}

/**
 * For the host after the session: whether hosting points were earned and why, who attended, for
 * how long (inside the live window), whether that earned them attendance, and the feedback.
 */
export function AttendanceList({
  sessionId,
  hostId,
  hosting,
}: {
  sessionId: string;
  hostId: string;
  hosting?: LiveHostingOutcome | null;
}) {
  const attendance = useAttendance(sessionId, true);
  const feedback = useFeedbackList(sessionId, true);
  if (attendance.isPending) return <Skeleton className="h-24" />;
  const rows = (attendance.data ?? []).filter((a) => a.uid !== hostId);
  const ratings = (feedback.data ?? []).map((f) => f.rating);
  const average = ratings.length ? (ratings.reduce((a, b) => a + b, 0) / ratings.length).toFixed(1) : null;
  return (
    <div className="flex flex-col gap-4">
      {hosting ? <HostingOutcome hosting={hosting} /> : null}
      {rows.length === 0 ? (
        <EmptyState icon="check" title="No attendance recorded" />
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Attendance</caption>
          <thead className="text-stone-600">
            <tr>
              <th className="py-2 font-medium">Attendee</th>
              <th className="py-2 font-medium">Joined</th>
              <th className="py-2 font-medium">Time in room</th>
              <th className="py-2 font-medium">Attendance points</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rows.map((a) => (
              <tr key={a.uid}>
                <td className="py-2 text-stone-900">{a.displayName || a.uid}</td>
                <td className="py-2 text-stone-700">{a.joinedAt.toLocaleTimeString()}</td>
                <td className="py-2 text-stone-700">{minutes(a.presentSec ?? a.totalSec)}</td>
                <td className="py-2 text-stone-700">
                  {a.qualified === undefined ? '—' : a.qualified ? 'Earned' : 'Not long enough'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="text-sm text-stone-700">
        {average
          ? `Feedback: ${average} / 5 from ${ratings.length} ${ratings.length === 1 ? 'person' : 'people'}.`
          : 'No feedback yet.'}
      </p>
      {(feedback.data ?? [])
        .filter((f) => f.comment)
        .map((f) => (
          <blockquote key={f.uid} className="border-l-2 border-stone-200 pl-3 text-sm text-stone-700">
            “{f.comment}” — {f.rating}/5
          </blockquote>
        ))}
    </div>
  );
}
