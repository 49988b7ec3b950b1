// A button's "request under way" state: set while the work runs, cleared however it ends, so the
// button can be disabled and a double click sends one request.
import { useCallback, useState } from 'react';

export function usePending(): [boolean, <T>(work: () => Promise<T>) => Promise<T>] {
  const [pending, setPending] = useState(false);
  const run = useCallback(async <T,>(work: () => Promise<T>): Promise<T> => {
    setPending(true);
    try {
      return await work();
    } finally {
      setPending(false);
    }
  }, []);
  return [pending, run];
}
