/** Chromium (Debian's, through playwright-core), axe and screenshots for the journeys. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = process.env.ACCORD_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SHOTS = path.join(ROOT, 'test-results/screenshots');

/** Whether the journeys can run; under CI a missing browser is a failure, never a skip. */
export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`Chromium is required under CI but ${CHROMIUM} is missing`);
  console.warn(`[accord e2e] journeys skipped: no Chromium at ${CHROMIUM} (install the chromium package)`);
  return false;
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core on the page; returns the serious and critical violations. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  const axe = (await import('axe-core')).default as unknown as { source: string };
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ content: axe.source });
  const violations = (await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations;
  })) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(vs: AxeViolation[]): string {
  return vs.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `   at ${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
}

/**
 * Counts the page's requests in flight (fetch), so that `settle` can wait for the app's own requests to end
 * rather than for the network to stay idle for half a second. Add it to a context before its pages open.
 */
export const TRACK_REQUESTS = `(() => {
  const w = window;
  w.__accordInflight = 0;
  w.__accordQuietSince = performance.now();
  const original = w.fetch.bind(w);
  w.fetch = (...args) => {
    w.__accordInflight++;
    const done = () => {
      if (--w.__accordInflight === 0) w.__accordQuietSince = performance.now();
    };
    return original(...args).then(
      (res) => {
        // the request ends when its body has been read (or the page leaves it unread for 2 s)
        const clone = res.clone();
        let ended = false;
        const end = () => { if (!ended) { ended = true; done(); } };
        clone.arrayBuffer().then(end, end);
        setTimeout(end, 2000);
        return res;
      },
      (err) => { done(); throw err; },
    );
  };
})();`;

/**
 * Waits until the page has settled: its requests answered (none in flight for 150 ms where the context tracks
 * them, else the network idle for 500 ms), no spinner, fonts ready, layout stable.
 */
export async function settle(page: Page): Promise<void> {
  const tracked = await page.evaluate(() => typeof (window as unknown as { __accordInflight?: number }).__accordInflight === 'number').catch(() => false);
  if (tracked) {
    await page
      .waitForFunction(() => {
        const w = window as unknown as { __accordInflight: number; __accordQuietSince: number };
        return w.__accordInflight === 0 && performance.now() - w.__accordQuietSince > 150;
      }, undefined, { timeout: 10_000 })
      .catch(() => undefined);
  } else await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root, .mantine-Skeleton-root'), undefined, { timeout: 10_000 }).catch(() => undefined);
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(150);
}

export async function screenshot(page: Page, name: string, lang: string): Promise<string> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}-${lang}.png`);
  await page.evaluate(() => window.scrollTo(0, 0));
  // Toasts would hide the top bar; axe has already checked them.
  const style = '.mantine-Notifications-root { display: none !important; }';
  // A full-page capture of a long page can take a while on a busy two-core CI machine; the picture is a record,
  // not the assertion, so a slow capture gets more time and then falls back to the viewport instead of failing.
  try {
    await page.screenshot({ path: file, fullPage: true, style, animations: 'disabled', timeout: 45_000 });
  } catch (e) {
    if (!(e instanceof Error) || e.name !== 'TimeoutError') throw e;
    console.warn(`[accord e2e] full-page screenshot of ${name}-${lang} timed out; capturing the viewport`);
    await page.screenshot({ path: file, fullPage: false, style, animations: 'disabled', timeout: 45_000 });
  }
  return file;
}
