// A password check or hash between two transactions (hub/operations/passwordHashing.ts), with the hub's own
// bounded hashing line (hub/passwords.ts): its result reaches the step that records it, and a full line is a
// refusal the officer can act on ("try again"), not a request left hanging or an internal error.
import { expect, it } from 'vitest';
import { DomainError, errorMessage } from '../../shared/protocol/errors';
import type { HandlerContext } from '../../hub/context';
import { afterHashing } from '../../hub/operations/passwordHashing';
import { hashPassword, hashPasswordSync, verifyPassword } from '../../hub/passwords';

const COST = 1024;
// The steps below read nothing of the second transaction's context.
const secondTransaction = {} as HandlerContext;

it("gives the check's result to the step that records it", async () => {
  const stored = hashPasswordSync('sandi-hd1', COST);
  const seen: boolean[] = [];
  const step = await afterHashing(
    () => verifyPassword('sandi-hd1', stored),
    (valid) => () => {
      seen.push(valid);
      return { reply: {} };
    },
  ).io();
  expect(seen).toEqual([]);
  expect(step(secondTransaction)).toEqual({ reply: {} });
  expect(seen).toEqual([true]);
});

it('refuses as busy, in Bahasa Indonesia, a check that finds the line of checks full, and records nothing', async () => {
  // Two hashes run and 500 wait (hub/passwords.ts): the next one finds no place.
  const line = Array.from({ length: 502 }, (_, i) => hashPassword(`sandi-${i}`, COST));
  let recorded = false;
  const step = await afterHashing(
    () => hashPassword('sandi-baru', COST),
    () => () => {
      recorded = true;
      return { reply: {} };
    },
  ).io();
  await Promise.all(line);

  let refusal: unknown;
  try {
    step(secondTransaction);
  } catch (e) {
    refusal = e;
  }
  expect(refusal).toBeInstanceOf(DomainError);
  const { code, params } = refusal as DomainError;
  expect({ code, message: errorMessage(code, 'id', params) }).toEqual({
    code: 'PASSWORD_CHECK_BUSY',
    message: 'Server sedang sibuk memeriksa kata sandi. Coba lagi sebentar lagi.',
  });
  expect(recorded).toBe(false);
});

it('lets any other failure of the work fail the request, not pass as busy', async () => {
  const broken = new Error('scrypt: memory limit exceeded');
  await expect(afterHashing(() => Promise.reject(broken), () => () => ({ reply: {} })).io()).rejects.toBe(broken);
});
