// The refusals the hub answers with: a stable code, and its message in the socket's language.
import { errorMessage, type ErrorCode, type Lang, type Reply } from '../../shared/protocol/errors';

export function failure(code: ErrorCode, lang: Lang, params: Record<string, string> = {}): Reply<never> {
  return { ok: false, error: { code, message: errorMessage(code, lang, params), params } };
}

/** An error no rule foresaw: logged whole, answered as INTERNAL without its details. */
export function internalError(log: (line: string) => void, what: string, e: unknown, lang: Lang): Reply<never> {
  log(`error in ${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return failure('INTERNAL', lang);
}
