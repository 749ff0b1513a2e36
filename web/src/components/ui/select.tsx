import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';
import { useFieldControl } from './field';
import { controlClasses } from './input';

export function Select({ className, id, children, ...props }: ComponentProps<'select'>) {
  const field = useFieldControl();
  const invalid = field?.invalid ?? false;
  return (
    <select
      id={id ?? field?.id}
      aria-describedby={field?.describedBy}
      aria-invalid={invalid || undefined}
      className={controlClasses(invalid, cn('h-10 pr-8', className))}
      {...props}
    >
      {children}
    </select>
  );
}
