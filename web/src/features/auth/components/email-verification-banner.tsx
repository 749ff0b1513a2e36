import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useAuth } from '@/lib/auth/auth-context';
import { refreshEmailVerification, sendVerificationEmail } from '../api/email-verification';

type Notice = { tone: 'info' | 'warning' | 'success'; text: string } | null;

/**
 * Until the email address is verified: what waits on it, a "resend" and an "I've verified —
 * refresh" button. Shown on every page for email/password accounts.
 */
export function EmailVerificationBanner() {
  const { user } = useAuth();
  const [busy, setBusy] = useState<'resend' | 'refresh' | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [verified, setVerified] = useState(false);
  if (!user?.email || user.emailVerified || verified) return null;

  const resend = async () => {
    setBusy('resend');
    setNotice(null);
    try {
      await sendVerificationEmail(user);
      setNotice({ tone: 'info', text: `We sent a new link to ${user.email}.` });
    } catch (error) {
      const code = (error as { code?: string }).code;
      setNotice({
        tone: 'warning',
        text:
          code === 'auth/too-many-requests'
            ? 'We sent a link a moment ago; wait a minute before asking for another.'
            : 'We could not send the email. Check your connection and try again.',
      });
    } finally {
      setBusy(null);
    }
  };

  const refresh = async () => {
    setBusy('refresh');
    setNotice(null);
    try {
      if (await refreshEmailVerification(user)) {
        setVerified(true);
      } else {
        setNotice({
          tone: 'warning',
          text: `Not verified yet. Open the link in the email we sent to ${user.email}, then try again.`,
        });
      }
    } catch {
      setNotice({ tone: 'warning', text: 'We could not check just now. Try again in a moment.' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="mx-auto max-w-7xl px-3 pt-4 sm:px-6" data-testid="email-verification-banner">
      <Alert tone="warning" title="Verify your email address">
        <p>
          We sent a link to <strong>{user.email}</strong>. You can browse and learn free courses now; to buy
          courses, write reviews, request skill exchanges or count as someone’s referral, open the link first.
        </p>
        <div className="mt-3 flex flex-wrap gap-2">
          <Button size="sm" variant="secondary" onClick={resend} loading={busy === 'resend'}>
            Resend email
          </Button>
          <Button size="sm" onClick={refresh} loading={busy === 'refresh'}>
            I’ve verified — refresh
          </Button>
        </div>
        <p role="status" aria-live="polite" className="mt-2 text-sm">
          {notice?.text ?? ''}
        </p>
      </Alert>
    </div>
  );
}
