// The socket → store wiring, outside components: one connection for the page's life. Before sign-in it
// is anonymous; after sign-in it carries the session token, so a reload or a hub restart resumes it.
import { setupDone } from '../../shared/domain/setup';
import { CASE_LIST_ROWS, caseListKey, type CaseList } from '../../shared/domain/caseLists';
import type { Case, CaseSummary } from '../../shared/domain/types';
import type { ErrorCode, Lang, Reply, ReplyError } from '../../shared/protocol/errors';
import type { ClientReplies } from '../../shared/protocol/events';
import type { ClientEventName, ClientPayload } from '../../shared/protocol/schemas';
import { connectHub, type HubClient } from '../../shared/ui/hubClient';
import { rememberLang } from '../../shared/ui/i18n';
import { landing, mayVisit, parseRoute, routeHash, type Route } from './routes';
import { applyPatch, fromSnapshot, mergeCase, mergeCases, NO_REPORT, rememberToken, useStaff, type Leave } from './store';

let client: HubClient | null = null;

export function startHub(): void {
  if (client) return;
  const { getState, setState } = useStaff;
  client = connectHub({
    auth: () => {
      const token = getState().token;
      return token ? { token } : {};
    },
    lang: () => getState().lang,
    onOnline: (online) => setState({ online }),
    onSnapshot: (snapshot) => {
      if (!getState().token) return;
      if (snapshot.audience === 'password') {
        setState({ passwordChange: snapshot.me, data: null, online: true, signInNotice: null });
        return;
      }
      // Before sign-in (and right after sign-out) the hub sends the public snapshot: not ours to show.
      if (snapshot.audience !== 'staff') return;
      setState({ data: fromSnapshot(snapshot), passwordChange: null, online: true, signInNotice: null });
      if (snapshot.me.role !== 'admin') setState({ admin: null });
      settleRoute();
    },
    onPatch: (patch) => {
      const data = getState().data;
      if (patch.audience === 'staff' && data) setState({ data: applyPatch(data, patch) });
    },
    onRefused: (code, message) => {
      if (code !== 'SESSION_EXPIRED') return;
      signedOut(message);
      client?.reconnect();
    },
  });
  client.socket.on('admin', (admin) => {
    setState({ admin });
    settleRoute();
  });
  window.addEventListener('hashchange', () => {
    const route = parseRoute(window.location.hash);
    const { intakeDraft, route: here } = useStaff.getState();
    // The back button with unsaved intake typing: stay where the typing is and ask, as the navigation bar does.
    if (intakeDraft && here && route && routeHash(route) !== routeHash(here)) {
      history.replaceState(null, '', routeHash(here));
      navigate(route);
      return;
    }
    useStaff.setState({ route });
    settleRoute();
  });
}

/** A signed-in user on no route, or one their role does not reach, goes to where their role lands. */
function settleRoute(): void {
  const { data, route, admin } = useStaff.getState();
  if (!data) return;
  const role = data.me.role;
  // An admin's landing depends on the setup checklist, which arrives just after the snapshot.
  if (role === 'admin' && !admin) return;
  if (!route || !mayVisit(role, route)) go(landing(role, admin !== null && setupDone(admin, data.services)));
}

/** Goes to a section; with unsaved intake typing it asks first (see resolveLeave). */
export function navigate(route: Route): void {
  const { intakeDraft, route: here } = useStaff.getState();
  if (intakeDraft && routeHash(route) !== routeHash(here ?? route)) useStaff.setState({ pendingLeave: { kind: 'navigate', route } });
  else go(route);
}

function go(route: Route): void {
  useStaff.setState({ route, refusal: null });
  const hash = routeHash(route);
  if (window.location.hash !== hash) window.location.hash = hash;
}

function signedOut(notice: string | null): void {
  rememberToken(null);
  useStaff.setState({
    token: null,
    data: null,
    admin: null,
    passwordChange: null,
    route: null,
    refusal: null,
    signInNotice: notice,
    intakeDraft: null,
    pendingLeave: null,
    report: NO_REPORT,
  });
  history.replaceState(null, '', window.location.pathname + window.location.search);
}

/**
 * A background read (not something the user just did): its outcome is the caller's alone and leaves the
 * refusal banner as it is.
 */
export async function read<E extends ClientEventName>(event: E, payload: ClientPayload<E>): Promise<Reply<ClientReplies[E]>> {
  if (!client) throw new Error('startHub() first');
  return client.request(event, payload);
}

/**
 * Sends a user's request; a refusal is shown as the hub worded it, unless the caller handles that code
 * itself, and a success clears the last refusal. Resolves with the reply either way.
 */
export async function request<E extends ClientEventName>(
  event: E,
  payload: ClientPayload<E>,
  handles: readonly ErrorCode[] = [],
): Promise<Reply<ClientReplies[E]>> {
  const reply = await read(event, payload);
  if (reply.ok) useStaff.setState({ refusal: null });
  else if (!handles.includes(reply.error.code)) useStaff.setState({ refusal: reply.error });
  return reply;
}

type CaseMutation = {
  [E in ClientEventName]: ClientReplies[E] extends Case ? E : never;
}[ClientEventName];

/**
 * A case action: the returned case goes into the store at once. A CASE_STALE refusal is left to the case
 * screen, which offers to reload instead of showing the general refusal banner.
 */
export async function caseRequest<E extends CaseMutation>(event: E, payload: ClientPayload<E>): Promise<Reply<Case>> {
  const reply = (await request(event, payload, ['CASE_STALE'])) as Reply<Case>;
  if (reply.ok) mergeCase(reply.data);
  return reply;
}

/**
 * The next page of a list of cases, after the `held` rows of it shown now (0: its first page). A background
 * read: a list that could not be fetched stays as it was, and is asked for again when shown again.
 */
export async function loadCasePage(list: CaseList, held: number): Promise<void> {
  const { filter, order } = list;
  const reply = await read('case:search', { ...filter, order, offset: held, limit: CASE_LIST_ROWS });
  if (!reply.ok) return;
  const rows: CaseSummary[] = reply.data;
  useStaff.setState((s) => {
    if (!s.data) return {};
    const last = rows.length < CASE_LIST_ROWS ? null : (rows.at(-1) ?? null);
    return { data: { ...s.data, cases: mergeCases(s.data.cases, rows), caseWindows: { ...s.data.caseWindows, [caseListKey(list)]: last } } };
  });
}

/** Starts service; the visit's case the hub opened (or attached) with it goes into the store at once. */
export async function startService(ref: { counterId: number; ticketId: number; caseId?: number }): Promise<void> {
  const reply = await request('ticket:start', ref);
  if (reply.ok) mergeCase(reply.data.case);
}

/** Asks the hub for the report of office days `from`..`to`; a reply for a period no longer asked for is dropped. */
export async function loadReport(from: string, to: string): Promise<void> {
  useStaff.setState({ report: { from, to, data: null, failure: null } });
  const reply = await request('report:get', { from, to }, ['REPORT_UNAVAILABLE', 'REPORT_PERIOD_REVERSED', 'REPORT_PERIOD_TOO_LONG']);
  const asked = useStaff.getState().report;
  if (asked.from !== from || asked.to !== to) return;
  useStaff.setState({ report: reply.ok ? { from, to, data: reply.data, failure: null } : { from, to, data: null, failure: reply.error } });
}

export async function signIn(username: string, password: string): Promise<string | null> {
  if (!client) throw new Error('startHub() first');
  const reply = await client.request('auth:login', { username, password });
  if (!reply.ok) return reply.error.message;
  rememberToken(reply.data.token);
  // The hub sends the staff snapshot on this same socket right after the reply.
  useStaff.setState({ token: reply.data.token, route: null, signInNotice: null });
  return null;
}

/** Sets the signed-in user's own password; `current` is left out right after a temporary one. */
export async function changePassword(next: string, current?: string): Promise<Reply<ClientReplies['auth:changePassword']>> {
  return request('auth:changePassword', current === undefined ? { next } : { current, next });
}

/** Signs out; with unsaved intake typing it asks first. */
export async function signOut(): Promise<void> {
  if (useStaff.getState().intakeDraft) useStaff.setState({ pendingLeave: { kind: 'signOut' } });
  else await endSession();
}

async function endSession(): Promise<void> {
  if (client?.socket.connected) await client.request('auth:logout', {});
  signedOut(null);
}

/** Finishes the visit at the counter; with unsaved intake typing it asks first. The console starts at the top again. */
export async function finishVisit(counterId: number, ticketId: number): Promise<void> {
  if (useStaff.getState().intakeDraft) {
    useStaff.setState({ pendingLeave: { kind: 'finish', counterId, ticketId } });
    return;
  }
  const reply = await request('ticket:finish', { counterId, ticketId });
  if (reply.ok) window.scrollTo(0, 0);
}

async function leave(to: Leave): Promise<void> {
  if (to.kind === 'finish') await finishVisit(to.counterId, to.ticketId);
  else if (to.kind === 'navigate') go(to.route);
  else await endSession();
}

/**
 * The answer to "the intake is not saved": save it and go on (a refusal keeps the typing and stays), drop it
 * and go on, or stay with it.
 */
export async function resolveLeave(choice: 'save' | 'discard' | 'stay'): Promise<void> {
  const { pendingLeave: to, intakeDraft: draft } = useStaff.getState();
  useStaff.setState({ pendingLeave: null });
  if (!to || choice === 'stay') return;
  if (choice === 'save' && draft) {
    const reply = await caseRequest('case:intake', { caseId: draft.caseId, revision: draft.base, intake: draft.intake });
    if (!reply.ok) {
      showRefusal(reply.error);
      return;
    }
  }
  useStaff.setState({ intakeDraft: null });
  await leave(to);
}

export function dismissRefusal(): void {
  useStaff.setState({ refusal: null });
}

export function showRefusal(refusal: ReplyError): void {
  useStaff.setState({ refusal });
}

export function setLang(lang: Lang): void {
  rememberLang(lang, 'staff');
  useStaff.setState({ lang });
  document.documentElement.lang = lang;
  // The hub words its replies in the handshake's language: shake hands again.
  client?.reconnect();
}
