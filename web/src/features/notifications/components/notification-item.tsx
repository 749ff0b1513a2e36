import type { AppNotification } from '@skillverse/domain/models';
import { NOTIFICATION_LABELS } from '@skillverse/domain/notifications';
import { Link } from 'react-router';
import { cn } from '@/lib/cn';
import { formatDateTime, formatRelativeTime } from '@/lib/format';
import { safeRedirect } from '@/lib/redirect';

/**
 * One notification. With a link, the whole row is a link that marks it read as it opens; without
 * one, an unread row has a "Mark as read" button.
 */
export function NotificationItem({
  notification: n,
  onMarkRead,
  disabled,
}: {
  notification: AppNotification;
  onMarkRead: (id: string) => void;
  disabled?: boolean;
}) {
  const href = n.link ? safeRedirect(n.link, '') : '';
  const content = (
    <>
      <span className="flex flex-wrap items-center gap-x-2 text-xs text-stone-600">
        <span className="font-medium text-stone-700">{NOTIFICATION_LABELS[n.type].label}</span>
        <span aria-hidden="true">·</span>
        <time dateTime={n.createdAt.toISOString()} title={formatDateTime(n.createdAt)}>
          {formatRelativeTime(n.createdAt)}
        </time>
      </span>
      <span className={cn('mt-0.5 block text-stone-900', !n.read && 'font-semibold')}>
        {!n.read ? <span className="sr-only">Unread: </span> : null}
        {n.title}
      </span>
      {n.body ? <span className="mt-0.5 block text-sm text-stone-700">{n.body}</span> : null}
    </>
  );

  return (
    <li className={cn('relative flex items-start gap-3 px-4 py-4 sm:px-5', !n.read && 'bg-brand-50/60')}>
      <span
        aria-hidden="true"
        className={cn('mt-2 size-2.5 shrink-0 rounded-full', n.read ? 'bg-stone-300' : 'bg-brand-600')}
      />
      {href ? (
        <Link
          to={href}
          onClick={() => {
            if (!n.read && !disabled) onMarkRead(n.id);
          }}
          className="min-w-0 flex-1 rounded-md after:absolute after:inset-0 hover:[&>span:nth-child(2)]:underline"
        >
          {content}
        </Link>
      ) : (
        <div className="min-w-0 flex-1">{content}</div>
      )}
      {!n.read && !href ? (
        <button
          type="button"
          disabled={disabled}
          onClick={() => onMarkRead(n.id)}
          className="relative shrink-0 rounded-lg px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-100 disabled:text-stone-400"
        >
          Mark as read<span className="sr-only">: {n.title}</span>
        </button>
      ) : null}
    </li>
  );
}
