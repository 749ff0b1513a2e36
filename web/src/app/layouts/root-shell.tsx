import { useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router';

/** How long after a navigation a replaced heading (skeleton → loaded page) gets the focus back. */
const REFOCUS_WINDOW_MS = 10_000;

/**
 * Moves focus to the new page's h1 after client-side navigation, so it is announced. Pages that
 * load in place swap their heading (a skeleton's "Loading…" h1 for the loaded one), which drops
 * focus to <body>: while the focused heading is gone and nothing else took the focus, the new h1
 * (or the main landmark) gets it back — for a few seconds after the navigation, not afterwards.
 */
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
    let focused: HTMLElement | null = null;
    const focusTarget = () =>
      document.querySelector<HTMLElement>('#main-content h1') ?? document.getElementById('main-content');
    const focus = (element: HTMLElement) => {
      if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
      element.focus({ preventScroll: true });
      focused = element;
    };
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('#main-content h1');
      if (heading) {
        focus(heading);
      } else if (tries++ < 60) {
        frame = requestAnimationFrame(focusHeading);
      } else {
        const main = document.getElementById('main-content');
        if (main) focus(main);
      }
    };
    frame = requestAnimationFrame(focusHeading);

    const lost = () => {
      const active = document.activeElement;
      return focused !== null && !focused.isConnected && (active === null || active === document.body);
    };
    const observer = new MutationObserver(() => {
      if (!lost()) return;
      const next = focusTarget();
      if (next) focus(next);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const stop = window.setTimeout(() => observer.disconnect(), REFOCUS_WINDOW_MS);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.clearTimeout(stop);
    };
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
