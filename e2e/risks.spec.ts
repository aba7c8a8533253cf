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
import type { Page } from 'playwright-core';
import { AMINA, chromiumAvailable, day, Journey, LUCAS, type Person } from './support/journey';

const run = chromiumAvailable();

describe.skipIf(!run)('risk register journeys', { timeout: 600_000 }, () => {
  const j = new Journey('risks');
  let amina: Person;
  let lucas: Person;

  let base = '';
  let ownOrg = '';
  let biosul = '';
  let riskPath = '';
  let riskId = '';
  let otherRiskId = '';

  /** The risk forms' selects are searchable or not: a textbox or a combobox, by their exact label. */
  const select = (p: Page, label: string | RegExp) => j.select(p, label, { searchable: true });
  const choose = (p: Page, label: string | RegExp, option: string | RegExp) => j.choose(p, label, option, { searchable: true });

  beforeAll(async () => {
    await j.start();
    amina = await j.signedIn(AMINA);
    lucas = await j.signedIn(LUCAS);
    ({ base, convenerOrgId: ownOrg, biosulId: biosul } = await j.partnershipWithBioSul(amina.ctx, {
      name: 'Riverside Water Compact',
      purpose: 'The city water utility and a private operator run the river intake together under a public-private partnership.',
      model: 'ppp',
    }));
  }, 300_000);

  afterAll(() => j.stop());

  it('teaches the next step when the register is empty', async () => {
    const p = amina.page;
    await j.go(p, base);
    await p.getByRole('navigation', { name: 'Partnership sections' }).first().getByRole('link', { name: 'Risks' }).click();
    await p.getByRole('heading', { name: 'Shared risk register' }).waitFor();
    await p.getByText('No risks registered yet').waitFor();
    await p.getByText('Nothing is overdue', { exact: false }).waitFor();
    await j.capture(p, 'empty');
  });

  it('registers a risk through the form: the shares must add up to exactly 100', async () => {
    const p = amina.page;
    await p.getByRole('link', { name: 'Register a risk' }).first().click();
    await p.getByRole('heading', { name: 'Register a risk' }).waitFor();
    await p.getByRole('button', { name: 'Register a risk' }).click();
    await p.getByText('Choose a category').first().waitFor();
    await j.capture(p, 'new-errors');
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
    await j.capture(p, 'new-allocation');
    await p.getByRole('textbox', { name: 'Percent of share 2' }).fill('40');
    await p.getByText('Total 100%').waitFor();
    await p.getByLabel('Next review').fill(day(30));
    await p.getByRole('button', { name: 'Register a risk' }).click();
    await p.getByRole('heading', { level: 2, name: 'Intake pumps delivered late' }).waitFor();
    riskPath = new URL(p.url()).pathname;
    riskId = riskPath.split('/').pop()!;
    await p.getByRole('table', { name: 'Shares of the risk' }).getByRole('cell', { name: '60%' }).waitFor();
    await p.getByRole('img', { name: /Shares of the risk: BioSul/ }).waitFor();
    await j.capture(p, 'detail');
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
    await j.capture(p, 'review-error');
    await p.getByRole('dialog').getByLabel('Next review').fill(day(90));
    await p.getByRole('dialog').getByRole('button', { name: 'Record the review' }).click();
    await p.getByRole('dialog').waitFor({ state: 'detached' });
    await p.getByText('12 · High').first().waitFor();

    await p.getByRole('button', { name: 'Change status' }).click();
    await p.getByRole('radio', { name: /Mitigating/ }).check();
    await p.getByRole('dialog').getByLabel('Reason').fill('Fallback pumps are rented and the supplier is tracked weekly.');
    await j.capture(p, 'transition');
    await p.getByRole('dialog').getByRole('button', { name: 'Change status' }).click();
    await p.getByRole('dialog').waitFor({ state: 'detached' });
    await p.getByText('Mitigating').first().waitFor();
    await p.getByText('Reason: Fallback pumps are rented and the supplier is tracked weekly.').waitFor();
    await p.getByText('Likelihood: 4 · Likely → 3 · Possible').waitFor();
    await j.capture(p, 'detail-worked');
  });

  it('explains a conflict when someone else changed the risk meanwhile, then saves on the latest version', async () => {
    const p = amina.page;
    await p.getByRole('link', { name: 'Edit' }).click();
    await p.getByRole('heading', { name: /Edit risk #/ }).waitFor();
    const current = await j.api<{ version: number }>(amina.ctx, 'GET', `${base}/risks/${riskId}`);
    // another person saves a change in between
    await j.api(amina.ctx, 'PATCH', `${base}/risks/${riskId}`, { version: current.version, description: 'Changed elsewhere: the supplier moved the shipment by a week.' });
    await p.getByRole('textbox', { name: 'Title', exact: true }).fill('Intake pumps delivered after the dry season starts');
    await p.getByRole('button', { name: 'Save changes' }).click();
    await p.getByText('Someone else changed this risk').waitFor();
    await j.capture(p, 'edit-conflict');
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
      const d = await j.api<{ id: string }>(amina.ctx, 'POST', `${base}/risks`, { description: `${r.title}: what it would mean for the intake.`, ...r });
      if (r.category === 'forceMajeure') otherRiskId = d.id;
    }
    await j.api(amina.ctx, 'POST', `${base}/risks/${otherRiskId}/actions`, { description: 'Raise the flood wall at the intake', ownerOrganisationId: ownOrg, dueOn: day(-12) });

    const p = amina.page;
    await j.go(p, `${base}/risks`);
    await p.getByRole('table', { name: /Number of risks for each likelihood/ }).waitFor();
    await p.getByText('12 days overdue').waitFor();
    await j.capture(p, 'register');

    await p.getByRole('button', { name: /^Unlikely × Severe: 1 risk/ }).click();
    await expect.poll(() => new URL(p.url()).searchParams.get('l')).toBe('2');
    expect(new URL(p.url()).searchParams.get('i')).toBe('5');
    await p.getByText('Showing the cell Unlikely (2) × Severe (5)').waitFor();
    await expect.poll(() => p.getByRole('row').filter({ hasText: 'Flood closes the intake' }).count()).toBe(1);
    expect(await p.getByRole('link', { name: 'Water tariffs below cost recovery' }).count()).toBe(0);
    await j.capture(p, 'register-cell');
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
    await j.go(r, `${base}/risks`);
    await r.getByRole('link', { name: 'Register a risk' }).waitFor();
    await j.go(r, `${base}/risks/${otherRiskId}`);
    await r.getByRole('heading', { level: 2, name: 'Flood closes the intake' }).waitFor();
    expect(await r.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await r.getByRole('button', { name: 'Change status' }).count()).toBe(0);
    expect(await r.getByRole('button', { name: 'Add an action' }).count()).toBe(0);
    await j.capture(r, 'detail-reader');
    await j.go(r, riskPath);
    await r.getByRole('link', { name: 'Edit' }).waitFor();
  });

  it('reads in French and in Spanish: the register and a risk', async () => {
    await j.readsIn(AMINA, [
      ['register', `${base}/risks`, 'Registre partagé des risques', 'Registro compartido de riesgos'],
      ['detail-worked', riskPath, 'Qui le supporte', 'Quién lo asume'],
      ['new-allocation', `${base}/risks/new`, 'Enregistrer un risque', 'Registrar un riesgo'],
    ]);
  });

  it('reads well on a phone', async () => {
    await j.readsOnPhone(AMINA, (name) => name === 'transition' || name === 'review-error' || name === 'edit-conflict' || name === 'new-errors');
  });

  it('found no serious or critical accessibility violation and no script error', () => {
    j.expectClean();
  });
});
