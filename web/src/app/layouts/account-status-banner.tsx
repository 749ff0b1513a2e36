import { Alert } from '@/components/ui/alert';
import { useAuth } from '@/lib/auth/auth-context';

/** Suspended and banned accounts can read but not write: say so on every page. */
export function AccountStatusBanner() {
  const { status } = useAuth();
  if (!status || status === 'active') return null;
  return (
    <div className="mx-auto max-w-7xl px-3 pt-4 sm:px-6">
      <Alert
        tone="warning"
        title={status === 'banned' ? 'Your account is banned' : 'Your account is suspended'}
      >
        {status === 'banned'
          ? 'You can still browse public pages, but you can’t post, enrol, message or change anything.'
          : 'While it is suspended you can browse, but you can’t post, enrol, message or change anything. Check your notifications or contact support to find out more.'}
      </Alert>
    </div>
  );
}
