import { lazy, Suspense } from 'react';
import { Link, NavLink } from 'react-router';
import { ButtonLink } from '@/components/ui/button';
import { Logo } from '@/components/logo';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { cn } from '@/lib/cn';
import { navLinkClass } from './nav-link-class';
import { accountNav, mainNav, visibleNav } from './nav-items';

// Only signed-in people see these, and Auth itself loads after the first paint, so their code
// (menus, the drawer dialog, the unread count listener) loads with them instead of with every page.
const NotificationBell = lazy(() =>
  import('@/features/notifications/components/notification-bell').then((m) => ({
    default: m.NotificationBell,
  })),
);
const UserMenu = lazy(() => import('./user-menu').then((m) => ({ default: m.UserMenu })));
const MobileMenu = lazy(() => import('./mobile-menu').then((m) => ({ default: m.MobileMenu })));

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

  return (
    <header className="sticky top-0 z-30 border-b border-stone-200 bg-white/95 backdrop-blur supports-backdrop-filter:bg-white/80">
      <div className="mx-auto flex h-16 max-w-7xl items-center gap-2 px-3 sm:gap-4 sm:px-6">
        {user ? (
          <Suspense fallback={<span className="size-10 md:hidden" aria-hidden="true" />}>
            <MobileMenu items={drawerItems} email={user.email} />
          </Suspense>
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
            <Suspense fallback={null}>
              <NotificationBell uid={user.uid} />
              <div className="hidden md:block">
                <UserMenu />
              </div>
            </Suspense>
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
    </header>
  );
}
