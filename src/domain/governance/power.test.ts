import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../kernel/errors';
import { render } from '../kernel/messages';
import { frac, type Fraction } from '../kernel/fraction';
import type { Charter, Condition, Group, Rule, Seat } from './charter';
import { decide, type Ballot } from './count';
import {
  allOf,
  analysePower,
  andOfWeighted,
  anyOf,
  banzhaf,
  enumeratePower,
  gamePower,
  monteCarloPower,
  powerGame,
  shapleyShubik,
  weightedGame,
  wins,
  type GamePower,
  type GamePowerOptions,
  type PowerAnalysis,
  type SimpleGame,
} from './power';
import { CONSTITUENCY_BOARD_DOUBLE_MAJORITY, EITI_MSG, MSI_GENERAL_ASSEMBLY, PPP_STEERING_COMMITTEE } from './templates';

// ---------------------------------------------------------------------------------------------------------------
// Helpers

const F = (n: number, d = 1): Fraction => frac(n, d);
const text = (fs: Fraction[]): string[] => fs.map((f) => `${f.num}/${f.den}`);
const sum = (fs: { num: bigint; den: bigint }[]): Fraction =>
  fs.reduce<Fraction>((a, f) => frac(a.num * f.den + f.num * a.den, a.den * f.den), frac(0));

/** A seeded PRNG for the tests (mulberry32); the domain has none of its own. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every engine and the enumeration oracle give the same figures. */
function expectSameAsOracle(game: SimpleGame): GamePower {
  const oracle = enumeratePower(game);
  const runs: GamePowerOptions[] = [
    {},
    { engine: 'polynomial' },
    { engine: 'blocks' },
    { engine: 'blocks', kronecker: false },
  ];
  for (const o of runs) {
    const got = gamePower(game, o);
    expect(text(got.banzhaf), JSON.stringify(o)).toEqual(text(oracle.banzhaf));
    expect(text(got.shapleyShubik), JSON.stringify(o)).toEqual(text(oracle.shapleyShubik));
    expect(got.swings).toEqual(oracle.swings);
    expect(got.dummies).toEqual(oracle.dummies);
    expect(got.vetoPlayers).toEqual(oracle.vetoPlayers);
    expect(got.dictator).toEqual(oracle.dictator);
  }
  expect(text(banzhaf(game))).toEqual(text(oracle.banzhaf));
  return oracle;
}

function expectValidation(f: () => unknown, code: string): DomainError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    const err = e as DomainError;
    expect(err.code).toBe('validation_failed');
    expect(err.issues.map((i) => i.code)).toContain(code);
    return err;
  }
  throw new Error(`expected a validation error with code ${code}`);
}

const seatOf = (r: PowerAnalysis, id: string) => {
  const s = r.seats.find((x) => x.seat === id);
  if (!s) throw new Error(`no seat ${id}`);
  return s;
};

// ---------------------------------------------------------------------------------------------------------------
// Known results (../shared/briefs/governance.md, "Voting power")

describe('known results', () => {
  it('weights [50, 49, 1], quota 51: Banzhaf 3/5, 1/5, 1/5 (the 1-vote member is as powerful as the 49-vote one)', () => {
    const g = expectSameAsOracle(weightedGame([50, 49, 1], 51));
    expect(text(g.banzhaf)).toEqual(['3/5', '1/5', '1/5']);
    expect(text(g.shapleyShubik)).toEqual(['2/3', '1/6', '1/6']);
    expect(g.vetoPlayers).toEqual([0]);
    expect(g.dictator).toBeNull();
  });

  it('weights [4, 3, 2, 1], quota 6: Banzhaf 5/12, 1/4, 1/4, 1/12', () => {
    expect(text(expectSameAsOracle(weightedGame([4, 3, 2, 1], 6)).banzhaf)).toEqual(['5/12', '1/4', '1/4', '1/12']);
  });

  it('weights [3, 2, 1, 1], quota 4: Shapley-Shubik 1/2, 1/6, 1/6, 1/6', () => {
    expect(text(shapleyShubik(weightedGame([3, 2, 1, 1], 4)))).toEqual(['1/2', '1/6', '1/6', '1/6']);
    expectSameAsOracle(weightedGame([3, 2, 1, 1], 4));
  });

  it('EEC Council of Ministers 1958: 5/21 for the big three, 1/7 for Belgium and the Netherlands, Luxembourg a dummy', () => {
    const game = weightedGame([4, 4, 4, 2, 2, 1], 12, ['France', 'Germany', 'Italy', 'Belgium', 'Netherlands', 'Luxembourg']);
    const g = expectSameAsOracle(game);
    expect(text(g.banzhaf)).toEqual(['5/21', '5/21', '5/21', '1/7', '1/7', '0/1']);
    expect(text(g.shapleyShubik)).toEqual(['7/30', '7/30', '7/30', '3/20', '3/20', '0/1']);
    expect(g.dummies).toEqual([false, false, false, false, false, true]);
  });

  it('a dictator, and dummies beside it', () => {
    const g = expectSameAsOracle(weightedGame([60, 20, 20], 51));
    expect(g.dictator).toBe(0);
    expect(g.vetoPlayers).toEqual([0]);
    expect(g.dummies).toEqual([false, true, true]);
    expect(text(g.banzhaf)).toEqual(['1/1', '0/1', '0/1']);
  });

  it('unanimity: everybody a veto player with equal power', () => {
    const g = expectSameAsOracle(weightedGame([1, 1, 1, 1], 4));
    expect(g.vetoPlayers).toEqual([0, 1, 2, 3]);
    expect(text(g.banzhaf)).toEqual(['1/4', '1/4', '1/4', '1/4']);
  });

  it('fractional weights are scaled to whole numbers', () => {
    // 1/2, 1/3, 1/6 with quota 1/2 is [3, 2, 1] with quota 3
    expect(text(banzhaf(weightedGame(['1/2', '1/3', '1/6'], '1/2')))).toEqual(text(banzhaf(weightedGame([3, 2, 1], 3))));
    expect(text(banzhaf(weightedGame([F(1, 2), 1n, 2], F(5, 2))))).toEqual(text(banzhaf(weightedGame([1, 2, 4], 5))));
  });

  it('a Global Fund double majority (two-thirds of 10 donors and of 10 implementers) gives every member 1/20', () => {
    const g = andOfWeighted([
      { weights: [...Array(10).fill(1), ...Array(10).fill(0)], quota: '20/3' },
      { weights: [...Array(10).fill(0), ...Array(10).fill(1)], quota: '20/3' },
    ]);
    const p = gamePower(g);
    expect(new Set(text(p.banzhaf))).toEqual(new Set(['1/20']));
    expect(new Set(text(p.shapleyShubik))).toEqual(new Set(['1/20']));
    expect(p.vetoPlayers).toEqual([]);
  });

  it('OR by inclusion-exclusion: either of two disjoint pairs agrees', () => {
    const pair = (a: number, b: number) => weightedGame([0, 1, 2, 3].map((i) => (i === a || i === b ? 1 : 0)), 2);
    const g = expectSameAsOracle(anyOf([pair(0, 1), pair(2, 3)]));
    expect(new Set(text(g.banzhaf))).toEqual(new Set(['1/4']));
    expect(wins(anyOf([pair(0, 1), pair(2, 3)]), [2, 3])).toBe(true);
    expect(wins(allOf([pair(0, 1), pair(2, 3)]), [2, 3])).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Exact counting equals enumeration (property tests)

const arbWeighted = fc
  .array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 10 })
  .filter((ws) => ws.some((w) => w > 0))
  .chain((ws) => {
    const total = ws.reduce((a, b) => a + b, 0);
    return fc.record({ ws: fc.constant(ws), quota: fc.integer({ min: 1, max: total }) });
  });

/** Weights from a small set, so players repeat (types with multiplicity). */
const arbRepeated = fc
  .array(fc.constantFrom(1, 2, 3, 5), { minLength: 4, maxLength: 13 })
  .chain((ws) => {
    const total = ws.reduce((a, b) => a + b, 0);
    return fc.record({ ws: fc.constant(ws), quota: fc.integer({ min: 1, max: total }) });
  });

/** 2 or 3 clauses over n players: disjoint (double/triple majority), overlapping, or with a veto clause. */
const arbAnd = fc.integer({ min: 2, max: 9 }).chain((n) =>
  fc
    .array(
      fc.oneof(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
        fc.integer({ min: 0, max: n - 1 }).map((i) => Array.from({ length: n }, (_, j) => (j === i ? 1 : 0))),
        fc.array(fc.boolean(), { minLength: n, maxLength: n }).map((bs) => bs.map((b) => (b ? 1 : 0))),
      ),
      { minLength: 2, maxLength: 3 },
    )
    .filter((rows) => rows.every((r) => r.some((w) => w > 0)))
    .chain((rows) =>
      fc.tuple(...rows.map((r) => fc.integer({ min: 1, max: r.reduce((a, b) => a + b, 0) }).map((q) => ({ weights: r, quota: q })))),
    ),
);

/** Double majority on disjoint halves: the Global Fund shape with random sizes and thresholds. */
const arbDouble = fc.record({ a: fc.integer({ min: 1, max: 7 }), b: fc.integer({ min: 1, max: 7 }), num: fc.integer({ min: 1, max: 5 }) }).map(({ a, b, num }) =>
  andOfWeighted([
    { weights: [...Array(a).fill(1), ...Array(b).fill(0)], quota: frac(num * a, 6) },
    { weights: [...Array(a).fill(0), ...Array(b).fill(1)], quota: frac(num * b, 6) },
  ]),
);

const isConstant = (g: SimpleGame): boolean => {
  const n = g.players.length;
  return !wins(g, Array.from({ length: n }, (_, i) => i)) || wins(g, []);
};

describe('exact counting equals full enumeration', () => {
  it('random weighted quota games', () => {
    fc.assert(
      fc.property(arbWeighted, ({ ws, quota }) => {
        expectSameAsOracle(weightedGame(ws, quota));
      }),
      { numRuns: 60 },
    );
  });

  it('random weighted games with repeated weights (players counted by type)', () => {
    fc.assert(
      fc.property(arbRepeated, ({ ws, quota }) => {
        expectSameAsOracle(weightedGame(ws, quota));
      }),
      { numRuns: 25 },
    );
  });

  it('random ANDs of weighted clauses (double and triple majorities, vetoes)', () => {
    fc.assert(
      fc.property(arbAnd, (clauses) => {
        const g = andOfWeighted(clauses);
        fc.pre(!isConstant(g));
        expectSameAsOracle(g);
      }),
      { numRuns: 60 },
    );
  });

  it('random double majorities on disjoint groups', () => {
    fc.assert(
      fc.property(arbDouble, (g) => {
        expectSameAsOracle(g);
      }),
      { numRuns: 25 },
    );
  });

  it('random AND / OR formulas (inclusion-exclusion)', () => {
    fc.assert(
      fc.property(arbAnd, arbAnd, fc.boolean(), (c1, c2, orFirst) => {
        const n = Math.min(c1[0].weights.length, c2[0].weights.length);
        const cut = (cs: typeof c1) => cs.map((c) => ({ weights: c.weights.slice(0, n), quota: Math.min(c.quota, Math.max(1, c.weights.slice(0, n).reduce((a, b) => a + b, 0))) }));
        const games = [...cut(c1), ...cut(c2)].map((c) => weightedGame(c.weights, c.quota));
        const g = orFirst ? allOf([anyOf([games[0], games[1]]), anyOf(games.slice(2))]) : anyOf([allOf(games.slice(0, 2)), ...games.slice(2)]);
        fc.pre(!isConstant(g));
        expectSameAsOracle(g);
      }),
      { numRuns: 25 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Games built from charters equal the counting engine

const popcount = (x: number): number => {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
};

/**
 * Sets of yes-voters (the others vote no): the game wins iff decide() adopts at the analysed stage. Every set for up
 * to 8 seats; beyond, every set with at most 2 yes or at most 2 no, and 150 more drawn with a fixed seed.
 */
function expectGameMatchesDecide(charter: Charter, rule: string, options: { stage?: string; members?: Seat[] } = {}): void {
  const { game, seats, stage, roll } = powerGame(charter, rule, options);
  const n = seats.length;
  expect(n).toBeLessThanOrEqual(12);
  const all = Array.from({ length: 1 << n }, (_, m) => m);
  let masks = all;
  if (n > 8) {
    const rnd = mulberry32(n * 7919);
    masks = [...all.filter((m) => popcount(m) <= 2 || popcount(m) >= n - 2), ...Array.from({ length: 150 }, () => Math.floor(rnd() * (1 << n)))];
  }
  const members = roll.map((s) => (s.voting === false ? { ...s, present: true } : s));
  for (const mask of masks) {
    const yes = seats.flatMap((_, i) => (mask & (1 << i) ? [i] : []));
    const ballots: Ballot[] = seats.map((s, i) => ({ voter: s.id, choice: mask & (1 << i) ? 'yes' : 'no' }));
    const o = decide(charter, rule, ballots, members, stage ? { startAt: stage } : {});
    const adopted = o.outcome === 'adopted' && (stage === undefined || o.stage === stage);
    expect(wins(game, yes), `${rule} ${stage ?? ''} yes=${yes.map((i) => seats[i].id).join(',')}`).toBe(adopted);
  }
}

const arbRequirement = fc.oneof(
  fc.constant({ kind: 'majority' as const }),
  fc.constant({ kind: 'two_thirds' as const }),
  fc.record({ kind: fc.constant('fraction' as const), num: fc.integer({ min: 1, max: 4 }), den: fc.constant(4), strict: fc.boolean() }),
);

interface SmallCase {
  charter: Charter;
  rule: Rule;
}

/** Small valid charters: plain weights, group shares (nested, either spread) or plain groups, and random rules. */
const arbSmallCharter: fc.Arbitrary<SmallCase> = fc
  .record({
    mode: fc.constantFrom('weights', 'shares', 'groups'),
    sizes: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 2, maxLength: 3 }),
    shares: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
    weights: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 9, maxLength: 9 }),
    nested: fc.boolean(),
    spread: fc.constantFrom<'per_member' | 'per_present'>('per_member', 'per_present'),
  })
  .chain(({ mode, sizes, shares, weights, nested, spread }) => {
    const k = sizes.length;
    const tot = shares.slice(0, k).reduce((a, b) => a + b, 0);
    const groups: Group[] | undefined =
      mode === 'weights'
        ? undefined
        : sizes.map((_, i) => ({
            id: `g${i}`,
            seats: 4,
            ...(mode === 'shares' ? { share: `${shares[i]}/${tot}`, spread } : {}),
            ...(mode === 'shares' && nested && i === 0 ? { groups: [{ id: 'a', share: '2/3', spread }, { id: 'b', share: '1/3' }] } : {}),
          }));
    const seats: Seat[] = [];
    sizes.forEach((m, i) =>
      Array.from({ length: m }).forEach((_, j) => {
        const id = `s${i}${j}`;
        if (mode === 'weights') seats.push({ id, weight: String(weights[seats.length]) });
        else seats.push({ id, group: mode === 'shares' && nested && i === 0 ? `g0/${j % 2 === 0 ? 'a' : 'b'}` : `g${i}` });
      }),
    );
    if (mode === 'shares' && nested && !seats.some((s) => s.group === 'g0/b')) seats.push({ id: 'extra', group: 'g0/b' });
    seats.push({ id: 'observer', voting: false, ...(mode === 'weights' ? {} : { group: 'g1' }) });
    const ids = seats.filter((s) => s.voting !== false).map((s) => s.id);
    const groupIds = (groups ?? []).map((g) => g.id);
    const scope = groupIds.length
      ? fc.oneof(fc.constant({}), fc.constant({ eachGroup: 'top' as const }), fc.constantFrom(...groupIds).map((g) => ({ group: g })))
      : fc.constant({});
    const leaf: fc.Arbitrary<Condition> = fc.oneof(
      fc.record({ req: arbRequirement, base: fc.constantFrom('votes_cast', 'present', 'all_members'), measure: fc.constantFrom('count', 'weight'), scope }).map(
        ({ req, base, measure, scope }) => ({ kind: 'threshold', require: req, base, measure, ...scope }) as Condition,
      ),
      fc.record({ req: arbRequirement, seats: fc.integer({ min: 1, max: 8 }) }).map(({ req, seats }) => ({ kind: 'threshold', require: req, base: 'fixed_membership', measure: 'count', seats }) as Condition),
      fc.record({ count: fc.integer({ min: 1, max: 3 }), scope }).map(({ count, scope }) => ({ kind: 'min_yes', count, ...scope }) as Condition),
      fc.constantFrom(...ids).map((seat) => ({ kind: 'veto', seat }) as Condition),
      ...(groupIds.length ? [fc.record({ group: fc.constantFrom(...groupIds), agree: fc.constantFrom<'unanimous' | 'majority'>('unanimous', 'majority') }).map((v) => ({ kind: 'veto', ...v }) as Condition)] : []),
      fc.constantFrom<Condition>({ kind: 'consensus' }, { kind: 'consent' }),
    );
    const cond: fc.Arbitrary<Condition> = fc.oneof(
      { weight: 3, arbitrary: leaf },
      { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('all', 'any'), of: fc.array(leaf, { minLength: 1, maxLength: 3 }) }).map((c) => c as Condition) },
    );
    return fc.record({ pass: cond, staged: fc.boolean(), first: leaf }).map(({ pass, staged, first }): SmallCase => {
      const rule: Rule = staged ? { kind: 'staged', quorum: [], stages: [{ id: 'one', pass: first }, { id: 'two', pass }] } : { quorum: [], pass };
      return { charter: { groups, seats, rules: { r: rule } }, rule };
    });
  });

describe('the game of a charter rule equals the counting engine on every set of yes-voters', () => {
  it('random small charters and rules', () => {
    let checked = 0;
    fc.assert(
      fc.property(arbSmallCharter, ({ charter }) => {
        let built;
        try {
          built = powerGame(charter, 'r');
        } catch (e) {
          // rules that never (or always) pass under full attendance are refused, by name
          expect((e as DomainError).issues.map((i) => i.code).some((c) => ['never_passes', 'always_passes'].includes(c ?? ''))).toBe(true);
          return;
        }
        checked++;
        expectGameMatchesDecide(charter, 'r');
        // and the analysis of the game equals enumeration
        const exact = analysePower(charter, 'r');
        const oracle = enumeratePower(built.game);
        expect(exact.seats.map((s) => `${s.banzhaf.num}/${s.banzhaf.den}`)).toEqual(text(oracle.banzhaf));
        expect(exact.seats.map((s) => `${s.shapleyShubik.num}/${s.shapleyShubik.den}`)).toEqual(text(oracle.shapleyShubik));
        expect(exact.vetoPlayers).toEqual(oracle.vetoPlayers.map((i) => built.seats[i].id));
      }),
      { numRuns: 40 },
    );
    expect(checked).toBeGreaterThan(12);
  });

  it('the templates, with small rolls where the body is large', () => {
    expectGameMatchesDecide(PPP_STEERING_COMMITTEE, 'ordinary');
    expectGameMatchesDecide(PPP_STEERING_COMMITTEE, 'reserved');
    expectGameMatchesDecide(PPP_STEERING_COMMITTEE, 'amendment');
    expectGameMatchesDecide(EITI_MSG, 'three_tier', { stage: 'tier2' });
    expectGameMatchesDecide(EITI_MSG, 'three_tier');
    expectGameMatchesDecide(EITI_MSG, 'working_group');
    const board = (CONSTITUENCY_BOARD_DOUBLE_MAJORITY.seats ?? []).filter((s) => /-0[1-5]$/.test(s.id));
    expectGameMatchesDecide(CONSTITUENCY_BOARD_DOUBLE_MAJORITY, 'ordinary', { members: board });
    const perCell = (MSI_GENERAL_ASSEMBLY.seats ?? []).filter((s) => s.id.endsWith('-1'));
    expectGameMatchesDecide(MSI_GENERAL_ASSEMBLY, 'motion', { members: perCell });
    expectGameMatchesDecide(MSI_GENERAL_ASSEMBLY, 'amendment', { members: perCell });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Charters

/** An FSC-style assembly: 3 chambers x North/South x organisational (9/10) / individual (1/10) = 12 cells. */
function fsc(org: number, ind: number, motion: Rule = (MSI_GENERAL_ASSEMBLY.rules ?? {}).motion): Charter {
  const seats: Seat[] = [];
  for (const c of ['environmental', 'social', 'economic'])
    for (const s of ['north', 'south']) {
      for (let i = 0; i < org; i++) seats.push({ id: `${c}-${s}-org-${i}`, group: `${c}/${s}/org` });
      for (let i = 0; i < ind; i++) seats.push({ id: `${c}-${s}-ind-${i}`, group: `${c}/${s}/ind` });
    }
  return { name: 'FSC-style assembly', groups: MSI_GENERAL_ASSEMBLY.groups, seats, rules: { motion, amendment: (MSI_GENERAL_ASSEMBLY.rules ?? {}).amendment } };
}

const chamberTotals = (r: PowerAnalysis, index: 'banzhaf' | 'shapleyShubik'): Record<string, string> => {
  const by: Record<string, { num: bigint; den: bigint }[]> = {};
  for (const s of r.seats) (by[(s.group ?? '').split('/')[0]] ??= []).push(s[index]);
  return Object.fromEntries(Object.entries(by).map(([c, fs]) => [c, text([sum(fs)])[0]]));
};

describe('analysePower on charters', () => {
  it('an FSC-style assembly of 300 members in 12 cells: each chamber holds exactly 1/3 of the power', () => {
    const r = analysePower(fsc(25, 25), 'motion');
    expect(r.method).toBe('exact');
    expect(r.stage).toBe('vote');
    expect(r.seats).toHaveLength(300);
    expect(chamberTotals(r, 'banzhaf')).toEqual({ environmental: '1/3', social: '1/3', economic: '1/3' });
    expect(chamberTotals(r, 'shapleyShubik')).toEqual({ environmental: '1/3', social: '1/3', economic: '1/3' });
    // members of a cell are symmetric; an organisational member outweighs an individual one
    const org = seatOf(r, 'social-north-org-3');
    expect(seatOf(r, 'economic-south-org-24').banzhaf).toEqual(org.banzhaf);
    expect(Number(org.banzhaf.num) / Number(org.banzhaf.den)).toBeGreaterThan(Number(seatOf(r, 'social-north-ind-3').banzhaf.num) / Number(seatOf(r, 'social-north-ind-3').banzhaf.den));
    expect(r.vetoPlayers).toEqual([]);
    expect(r.dictator).toBeNull();
    expect(r.seats.some((s) => s.dummy)).toBe(false);
    expect(r.notes.join(' ')).toMatch(/Full attendance/);
    expect(r.notes.join(' ')).toMatch(/stage "vote"/);
  });

  it('an FSC-style assembly of 318 members in cells of unequal size: still exactly 1/3 per chamber', () => {
    const r = analysePower(fsc(40, 13), 'motion');
    expect(r.method).toBe('exact');
    expect(chamberTotals(r, 'banzhaf')).toEqual({ environmental: '1/3', social: '1/3', economic: '1/3' });
    expect(chamberTotals(r, 'shapleyShubik')).toEqual({ environmental: '1/3', social: '1/3', economic: '1/3' });
  });

  it('when only Shapley-Shubik is too large, Banzhaf stays exact and Shapley-Shubik is estimated, labelled so', () => {
    const r = analysePower(fsc(25, 25), 'motion', { maxWork: 1_000_000, random: mulberry32(7), samples: 1000 });
    expect(chamberTotals(r, 'banzhaf')).toEqual({ environmental: '1/3', social: '1/3', economic: '1/3' });
    expect(r.method).toBe('monte_carlo');
    expect(r.confidence?.estimated).toEqual(['shapleyShubik']);
    expect(r.seats[0].banzhaf.halfWidth).toBeUndefined();
    expect(r.seats[0].shapleyShubik.halfWidth).toBeGreaterThan(0);
    expect(r.seats[0].shapleyShubik.display).toMatch(/±/);
    expect(r.notes.join(' ')).toMatch(/APPROXIMATE: the Shapley-Shubik index is estimated/);
  });

  it('the Global Fund template: 2/3 of each group of 10 gives every seat 1/20, no veto', () => {
    const r = analysePower(CONSTITUENCY_BOARD_DOUBLE_MAJORITY, 'ordinary');
    expect(r.method).toBe('exact');
    expect(r.stage).toBe('double-majority');
    expect(r.body).toBe('board');
    expect(new Set(r.seats.map((s) => s.banzhaf.display))).toEqual(new Set(['0.05000']));
    expect(new Set(r.seats.map((s) => `${s.shapleyShubik.num}/${s.shapleyShubik.den}`))).toEqual(new Set(['1/20']));
    expect(r.vetoPlayers).toEqual([]);
    // amendments: two-thirds of each group's 10 fixed seats, i.e. 7 yes in each group
    const a = analysePower(CONSTITUENCY_BOARD_DOUBLE_MAJORITY, 'amendment');
    expect(new Set(a.seats.map((s) => `${s.banzhaf.num}/${s.banzhaf.den}`))).toEqual(new Set(['1/20']));
    expect(a.notes.join(' ')).toMatch(/fixed_membership/);
    // its consensus stage is unanimity: every seat holds a veto
    const c = analysePower(CONSTITUENCY_BOARD_DOUBLE_MAJORITY, 'ordinary', { stage: 'consensus' });
    expect(c.vetoPlayers).toHaveLength(20);
    expect(c.notes.join(' ')).toMatch(/unanimity/);
  });

  it('the EITI template: the fallback simple majority and tier 2 are symmetric across 12 seats', () => {
    for (const stage of [undefined, 'tier2']) {
      const r = analysePower(EITI_MSG, 'three_tier', stage ? { stage } : {});
      expect(new Set(r.seats.map((s) => `${s.banzhaf.num}/${s.banzhaf.den}`))).toEqual(new Set(['1/12']));
      expect(r.stage).toBe(stage ?? 'tier3');
    }
    // the working group body has 6 seats
    expect(analysePower(EITI_MSG, 'working_group').seats).toHaveLength(6);
  });

  it('the PPP template: a reserved matter makes both parties veto players; the lenders observe', () => {
    const r = analysePower(PPP_STEERING_COMMITTEE, 'reserved');
    expect(r.seats.map((s) => s.seat)).toEqual(['public-authority', 'private-partner']);
    expect(r.vetoPlayers).toEqual(['public-authority', 'private-partner']);
    expect(r.seats.map((s) => s.banzhaf.display)).toEqual(['0.5000', '0.5000']);
    expect(r.notes.join(' ')).toMatch(/non-voting seat is present/);
  });

  it('a dominant weight is a dictator; others are dummies', () => {
    const charter: Charter = {
      seats: [{ id: 'big', weight: '3' }, { id: 'a' }, { id: 'b' }],
      rules: { ordinary: { pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast' } } },
    };
    const r = analysePower(charter, 'ordinary');
    expect(r.dictator).toBe('big');
    expect(r.vetoPlayers).toEqual(['big']);
    expect(r.seats.map((s) => [s.seat, s.dummy, s.banzhaf.display])).toEqual([
      ['big', false, '1.0000'],
      ['a', true, '0.0000'],
      ['b', true, '0.0000'],
    ]);
  });

  it('a veto seat beside a majority', () => {
    const seats: Seat[] = ['chair', 'a', 'b', 'c', 'd'].map((id) => ({ id }));
    const charter: Charter = {
      seats,
      rules: { reserved: { pass: { kind: 'all', of: [{ kind: 'threshold', require: { kind: 'majority' }, base: 'all_members' }, { kind: 'veto', seat: 'chair' }] } } },
    };
    const r = analysePower(charter, 'reserved');
    expect(r.vetoPlayers).toEqual(['chair']);
    const { game } = powerGame(charter, 'reserved');
    expect(r.seats.map((s) => `${s.banzhaf.num}/${s.banzhaf.den}`)).toEqual(text(enumeratePower(game).banzhaf));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Monte Carlo

describe('Monte Carlo estimates', () => {
  it('are labelled approximate, reproducible with the same seed, and cover the exact values', () => {
    const charter = fsc(3, 2);
    const exact = analysePower(charter, 'motion');
    const a = analysePower(charter, 'motion', { method: 'monte_carlo', random: mulberry32(42), samples: 4000 });
    const b = analysePower(charter, 'motion', { method: 'monte_carlo', random: mulberry32(42), samples: 4000 });
    expect(a).toEqual(b);
    expect(a.method).toBe('monte_carlo');
    expect(a.confidence).toMatchObject({ level: 0.95, samples: 4000, estimated: ['banzhaf', 'shapleyShubik'] });
    expect(a.notes.join(' ')).toMatch(/APPROXIMATE/);
    expect(a.seats[0].banzhaf.display).toMatch(/±/);
    a.seats.forEach((s, i) => {
      for (const k of ['banzhaf', 'shapleyShubik'] as const) {
        const est = Number(s[k].num) / Number(s[k].den);
        const ex = Number(exact.seats[i][k].num) / Number(exact.seats[i][k].den);
        // each interval is a 95% one: allow a wider margin so the fixed seed cannot flake across 30 seats
        expect(Math.abs(est - ex)).toBeLessThanOrEqual(2 * (s[k].halfWidth as number) + 1e-12);
      }
    });
  });

  it('the game-level estimator', () => {
    const mc = monteCarloPower(weightedGame([4, 4, 4, 2, 2, 1], 12), mulberry32(1), { samples: 5000 });
    expect(mc.level).toBe(0.95);
    expect(Math.abs(Number(mc.banzhaf[0].value.num) / Number(mc.banzhaf[0].value.den) - 5 / 21)).toBeLessThan(2 * mc.banzhaf[0].halfWidth);
    expect(mc.banzhaf[5].value.num).toBe(0n);
    expect(Math.abs(Number(mc.shapleyShubik[3].value.num) / Number(mc.shapleyShubik[3].value.den) - 3 / 20)).toBeLessThan(2 * mc.shapleyShubik[3].halfWidth);
  });

  it('falls back from exact counting only when a PRNG is given', () => {
    const charter = fsc(3, 2);
    const r = analysePower(charter, 'motion', { maxWork: 50, random: mulberry32(3), samples: 500 });
    expect(r.method).toBe('monte_carlo');
    expect(r.notes.join(' ')).toMatch(/Too large to count exactly/);
    expectValidation(() => analysePower(charter, 'motion', { maxWork: 50 }), 'too_large');
    expectValidation(() => analysePower(charter, 'motion', { maxWork: 50, method: 'exact', random: mulberry32(3) }), 'too_large');
  });

  it('refuses to estimate Banzhaf power when swings are too rare to sample', () => {
    const g = weightedGame(Array(400).fill(1), 390);
    expectValidation(() => monteCarloPower(g, mulberry32(5), { samples: 500 }), 'too_large');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Rules that cannot be analysed

describe('rules that cannot be analysed are refused, naming why', () => {
  const simple: Charter = {
    seats: [{ id: 'a' }, { id: 'b' }, { id: 'c', voting: false }],
    rules: { ordinary: { pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast' } } },
  };

  it('unknown rule, stage or body', () => {
    expectValidation(() => analysePower(simple, 'nope'), 'unknown_rule');
    expectValidation(() => analysePower(simple, 'ordinary', { stage: 'x' }), 'unknown_stage');
    expectValidation(() => analysePower(EITI_MSG, 'three_tier', { stage: 'tier9' }), 'unknown_stage');
    expectValidation(() => analysePower(simple, 'ordinary', { body: 'board' }), 'unknown_body');
  });

  it('a quorum that full attendance cannot meet', () => {
    const c: Charter = { ...simple, rules: { ordinary: { quorum: [{ kind: 'quorum', min: { kind: 'majority' }, base: 'fixed_membership', seats: 9 }], pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast' } } } };
    const e = expectValidation(() => analysePower(c, 'ordinary'), 'quorum_unreachable');
    expect(e.issues[0].message).toMatch(/quorum/);
  });

  it('a quorum that full attendance cannot meet, its shares written in the reader’s format', () => {
    const c: Charter = { ...simple, rules: { ordinary: { quorum: [{ kind: 'quorum', min: { kind: 'fraction', num: 2, den: 3 }, base: 'fixed_membership', seats: 9 }], pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast' } } } };
    const e = expectValidation(() => analysePower(c, 'ordinary'), 'quorum_unreachable');
    expect(e.issues[0].message).toContain('22.2% of the fixed membership present, needs at least 66.7% (6 of 9)');
    expect(render(e.issues[0].msg!, 'fr')).toContain('présence de 22,2 % de l’effectif fixe, il faut au moins 66,7 % (6 sur 9)');
    expect(render(e.issues[0].msg!, 'es')).toContain('presente el 22,2 % de la composición fija, se necesita al menos el 66,7 % (6 de 9)');
  });

  it('a rule that never passes (a veto by a non-voting seat)', () => {
    const c: Charter = { ...simple, rules: { ordinary: { pass: { kind: 'veto', seat: 'c' } } } };
    expectValidation(() => analysePower(c, 'ordinary'), 'never_passes');
  });

  it('a charter with errors', () => {
    const c: Charter = { ...simple, seats: [{ id: 'a', weight: '-1' }] };
    expectValidation(() => analysePower(c, 'ordinary'), 'invalid_weight');
  });

  it('Monte Carlo without a PRNG; bad games', () => {
    expectValidation(() => analysePower(simple, 'ordinary', { method: 'monte_carlo' }), 'required');
    expectValidation(() => weightedGame([1, -1], 1), 'invalid_weight');
    expectValidation(() => weightedGame([1, 1], 0), 'invalid_quota');
    expectValidation(() => gamePower(weightedGame([1, 1], 3)), 'never_passes');
    expectValidation(() => enumeratePower(weightedGame(Array(21).fill(1), 11)), 'too_large');
  });
});
