import { createContext, type ReactNode, useContext, useId } from 'react';
import { cn } from '@/lib/cn';

interface FieldControl {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

const FieldContext = createContext<FieldControl | null>(null);

/** Read by Input, Textarea and Select so the label, hint and error are wired up automatically. */
export function useFieldControl(): FieldControl | null {
  return useContext(FieldContext);
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Shows "(optional)" after the label. */
  optional?: boolean;
  className?: string;
  /** Visually hides the label (it stays the accessible name). */
  labelHidden?: boolean;
  /** Use a specific id for the control (otherwise one is generated). */
  id?: string;
  children: ReactNode;
}

/** A label, an optional hint, the control, and its error message (announced politely). */
export function Field({ label, hint, error, optional, className, labelHidden, id, children }: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = `${controlId}-error`;
  const describedBy = [hintId, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <label
        htmlFor={controlId}
        className={cn('text-sm font-medium text-stone-800', labelHidden && 'sr-only')}
      >
        {label}
        {optional ? <span className="font-normal text-stone-600"> (optional)</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <FieldContext.Provider value={{ id: controlId, describedBy, invalid: Boolean(error) }}>
        {children}
      </FieldContext.Provider>
      <p
        id={errorId}
        aria-live="polite"
        className={cn('text-sm font-medium text-red-700', !error && 'sr-only')}
      >
        {error ?? ''}
      </p>
    </div>
  );
}
