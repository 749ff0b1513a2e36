/** Counted up to this many; the bell shows "99+" beyond 99. */
export const UNREAD_COUNT_CAP = 100;

/** The bell's accessible name: "Notifications" or "Notifications, 3 unread". */
export function unreadLabel(count: number): string {
  if (count <= 0) return 'Notifications';
  if (count >= UNREAD_COUNT_CAP) return `Notifications, ${UNREAD_COUNT_CAP - 1}+ unread`;
  return `Notifications, ${count} unread`;
}

/** The number on the badge. */
export function unreadBadgeText(count: number): string {
  return count >= UNREAD_COUNT_CAP ? '99+' : String(count);
}
