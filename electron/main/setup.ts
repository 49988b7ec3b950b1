// The setup screen's outcome: its answers (unknown until validated) and the current config become the
// config to save, or a coded refusal that saves nothing. Opening setup on a configured PC needs the PIN.
import { describeIssues } from '../../shared/protocol/schemas';
import {
  DEVICE_ROLES,
  parseDeviceAddress,
  pinSchema,
  setupInputSchema,
  shellConfigSchema,
  type ShellConfig,
} from '../../shared/protocol/shell';
import { hashPin, verifyPin } from './config';
import { refusal, type Refusal } from './ipc';

export type SetupOutcome = { ok: true; config: ShellConfig } | Refusal;

/** Whether the PIN typed opens setup: a first run (no config yet) needs none. */
export async function unlockSetup(pin: unknown, current: ShellConfig | null): Promise<boolean> {
  if (current === null) return true;
  return typeof pin === 'string' && pinSchema.safeParse(pin).success && verifyPin(pin, current.pinHash);
}

export async function completeSetup(raw: unknown, current: ShellConfig | null): Promise<SetupOutcome> {
  const parsed = setupInputSchema.safeParse(raw);
  if (!parsed.success) return refusal('SETUP_INVALID', { detail: describeIssues(parsed.error) });
  const input = parsed.data;

  // A device's whole address (pasted or scanned) brings the hub, the key and the role it was made for.
  const device = parseDeviceAddress(input.address);
  const role = device?.role ?? input.role;
  const isDevice = (DEVICE_ROLES as readonly string[]).includes(role);
  // Setup never shows the saved key: left empty, it stays.
  const deviceKey = isDevice ? (device?.deviceKey ?? (input.deviceKey || current?.deviceKey)) : undefined;

  let pinHash = current?.pinHash;
  if (input.newPin) {
    if (!pinSchema.safeParse(input.newPin).success) return refusal('SETUP_PIN_REQUIRED');
    pinHash = await hashPin(input.newPin);
  }
  if (pinHash === undefined) return refusal('SETUP_PIN_REQUIRED');

  const candidate = shellConfigSchema.safeParse({
    role,
    hubUrl: device?.hubUrl ?? input.address,
    deviceKey,
    printer: role === 'kiosk' ? input.printer : { kind: 'none' },
    paperWidth: input.paperWidth,
    pinHash,
    ...(current?.counterBounds ? { counterBounds: current.counterBounds } : {}),
    ...(current?.hubPort ? { hubPort: current.hubPort } : {}),
  });
  if (!candidate.success) {
    if (candidate.error.issues.some((i) => i.path[0] === 'hubUrl')) return refusal('SETUP_ADDRESS_INVALID');
    return refusal('SETUP_INVALID', { detail: describeIssues(candidate.error) });
  }
  return { ok: true, config: candidate.data };
}

/** Ctrl+Alt+Shift+S opens setup (behind the PIN) on any role, the locked screens included. */
export function isSetupShortcut(input: { type: string; key: string; control: boolean; alt: boolean; shift: boolean }): boolean {
  return input.type === 'keyDown' && input.control && input.alt && input.shift && input.key.toLowerCase() === 's';
}
