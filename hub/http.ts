// Plain HTTP: the health check and the built apps, every response with the security headers.
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { appOfPage, pagePath } from '../shared/protocol/apps';
import type { HubDeps } from './context';
import { EXPORT_PATHS, serveReportExport } from './reports/http';
import type { ReportRunner } from './reports/runner';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
};

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The apps load only their own files and talk only to this hub; no other site may frame them (a kiosk or
 * console under someone else's page) or learn the page address (a kiosk's URL carries its key).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React sets style attributes; no script can come in through them.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "media-src 'self'",
  "font-src 'self'",
  // 'self' covers the hub's WebSocket in current browsers; older TV browsers need the schemes named.
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

export function handleHttp(req: IncomingMessage, res: ServerResponse, opts: { appsDir: string; deps: HubDeps; reports: ReportRunner }): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  const url = new URL(req.url ?? '/', 'http://hub');
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
  if (url.pathname === '/healthz') return send(res, 200, JSON.stringify({ ok: true, service: 'antrian-lpse' }), 'application/json');
  const exportFormat = (EXPORT_PATHS as Record<string, (typeof EXPORT_PATHS)[keyof typeof EXPORT_PATHS]>)[url.pathname];
  if (exportFormat) {
    return void serveReportExport(req, res, url, exportFormat, opts.deps, opts.reports).catch((e: unknown) => {
      opts.deps.log(`error in ${url.pathname}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) send(res, 500, 'internal error');
    });
  }
  if (url.pathname === '/') {
    res.writeHead(302, { location: `${pagePath('counter')}/` });
    return void res.end();
  }
  const [, app, ...rest] = url.pathname.split('/');
  const folder = app ? appOfPage(app) : undefined;
  if (!folder) return send(res, 404, 'not found');
  if (rest.length === 0) {
    // `/kiosk?key=…` → `/kiosk/?key=…`, so relative asset paths resolve.
    res.writeHead(301, { location: `/${app}/${url.search}` });
    return void res.end();
  }
  const root = join(opts.appsDir, folder);
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest.join('/'));
  } catch {
    return send(res, 400, 'bad path');
  }
  // Source maps would hand out the full source: not served, even when a build left some behind.
  if (decoded.endsWith('.map')) return send(res, 404, 'not found');
  const wanted = normalize(join(root, decoded));
  if (!wanted.startsWith(root + sep) && wanted !== root) return send(res, 400, 'bad path');
  // Unknown paths inside an app are the app's own routes: serve its page.
  const file = isFile(wanted) ? wanted : join(root, 'index.html');
  if (!isFile(file)) return send(res, 503, `The ${app} app is not built yet: run npm run build.`);
  const isAsset = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    // Built assets carry a content hash in their names; pages must always be fresh.
    'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}
