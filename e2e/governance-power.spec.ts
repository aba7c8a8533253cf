/**
 * Voting power on the charter page, in a real Chromium against the real server (fresh SQLite database, demo loaded):
 * a convener adopts the PPP template through the API for a fresh partnership (the public authority's seat held by
 * the convening organisation, the private partner's by BioSul), opens the charter page, picks the reserved-matter
 * decision type and reads the "Voting power" card: the chart of each party's power against its share of the vote,
 * the table per seat with its veto badge, and the summary in words. Checked with axe and photographed under
 * test-results/screenshots/ (govpower-*) in English, French and Spanish, and at phone width.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AMINA, chromiumAvailable, Journey, type Person } from './support/journey';

const run = chromiumAvailable();

describe.skipIf(!run)('voting power of a charter', { timeout: 300_000 }, () => {
  const j = new Journey('govpower');
  let amina: Person;
  let base = '';

  beforeAll(async () => {
    await j.start();
    amina = await j.signedIn(AMINA);
    const p = await j.partnershipWithBioSul(amina.ctx, {
      name: 'Harbour Ferry PPP',
      purpose: 'The port authority and a private operator run the harbour ferries together under a public-private partnership.',
      model: 'ppp',
    });
    base = p.base;
    const templates = await j.api<{ items: { id: string; charter: { seats: { id: string }[] } }[] }>(amina.ctx, 'GET', '/charter-templates');
    const ppp = templates.items.find((x) => x.id === 'ppp-steering-committee')!.charter;
    const holders: Record<string, string> = { 'public-authority': p.convenerOrgId, 'private-partner': p.biosulId };
    const charter = { ...ppp, seats: ppp.seats.map((s) => (holders[s.id] ? { ...s, organisation: holders[s.id] } : s)) };
    await j.api(amina.ctx, 'PUT', `${base}/charter`, { templateId: 'ppp-steering-committee', charter });
  }, 300_000);

  afterAll(() => j.stop());

  it('shows each party’s power under a chosen decision type, as a chart and a table, with the veto it holds', async () => {
    const p = amina.page;
    await j.go(p, `${base}/charter`);
    const card = p.locator('.mantine-Card-root').filter({ has: p.getByRole('heading', { name: 'Voting power' }) });
    await card.waitFor();
    await card.getByLabel('Decision type').selectOption({ label: "Reserved matter (needs the public authority's consent)" });
    // the chart, with its text alternative, and the table of each party
    await card.getByRole('img', { name: /Bar chart of each one's share of the vote and voting power: public party/ }).waitFor();
    const parties = card.getByRole('table', { name: 'Voting power by chamber' });
    await expect.poll(() => parties.getByRole('row').count()).toBe(3);
    await parties.getByRole('row', { name: /public party .*50%.*50%.*50%/ }).waitFor();
    // the public authority's seat: half the vote, half the power, and a veto
    const seats = card.getByRole('table', { name: 'Voting power by seat' });
    const authority = seats.getByRole('row', { name: /Public authority \(contracting authority\)/ });
    await authority.getByText('Veto', { exact: true }).waitFor();
    await expect.poll(() => authority.getByRole('cell').allInnerTexts()).toEqual([expect.stringContaining('Public authority'), '50%', '50%', '50%']);
    // the lenders observe: no vote, so no row
    await expect.poll(() => seats.getByRole('row', { name: /Lenders/ }).count()).toBe(0);
    // two parties that must both agree: each seat holds a veto
    await card.getByText('Every seat holds a veto: this rule needs unanimity.').waitFor();
    await card.getByText('Exact figures').waitFor();
    await j.capture(p, 'charter');
  });

  it('reads in French and in Spanish', async () => {
    await j.readsIn(AMINA, [['charter', `${base}/charter`, 'Pouvoir de vote', 'Poder de voto']]);
  });

  it('reads well on a phone', async () => {
    await j.readsOnPhone(AMINA);
  });

  it('found no serious or critical accessibility violation and no script error', () => {
    j.expectClean();
  });
});
