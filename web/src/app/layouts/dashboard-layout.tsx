import { NavLink, Outlet } from 'react-router';
import { cn } from '@/lib/cn';
import { EmailVerificationBanner } from '@/features/auth/components/email-verification-banner';
import { AccountStatusBanner } from './account-status-banner';
import { useAuth } from '@/lib/auth/auth-context';
import { accountNav, mainNav, visibleNav } from './nav-items';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/** Signed-in account pages: a sidebar on desktop (the header's drawer covers mobile). */
export function DashboardLayout() {
  const { user, claims } = useAuth();
  // The main areas the account list does not already hold (Courses, Educator, Admin).
  const more = visibleNav(mainNav, {
    signedIn: Boolean(user),
    educator: claims.educator,
    admin: claims.admin,
  }).filter((item) => !accountNav.some((a) => a.to === item.to));
  const items = [...accountNav, ...more];
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader primaryNav={false} />
      <AccountStatusBanner />
      <EmailVerificationBanner />
      <div className="mx-auto flex w-full max-w-7xl flex-1 gap-8 px-3 sm:px-6">
        <aside className="hidden w-56 shrink-0 py-8 md:block">
          <nav aria-label="Account" className="sticky top-24">
            <ul className="flex flex-col gap-1">
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    className={({ isActive }) =>
                      cn(
                        'block rounded-lg px-3 py-2 text-sm font-medium',
                        isActive
                          ? 'bg-brand-50 text-brand-800'
                          : 'text-stone-700 hover:bg-stone-100 hover:text-stone-900',
                      )
                    }
                  >
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </aside>
        <main id="main-content" tabIndex={-1} className="min-w-0 flex-1 py-6 outline-none sm:py-8">
          <Outlet />
        </main>
      </div>
      <SiteFooter />
    </div>
  );
}
