import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../kernel/errors';
import type { Charter, Condition, Group, QuorumCondition, Requirement, Rule, Seat } from './charter';
import { CHOICES, decide, type Ballot, type Choice } from './count';
import { NAMED_LIMIT, decideTallied, namedSeatIds, tallyBallots, tallyEncoded, tallyFromRows, type BallotRow, type CellTally, type NamedBallots, type RosterRow } from './tally';

// ---------------------------------------------------------------------------------------------------------------
// Random small charters, rolls, rules and ballots (valid by construction)

interface Case {
  charter: Charter;
  members: Seat[];
  rule: Rule;
  ballots: Ballot[];
}

const arbShares = (n: number) =>
  fc.array(fc.integer({ min: 1, max: 4 }), { minLength: n, maxLength: n }).map((xs) => {
    const sum = xs.reduce((a, b) => a + b, 0);
    return xs.map((x) => `${x}/${sum}`);
  });

type Mode = 'shares' | 'weights' | 'groups' | 'plain';

/** Groups and the paths a seat may sit in. */
const arbGroups = (mode: Mode): fc.Arbitrary<{ groups?: Group[]; leaves: (string | undefined)[] }> => {
  if (mode === 'plain' || mode === 'weights') return fc.constant({ leaves: [undefined] });
  return fc.integer({ min: 1, max: 3 }).chain((top) =>
    fc
      .tuple(
        arbShares(top),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.boolean(), arbShares(2), fc.constantFrom<'per_member' | 'per_present'>('per_member', 'per_present'), fc.constantFrom<'per_member' | 'per_present'>('per_member', 'per_present')), {
          minLength: top,
          maxLength: top,
        }),
      )
      .map(([shares, subs]) => {
        const leaves: string[] = [];
        const groups: Group[] = subs.map(([nsub, subShared, subShares, spread, subSpread], i) => {
          const id = `g${i}`;
          const withShares = mode === 'shares';
          const g: Group = { id, name: `group ${i}`, seats: 6, ...(withShares ? { share: shares[i], spread } : {}) };
          if (nsub > 0) {
            const shared = withShares && subShared;
            g.groups = Array.from({ length: nsub }, (_, k) => ({
              id: `s${k}`,
              ...(shared ? { share: nsub === 1 ? '1' : subShares[k], spread: subSpread } : {}),
            }));
            for (const s of g.groups) leaves.push(`${id}/${s.id}`);
            if (!shared) leaves.push(id);
          } else leaves.push(id);
          return g;
        });
        return { groups, leaves };
      }),
  );
};

const arbRequirement: fc.Arbitrary<Requirement> = fc.oneof(
  fc.constant<Requirement>({ kind: 'majority' }),
  fc.constant<Requirement>({ kind: 'two_thirds' }),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 }), fc.boolean()).map(([num, extra, strict]): Requirement => ({ kind: 'fraction', num, den: num + extra, strict: strict && extra > 0 })),
);

interface Ctx {
  groupPaths: string[];
  topIds: string[];
  seatIds: string[];
}

const arbScope = (ctx: Ctx) =>
  ctx.groupPaths.length === 0
    ? fc.constant({})
    : fc.oneof(fc.constant({}), fc.constantFrom(...ctx.groupPaths).map((group) => ({ group })), fc.constant({ eachGroup: 'top' as const }), fc.subarray(ctx.groupPaths, { minLength: 1 }).map((eachGroup) => ({ eachGroup })));

const arbThreshold = (ctx: Ctx): fc.Arbitrary<Condition> =>
  fc.tuple(arbRequirement, fc.constantFrom('votes_cast', 'present', 'all_members', 'fixed_membership') as fc.Arbitrary<'votes_cast' | 'present' | 'all_members' | 'fixed_membership'>, fc.constantFrom<'count' | 'weight' | undefined>('count', 'weight', undefined), arbScope(ctx), fc.integer({ min: 1, max: 12 })).map(
    ([require, base, measure, scope, seats]): Condition =>
      base === 'fixed_membership' ? { kind: 'threshold', require, base, measure: 'count', seats, ...scope } : { kind: 'threshold', require, base, ...(measure ? { measure } : {}), ...scope },
  );

const arbMonotone = (ctx: Ctx): fc.Arbitrary<Condition> =>
  fc.letrec<{ c: Condition }>((tie) => ({
    c: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      arbThreshold(ctx),
      fc.tuple(fc.integer({ min: 1, max: 3 }), arbScope(ctx)).map(([count, scope]): Condition => ({ kind: 'min_yes', count, ...scope })),
      fc.tuple(fc.constantFrom('all', 'any') as fc.Arbitrary<'all' | 'any'>, fc.array(tie('c'), { minLength: 1, maxLength: 3 })).map(([kind, of]): Condition => ({ kind, of })),
    ),
  })).c;

const arbAny = (ctx: Ctx): fc.Arbitrary<Condition> =>
  fc.letrec<{ c: Condition }>((tie) => ({
    c: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      arbThreshold(ctx),
      fc.tuple(fc.integer({ min: 1, max: 3 }), arbScope(ctx)).map(([count, scope]): Condition => ({ kind: 'min_yes', count, ...scope })),
      fc.constantFrom(...ctx.seatIds, 'off').map((seat): Condition => ({ kind: 'veto', seat })),
      ...(ctx.groupPaths.length ? [fc.tuple(fc.constantFrom(...ctx.groupPaths), fc.constantFrom<'unanimous' | 'majority'>('unanimous', 'majority')).map(([group, agree]): Condition => ({ kind: 'veto', group, agree }))] : []),
      fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }).map((m): Condition => (m === undefined ? { kind: 'consensus' } : { kind: 'consensus', maxStandAsides: m })),
      fc.constant<Condition>({ kind: 'consent' }),
      fc.tuple(fc.constantFrom('all', 'any') as fc.Arbitrary<'all' | 'any'>, fc.array(tie('c'), { minLength: 1, maxLength: 3 })).map(([kind, of]): Condition => ({ kind, of })),
    ),
  })).c;

const arbQuorum = (ctx: Ctx): fc.Arbitrary<QuorumCondition> =>
  fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean(), arbScope(ctx)).map(([count, countNonVoting, scope]): QuorumCondition => ({ kind: 'quorum', count, countNonVoting, ...scope })),
    fc
      .tuple(arbRequirement, fc.constantFrom('all_members', 'present', 'fixed_membership') as fc.Arbitrary<'all_members' | 'present' | 'fixed_membership'>, fc.constantFrom<'count' | 'weight'>('count', 'weight'), fc.boolean(), arbScope(ctx), fc.integer({ min: 1, max: 12 }))
      .map(([min, base, measure, countNonVoting, scope, seats]): QuorumCondition =>
        base === 'fixed_membership' ? { kind: 'quorum', min, base, measure: 'count', seats, countNonVoting, ...scope } : { kind: 'quorum', min, base, measure, countNonVoting, ...scope },
      ),
  );

const arbRule = (ctx: Ctx, monotone: boolean): fc.Arbitrary<Rule> => {
  const cond = monotone ? arbMonotone(ctx) : arbAny(ctx);
  const quorum = fc.option(fc.array(arbQuorum(ctx), { maxLength: 2 }), { nil: undefined });
  return fc.oneof(
    fc.tuple(quorum, cond).map(([q, pass]): Rule => ({ ...(q ? { quorum: q } : {}), pass })),
    fc.tuple(quorum, fc.array(fc.tuple(cond, fc.constantFrom<'next' | 'refer' | 'reject'>('next', 'next', 'refer', 'reject')), { minLength: 1, maxLength: 3 })).map(([q, stages]): Rule => ({
      kind: 'staged',
      ...(q ? { quorum: q } : {}),
      stages: stages.map(([pass, onFail], i) => ({ id: `t${i}`, pass, onFail })),
    })),
  );
};

const arbChoice = fc.constantFrom<Choice | '-'>(...CHOICES, '-', '-');

const arbCase = (opts: { monotone?: boolean; yesNoOnly?: boolean } = {}): fc.Arbitrary<Case> =>
  fc.constantFrom<Mode>('shares', 'shares', 'weights', 'groups', 'plain').chain((mode) =>
    arbGroups(mode).chain(({ groups, leaves }) =>
      fc
        .array(
          fc.record({
            leaf: fc.constantFrom(...leaves),
            voting: fc.boolean().chain((b) => (b ? fc.constant(true) : fc.boolean())),
            present: fc.boolean(),
            recused: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
            weight: fc.constantFrom(undefined, '1', '2', '1/2', '3'),
            named: fc.boolean(),
            choice: opts.yesNoOnly ? fc.constantFrom<Choice | '-'>('yes', 'no', 'abstain', '-') : arbChoice,
            paramount: fc.option(fc.boolean(), { nil: undefined }),
            resolved: fc.option(fc.boolean(), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 9 },
        )
        .chain((specs) => {
          const members: Seat[] = specs.map((s, i) => ({
            id: `m${i}`,
            ...(s.named ? { name: `member ${i}` } : {}),
            ...(s.leaf !== undefined ? { group: s.leaf } : {}),
            ...(s.voting ? {} : { voting: false }),
            ...(s.present ? { present: true } : {}),
            ...(mode === 'weights' && s.weight !== undefined ? { weight: s.weight } : {}),
            ...(s.recused ? { recused: true } : {}),
          }));
          const off: Seat = { id: 'off', name: 'off the roll', ...(leaves[0] !== undefined ? { group: leaves[0] } : {}) };
          const charter: Charter = { ...(groups ? { groups } : {}), seats: [...members.map(({ recused: _r, present: _p, ...seat }) => seat), off] };
          const ballots: Ballot[] = specs.flatMap((s, i): Ballot[] => {
            if (!s.voting || s.recused || s.choice === '-') return [];
            const b: Ballot = { voter: `m${i}`, choice: s.choice };
            if (s.choice === 'block' || s.choice === 'objection') b.reason = 'a reason';
            if (s.choice === 'objection' && s.paramount !== undefined) b.paramount = s.paramount;
            if (s.choice === 'objection' && s.resolved !== undefined) b.resolved = s.resolved;
            return [b];
          });
          const ctx: Ctx = { groupPaths: [...new Set([...(groups ?? []).map((g) => g.id), ...leaves.filter((l): l is string => l !== undefined)])], topIds: (groups ?? []).map((g) => g.id), seatIds: members.map((m) => m.id) };
          return arbRule(ctx, opts.monotone ?? false).map((rule) => ({ charter, members, rule, ballots }));
        }),
    ),
  );

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** What the store's GROUP BY queries return for this roll and these ballots (see RosterRow / BallotRow). */
function rowsOf(charter: Charter, rule: Rule, members: Seat[], ballots: Ballot[]): { roster: RosterRow[]; rows: BallotRow[]; named: NamedBallots } {
  const byVoter = new Map(ballots.map((b) => [b.voter, b]));
  const roster = new Map<string, RosterRow>();
  const rows = new Map<string, BallotRow>();
  const open: string[] = [];
  const blocks: string[] = [];
  for (const m of members) {
    if (m.recused) continue;
    const voting = m.voting !== false;
    const group = m.group ?? null;
    const weight = m.weight ?? null;
    const rk = JSON.stringify([group, weight, voting]);
    const r = roster.get(rk) ?? { group, weight, voting, members: 0, present: 0 };
    roster.set(rk, r);
    r.members++;
    const b = byVoter.get(m.id);
    if (!b) {
      if (m.present) r.present++;
      continue;
    }
    const bk = JSON.stringify([group, weight, b.choice]);
    const row = rows.get(bk) ?? { group, weight, choice: b.choice, count: 0, paramountOpen: 0 };
    rows.set(bk, row);
    row.count++;
    const isOpen = b.choice === 'objection' ? b.paramount !== false && b.resolved !== true : b.choice === 'no' || b.choice === 'block';
    if (b.choice === 'objection' && isOpen) row.paramountOpen!++;
    if (isOpen) open.push(m.id);
    if (b.choice === 'block' || b.choice === 'no' || b.choice === 'objection') blocks.push(m.id);
  }
  const onRoll = new Map(members.filter((m) => !m.recused).map((m) => [m.id, m]));
  const named: NamedBallots = {
    seats: namedSeatIds(charter, rule).map((id) => {
      const m = onRoll.get(id);
      const choice = byVoter.get(id)?.choice;
      return m ? { id, ...(m.name ? { name: m.name } : {}), onRoll: true, ...(choice ? { choice } : {}) } : { id, onRoll: false };
    }),
    open: { ids: open.sort().slice(0, NAMED_LIMIT), total: open.length },
    blocks: { ids: blocks.sort().slice(0, NAMED_LIMIT), total: blocks.length },
  };
  // rows in a scrambled order, as a database may return them
  return { roster: [...roster.values()].reverse(), rows: [...rows.values()].reverse(), named };
}

const issuesOf = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.issues.map((i) => `${i.field} ${i.code}`);
    throw e;
  }
  return [];
};

// ---------------------------------------------------------------------------------------------------------------

describe('counting by cells equals counting by seats (random small charters)', () => {
  it('decide() equals decideTallied(tallyBallots(...)) and decideTallied(tallyFromRows(...))', () => {
    fc.assert(
      fc.property(arbCase(), ({ charter, members, rule, ballots }) => {
        const seatLevel = decide(charter, rule, ballots, members);
        expect(decideTallied(charter, rule, tallyBallots(charter, members, ballots, { rule }))).toEqual(seatLevel);
        const { roster, rows, named } = rowsOf(charter, rule, members, ballots);
        expect(decideTallied(charter, rule, tallyFromRows(charter, roster, rows, named))).toEqual(seatLevel);
      }),
      { numRuns: 250 },
    );
  });

  it('neither the outcome nor the tally depends on the order of ballots or of the roll', () => {
    fc.assert(
      fc.property(
        arbCase().chain((c) =>
          fc.tuple(fc.constant(c), fc.shuffledSubarray(c.ballots, { minLength: c.ballots.length, maxLength: c.ballots.length }), fc.shuffledSubarray(c.members, { minLength: c.members.length, maxLength: c.members.length })),
        ),
        ([{ charter, members, rule, ballots }, shuffled, roll]) => {
          expect(decide(charter, rule, shuffled, roll)).toEqual(decide(charter, rule, ballots, members));
          expect(tallyBallots(charter, roll, shuffled, { rule })).toEqual(tallyBallots(charter, members, ballots, { rule }));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rules of thresholds and quorums only: turning a no into a yes never turns adopted into rejected', () => {
    fc.assert(
      fc.property(arbCase({ monotone: true, yesNoOnly: true }), fc.nat(), ({ charter, members, rule, ballots }, pick) => {
        const noes = ballots.map((b, i) => (b.choice === 'no' ? i : -1)).filter((i) => i >= 0);
        fc.pre(noes.length > 0);
        const i = noes[pick % noes.length];
        const before = decideTallied(charter, rule, tallyBallots(charter, members, ballots, { rule })).outcome;
        const after = decideTallied(charter, rule, tallyBallots(charter, members, ballots.map((b, k) => (k === i ? { ...b, choice: 'yes' as Choice } : b)), { rule })).outcome;
        if (before === 'adopted') expect(after).toBe('adopted');
        if (before === 'no_quorum') expect(after).toBe('no_quorum');
      }),
      { numRuns: 200 },
    );
  });
});

// FSC General Assembly: 3 chambers x North/South x organisational 9/10 / individual 1/10
const CHAMBERS = ['environmental', 'social', 'economic'];
const FSC: Charter = {
  groups: CHAMBERS.map((c) => ({
    id: c,
    name: `${c} chamber`,
    share: '1/3',
    groups: ['north', 'south'].map((s) => ({ id: s, share: '1/2', groups: [{ id: 'org', share: '9/10' }, { id: 'ind', share: '1/10' }] })),
  })),
};
const FSC_CELLS = CHAMBERS.flatMap((c) => ['north', 'south'].flatMap((s) => [`${c}/${s}/org`, `${c}/${s}/ind`]));
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

describe('tallyEncoded (the hot loop)', () => {
  it('counts[cell * CHOICES.length + choice] like a plain count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }).chain((cells) => fc.tuple(fc.constant(cells), fc.array(fc.tuple(fc.nat(cells - 1), fc.nat(CHOICES.length - 1)), { maxLength: 300 }))), ([cells, pairs]) => {
        const out = tallyEncoded(Uint32Array.from(pairs.map((p) => p[0])), Uint8Array.from(pairs.map((p) => p[1])), cells);
        const expected = new Array(cells * CHOICES.length).fill(0);
        for (const [c, ch] of pairs) expected[c * CHOICES.length + ch]++;
        expect([...out]).toEqual(expected);
      }),
    );
  });

  it('refuses a cell or a choice out of range and arrays of different lengths', () => {
    expect(issuesOf(() => tallyEncoded(Uint16Array.from([0, 3]), Uint8Array.from([0, 0]), 3))).toEqual(['cellOfBallot[1] out_of_range']);
    expect(issuesOf(() => tallyEncoded(Uint16Array.from([0, 1]), Uint8Array.from([0, 8]), 3))).toEqual(['choice[1] out_of_range']);
    expect(issuesOf(() => tallyEncoded(Uint16Array.from([0, 1]), Uint8Array.from([0]), 3))).toEqual(['choice length_mismatch']);
  });

  it('FSC: 10,000 encoded ballots over 12 cells decide exactly like decide() on the same seats', () => {
    let state = 42;
    const rand = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const members: Seat[] = [];
    const ballots: Ballot[] = [];
    const cellOf: number[] = [];
    const choiceOf: number[] = [];
    const weights = [40, 60, 20, 20]; // yes, no, abstain, absent
    for (let i = 0; i < 12_000; i++) {
      const cell = i % 12;
      const id = `s${String(i).padStart(5, '0')}`;
      members.push({ id, group: FSC_CELLS[cell] });
      const r = rand() * 140 - (cell % 2 === 0 ? 0 : 10);
      const choice: Choice | null = r < weights[0] ? 'yes' : r < weights[0] + weights[1] ? (cell < 4 ? 'yes' : 'no') : r < 120 ? 'abstain' : null;
      if (!choice) continue;
      ballots.push({ voter: id, choice });
      cellOf.push(cell);
      choiceOf.push(CHOICES.indexOf(choice));
    }
    const counts = tallyEncoded(Uint16Array.from(cellOf), Uint8Array.from(choiceOf), 12);
    const roster: RosterRow[] = FSC_CELLS.map((group) => ({ group, weight: null, voting: true, members: 1000, present: 0 }));
    const rows: BallotRow[] = [];
    FSC_CELLS.forEach((group, c) => CHOICES.forEach((choice, k) => counts[c * CHOICES.length + k] && rows.push({ group, weight: null, choice, count: counts[c * CHOICES.length + k] })));
    const tally = tallyFromRows(FSC, roster, rows, { seats: [], open: { ids: [], total: 0 }, blocks: { ids: [], total: 0 } });
    const fast = decideTallied(FSC, FSC_RULE, tally);
    expect(fast).toEqual(decide({ ...FSC, seats: members }, FSC_RULE, ballots));
    expect(fast.conditions).toHaveLength(3 + 1 + 3 + 1);
  });
});

describe('decideTallied and tallyFromRows check their input', () => {
  const charter: Charter = { seats: [{ id: 'authority', name: 'public authority' }, { id: 'p1' }, { id: 'p2' }] };
  const veto: Rule = { quorum: [], pass: { kind: 'veto', seat: 'authority' } };
  const consent: Rule = { quorum: [], pass: { kind: 'consent' } };
  const counts = (c: Partial<Record<Choice, number>>) => ({ yes: 0, no: 0, abstain: 0, agree: 0, stand_aside: 0, block: 0, consent: 0, objection: 0, ...c });
  const cell = (c: Partial<Record<Choice, number>>, members = 3) => ({ group: undefined, weight: undefined, voting: true, members, present: 0, counts: counts(c), settled: 0 });
  const none = { ids: [], total: 0 };

  it('a tally without the ballot of a veto seat is refused, not read as "did not vote"', () => {
    const tally: CellTally = { cells: [cell({ yes: 3 })], named: { seats: [], open: none, blocks: none } };
    expect(issuesOf(() => decideTallied(charter, veto, tally))).toEqual(['tally.named.seats named_missing']);
    const ok = { ...tally, named: { ...tally.named, seats: [{ id: 'authority', name: 'public authority', onRoll: true, choice: 'yes' as Choice }] } };
    expect(decideTallied(charter, veto, ok).outcome).toBe('adopted');
  });

  it('more ballots than members, unknown choices and groups, consent counts that do not match the named objections', () => {
    expect(issuesOf(() => decideTallied(charter, veto, { cells: [{ ...cell({ yes: 4 }), counts: { ...counts({ yes: 4 }), maybe: 1 } as never }], named: { seats: [], open: none, blocks: none } }))).toEqual([
      'tally.cells[0].counts.maybe invalid_choice',
      'tally.cells[0].members too_many',
    ]);
    expect(issuesOf(() => decideTallied(charter, veto, { cells: [{ ...cell({ yes: 1 }), group: 'nowhere' }], named: { seats: [], open: none, blocks: none } }))).toEqual(['tally.cells[0].group unknown_group']);
    expect(issuesOf(() => decideTallied(charter, consent, { cells: [cell({ no: 1, yes: 2 })], named: { seats: [], open: none, blocks: none } }))).toEqual(['tally.named.open named_mismatch']);
  });

  it('rows: unknown choice, ballots in a cell without voting members, more ballots than members', () => {
    const roster: RosterRow[] = [{ group: null, weight: null, voting: true, members: 2, present: 1 }, { group: null, weight: '2', voting: false, members: 1, present: 0 }];
    expect(
      issuesOf(() =>
        tallyFromRows(charter, roster, [{ group: null, weight: null, choice: 'maybe', count: 1 }, { group: null, weight: '2', choice: 'yes', count: 1 }, { group: null, weight: null, choice: 'yes', count: 2 }], { seats: [], open: none, blocks: none }),
      ),
    ).toEqual(['ballotRows[0].choice invalid_choice', 'ballotRows[1] unknown_cell', 'ballotRows too_many']);
  });

  it('rows for the same cell add up; paramountOpen splits objections into open and settled', () => {
    const t = tallyFromRows(
      charter,
      [{ group: null, weight: null, voting: true, members: 5, present: 0 }],
      [
        { group: null, weight: null, choice: 'objection', count: 2, paramountOpen: 1 },
        { group: null, weight: null, choice: 'objection', count: 1, paramountOpen: 0 },
        { group: null, weight: null, choice: 'consent', count: 2, paramountOpen: 2 },
      ],
      { seats: [], open: { ids: ['p1'], total: 1 }, blocks: { ids: ['p1', 'p2', 'authority'], total: 3 } },
    );
    expect(t.cells).toEqual([{ group: undefined, weight: undefined, voting: true, members: 5, present: 0, counts: counts({ objection: 3, consent: 2 }), settled: 2 }]);
    const o = decideTallied(charter, consent, t);
    expect(o.conditions[0].explanation).toBe('consent: 1 open paramount objection (p1), needs none: fails');
    expect(o.conditions[0].numbers).toEqual({ openObjections: '1/1', otherObjections: '2/1' });
  });
});

describe('named seats', () => {
  const n = 30;
  const charter: Charter = { seats: Array.from({ length: n }, (_, i) => ({ id: `m${String(i).padStart(2, '0')}` })) };
  const consent: Rule = { quorum: [], pass: { kind: 'consent' } };
  const ballots: Ballot[] = charter.seats!.map((s, i) => (i < 25 ? { voter: s.id, choice: 'objection', reason: 'no' } : { voter: s.id, choice: 'consent' }));

  it('a tally keeps the first 20 ids of open objections and their total; the explanation says how many more', () => {
    const t = tallyBallots(charter, charter.seats!, ballots);
    expect(t.named.open.ids).toHaveLength(NAMED_LIMIT);
    expect(t.named.open.total).toBe(25);
    const row = decideTallied(charter, consent, t).conditions[0];
    expect(row.explanation).toBe(`consent: 25 open paramount objections (${t.named.open.ids.join(', ')} and 5 more), needs none: fails`);
  });

  it('decide() still names every open objection', () => {
    const row = decide(charter, consent, ballots).conditions[0];
    expect(row.explanation).toContain('m23, m24), needs none');
  });

  it('namedSeatIds: the veto seats of a rule, or of every rule of the charter', () => {
    const c: Charter = {
      seats: [{ id: 'a' }, { id: 'b' }],
      rules: {
        one: { pass: { kind: 'all', of: [{ kind: 'veto', seat: 'b' }, { kind: 'consent' }] } },
        two: { kind: 'staged', stages: [{ id: 's', pass: { kind: 'any', of: [{ kind: 'veto', seat: 'a' }] } }] },
      },
    };
    expect(namedSeatIds(c)).toEqual(['a', 'b']);
    expect(namedSeatIds(c, 'one')).toEqual(['b']);
  });
});
