import { FIRST_GOALS, type FirstGoal } from '@skillverse/domain/models';
import { useId } from 'react';
import { Icon, type IconName } from '@/components/icon';
import { cn } from '@/lib/cn';
import { FIRST_GOAL_COPY } from '../utils/labels';

type Choice = FirstGoal | 'none';

const OPTIONS: { value: Choice; title: string; description: string; icon: IconName }[] = [
  ...FIRST_GOALS.map((goal) => ({
    value: goal,
    title: FIRST_GOAL_COPY[goal].title,
    description: FIRST_GOAL_COPY[goal].description,
    icon: FIRST_GOAL_COPY[goal].icon,
  })),
  {
    value: 'none',
    title: 'Not sure yet',
    description: 'Go to your dashboard and look around first.',
    icon: 'compass',
  },
];

/** "What do you want to do first?" as a group of large radio cards. */
export function GoalPicker({
  value,
  onChange,
  disabled,
}: {
  value: FirstGoal | null;
  onChange: (goal: FirstGoal | null) => void;
  disabled?: boolean;
}) {
  const name = useId();
  const current: Choice = value ?? 'none';
  return (
    <fieldset>
      <legend className="sr-only">What do you want to do first?</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {OPTIONS.map((option) => {
          const id = `${name}-${option.value}`;
          const checked = current === option.value;
          return (
            <label
              key={option.value}
              htmlFor={id}
              className={cn(
                'relative flex cursor-pointer gap-3 rounded-xl border-2 bg-white p-4 transition-colors',
                'has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600',
                checked ? 'border-brand-600 bg-brand-50' : 'border-stone-200 hover:border-stone-300',
              )}
            >
              <input
                id={id}
                type="radio"
                name={name}
                value={option.value}
                checked={checked}
                disabled={disabled}
                aria-labelledby={`${id}-title`}
                aria-describedby={`${id}-description`}
                onChange={() => onChange(option.value === 'none' ? null : option.value)}
                className="mt-1 size-4 shrink-0 accent-brand-600 focus-visible:outline-none"
              />
              <span className="min-w-0">
                <span className="flex items-center gap-2 font-semibold text-stone-900">
                  <Icon name={option.icon} className="text-brand-700" />
                  <span id={`${id}-title`}>{option.title}</span>
                </span>
                <span id={`${id}-description`} className="mt-1 block text-sm text-stone-600">
                  {option.description}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
