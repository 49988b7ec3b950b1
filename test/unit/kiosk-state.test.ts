// The kiosk's pure pieces: the device key in the address, and the store's updates from the hub.
import { describe, expect, it } from 'vitest';
import type { KioskPatch, KioskSnapshot } from '../../shared/protocol/events';
import { splitKey } from '../../kiosk/src/deviceKey';
import { fromPatch, fromSnapshot, initialState, useKiosk, withPrint } from '../../kiosk/src/store';
import type { IssuedTicket } from '../../shared/domain/types';

describe('splitKey', () => {
  it('takes the key out of the address and keeps everything else', () => {
    expect(splitKey('http://hub:7400/kiosk/?key=abc123&debug=1#x')).toEqual({ key: 'abc123', rest: 'http://hub:7400/kiosk/?debug=1#x' });
    expect(splitKey('http://hub:7400/kiosk/?key=a%2Bb')).toEqual({ key: 'a+b', rest: 'http://hub:7400/kiosk/' });
  });

  it('finds no key in an address without one, or with an empty one', () => {
    expect(splitKey('http://hub:7400/kiosk/')).toEqual({ key: null, rest: 'http://hub:7400/kiosk/' });
    expect(splitKey('http://hub:7400/kiosk/?key=').key).toBeNull();
  });
});

const SNAPSHOT: KioskSnapshot = {
  audience: 'kiosk',
  epoch: 'e1',
  rev: 3,
  serverTime: '2026-11-24T02:00:10.000Z',
  timeZone: 'Asia/Jakarta',
  office: { name: 'LPSE Kota Batam', address: 'Batam Centre' },
  services: [{ id: 1, code: 'A', name: 'Gangguan / Permasalahan', nameEn: '', sort: 0, askPriority: true, active: true }],
  waiting: { A: 2 },
  settings: { priorityEnabled: true, ticketHoldSeconds: 20, ticketFooter: 'Terima kasih', openingHours: 'always' },
  device: { id: 1, name: 'Kiosk Lobi', hasPrinter: true },
};

describe('kiosk store updates', () => {
  it('takes what the snapshot says, and the hub clock offset', () => {
    expect(fromSnapshot(SNAPSHOT, Date.parse('2026-11-24T02:00:00.000Z'))).toMatchObject({
      ready: true,
      setup: null,
      hasPrinter: true,
      clockOffsetMs: 10_000,
      waiting: { A: 2 },
      settings: { ticketHoldSeconds: 20 },
    });
  });

  it('applies only what a patch carries, and keeps everything else', () => {
    useKiosk.setState(initialState(), true);
    useKiosk.setState(fromSnapshot(SNAPSHOT, Date.parse('2026-11-24T02:00:00.000Z')));
    // A visitor part-way through taking a number, in English: no patch is about that.
    useKiosk.setState({ lang: 'en', askingPriorityFor: 'A' });
    const before = useKiosk.getState();
    // As the kiosk takes each patch from the hub (kiosk.ts): merged into the store.
    const receive = (p: Omit<KioskPatch, 'audience' | 'epoch'>) => useKiosk.setState(fromPatch({ audience: 'kiosk', epoch: 'e1', ...p }));

    const waiting = { A: 3, B: 1 };
    receive({ rev: 4, waiting });
    expect(useKiosk.getState()).toStrictEqual({ ...before, waiting });

    const services = [...SNAPSHOT.services, { id: 2, code: 'B', name: 'Konsultasi', nameEn: 'Consultation', sort: 1, askPriority: false, active: true }];
    const settings = { ...SNAPSHOT.settings, ticketHoldSeconds: 30 };
    receive({ rev: 5, services, settings });
    expect(useKiosk.getState()).toStrictEqual({ ...before, waiting, services, settings });

    const office = { name: 'LPSE Kota Batam', address: 'Jl. Engku Putri No. 1' };
    receive({ rev: 6, office });
    expect(useKiosk.getState()).toStrictEqual({ ...before, waiting, services, settings, office });
  });

  it("sets the print state only on the ticket it belongs to", () => {
    const shown = { issued: { ticket: { id: 7 } } as IssuedTicket, print: 'printing' as const };
    expect(withPrint(shown, 7, 'failed')).toEqual({ shown: { ...shown, print: 'failed' } });
    expect(withPrint(shown, 8, 'printed')).toEqual({});
    expect(withPrint(null, 7, 'printed')).toEqual({});
  });
});
