import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';

/** The centred card every auth page uses: heading, short intro, content, footer links. */
export function AuthCard({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="w-full max-w-md">
      <Card className="px-5 py-7 sm:px-8">
        <h1 tabIndex={-1} className="text-2xl font-bold tracking-tight text-stone-900">
          {title}
        </h1>
        {description ? <p className="mt-1 text-stone-600">{description}</p> : null}
        <div className="mt-6">{children}</div>
      </Card>
      {footer ? <div className="mt-6 text-center text-sm text-stone-700">{footer}</div> : null}
    </div>
  );
}
