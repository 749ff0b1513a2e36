import { friendlyError } from '@/lib/errors';
import { Alert } from './alert';
import { Button } from './button';

/** A read that failed: what could not load, why in plain words, and a retry. */
export function LoadError({ title, error, onRetry }: { title: string; error: unknown; onRetry: () => void }) {
  return (
    <Alert
      tone="error"
      title={title}
      action={
        <Button size="sm" variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      }
    >
      {friendlyError(error)}
    </Alert>
  );
}
