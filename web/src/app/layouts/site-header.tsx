import { useState } from 'react';
import { Link, NavLink } from 'react-router-dom';
import { Button, ButtonLink } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Logo } from '@/components/logo';
import { paths } from '@/config/paths';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { useAuth } from '@/lib/auth/auth-context';
import { cn } from '@/lib/cn';
import { accountNav, mainNav, visibleNav } from './nav-items';
import { useSignOut } from './use-sign-out';
import { UserMenu } from './user-menu';

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  cn(
    'rounded-lg px-3 py-2 text-sm font-medium',
    isActive ? 'bg-brand-50 text-brand-800' : 'text-stone-700 hover:bg-stone-100 hover:text-stone-900',
  );

/**
 * The top bar: logo, main navigation (desktop), notification bell and account menu; on small
 * screens a menu button opens the same navigation in a drawer.
 */
export function SiteHeader({ primaryNav = true }: { primaryNav?: boolean }) {
  const { user, loading, claims } = useAuth();
  const main = visibleNav(mainNav, {
    signedIn: Boolean(user),
    educator: claims.educator,
    admin: claims.admin,
  });
  const drawerItems = [...main.filter((item) => !accountNav.some((a) => a.to === item.to)), ...accountNav];
  const [drawerOpen, setDrawerOpen] = useState(false);
  const signOut = useSignOut();

  return (
    <header className="sticky top-0 z-30 border-b border-stone-200 bg-white/95 backdrop-blur supports-backdrop-filter:bg-white/80">
      <div className="mx-auto flex h-16 max-w-7xl items-center gap-2 px-3 sm:gap-4 sm:px-6">
        {user ? (
          <button
            type="button"
            className="inline-flex size-10 items-center justify-center rounded-lg text-stone-700 hover:bg-stone-100 md:hidden"
            aria-label="Open menu"
            aria-expanded={drawerOpen}
            aria-haspopup="dialog"
            onClick={() => setDrawerOpen(true)}
          >
            <svg viewBox="0 0 24 24" className="size-6" aria-hidden="true">
              <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          </button>
        ) : null}
        <Logo />
        {primaryNav && !loading ? (
          <nav
            aria-label="Main"
            className={cn('ml-4 items-center gap-1', user ? 'hidden md:flex' : 'hidden sm:flex')}
          >
            {main.map((item) => (
              <NavLink key={item.to} to={item.to} className={navLinkClass}>
                {item.label}
              </NavLink>
            ))}
          </nav>
        ) : null}
        <div className="ml-auto flex items-center gap-1 sm:gap-2">
          {loading ? null : user ? (
            <>
              <NotificationBell uid={user.uid} />
              <div className="hidden md:block">
                <UserMenu />
              </div>
            </>
          ) : (
            <>
              <Link
                to={paths.signIn.href()}
                className="rounded-lg px-2 py-2 text-sm font-semibold whitespace-nowrap text-stone-800 hover:bg-stone-100 sm:px-3"
              >
                Sign in
              </Link>
              <ButtonLink to={paths.signUp.href()} size="sm" className="whitespace-nowrap">
                Create account
              </ButtonLink>
            </>
          )}
        </div>
      </div>

      {user ? (
        <Dialog variant="drawer" open={drawerOpen} onClose={() => setDrawerOpen(false)} title="Menu">
          <nav aria-label="Menu">
            <ul className="flex flex-col gap-1">
              {drawerItems.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    className={({ isActive }) => cn(navLinkClass({ isActive }), 'block py-3 text-base')}
                    onClick={() => setDrawerOpen(false)}
                  >
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="mt-4 border-t border-stone-100 pt-4">
            <p className="truncate px-3 text-sm text-stone-600">{user.email}</p>
            <Button
              variant="secondary"
              block
              className="mt-3"
              onClick={() => {
                setDrawerOpen(false);
                void signOut();
              }}
            >
              Sign out
            </Button>
          </div>
        </Dialog>
      ) : null}
    </header>
  );
}
