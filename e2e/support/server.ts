/**
 * Starts Accord for a journey: the lead's `startTestServer` (test/support/server.ts) when it exists,
 * otherwise an in-process server on a fresh temporary SQLite database with the demo loaded, behind a
 * small front that serves dist/web (SPA fallback) and forwards /api to the app.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WEB_DIR = path.join(ROOT, 'dist/web');

/** Builds the web app once when dist/web is missing (vite's build API). */
export async function ensureWebBuilt(): Promise<void> {
  if (fs.existsSync(path.join(WEB_DIR, 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

export async function startServer(): Promise<RunningServer> {
  const leadPath = path.join(ROOT, 'test/support/server.ts');
  if (fs.existsSync(leadPath)) {
    const mod = (await import(/* @vite-ignore */ leadPath)) as { startTestServer?: (...a: unknown[]) => Promise<RunningServer> };
    if (mod.startTestServer) return mod.startTestServer();
  }
  return startFallbackServer();
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

async function startFallbackServer(): Promise<RunningServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-e2e-'));
  const { loadConfig } = await import('../../src/config/config');
  const { composeDeps, createMailer } = await import('../../src/server/compose');
  const { buildApp } = await import('../../src/server/app');
  const { loadDemo } = await import('../../demo/load');
  const config = loadConfig({ ...process.env, ACCORD_DATABASE_URL: path.join(dir, 'accord.db'), ACCORD_PORT: '0', ACCORD_LOG_LEVEL: 'silent', ACCORD_WEB_DIR: path.join(dir, 'no-web') });
  const quiet = { info: () => undefined, warn: () => undefined, error: (...a: unknown[]) => (process.env.ACCORD_E2E_DEBUG ? console.error('[server]', ...a) : undefined) };
  // no SMTP, as on a laptop: e-mails go to the (quiet) log, and the app says so where it matters (invitations)
  const deps = await composeDeps(config, { log: quiet, mailer: createMailer(config, quiet) } as never);
  await loadDemo(deps, () => undefined);
  const app = await buildApp(deps, { logger: process.env.ACCORD_E2E_DEBUG ? { level: 'error' } : false, serveWeb: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const apiPort = (app.server.address() as AddressInfo).port;

  const front = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      const upstream = http.request({ host: '127.0.0.1', port: apiPort, path: url, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
      return;
    }
    const file = path.join(WEB_DIR, decodeURIComponent(url.split('?')[0]));
    if (file.startsWith(WEB_DIR) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
      fs.createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    // Read per request: another process may rebuild dist/web while the journey runs.
    res.end(fs.readFileSync(path.join(WEB_DIR, 'index.html')));
  });
  await new Promise<void>((r) => front.listen(0, '127.0.0.1', r));
  const port = (front.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      front.closeAllConnections();
      await new Promise<void>((r) => front.close(() => r()));
      await app.close();
      await deps.database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
