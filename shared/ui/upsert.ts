// Patches carry lists as upserts by id: changed items replace theirs in place, new ones go at the end.
export function upsert<T extends { id: number }>(list: readonly T[], changed: readonly T[] | undefined): T[] {
  if (!changed?.length) return list as T[];
  const byId = new Map(changed.map((x) => [x.id, x]));
  const kept = list.map((x) => byId.get(x.id) ?? x);
  const added = changed.filter((x) => !list.some((y) => y.id === x.id));
  return [...kept, ...added];
}
