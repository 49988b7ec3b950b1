// A form's draft of something others may change at the same time. Until the user edits, it shows the live
// value; from the first edit it keeps the user's text and the revision they were looking at, which is what
// a save sends, so a save over someone else's newer change is refused (CASE_STALE) instead of overwriting it.
import { useState } from 'react';

export interface Draft<T> {
  value: T;
  /** The case revision this draft was based on. */
  base: number;
  dirty: boolean;
  set: (value: T) => void;
  /** Back to following the live value (after a save). */
  reset: () => void;
}

/**
 * `seen` counts the times the user reloaded the case after a refusal: a draft begun before the reload keeps
 * its text but is based on the revision the user has now seen.
 */
export function useDraft<T>(live: T, revision: number, seen = 0): Draft<T> {
  const [edit, setEdit] = useState<{ value: T; base: number; seen: number } | null>(null);
  const base = edit && edit.seen === seen ? edit.base : revision;
  return {
    value: edit ? edit.value : live,
    base,
    dirty: edit !== null,
    set: (value) => setEdit({ value, base, seen }),
    reset: () => setEdit(null),
  };
}
