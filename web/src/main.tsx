import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { envResult } from '@/config/env';
import './index.css';

/**
 * React's first render replaces the server's markup with the same page. Someone who has already
 * tabbed into it (the skip link, a link in the hero) would lose their place: once the old nodes are
 * gone, the focus moves to the same element in the new page (same id, or same tag, href and text).
 */
function keepFocusThroughTakeOver(root: HTMLElement) {
  let last = root.contains(document.activeElement) ? document.activeElement : null;
  const remember = (event: FocusEvent) => {
    last = event.target instanceof Element ? event.target : null;
  };
  root.addEventListener('focusin', remember);
  const observer = new MutationObserver(() => {
    if (!last || last.isConnected) return;
    observer.disconnect();
    root.removeEventListener('focusin', remember);
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const before = last;
    const same = before.id
      ? document.getElementById(before.id)
      : [...root.querySelectorAll(before.tagName)].find(
          (el) =>
            el.getAttribute('href') === before.getAttribute('href') && el.textContent === before.textContent,
        );
    if (same instanceof HTMLElement) same.focus({ preventScroll: true });
  });
  observer.observe(root, { childList: true });
  // Nothing to carry over after the take-over has settled.
  window.setTimeout(() => {
    observer.disconnect();
    root.removeEventListener('focusin', remember);
  }, 10_000);
}

/** Ends the current task: the rest runs in a new one, after input and rendering had their turn. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

if (envResult.ok) {
  // The app (and the Firebase SDKs) load only with a valid configuration.
  const { App, routerReady } = await import('./app/app');
  // Evaluating the app's modules is one task; creating the router (it matches the URL and starts
  // the route's code and data) is the next, so neither holds the main thread for long on a phone.
  await yieldToBrowser();
  // A page the server rendered (publicPage, docs/rendering.md) stays painted until the route's page
  // and its first data are ready, so React's first render replaces it with the same page: no
  // loading state in between, nothing moves.
  if (container.dataset.prerendered) {
    await routerReady();
    delete container.dataset.prerendered;
    keepFocusThroughTakeOver(container);
  }
  // A transition: React renders the app in slices of a few milliseconds, yielding to the browser
  // between them (input, paint) instead of one long task; the page already shows its content.
  startTransition(() => {
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
} else {
  root.render(
    <main className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-bold text-stone-900">SkillVerse is not configured</h1>
      <p className="mt-3 text-stone-700">
        The web app needs these settings (VITE_* variables in <code>web/.env.local</code>, see{' '}
        <code>web/.env.example</code>):
      </p>
      <ul className="mt-3 list-disc pl-6 text-stone-800">
        {envResult.problems.map((problem) => (
          <li key={problem}>
            <code>{problem}</code>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-stone-700">
        To run against the local emulators instead, set <code>VITE_USE_EMULATORS=true</code>.
      </p>
    </main>,
  );
}
