import { Outlet } from 'react-router';
import { EmailVerificationBanner } from '@/features/auth/components/email-verification-banner';
import { AccountStatusBanner } from './account-status-banner';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/** Public pages and signed-in pages without a sidebar. */
export function MainLayout() {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <AccountStatusBanner />
      <EmailVerificationBanner />
      <main id="main-content" tabIndex={-1} className="flex-1 outline-none">
        <Outlet />
      </main>
      <SiteFooter />
    </div>
  );
}
