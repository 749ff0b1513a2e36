import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';
import { useFieldControl } from './field';

export const controlClasses = (invalid: boolean, className?: string) =>
  cn(
    'block w-full rounded-lg border bg-white px-3 text-base text-stone-900 shadow-sm sm:text-sm',
    'placeholder:text-stone-500 disabled:cursor-not-allowed disabled:bg-stone-100 disabled:text-stone-500',
    'focus-visible:border-brand-600',
    invalid ? 'border-red-600' : 'border-stone-300 hover:border-stone-400',
    className,
  );

export function Input({ className, id, ...props }: ComponentProps<'input'>) {
  const field = useFieldControl();
  const invalid = field?.invalid ?? false;
  return (
    <input
      id={id ?? field?.id}
      aria-describedby={field?.describedBy}
      aria-invalid={invalid || undefined}
      className={controlClasses(invalid, cn('h-10', className))}
      {...props}
    />
  );
}
