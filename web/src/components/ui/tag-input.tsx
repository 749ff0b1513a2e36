import { type KeyboardEvent, useId, useState } from 'react';
import { cn } from '@/lib/cn';
import { useFieldControl } from './field';
import { controlClasses } from './input';

/**
 * A list of short tags: type and press Enter or comma to add, Backspace in the empty input removes
 * the last one, each tag has its own remove button. Duplicates (ignoring case) are skipped.
 */
export function TagInput({
  value,
  onChange,
  placeholder = 'Type and press Enter',
  max = 20,
  maxLength = 40,
  disabled,
}: {
  value: string[];
  onChange: (next: string[]) => void;
  placeholder?: string;
  max?: number;
  maxLength?: number;
  disabled?: boolean;
}) {
  const field = useFieldControl();
  const [draft, setDraft] = useState('');
  const [note, setNote] = useState('');
  const noteId = useId();

  function add(raw: string) {
    const tag = raw.trim().replace(/\s+/g, ' ').slice(0, maxLength);
    if (!tag) return;
    if (value.some((t) => t.toLowerCase() === tag.toLowerCase())) {
      setNote(`${tag} is already in the list.`);
      setDraft('');
      return;
    }
    if (value.length >= max) {
      setNote(`You can add up to ${max}.`);
      return;
    }
    onChange([...value, tag]);
    setNote(`Added ${tag}.`);
    setDraft('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(draft);
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      const last = value.at(-1);
      onChange(value.slice(0, -1));
      setNote(`Removed ${last}.`);
    }
  }

  const describedBy = [field?.describedBy, noteId].filter(Boolean).join(' ');

  return (
    <div>
      {value.length > 0 ? (
        <ul className="mb-2 flex flex-wrap gap-2">
          {value.map((tag) => (
            <li
              key={tag}
              className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-1 pr-1 pl-3 text-sm text-brand-900 ring-1 ring-brand-200 ring-inset"
            >
              {tag}
              <button
                type="button"
                disabled={disabled}
                onClick={() => {
                  onChange(value.filter((t) => t !== tag));
                  setNote(`Removed ${tag}.`);
                }}
                className="rounded-full p-1 text-brand-700 hover:bg-brand-100 hover:text-brand-900"
                aria-label={`Remove ${tag}`}
              >
                <svg viewBox="0 0 20 20" className="size-3" aria-hidden="true">
                  <path
                    d="M5 5l10 10M15 5L5 15"
                    stroke="currentColor"
                    strokeWidth="2.5"
                    strokeLinecap="round"
                  />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={field?.id}
        type="text"
        value={draft}
        disabled={disabled}
        placeholder={placeholder}
        maxLength={maxLength}
        aria-describedby={describedBy}
        aria-invalid={field?.invalid || undefined}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => add(draft)}
        className={controlClasses(field?.invalid ?? false, cn('h-10'))}
      />
      <p id={noteId} aria-live="polite" className="sr-only">
        {note}
      </p>
    </div>
  );
}
