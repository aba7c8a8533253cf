/**
 * The governance journeys in a real Chromium against the real server (fresh SQLite database, demo loaded):
 * a convener adopts a charter from a template and names the seat holders, proposes a motion; a representative
 * votes in another browser and the convener's page shows the tally live; the convener votes, closes voting early
 * (the template's ordinary decisions allow it) and reads the outcome explained; a ranked poll is answered by both
 * and closed (instant-runoff rounds); a dispute is raised and escalated.
 * The partnership is created fresh through the API so the journey does not depend on the demo's charters.
 * Every page is checked with axe (no serious or critical violation) and photographed under
 * test-results/screenshots/ (gov-*), in English, the charter and decision pages in French and Spanish too,
 * and every page at phone width (no sideways scroll).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AMINA, chromiumAvailable, Journey, LUCAS, type Person } from './support/journey';

const run = chromiumAvailable();

describe.skipIf(!run)('governance journeys', { timeout: 600_000 }, () => {
  const j = new Journey('gov');
  let amina: Person;
  let lucas: Person;

  let base = '';
  let motionPath = '';
  let pollPath = '';

  beforeAll(async () => {
    await j.start();
    amina = await j.signedIn(AMINA);
    lucas = await j.signedIn(LUCAS);
    // A fresh partnership convened by Amina's organisation, with BioSul as a member and Lucas representing it.
    ({ base } = await j.partnershipWithBioSul(amina.ctx, {
      name: 'Riverside Water Compact',
      purpose: 'The city water utility and a private operator run the river intake together under a public-private partnership.',
      model: 'ppp',
    }));
  }, 300_000);

  afterAll(() => j.stop());

  it('shows a representative that no charter is adopted yet', async () => {
    const p = lucas.page;
    await j.go(p, `${base}/charter`);
    await p.getByRole('navigation', { name: 'Partnership sections' }).first().getByRole('link', { name: 'Charter' }).waitFor();
    await p.getByText('No charter yet').waitFor();
    await j.capture(p, 'charter-empty');
  });

  it('lets a convener adopt a charter from a template and name the seat holders', async () => {
    const p = amina.page;
    await j.go(p, `${base}/charter`);
    await p.getByRole('heading', { name: 'Adopt a charter' }).waitFor();
    await j.capture(p, 'charter-adopt');
    await p.getByRole('radio', { name: /PPP steering committee/ }).click();
    await p.getByRole('button', { name: 'Next' }).click();
    await p.getByLabel('Charter (JSON)').waitFor();
    await p.getByText('No problems found').waitFor();
    await j.capture(p, 'charter-adopt-edit');
    await p.getByRole('button', { name: 'Next' }).click();
    await j.choose(p, 'Held by: Public authority (contracting authority)', /^Amina Diallo/);
    await j.choose(p, 'Held by: Private partner (project company / SPV)', /^BioSul Vacinas/);
    await j.capture(p, 'charter-adopt-holders');
    await p.getByRole('button', { name: 'Next' }).click();
    await p.getByText('2 of 2 voting seats with a holder', { exact: false }).waitFor();
    await p.getByLabel('Note').fill('Adopted at the first steering committee meeting.');
    await j.capture(p, 'charter-adopt-review');
    await p.getByRole('button', { name: 'Adopt the charter' }).click();
    await p.getByRole('heading', { level: 2, name: 'PPP steering committee' }).waitFor();
    await p.getByRole('heading', { name: 'Bodies and seats' }).waitFor();
    await expect.poll(() => p.getByRole('cell', { name: /Amina Diallo/ }).count()).toBeGreaterThan(0);
    await p.getByRole('link', { name: 'BioSul Vacinas S.A.' }).first().waitFor();
    // the rules in plain language
    await p.getByText(/public party agrees \(more yes than no\) AND private party agrees/).first().waitFor();
    await j.capture(p, 'charter');
  });

  it('lets the convener name a seat holder later (a new version)', async () => {
    const p = amina.page;
    await p.getByRole('button', { name: 'Change holder: Lenders (observer)' }).click();
    await p.getByRole('dialog').waitFor();
    await j.capture(p, 'charter-holder-dialog');
    await p.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await p.getByRole('row', { name: /Version 1/ }).waitFor();
  });

  it('proposes a motion under a decision type of the charter', async () => {
    const p = amina.page;
    await j.go(p, `${base}/decisions`);
    await p.getByText('No decisions yet').waitFor();
    await p.getByRole('link', { name: 'Propose' }).click();
    await p.getByRole('heading', { name: 'Propose a decision' }).waitFor();
    await j.capture(p, 'decision-new');
    await expect.poll(() => p.getByRole('combobox', { name: 'Decision type' }).inputValue()).toBe('Ordinary decision');
    await p.getByRole('textbox', { name: 'Title', exact: true }).fill('Approve the 2027 maintenance plan');
    await p.getByLabel('The motion').fill('The steering committee approves the 2027 maintenance plan for the river intake, including the pump replacement in March.');
    await p.getByRole('button', { name: 'Add a link' }).click();
    await p.getByLabel('Title of link 1').fill('Maintenance plan 2027');
    await p.getByLabel('Address of link 1').fill('https://example.org/riverside/maintenance-2027.pdf');
    await p.getByRole('button', { name: 'Propose the motion' }).click();
    await p.getByRole('heading', { level: 2, name: 'Approve the 2027 maintenance plan' }).waitFor();
    motionPath = new URL(p.url()).pathname;
    await p.getByText('Voting open').first().waitFor();
    await p.getByText('0 of 2 voting seats have voted').waitFor();
    await j.capture(p, 'decision-open');
  });

  it('lets a representative vote, and the convener sees the tally live', async () => {
    const r = lucas.page;
    await j.go(r, motionPath);
    await r.getByText('Seat: Private partner (project company / SPV)').waitFor();
    await r.getByText('You represent the organisation that holds this seat').waitFor();
    await j.capture(r, 'decision-ballot');
    await r.getByRole('radio', { name: /^Yes/ }).click();
    await r.getByLabel('Reason').fill('The plan keeps the intake running through the dry season.');
    await r.getByRole('button', { name: 'Cast the ballot' }).click();
    await r.getByText('Your ballot:').waitFor();

    // Amina's page was not reloaded: the partnership's event stream brings the new ballot.
    const p = amina.page;
    await p.getByText('1 of 2 voting seats have voted').waitFor({ timeout: 20_000 });
    await p.getByRole('cell', { name: 'Lucas Ferreira' }).first().waitFor();
    await j.capture(p, 'decision-live');
  });

  it('closes voting early and explains the outcome', async () => {
    const p = amina.page;
    await p.getByRole('radio', { name: /^Yes/ }).click();
    await p.getByRole('button', { name: 'Cast the ballot' }).click();
    await p.getByText('2 of 2 voting seats have voted').waitFor();
    await p.getByRole('button', { name: 'Close voting and count' }).click();
    await p.getByRole('dialog').getByRole('button', { name: 'Close voting and count' }).click();
    await p.getByRole('heading', { name: 'Outcome', exact: true }).waitFor();
    await p.getByText('The proposal is adopted', { exact: false }).waitFor();
    expect(await p.getByText('Passes', { exact: true }).count()).toBeGreaterThan(0);
    expect(await p.getByText('Fails', { exact: true }).count()).toBe(0);
    await p.getByRole('button', { name: 'Record the outcome' }).click();
    await p.getByLabel('Outcome statement').fill('The maintenance plan is approved; the operator orders the pumps in January.');
    await p.getByLabel('Review on').fill('2027-06-30');
    await p.getByRole('button', { name: 'Save changes' }).click();
    await p.getByText('The maintenance plan is approved; the operator orders the pumps in January.').waitFor();
    await j.capture(p, 'decision-outcome');
    await j.go(p, `${base}/decisions`);
    await p.getByRole('link', { name: 'Approve the 2027 maintenance plan' }).waitFor();
    await p.getByText('Adopted', { exact: true }).filter({ visible: true }).first().waitFor();
    await j.capture(p, 'decisions');
  });

  it('runs a ranked poll to its instant-runoff result', async () => {
    const p = amina.page;
    await j.go(p, `${base}/decisions/new`);
    await p.getByRole('radiogroup', { name: 'Kind' }).getByText('Poll', { exact: true }).click();
    await j.choose(p, 'Kind of poll', 'Ranked choice');
    await p.getByRole('textbox', { name: 'Title', exact: true }).fill('Where should the annual partners meeting be held?');
    await p.getByLabel('The question').fill('Rank the cities you would travel to, first choice first.');
    await p.getByRole('textbox', { name: 'Option 1', exact: true }).fill('Geneva');
    await p.getByRole('textbox', { name: 'Option 2', exact: true }).fill('Nairobi');
    await p.getByRole('button', { name: 'Add an option' }).click();
    await p.getByRole('textbox', { name: 'Option 3', exact: true }).fill('Dhaka');
    await j.capture(p, 'poll-new');
    await p.getByRole('button', { name: 'Open the poll' }).click();
    await p.getByRole('heading', { level: 2, name: 'Where should the annual partners meeting be held?' }).waitFor();
    pollPath = new URL(p.url()).pathname;
    await p.getByRole('button', { name: 'Rank Nairobi' }).click();
    await p.getByRole('button', { name: 'Rank Geneva' }).click();
    await p.getByRole('button', { name: 'Rank Dhaka' }).click();
    await p.getByRole('button', { name: 'Move Dhaka up' }).click();
    await j.capture(p, 'poll-answer');
    await p.getByRole('button', { name: 'Send my answer' }).click();
    await p.getByText('You answered:').waitFor();

    const r = lucas.page;
    await j.go(r, pollPath);
    await r.getByRole('button', { name: 'Rank Geneva' }).click();
    await r.getByRole('button', { name: 'Rank Dhaka' }).click();
    await r.getByRole('button', { name: 'Send my answer' }).click();
    await r.getByText('You answered:').waitFor();

    await p.getByText('2 answers so far').waitFor({ timeout: 20_000 });
    await p.getByRole('button', { name: 'Close the poll' }).click();
    await p.getByRole('dialog').getByRole('button', { name: 'Close the poll' }).click();
    await p.getByRole('heading', { name: 'Instant-runoff rounds' }).waitFor();
    await p.getByRole('table', { name: /round by round/ }).waitFor();
    await j.capture(p, 'poll-result');
  });

  it('raises a dispute and escalates it up the ladder', async () => {
    const p = amina.page;
    await j.go(p, `${base}/disputes`);
    await p.getByText('No disputes').first().waitFor();
    await j.capture(p, 'disputes-empty');
    await p.getByRole('link', { name: 'Raise a dispute' }).click();
    await p.getByRole('heading', { name: 'Raise a dispute' }).waitFor();
    await j.capture(p, 'dispute-new');
    const parties = p.getByRole('textbox', { name: 'Parties' }).or(p.getByRole('combobox', { name: 'Parties' })).first();
    await parties.click();
    await p.getByRole('option', { name: /BioSul/ }).click();
    if (!(await p.getByRole('option', { name: /Horizon Vaccine Alliance/ }).isVisible())) await parties.click();
    await p.getByRole('option', { name: /Horizon Vaccine Alliance/ }).click();
    await p.keyboard.press('Escape');
    await p.getByLabel('Subject').fill('Invoices for the pump replacement are unpaid');
    await p.getByLabel('What happened').fill('The operator invoiced the pump replacement in March; the utility disputes two line items and has not paid.');
    await j.choose(p, 'Decision it concerns', /Approve the 2027 maintenance plan/);
    await p.getByRole('button', { name: 'Raise a dispute' }).click();
    await p.getByRole('heading', { level: 2, name: 'Invoices for the pump replacement are unpaid' }).waitFor();
    await p.getByText('Current step').first().waitFor();
    await j.capture(p, 'dispute');
    await p.getByRole('button', { name: 'Escalate' }).click();
    await p.getByLabel('How the current step ended').fill('The representatives met twice without agreeing on the two line items.');
    await p.getByLabel('Why it escalates').fill('Negotiation failed; the steering committee must decide.');
    await p.getByRole('dialog').getByRole('button', { name: 'Escalate' }).click();
    await p.getByText('Escalated because: Negotiation failed; the steering committee must decide.').waitFor();
    await p.getByText('Escalated').first().waitFor();
    await j.capture(p, 'dispute-escalated');
    await j.go(p, `${base}/disputes`);
    await p.getByRole('link', { name: 'Invoices for the pump replacement are unpaid' }).waitFor();
    await j.capture(p, 'disputes');
  });

  it('reads in French and in Spanish: the charter and the decisions', async () => {
    await j.readsIn(AMINA, [
      ['charter', `${base}/charter`, 'Organes et sièges', 'Órganos y puestos'],
      ['decision-outcome', motionPath, 'Résultat', 'Resultado'],
      ['poll-result', pollPath, 'Tours du vote alternatif', 'Rondas de segunda vuelta instantánea'],
      ['decisions', `${base}/decisions`, 'Décisions', 'Decisiones'],
    ]);
  });

  it('reads well on a phone', async () => {
    await j.readsOnPhone(AMINA, (name) => name.startsWith('charter-adopt') || name === 'charter-holder-dialog' || name === 'charter-empty');
  });

  it('found no serious or critical accessibility violation and no script error', () => {
    j.expectClean();
  });
});
