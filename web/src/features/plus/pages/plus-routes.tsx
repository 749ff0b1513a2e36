import { LOCAL_PLUS_PORTAL_PATH } from '@skillverse/domain/contracts/plus-membership';
import { useLocation } from 'react-router';
import { ButtonLink } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { LocalPlusCheckoutPage, LocalPlusPortalPage } from './local-plus-pages';
import { PlusPage } from './plus-page';

/**
 * /plus/* in one lazy chunk (the routes table is on every page's first paint): the pricing and
 * membership page, and — in the emulator — the local checkout and portal, which need a signed-in user.
 */
export function PlusRoutes() {
  const { pathname } = useLocation();
  const { user, loading } = useAuth();
  const local = pathname.startsWith('/plus/checkout/local') || pathname.startsWith(LOCAL_PLUS_PORTAL_PATH);
  if (!local) return <PlusPage />;
  if (!user) {
    return loading ? null : (
      <div className="mx-auto max-w-xl px-4 py-10 sm:px-6">
        <h1 tabIndex={-1} className="text-2xl font-bold text-stone-900">
          Sign in to manage Plus
        </h1>
        <ButtonLink to={paths.signIn.href(`${pathname}${window.location.search}`)} className="mt-6">
          Sign in
        </ButtonLink>
      </div>
    );
  }
  return pathname.startsWith(LOCAL_PLUS_PORTAL_PATH) ? <LocalPlusPortalPage /> : <LocalPlusCheckoutPage />;
}
