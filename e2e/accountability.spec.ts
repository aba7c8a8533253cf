/**
 * The accountability journeys in a real Chromium against the real server (fresh SQLite database, demo loaded).
 * A fresh partnership is set up through the API: the convener's organisation pledged euros and delivered its
 * first tranche late; BioSul pledged dollars and delivered part of an overdue tranche; an indicator BioSul must
 * report on has reports due; three risks are open. Then, in the browser:
 * the dashboard notes the missing USD->EUR rate; an exchange-rate file with bad rows is refused row by row
 * (nothing written), a good one (decimal comma) is checked then imported, and the dashboard converts with the
 * rate stated; the scorecards show lights as icon + word; the overdue board filters by partner and kind in
 * the address, exports CSV and links to the commitment; a representative may not import; the account page
 * keeps a weekly reminder digest. Every page is checked with axe and photographed (accountability-*), in
 * English, French and Spanish, and at phone width without sideways scroll.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AMINA, chromiumAvailable, day, Journey, LUCAS, type Person } from './support/journey';

const run = chromiumAvailable();

describe.skipIf(!run)('accountability journeys', { timeout: 600_000 }, () => {
  const j = new Journey('accountability');
  let amina: Person;
  let lucas: Person;

  let base = '';
  let aminaOrg = '';
  let biosul = '';
  let euroPledge = '';
  let dollarPledge = '';

  beforeAll(async () => {
    await j.start();
    amina = await j.signedIn(AMINA);
    lucas = await j.signedIn(LUCAS);
    ({ base, convenerOrgId: aminaOrg, biosulId: biosul } = await j.partnershipWithBioSul(amina.ctx, {
      name: 'Riverside Water Compact',
      purpose: 'The city water utility and a private operator run the river intake together under a public-private partnership.',
      model: 'ppp',
    }));

    // euros from the convener's organisation: the first tranche came two days late, the second is just overdue
    const eur = (amount: string) => ({ amount, currency: 'EUR' });
    const p1 = await j.api<{ id: string }>(amina.ctx, 'POST', `${base}/commitments`, {
      organisationId: aminaOrg, kind: 'cash', description: 'Intake rehabilitation grant', valuation: eur('120000.00'), pledgedOn: day(-60),
      tranches: [{ dueOn: day(-40), value: eur('40000.00') }, { dueOn: day(-5), value: eur('40000.00') }, { dueOn: day(60), value: eur('40000.00') }],
    });
    euroPledge = p1.id;
    await j.api(amina.ctx, 'POST', `${base}/commitments/${p1.id}/confirm`, {});
    const d1 = await j.api<{ id: string }>(amina.ctx, 'POST', `${base}/commitments/${p1.id}/deliveries`, { on: day(-38), value: eur('40000.00'), note: 'First tranche, wired' });
    await j.api(amina.ctx, 'POST', `${base}/deliveries/${d1.id}/confirm`, {});
    // dollars from BioSul (pledged by its representative): part of a long-overdue tranche delivered
    const usd = (amount: string) => ({ amount, currency: 'USD' });
    const p2 = await j.api<{ id: string }>(lucas.ctx, 'POST', `${base}/commitments`, {
      organisationId: biosul, kind: 'cash', description: 'Operator working capital', valuation: usd('50000.00'), pledgedOn: day(-60),
      tranches: [{ dueOn: day(-45), value: usd('25000.00') }, { dueOn: day(10), value: usd('25000.00') }],
    });
    dollarPledge = p2.id;
    await j.api(amina.ctx, 'POST', `${base}/commitments/${p2.id}/confirm`, {});
    const d2 = await j.api<{ id: string }>(lucas.ctx, 'POST', `${base}/commitments/${p2.id}/deliveries`, { on: day(-44), value: usd('10000.00') });
    await j.api(amina.ctx, 'POST', `${base}/deliveries/${d2.id}/confirm`, {});

    // open risks in three bands
    for (const r of [
      { category: 'forceMajeure', title: 'Flood closes the intake', likelihood: 4, impact: 5 },
      { category: 'revenue', title: 'Water tariffs below cost recovery', likelihood: 3, impact: 4 },
      { category: 'changeInLaw', title: 'New abstraction licence rules', likelihood: 1, impact: 2 },
    ]) {
      await j.api(amina.ctx, 'POST', `${base}/risks`, { description: `${r.title}: what it would mean for the intake.`, ...r });
    }

    // an indicator BioSul reports on every month, with reports due
    const goal = await j.api<{ id: string }>(amina.ctx, 'POST', `${base}/results`, { level: 'goal', title: 'Safe water for the river towns' });
    await j.api(amina.ctx, 'POST', `${base}/indicators`, {
      nodeId: goal.id, title: 'Households connected to treated water', definition: 'Household connections metered and supplied, from the operator’s register.', unit: 'households',
      measure: 'unit', direction: 'higher_is_better', valueKind: 'cumulative', baseline: { value: '1000', date: day(-150) }, targets: [{ periodKey: day(200).slice(0, 7), value: '5000' }],
      responsiblePartnerIds: [biosul], schedule: { frequency: 'monthly', start: `${day(-100).slice(0, 7)}-01`, end: `${day(240).slice(0, 7)}-01`, graceDays: 10 },
    });
  }, 300_000);

  afterAll(() => j.stop());

  it('shows the dashboard: money by partner (a missing rate named), results and risks, with links to the details', async () => {
    const p = amina.page;
    await j.go(p, base);
    await p.getByRole('navigation', { name: 'Partnership sections' }).first().getByRole('link', { name: 'Accountability' }).click();
    await p.getByRole('heading', { name: 'Pledged and delivered by partner' }).waitFor();
    await p.getByText('no exchange rate for USD→EUR', { exact: false }).waitFor();
    await p.getByRole('heading', { name: 'Open risks by band' }).waitFor();
    await p.getByText('1 critical risk open', { exact: false }).waitFor().catch(() => undefined);
    expect(await p.getByRole('link', { name: 'Commitments and ledger' }).getAttribute('href')).toBe(`${base}/resources`);
    expect(await p.getByRole('link', { name: 'Results framework' }).getAttribute('href')).toBe(`${base}/results`);
    expect(await p.getByRole('link', { name: 'Risk register' }).getAttribute('href')).toBe(`${base}/risks`);
    await p.getByRole('link', { name: 'Households connected to treated water' }).waitFor();
    await j.capture(p, 'dashboard-missing-rate');
  });

  it('imports exchange rates: every bad row listed and nothing written, then a check and the import', async () => {
    const p = amina.page;
    await j.go(p, `${base}/accountability`);
    await p.getByRole('link', { name: 'Import and export' }).click();
    await p.getByRole('heading', { name: 'Import a file' }).waitFor();
    await j.choose(p, 'What to import', 'Exchange rates');
    await p.getByRole('table', { name: /The columns the file may have/ }).waitFor();
    // the template downloads
    const [template] = await Promise.all([p.waitForEvent('download'), p.getByRole('link', { name: 'CSV template' }).click()]);
    expect(template.suggestedFilename()).toBe('exchange-rates-template.csv');
    await j.capture(p, 'imports');

    const input = p.locator('input[type="file"]');
    await input.setInputFiles({ name: 'rates.csv', mimeType: 'text/csv', buffer: Buffer.from(`From,To,On,Rate\nUSD,EUR,${day(-1)},abc\nUSD,EUR,31/03/2026,0.92\nUSD,EUR,${day(-2)},0.91\n`) });
    await p.getByRole('radio', { name: 'Point (1234.56)' }).check();
    await p.getByRole('button', { name: 'Import', exact: true }).click();
    await p.getByText('Nothing was imported').waitFor();
    const problems = p.getByRole('table', { name: 'Problems in the file' });
    await problems.waitFor();
    expect(await problems.getByRole('row').count()).toBe(3); // header + two bad rows
    await problems.getByRole('cell', { name: '2', exact: true }).waitFor();
    await problems.getByRole('cell', { name: '3', exact: true }).waitFor();
    await j.capture(p, 'import-errors');
    const stored = await j.api<{ items: unknown[] }>(amina.ctx, 'GET', `${base}/ledger/exchange-rates`);
    expect(stored.items).toEqual([]);

    // a large file: the progress is shown while it is sent, then the server's own steps as it tells them
    // ("Checking row 1,200 of 3,000"...; a fast server may be done before the first poll), and a dry run writes nothing
    await p.evaluate(() => {
      const w = window as unknown as { seen: string[] };
      w.seen = [];
      new MutationObserver(() => {
        const text = document.body.innerText;
        for (const s of ['Sending the file', 'File sent', 'Checking row', 'Trying row', 'Every row checked']) if (text.includes(s) && !w.seen.includes(s)) w.seen.push(s);
        const rows = /Checking row ([\d,]+) of 3,000/.exec(text);
        if (rows && !w.seen.includes(`row ${rows[1]}`)) w.seen.push(`row ${rows[1]}`);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const lines = ['From;To;On;Rate'];
    for (let i = 0; i < 3000; i++) lines.push(`GBP;EUR;${new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)};1,1${String(i % 1000).padStart(3, '0')}`);
    await input.setInputFiles({ name: 'history.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await p.getByRole('radio', { name: 'Comma (1234,56)' }).check();
    await p.getByRole('button', { name: 'Check without importing' }).click();
    const outcome = p.getByText(/The file is ready to import|Nothing was imported|could not be imported/).first();
    await outcome.waitFor({ timeout: 120_000 });
    expect(await outcome.innerText()).toBe('The file is ready to import');
    await p.getByText('3,000 rows read').waitFor();
    const seen = await p.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.length, seen.join(' | ')).toBeGreaterThan(0);
    // a count the server told is one of the file's rows, never more
    for (const r of seen.filter((x) => x.startsWith('row '))) expect(Number(r.slice(4).replace(/,/g, ''))).toBeLessThanOrEqual(3000);

    // the good file, with a decimal comma: checked, then imported
    await input.setInputFiles({ name: 'rates.csv', mimeType: 'text/csv', buffer: Buffer.from(`Devise;Vers;Date;Taux de change\nUSD;EUR;${day(-1)};0,92\n`) });
    await p.getByRole('button', { name: 'Check without importing' }).click();
    await p.getByText('The file is ready to import').waitFor();
    await j.capture(p, 'import-dry-run');
    expect((await j.api<{ items: unknown[] }>(amina.ctx, 'GET', `${base}/ledger/exchange-rates`)).items).toEqual([]);
    await p.getByRole('button', { name: 'Import', exact: true }).click();
    await p.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
    await j.capture(p, 'import-done');
    const after = await j.api<{ items: { from: string; to: string; rate: string }[] }>(amina.ctx, 'GET', `${base}/ledger/exchange-rates`);
    expect(after.items.map((r) => `${r.from}${r.to}${r.rate}`)).toEqual(['USDEUR0.92']);

    // lists export as CSV and XLSX
    const [members] = await Promise.all([p.waitForEvent('download'), p.getByRole('link', { name: 'Download Member organisations as XLSX' }).click()]);
    expect(members.suggestedFilename()).toMatch(/^members-\d{4}-\d{2}-\d{2}\.xlsx$/);
  });

  it('converts the dashboard into the reporting currency and states the rate used', async () => {
    const p = amina.page;
    await j.go(p, `${base}/accountability`);
    await p.getByText('Rates used: 1 USD = 0.92 EUR', { exact: false }).waitFor();
    expect(await p.getByText('no exchange rate for', { exact: false }).count()).toBe(0);
    await p.getByRole('table', { name: 'Pledged and delivered by partner' }).getByRole('cell', { name: 'BioSul Vacinas S.A.' }).waitFor();
    await j.capture(p, 'dashboard');
  });

  it('shows a scorecard per partner with lights as icon and word', async () => {
    const p = amina.page;
    await j.go(p, `${base}/accountability/scorecards`);
    await p.getByRole('heading', { level: 2, name: 'BioSul Vacinas S.A.' }).waitFor();
    const card = p.getByRole('article', { name: 'BioSul Vacinas S.A.' });
    await card.getByText(/10,000\.00 delivered of .*50,000\.00/).waitFor();
    await card.getByText('Overdue').first().waitFor();
    await card.getByRole('link', { name: 'Operator working capital' }).first().waitFor();
    const euro = p.getByRole('article').filter({ hasText: 'Intake rehabilitation grant' });
    await euro.getByText('0 of 2 on time').waitFor();
    await j.capture(p, 'scorecards');
  });

  it('shows the overdue board most urgent first, filters in the address, exports CSV and links to the commitment', async () => {
    const p = amina.page;
    await j.go(p, `${base}/accountability/overdue`);
    await p.getByRole('heading', { name: 'Overdue board' }).waitFor();
    const rows = p.getByRole('row');
    await rows.nth(1).waitFor();
    // red before yellow, and BioSul's tranche 45 days late among the red
    const texts = await rows.allInnerTexts();
    const lastRed = texts.map((x) => x.includes('Overdue')).lastIndexOf(true);
    const firstYellow = texts.findIndex((x) => x.includes('Needs attention'));
    expect(lastRed).toBeGreaterThan(0);
    expect(firstYellow).toBeGreaterThan(lastRed);
    expect(texts.find((x) => x.includes('Operator working capital') && x.includes('45 days late'))).toContain('Overdue');
    await j.capture(p, 'overdue');
    const [csv] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^overdue-\d{4}-\d{2}-\d{2}\.csv$/);

    await j.choose(p, 'Partner', 'BioSul Vacinas S.A.');
    await expect.poll(() => new URL(p.url()).searchParams.get('partner')).toBe(biosul);
    await j.choose(p, 'Kind', 'Deliveries');
    await expect.poll(() => new URL(p.url()).searchParams.get('kind')).toBe('delivery');
    // choosing the second filter right after the first keeps the first
    expect(new URL(p.url()).searchParams.get('partner')).toBe(biosul);
    // the header, BioSul's late tranche and the one due in 10 days (and nothing of the other partner's)
    // the previous (unfiltered) rows stay on screen until the filtered list arrives: wait for the other partner's grant to go
    await expect.poll(async () => (await p.getByRole('row').allInnerTexts()).slice(1).some((x) => x.includes('Intake rehabilitation grant'))).toBe(false);
    await expect.poll(() => p.getByRole('row').count()).toBeGreaterThanOrEqual(3);
    await expect.poll(() => p.getByRole('table').getByText('Due in 10 days').count()).toBe(1);
    const filtered = await p.getByRole('row').allInnerTexts();
    expect(filtered.some((x) => x.includes('45 days late'))).toBe(true);
    await j.capture(p, 'overdue-filtered');
    // the address keeps the filters
    await p.reload();
    await expect.poll(() => p.getByRole('combobox', { name: 'Partner' }).inputValue()).toBe('BioSul Vacinas S.A.');
    await p.getByRole('link', { name: 'Operator working capital' }).first().click();
    await expect.poll(() => new URL(p.url()).pathname).toBe(`${base}/resources/commitments/${dollarPledge}`);
    void euroPledge;
  });

  it('shows a representative only what he may import, and lets him export', async () => {
    const p = lucas.page;
    await j.go(p, `${base}/accountability/imports`);
    await p.getByRole('heading', { name: 'Export lists' }).waitFor();
    await p.getByRole('combobox', { name: 'What to import' }).click();
    expect(await p.getByRole('option', { name: 'Exchange rates' }).getAttribute('aria-disabled')).toBe('true');
    await p.keyboard.press('Escape');
    await j.capture(p, 'imports-representative');
  });

  it('keeps a weekly reminder digest on the account page', async () => {
    const p = amina.page;
    await j.go(p, '/account');
    await p.getByRole('heading', { name: 'Reminders' }).waitFor();
    await p.getByRole('radio', { name: /A weekly digest/ }).check();
    await j.choose(p, 'Day of the week', 'Friday');
    await j.choose(p, /^Time/, '09:00 UTC');
    await j.capture(p, 'account-reminders');
    await p.getByRole('button', { name: 'Save reminder setting' }).click();
    await p.getByText('Your reminder setting is saved.').waitFor();
    await p.getByText(/Next digest: /).waitFor();
    const s = await j.api<{ digest: string; digestHour: number; digestWeekday: string }>(amina.ctx, 'GET', '/me/notifications');
    expect(s).toMatchObject({ digest: 'weekly', digestHour: 9, digestWeekday: 'friday' });
    await p.reload();
    await expect.poll(() => p.getByRole('radio', { name: /A weekly digest/ }).isChecked()).toBe(true);
    await expect.poll(() => p.getByRole('combobox', { name: 'Day of the week' }).inputValue()).toBe('Friday');
  });

  it('reads in French and in Spanish', async () => {
    await j.readsIn(AMINA, [
      ['dashboard', `${base}/accountability`, 'Promis et livré par partenaire', 'Comprometido y entregado por socio'],
      ['scorecards', `${base}/accountability/scorecards`, 'Fiches des partenaires', 'Fichas de los socios'],
      ['overdue', `${base}/accountability/overdue`, 'Tableau des retards', 'Tablero de atrasos'],
      ['imports', `${base}/accountability/imports`, 'Importer un fichier', 'Importar un archivo'],
      ['account-reminders', '/account', 'Rappels', 'Recordatorios'],
    ]);
  });

  it('reads well on a phone', async () => {
    await j.readsOnPhone(AMINA, (name) => name.startsWith('import-') || name === 'imports-representative');
  });

  it('found no serious or critical accessibility violation and no script error', () => {
    j.expectClean();
  });
});
