import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';
import { useFieldControl } from './field';
import { controlClasses } from './input';

export function Textarea({ className, id, rows = 4, ...props }: ComponentProps<'textarea'>) {
  const field = useFieldControl();
  const invalid = field?.invalid ?? false;
  return (
    <textarea
      id={id ?? field?.id}
      rows={rows}
      aria-describedby={field?.describedBy}
      aria-invalid={invalid || undefined}
      className={controlClasses(invalid, cn('py-2', className))}
      {...props}
    />
  );
}
