import { useCallback, useRef, useState } from 'react';
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** The first message per field path ("skills.2.name"), for rendering next to each input. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    out[key] ??= issue.message;
  }
  return out;
}

/** Moves focus to the first invalid control inside `form` (marked aria-invalid="true"). */
export function focusFirstInvalid(form: HTMLElement | null): void {
  requestAnimationFrame(() => {
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}

/**
 * Form state validated by a zod schema: errors appear after the first submit attempt and then
 * update as the person types.
 */
export function useZodForm<Input extends object, Output>(schema: z.ZodType<Output, Input>, initial: Input) {
  const [values, setValuesState] = useState<Input>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const attempted = useRef(false);

  const check = useCallback(
    (next: Input) => {
      const result = schema.safeParse(next);
      setErrors(result.success ? {} : fieldErrors(result.error));
      return result;
    },
    [schema],
  );

  const setValues = useCallback(
    (update: (prev: Input) => Input) => {
      setValuesState((prev) => {
        const next = update(prev);
        if (attempted.current) queueMicrotask(() => check(next));
        return next;
      });
    },
    [check],
  );

  const set = useCallback(
    <K extends keyof Input>(key: K, value: Input[K]) => setValues((prev) => ({ ...prev, [key]: value })),
    [setValues],
  );

  /** Validates everything; returns the parsed output, or null (errors are then shown). */
  const validate = useCallback((): Output | null => {
    attempted.current = true;
    const result = check(values);
    return result.success ? result.data : null;
  }, [check, values]);

  const reset = useCallback((next: Input) => {
    attempted.current = false;
    setErrors({});
    setValuesState(next);
  }, []);

  return { values, set, setValues, errors, setErrors, validate, reset };
}
