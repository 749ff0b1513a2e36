import { useState } from 'react';
import { Icon } from '@/components/icon';
import { cn } from '@/lib/cn';

/**
 * A 16:9 course image, or a neutral placeholder when there is none (or it fails to load). Lazy
 * unless `priority`: an image above the fold (the course page's) loads at once and first, since it
 * is often the page's largest paint.
 */
export function CourseThumbnail({
  src,
  className,
  priority = false,
}: {
  src: string | null;
  className?: string;
  priority?: boolean;
}) {
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <div className={cn('aspect-video w-full overflow-hidden bg-brand-50', className)}>
      {src && failed !== src ? (
        <img
          src={src}
          alt=""
          loading={priority ? 'eager' : 'lazy'}
          fetchPriority={priority ? 'high' : 'auto'}
          className="size-full object-cover"
          referrerPolicy="no-referrer"
          onError={() => setFailed(src)}
        />
      ) : (
        <div className="flex size-full items-center justify-center text-brand-300">
          <Icon name="book" className="size-10" />
        </div>
      )}
    </div>
  );
}
