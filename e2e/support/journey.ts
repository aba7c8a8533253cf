/**
 * What every feature journey does around its steps: start the server (demo loaded) and Chromium, sign people in
 * (each in their own browser context, script errors collected), call the API as them, open pages, pick options,
 * check every page with axe and photograph it, and at the end revisit the pages in French and Spanish and at phone
 * width (inside the app once loaded, as its links do: loading is what the English pass tests); most journeys also
 * start from a fresh partnership of their own (`partnershipWithBioSul`). Every context counts the page's requests
 * in flight, so a check waits for the app's own answers rather than for half a second of network silence.
 * A spec makes one `Journey` and uses it from its hooks and steps:
 *
 *   const j = new Journey('risks');            // screenshots risks-<name>-<lang>.png
 *   beforeAll(async () => { await j.start(); amina = await j.signedIn(AMINA); ... }, 300_000);
 *   afterAll(() => j.stop());
 *   it(..., async () => { await j.go(amina.page, path); ...; await j.capture(amina.page, 'register'); });
 *   it('reads in French and in Spanish', () => j.readsIn(AMINA, pages));
 *   it('reads well on a phone', () => j.readsOnPhone(AMINA, (name) => name.endsWith('-error')));
 *   it('found no serious or critical accessibility violation and no script error', () => j.expectClean());
 */
import { expect } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { axeSerious, describeViolations, launch, screenshot, settle, TRACK_REQUESTS } from './browser';
import { ensureWebBuilt, startServer, type RunningServer } from './server';

export { chromiumAvailable } from './browser';

/** The demo's password (demo/people). */
export const DEMO_PASSWORD = 'accord-demo-2026';
export const AMINA = 'amina.convener@demo.accord.test';
export const LUCAS = 'lucas.rep@demo.accord.test';

/** A signed-in person: their browser context (cookies) and a page in it. */
export interface Person {
  ctx: BrowserContext;
  page: Page;
}

export interface SignInOptions {
  locale?: string;
  viewport?: { width: number; height: number };
  mobile?: boolean;
}

export const PHONE = { width: 390, height: 844 };

/** A day relative to today (UTC), as YYYY-MM-DD. */
export const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export interface SelectOptions {
  /** Look for the select only within this part of the page (a dialog, say). */
  within?: Locator;
  /** The select may be searchable, which Mantine renders as a textbox rather than a combobox; a string label then matches exactly. */
  searchable?: boolean;
}

/** What a journey's fresh partnership is told: its name, purpose, model and anything else the API accepts on creation. */
export interface PartnershipInput {
  name: string;
  purpose: string;
  model: string;
  [field: string]: unknown;
}

/** A fresh partnership: its id, its path in the app, the convening organisation and the member BioSul's id. */
export interface Partnership {
  id: string;
  base: string;
  convenerOrgId: string;
  biosulId: string;
}

export interface ApiOptions {
  /** The status a call that must fail answers with (the body is then returned as is). */
  expectStatus?: number;
}

export class Journey {
  server!: RunningServer;
  browser!: Browser;
  /** Serious or critical axe violations, per page and language. */
  readonly axeFailures: string[] = [];
  /** Script errors of every page of the journey. */
  readonly consoleErrors: string[] = [];
  /** Pages photographed in English: name -> path and query, revisited at phone width. */
  readonly visited = new Map<string, string>();
  private readonly contexts = new Set<BrowserContext>();

  /** `prefix` names the screenshots (`<prefix>-<name>-<lang>.png`). */
  constructor(readonly prefix: string) {}

  get url(): string {
    return this.server.url;
  }

  async start(): Promise<void> {
    await ensureWebBuilt();
    this.server = await startServer();
    this.browser = await launch();
  }

  async stop(): Promise<void> {
    for (const ctx of this.contexts) await ctx.close().catch(() => undefined);
    await this.browser?.close().catch(() => undefined);
    await this.server?.close().catch(() => undefined);
  }

  /** A person signed in through the API in a fresh browser context (English, desktop, UTC unless told). */
  async signedIn(email: string, o: SignInOptions = {}): Promise<Person> {
    const mobile = o.mobile ?? false;
    const ctx = await this.browser.newContext({
      viewport: o.viewport ?? { width: 1280, height: 860 }, locale: o.locale ?? 'en-GB', timezoneId: 'UTC', reducedMotion: 'reduce', isMobile: mobile, hasTouch: mobile, acceptDownloads: true,
    });
    this.contexts.add(ctx);
    ctx.on('close', () => this.contexts.delete(ctx));
    await ctx.addInitScript(TRACK_REQUESTS);
    const res = await ctx.request.post(`${this.url}/api/v1/auth/sign-in`, { data: { email, password: DEMO_PASSWORD } });
    expect(res.ok(), `sign-in of ${email}`).toBe(true);
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) this.consoleErrors.push(`${email}: ${m.text()}`);
    });
    page.on('pageerror', (e) => this.consoleErrors.push(`${email}: ${String(e)}`));
    return { ctx, page };
  }

  /** Calls the API as the context's person (cookie and CSRF token; a fresh Idempotency-Key on writes); the JSON answer. */
  async api<T>(ctx: BrowserContext, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, data?: unknown, o: ApiOptions = {}): Promise<T> {
    const session = (await (await ctx.request.get(`${this.url}/api/v1/auth/session`)).json()) as { csrfToken: string };
    const headers: Record<string, string> = { 'x-csrf-token': session.csrfToken };
    if (method !== 'GET') headers['idempotency-key'] = crypto.randomUUID();
    const res = await ctx.request.fetch(`${this.url}/api/v1${path}`, { method, data, headers });
    if (o.expectStatus) expect(res.status(), `${method} ${path}: ${await res.text()}`).toBe(o.expectStatus);
    else expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
    const text = await res.text();
    return (text ? JSON.parse(text) : null) as T;
  }

  /**
   * A fresh private partnership convened by the first organisation of `convener`'s person, with BioSul Vacinas as a
   * partner and Lucas representing it, so that a journey does not depend on the demo's partnerships.
   */
  async partnershipWithBioSul(convener: BrowserContext, input: PartnershipInput): Promise<Partnership> {
    const home = await this.api<{ organisations: { id: string }[] }>(convener, 'GET', '/me/home');
    const convenerOrgId = home.organisations[0].id;
    const created = await this.api<{ id: string }>(convener, 'POST', '/partnerships', { visibility: 'private', convenerOrganisationId: convenerOrgId, ...input });
    const base = `/partnerships/${created.id}`;
    const orgs = await this.api<{ items: { id: string; name: string }[] }>(convener, 'GET', '/organisations?q=BioSul&limit=5');
    const biosul = orgs.items.find((o) => /BioSul/.test(o.name));
    expect(biosul, 'BioSul among the demo organisations').toBeDefined();
    await this.api(convener, 'POST', `${base}/members`, { organisationId: biosul!.id, role: 'partner' });
    await this.api(convener, 'POST', `${base}/people`, { email: LUCAS, role: 'representative', organisationId: biosul!.id });
    return { id: created.id, base, convenerOrgId, biosulId: biosul!.id };
  }

  /** Opens a page of the app and waits for its heading. */
  async go(p: Page, path: string): Promise<void> {
    await p.goto(this.url + path);
    await p.locator('main h1').first().waitFor({ timeout: 20_000 });
  }

  /**
   * Opens `path` inside the app already loaded in `p`, as a link would (the router follows the history), without
   * loading the app again: for revisiting pages in another language or width, where loading is not the subject.
   * The first page of a context is loaded with `go`.
   */
  async visit(p: Page, path: string): Promise<void> {
    if (!p.url().startsWith(this.url)) return this.go(p, path);
    await p.evaluate((to) => {
      window.history.pushState({}, '', to);
      window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
    }, path);
    // the layout writes the page it shows on <main data-path>, in the same render as the page
    const target = new URL(path, this.url);
    const shown = await p
      .locator(`main[data-path=${JSON.stringify(target.pathname + target.search)}] h1`)
      .first()
      .waitFor({ timeout: 10_000 })
      .then(() => true, () => false);
    // a page that redirects elsewhere is loaded as a whole
    if (!shown) await this.go(p, path);
  }

  /** A Mantine select by its label: a combobox, or with `searchable` a textbox or a combobox (within a part of the page when given). */
  select(p: Page, label: string | RegExp, o: SelectOptions = {}): Locator {
    const scope = o.within ?? p;
    if (!o.searchable) return scope.getByRole('combobox', { name: label });
    const exact = typeof label === 'string';
    return scope.getByRole('textbox', { name: label, exact }).or(scope.getByRole('combobox', { name: label, exact })).first();
  }

  /** Picks an option of a Mantine select by the select's label (see `select`). */
  async choose(p: Page, label: string | RegExp, option: string | RegExp, o: SelectOptions = {}): Promise<void> {
    await this.select(p, label, o).click();
    await p.getByRole('option', { name: option }).first().click();
  }

  /** Checks the page with axe (serious and critical violations are collected) and photographs it. */
  async check(p: Page, name: string, lang: string): Promise<void> {
    await settle(p);
    const violations = await axeSerious(p);
    if (violations.length) this.axeFailures.push(`${name}-${lang} (${p.url()}):\n${describeViolations(violations)}`);
    await screenshot(p, `${this.prefix}-${name}`, lang);
  }

  /** Checks and photographs a page in English, and remembers it for the phone pass. */
  async capture(p: Page, name: string): Promise<void> {
    await this.check(p, name, 'en');
    const u = new URL(p.url());
    this.visited.set(name, u.pathname + u.search);
  }

  /** Opens each page in French and in Spanish as `email`: the page's language, its heading in each, axe and a photograph. */
  async readsIn(email: string, pages: readonly (readonly [name: string, path: string, fr: string, es: string])[]): Promise<void> {
    for (const [locale, lang] of [
      ['fr-FR', 'fr'],
      ['es-ES', 'es'],
    ] as const) {
      const { ctx, page } = await this.signedIn(email, { locale });
      try {
        for (const [name, path, fr, es] of pages) {
          await this.visit(page, path);
          expect(await page.getAttribute('html', 'lang')).toBe(lang);
          await page.getByRole('heading', { name: lang === 'fr' ? fr : es, exact: true }).first().waitFor();
          await this.check(page, name, lang);
        }
      } finally {
        await ctx.close();
      }
    }
  }

  /** Revisits every captured page (but those `skip` names) at phone width as `email`: axe, a photograph, and no sideways scroll. */
  async readsOnPhone(email: string, skip: (name: string) => boolean = () => false): Promise<void> {
    const { ctx, page } = await this.signedIn(email, { viewport: PHONE, mobile: true });
    try {
      for (const [name, path] of this.visited) {
        if (skip(name)) continue;
        await this.visit(page, path);
        await this.check(page, name, 'en-phone');
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(wide, `${name} scrolls sideways by ${wide}px on a phone`).toBeLessThanOrEqual(0);
      }
    } finally {
      await ctx.close();
    }
  }

  /** The journey's last assertion: no serious or critical axe violation anywhere, and no script error. */
  expectClean(): void {
    expect(this.axeFailures.join('\n\n')).toBe('');
    expect(this.consoleErrors).toEqual([]);
  }
}
