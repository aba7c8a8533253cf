/**
 * The shared risk register in a real Chromium against the real server (fresh SQLite database, demo loaded):
 * a convener registers a risk through the form (the shares must add up to exactly 100), reads it (allocation
 * chart and table), adds a mitigation action and completes it, records a review (the API's message lands next
 * to the field), changes its status with a reason and reads the history; an edit made on a stale version is
 * refused with an explanation and redone on the latest; the register's heat map filters the list to a cell,
 * filters and sort stay in the address and the list exports as CSV; a representative sees only what they may do.
 * The partnership and a few risks are created through the API so the journey does not depend on the demo.
 * Every page is checked with axe and photographed under test-results/screenshots/ (risks-*), in English, the
 * register and a risk in French and Spanish, and every page at phone width (no sideways scroll).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeSerious, chromiumAvailable, describeViolations, launch, screenshot, settle } from './support/browser';
import { ensureWebBuilt, startServer, type RunningServer } from './support/server';

const PASSWORD = 'accord-demo-2026';
const AMINA = 'amina.convener@demo.accord.test';
const LUCAS = 'lucas.rep@demo.accord.test';
const run = chromiumAvailable();

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!run)('risk register journeys', { timeout: 600_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let amina: { ctx: BrowserContext; page: Page };
  let lucas: { ctx: BrowserContext; page: Page };
  const axeFailures: string[] = [];
  const consoleErrors: string[] = [];
  const visited = new Map<string, string>();

  let partnershipId = '';
  let base = '';
  let ownOrg = '';
  let biosul = '';
  let riskPath = '';
  let riskId = '';
  let otherRiskId = '';

  async function check(p: Page, name: string, lang: string): Promise<void> {
    await settle(p);
    const violations = await axeSerious(p);
    if (violations.length) axeFailures.push(`${name}-${lang} (${p.url()}):\n${describeViolations(violations)}`);
    await screenshot(p, `risks-${name}`, lang);
  }

  async function capture(p: Page, name: string): Promise<void> {
    await check(p, name, 'en');
    const u = new URL(p.url());
    visited.set(name, u.pathname + u.search);
  }

  async function signedIn(email: string, locale = 'en-GB', viewport = { width: 1280, height: 860 }, mobile = false): Promise<{ ctx: BrowserContext; page: Page }> {
    const ctx = await browser.newContext({ viewport, locale, timezoneId: 'UTC', reducedMotion: 'reduce', isMobile: mobile, hasTouch: mobile, acceptDownloads: true });
    const res = await ctx.request.post(`${server.url}/api/v1/auth/sign-in`, { data: { email, password: PASSWORD } });
    expect(res.ok(), `sign-in of ${email}`).toBe(true);
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) consoleErrors.push(`${email}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`${email}: ${String(e)}`));
    return { ctx, page };
  }

  async function apiCall<T>(ctx: BrowserContext, method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown): Promise<T> {
    const session = (await (await ctx.request.get(`${server.url}/api/v1/auth/session`)).json()) as { csrfToken: string };
    const res = await ctx.request.fetch(`${server.url}/api/v1${path}`, { method, data, headers: { 'x-csrf-token': session.csrfToken } });
    expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  }

  async function go(p: Page, path: string): Promise<void> {
    await p.goto(server.url + path);
    await p.locator('main h1').first().waitFor({ timeout: 20_000 });
  }

  /** A Mantine select by its label (a textbox or a combobox, depending on whether it is searchable). */
  const select = (p: Page, label: string | RegExp) => p.getByRole('textbox', { name: label, exact: typeof label === 'string' }).or(p.getByRole('combobox', { name: label, exact: typeof label === 'string' })).first();

  async function choose(p: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
    await select(p, label).click();
    await p.getByRole('option', { name: option }).first().click();
  }

  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startServer();
    browser = await launch();
    amina = await signedIn(AMINA);
    lucas = await signedIn(LUCAS);
    const home = await apiCall<{ organisations: { id: string }[] }>(amina.ctx, 'GET', '/me/home');
    ownOrg = home.organisations[0].id;
    const created = await apiCall<{ id: string }>(amina.ctx, 'POST', '/partnerships', {
      name: 'Riverside Water Compact',
      purpose: 'The city water utility and a private operator run the river intake together under a public-private partnership.',
      model: 'ppp',
      visibility: 'private',
      convenerOrganisationId: ownOrg,
    });
    partnershipId = created.id;
    base = `/partnerships/${partnershipId}`;
    const orgs = await apiCall<{ items: { id: string; name: string }[] }>(amina.ctx, 'GET', '/organisations?q=BioSul&limit=5');
    biosul = orgs.items.find((o) => /BioSul/.test(o.name))!.id;
    await apiCall(amina.ctx, 'POST', `${base}/members`, { organisationId: biosul, role: 'partner' });
    await apiCall(amina.ctx, 'POST', `${base}/people`, { email: LUCAS, role: 'representative', organisationId: biosul });
  }, 300_000);

  afterAll(async () => {
    await amina?.ctx.close().catch(() => undefined);
    await lucas?.ctx.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
  });

  it('teaches the next step when the register is empty', async () => {
    const p = amina.page;
    await go(p, base);
    await p.getByRole('navigation', { name: 'Partnership sections' }).first().getByRole('link', { name: 'Risks' }).click();
    await p.getByRole('heading', { name: 'Shared risk register' }).waitFor();
    await p.getByText('No risks registered yet').waitFor();
    await p.getByText('Nothing is overdue', { exact: false }).waitFor();
    await capture(p, 'empty');
  });

  it('registers a risk through the form: the shares must add up to exactly 100', async () => {
    const p = amina.page;
    await p.getByRole('link', { name: 'Register a risk' }).first().click();
    await p.getByRole('heading', { name: 'Register a risk' }).waitFor();
    await p.getByRole('button', { name: 'Register a risk' }).click();
    await p.getByText('Choose a category').first().waitFor();
    await capture(p, 'new-errors');
    await choose(p, 'Category', 'Construction');
    await p.getByRole('textbox', { name: 'Title', exact: true }).fill('Intake pumps delivered late');
    await p.getByLabel('What could happen').fill('The replacement pumps may arrive after the dry season starts, so the intake would run on the old pumps at reduced capacity.');
    await choose(p, 'Likelihood', '4 · Likely');
    await choose(p, 'Impact', '4 · Major');
    await p.getByText('16 · Critical').first().waitFor();
    await choose(p, 'Owner', /BioSul/);
    await p.getByRole('button', { name: 'Add a share' }).click();
    await choose(p, 'Organisation of share 1', /BioSul/);
    await expect.poll(() => select(p, 'Party of share 1').inputValue()).toBe('Private party');
    await p.getByRole('textbox', { name: 'Percent of share 1' }).fill('60');
    await p.getByRole('button', { name: 'Add a share' }).click();
    await choose(p, 'Party of share 2', 'Public authority');
    await p.getByRole('textbox', { name: 'Percent of share 2' }).fill('30');
    await p.getByText('Total 90%: 10% left to allocate').waitFor();
    await p.getByRole('button', { name: 'Register a risk' }).click();
    await p.getByText('The shares add up to 90%, not 100%').waitFor();
    await capture(p, 'new-allocation');
    await p.getByRole('textbox', { name: 'Percent of share 2' }).fill('40');
    await p.getByText('Total 100%').waitFor();
    await p.getByLabel('Next review').fill(day(30));
    await p.getByRole('button', { name: 'Register a risk' }).click();
    await p.getByRole('heading', { level: 2, name: 'Intake pumps delivered late' }).waitFor();
    riskPath = new URL(p.url()).pathname;
    riskId = riskPath.split('/').pop()!;
    await p.getByRole('table', { name: 'Shares of the risk' }).getByRole('cell', { name: '60%' }).waitFor();
    await p.getByRole('img', { name: /Shares of the risk: BioSul/ }).waitFor();
    await capture(p, 'detail');
  });

  it('adds a mitigation action, completes it, records a review and changes the status', async () => {
    const p = amina.page;
    await p.getByRole('button', { name: 'Add an action' }).click();
    await p.getByRole('textbox', { name: 'Action', exact: true }).fill('Rent two mobile pumps as a fallback');
    await choose(p, 'Person responsible', /Lucas Ferreira/);
    await expect.poll(() => select(p, 'Owner organisation').inputValue()).toMatch(/BioSul/);
    await p.getByLabel('Due').fill(day(20));
    await p.getByRole('button', { name: 'Add the action' }).click();
    await p.getByRole('cell', { name: 'Rent two mobile pumps as a fallback', exact: true }).waitFor();
    await p.getByRole('button', { name: 'Mark done: Rent two mobile pumps as a fallback' }).click();
    await p.getByText(/^Done /).first().waitFor();

    await p.getByRole('button', { name: 'Record a review' }).click();
    await p.getByRole('dialog').waitFor();
    await choose(p, 'Likelihood', '3 · Possible');
    await p.getByRole('dialog').getByLabel('Note').fill('The supplier confirmed shipping; one pump may still slip.');
    await p.getByRole('dialog').getByLabel('Next review').fill('2020-01-01');
    await p.getByRole('dialog').getByRole('button', { name: 'Record the review' }).click();
    // the API refuses a next review before this one: its message sits next to the field
    await expect.poll(async () => p.getByRole('dialog').getByLabel('Next review').getAttribute('aria-invalid')).toBe('true');
    await capture(p, 'review-error');
    await p.getByRole('dialog').getByLabel('Next review').fill(day(90));
    await p.getByRole('dialog').getByRole('button', { name: 'Record the review' }).click();
    await p.getByRole('dialog').waitFor({ state: 'detached' });
    await p.getByText('12 · High').first().waitFor();

    await p.getByRole('button', { name: 'Change status' }).click();
    await p.getByRole('radio', { name: /Mitigating/ }).check();
    await p.getByRole('dialog').getByLabel('Reason').fill('Fallback pumps are rented and the supplier is tracked weekly.');
    await capture(p, 'transition');
    await p.getByRole('dialog').getByRole('button', { name: 'Change status' }).click();
    await p.getByRole('dialog').waitFor({ state: 'detached' });
    await p.getByText('Mitigating').first().waitFor();
    await p.getByText('Reason: Fallback pumps are rented and the supplier is tracked weekly.').waitFor();
    await p.getByText('Likelihood: 4 · Likely → 3 · Possible').waitFor();
    await capture(p, 'detail-worked');
  });

  it('explains a conflict when someone else changed the risk meanwhile, then saves on the latest version', async () => {
    const p = amina.page;
    await p.getByRole('link', { name: 'Edit' }).click();
    await p.getByRole('heading', { name: /Edit risk #/ }).waitFor();
    const current = await apiCall<{ version: number }>(amina.ctx, 'GET', `${base}/risks/${riskId}`);
    // another person saves a change in between
    await apiCall(amina.ctx, 'PATCH', `${base}/risks/${riskId}`, { version: current.version, description: 'Changed elsewhere: the supplier moved the shipment by a week.' });
    await p.getByRole('textbox', { name: 'Title', exact: true }).fill('Intake pumps delivered after the dry season starts');
    await p.getByRole('button', { name: 'Save changes' }).click();
    await p.getByText('Someone else changed this risk').waitFor();
    await capture(p, 'edit-conflict');
    await p.getByRole('button', { name: 'Load the latest version' }).click();
    await expect.poll(() => p.getByLabel('What could happen').inputValue()).toContain('Changed elsewhere');
    await p.getByRole('textbox', { name: 'Title', exact: true }).fill('Intake pumps delivered after the dry season starts');
    await p.getByRole('button', { name: 'Save changes' }).click();
    await p.getByRole('heading', { level: 2, name: 'Intake pumps delivered after the dry season starts' }).waitFor();
  });

  it('maps the register, filters it to a heat-map cell, keeps filters in the address and exports CSV', async () => {
    // a few more risks, one with an overdue action and one the representative's organisation has no part in
    const more = [
      { category: 'forceMajeure', title: 'Flood closes the intake', likelihood: 2, impact: 5, allocation: [{ party: 'publicAuthority', organisationId: ownOrg, percent: 100 }] },
      { category: 'revenue', title: 'Water tariffs below cost recovery', likelihood: 4, impact: 3, allocation: [{ party: 'publicAuthority', percent: '33.4' }, { party: 'privateParty', organisationId: biosul, percent: '66.6' }] },
      { category: 'changeInLaw', title: 'New abstraction licence rules', likelihood: 1, impact: 2, ownerOrganisationId: ownOrg },
    ];
    for (const r of more) {
      const d = await apiCall<{ id: string }>(amina.ctx, 'POST', `${base}/risks`, { description: `${r.title}: what it would mean for the intake.`, ...r });
      if (r.category === 'forceMajeure') otherRiskId = d.id;
    }
    await apiCall(amina.ctx, 'POST', `${base}/risks/${otherRiskId}/actions`, { description: 'Raise the flood wall at the intake', ownerOrganisationId: ownOrg, dueOn: day(-12) });

    const p = amina.page;
    await go(p, `${base}/risks`);
    await p.getByRole('table', { name: /Number of risks for each likelihood/ }).waitFor();
    await p.getByText('12 days overdue').waitFor();
    await capture(p, 'register');

    await p.getByRole('button', { name: /^Unlikely × Severe: 1 risk/ }).click();
    await expect.poll(() => new URL(p.url()).searchParams.get('l')).toBe('2');
    expect(new URL(p.url()).searchParams.get('i')).toBe('5');
    await p.getByText('Showing the cell Unlikely (2) × Severe (5)').waitFor();
    await expect.poll(() => p.getByRole('row').filter({ hasText: 'Flood closes the intake' }).count()).toBe(1);
    expect(await p.getByRole('link', { name: 'Water tariffs below cost recovery' }).count()).toBe(0);
    await capture(p, 'register-cell');
    await p.getByRole('button', { name: 'Show every cell again' }).click();
    await p.getByRole('link', { name: 'Water tariffs below cost recovery' }).waitFor();

    await choose(p, 'Sort by', 'Highest score first');
    await expect.poll(() => new URL(p.url()).searchParams.get('sort')).toBe('score_desc');
    // highest first: the two risks scored 12 (the reviewed one and the tariffs), the flood (10), the licence rules (2) last
    await expect.poll(async () => (await p.locator('tbody tr td:nth-child(2) a').allInnerTexts()).at(-1)).toBe('New abstraction licence rules');
    expect((await p.locator('tbody tr td:nth-child(2) a').allInnerTexts())[2]).toBe('Flood closes the intake');
    await choose(p, 'Status', 'Mitigating');
    await expect.poll(() => new URL(p.url()).searchParams.get('status')).toBe('mitigating');
    await expect.poll(() => p.locator('tbody tr td:nth-child(2) a').count()).toBe(1);
    // reloading keeps the filters
    await p.reload();
    await p.getByText('Showing 1 result').waitFor();
    await p.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => p.locator('tbody tr td:nth-child(2) a').count()).toBe(4);

    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('risks.csv');
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('Flood closes the intake');
    expect(csv.split('\r\n')).toHaveLength(5);
  });

  it('shows a representative only what they may do', async () => {
    const r = lucas.page;
    await go(r, `${base}/risks`);
    await r.getByRole('link', { name: 'Register a risk' }).waitFor();
    await go(r, `${base}/risks/${otherRiskId}`);
    await r.getByRole('heading', { level: 2, name: 'Flood closes the intake' }).waitFor();
    expect(await r.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await r.getByRole('button', { name: 'Change status' }).count()).toBe(0);
    expect(await r.getByRole('button', { name: 'Add an action' }).count()).toBe(0);
    await capture(r, 'detail-reader');
    await go(r, riskPath);
    await r.getByRole('link', { name: 'Edit' }).waitFor();
  });

  it('reads in French and in Spanish: the register and a risk', async () => {
    const pages: [string, string, string, string][] = [
      ['register', `${base}/risks`, 'Registre partagé des risques', 'Registro compartido de riesgos'],
      ['detail-worked', riskPath, 'Qui le supporte', 'Quién lo asume'],
      ['new-allocation', `${base}/risks/new`, 'Enregistrer un risque', 'Registrar un riesgo'],
    ];
    for (const [locale, lang] of [
      ['fr-FR', 'fr'],
      ['es-ES', 'es'],
    ] as const) {
      const { ctx, page } = await signedIn(AMINA, locale);
      try {
        for (const [name, path, fr, es] of pages) {
          await go(page, path);
          expect(await page.getAttribute('html', 'lang')).toBe(lang);
          await page.getByRole('heading', { name: lang === 'fr' ? fr : es, exact: true }).first().waitFor();
          await check(page, name, lang);
        }
      } finally {
        await ctx.close();
      }
    }
  });

  it('reads well on a phone', async () => {
    const { ctx, page } = await signedIn(AMINA, 'en-GB', { width: 390, height: 844 }, true);
    try {
      for (const [name, path] of visited) {
        if (name === 'transition' || name === 'review-error' || name === 'edit-conflict' || name === 'new-errors') continue;
        await go(page, path);
        await check(page, name, 'en-phone');
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(wide, `${name} scrolls sideways by ${wide}px on a phone`).toBeLessThanOrEqual(0);
      }
    } finally {
      await ctx.close();
    }
  });

  it('found no serious or critical accessibility violation and no script error', () => {
    expect(axeFailures.join('\n\n')).toBe('');
    expect(consoleErrors).toEqual([]);
  });
});
