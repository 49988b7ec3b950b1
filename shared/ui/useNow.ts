// A clock that ticks for components showing ages and waiting times ("12 mnt"), without each one keeping
// its own timer logic.
import { useEffect, useState } from 'react';

/** Milliseconds since the epoch, refreshed every `intervalMs`, shifted by `skewMs` (the hub's clock minus ours). */
export function useNow(intervalMs = 15_000, skewMs = 0): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now + skewMs;
}
