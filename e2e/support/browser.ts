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

/** Waits until the page has settled: no spinner, fonts ready, layout stable. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
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
