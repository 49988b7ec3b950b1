// The changes of one commit as one. Patches are made from the database once the whole batch has committed,
// so each audience gets one patch with every ticket, counter, case and call the batch touched, in their
// final state: twenty calls at once are one patch to each screen, not twenty (each but the last repeating
// the same queue lengths).
//
// The merge goes by the kind of each value, never by its name: a field added to `Change` merges as its kind
// does without a line here, and a field of a kind with no rule does not compile (`mergeChanges`'s bound).
import type { Change } from '../context';

/** The kinds of value a change may carry. A new kind needs its rule in RULES: the compiler asks for it. */
interface Kinds {
  /** Something of a kind changed (`waiting`, `settings`, …). */
  flag: boolean;
  /** Names of what changed: ticket ids, audiences. */
  names: readonly (number | string)[];
  /** Things that happened, each worth telling: calls. */
  records: readonly object[];
}

/** A value of a kind that merges. */
export type Mergeable = Kinds[keyof Kinds];

/** A change whose every field is of a kind that merges. */
export type MergeableChange<C> = { [K in keyof C]?: Mergeable };

interface Rule<V> {
  holds: (value: unknown) => value is V;
  /** One field's values, in commit order, as one; undefined when together they say nothing. */
  merge: (values: readonly V[]) => V | undefined;
}

const isList = (value: unknown): value is readonly unknown[] => Array.isArray(value);
const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length ? list : undefined);

/** Tried in this order. An empty list says nothing, whichever rule takes it. */
const RULES: { [K in keyof Kinds]: Rule<Kinds[K]> } = {
  // It changed if any step says so.
  flag: {
    holds: (value) => typeof value === 'boolean',
    merge: (values) => values.some(Boolean) || undefined,
  },
  // Each once, in the order first named: naming a ticket twice says nothing more.
  names: {
    holds: (value) => isList(value) && value.every((item) => typeof item === 'number' || typeof item === 'string'),
    merge: (values) => nonEmpty([...new Set(values.flat())]),
  },
  // Every one, in order: a ticket called and recalled within one commit is announced twice.
  records: {
    holds: (value) => isList(value) && value.every((item) => typeof item === 'object' && item !== null),
    merge: (values) => nonEmpty(values.flat()),
  },
};

function mergeField(key: string, values: readonly unknown[]): Mergeable | undefined {
  for (const rule of Object.values(RULES) as Rule<Mergeable>[]) {
    if (values.every(rule.holds)) return rule.merge(values);
  }
  // Unreachable for any change that compiles: the bound on `mergeChanges` admits mergeable fields only.
  throw new TypeError(`no merge rule for the change field ${key}`);
}

/** The changes of one commit as one change; undefined when no step returned one. */
export function mergeChanges<C extends MergeableChange<C> = Change>(changes: readonly (C | undefined)[]): C | undefined {
  const present = changes.filter((c) => c !== undefined) as Record<string, unknown>[];
  if (!present.length) return undefined;
  const merged: Record<string, Mergeable> = {};
  for (const key of new Set(present.flatMap((c) => Object.keys(c)))) {
    const value = mergeField(key, present.map((c) => c[key]).filter((v) => v !== undefined));
    if (value !== undefined) merged[key] = value;
  }
  return merged as C;
}
