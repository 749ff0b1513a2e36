import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/**
 * The last line of defence: if rendering fails outside any route's errorElement (providers,
 * router set-up), show a plain page with a way out instead of a blank screen.
 */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('SkillVerse crashed', error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center gap-4 px-6 text-center">
        <h1 className="text-2xl font-bold text-stone-900">Something went wrong</h1>
        <p className="text-stone-700">
          SkillVerse hit an unexpected error. Reloading the page usually fixes it; your saved work is safe.
        </p>
        <div className="flex justify-center gap-3">
          <button
            type="button"
            onClick={() => window.location.reload()}
            className="h-10 rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700"
          >
            Reload the page
          </button>
          <a
            href="/"
            className="inline-flex h-10 items-center rounded-lg border border-stone-300 bg-white px-4 text-sm font-semibold text-stone-800"
          >
            Go to the home page
          </a>
        </div>
      </main>
    );
  }
}
