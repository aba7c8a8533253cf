import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../kernel/errors';
import type { Charter, Rule, Seat, Spread, StagedRule } from './charter';
import { decide, explain, type Ballot, type Choice, type Outcome } from './count';

// ---------------------------------------------------------------------------------------------------------------
// Fixtures built from ../shared/briefs/governance.md

const CHAMBERS = ['environmental', 'social', 'economic'] as const;
const SUBS = ['north', 'south'] as const;
const ORG = 3; // organisational members per cell in this fixture
const IND = 2; // individual members per cell

/** FSC General Assembly: 3 chambers x 1/3, North/South x 1/2, organisational 9/10 / individual 1/10 = 12 cells. */
function fsc(spread: Spread = 'per_member'): Charter {
  const seats: Seat[] = [];
  for (const c of CHAMBERS)
    for (const s of SUBS) {
      for (let i = 0; i < ORG; i++) seats.push({ id: `${c}-${s}-org-${i}`, group: `${c}/${s}/org` });
      for (let i = 0; i < IND; i++) seats.push({ id: `${c}-${s}-ind-${i}`, group: `${c}/${s}/ind` });
    }
  return {
    name: 'FSC General Assembly',
    groups: CHAMBERS.map((c) => ({
      id: c,
      name: `${c} chamber`,
      share: '1/3',
      groups: SUBS.map((s) => ({
        id: s,
        share: '1/2',
        groups: [
          { id: 'org', share: '9/10', spread },
          { id: 'ind', share: '1/10', spread },
        ],
      })),
    })),
    seats,
  };
}

const FSC_RULE: Rule = {
  quorum: [{ kind: 'quorum', measure: 'weight', min: { kind: 'majority' }, eachGroup: 'top' }],
  pass: {
    kind: 'all',
    of: [
      { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast', measure: 'weight', eachGroup: 'top' },
      { kind: 'threshold', require: { kind: 'two_thirds' }, base: 'votes_cast', measure: 'weight' },
    ],
  },
};

type Cell = (Choice | '-')[]; // '-' = absent
/** Ballots for one FSC cell: choices for members 0.. in order. */
const cell = (c: string, s: string, cls: 'org' | 'ind', choices: Cell): Ballot[] =>
  choices.flatMap((ch, i) => (ch === '-' ? [] : [{ voter: `${c}-${s}-${cls}-${i}`, choice: ch }]));
/** Every member of a chamber casts `ch`. */
const chamber = (c: string, ch: Choice): Ballot[] =>
  SUBS.flatMap((s) => [...cell(c, s, 'org', Array(ORG).fill(ch)), ...cell(c, s, 'ind', Array(IND).fill(ch))]);

/** Plain body of n members with one vote each. */
const body = (n: number, extra: Partial<Charter> = {}): Charter => ({
  seats: Array.from({ length: n }, (_, i) => ({ id: `m${String(i).padStart(4, '0')}` })),
  ...extra,
});
/** Ballots: `yes` yes, then `no` no, then `abstain` abstain, in member order. */
function votes(yes: number, no: number, abstain = 0): Ballot[] {
  const out: Ballot[] = [];
  let i = 0;
  const id = () => `m${String(i++).padStart(4, '0')}`;
  for (let k = 0; k < yes; k++) out.push({ voter: id(), choice: 'yes' });
  for (let k = 0; k < no; k++) out.push({ voter: id(), choice: 'no' });
  for (let k = 0; k < abstain; k++) out.push({ voter: id(), choice: 'abstain' });
  return out;
}

const failing = (o: Outcome) => o.conditions.filter((c) => !c.passed).map((c) => c.label);

// ---------------------------------------------------------------------------------------------------------------

describe('FSC General Assembly (per-chamber quorum, majority in every chamber, two-thirds overall)', () => {
  // Hand computation: an organisational member holds 1/3 * 1/2 * 9/10 / 3 = 1/20 of the vote,
  // an individual member 1/3 * 1/2 * 1/10 / 2 = 1/120. A chamber holds 1/3 = 20/60.
  it('every organisational member votes yes, individuals abstain: adopted', () => {
    const ballots = CHAMBERS.flatMap((c) => SUBS.flatMap((s) => [...cell(c, s, 'org', ['yes', 'yes', 'yes']), ...cell(c, s, 'ind', ['abstain', 'abstain'])]));
    const o = decide(fsc(), FSC_RULE, ballots);
    expect(o.outcome).toBe('adopted');
    // overall: yes 18 * 1/20 = 9/10 of 9/10 cast
    const overall = o.conditions.find((c) => c.label === 'all: at least 66.7% yes of votes cast')!;
    expect(overall.numbers).toMatchObject({ yes: '9/10', base: '9/10', ratio: '1/1', abstain: '1/10' });
  });

  it('the economic chamber lacks a majority: rejected, naming that chamber', () => {
    // economic: yes = 2 orgs * 1/20 + 4 inds * 1/120 = 2/15; no = 4 orgs * 1/20 = 1/5; cast = 1/3; 2/15 / 1/3 = 2/5
    // overall: yes = 2/3 + 2/15 = 4/5 of 1 cast -> passes two-thirds
    const ballots = [
      ...chamber('environmental', 'yes'),
      ...chamber('social', 'yes'),
      ...cell('economic', 'north', 'org', ['yes', 'no', 'no']),
      ...cell('economic', 'south', 'org', ['yes', 'no', 'no']),
      ...cell('economic', 'north', 'ind', ['yes', 'yes']),
      ...cell('economic', 'south', 'ind', ['yes', 'yes']),
    ];
    const o = decide(fsc(), FSC_RULE, ballots);
    expect(o.outcome).toBe('rejected');
    expect(failing(o)).toEqual(['all of', 'economic chamber: more than 50% yes of votes cast']);
    const eco = o.conditions.find((c) => c.label.startsWith('economic chamber:'))!;
    expect(eco.numbers).toMatchObject({ yes: '2/15', no: '1/5', base: '1/3', ratio: '2/5', required: '1/2' });
    expect(eco.explanation).toBe('economic chamber: 40% yes of votes cast, needs more than 50%: fails');
    const overall = o.conditions.find((c) => c.label === 'all: at least 66.7% yes of votes cast')!;
    expect(overall.numbers).toMatchObject({ yes: '4/5', base: '1/1' });
    expect(overall.passed).toBe(true);
  });

  it('the social chamber is under quorum: no quorum', () => {
    // social present = 1 org * 1/20 + 4 inds * 1/120 = 1/12 of 1/3 -> 1/4, needs more than 1/2
    const ballots = [
      ...chamber('environmental', 'yes'),
      ...chamber('economic', 'yes'),
      ...cell('social', 'north', 'org', ['yes', '-', '-']),
      ...cell('social', 'north', 'ind', ['yes', 'yes']),
      ...cell('social', 'south', 'ind', ['yes', 'yes']),
    ];
    const o = decide(fsc(), FSC_RULE, ballots);
    expect(o.outcome).toBe('no_quorum');
    const q = o.conditions.find((c) => !c.passed)!;
    expect(q.numbers).toMatchObject({ present: '1/12', base: '1/3', ratio: '1/4' });
    expect(q.explanation).toBe('social chamber quorum: 25% of all voting power present, needs more than 50%: fails');
    expect(o.conditions.filter((c) => !c.passed)).toHaveLength(1);
  });

  it('majorities in every chamber but less than two-thirds overall: rejected on the overall condition', () => {
    // each chamber: orgs yes,yes,no in both sub-chambers -> yes 4/20 = 1/5, no 2/20 = 1/10; inds abstain,
    // except economic inds vote no: economic no = 1/10 + 4/120 = 2/15, ratio (1/5)/(1/5+2/15) = 3/5 passes.
    // overall: yes 3/5, no 1/10 + 1/10 + 2/15 = 1/3, cast 14/15 -> ratio 9/14 < 2/3.
    const ballots = CHAMBERS.flatMap((c) =>
      SUBS.flatMap((s) => [...cell(c, s, 'org', ['yes', 'yes', 'no']), ...cell(c, s, 'ind', c === 'economic' ? ['no', 'no'] : ['abstain', 'abstain'])]),
    );
    const o = decide(fsc(), FSC_RULE, ballots);
    expect(o.outcome).toBe('rejected');
    expect(failing(o)).toEqual(['all of', 'all: at least 66.7% yes of votes cast']);
    const overall = o.conditions.find((c) => c.label === 'all: at least 66.7% yes of votes cast')!;
    expect(overall.numbers).toMatchObject({ yes: '3/5', no: '1/3', base: '14/15', ratio: '9/14', required: '2/3' });
    expect(o.conditions.find((c) => c.label.startsWith('economic'))!.numbers.ratio).toBe('3/5');
  });

  it('the spread setting decides: per member rejects, scaled by cell turnout adopts', () => {
    const ballots = [
      ...chamber('social', 'yes'),
      ...chamber('economic', 'yes'),
      ...cell('environmental', 'north', 'org', ['no', 'no', 'no']),
      ...cell('environmental', 'south', 'org', ['yes', '-', '-']),
      ...cell('environmental', 'north', 'ind', ['yes', 'yes']),
      ...cell('environmental', 'south', 'ind', ['yes', 'yes']),
    ];
    // per member: yes = 1/20 + 4/120 = 1/12, no = 3/20 -> 5/14 fails; present 7/30 of 1/3 = 70% (quorum ok)
    const perMember = decide(fsc('per_member'), FSC_RULE, ballots);
    expect(perMember.outcome).toBe('rejected');
    expect(perMember.conditions.find((c) => c.label.startsWith('environmental chamber:'))!.numbers.ratio).toBe('5/14');
    expect(perMember.conditions.find((c) => c.label.startsWith('quorum, environmental'))!.numbers.ratio).toBe('7/10');
    // per present: the south org cell's 3/20 is carried by its one present member:
    // yes = 3/20 + 2 * 1/60 = 11/60, no = 3/20 = 9/60 -> 11/20 passes; overall yes = 2/3 + 11/60 = 17/20 of 1
    const perPresent = decide(fsc('per_present'), FSC_RULE, ballots);
    expect(perPresent.outcome).toBe('adopted');
    expect(perPresent.conditions.find((c) => c.label.startsWith('environmental chamber:'))!.numbers.ratio).toBe('11/20');
    expect(perPresent.conditions.find((c) => c.label === 'all: at least 66.7% yes of votes cast')!.numbers.ratio).toBe('17/20');
  });
});

describe('Global Fund Board: double two-thirds, under both bases', () => {
  const gf: Charter = {
    groups: [
      { id: 'donors', seats: 10 },
      { id: 'implementers', seats: 10 },
    ],
    seats: [
      ...Array.from({ length: 10 }, (_, i) => ({ id: `d${i}`, group: 'donors' })),
      ...Array.from({ length: 10 }, (_, i) => ({ id: `i${i}`, group: 'implementers' })),
    ],
  };
  const rule = (base: 'votes_cast' | 'present'): Rule => ({
    pass: { kind: 'threshold', require: { kind: 'two_thirds' }, base, measure: 'count', eachGroup: 'top' },
  });
  const group = (g: 'd' | 'i', yes: number, no: number, abstain: number): Ballot[] => {
    const out: Ballot[] = [];
    let k = 0;
    for (let n = 0; n < yes; n++) out.push({ voter: `${g}${k++}`, choice: 'yes' });
    for (let n = 0; n < no; n++) out.push({ voter: `${g}${k++}`, choice: 'no' });
    for (let n = 0; n < abstain; n++) out.push({ voter: `${g}${k++}`, choice: 'abstain' });
    return out;
  };
  it.each([
    // donors y/n/a, implementers y/n/a, votes cast, members present; hand reasoning in the note
    { d: [6, 3, 1], i: [8, 2, 0], cast: 'adopted', present: 'rejected', note: 'donors 6 >= 2*3 of cast, but 6 < 20/3 of 10 present' },
    { d: [7, 3, 0], i: [8, 2, 0], cast: 'adopted', present: 'adopted', note: '7 >= 20/3 and 8 >= 20/3' },
    { d: [7, 3, 0], i: [6, 4, 0], cast: 'rejected', present: 'rejected', note: 'implementers 6 < 2*4' },
    { d: [4, 2, 4], i: [6, 0, 4], cast: 'adopted', present: 'rejected', note: 'abstainers count against only when the base is those present' },
  ])('$note', ({ d, i, cast, present }) => {
    const ballots = [...group('d', d[0], d[1], d[2]), ...group('i', i[0], i[1], i[2])];
    expect(decide(gf, rule('votes_cast'), ballots).outcome).toBe(cast);
    expect(decide(gf, rule('present'), ballots).outcome).toBe(present);
  });
  it('names the failing group with the number of yes votes needed', () => {
    const o = decide(gf, rule('present'), [...group('d', 6, 3, 1), ...group('i', 8, 2, 0)]);
    const donors = o.conditions.find((c) => c.label.startsWith('donors'))!;
    expect(donors.passed).toBe(false);
    expect(donors.required).toBe('at least 66.7% of members present (at least 7 yes of 10)');
    expect(donors.numbers).toMatchObject({ yes: '6/1', base: '10/1', ratio: '3/5' });
  });
});

describe('EITI multi-stakeholder group: staged procedure', () => {
  const eiti: Charter = {
    groups: [{ id: 'government' }, { id: 'industry' }, { id: 'civil_society' }],
    seats: ['government', 'industry', 'civil_society'].flatMap((g) => Array.from({ length: 5 }, (_, i) => ({ id: `${g}-${i}`, group: g }))),
  };
  const staged = (tier2OnFail: 'next' | 'refer'): StagedRule => ({
    kind: 'staged',
    quorum: [
      { kind: 'quorum', min: { kind: 'fraction', num: 1, den: 2 }, base: 'all_members' },
      { kind: 'quorum', min: { kind: 'fraction', num: 1, den: 3 }, eachGroup: 'top' },
    ],
    stages: [
      { id: 'tier1', grade: 'consensus', pass: { kind: 'consensus' } },
      {
        id: 'tier2',
        grade: 'qualified majority',
        onFail: tier2OnFail,
        pass: {
          kind: 'all',
          of: [
            { kind: 'threshold', require: { kind: 'two_thirds' }, base: 'votes_cast', measure: 'count' },
            { kind: 'min_yes', count: 2, eachGroup: 'top' },
          ],
        },
      },
      { id: 'tier3', grade: 'simple majority (low grade)', pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast', measure: 'count' } },
    ],
  });
  const g = (name: string, choices: (Choice | '-')[]): Ballot[] => choices.flatMap((c, i) => (c === '-' ? [] : [{ voter: `${name}-${i}`, choice: c }]));
  const Y5: Choice[] = ['yes', 'yes', 'yes', 'yes', 'yes'];

  it('everybody agrees: adopted at tier 1 by consensus', () => {
    const o = decide(eiti, staged('next'), [...g('government', Y5), ...g('industry', Y5), ...g('civil_society', Y5)]);
    expect(o).toMatchObject({ outcome: 'adopted', stage: 'tier1', grade: 'consensus' });
  });
  it('two-thirds reached but civil society has only 1 yes: tier 2 fails, fallback majority adopts with a low grade', () => {
    // tier 2: 11 yes, 4 no: 11 >= 2*4 passes; civil society 1 yes < 2 fails. tier 3: 11 > 4.
    const ballots = [...g('government', Y5), ...g('industry', Y5), ...g('civil_society', ['yes', 'no', 'no', 'no', 'no'])];
    const o = decide(eiti, staged('next'), ballots);
    expect(o).toMatchObject({ outcome: 'adopted', stage: 'tier3', grade: 'simple majority (low grade)' });
    const failed = o.conditions.filter((c) => !c.passed);
    expect(failed.map((c) => `${c.stage} ${c.label}`)).toEqual(['tier1 consensus', 'tier2 all of', 'tier2 civil_society: at least 2 yes votes']);
    expect(explain(o)[0]).toBe('adopted (grade: simple majority (low grade)) at stage tier3');
  });
  it('a tier that says refer: referred; the working group vote then starts at tier 3', () => {
    const ballots = [...g('government', Y5), ...g('industry', Y5), ...g('civil_society', ['yes', 'no', 'no', 'no', 'no'])];
    expect(decide(eiti, staged('refer'), ballots)).toMatchObject({ outcome: 'referred', stage: 'tier2' });
    expect(decide(eiti, staged('refer'), ballots, undefined, { startAt: 'tier3' })).toMatchObject({ outcome: 'adopted', grade: 'simple majority (low grade)' });
  });
  it('exactly two-thirds and two yes per constituency: qualified majority', () => {
    // 10 yes, 5 no: 10 >= 2*5; yes per constituency 5, 3, 2
    const o = decide(eiti, staged('next'), [...g('government', Y5), ...g('industry', ['yes', 'yes', 'yes', 'no', 'no']), ...g('civil_society', ['yes', 'yes', 'no', 'no', 'no'])]);
    expect(o).toMatchObject({ outcome: 'adopted', stage: 'tier2', grade: 'qualified majority' });
  });
  it('quorum: half of all members AND a third of each constituency', () => {
    // 11 of 15 present (>= 15/2), but civil society 1 of 5 < 5/3 (needs 2)
    const o = decide(eiti, staged('next'), [...g('government', Y5), ...g('industry', Y5), ...g('civil_society', ['yes', '-', '-', '-', '-'])]);
    expect(o.outcome).toBe('no_quorum');
    expect(o.conditions.filter((c) => !c.passed).map((c) => c.required)).toEqual(['at least 33.3% of all members (2 of 5)']);
    const ok = decide(eiti, staged('next'), [...g('government', Y5), ...g('industry', Y5), ...g('civil_society', ['yes', 'yes', '-', '-', '-'])]);
    expect(ok.outcome).toBe('adopted');
  });
});

describe("Robert's Rules counting cases", () => {
  const majority: Rule = { pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast', measure: 'count' } };
  const twoThirds: Rule = { pass: { kind: 'threshold', require: { kind: 'two_thirds' }, base: 'votes_cast', measure: 'count' } };
  it.each([
    { n: 1000, yes: 501, no: 499, abstain: 0, rule: majority, outcome: 'adopted', note: '1,000 votes: 501 is a majority' },
    { n: 1000, yes: 500, no: 500, abstain: 0, rule: majority, outcome: 'rejected', note: 'a tie fails' },
    { n: 15, yes: 3, no: 2, abstain: 10, rule: majority, outcome: 'adopted', note: 'abstentions are not votes' },
    { n: 30, yes: 20, no: 10, abstain: 0, rule: twoThirds, outcome: 'adopted', note: 'two-thirds: 20 >= 2*10' },
    { n: 30, yes: 19, no: 10, abstain: 0, rule: twoThirds, outcome: 'rejected', note: 'two-thirds: 19 < 2*10' },
    { n: 50, yes: 26, no: 0, abstain: 0, rule: majority, outcome: 'adopted', note: 'default quorum 50 -> 26 present' },
    { n: 50, yes: 20, no: 0, abstain: 5, rule: majority, outcome: 'no_quorum', note: 'default quorum 50: 25 present is not enough' },
    { n: 6, yes: 3, no: 1, abstain: 0, rule: majority, outcome: 'adopted', note: 'default quorum 6 -> 4 present' },
    { n: 6, yes: 3, no: 0, abstain: 0, rule: majority, outcome: 'no_quorum', note: 'default quorum 6: 3 present is not enough' },
  ])('$note', ({ n, yes, no, abstain, rule, outcome }) => {
    expect(decide(body(n), rule, votes(yes, no, abstain)).outcome).toBe(outcome);
  });
  it('states the 501 needed out of 1,000 votes, and the 26 of 50 / 4 of 6 quorum', () => {
    const o = decide(body(1000), majority, votes(501, 499));
    const row = o.conditions.find((c) => c.label.startsWith('all:'))!;
    expect(row.required).toBe('more than 50% of votes cast (at least 501 yes of 1000)');
    expect(row.numbers).toMatchObject({ yes: '501/1', base: '1000/1', ratio: '501/1000' });
    expect(decide(body(50), majority, votes(26, 0)).conditions[0].required).toBe('more than 50% of all members (26 of 50)');
    expect(decide(body(6), majority, votes(4, 0)).conditions[0].required).toBe('more than 50% of all members (4 of 6)');
  });
  it('members present: abstainers count against', () => {
    // 5 yes, 4 no, 1 abstain: 5 > 4 of votes cast, but 5 is not more than half of 10 present
    const present: Rule = { pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'present', measure: 'count' } };
    expect(decide(body(10), majority, votes(5, 4, 1)).outcome).toBe('adopted');
    expect(decide(body(10), present, votes(5, 4, 1)).outcome).toBe('rejected');
  });
  it('entire membership: absentees count against', () => {
    const all: Rule = { pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'all_members', measure: 'count' } };
    expect(decide(body(20), all, votes(10, 0, 1)).outcome).toBe('rejected'); // 10 is not more than 20/2
    expect(decide(body(20), all, votes(11, 0)).outcome).toBe('adopted');
  });
  it('fixed membership: vacancies count against', () => {
    // 25 seats, 20 filled: more than 12.5 -> 13 yes needed
    const fixed: Rule = { pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'fixed_membership', measure: 'count', seats: 25 } };
    expect(decide(body(20), fixed, votes(13, 0)).outcome).toBe('adopted');
    const o = decide(body(20), fixed, votes(12, 0));
    expect(o.outcome).toBe('rejected');
    expect(o.conditions[1].required).toBe('more than 50% of the fixed membership (at least 13 yes of 25)');
  });
  it('a quorum of a fixed number, with non-voting seats counted when the charter says so', () => {
    const gavi: Charter = { seats: [...body(8).seats!, { id: 'ceo', voting: false, present: true }] };
    const q = (countNonVoting: boolean): Rule => ({ quorum: [{ kind: 'quorum', count: 5, countNonVoting }], pass: majority.pass });
    expect(decide(gavi, q(false), votes(4, 0)).outcome).toBe('no_quorum');
    expect(decide(gavi, q(true), votes(4, 0)).outcome).toBe('adopted');
  });
});

describe('consensus, consent and veto', () => {
  const five = body(5);
  const ids = five.seats!.map((s) => s.id);
  const cast = (...choices: (Choice | Partial<Ballot>)[]): Ballot[] =>
    choices.map((c, i) => (typeof c === 'string' ? { voter: ids[i], choice: c } : { ...(c as Ballot), voter: ids[i] }));
  const consensus: Rule = { quorum: [], pass: { kind: 'consensus', maxStandAsides: 1 } };
  const consent: Rule = { quorum: [], pass: { kind: 'consent' } };

  it.each([
    { b: cast('agree', 'agree', 'agree', 'agree', { choice: 'block', reason: 'breaks our mandate' }), out: 'rejected', note: 'one block' },
    { b: cast('agree', 'agree', 'agree', 'stand_aside', 'stand_aside'), out: 'rejected', note: 'two stand-asides exceed the cap of 1' },
    { b: cast('agree', 'agree', 'agree', 'agree', 'stand_aside'), out: 'adopted', note: 'one stand-aside is allowed' },
  ])('consensus: $note', ({ b, out }) => {
    expect(decide(five, consensus, b).outcome).toBe(out);
  });
  it('consensus without a cap: stand-asides never block', () => {
    expect(decide(five, { quorum: [], pass: { kind: 'consensus' } }, cast('agree', 'stand_aside', 'stand_aside', 'stand_aside', 'stand_aside')).outcome).toBe('adopted');
  });
  it.each([
    { b: cast('consent', 'consent', 'consent', 'consent', { choice: 'objection', reason: 'unsafe for staff' }), out: 'rejected', note: 'an open paramount objection' },
    { b: cast('consent', 'consent', 'consent', 'consent', { choice: 'objection', reason: 'unsafe', resolved: true }), out: 'adopted', note: 'the objection was resolved' },
    { b: cast('consent', 'consent', 'consent', 'consent', { choice: 'objection', reason: 'prefer blue', paramount: false }), out: 'adopted', note: 'not paramount' },
  ])('consent: $note', ({ b, out }) => {
    const o = decide(five, consent, b);
    expect(o.outcome).toBe(out);
  });
  it('names the open objection', () => {
    const o = decide(five, consent, cast('consent', 'consent', 'consent', 'consent', { choice: 'objection', reason: 'unsafe' }));
    expect(o.conditions[0].explanation).toBe(`consent: 1 open paramount objection (${ids[4]}), needs none: fails`);
  });

  const ppp: Charter = { seats: [{ id: 'authority', name: 'public authority' }, { id: 'p1' }, { id: 'p2' }, { id: 'p3' }, { id: 'p4' }] };
  const reserved: Rule = {
    pass: { kind: 'all', of: [{ kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast', measure: 'count' }, { kind: 'veto', seat: 'authority' }] },
  };
  const others: Ballot[] = ['p1', 'p2', 'p3', 'p4'].map((voter) => ({ voter, choice: 'yes' }));
  it.each([
    { a: 'no' as Choice, out: 'rejected' },
    { a: 'abstain' as Choice, out: 'rejected' },
    { a: 'yes' as Choice, out: 'adopted' },
  ])('veto: the public authority votes $a on a reserved matter: $out', ({ a, out }) => {
    const o = decide(ppp, reserved, [...others, { voter: 'authority', choice: a }]);
    expect(o.outcome).toBe(out);
    expect(o.conditions.find((c) => c.label.startsWith('veto'))!.passed).toBe(a === 'yes');
  });
  it('veto row explains itself', () => {
    const o = decide(ppp, reserved, [...others, { voter: 'authority', choice: 'no' }]);
    expect(o.conditions.at(-1)!.explanation).toBe('public authority voted no, must vote yes: fails');
  });
  it('any-of: adopted when one branch passes', () => {
    const rule: Rule = { pass: { kind: 'any', of: [{ kind: 'veto', seat: 'authority' }, { kind: 'threshold', require: { kind: 'fraction', num: 4, den: 5 }, base: 'votes_cast', measure: 'count' }] } };
    expect(decide(ppp, rule, [...others, { voter: 'authority', choice: 'no' }]).outcome).toBe('adopted'); // 4/5 >= 4/5
    expect(decide(ppp, rule, [...others.slice(1), { voter: 'p1', choice: 'no' }, { voter: 'authority', choice: 'no' }]).outcome).toBe('rejected');
  });
  it('group veto: any no from the group vetoes', () => {
    const c: Charter = { groups: [{ id: 'public' }, { id: 'private' }], seats: [{ id: 'a', group: 'public' }, { id: 'b', group: 'public' }, { id: 'p', group: 'private' }] };
    const rule: Rule = { quorum: [], pass: { kind: 'veto', group: 'public' } };
    expect(decide(c, rule, [{ voter: 'a', choice: 'yes' }, { voter: 'b', choice: 'abstain' }]).outcome).toBe('adopted');
    expect(decide(c, rule, [{ voter: 'a', choice: 'yes' }, { voter: 'b', choice: 'no' }]).outcome).toBe('rejected');
  });
});

describe('bad input is refused with every reason', () => {
  const rule: Rule = { pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast' } };
  const c: Charter = { seats: [{ id: 'a' }, { id: 'b' }, { id: 'obs', voting: false }] };
  it('unknown voter, second ballot, non-voting seat, block without reason, unknown rule name', () => {
    try {
      decide(c, rule, [
        { voter: 'a', choice: 'yes' },
        { voter: 'a', choice: 'no' },
        { voter: 'zed', choice: 'yes' },
        { voter: 'obs', choice: 'yes' },
        { voter: 'b', choice: 'block' },
      ]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).issues.map((i) => `${i.field} ${i.code}`)).toEqual([
        'ballots[1].voter duplicate',
        'ballots[2].voter unknown_voter',
        'ballots[3].voter not_voting',
        'ballots[4].reason reason_required',
      ]);
    }
    expect(() => decide(c, 'budget', [])).toThrow(DomainError);
  });
  it('an invalid charter is refused', () => {
    const bad: Charter = { groups: [{ id: 'x', share: '1/2' }, { id: 'y', share: '1/3' }], seats: [{ id: 'a', group: 'x' }] };
    expect(() => decide(bad, rule, [])).toThrow(/cannot be counted/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

const OPTIONS: (Choice | '-')[] = ['yes', 'no', 'abstain', '-'];
const EITI_LIKE: Charter = {
  groups: [{ id: 'g' }, { id: 'i' }, { id: 'c' }],
  seats: ['g', 'i', 'c'].flatMap((g) => Array.from({ length: 4 }, (_, k) => ({ id: `${g}${k}`, group: g }))),
};
const CASES: { name: string; charter: Charter; rule: Rule }[] = [
  { name: 'FSC per member', charter: fsc('per_member'), rule: FSC_RULE },
  { name: 'FSC per present', charter: fsc('per_present'), rule: FSC_RULE },
  { name: 'double two-thirds of present', charter: EITI_LIKE, rule: { pass: { kind: 'threshold', require: { kind: 'two_thirds' }, base: 'present', measure: 'count', eachGroup: 'top' } } },
  {
    name: 'staged with min yes and veto',
    charter: EITI_LIKE,
    rule: {
      kind: 'staged',
      quorum: [{ kind: 'quorum', min: { kind: 'fraction', num: 1, den: 3 }, eachGroup: 'top' }],
      stages: [
        { id: 's1', pass: { kind: 'consensus', maxStandAsides: 2 } },
        { id: 's2', pass: { kind: 'all', of: [{ kind: 'min_yes', count: 2, eachGroup: 'top' }, { kind: 'veto', seat: 'g0' }] }, onFail: 'refer' },
        { id: 's3', pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'all_members' } },
      ],
    },
  },
];

const ballotsFor = (charter: Charter) =>
  fc.array(fc.constantFrom(...OPTIONS), { minLength: charter.seats!.length, maxLength: charter.seats!.length }).map((choices) =>
    choices.flatMap((ch, i): Ballot[] => (ch === '-' ? [] : [{ voter: charter.seats![i].id, choice: ch }])),
  );

describe.each(CASES)('properties: $name', ({ charter, rule }) => {
  it('ballot order and roll order never change the outcome', () => {
    fc.assert(
      fc.property(
        ballotsFor(charter).chain((b) => fc.tuple(fc.constant(b), fc.shuffledSubarray(b, { minLength: b.length, maxLength: b.length }), fc.shuffledSubarray(charter.seats!, { minLength: charter.seats!.length, maxLength: charter.seats!.length }))),
        ([b, shuffled, roll]) => {
          expect(decide(charter, rule, shuffled, roll)).toEqual(decide(charter, rule, b));
        },
      ),
      { numRuns: 60 },
    );
  });
  it('turning one no into yes never turns adopted into rejected', () => {
    fc.assert(
      fc.property(ballotsFor(charter), fc.nat(), (b, pick) => {
        const noes = b.map((x, i) => (x.choice === 'no' ? i : -1)).filter((i) => i >= 0);
        fc.pre(noes.length > 0);
        const i = noes[pick % noes.length];
        const before = decide(charter, rule, b).outcome;
        const after = decide(charter, rule, b.map((x, k) => (k === i ? { ...x, choice: 'yes' as Choice } : x))).outcome;
        if (before === 'adopted') expect(after).toBe('adopted');
        if (before === 'no_quorum') expect(after).toBe('no_quorum');
      }),
      { numRuns: 150 },
    );
  });
});

describe('spreading a share over those present (per_present)', () => {
  // one group holding all the power, ten seats, only m0 comes and votes yes
  const charter: Charter = {
    groups: [{ id: 'g', share: '1', spread: 'per_present' }],
    seats: Array.from({ length: 10 }, (_, i) => ({ id: `m${i}`, group: 'g' })),
  };
  const ballots: Ballot[] = [{ voter: 'm0', choice: 'yes' }];

  it('measures presence with nominal power: one member of ten is 10% present, not the whole group', () => {
    const o = decide(charter, { quorum: [{ kind: 'quorum', measure: 'weight', min: { kind: 'majority' } }], pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast', measure: 'weight' } }, ballots);
    expect(o.outcome).toBe('no_quorum');
    expect(o.conditions[0].numbers.present).toBe('1/10');
  });

  it('counts absentees against a motion judged over all members', () => {
    const o = decide(charter, { quorum: [{ kind: 'quorum', count: 1 }], pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'all_members', measure: 'weight' } }, ballots);
    expect(o.outcome).toBe('rejected');
    expect(o.conditions.find((c) => c.numbers.base)?.numbers).toMatchObject({ yes: '1/10', base: '1/1' });
  });

  it('still gives those present the whole share for a vote of votes cast', () => {
    const o = decide(charter, { quorum: [{ kind: 'quorum', count: 1 }], pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast', measure: 'weight' } }, ballots);
    expect(o.outcome).toBe('adopted');
  });
});

describe('recusal: a recused seat leaves the base', () => {
  const four = body(4);
  const roll = (recused: string[]) => four.seats!.map((s) => (recused.includes(s.id) ? { ...s, recused: true } : s));
  const allMembers: Rule = { pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'all_members', measure: 'count' } };

  it('counts neither toward the quorum nor toward an all-members base', () => {
    // 2 yes, 1 no of 4 members: 2 is not more than 4/2; with m0003 recused 2 of 3 members is
    const ballots = votes(2, 1);
    expect(decide(four, allMembers, ballots).outcome).toBe('rejected');
    const o = decide(four, allMembers, ballots, roll(['m0003']));
    expect(o.outcome).toBe('adopted');
    expect(o.conditions[0].numbers).toMatchObject({ present: '3/1', base: '3/1' });
    expect(o.conditions[1].required).toBe('more than 50% of all members (at least 2 yes of 3)');
  });

  it('a ballot from a recused seat is refused', () => {
    try {
      decide(four, allMembers, votes(4, 0), roll(['m0003']));
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).issues.map((i) => `${i.field} ${i.code}`)).toEqual(['ballots[3].voter recused']);
    }
  });

  it('a recused veto seat did not vote', () => {
    const rule: Rule = { quorum: [], pass: { kind: 'veto', seat: 'm0000' } };
    const o = decide({ ...four, seats: four.seats!.map((s, i) => (i === 0 ? { ...s, name: 'the authority' } : s)) }, rule, votes(0, 0), roll(['m0000']));
    expect(o.outcome).toBe('rejected');
    expect(o.conditions[0].explanation).toBe('m0000 did not vote, must vote yes: fails');
  });
});
