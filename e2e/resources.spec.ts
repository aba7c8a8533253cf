/**
 * The resources journeys in a real Chromium against the real server (fresh SQLite database, demo loaded), on a
 * partnership created through the API (Amina's organisation convenes, BioSul is a member, Lucas represents it):
 * the convener pledges BioSul's staff time through the form (the API's error placed next to the tranche's date,
 * the running total of the tranches), the representative records a delivery with evidence, the convener
 * confirms the pledge and the delivery, filters the commitments in the address bar; enters an exchange rate and
 * the settings, edits the budget, records an expense (the approval rule's error next to the decision field),
 * then one under the threshold (refused while the pool holds no cash, accepted once cash is delivered), and
 * reverses it with a reason; a second pledge is cancelled with a reason.
 * Every page is checked with axe and photographed under test-results/screenshots/ (resources-*), the main pages
 * in French and Spanish too, and at phone width (no sideways scroll).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeSerious, chromiumAvailable, describeViolations, launch, screenshot, settle } from './support/browser';
import { ensureWebBuilt, startServer, type RunningServer } from './support/server';

const PASSWORD = 'accord-demo-2026';
const AMINA = 'amina.convener@demo.accord.test';
const LUCAS = 'lucas.rep@demo.accord.test';
const run = chromiumAvailable();

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!run)('resources journeys', { timeout: 600_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let amina: { ctx: BrowserContext; page: Page };
  let lucas: { ctx: BrowserContext; page: Page };
  const axeFailures: string[] = [];
  const consoleErrors: string[] = [];
  const visited = new Map<string, string>();

  let partnershipId = '';
  let base = '';
  let biosulId = '';
  let conveningOrgId = '';
  let commitmentPath = '';

  async function check(p: Page, name: string, lang: string): Promise<void> {
    await settle(p);
    const violations = await axeSerious(p);
    if (violations.length) axeFailures.push(`${name}-${lang} (${p.url()}):\n${describeViolations(violations)}`);
    await screenshot(p, `resources-${name}`, lang);
  }

  async function capture(p: Page, name: string): Promise<void> {
    await check(p, name, 'en');
    const u = new URL(p.url());
    visited.set(name, u.pathname + u.search);
  }

  async function signedIn(email: string, locale = 'en-GB', viewport = { width: 1280, height: 860 }, mobile = false): Promise<{ ctx: BrowserContext; page: Page }> {
    const ctx = await browser.newContext({ viewport, locale, timezoneId: 'UTC', reducedMotion: 'reduce', isMobile: mobile, hasTouch: mobile });
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

  async function apiCall<T>(ctx: BrowserContext, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown, key = false): Promise<T> {
    const session = (await (await ctx.request.get(`${server.url}/api/v1/auth/session`)).json()) as { csrfToken: string };
    const headers: Record<string, string> = { 'x-csrf-token': session.csrfToken };
    if (key) headers['idempotency-key'] = `e2e-${Math.random().toString(36).slice(2)}-${Date.now()}`;
    const res = await ctx.request.fetch(`${server.url}/api/v1${path}`, { method, data, headers });
    expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  }

  async function go(p: Page, path: string): Promise<void> {
    await p.goto(server.url + path);
    await p.locator('main h1').first().waitFor({ timeout: 20_000 });
  }

  async function choose(p: Page, label: string | RegExp, option: string | RegExp, scope?: ReturnType<Page['getByRole']>): Promise<void> {
    await (scope ?? p).getByRole('combobox', { name: label }).click();
    await p.getByRole('option', { name: option }).first().click();
  }

  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startServer();
    browser = await launch();
    amina = await signedIn(AMINA);
    lucas = await signedIn(LUCAS);
    const home = await apiCall<{ organisations: { id: string }[] }>(amina.ctx, 'GET', '/me/home');
    conveningOrgId = home.organisations[0].id;
    const created = await apiCall<{ id: string }>(amina.ctx, 'POST', '/partnerships', {
      name: 'Cold Chain Compact',
      purpose: 'A vaccine alliance and a manufacturer keep vaccines cold from the factory to the district clinics.',
      model: 'nonprofit_corporate',
      visibility: 'private',
      convenerOrganisationId: conveningOrgId,
      goals: [{ title: 'Every district clinic has a working vaccine fridge' }],
    });
    partnershipId = created.id;
    base = `/partnerships/${partnershipId}`;
    const orgs = await apiCall<{ items: { id: string; name: string }[] }>(amina.ctx, 'GET', '/organisations?q=BioSul&limit=5');
    biosulId = orgs.items.find((o) => /BioSul/.test(o.name))!.id;
    await apiCall(amina.ctx, 'POST', `${base}/members`, { organisationId: biosulId, role: 'partner' });
    await apiCall(amina.ctx, 'POST', `${base}/people`, { email: LUCAS, role: 'representative', organisationId: biosulId });
  }, 300_000);

  afterAll(async () => {
    await amina?.ctx.close().catch(() => undefined);
    await lucas?.ctx.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
  });

  it('shows an empty resources section that teaches the next step', async () => {
    const p = amina.page;
    await go(p, base);
    await p.getByRole('navigation', { name: 'Partnership sections' }).first().getByRole('link', { name: 'Resources' }).click();
    await p.getByText('No commitments yet').waitFor();
    await capture(p, 'empty');
  });

  it('lets the convener pledge staff time: the tranches add up, the API’s message sits next to the field', async () => {
    const p = amina.page;
    await go(p, `${base}/resources`);
    await p.getByRole('link', { name: 'Pledge resources' }).first().click();
    await p.getByRole('heading', { name: 'Pledge resources' }).first().waitFor();
    await choose(p, 'Pledging organisation', /BioSul/);
    await choose(p, 'Kind', 'Staff time and expertise');
    await p.getByLabel('Description').fill('Two cold-chain logistics experts for the district rollout');
    await p.getByRole('textbox', { name: 'Quantity', exact: true }).fill('200');
    await p.getByRole('textbox', { name: 'Unit', exact: true }).fill('person-days');
    await p.getByLabel('Value in money').fill('90,000.00');
    await p.getByLabel('Basis of the valuation').fill('450 EUR per person-day, the partner’s day rate');
    // A date before the pledge: only the server knows the rule; its message lands next to the date.
    await p.getByLabel('Tranche 1: due on').fill('2020-01-15');
    await p.getByLabel('Tranche 1: value (EUR)').fill('45000');
    await p.getByText('Tranches add up to €45,000.00 of €90,000.00: €45,000.00 still to schedule').waitFor();
    await p.getByRole('button', { name: 'Add a tranche' }).click();
    await expect.poll(() => p.getByLabel('Tranche 2: value (EUR)').inputValue()).toBe('45000.00');
    await p.getByLabel('Tranche 2: due on').fill(day(150));
    await p.getByText('Tranches add up to €90,000.00: matches the value').waitFor();
    await p.getByRole('button', { name: 'Add a condition' }).click();
    await p.getByRole('textbox', { name: 'Condition 1' }).fill('The ministry provides a vehicle for the district visits');
    await capture(p, 'pledge-new');
    await p.getByRole('button', { name: 'Record the pledge' }).click();
    await p.getByText('A tranche cannot be due before the pledge', { exact: false }).waitFor();
    await expect.poll(() => p.getByLabel('Tranche 1: due on').getAttribute('aria-invalid')).toBe('true');
    await capture(p, 'pledge-error');
    await p.getByLabel('Tranche 1: due on').fill(day(30));
    await p.getByRole('button', { name: 'Record the pledge' }).click();
    await p.getByRole('heading', { level: 2, name: 'Two cold-chain logistics experts for the district rollout' }).waitFor();
    commitmentPath = new URL(p.url()).pathname;
    await p.getByText('Pledged', { exact: true }).first().waitFor();
    await p.getByRole('button', { name: 'Confirm the pledge' }).waitFor();
    await capture(p, 'commitment-pledged');
  });

  it('lets the convener confirm the pledge', async () => {
    const p = amina.page;
    await go(p, commitmentPath);
    await p.getByRole('button', { name: 'Confirm the pledge' }).click();
    await p.getByRole('dialog').getByRole('button', { name: 'Confirm the pledge' }).click();
    await p.getByText('Confirmed', { exact: true }).first().waitFor();
  });

  it('lets the partner’s representative record a delivery with evidence, but not confirm it', async () => {
    const r = lucas.page;
    await go(r, commitmentPath);
    await r.getByText('Confirmed', { exact: true }).first().waitFor();
    expect(await r.getByRole('button', { name: 'Cancel the commitment' }).count()).toBe(0);
    await r.getByRole('button', { name: 'Record a delivery' }).first().click();
    const dialog = r.getByRole('dialog');
    await dialog.getByLabel('Value (EUR)').fill('22500');
    await dialog.getByLabel('Quantity (person-days)').fill('50');
    await dialog.getByRole('textbox', { name: 'Evidence link 1' }).fill('https://example.org/timesheets/march.pdf');
    await capture(r, 'delivery-record');
    await dialog.getByRole('button', { name: 'Record the delivery' }).click();
    await dialog.waitFor({ state: 'detached' });
    await r.getByText('Awaiting confirmation', { exact: true }).first().waitFor();
    expect(await r.getByRole('button', { name: 'Confirm delivery 1' }).count()).toBe(0);
  });

  it('lets the convener confirm the delivery; the progress moves', async () => {
    const p = amina.page;
    await go(p, commitmentPath);
    await p.getByRole('button', { name: 'Confirm delivery 1' }).click();
    await p.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await p.getByText('Partly delivered', { exact: true }).first().waitFor();
    await p.getByText(/^25\s?%$/).first().waitFor();
    await p.getByRole('cell', { name: /Receivable · BioSul/ }).first().waitFor();
    await capture(p, 'commitment');
  });

  it('enters the settings and an exchange rate', async () => {
    const p = amina.page;
    await go(p, `${base}/resources/rates`);
    await p.getByRole('heading', { name: 'Exchange rates' }).waitFor();
    await p.getByText('No exchange rates yet').waitFor();
    await p.getByLabel('Approval threshold (EUR)').fill('10000');
    await p.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => p.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
    await choose(p, 'From', 'USD');
    await p.getByLabel('Date', { exact: true }).fill(day(-1));
    await p.getByLabel('Rate', { exact: true }).fill('0.9134');
    await p.getByRole('button', { name: 'Add the rate' }).click();
    await p.getByRole('cell', { name: 'USD → EUR' }).waitFor();
    await capture(p, 'rates');
  });

  it('shows pledged versus delivered by partner and kind, and filters the list in the address bar', async () => {
    // A cash pledge of the convening organisation in US dollars (converted at the rate entered).
    await apiCall(amina.ctx, 'POST', `${base}/commitments`, { organisationId: conveningOrgId, kind: 'cash', description: 'Grant for district fridges', valuation: { amount: '60000', currency: 'USD' }, tranches: [{ dueOn: day(60), value: { amount: '60000', currency: 'USD' } }] }, true);
    const p = amina.page;
    await go(p, `${base}/resources`);
    await p.getByRole('heading', { name: 'Pledged versus delivered' }).waitFor();
    await p.getByRole('img', { name: /Bar chart of delivered and outstanding value per partner/ }).waitFor();
    await p.getByRole('link', { name: 'Grant for district fridges' }).first().waitFor();
    await capture(p, 'commitments');
    await choose(p, 'Kind', 'Staff time and expertise');
    await expect.poll(() => new URL(p.url()).searchParams.get('kind')).toBe('staff_time');
    await expect.poll(() => p.getByRole('link', { name: 'Grant for district fridges' }).count()).toBe(0);
    await p.getByRole('link', { name: 'Two cold-chain logistics experts for the district rollout' }).first().waitFor();
    await capture(p, 'commitments-filtered');
  });

  it('lets the convener cancel a commitment with a reason', async () => {
    const p = amina.page;
    await go(p, `${base}/resources`);
    await p.getByRole('link', { name: 'Grant for district fridges' }).first().click();
    await p.getByRole('button', { name: 'Cancel the commitment' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Cancel the commitment' }).click();
    await dialog.getByText('Say why').waitFor();
    await dialog.getByLabel('Reason').fill('The grant moved to next year’s budget cycle.');
    await dialog.getByRole('button', { name: 'Cancel the commitment' }).click();
    await dialog.waitFor({ state: 'detached' });
    await p.getByText('Cancelled', { exact: true }).first().waitFor();
    await p.getByText('“The grant moved to next year’s budget cycle.”').waitFor();
  });

  it('edits the budget and shows budget versus actual', async () => {
    const p = amina.page;
    await go(p, `${base}/resources/budget`);
    await p.getByText('No budget yet').waitFor();
    await p.getByRole('button', { name: 'Edit the budget' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Add a budget line' }).click();
    await dialog.getByLabel('Line 1: name').fill('Cold chain');
    await dialog.getByLabel('Line 1: planned').fill('50000');
    await dialog.getByRole('button', { name: 'Add an activity' }).click();
    await dialog.getByLabel('Line 1, activity 1: name').fill('Training');
    await dialog.getByLabel('Line 1, activity 1: planned (EUR)').fill('20000');
    await capture(p, 'budget-edit');
    await dialog.getByRole('button', { name: 'Save the budget' }).click();
    await dialog.waitFor({ state: 'detached' });
    await p.getByRole('cell', { name: 'Cold chain' }).waitFor();
    await p.getByRole('cell', { name: 'Training' }).waitFor();
  });

  it('records expenses under the approval rule, and reverses one with a reason', async () => {
    const p = amina.page;
    await go(p, `${base}/resources/ledger`);
    await p.getByRole('heading', { name: 'Balances' }).waitFor();
    await p.getByRole('button', { name: 'Record an expense' }).click();
    let dialog = p.getByRole('dialog');
    await dialog.getByLabel('What it is for').fill('Twelve solar fridges');
    await dialog.getByRole('textbox', { name: /^Amount/ }).fill('24000');
    await dialog.getByRole('button', { name: 'Record the expense' }).click();
    // At or above the threshold without a decision: the API's message is placed on the decision field.
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Approving decision' }).getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText('name the passed decision', { exact: false }).waitFor();
    await capture(p, 'expense-approval');
    await dialog.getByLabel('What it is for').fill('Thermometers for the district stores');
    await dialog.getByRole('textbox', { name: /^Amount/ }).fill('2500');
    await choose(p, 'Activity', 'Training', dialog);
    await dialog.getByRole('button', { name: 'Record the expense' }).click();
    // Only staff time was delivered so far: the pool holds no cash, and the API's refusal lands on the amount.
    await dialog.getByText('The pool holds EUR 0.00', { exact: false }).waitFor();
    await expect.poll(() => dialog.getByRole('textbox', { name: /^Amount/ }).getAttribute('aria-invalid')).toBe('true');
    await capture(p, 'expense-no-funds');
    // The convening organisation pays EUR 10,000 in cash, delivered and confirmed; the same expense then goes through.
    const grant = await apiCall<{ id: string }>(amina.ctx, 'POST', `${base}/commitments`, { organisationId: conveningOrgId, kind: 'cash', description: 'Operating cash', valuation: { amount: '10000', currency: 'EUR' }, tranches: [{ dueOn: day(30), value: { amount: '10000', currency: 'EUR' } }] }, true);
    await apiCall(amina.ctx, 'POST', `${base}/commitments/${grant.id}/confirm`, {}, true);
    const paid = await apiCall<{ id: string }>(amina.ctx, 'POST', `${base}/commitments/${grant.id}/deliveries`, { value: { amount: '10000', currency: 'EUR' } }, true);
    await apiCall(amina.ctx, 'POST', `${base}/deliveries/${paid.id}/confirm`, {}, true);
    await dialog.getByRole('button', { name: 'Record the expense' }).click();
    await dialog.waitFor({ state: 'detached' });
    await p.getByText('Thermometers for the district stores').waitFor();
    await capture(p, 'ledger');
    await p.getByRole('button', { name: /^Reverse transaction/ }).first().click();
    dialog = p.getByRole('dialog');
    await dialog.getByLabel('Reason').fill('Booked on the wrong activity.');
    await dialog.getByRole('button', { name: 'Reverse' }).click();
    await dialog.waitFor({ state: 'detached' });
    await p.getByText(/Reversed by #\d+/).first().waitFor();
    await choose(p, 'Type', 'Reversal');
    await expect.poll(() => new URL(p.url()).searchParams.get('type')).toBe('reversal');
    await p.getByText(/Reverses #\d+/).first().waitFor();
    await go(p, `${base}/resources/budget`);
    await p.getByRole('img', { name: /Bar chart of planned and actual spending/ }).waitFor();
    await capture(p, 'budget');
  });

  it('reads in French and in Spanish', async () => {
    const pages: [string, string, string, string][] = [
      ['commitments', `${base}/resources`, 'Promis et livré', 'Comprometido frente a entregado'],
      ['commitment', commitmentPath, 'Échéancier', 'Calendario'],
      ['ledger', `${base}/resources/ledger`, 'Soldes', 'Saldos'],
      ['budget', `${base}/resources/budget`, 'Budget et réalisé', 'Presupuesto frente a real'],
      ['rates', `${base}/resources/rates`, 'Taux de change', 'Tipos de cambio'],
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
        if (['pledge-error', 'delivery-record', 'budget-edit', 'expense-approval', 'commitment-pledged'].includes(name)) continue;
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
