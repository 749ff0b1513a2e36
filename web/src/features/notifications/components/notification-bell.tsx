import { NavLink } from 'react-router';
import { paths } from '@/config/paths';
import { cn } from '@/lib/cn';
import { useUnreadCount } from '../api/get-unread-count';
import { unreadBadgeText, unreadLabel } from '../utils/unread-label';

/** The header bell: a link to the notification centre with a live unread badge. */
export function NotificationBell({ uid }: { uid: string }) {
  const { data: count = 0 } = useUnreadCount(uid);
  return (
    <NavLink
      to={paths.notifications.href()}
      aria-label={unreadLabel(count)}
      className={({ isActive }) =>
        cn(
          'relative inline-flex size-10 items-center justify-center rounded-full text-stone-700 hover:bg-stone-100 hover:text-stone-900',
          isActive && 'bg-brand-50 text-brand-800',
        )
      }
    >
      <svg viewBox="0 0 24 24" className="size-6" fill="none" aria-hidden="true">
        <path
          d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9Zm4.3 12a1.94 1.94 0 0 0 3.4 0"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {count > 0 ? (
        <span
          aria-hidden="true"
          className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-600 px-1.5 py-0.5 text-center text-[11px] leading-none font-bold text-white ring-2 ring-white"
        >
          {unreadBadgeText(count)}
        </span>
      ) : null}
    </NavLink>
  );
}
