/**
 * The results framework in a real Chromium against the real server (fresh SQLite database, demo loaded):
 * a convener builds the tree (a goal, two weighted outcomes) and defines an indicator through the form (the API's
 * message shows next to the target it refuses); the convener's organisation has reported earlier quarters (through
 * the API, so the chart has a history); a representative reports his organisation's values for an overdue quarter
 * (numbers only, disaggregated by sex, the groups must add up), submits, gets them returned with a comment,
 * corrects and resubmits; the convener approves from the review queue and the values lock. The reporting calendar
 * shows each period by partner; a commitment is linked to a result on the contributions page.
 * Every page is checked with axe (no serious or critical violation) and photographed under
 * test-results/screenshots/ (results-*), in English, the main pages in French and Spanish too, and every page at
 * phone width (no sideways scroll).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AMINA, chromiumAvailable, Journey, LUCAS, type Person } from './support/journey';

const INDICATOR = 'Children vaccinated with DTP3';
const run = chromiumAvailable();

describe.skipIf(!run)('results journeys', { timeout: 900_000 }, () => {
  const j = new Journey('results');
  let amina: Person;
  let lucas: Person;

  let base = '';
  let aminaOrg = '';
  let biosul = '';
  let indicatorId = '';
  let outputId = '';
  let submissionPath = '';

  beforeAll(async () => {
    await j.start();
    amina = await j.signedIn(AMINA);
    lucas = await j.signedIn(LUCAS);
    ({ base, convenerOrgId: aminaOrg, biosulId: biosul } = await j.partnershipWithBioSul(amina.ctx, {
      name: 'Coastal Immunisation Compact',
      purpose: 'A vaccine alliance and a vaccine maker raise childhood immunisation in the coastal districts together.',
      model: 'msi',
    }));
  }, 300_000);

  afterAll(() => j.stop());

  it('shows a representative that no framework exists yet', async () => {
    const p = lucas.page;
    await j.go(p, `${base}/results`);
    await p.getByRole('navigation', { name: 'Partnership sections' }).first().getByRole('link', { name: 'Results' }).waitFor();
    await p.getByText('No results framework yet').waitFor();
    expect(await p.getByRole('button', { name: 'Add a goal' }).count()).toBe(0);
    await j.capture(p, 'empty');
  });

  it('lets the convener build the tree: a goal, two outcomes, their weights', async () => {
    const p = amina.page;
    await j.go(p, `${base}/results`);
    await p.getByRole('button', { name: 'Add a goal' }).first().click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel('Title').fill('Fewer children die of preventable disease');
    await dialog.getByLabel('Description').fill('Under-five mortality from vaccine-preventable disease falls in the coastal districts.');
    await j.capture(p, 'goal-dialog');
    await dialog.getByRole('button', { name: 'Add a goal' }).click();
    await p.getByRole('heading', { name: 'Fewer children die of preventable disease' }).waitFor();

    for (const title of ['Higher DTP3 coverage', 'A reliable cold chain']) {
      await p.getByRole('button', { name: 'Actions for Fewer children die of preventable disease' }).click();
      await p.getByRole('menuitem', { name: 'Add an outcome' }).click();
      await p.getByRole('dialog').getByLabel('Title').fill(title);
      await p.getByRole('dialog').getByRole('button', { name: 'Add an outcome' }).click();
      await p.getByRole('heading', { name: title }).waitFor();
    }
    // one weight alone is refused: the API's message shows next to the field
    await p.getByRole('button', { name: 'Actions for Higher DTP3 coverage' }).click();
    await p.getByRole('menuitem', { name: 'Edit' }).click();
    await p.getByRole('dialog').getByLabel('Weight').fill('3');
    await p.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
    await p.getByRole('dialog').getByLabel('Weight').and(p.locator('[aria-invalid="true"]')).waitFor();
    await j.capture(p, 'node-weight-error');
    await p.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    // the family is weighted in one go
    await p.getByRole('button', { name: 'Actions for Fewer children die of preventable disease' }).click();
    await p.getByRole('menuitem', { name: 'Weights of what lies below' }).click();
    await p.getByRole('dialog').getByLabel('Outcome: Higher DTP3 coverage').fill('3');
    await p.getByRole('dialog').getByLabel('Outcome: A reliable cold chain').fill('1');
    await p.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
    await p.getByText('Weight 3 · 75 %').waitFor();
    await p.getByText('Weight 1 · 25 %').waitFor();

    const tree = await j.api<{ nodes: { id: string; title: string }[] }>(amina.ctx, 'GET', `${base}/results`);
    const coldChain = tree.nodes.find((n) => n.title === 'A reliable cold chain')!.id;
    const out = await j.api<{ id: string }>(amina.ctx, 'POST', `${base}/results`, { level: 'output', parentId: coldChain, title: 'Solar fridges installed' });
    outputId = out.id;
    await j.capture(p, 'tree-building');
  });

  it('lets the convener define an indicator, showing the API refusing a target on the wrong side of the baseline', async () => {
    const p = amina.page;
    await j.go(p, `${base}/results`);
    await p.getByRole('button', { name: 'Actions for Higher DTP3 coverage' }).click();
    await p.getByRole('menuitem', { name: 'Add an indicator' }).click();
    await p.getByRole('heading', { name: 'Add an indicator' }).waitFor();
    await expect.poll(() => p.getByRole('combobox', { name: 'Result it measures' }).inputValue()).toBe('Outcome: Higher DTP3 coverage');
    await p.getByRole('textbox', { name: 'Title', exact: true }).fill(INDICATOR);
    await p.getByLabel('Definition').fill('Children under one who received the third dose of DTP, from the district health information system.');
    await p.getByRole('combobox', { name: 'SDG indicators' }).fill('3.b.1');
    await p.getByRole('combobox', { name: 'SDG indicators' }).press('Enter');
    await p.getByLabel('Unit', { exact: true }).fill('children');
    await p.getByLabel('Baseline value').fill('1200');
    await p.getByLabel('Baseline date').fill('2025-06-30');
    const partners = p.getByRole('textbox', { name: 'Responsible partners' }).or(p.getByRole('combobox', { name: 'Responsible partners' })).first();
    await partners.click();
    await p.getByRole('option', { name: /BioSul/ }).click();
    if (!(await p.getByRole('option', { name: /Horizon Vaccine Alliance/ }).isVisible())) await partners.click();
    await p.getByRole('option', { name: /Horizon Vaccine Alliance/ }).click();
    await p.keyboard.press('Escape');
    await p.getByLabel('First day').fill('2025-07-01');
    await p.getByLabel('Last day').fill('2027-06-30');
    await p.getByText('8 reporting periods, 2025-Q3 to 2027-Q2', { exact: false }).waitFor();
    for (const [period, value] of [
      ['2025-Q4', '1000'],
      ['2026-Q4', '6000'],
      ['2027-Q2', '9000'],
    ]) {
      await p.getByRole('button', { name: 'Add a target' }).click();
      const n = await p.getByRole('button', { name: /^Remove target/ }).count();
      await j.choose(p, `Period of target ${n}`, period);
      await p.getByLabel(`Target ${n}`, { exact: true }).fill(value);
    }
    await p.getByRole('button', { name: 'Add a dimension' }).click();
    await p.getByLabel('Key of dimension 1').fill('sex');
    await p.getByLabel('Name of dimension 1').fill('Sex');
    for (const v of ['female', 'male']) {
      await p.getByRole('combobox', { name: 'Groups of dimension 1' }).fill(v);
      await p.getByRole('combobox', { name: 'Groups of dimension 1' }).press('Enter');
    }
    await p.getByRole('button', { name: 'Add the indicator' }).click();
    // 1000 is below the baseline of 1200 while higher is better: refused, next to the target
    await p.getByLabel('Target 1', { exact: true }).and(p.locator('[aria-invalid="true"]')).waitFor();
    await j.capture(p, 'indicator-form-error');
    await p.getByLabel('Target 1', { exact: true }).fill('3000');
    await p.getByRole('button', { name: 'Add the indicator' }).click();
    await p.getByRole('heading', { level: 2, name: INDICATOR }).waitFor();
    indicatorId = new URL(p.url()).pathname.split('/').pop()!;
    await p.getByText('No approved value yet').waitFor();

    // the convener's own organisation reported the earlier quarters, approved (through the API)
    const history: [string, string, string, string][] = [
      ['2025-Q3', '1500', '800', '700'],
      ['2025-Q4', '2100', '1100', '1000'],
      ['2026-Q1', '2600', '1350', '1250'],
      ['2026-Q2', '3300', '1700', '1600'],
      ['2026-Q3', '3500', '1800', '1700'],
    ];
    for (const [period, value, female, male] of history) {
      const s = await j.api<{ id: string }>(amina.ctx, 'POST', `${base}/indicators/${indicatorId}/submissions`, {
        periodKey: period, partnerId: aminaOrg, value, breakdown: [{ cell: { sex: 'female' }, value: female }, { cell: { sex: 'male' }, value: male }],
      });
      await j.api(amina.ctx, 'POST', `${base}/indicator-submissions/${s.id}/submit`, {});
      await j.api(amina.ctx, 'POST', `${base}/indicator-submissions/${s.id}/approve`, {});
    }
    // a second indicator under the output, per period, so the tree rolls up from two places
    await j.api(amina.ctx, 'POST', `${base}/indicators`, {
      nodeId: outputId, title: 'Solar fridges installed in health posts', definition: 'Solar direct-drive fridges installed and working, counted at commissioning.', unit: 'fridges',
      measure: 'unit', direction: 'higher_is_better', valueKind: 'per_period', targets: [{ periodKey: '2026-Q1', value: 20 }, { periodKey: '2026-Q2', value: 20 }],
      responsiblePartnerIds: [biosul], schedule: { frequency: 'quarterly', start: '2026-01-01', end: '2026-12-31', graceDays: 30 },
    });
  });

  it('lets a representative report his organisation’s values: numbers only, the groups add up', async () => {
    const p = lucas.page;
    await j.go(p, `${base}/results/indicators/${indicatorId}`);
    await p.getByRole('heading', { name: 'Reports by period' }).waitFor();
    expect(await p.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    await p.getByRole('link', { name: 'Report 2026-Q3 for BioSul Vacinas S.A.' }).click();
    await p.getByRole('heading', { name: 'Report values' }).waitFor();
    await expect.poll(() => p.getByRole('combobox', { name: 'Period' }).inputValue()).toMatch(/^2026-Q3/);
    await p.getByLabel('Value (children)').fill('1,200');
    await p.getByRole('button', { name: 'Submit for review' }).click();
    await p.getByText('Numbers only: digits, with a point for decimals').waitFor();
    await p.getByLabel('Value (children)').fill('2400');
    await p.getByLabel('female').fill('1300');
    await p.getByLabel('male', { exact: true }).fill('1000');
    await p.getByText('The groups add up to 2,300, not the value 2,400').waitFor();
    await p.getByLabel('Note').fill('From the district registers of the three coastal districts.');
    await j.capture(p, 'report-form');
    await p.getByRole('button', { name: 'Submit for review' }).click();
    // the API refuses a complete set of groups that does not add up: the message sits next to a group
    await p.locator('main [aria-invalid="true"]').first().waitFor();
    await p.getByLabel('male', { exact: true }).fill('1100');
    await p.getByText('The groups add up to 2,400.').waitFor();
    await p.getByRole('button', { name: 'Submit for review' }).click();
    await p.getByRole('heading', { name: '2026-Q3 · BioSul Vacinas S.A.' }).waitFor();
    await p.getByText('Waiting for the convener’s review.').waitFor();
    submissionPath = new URL(p.url()).pathname;
    await j.capture(p, 'submission-submitted');
  });

  it('lets the convener return the report with a comment from the review queue', async () => {
    const p = amina.page;
    await j.go(p, `${base}/results/review`);
    await p.getByRole('heading', { name: 'Review queue' }).waitFor();
    await p.getByRole('link', { name: INDICATOR }).first().waitFor();
    await j.capture(p, 'review-queue');
    await p.getByRole('button', { name: `Return ${INDICATOR}, 2026-Q3, BioSul Vacinas S.A.` }).click();
    await p.getByRole('dialog').getByRole('button', { name: 'Return' }).click();
    await p.getByText('Say what the partner should correct').waitFor();
    await p.getByRole('dialog').getByLabel('What to correct').fill('The north district counted boys twice: please recount the male figure.');
    await j.capture(p, 'review-return');
    await p.getByRole('dialog').getByRole('button', { name: 'Return' }).click();
    await p.getByText('Nothing waits for review').waitFor();
  });

  it('lets the representative correct and resubmit, and the convener approve: the values lock', async () => {
    const r = lucas.page;
    await j.go(r, submissionPath);
    await r.getByText('The north district counted boys twice').first().waitFor();
    await r.getByText('Returned: what to correct').waitFor();
    await j.capture(r, 'submission-returned');
    await r.getByLabel('Value (children)').fill('2300');
    await r.getByLabel('male', { exact: true }).fill('1000');
    await r.getByRole('button', { name: 'Submit for review' }).click();
    await r.getByText('Waiting for the convener’s review.').waitFor();

    const p = amina.page;
    await j.go(p, submissionPath);
    await p.getByRole('heading', { name: 'History' }).waitFor();
    await p.getByRole('button', { name: `Approve ${INDICATOR}, 2026-Q3, BioSul Vacinas S.A.` }).click();
    await p.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
    await p.getByText('Approved and locked', { exact: true }).first().waitFor();
    await j.capture(p, 'submission-approved');

    // locked: no form for the partner, and the API refuses a change
    await j.go(r, submissionPath);
    await r.getByText('These values count towards progress and can no longer change.').waitFor();
    expect(await r.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
    const id = submissionPath.split('/').pop();
    await j.api(lucas.ctx, 'PATCH', `${base}/indicator-submissions/${id}`, { value: '9999' }, { expectStatus: 409 });
  });

  it('shows the indicator: target against actual over time, by sex, and each partner’s reports', async () => {
    const p = amina.page;
    await j.go(p, `${base}/results/indicators/${indicatorId}`);
    await p.getByRole('heading', { name: 'Target against actual' }).waitFor();
    await p.getByRole('img', { name: /target against actual per period/ }).waitFor();
    await p.getByRole('heading', { name: 'Disaggregated values' }).waitFor();
    await p.getByRole('table', { name: 'Disaggregated values, 2026-Q3' }).waitFor();
    // 2026-Q3: 3,500 + 2,300 = 5,800 against a baseline of 1,200: +383.3 %
    await p.getByText('+383.3 % vs baseline').waitFor();
    await p.getByRole('button', { name: 'Show as a table' }).click();
    await p.getByRole('table', { name: 'Target and actual per period' }).waitFor();
    await j.capture(p, 'indicator');
  });

  it('shows the tree rolled up, and the cautious view', async () => {
    const p = amina.page;
    await j.go(p, `${base}/results`);
    await p.getByText('Latest 5,800 children (2026-Q3) against a target of 6,000 children').waitFor();
    await j.capture(p, 'tree');
    await p.getByText('Count as zero').click();
    await p.getByText('The cautious view', { exact: false }).waitFor();
    await j.capture(p, 'tree-zero');
  });

  it('shows the reporting calendar: periods by partner, coloured with a word', async () => {
    const p = amina.page;
    await j.go(p, `${base}/results/calendar`);
    await p.getByRole('heading', { name: 'Reporting calendar' }).waitFor();
    await p.getByRole('group', { name: `Reporting calendar of ${INDICATOR}` }).waitFor();
    expect(await p.getByRole('cell', { name: /Overdue/ }).count()).toBeGreaterThan(0);
    expect(await p.getByRole('cell', { name: /Approved/ }).count()).toBeGreaterThan(0);
    await j.capture(p, 'calendar');
  });

  it('links a commitment to the result it feeds and shows what each partner contributes', async () => {
    await j.api(amina.ctx, 'POST', `${base}/commitments`, {
      organisationId: aminaOrg, kind: 'cash', description: 'Cold-chain equipment grant', valuation: { amount: '250000.00', currency: 'EUR' },
      tranches: [{ dueOn: '2027-03-31', value: { amount: '250000.00', currency: 'EUR' } }],
    });
    const p = amina.page;
    await j.go(p, `${base}/results/contributions`);
    await p.getByText('No contribution linked yet').waitFor();
    await j.choose(p, 'Commitment', /Cold-chain equipment grant/);
    await j.choose(p, 'Result', 'Output: Solar fridges installed');
    await p.getByRole('button', { name: 'Link', exact: true }).click();
    await p.getByRole('heading', { level: 3, name: 'Horizon Vaccine Alliance' }).waitFor();
    await p.getByText('through a result below').first().waitFor();
    await j.capture(p, 'contributions');
  });

  it('reads in French and in Spanish', async () => {
    await j.readsIn(AMINA, [
      ['tree', `${base}/results`, 'Cadre de résultats', 'Marco de resultados'],
      ['indicator', `${base}/results/indicators/${indicatorId}`, 'Cible et réalisé', 'Meta frente a lo logrado'],
      ['submission-approved', submissionPath, 'Historique', 'Historial'],
      ['review-queue', `${base}/results/review?status=all`, 'File de revue', 'Cola de revisión'],
      ['calendar', `${base}/results/calendar`, 'Calendrier des rapports', 'Calendario de informes'],
    ]);
  });

  it('reads well on a phone', async () => {
    await j.readsOnPhone(AMINA, (name) => /dialog|error|return$/.test(name));
  });

  it('found no serious or critical accessibility violation and no script error', () => {
    j.expectClean();
  });
});
