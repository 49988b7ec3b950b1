// One snapshot in flight per socket: requests that arrive meanwhile wait, and each goes out only once the
// one before it has left for the network. The whole path under a flood: test/load/snapshots.test.ts.
import { expect, it } from 'vitest';
import { SnapshotLine } from '../../hub/core/snapshotLine';

function line() {
  const sent: string[] = [];
  /** What was sent so far left the socket: the next request may go. */
  const left: Array<() => void> = [];
  let open = true;
  const snapshots = new SnapshotLine<string>(
    (request) => sent.push(request),
    (then) => left.push(then),
    () => open,
  );
  return { snapshots, sent, leave: () => left.shift()?.(), close: () => (open = false), waitingToLeave: () => left.length };
}

it('sends the first request at once and each later one only after the one before has left', () => {
  const { snapshots, sent, leave } = line();
  snapshots.ask('first');
  snapshots.ask('second');
  snapshots.ask('third');
  expect(sent).toEqual(['first']);
  leave();
  expect(sent).toEqual(['first', 'second']);
  leave();
  expect(sent).toEqual(['first', 'second', 'third']);
  leave();
  // Empty again: the next request goes at once.
  snapshots.ask('fourth');
  expect(sent).toEqual(['first', 'second', 'third', 'fourth']);
});

it('drops what waits for a socket that has gone, and starts afresh', () => {
  const { snapshots, sent, leave, close, waitingToLeave } = line();
  snapshots.ask('first');
  snapshots.ask('second');
  close();
  leave();
  expect(sent).toEqual(['first']);
  expect(waitingToLeave()).toBe(0);
  snapshots.ask('third');
  expect(sent).toEqual(['first', 'third']);
});
