/**
 * The charter's voting rules in a real Chromium against the real server (fresh SQLite database, demo loaded):
 * a motion that waits for seconders from three different chambers and opens when the third chamber seconds;
 * a member who declares a conflict of interest and leaves the base (the roll shows it with the reason, and the
 * outcome explanation counts without it; after close the tally's column reads "Did not vote");
 * a seat holder who hands the vote to a proxy, a second proxy over the charter's cap refused with the reason, a
 * proxy withdrawn by the seat's holder before it was used, a used proxy that stays, the proxy holder and an
 * alternate voting (the roll says "by proxy" and "by the alternate"); a secret ballot (results hidden until close,
 * ballots never shown with names, the roll shows who took part, and a warning where a chamber has a single voting
 * seat) and a decision whose results are hidden until close.
 * The partnership is created fresh through the API and its charter adopted through the API (the charter's adoption
 * is the subject of governance.spec.ts); decisions are proposed through the API where proposing is not the subject.
 * Every page is checked with axe (no serious or critical violation) and photographed under
 * test-results/screenshots/ (govrules-*).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { AMINA, Journey, LUCAS, chromiumAvailable, type Person } from './support/journey';

const SOFIA = 'sofia.member@demo.accord.test';
const HENRIK = 'henrik.olsen@demo.accord.test';
const INGRID = 'ingrid.bauer@demo.accord.test';
const RAHUL = 'rahul.mehta@demo.accord.test';
const run = chromiumAvailable();

type Decision = {
  id: string;
  status: string;
  anonymous: boolean;
  resultsHidden: boolean;
  seconding: { required: number; satisfied: boolean };
  seconds: { seat: string }[];
  mySeats: { seat: string; as: string; ballot: { choice: string } | null; proxy: { holder: { name: string }; voted: boolean; withdrawable: boolean } | null }[];
  roll: { seat: string; recused: boolean; recusalReason: string | null; voted: boolean }[];
  proxies: { seat: string; holder: { name: string }; voted: boolean }[];
  rollStats: { recused: number; tookPart: number };
  tally: { counts: Record<string, number>; voted: number; eligible: number } | null;
  result: { outcome: string; conditions: { passed: boolean; terms?: { kind: string; yes?: string; total?: string; needed?: string | null } }[] } | null;
  allowedActions: string[];
};
type Ballots = { anonymous: boolean; items: { seat: string; choice: string | null; reason: string | null; castBy: { name: string } | null; byProxy: boolean; byAlternate: boolean }[] };

/** Five voting seats in three chambers; an organisation's seat with an alternate; proxies capped per chamber. */
function charterFor(ids: Record<string, string>, biosul: string) {
  return {
    name: 'Riverbend basin council charter',
    groups: [
      { id: 'public', name: 'Public chamber' },
      { id: 'private', name: 'Private chamber' },
      { id: 'civil', name: 'Civil society chamber' },
    ],
    seats: [
      { id: 'city', name: 'City council', group: 'public', person: ids[AMINA] },
      { id: 'utility', name: 'Water utility', group: 'public', person: ids[HENRIK] },
      { id: 'operator', name: 'Private operator', group: 'private', organisation: biosul, alternate: ids[SOFIA] },
      { id: 'trust', name: 'River trust', group: 'civil', person: ids[INGRID] },
      { id: 'residents', name: 'Residents association', group: 'civil', person: ids[RAHUL] },
    ],
    bodies: [{ id: 'council', name: 'Basin council', kind: 'steering_committee' }],
    rules: {
      // at least half of all members: a recused seat leaves the base, so 2 yes of 4 passes where 2 of 5 would not
      ordinary: { label: 'ordinary decision', pass: { kind: 'threshold', require: { kind: 'fraction', num: 1, den: 2 }, base: 'all_members', measure: 'count' } },
      amendment: { label: 'amendment', pass: { kind: 'threshold', require: { kind: 'two_thirds' }, base: 'all_members', measure: 'count' } },
    },
    decisionTypes: {
      ordinary: { label: 'Ordinary decision', rule: 'ordinary', window: { closeEarly: true } },
      seconded: { label: 'Motion to the council', rule: 'ordinary', seconders: { count: 2, distinctGroups: 3 }, window: { closeEarly: true } },
      secret: { label: 'Election by secret ballot', rule: 'ordinary', anonymous: true, window: { closeEarly: true } },
      budget: { label: 'Budget decision', rule: 'ordinary', resultsHidden: true, window: { closeEarly: true } },
      amendment: { label: 'Amendment of the charter', rule: 'amendment' },
    },
    amendment: 'amendment',
    proxies: { allowed: true, maxPerHolder: 2, caps: [{ memberClass: 'public', max: 1 }] },
  };
}

describe.skipIf(!run)('governance rules journeys: seconding, recusal, proxies and alternates, secret and hidden ballots', { timeout: 600_000 }, () => {
  const j = new Journey('govrules');
  const people = new Map<string, Person>();
  const ids: Record<string, string> = {};
  let partnershipId = '';
  let base = '';

  const as = (email: string): Person => people.get(email)!;
  const capture = (p: Page, name: string) => j.capture(p, name);
  const apiCall = <T>(ctx: Person['ctx'], method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) => j.api<T>(ctx, method, path, data);
  /** A call that must be refused with `status`: the problem document. */
  type Problem = { errors?: unknown[] };
  const refusedWith = (status: number, ctx: Person['ctx'], method: 'GET' | 'PUT' | 'DELETE', path: string, data?: unknown) => j.api<Problem>(ctx, method, path, data, { expectStatus: status });

  const decision = (email: string, id: string) => apiCall<Decision>(as(email).ctx, 'GET', `${base}/decisions/${id}`);
  const vote = (email: string, id: string, seat: string, choice: string) => apiCall(as(email).ctx, 'PUT', `${base}/decisions/${id}/ballots/${seat}`, { choice });

  /** Proposes a motion through the API (where proposing is not the subject); voting stays open a week. */
  async function propose(decisionType: string, title: string, text: string): Promise<string> {
    const closesAt = new Date(Date.now() + 7 * 24 * 3_600_000).toISOString();
    const d = await apiCall<Decision>(as(AMINA).ctx, 'POST', `${base}/decisions`, { kind: 'motion', decisionType, title, text, closesAt });
    expect(d.status).toBe('open');
    return d.id;
  }

  async function openDecision(p: Page, id: string, title: string): Promise<void> {
    await j.go(p, `${base}/decisions/${id}`);
    await p.getByRole('heading', { level: 2, name: title }).waitFor();
  }

  /** Picks an option of a Mantine select named `label`. */
  const choose = (p: Page, label: string | RegExp, option: string | RegExp, within?: Locator) => j.choose(p, label, option, { within });

  /** The ballot card of one seat among the reader's ballots. */
  const seatCard = (p: Page, seat: string): Locator => p.getByText(`Seat: ${seat}`, { exact: true }).locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " mantine-Card-root ")][1]');

  /** Casts a ballot for one seat through the ballot form. */
  async function castIn(p: Page, seat: string, choice: RegExp, reason?: string): Promise<void> {
    const card = seatCard(p, seat);
    await card.getByRole('radio', { name: choice }).click();
    if (reason) await card.getByLabel('Reason').fill(reason);
    await card.getByRole('button', { name: 'Cast the ballot' }).click();
    await card.getByText('Your ballot:').waitFor();
  }

  /** Closes voting early through the convener's button and its confirmation. */
  async function closeVoting(p: Page): Promise<void> {
    await p.getByRole('button', { name: 'Close voting and count' }).click();
    await p.getByRole('dialog').getByRole('button', { name: 'Close voting and count' }).click();
    await p.getByRole('heading', { name: 'Outcome', exact: true }).waitFor();
  }

  /** The roll call's table (its scroll area is the named group). */
  const rollTable = (p: Page): Locator => p.getByRole('group', { name: 'Roll call' }).getByRole('table');
  const rollRow = (p: Page, seat: string): Locator => rollTable(p).getByRole('row', { name: new RegExp(seat) });

  beforeAll(async () => {
    await j.start();
    for (const email of [AMINA, LUCAS, SOFIA, HENRIK, INGRID, RAHUL]) people.set(email, await j.signedIn(email));
    const amina = as(AMINA).ctx;
    // A fresh partnership convened by Amina's organisation; BioSul is a member and Lucas represents it; four more
    // people take part in their own name.
    const fresh = await j.partnershipWithBioSul(amina, {
      name: 'Riverbend Basin Council',
      purpose: 'The city, the water utility, a private operator and river communities manage the Riverbend basin together.',
      model: 'msi',
    });
    partnershipId = fresh.id;
    base = `/partnerships/${partnershipId}`;
    for (const email of [SOFIA, HENRIK, INGRID, RAHUL]) await apiCall(amina, 'POST', `${base}/people`, { email, role: 'member' });
    const list = await apiCall<{ items: { userId: string; email: string | null }[] }>(amina, 'GET', `${base}/people?limit=50`);
    for (const x of list.items) if (x.email) ids[x.email] = x.userId;
    for (const email of [AMINA, SOFIA, HENRIK, INGRID, RAHUL]) expect(ids[email], `user id of ${email}`).toBeTruthy();
    await apiCall(amina, 'PUT', `${base}/charter`, { charter: charterFor(ids, fresh.biosulId), note: 'Adopted at the founding meeting of the basin council.' });
  }, 300_000);

  afterAll(() => j.stop());

  it('keeps a motion waiting for seconders until the proposer and seconders come from three chambers, then opens voting', async () => {
    const title = 'Restore the wetlands below the Riverbend weir';
    const p = as(AMINA).page;
    await j.go(p, `${base}/decisions/new`);
    await p.getByRole('heading', { name: 'Propose a decision' }).waitFor();
    await choose(p, 'Decision type', 'Motion to the council');
    await p.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
    await p.getByLabel('The motion').fill('The council restores 40 hectares of wetland below the weir over three years, funded from the basin budget.');
    await p.getByRole('button', { name: 'Propose the motion' }).click();
    await p.getByRole('heading', { level: 2, name: title }).waitFor();
    const id = new URL(p.url()).pathname.split('/').pop()!;
    await p.getByText('Awaiting seconders').first().waitFor();
    await p.getByText('Voting opens once 2 seconders support the motion.').waitFor();
    await p.getByText('0 of 2 seconders · groups so far: Public chamber').waitFor();
    await p.getByText('The proposer and the seconders together must come from 3 different groups (1 so far).').waitFor();
    expect(await p.getByRole('button', { name: 'Second the motion' }).count(), 'the proposer does not second their own motion').toBe(0);
    await capture(p, 'seconding-proposed');
    let d = await decision(AMINA, id);
    expect(d.status).toBe('proposed');
    expect(d.seconding).toMatchObject({ required: 2, satisfied: false });

    // a seconder from the proposer's own chamber adds a seconder but no chamber
    const h = as(HENRIK).page;
    await openDecision(h, id, title);
    await h.getByRole('button', { name: 'Second the motion' }).click();
    await h.getByText('1 of 2 seconders · groups so far: Public chamber').waitFor();
    await h.getByText(/^Water utility: Henrik Olsen/).waitFor();
    await h.getByText('(1 so far)', { exact: false }).waitFor();

    // the private operator's representative seconds: two seconders, but only two chambers
    const l = as(LUCAS).page;
    await openDecision(l, id, title);
    await l.getByRole('button', { name: 'Second the motion' }).click();
    await l.getByText('2 of 2 seconders · groups so far: Public chamber, Private chamber').waitFor();
    await l.getByText('The proposer and the seconders together must come from 3 different groups (2 so far).').waitFor();
    await l.getByText('Awaiting seconders').first().waitFor();
    expect(await l.getByText('Voting opens once 2 seconders support the motion.').count(), 'the missing piece is a chamber, not a seconder').toBe(0);
    expect(await l.getByRole('heading', { name: 'Your ballot' }).count(), 'no ballot before voting opens').toBe(0);
    await capture(l, 'seconding-two-chambers');
    d = await decision(LUCAS, id);
    expect(d.status).toBe('proposed');
    expect(d.seconding.satisfied).toBe(false);
    expect(d.seconds.map((s) => s.seat).sort()).toEqual(['operator', 'utility']);

    // the civil society chamber seconds: three chambers, voting opens
    const i = as(INGRID).page;
    await openDecision(i, id, title);
    await i.getByRole('button', { name: 'Second the motion' }).click();
    await i.getByText('The motion was seconded as the charter requires.').waitFor();
    await i.getByText('Voting open').first().waitFor();
    await i.getByText(/^River trust: Ingrid Bauer/).waitFor();
    expect(await i.getByText(/of 2 seconders/).count(), 'no count of seconders once seconded').toBe(0);
    await seatCard(i, 'River trust').getByRole('radio', { name: /^Yes/ }).waitFor();
    await capture(i, 'seconding-open');
    d = await decision(INGRID, id);
    expect(d.status).toBe('open');
    expect(d.seconding.satisfied).toBe(true);
    expect(d.roll.map((r) => r.seat).sort()).toEqual(['city', 'operator', 'residents', 'trust', 'utility']);
    expect(d.allowedActions).toContain('vote');
  });

  it('takes a seat that declares a conflict of interest out of the base, and the outcome explanation counts without it', async () => {
    const title = 'Award the riverbank restoration contract';
    const id = await propose('ordinary', title, 'The council awards the riverbank restoration contract to Greenbank Works, the lowest compliant bid.');
    const r = as(RAHUL).page;
    await openDecision(r, id, title);
    await seatCard(r, 'Residents association').getByText('You hold this seat').waitFor();
    await r.getByRole('button', { name: 'Declare a conflict of interest' }).click();
    const dialog = r.getByRole('dialog');
    await dialog.getByText('The seat leaves the base of this decision', { exact: false }).waitFor();
    await dialog.getByLabel('The conflict of interest').fill('My brother-in-law owns one of the bidding firms.');
    await capture(r, 'recusal-dialog');
    await dialog.getByRole('button', { name: 'Declare a conflict of interest' }).click();
    await r.getByText('This seat declared a conflict of interest and does not vote on this decision.').waitFor();
    // the reason is shown to everyone taking part, as the dialog says
    await rollRow(r, 'Residents association').getByText('Recused: My brother-in-law owns one of the bidding firms.').waitFor();
    await r.getByText('1 seat recused').waitFor();
    expect(await r.getByRole('button', { name: 'Declare a conflict of interest' }).count(), 'a seat recuses once').toBe(0);
    await capture(r, 'recusal');

    const mine = await decision(RAHUL, id);
    expect(mine.roll.find((s) => s.seat === 'residents')).toMatchObject({ recused: true, recusalReason: 'My brother-in-law owns one of the bidding firms.', voted: false });
    expect(mine.rollStats.recused).toBe(1);
    expect(mine.allowedActions).not.toContain('vote');
    // the recused seat cannot vote any more, and the refusal writes nothing
    const refused = await refusedWith(409, as(RAHUL).ctx, 'PUT', `${base}/decisions/${id}/ballots/residents`, { choice: 'yes' });
    expect(refused.errors).toEqual([expect.objectContaining({ field: 'seatId', code: 'recused' })]);

    await vote(AMINA, id, 'city', 'yes');
    await vote(HENRIK, id, 'utility', 'yes');
    await vote(LUCAS, id, 'operator', 'no');
    await vote(INGRID, id, 'trust', 'no');
    const p = as(AMINA).page;
    await openDecision(p, id, title);
    await p.getByText('4 of 4 voting seats have voted').waitFor();
    await p.getByRole('columnheader', { name: 'Not voted yet' }).waitFor();
    await closeVoting(p);
    await p.getByText('The proposal is adopted', { exact: false }).waitFor();
    // after close a seat without a ballot did not vote: it is no longer "not voted yet"
    await p.getByRole('columnheader', { name: 'Did not vote' }).waitFor();
    expect(await p.getByRole('columnheader', { name: 'Not voted yet' }).count()).toBe(0);
    // two yes of the four seats left in the base: at least half (of five, two would not have been enough)
    await p.getByText('at least 50% of all members (at least 2 yes of 4)').first().waitFor();
    await p.getByText('50% yes (2 of 4)').first().waitFor();
    await rollRow(p, 'Residents association').getByText('Recused: My brother-in-law owns one of the bidding firms.').waitFor();
    await p.getByText('1 seat recused').waitFor();
    await capture(p, 'recusal-outcome');

    const closed = await decision(AMINA, id);
    expect(closed.result?.outcome).toBe('adopted');
    const threshold = closed.result!.conditions.find((c) => c.terms?.kind === 'threshold')!;
    expect(threshold).toMatchObject({ passed: true, terms: { yes: '2', total: '4', needed: '2' } });
  });

  it('lets a proxy holder and an alternate vote within the charter caps, refuses a proxy over the cap with the reason, and lets a seat take back a proxy not yet used', async () => {
    const title = 'Set the 2027 abstraction limits';
    const id = await propose('ordinary', title, 'Abstraction from the Riverbend is capped at 1.2 cubic metres per second from June to September 2027.');

    // Henrik hands the water utility's vote to Ingrid for this decision
    const h = as(HENRIK).page;
    await openDecision(h, id, title);
    await h.getByRole('button', { name: 'Hand the vote to a proxy' }).click();
    let dialog = h.getByRole('dialog');
    await dialog.getByText('At most 1 proxy of Public chamber per person.').waitFor();
    await dialog.getByText('One person may carry at most 2 proxies.').waitFor();
    await choose(h, 'Proxy holder', /^Ingrid Bauer/, dialog);
    await capture(h, 'proxy-dialog');
    await dialog.getByRole('button', { name: 'Hand the vote to a proxy' }).click();
    await h.getByText('Ingrid Bauer now carries the proxy.').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // Amina's city seat is in the same chamber: a second public-chamber proxy for Ingrid is over the cap
    const p = as(AMINA).page;
    await openDecision(p, id, title);
    await p.getByRole('button', { name: 'Hand the vote to a proxy' }).click();
    dialog = p.getByRole('dialog');
    await choose(p, 'Proxy holder', /^Ingrid Bauer/, dialog);
    await dialog.getByRole('button', { name: 'Hand the vote to a proxy' }).click();
    await dialog.getByRole('alert').getByText('A holder may carry at most 1 proxy of Public chamber members; this would make 2').waitFor();
    await capture(p, 'proxy-over-cap');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Henrik's seat card says who carries the vote, until when it may be taken back
    await openDecision(h, id, title);
    await seatCard(h, 'Water utility').getByText('Your vote is carried by Ingrid Bauer').waitFor();
    await seatCard(h, 'Water utility').getByRole('button', { name: /^Withdraw the proxy/ }).waitFor();

    // Rahul hands the residents' vote to Henrik, then takes it back in the browser before Henrik has used it
    await apiCall(as(RAHUL).ctx, 'POST', `${base}/decisions/${id}/proxies`, { seat: 'residents', holderId: ids[HENRIK] });
    expect((await decision(HENRIK, id)).mySeats.map((s) => [s.seat, s.as]).sort()).toEqual([
      ['residents', 'proxy'],
      ['utility', 'holder'],
    ]);
    const r = as(RAHUL).page;
    await openDecision(r, id, title);
    const residents = seatCard(r, 'Residents association');
    await residents.getByText('Your vote is carried by Henrik Olsen').waitFor();
    await rollRow(r, 'Residents association').getByText('Vote carried by Henrik Olsen (proxy)').waitFor();
    await residents.getByRole('button', { name: /^Withdraw the proxy/ }).click();
    dialog = r.getByRole('dialog');
    await dialog.getByText('Henrik Olsen will no longer vote for Residents association in this decision.', { exact: false }).waitFor();
    await capture(r, 'proxy-withdraw-dialog');
    await dialog.getByRole('button', { name: 'Withdraw the proxy' }).click();
    await r.getByText('The proxy is withdrawn: Henrik Olsen no longer carries the vote of Residents association.').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    expect(await residents.getByText('Your vote is carried by', { exact: false }).count(), 'the seat card no longer names a proxy').toBe(0);
    expect(await rollRow(r, 'Residents association').getByText(/Vote carried by/).count(), 'nor does the roll').toBe(0);
    await capture(r, 'proxy-withdrawn');
    expect((await decision(HENRIK, id)).mySeats.map((s) => s.seat)).toEqual(['utility']);
    // a withdrawn proxy carries no vote
    await refusedWith(403, as(HENRIK).ctx, 'PUT', `${base}/decisions/${id}/ballots/residents`, { choice: 'yes' });

    // Ingrid carries the utility's proxy (and her own seat), not the city's
    const carried = await decision(INGRID, id);
    expect(carried.mySeats.map((s) => [s.seat, s.as]).sort()).toEqual([
      ['trust', 'holder'],
      ['utility', 'proxy'],
    ]);

    const i = as(INGRID).page;
    await openDecision(i, id, title);
    await i.getByRole('heading', { name: 'Your ballots' }).waitFor();
    await seatCard(i, 'Water utility').getByText("You carry this seat's proxy for this decision").waitFor();
    await seatCard(i, 'River trust').getByText('You hold this seat').waitFor();
    await castIn(i, 'Water utility', /^Yes/, 'Cast as Henrik asked: the limits protect the dry-season flow.');
    await castIn(i, 'River trust', /^Yes/);
    await capture(i, 'proxy-ballots');

    // once Ingrid has voted for the utility, that ballot stands: Henrik can no longer withdraw the proxy
    await openDecision(h, id, title);
    const utility = seatCard(h, 'Water utility');
    await utility.getByText('Ingrid Bauer has voted for this seat by proxy: that ballot stands, so the proxy can no longer be withdrawn.').waitFor();
    expect(await utility.getByRole('button', { name: /^Withdraw the proxy/ }).count()).toBe(0);
    await capture(h, 'proxy-used');
    const late = await refusedWith(409, as(HENRIK).ctx, 'DELETE', `${base}/decisions/${id}/proxies/utility`);
    expect(late.errors).toEqual([expect.objectContaining({ field: 'seat', code: 'proxy_used' })]);

    // Sofia is the alternate of the organisation holding the private operator's seat
    const s = as(SOFIA).page;
    await openDecision(s, id, title);
    await seatCard(s, 'Private operator').getByText("You are this seat's alternate").waitFor();
    await castIn(s, 'Private operator', /^No/, 'The summer cap leaves the treatment plant short in August.');
    await capture(s, 'alternate-ballot');
    // one seat, one ballot: the organisation's representative cannot replace the alternate's ballot
    const replaced = await refusedWith(409, as(LUCAS).ctx, 'PUT', `${base}/decisions/${id}/ballots/operator`, { choice: 'yes' });
    expect(replaced.errors).toEqual([expect.objectContaining({ field: 'seatId', code: 'already_voted' })]);

    await openDecision(p, id, title);
    await p.getByText('3 of 5 voting seats have voted').waitFor();
    await castIn(p, 'City council', /^Yes/);
    await p.getByText('4 of 5 voting seats have voted').waitFor();
    await closeVoting(p);
    await p.getByText('The proposal is adopted', { exact: false }).waitFor();
    // the roll names who cast the ballot (and, under the seat, who carried its vote)
    await rollRow(p, 'Water utility').getByText('Ingrid Bauer', { exact: true }).waitFor();
    await rollRow(p, 'Water utility').getByText('Vote carried by Ingrid Bauer (proxy)').waitFor();
    await rollRow(p, 'Water utility').getByText(/by proxy/).waitFor();
    await rollRow(p, 'Private operator').getByText('Sofia Marques').waitFor();
    await rollRow(p, 'Private operator').getByText(/by the alternate/).waitFor();
    expect(await rollRow(p, 'Private operator').getByText(/by proxy/).count()).toBe(0);
    expect(await rollRow(p, 'Water utility').getByText(/by the alternate/).count()).toBe(0);
    await capture(p, 'proxy-outcome');

    const ballots = await apiCall<Ballots>(as(AMINA).ctx, 'GET', `${base}/decisions/${id}/ballots`);
    const bySeat = new Map(ballots.items.map((b) => [b.seat, b]));
    expect(bySeat.get('utility')).toMatchObject({ choice: 'yes', byProxy: true, byAlternate: false, castBy: { name: 'Ingrid Bauer' } });
    expect(bySeat.get('operator')).toMatchObject({ choice: 'no', byProxy: false, byAlternate: true, castBy: { name: 'Sofia Marques' } });
    expect(bySeat.has('residents')).toBe(false);
    expect((await decision(AMINA, id)).result?.outcome).toBe('adopted');
  });

  it('keeps a secret ballot secret: no tally before close, and the roll shows only who took part, never how', async () => {
    const title = 'Confirm the council chair for 2027';
    const lone = 'In Private chamber, one seat votes: the result by group will show its choice.';
    // the private chamber has one seat: whoever proposes a secret ballot is told its results by group will show it
    const a = as(AMINA).page;
    await j.go(a, `${base}/decisions/new`);
    await a.getByRole('heading', { name: 'Propose a decision' }).waitFor();
    await choose(a, 'Decision type', 'Election by secret ballot');
    await a.getByText(lone).waitFor();
    await capture(a, 'secret-propose-warning');
    await choose(a, 'Decision type', 'Ordinary decision');
    expect(await a.getByText(lone).count(), 'a named vote reveals choices anyway: no warning').toBe(0);

    const id = await propose('secret', title, 'The council confirms the River trust as chair of the basin council for 2027.');
    const l = as(LUCAS).page;
    await openDecision(l, id, title);
    await l.getByText('Secret ballot').first().waitFor();
    await l.getByText(lone).waitFor();
    await l.getByText('This is a secret ballot: nobody, not even the conveners, will see how a seat voted, only that it took part.').waitFor();
    await castIn(l, 'Private operator', /^Yes/);
    await capture(l, 'secret-ballot');

    await vote(AMINA, id, 'city', 'yes');
    await vote(HENRIK, id, 'utility', 'no');
    await vote(INGRID, id, 'trust', 'yes');

    const p = as(AMINA).page;
    await openDecision(p, id, title);
    await p.getByText('How each seat voted is never shown; the count appears when voting closes.').waitFor();
    await p.getByText('4 of 5 voting seats have voted').waitFor();
    await rollRow(p, 'Private operator').getByText('Voted').waitFor();
    await rollRow(p, 'Residents association').getByText('Not yet').waitFor();
    const roll = rollTable(p);
    expect(await roll.getByRole('columnheader', { name: 'Cast by' }).count()).toBe(0);
    expect(await roll.getByText(/^(Yes|No|Abstain)$/).count(), 'no choice on the roll').toBe(0);
    await capture(p, 'secret-open');
    const open = await decision(AMINA, id);
    expect(open.anonymous).toBe(true);
    expect(open.resultsHidden).toBe(true);
    expect(open.tally, 'not even the convener sees a tally before close').toBeNull();

    await closeVoting(p);
    await p.getByText('The proposal is adopted', { exact: false }).waitFor();
    await p.getByRole('heading', { name: 'Final count' }).waitFor();
    await p.getByText('60% yes (3 of 5)').first().waitFor();
    await rollRow(p, 'Residents association').getByText('Did not vote').waitFor();
    for (const seat of ['City council', 'Water utility', 'Private operator', 'River trust']) await rollRow(p, seat).getByText('Voted').waitFor();
    expect(await roll.getByRole('columnheader', { name: 'Cast by' }).count()).toBe(0);
    expect(await roll.getByText(/^(Yes|No|Abstain)$/).count(), 'no choice on the roll after close').toBe(0);
    await capture(p, 'secret-closed');

    const closed = await decision(AMINA, id);
    expect(closed.tally?.counts).toMatchObject({ yes: 3, no: 1 });
    const ballots = await apiCall<Ballots>(as(AMINA).ctx, 'GET', `${base}/decisions/${id}/ballots`);
    expect(ballots.anonymous).toBe(true);
    expect(ballots.items.map((b) => b.seat).sort(), 'who took part is verifiable').toEqual(['city', 'operator', 'trust', 'utility']);
    for (const b of ballots.items) expect(b, `the ballot of ${b.seat} stays secret`).toMatchObject({ choice: null, reason: null, castBy: null });

    // the voter's own page after close does not reveal the ballot either, nor pretend the seat did not vote
    await openDecision(l, id, title);
    await l.getByRole('heading', { name: 'Outcome', exact: true }).waitFor();
    const card = seatCard(l, 'Private operator');
    await card.getByText('Voted', { exact: true }).waitFor();
    expect(await card.getByText('This seat cast no ballot.').count()).toBe(0);
    expect(await card.getByText(/^(Yes|No|Abstain)$/).count()).toBe(0);
    await capture(l, 'secret-closed-voter');
  });

  it('hides the tally of a decision whose results are shown at close, then names every ballot once closed', async () => {
    const title = 'Adopt the 2027 basin budget';
    const id = await propose('budget', title, 'The council adopts the 2027 basin budget of 4.2 million, including dredging at the weir.');
    const l = as(LUCAS).page;
    await openDecision(l, id, title);
    await l.getByText('Results shown at close').first().waitFor();
    await castIn(l, 'Private operator', /^No/, "The operator's share of the dredging costs is too high.");
    await l.getByText('Results are hidden until voting closes').waitFor();

    await vote(HENRIK, id, 'utility', 'yes');
    await vote(INGRID, id, 'trust', 'yes');
    const p = as(AMINA).page;
    await openDecision(p, id, title);
    await p.getByText('Results are hidden until voting closes').waitFor();
    await p.getByText('3 of 5 voting seats have voted').waitFor();
    await rollRow(p, 'Private operator').getByText('Voted').waitFor();
    expect(await rollTable(p).getByText(/^(Yes|No|Abstain)$/).count(), 'no choice on the roll before close').toBe(0);
    await capture(p, 'hidden-open');
    expect((await decision(AMINA, id)).tally).toBeNull();
    // the ballots are shown when the decision closes
    await refusedWith(403, as(AMINA).ctx, 'GET', `${base}/decisions/${id}/ballots`);

    await castIn(p, 'City council', /^Yes/);
    await closeVoting(p);
    await p.getByText('The proposal is adopted', { exact: false }).waitFor();
    const row = rollRow(p, 'Private operator');
    await row.getByText('No', { exact: true }).waitFor();
    await row.getByText("The operator's share of the dredging costs is too high.").waitFor();
    await row.getByText('Lucas Ferreira').waitFor();
    await capture(p, 'hidden-closed');
    const ballots = await apiCall<Ballots>(as(AMINA).ctx, 'GET', `${base}/decisions/${id}/ballots`);
    expect(ballots.anonymous).toBe(false);
    expect(ballots.items.find((b) => b.seat === 'operator')).toMatchObject({ choice: 'no', castBy: { name: 'Lucas Ferreira' } });
  });

  it('found no serious or critical accessibility violation and no script error', () => {
    j.expectClean();
  });
});
