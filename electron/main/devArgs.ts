// `npm run app -- --role=kiosk [--hub=http://127.0.0.1:7400] [--key=…] [--printer=127.0.0.1:9100|/dev/usb/lp0]
// [--width=58]`: a role against a local hub for development, without the config file or setup.
import { SHELL_ROLES, shellConfigSchema, type ShellConfig } from '../../shared/protocol/shell';
import { describeIssues } from '../../shared/protocol/schemas';

export const DEV_HUB = 'http://127.0.0.1:7400';

function arg(argv: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

function printerArg(value: string | undefined): ShellConfig['printer'] {
  if (value === undefined) return { kind: 'none' };
  if (value.startsWith('/dev/')) return { kind: 'usb', path: value };
  const [host = '', port = '9100'] = value.split(':');
  return { kind: 'network', host, port: Number(port) };
}

/**
 * The config the command line describes, or null without `--role`. `pinHash` is a throwaway one: a
 * development run has no setup to open. Throws with the reason when the arguments are not valid.
 */
export function devConfig(argv: readonly string[], pinHash: string): ShellConfig | null {
  const role = arg(argv, 'role');
  if (role === undefined) return null;
  if (!(SHELL_ROLES as readonly string[]).includes(role)) throw new Error(`--role must be one of ${SHELL_ROLES.join(', ')}`);
  const parsed = shellConfigSchema.safeParse({
    role,
    hubUrl: arg(argv, 'hub') ?? DEV_HUB,
    deviceKey: arg(argv, 'key'),
    printer: printerArg(arg(argv, 'printer')),
    paperWidth: Number(arg(argv, 'width') ?? 80),
    pinHash,
    hubPort: role === 'hub' ? Number(new URL(arg(argv, 'hub') ?? DEV_HUB).port || 7400) : undefined,
  });
  if (!parsed.success) throw new Error(describeIssues(parsed.error));
  return parsed.data;
}
