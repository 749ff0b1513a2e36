import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { envResult } from '@/config/env';
import './index.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

if (envResult.ok) {
  // The app (and the Firebase SDKs) load only with a valid configuration.
  const { App, routerReady } = await import('./app/app');
  // A page the server rendered (publicPage, docs/rendering.md) stays painted until the route's page
  // and its first data are ready, so React's first render replaces it with the same page: no
  // loading state in between, nothing moves.
  if (container.dataset.prerendered) {
    await routerReady();
    delete container.dataset.prerendered;
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
