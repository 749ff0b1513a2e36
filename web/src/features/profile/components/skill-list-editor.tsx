import { SKILL_LEVELS, type Skill } from '@skillverse/domain/models';
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { FieldErrors } from '@/lib/forms';
import { useRowKeys } from '@/lib/use-row-keys';
import { PROFILE_LIMITS } from '../utils/profile-schema';
import { SKILL_LEVEL_LABELS } from '../utils/labels';

/**
 * Edits a list of skills (name + level). Each row has hidden labels that name the row ("Skill 2
 * you offer"), visible column headings, and a remove button; adding a row focuses its name.
 */
export function SkillListEditor({
  legend,
  description,
  noun,
  value,
  onChange,
  errors,
  errorPrefix,
  levelLabel = 'Level',
  suggestionsId,
  disabled,
}: {
  legend: string;
  description?: string;
  /** Names rows and buttons, e.g. "skill you offer". */
  noun: string;
  value: Skill[];
  onChange: (next: Skill[]) => void;
  errors: FieldErrors;
  errorPrefix: string;
  levelLabel?: string;
  /** Id of a <datalist> of skill names to suggest while typing. */
  suggestionsId?: string;
  disabled?: boolean;
}) {
  const focusRow = useRef<number | null>(null);
  const rows = useRowKeys(value.length);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (focusRow.current === null) return;
    const inputs = listRef.current?.querySelectorAll<HTMLInputElement>('input[data-skill-name]');
    inputs?.[focusRow.current]?.focus();
    focusRow.current = null;
  });

  const update = (index: number, patch: Partial<Skill>) =>
    onChange(value.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const listError = errors[errorPrefix];

  return (
    <fieldset className="min-w-0">
      <legend className="text-base font-semibold text-stone-900">{legend}</legend>
      {description ? <p className="mt-0.5 text-sm text-stone-600">{description}</p> : null}
      {value.length > 0 ? (
        <>
          <div
            aria-hidden="true"
            className="mt-3 hidden grid-cols-[1fr_11rem_2.5rem] gap-3 text-sm font-medium text-stone-700 sm:grid"
          >
            <span>Skill</span>
            <span>{levelLabel}</span>
          </div>
          <ul ref={listRef} className="mt-2 flex flex-col gap-3">
            {value
              .map((item, index) => ({ item, index, key: rows.keys[index] ?? index }))
              .map(({ item: skill, index: i, key }) => {
                const n = i + 1;
                return (
                  <li
                    key={key}
                    className="grid grid-cols-[1fr_auto] items-start gap-2 sm:grid-cols-[1fr_11rem_2.5rem] sm:gap-3"
                  >
                    <Field
                      label={`${capitalise(noun)} ${n}`}
                      labelHidden
                      error={errors[`${errorPrefix}.${i}.name`]}
                      className="col-span-2 sm:col-span-1"
                    >
                      <Input
                        data-skill-name=""
                        list={suggestionsId}
                        autoComplete="off"
                        value={skill.name}
                        maxLength={PROFILE_LIMITS.skillName}
                        placeholder="e.g. Python, guitar, public speaking"
                        disabled={disabled}
                        onChange={(e) => update(i, { name: e.target.value })}
                      />
                    </Field>
                    <Field
                      label={`${levelLabel} for ${noun} ${n}`}
                      labelHidden
                      error={errors[`${errorPrefix}.${i}.level`]}
                    >
                      <Select
                        value={skill.level}
                        disabled={disabled}
                        onChange={(e) => update(i, { level: e.target.value as Skill['level'] })}
                      >
                        {SKILL_LEVELS.map((level) => (
                          <option key={level} value={level}>
                            {SKILL_LEVEL_LABELS[level]}
                          </option>
                        ))}
                      </Select>
                    </Field>
                    <button
                      type="button"
                      disabled={disabled}
                      onClick={() => {
                        rows.removed(i);
                        onChange(value.filter((_, j) => j !== i));
                      }}
                      className="inline-flex size-10 items-center justify-center rounded-lg text-stone-500 hover:bg-red-50 hover:text-red-700"
                      aria-label={`Remove ${noun} ${n}${skill.name.trim() ? ` (${skill.name.trim()})` : ''}`}
                    >
                      <svg viewBox="0 0 20 20" className="size-5" aria-hidden="true">
                        <path
                          d="M5 5l10 10M15 5L5 15"
                          stroke="currentColor"
                          strokeWidth="2"
                          strokeLinecap="round"
                        />
                      </svg>
                    </button>
                  </li>
                );
              })}
          </ul>
        </>
      ) : null}
      {listError ? <p className="mt-2 text-sm font-medium text-red-700">{listError}</p> : null}
      <Button
        variant="subtle"
        size="sm"
        className="mt-3"
        disabled={disabled || value.length >= PROFILE_LIMITS.skills}
        onClick={() => {
          focusRow.current = value.length;
          onChange([...value, { name: '', level: 'beginner' }]);
        }}
      >
        + Add a {noun}
      </Button>
    </fieldset>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
