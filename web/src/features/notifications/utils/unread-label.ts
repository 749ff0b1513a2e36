/**
 * Counted up to this many; the bell shows "9+" beyond 9. The count is a listener on the unread
 * items, and every item it returns is a billed read on every signed-in page, so it stays small
 * (bench:reads: with 300 unread, a cap of 100 cost 100 reads a page view).
 */
export const UNREAD_COUNT_CAP = 10;

/** The bell's accessible name: "Notifications", "Notifications, 3 unread" or "…, more than 9 unread". */
export function unreadLabel(count: number): string {
  if (count <= 0) return 'Notifications';
  if (count >= UNREAD_COUNT_CAP) return `Notifications, more than ${UNREAD_COUNT_CAP - 1} unread`;
  return `Notifications, ${count} unread`;
}

/** The number on the badge (and in the notification centre): "9+" at the cap. */
export function unreadBadgeText(count: number): string {
  return count >= UNREAD_COUNT_CAP ? `${UNREAD_COUNT_CAP - 1}+` : String(count);
}
