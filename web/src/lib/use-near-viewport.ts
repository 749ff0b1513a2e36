import { type RefObject, useEffect, useRef, useState } from 'react';

/**
 * Whether the element has come within `rootMargin` of the viewport (and stays `true` after). For
 * sections below the fold whose data can wait until the reader scrolls towards them: a visitor who
 * reads the top of the page and leaves costs no listener, no read and no rendering for them.
 * Without IntersectionObserver (old browsers, jsdom) it is `true` at once.
 */
export function useNearViewport<T extends Element>(rootMargin = '600px'): [RefObject<T | null>, boolean] {
  const ref = useRef<T | null>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, rootMargin]);
  return [ref, near];
}
