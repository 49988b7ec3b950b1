// Every IPC call is checked twice before it does anything: the sender must be the top frame of a page
// this channel serves (the hub's page for the printer bridge, the shell's own page for setup), and its
// payload, unknown until then, must pass the shared schema. Either failure is a coded refusal.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { errorMessage, type ErrorCode } from '../../shared/protocol/errors';
import { describeIssues } from '../../shared/protocol/schemas';
import { isHubUrl, isLocalPage, type Trust } from './trustedUrl';

/** Which pages may use a channel. */
export type Audience = 'hub' | 'local';

/** The part of Electron's WebFrameMain we look at. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

export function senderAllowed(frame: SenderFrame | null | undefined, trust: Trust, audience: Audience): boolean {
  // A destroyed or navigated-away frame, or a sub-frame (an ad, an injected iframe), is nobody we serve.
  if (!frame || frame.parent !== null) return false;
  return audience === 'hub' ? isHubUrl(frame.url, trust.hubOrigin) : isLocalPage(frame.url, trust.localPages);
}

/** A refused call; the shell's pages are in Bahasa Indonesia. */
export interface Refusal {
  ok: false;
  code: ErrorCode;
  message: string;
}

export const refusal = (code: ErrorCode, params: Record<string, string> = {}): Refusal => ({
  ok: false,
  code,
  message: errorMessage(code, 'id', params),
});

/** Registers one channel; `run` sees only validated input from an allowed sender. */
export function handle<S extends z.ZodType, R>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: string,
  audience: Audience,
  trust: () => Trust,
  schema: S,
  run: (input: z.output<S>) => Promise<R>,
): void {
  ipcMain.handle(channel, async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, raw: unknown): Promise<R | Refusal> => {
    if (!senderAllowed(event.senderFrame, trust(), audience)) return refusal('SHELL_SENDER_REFUSED');
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return refusal('VALIDATION_FAILED', { detail: describeIssues(parsed.error) });
    return run(parsed.data);
  });
}
