import { useId } from 'react';
import { formatDateTime } from '@/lib/format';
import { useLectureFaq } from '../api/get-lecture-faq';

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/**
 * "FAQ from live sessions" under a lecture: questions asked in the course's live sessions that the
 * host answered and published here. Each entry is a native disclosure (details/summary), so it
 * opens with Enter or Space and screen readers announce it as expandable. Hidden while loading and
 * when there is nothing to show; a failed read says so quietly instead of breaking the player.
 */
export function LectureFaq({ courseId, lectureId }: { courseId: string; lectureId: string }) {
  const faq = useLectureFaq(courseId, lectureId);
  const headingId = useId();
  if (faq.error && !faq.data) {
    return (
      <p className="text-sm text-stone-600" role="status">
        The FAQ from live sessions couldn’t be loaded.
      </p>
    );
  }
  const entries = faq.data ?? [];
  if (entries.length === 0) return null;

  return (
    <section aria-labelledby={headingId} data-testid="lecture-faq">
      <h2 id={headingId} className="text-lg font-semibold text-stone-900">
        FAQ from live sessions <span className="text-sm font-normal text-stone-600">({entries.length})</span>
      </h2>
      <ul className="mt-2 flex flex-col gap-2">
        {entries.map((entry) => (
          <li key={entry.id}>
            <details className="group rounded-lg border border-stone-200 bg-white open:shadow-sm">
              <summary className="flex cursor-pointer list-none items-start gap-2 rounded-lg px-4 py-3 font-medium text-stone-900 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 [&::-webkit-details-marker]:hidden">
                <span
                  aria-hidden="true"
                  className="mt-0.5 inline-block shrink-0 text-stone-500 transition-transform group-open:rotate-90"
                >
                  ▸
                </span>
                <span className="break-words">{entry.question}</span>
              </summary>
              <div className="border-t border-stone-100 px-4 py-3">
                <p className="whitespace-pre-line break-words text-stone-800">{entry.answer}</p>
                <p className="mt-2 text-xs text-stone-600">
                  Answered by {entry.hostName || 'the instructor'} in the live session “{entry.sessionTitle}”,{' '}
                  <time dateTime={entry.sessionDate.toISOString()} title={formatDateTime(entry.sessionDate)}>
                    {day.format(entry.sessionDate)}
                  </time>
                </p>
              </div>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
