import { useRef } from 'react';

/**
 * Stable React keys for an editable list whose rows have no ids of their own (form rows).
 * Call `added()` after appending a row and `removed(index)` when deleting one; if the list is
 * replaced from outside (reset), keys are extended or trimmed to its length.
 */
export function useRowKeys(length: number) {
  const next = useRef(0);
  const keys = useRef<number[]>([]);
  while (keys.current.length < length) keys.current.push(next.current++);
  if (keys.current.length > length) keys.current.length = length;
  return {
    keys: keys.current,
    removed(index: number) {
      keys.current.splice(index, 1);
    },
  };
}
