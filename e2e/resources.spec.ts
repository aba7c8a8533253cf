/**
 * The resources journeys in a real Chromium against the real server (fresh SQLite database, demo loaded), on a
 * partnership created through the API (Amina's organisation convenes, BioSul is a member, Lucas represents it):
 * the convener pledges BioSul's staff time through the form (the API's error placed next to the tranche's date,
 * the running total of the tranches), the representative records a delivery with evidence, the convener
 * confirms the pledge and the delivery, filters the commitments in the address bar; enters an exchange rate and
 * the settings, edits the budget, records an expense (the approval rule's error next to the decision field),
 * then one under the threshold (refused while the pool holds no cash, accepted once cash is delivered), and
 * reverses it with a reason; exchanges currencies in the pool (more than it holds is refused); a second pledge is cancelled with a reason.
 * Every page is checked with axe and photographed under test-results/screenshots/ (resources-*), the main pages
 * in French and Spanish too, and at phone width (no sideways scroll).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AMINA, chromiumAvailable, day, Journey, LUCAS, type Person } from './support/journey';

const run = chromiumAvailable();

describe.skipIf(!run)('resources journeys', { timeout: 600_000 }, () => {
  const j = new Journey('resources');
  let amina: Person;
  let lucas: Person;

  let base = '';
  let conveningOrgId = '';
  let commitmentPath = '';

  beforeAll(async () => {
    await j.start();
    amina = await j.signedIn(AMINA);
    lucas = await j.signedIn(LUCAS);
    ({ base, convenerOrgId: conveningOrgId } = await j.partnershipWithBioSul(amina.ctx, {
      name: 'Cold Chain Compact',
      purpose: 'A vaccine alliance and a manufacturer keep vaccines cold from the factory to the district clinics.',
      model: 'nonprofit_corporate',
      goals: [{ title: 'Every district clinic has a working vaccine fridge' }],
    }));
  }, 300_000);

  afterAll(() => j.stop());

  it('shows an empty resources section that teaches the next step', async () => {
    const p = amina.page;
    await j.go(p, base);
    await p.getByRole('navigation', { name: 'Partnership sections' }).first().getByRole('link', { name: 'Resources' }).click();
    await p.getByText('No commitments yet').waitFor();
    await j.capture(p, 'empty');
  });

  it('lets the convener pledge staff time: the tranches add up, the API’s message sits next to the field', async () => {
    const p = amina.page;
    await j.go(p, `${base}/resources`);
    await p.getByRole('link', { name: 'Pledge resources' }).first().click();
    await p.getByRole('heading', { name: 'Pledge resources' }).first().waitFor();
    await j.choose(p, 'Pledging organisation', /BioSul/);
    await j.choose(p, 'Kind', 'Staff time and expertise');
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
    await j.capture(p, 'pledge-new');
    await p.getByRole('button', { name: 'Record the pledge' }).click();
    await p.getByText('A tranche cannot be due before the pledge', { exact: false }).waitFor();
    await expect.poll(() => p.getByLabel('Tranche 1: due on').getAttribute('aria-invalid')).toBe('true');
    await j.capture(p, 'pledge-error');
    await p.getByLabel('Tranche 1: due on').fill(day(30));
    await p.getByRole('button', { name: 'Record the pledge' }).click();
    await p.getByRole('heading', { level: 2, name: 'Two cold-chain logistics experts for the district rollout' }).waitFor();
    commitmentPath = new URL(p.url()).pathname;
    await p.getByText('Pledged', { exact: true }).first().waitFor();
    await p.getByRole('button', { name: 'Confirm the pledge' }).waitFor();
    await j.capture(p, 'commitment-pledged');
  });

  it('lets the convener confirm the pledge', async () => {
    const p = amina.page;
    await j.go(p, commitmentPath);
    await p.getByRole('button', { name: 'Confirm the pledge' }).click();
    await p.getByRole('dialog').getByRole('button', { name: 'Confirm the pledge' }).click();
    await p.getByText('Confirmed', { exact: true }).first().waitFor();
  });

  it('lets the partner’s representative record a delivery with evidence, but not confirm it', async () => {
    const r = lucas.page;
    await j.go(r, commitmentPath);
    await r.getByText('Confirmed', { exact: true }).first().waitFor();
    expect(await r.getByRole('button', { name: 'Cancel the commitment' }).count()).toBe(0);
    await r.getByRole('button', { name: 'Record a delivery' }).first().click();
    const dialog = r.getByRole('dialog');
    await dialog.getByLabel('Value (EUR)').fill('22500');
    await dialog.getByLabel('Quantity (person-days)').fill('50');
    await dialog.getByRole('textbox', { name: 'Evidence link 1' }).fill('https://example.org/timesheets/march.pdf');
    await j.capture(r, 'delivery-record');
    await dialog.getByRole('button', { name: 'Record the delivery' }).click();
    await dialog.waitFor({ state: 'detached' });
    await r.getByText('Awaiting confirmation', { exact: true }).first().waitFor();
    expect(await r.getByRole('button', { name: 'Confirm delivery 1' }).count()).toBe(0);
  });

  it('lets the convener confirm the delivery; the progress moves', async () => {
    const p = amina.page;
    await j.go(p, commitmentPath);
    await p.getByRole('button', { name: 'Confirm delivery 1' }).click();
    await p.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await p.getByText('Partly delivered', { exact: true }).first().waitFor();
    await p.getByText(/^25\s?%$/).first().waitFor();
    await p.getByRole('cell', { name: /Receivable · BioSul/ }).first().waitFor();
    await j.capture(p, 'commitment');
  });

  it('enters the settings and an exchange rate', async () => {
    const p = amina.page;
    await j.go(p, `${base}/resources/rates`);
    await p.getByRole('heading', { name: 'Exchange rates' }).waitFor();
    await p.getByText('No exchange rates yet').waitFor();
    await p.getByLabel('Approval threshold (EUR)').fill('10000');
    await p.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => p.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
    await j.choose(p, 'From', 'USD');
    await p.getByLabel('Date', { exact: true }).fill(day(-1));
    await p.getByLabel('Rate', { exact: true }).fill('0.9134');
    await p.getByRole('button', { name: 'Add the rate' }).click();
    await p.getByRole('cell', { name: 'USD → EUR' }).waitFor();
    await j.capture(p, 'rates');
  });

  it('shows pledged versus delivered by partner and kind, and filters the list in the address bar', async () => {
    // A cash pledge of the convening organisation in US dollars (converted at the rate entered).
    await j.api(amina.ctx, 'POST', `${base}/commitments`, { organisationId: conveningOrgId, kind: 'cash', description: 'Grant for district fridges', valuation: { amount: '60000', currency: 'USD' }, tranches: [{ dueOn: day(60), value: { amount: '60000', currency: 'USD' } }] });
    const p = amina.page;
    await j.go(p, `${base}/resources`);
    await p.getByRole('heading', { name: 'Pledged versus delivered' }).waitFor();
    await p.getByRole('img', { name: /Bar chart of delivered and outstanding value per partner/ }).waitFor();
    await p.getByRole('link', { name: 'Grant for district fridges' }).first().waitFor();
    await j.capture(p, 'commitments');
    await j.choose(p, 'Kind', 'Staff time and expertise');
    await expect.poll(() => new URL(p.url()).searchParams.get('kind')).toBe('staff_time');
    await expect.poll(() => p.getByRole('link', { name: 'Grant for district fridges' }).count()).toBe(0);
    await p.getByRole('link', { name: 'Two cold-chain logistics experts for the district rollout' }).first().waitFor();
    await j.capture(p, 'commitments-filtered');
  });

  it('lets the convener cancel a commitment with a reason', async () => {
    const p = amina.page;
    await j.go(p, `${base}/resources`);
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
    await j.go(p, `${base}/resources/budget`);
    await p.getByText('No budget yet').waitFor();
    await p.getByRole('button', { name: 'Edit the budget' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Add a budget line' }).click();
    await dialog.getByLabel('Line 1: name').fill('Cold chain');
    await dialog.getByLabel('Line 1: planned').fill('50000');
    await dialog.getByRole('button', { name: 'Add an activity' }).click();
    await dialog.getByLabel('Line 1, activity 1: name').fill('Training');
    await dialog.getByLabel('Line 1, activity 1: planned (EUR)').fill('20000');
    await j.capture(p, 'budget-edit');
    await dialog.getByRole('button', { name: 'Save the budget' }).click();
    await dialog.waitFor({ state: 'detached' });
    await p.getByRole('cell', { name: 'Cold chain' }).waitFor();
    await p.getByRole('cell', { name: 'Training' }).waitFor();
  });

  it('records expenses under the approval rule, and reverses one with a reason', async () => {
    const p = amina.page;
    await j.go(p, `${base}/resources/ledger`);
    await p.getByRole('heading', { name: 'Balances' }).waitFor();
    await p.getByRole('button', { name: 'Record an expense' }).click();
    let dialog = p.getByRole('dialog');
    await dialog.getByLabel('What it is for').fill('Twelve solar fridges');
    await dialog.getByRole('textbox', { name: /^Amount/ }).fill('24000');
    await dialog.getByRole('button', { name: 'Record the expense' }).click();
    // At or above the threshold without a decision: the API's message is placed on the decision field.
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Approving decision' }).getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText('name the passed decision', { exact: false }).waitFor();
    await j.capture(p, 'expense-approval');
    await dialog.getByLabel('What it is for').fill('Thermometers for the district stores');
    await dialog.getByRole('textbox', { name: /^Amount/ }).fill('2500');
    await j.choose(p, 'Activity', 'Training', { within: dialog });
    await dialog.getByRole('button', { name: 'Record the expense' }).click();
    // Only staff time was delivered so far: the pool holds no cash, and the API's refusal lands on the amount.
    await dialog.getByText('The pool holds EUR 0.00', { exact: false }).waitFor();
    await expect.poll(() => dialog.getByRole('textbox', { name: /^Amount/ }).getAttribute('aria-invalid')).toBe('true');
    await j.capture(p, 'expense-no-funds');
    // The convening organisation pays EUR 10,000 in cash, delivered and confirmed; the same expense then goes through.
    const grant = await j.api<{ id: string }>(amina.ctx, 'POST', `${base}/commitments`, { organisationId: conveningOrgId, kind: 'cash', description: 'Operating cash', valuation: { amount: '10000', currency: 'EUR' }, tranches: [{ dueOn: day(30), value: { amount: '10000', currency: 'EUR' } }] });
    await j.api(amina.ctx, 'POST', `${base}/commitments/${grant.id}/confirm`, {});
    const paid = await j.api<{ id: string }>(amina.ctx, 'POST', `${base}/commitments/${grant.id}/deliveries`, { value: { amount: '10000', currency: 'EUR' } });
    await j.api(amina.ctx, 'POST', `${base}/deliveries/${paid.id}/confirm`, {});
    await dialog.getByRole('button', { name: 'Record the expense' }).click();
    await dialog.waitFor({ state: 'detached' });
    await p.getByText('Thermometers for the district stores').waitFor();
    await j.capture(p, 'ledger');
    await p.getByRole('button', { name: /^Reverse transaction/ }).first().click();
    dialog = p.getByRole('dialog');
    await dialog.getByLabel('Reason').fill('Booked on the wrong activity.');
    await dialog.getByRole('button', { name: 'Reverse' }).click();
    await dialog.waitFor({ state: 'detached' });
    await p.getByText(/Reversed by #\d+/).first().waitFor();
    await j.choose(p, 'Type', 'Reversal');
    await expect.poll(() => new URL(p.url()).searchParams.get('type')).toBe('reversal');
    await p.getByText(/Reverses #\d+/).first().waitFor();
    await j.go(p, `${base}/resources/budget`);
    await p.getByRole('img', { name: /Bar chart of planned and actual spending/ }).waitFor();
    await j.capture(p, 'budget');
  });

  it('exchanges currencies in the pool, never more than it holds', async () => {
    const p = amina.page;
    await j.go(p, `${base}/resources/ledger`);
    await p.getByRole('button', { name: 'Record an exchange' }).click();
    const dialog = p.getByRole('dialog');
    // the EUR 10,000 delivered in cash is back in full once the expense was reversed
    await dialog.getByText('The pool holds €10,000.00').waitFor();
    await dialog.getByRole('textbox', { name: /^Amount sold/ }).fill('20000');
    await dialog.getByRole('textbox', { name: /^Amount bought/ }).fill('21708');
    await dialog.getByRole('button', { name: 'Record the exchange' }).click();
    await dialog.getByText('The pool holds EUR 10,000.00: at most that can be spent').waitFor();
    await expect.poll(() => dialog.getByRole('textbox', { name: /^Amount sold/ }).getAttribute('aria-invalid')).toBe('true');
    await dialog.getByRole('textbox', { name: /^Amount sold/ }).fill('1000');
    await dialog.getByRole('textbox', { name: /^Amount bought/ }).fill('1085.40');
    await dialog.getByText('1 EUR = 1.0854 USD').waitFor();
    await j.capture(p, 'exchange');
    await dialog.getByRole('button', { name: 'Record the exchange' }).click();
    await dialog.waitFor({ state: 'detached' });
    await p.getByText('Exchange of EUR for USD').first().waitFor();
    const pool = await j.api<{ rows: { account: string; currency: string; net: { amount: string } }[] }>(amina.ctx, 'GET', `${base}/ledger/balances`);
    expect(pool.rows.filter((r) => r.account === 'pool').map((r) => [r.currency, r.net.amount]).sort()).toEqual([['EUR', '9000.00'], ['USD', '1085.40']]);
  });

  it('reads in French and in Spanish', async () => {
    await j.readsIn(AMINA, [
      ['commitments', `${base}/resources`, 'Promis et livré', 'Comprometido frente a entregado'],
      ['commitment', commitmentPath, 'Échéancier', 'Calendario'],
      ['ledger', `${base}/resources/ledger`, 'Soldes', 'Saldos'],
      ['budget', `${base}/resources/budget`, 'Budget et réalisé', 'Presupuesto frente a real'],
      ['rates', `${base}/resources/rates`, 'Taux de change', 'Tipos de cambio'],
    ]);
  });

  it('reads well on a phone', async () => {
    await j.readsOnPhone(AMINA, (name) => ['pledge-error', 'delivery-record', 'budget-edit', 'expense-approval', 'commitment-pledged'].includes(name));
  });

  it('found no serious or critical accessibility violation and no script error', () => {
    j.expectClean();
  });
});
