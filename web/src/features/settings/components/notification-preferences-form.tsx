import {
  NOTIFICATION_TYPES,
  type NotificationPreferences,
  type NotificationType,
} from '@skillverse/domain/models';
import { NOTIFICATION_LABELS } from '@skillverse/domain/notifications';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { friendlyError } from '@/lib/errors';
import { useUpdateNotificationPreferences } from '../api/update-notification-preferences';

function Toggle({
  label,
  checked,
  onChange,
  disabled,
  visibleLabel,
}: {
  label: string;
  visibleLabel: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  // The real checkbox covers the drawn switch (transparent), so it is what gets clicked and focused.
  return (
    <span className="inline-flex items-center gap-2 text-sm text-stone-800">
      <span className="relative inline-flex h-6 w-10 shrink-0">
        <input
          type="checkbox"
          aria-label={label}
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          className="peer absolute inset-0 z-10 size-full cursor-pointer opacity-0 disabled:cursor-not-allowed"
        />
        <span
          aria-hidden="true"
          className="size-full rounded-full bg-stone-300 transition-colors peer-checked:bg-brand-600 peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 peer-disabled:opacity-50 after:absolute after:top-0.5 after:left-0.5 after:size-5 after:rounded-full after:bg-white after:shadow after:transition-transform peer-checked:after:translate-x-4"
        />
      </span>
      <span aria-hidden="true" className="sm:sr-only">
        {visibleLabel}
      </span>
    </span>
  );
}

/** One row per notification type, with in-app and email switches; saved together. */
export function NotificationPreferencesForm({
  uid,
  initial,
  disabled,
}: {
  uid: string;
  initial: NotificationPreferences;
  disabled: boolean;
}) {
  const [prefs, setPrefs] = useState<NotificationPreferences>(initial);
  const [saved, setSaved] = useState<NotificationPreferences>(initial);
  const update = useUpdateNotificationPreferences(uid);
  const { toast } = useToast();
  const dirty = JSON.stringify(prefs) !== JSON.stringify(saved);

  const set = (type: NotificationType, channel: 'inApp' | 'email', value: boolean) =>
    setPrefs((p) => ({ ...p, [type]: { ...p[type], [channel]: value } }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const snapshot = prefs;
    update.mutate(snapshot, {
      onSuccess: () => {
        setSaved(snapshot);
        toast({ title: 'Notification preferences saved' });
      },
    });
  }

  return (
    <form onSubmit={onSubmit}>
      <div className="hidden grid-cols-[1fr_6rem_6rem] gap-4 border-b border-stone-100 px-5 pb-2 text-sm font-medium text-stone-700 sm:grid">
        <span>Notification</span>
        <span>In-app</span>
        <span>Email</span>
      </div>
      <ul className="divide-y divide-stone-100">
        {NOTIFICATION_TYPES.map((type) => {
          const { label, description } = NOTIFICATION_LABELS[type];
          return (
            <li
              key={type}
              className="grid gap-3 px-5 py-3 sm:grid-cols-[1fr_6rem_6rem] sm:items-center sm:gap-4"
            >
              <div>
                <p className="font-medium text-stone-900">{label}</p>
                <p className="text-sm text-stone-600">{description}</p>
              </div>
              <div className="flex gap-6 sm:contents">
                <Toggle
                  label={`${label}: in-app`}
                  visibleLabel="In-app"
                  checked={prefs[type].inApp}
                  disabled={disabled}
                  onChange={(v) => set(type, 'inApp', v)}
                />
                <Toggle
                  label={`${label}: by email`}
                  visibleLabel="Email"
                  checked={prefs[type].email}
                  disabled={disabled}
                  onChange={(v) => set(type, 'email', v)}
                />
              </div>
            </li>
          );
        })}
      </ul>
      {update.error ? (
        <Alert tone="error" className="mx-5 mt-3" title="Your preferences weren’t saved">
          {friendlyError(update.error)}
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center justify-end gap-3 border-t border-stone-100 px-5 py-4">
        <p className="mr-auto text-sm text-stone-600" aria-live="polite">
          {update.isPending ? 'Saving…' : dirty ? 'You have unsaved changes.' : ''}
        </p>
        <Button type="submit" loading={update.isPending} disabled={disabled || !dirty}>
          Save notification preferences
        </Button>
      </div>
    </form>
  );
}
