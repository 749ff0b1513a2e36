import { WEEKDAYS, type Weekday } from '@skillverse/domain/models';
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { FieldErrors } from '@/lib/forms';
import { useRowKeys } from '@/lib/use-row-keys';
import { MAX_SLOTS, type SlotDraft, WEEKDAY_LABELS } from '../utils/availability';

/** Weekly availability: rows of day + start + end, in the person's own time zone. */
export function AvailabilityEditor({
  value,
  onChange,
  errors,
  errorPrefix = 'availability',
  timezone,
  disabled,
}: {
  value: SlotDraft[];
  onChange: (next: SlotDraft[]) => void;
  errors: FieldErrors;
  errorPrefix?: string;
  timezone: string;
  disabled?: boolean;
}) {
  const focusRow = useRef<number | null>(null);
  const rows = useRowKeys(value.length);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (focusRow.current === null) return;
    listRef.current?.querySelectorAll<HTMLSelectElement>('select[data-slot-day]')[focusRow.current]?.focus();
    focusRow.current = null;
  });

  const update = (index: number, patch: Partial<SlotDraft>) =>
    onChange(value.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  function addSlot() {
    const last = value.at(-1);
    const nextDay: Weekday = last ? (WEEKDAYS[(WEEKDAYS.indexOf(last.day) + 1) % 7] ?? 'mon') : 'mon';
    focusRow.current = value.length;
    onChange([...value, { day: nextDay, start: last?.start ?? '18:00', end: last?.end ?? '20:00' }]);
  }

  return (
    <fieldset className="min-w-0">
      <legend className="text-base font-semibold text-stone-900">Weekly availability</legend>
      <p className="mt-0.5 text-sm text-stone-600">
        When you’re usually free for a skill exchange or a live session, in your time zone ({timezone}).
      </p>
      {value.length === 0 ? (
        <p className="mt-3 rounded-lg bg-stone-100 px-4 py-3 text-sm text-stone-700">
          No time slots yet. Add the times you’re usually free — it helps people find a time that suits you
          both.
        </p>
      ) : (
        <ul ref={listRef} className="mt-3 flex flex-col gap-3">
          {value
            .map((item, index) => ({ item, index, key: rows.keys[index] ?? index }))
            .map(({ item: slot, index: i, key }) => {
              const n = i + 1;
              return (
                <li
                  key={key}
                  className="grid grid-cols-2 items-start gap-2 rounded-lg border border-stone-200 p-3 sm:grid-cols-[1fr_8rem_8rem_2.5rem] sm:border-0 sm:p-0"
                >
                  <Field
                    label={`Day for slot ${n}`}
                    labelHidden
                    error={errors[`${errorPrefix}.${i}.day`]}
                    className="col-span-2 sm:col-span-1"
                  >
                    <Select
                      data-slot-day=""
                      value={slot.day}
                      disabled={disabled}
                      onChange={(e) => update(i, { day: e.target.value as Weekday })}
                    >
                      {WEEKDAYS.map((day) => (
                        <option key={day} value={day}>
                          {WEEKDAY_LABELS[day]}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field
                    label={`Start time for slot ${n}`}
                    labelHidden
                    error={errors[`${errorPrefix}.${i}.start`]}
                  >
                    <Input
                      type="time"
                      step={900}
                      value={slot.start}
                      disabled={disabled}
                      onChange={(e) => update(i, { start: e.target.value })}
                    />
                  </Field>
                  <Field
                    label={`End time for slot ${n}`}
                    labelHidden
                    error={errors[`${errorPrefix}.${i}.end`]}
                  >
                    <Input
                      type="time"
                      step={900}
                      value={slot.end}
                      disabled={disabled}
                      onChange={(e) => update(i, { end: e.target.value })}
                    />
                  </Field>
                  <div className="col-span-2 flex justify-end sm:col-span-1">
                    <button
                      type="button"
                      disabled={disabled}
                      onClick={() => {
                        rows.removed(i);
                        onChange(value.filter((_, j) => j !== i));
                      }}
                      className="inline-flex h-10 items-center justify-center gap-1 rounded-lg px-2 text-sm text-stone-600 hover:bg-red-50 hover:text-red-700 sm:w-10 sm:px-0"
                      aria-label={`Remove slot ${n} (${WEEKDAY_LABELS[slot.day]} ${slot.start}–${slot.end})`}
                    >
                      <svg viewBox="0 0 20 20" className="size-5" aria-hidden="true">
                        <path
                          d="M5 5l10 10M15 5L5 15"
                          stroke="currentColor"
                          strokeWidth="2"
                          strokeLinecap="round"
                        />
                      </svg>
                      <span className="sm:hidden" aria-hidden="true">
                        Remove
                      </span>
                    </button>
                  </div>
                </li>
              );
            })}
        </ul>
      )}
      {errors[errorPrefix] ? (
        <p className="mt-2 text-sm font-medium text-red-700">{errors[errorPrefix]}</p>
      ) : null}
      <Button
        variant="subtle"
        size="sm"
        className="mt-3"
        disabled={disabled || value.length >= MAX_SLOTS}
        onClick={addSlot}
      >
        + Add a time slot
      </Button>
    </fieldset>
  );
}
