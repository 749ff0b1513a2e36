import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs } from '@/components/ui/tabs';
import { useToast } from '@/components/ui/toast';
import { useAuth, useSignedInUser } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { NOTIFICATION_PAGE_SIZE, useNotifications } from '../api/get-notifications';
import { useMarkAllNotificationsRead } from '../api/mark-all-notifications-read';
import { useMarkNotificationRead } from '../api/mark-notification-read';
import { useUnreadCount } from '../api/get-unread-count';
import { NotificationItem } from '../components/notification-item';
import { unreadBadgeText } from '../utils/unread-label';

type Filter = 'all' | 'unread';

/** The notification centre: live, newest first, filter all/unread, mark one or all read. */
export function NotificationsPage() {
  useDocumentTitle('Notifications');
  const { canWrite } = useAuth();
  const { uid } = useSignedInUser();
  const { toast } = useToast();
  const [filter, setFilter] = useState<Filter>('all');
  const list = useNotifications(uid);
  const { data: unreadCount = 0 } = useUnreadCount(uid);
  const markOne = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();

  const items = list.data ?? [];
  const shown = filter === 'unread' ? items.filter((n) => !n.read) : items;

  const markRead = (id: string) =>
    markOne.mutate(
      { uid, id },
      {
        onError: (error) =>
          toast({ title: 'Couldn’t mark it as read', description: friendlyError(error), tone: 'error' }),
      },
    );

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Notifications"
        description={
          unreadCount > 0
            ? `You have ${unreadBadgeText(unreadCount)} unread ${unreadCount === 1 ? 'notification' : 'notifications'}.`
            : 'You’re all caught up.'
        }
        actions={
          <Button
            variant="secondary"
            size="sm"
            loading={markAll.isPending}
            disabled={unreadCount === 0 || !canWrite}
            onClick={() =>
              markAll.mutate(
                { uid },
                {
                  onSuccess: (count) =>
                    toast({
                      title:
                        count === 1
                          ? '1 notification marked as read'
                          : `${count} notifications marked as read`,
                    }),
                  onError: (error) =>
                    toast({
                      title: 'Couldn’t mark them as read',
                      description: friendlyError(error),
                      tone: 'error',
                    }),
                },
              )
            }
          >
            Mark all as read
          </Button>
        }
      />

      <Tabs
        label="Filter notifications"
        value={filter}
        onChange={setFilter}
        items={[
          { value: 'all', label: 'All' },
          { value: 'unread', label: unreadCount > 0 ? `Unread (${unreadBadgeText(unreadCount)})` : 'Unread' },
        ]}
      >
        {list.isPending ? (
          <div className="flex flex-col gap-3" aria-busy="true">
            <Skeleton className="h-20" />
            <Skeleton className="h-20" />
            <Skeleton className="h-20" />
          </div>
        ) : list.error && !list.data ? (
          <Alert tone="error" title="We couldn’t load your notifications">
            {friendlyError(list.error)}
          </Alert>
        ) : shown.length === 0 ? (
          <EmptyState
            icon={filter === 'unread' ? 'check' : 'bell'}
            title={filter === 'unread' ? 'No unread notifications' : 'No notifications yet'}
            description={
              filter === 'unread'
                ? 'You’ve read everything. New notifications will appear here as they arrive.'
                : 'Enrolments, exchange requests, session reminders, badges and certificates will show up here as they happen.'
            }
          />
        ) : (
          <Card className="overflow-hidden">
            <ul className="divide-y divide-stone-100">
              {shown.map((n) => (
                <NotificationItem key={n.id} notification={n} onMarkRead={markRead} disabled={!canWrite} />
              ))}
            </ul>
          </Card>
        )}
        {items.length >= NOTIFICATION_PAGE_SIZE ? (
          <p className="mt-4 text-center text-sm text-stone-600">
            Showing your latest {NOTIFICATION_PAGE_SIZE} notifications.
          </p>
        ) : null}
      </Tabs>
    </div>
  );
}
