import { useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router-dom';

/** Moves focus to the new page's h1 after client-side navigation, so it is announced. */
function useRouteFocus() {
  const { pathname } = useLocation();
  const shown = useRef<string | null>(null);
  useEffect(() => {
    const previous = shown.current;
    shown.current = pathname;
    // Not on the first page load (the browser starts at the top of the document), only on changes.
    if (previous === null || previous === pathname) return;
    let frame = 0;
    let tries = 0;
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('#main-content h1');
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
      } else if (tries++ < 60) {
        frame = requestAnimationFrame(focusHeading);
      } else {
        document.getElementById('main-content')?.focus({ preventScroll: true });
      }
    };
    frame = requestAnimationFrame(focusHeading);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}

/** Wraps every route: skip link, navigation progress, focus management, scroll restoration. */
export function RootShell() {
  const navigation = useNavigation();
  useRouteFocus();
  return (
    <>
      <a
        href="#main-content"
        className="sr-only rounded-lg bg-white font-semibold text-brand-800 focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:px-4 focus:py-2 focus:shadow-lg"
      >
        Skip to content
      </a>
      <div
        aria-hidden="true"
        className={
          navigation.state === 'idle'
            ? 'hidden'
            : 'fixed inset-x-0 top-0 z-50 h-0.5 animate-pulse bg-brand-600 motion-reduce:animate-none'
        }
      />
      <Outlet />
      <ScrollRestoration />
    </>
  );
}
