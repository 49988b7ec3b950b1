// A password check or hash between two transactions (see hub/passwords.ts): signing in, changing a
// password, and an admin's new account or reset all wait for the hashing pool the same way.
import { DomainError } from '../../shared/protocol/errors';
import type { ClientEventName } from '../../shared/protocol/schemas';
import type { Step } from '../context';
import { HashingBusy } from '../passwords';

/** Runs a password check or hash after the first transaction; a full line of checks is refused as busy. */
export function afterHashing<T, E extends ClientEventName>(
  work: () => Promise<T>,
  then: (result: T) => Step<E>,
): { io: () => Promise<Step<E>> } {
  return {
    io: () =>
      work().then(then, (e: unknown) => {
        if (!(e instanceof HashingBusy)) throw e;
        return () => {
          throw new DomainError('PASSWORD_CHECK_BUSY');
        };
      }),
  };
}
