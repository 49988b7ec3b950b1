// Failed sign-ins are limited per username and address: a stranger guessing `admin`'s password from one
// machine must not keep the real admin out from another.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, signIn } from '../helpers/clients';
import { ADMIN_PASSWORD, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub.dispose();
});

it('lets the right password in from another address after five wrong ones for admin', async () => {
  const stranger = await connect(hub.url, {}, '127.0.0.2');
  for (let i = 0; i < 5; i++) {
    expect(await stranger.request('auth:login', { username: 'admin', password: `tebakan-${i}` })).toMatchObject({
      ok: false,
      error: { code: 'LOGIN_FAILED' },
    });
  }
  stranger.close();
  const admin = await signIn(hub.url, 'admin', ADMIN_PASSWORD, '127.0.0.3');
  expect(admin.snapshots[0]).toMatchObject({ audience: 'staff', me: { username: 'admin' } });
  admin.close();
});

it('answers an unknown username exactly as a wrong password, so neither tells which accounts exist', async () => {
  const guest = await connect(hub.url, {}, '127.0.0.4');
  const unknown = await guest.request('auth:login', { username: 'tidak-ada', password: ADMIN_PASSWORD });
  const wrong = await guest.request('auth:login', { username: 'admin', password: 'tebakan' });
  guest.close();
  expect(unknown).toMatchObject({ ok: false, error: { code: 'LOGIN_FAILED' } });
  expect(unknown).toEqual(wrong);
});
