import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { retryState } from '@/lib/call-retry';
import { cn } from '@/lib/cn';

type Tone = 'success' | 'error' | 'info';

interface Toast {
  id: number;
  title: string;
  description?: string | undefined;
  tone: Tone;
}

interface ToastApi {
  toast: (toast: { title: string; description?: string; tone?: Tone }) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>');
  return api;
}

const DURATION_MS = 6000;

/**
 * Toasts in two live regions that are always in the page (so screen readers announce what is
 * added): polite for success and info, assertive for errors.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id));
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
  }, []);

  const toast = useCallback<ToastApi['toast']>(
    ({ title, description, tone = 'success' }) => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-3), { id, title, description, tone }]);
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), tone === 'error' ? DURATION_MS * 2 : DURATION_MS),
      );
    },
    [dismiss],
  );

  useEffect(() => {
    const map = timers.current;
    return () => {
      for (const timer of map.values()) clearTimeout(timer);
    };
  }, []);

  const api = useMemo(() => ({ toast }), [toast]);
  // A callable is being tried again after a busy moment (lib/call-retry.ts): say so until it ends.
  const retrying = useSyncExternalStore(retryState.subscribe, retryState.get, retryState.get) > 0;
  const region = (tones: Tone[], live: 'polite' | 'assertive') => (
    // Never display:none (no `hidden`/`empty:hidden`): a region hidden until its first toast is
    // not in the accessibility tree when the toast arrives, so screen readers miss it.
    <div aria-live={live} aria-atomic="false" data-toast-region={live} className="flex flex-col gap-2">
      {live === 'polite' && retrying ? (
        <div
          data-testid="still-saving"
          className="pointer-events-auto flex items-center gap-3 rounded-xl border border-stone-200 bg-white px-4 py-3 text-sm shadow-lg"
        >
          <span aria-hidden="true" className="size-2.5 shrink-0 animate-pulse rounded-full bg-brand-600" />
          <p className="font-semibold text-stone-900">Still saving… the server is busy, trying again.</p>
        </div>
      ) : null}
      {toasts
        .filter((t) => tones.includes(t.tone))
        .map((t) => (
          <div
            key={t.id}
            className={cn(
              'pointer-events-auto flex items-start gap-3 rounded-xl border bg-white px-4 py-3 shadow-lg',
              t.tone === 'error'
                ? 'border-red-200'
                : t.tone === 'success'
                  ? 'border-emerald-200'
                  : 'border-stone-200',
            )}
          >
            <span
              aria-hidden="true"
              className={cn(
                'mt-1 size-2.5 shrink-0 rounded-full',
                t.tone === 'error' ? 'bg-red-600' : t.tone === 'success' ? 'bg-emerald-600' : 'bg-brand-600',
              )}
            />
            <div className="min-w-0 flex-1 text-sm">
              <p className="font-semibold text-stone-900">{t.title}</p>
              {t.description ? <p className="mt-0.5 text-stone-700">{t.description}</p> : null}
            </div>
            <button
              type="button"
              onClick={() => dismiss(t.id)}
              className="-m-1 rounded p-1 text-stone-500 hover:text-stone-800"
              aria-label="Dismiss notification"
            >
              <svg viewBox="0 0 20 20" className="size-4" aria-hidden="true">
                <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
            </button>
          </div>
        ))}
    </div>
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end">
        <div className="flex w-full max-w-sm flex-col gap-2">
          {region(['success', 'info'], 'polite')}
          {region(['error'], 'assertive')}
        </div>
      </div>
    </ToastContext.Provider>
  );
}
