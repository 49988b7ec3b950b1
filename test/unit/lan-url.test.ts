// Without a public address set, the ticket's QR points at the hub's first LAN address, or nowhere.
import type { NetworkInterfaceInfo } from 'node:os';
import { expect, it } from 'vitest';
import { lanUrl } from '../../hub/visitor';

const net = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) => ({ address, family, internal }) as NetworkInterfaceInfo;
const interfaces = {
  lo: [net('127.0.0.1', 'IPv4', true), net('::1', 'IPv6', true)],
  eth0: [net('fe80::1', 'IPv6', false), net('192.168.1.10', 'IPv4', false)],
  wlan0: [net('10.0.0.5', 'IPv4', false)],
};

it("takes the first non-loopback IPv4 address and the hub's port", () => {
  expect(lanUrl({ address: '0.0.0.0', family: 'IPv4', port: 7400 }, interfaces)).toBe('http://192.168.1.10:7400');
});

it('has none when the hub listens on loopback only, or the machine has no LAN address', () => {
  expect(lanUrl({ address: '127.0.0.1', family: 'IPv4', port: 7400 }, interfaces)).toBeNull();
  expect(lanUrl({ address: '0.0.0.0', family: 'IPv4', port: 7400 }, { lo: interfaces.lo })).toBeNull();
  expect(lanUrl(null, interfaces)).toBeNull();
});
