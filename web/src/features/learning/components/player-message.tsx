import type { ReactNode } from 'react';

/** A full-page message in place of the player (course or lecture not found, not enrolled…). */
export function PlayerMessage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 text-center sm:px-6">
      <h1 tabIndex={-1} className="text-2xl font-bold text-stone-900">
        {title}
      </h1>
      <div className="mt-3 text-stone-700">{children}</div>
    </div>
  );
}
