import { useState } from 'react';
import { cn } from '@/lib/cn';

const sizes = { sm: 'size-8 text-xs', md: 'size-10 text-sm', lg: 'size-16 text-xl', xl: 'size-24 text-3xl' };

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]?.[0], parts.at(-1)?.[0]] : [parts[0]?.[0]];
  return letters.join('').toUpperCase() || '?';
}

/**
 * A round photo, or the person's initials when there is no photo (or it fails to load).
 * Decorative by default: the name is usually next to it. Pass `alt` when it stands alone.
 */
export function Avatar({
  name,
  src,
  size = 'md',
  alt = '',
  className,
}: {
  name: string;
  src?: string | null;
  size?: keyof typeof sizes;
  alt?: string;
  className?: string;
}) {
  const [failed, setFailed] = useState<string | null>(null);
  const showImage = Boolean(src) && failed !== src;
  const className_ = cn(
    'inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full bg-brand-100 font-semibold text-brand-800',
    sizes[size],
    className,
  );
  const content = showImage ? (
    <img
      src={src ?? undefined}
      alt=""
      className="size-full object-cover"
      referrerPolicy="no-referrer"
      onError={() => setFailed(src ?? null)}
    />
  ) : (
    initials(name)
  );
  return alt ? (
    <span role="img" aria-label={alt} className={className_}>
      {content}
    </span>
  ) : (
    <span aria-hidden="true" className={className_}>
      {content}
    </span>
  );
}
