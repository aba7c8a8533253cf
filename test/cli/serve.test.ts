/**
 * `accord serve --demo-if-empty`, the command behind `npm start`, as a real process: it loads the demo into a new
 * database, serves the API and the web app (with the single-page fallback), prints how to sign in, and on Ctrl-C
 * finishes and closes the database, leaving every change in the database file.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('accord serve', { timeout: 240_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-serve-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads the demo into a new database, serves the API and the web app, says how to sign in, and stops cleanly on Ctrl-C', async () => {
    const web = path.join(dir, 'web');
    fs.mkdirSync(web);
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><html><head><title>Accord under test</title></head><body><div id="root"></div></body></html>');
    fs.mkdirSync(path.join(web, 'assets'));
    fs.writeFileSync(path.join(web, 'assets', 'organisations-page-Bg-fFK23.js'), 'export const page = 1;');
    const file = path.join(dir, 'data', 'accord.db');
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/accord.js'), 'serve', '--demo-if-empty'], {
      cwd: dir,
      env: { ...process.env, ACCORD_DATABASE_URL: `sqlite:${file}`, ACCORD_PORT: String(port), ACCORD_HOST: '127.0.0.1', ACCORD_WEB_DIR: web, ACCORD_STANDARDS_DIR: path.join(ROOT, 'standards'), ACCORD_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (out.includes('Press Ctrl-C to stop.')) {
            clearInterval(timer);
            resolve();
          }
        }, 100);
        void exited.then((code) => {
          clearInterval(timer);
          reject(new Error(`accord serve exited with ${code}:\n${out}\n${err}`));
        });
      });
      expect(out).toContain(`Accord is running at http://localhost:${port}`);
      expect(out).toMatch(/Sign in with a demo account \(password: \S+\)/);
      expect(out).toContain('amina.convener@demo.accord.test');
      expect(err).toMatch(/Loading the demo: \d+\/\d+ \(100%\)/);

      const base = `http://127.0.0.1:${port}`;
      expect(await (await fetch(`${base}/api/health`)).json()).toMatchObject({ status: 'ok' });
      const orgs = await fetch(`${base}/api/v1/organisations?limit=5`);
      expect(orgs.status).toBe(200);
      expect(((await orgs.json()) as { items: unknown[] }).items).toHaveLength(5);
      // the web app, and a page of it opened directly (the single-page fallback)
      for (const page of ['/', '/organisations', '/partnerships/some-id/members']) {
        const r = await fetch(base + page);
        expect(r.status, page).toBe(200);
        expect(r.headers.get('content-type'), page).toMatch(/text\/html/);
        expect(await r.text(), page).toContain('Accord under test');
      }
      // a page asked with HEAD (link checkers, monitors) is there too
      expect((await fetch(`${base}/organisations`, { method: 'HEAD' })).status).toBe(200);
      // the index is checked on every visit; a build's chunk, named by its content, is kept until a release renames it
      expect((await fetch(`${base}/`)).headers.get('cache-control')).toBe('no-cache');
      const chunk = await fetch(`${base}/assets/organisations-page-Bg-fFK23.js`);
      expect(chunk.status).toBe(200);
      expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      // an unknown API path is a problem document, not the web app
      const missing = await fetch(`${base}/api/v1/nothing-here`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    // closed cleanly: the write-ahead log is folded into the file, which holds the demo on its own
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
    const db = new SQLite(file, { readonly: true });
    expect((db.prepare("select count(*) as n from users where email = 'amina.convener@demo.accord.test'").get() as { n: number }).n).toBe(1);
    db.close();
  });
});
