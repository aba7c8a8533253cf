import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../kernel/errors';
import { POLL_KINDS, checkPollSpec, countPoll, type PollBallot, type PollSpec } from './polls';

const opts = (...ids: string[]) => ids.map((id) => ({ id, label: id[0].toUpperCase() + id.slice(1) }));
const issuesOf = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.issues.map((i) => `${i.field} ${i.code}`);
    throw e;
  }
  return [];
};
const repeat = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);

describe('poll definitions', () => {
  it.each<{ spec: PollSpec; issues: string[] }>([
    { spec: { kind: 'single', options: opts('a', 'b') }, issues: [] },
    { spec: { kind: 'dots', options: opts('a', 'b'), dots: 3 }, issues: [] },
    { spec: { kind: 'score', options: opts('a', 'b'), maxScore: 10 }, issues: [] },
    { spec: { kind: 'vote' as never, options: opts('a', 'b') }, issues: ['kind invalid_kind'] },
    { spec: { kind: 'single', options: opts('a') }, issues: ['options too_few'] },
    { spec: { kind: 'approval', options: [{ id: 'a', label: 'A' }, { id: 'a', label: '' }] }, issues: ['options[1].id duplicate', 'options[1].label required'] },
    { spec: { kind: 'dots', options: opts('a', 'b') }, issues: ['dots required'] },
    { spec: { kind: 'dots', options: opts('a', 'b'), dots: 0 }, issues: ['dots out_of_range'] },
    { spec: { kind: 'score', options: opts('a', 'b'), maxScore: 2.5 }, issues: ['maxScore out_of_range'] },
    { spec: { kind: 'ranked', options: opts('a', 'b'), maxScore: 5, dots: 3 }, issues: ['maxScore not_applicable', 'dots not_applicable'] },
  ])('$spec.kind $issues', ({ spec, issues }) => {
    expect(checkPollSpec(spec).map((i) => `${i.field} ${i.code}`)).toEqual(issues);
  });
  it('lists the kinds', () => expect(POLL_KINDS).toEqual(['single', 'approval', 'ranked', 'score', 'dots']));
});

describe('ballot validation names the ballot and the field', () => {
  const abc = opts('a', 'b', 'c');
  it.each<{ spec: PollSpec; ballots: PollBallot[]; issues: string[] }>([
    { spec: { kind: 'single', options: abc }, ballots: [{ choice: 'a' }, { choice: 'z' }, {}], issues: ['ballots[1].choice unknown_option', 'ballots[2].choice required'] },
    { spec: { kind: 'approval', options: abc }, ballots: [{ approve: ['a', 'b', 'a'] }, { approve: ['q'] }], issues: ['ballots[0].approve[2] duplicate', 'ballots[1].approve[0] unknown_option'] },
    { spec: { kind: 'ranked', options: abc }, ballots: [{ ranking: ['b', 'b'] }, { ranking: ['a', 'x'] }, { choice: 'a' }], issues: ['ballots[0].ranking[1] duplicate', 'ballots[1].ranking[1] unknown_option', 'ballots[2].ranking required'] },
    { spec: { kind: 'score', options: abc }, ballots: [{ scores: { a: 6, b: -1, c: 2.5 } }, { scores: { d: 1 } }], issues: ['ballots[0].scores.a out_of_range', 'ballots[0].scores.b out_of_range', 'ballots[0].scores.c out_of_range', 'ballots[1].scores.d unknown_option'] },
    { spec: { kind: 'dots', options: abc, dots: 3 }, ballots: [{ dots: { a: 2, b: 2 } }, { dots: { a: 3 } }, { dots: { a: 4 } }], issues: ['ballots[0].dots too_many_dots', 'ballots[2].dots.a out_of_range'] },
  ])('$spec.kind', ({ spec, ballots, issues }) => {
    expect(issuesOf(() => countPoll(spec, ballots))).toEqual(issues);
  });
  it('an ill-defined poll is refused before its ballots are read', () => {
    expect(issuesOf(() => countPoll({ kind: 'dots', options: abc }, [{ dots: { a: 9 } }]))).toEqual(['dots required']);
  });
});

describe('single choice and approval', () => {
  const spec: PollSpec = { kind: 'single', options: opts('red', 'green', 'blue') };
  it.each<{ choices: string[]; winners: string[]; tie: boolean; line: string }>([
    { choices: ['red', 'red', 'green'], winners: ['red'], tie: false, line: 'Single choice, 3 ballots: Red leads with 2 votes' },
    { choices: ['red', 'green', 'blue', 'green', 'red'], winners: ['red', 'green'], tie: true, line: 'Single choice, 5 ballots: tie between Red and Green, each with 2 votes' },
    { choices: [], winners: [], tie: false, line: 'Single choice, 0 ballots: no option was chosen' },
  ])('$line', ({ choices, winners, tie, line }) => {
    const r = countPoll(spec, choices.map((choice) => ({ choice })));
    expect(r).toMatchObject({ winners, tie, explanation: line });
  });
  it('per-option counts, exact shares and lines', () => {
    const r = countPoll(spec, [{ choice: 'red' }, { choice: 'red' }, { choice: 'green' }]);
    expect(r.options.map((o) => [o.id, o.count, o.share!.exact, o.explanation])).toEqual([
      ['red', 2, '2/3', 'Red: 2 votes (66.7% of 3 ballots), first'],
      ['green', 1, '1/3', 'Green: 1 vote (33.3% of 3 ballots)'],
      ['blue', 0, '0/1', 'Blue: 0 votes (0% of 3 ballots)'],
    ]);
  });
  it('approval counts every approved option once per voter', () => {
    const r = countPoll({ kind: 'approval', options: opts('red', 'green', 'blue') }, [{ approve: ['red', 'green'] }, { approve: ['green'] }, { approve: [] }, { approve: ['blue', 'green'] }]);
    expect(r.options.map((o) => o.count)).toEqual([1, 3, 1]);
    expect(r.winners).toEqual(['green']);
    expect(r.options[1].explanation).toBe('Green: 3 approvals (75% of 4 ballots), first');
  });
});

describe('ranked choice (instant runoff)', () => {
  // The Tennessee capital example: Memphis has the most first preferences (42%) but loses the runoff.
  const tn: PollSpec = { kind: 'ranked', options: [{ id: 'mem', label: 'Memphis' }, { id: 'nash', label: 'Nashville' }, { id: 'chat', label: 'Chattanooga' }, { id: 'knox', label: 'Knoxville' }] };
  const tnBallots: PollBallot[] = [
    ...repeat(42, { ranking: ['mem', 'nash', 'chat', 'knox'] }),
    ...repeat(26, { ranking: ['nash', 'chat', 'knox', 'mem'] }),
    ...repeat(15, { ranking: ['chat', 'knox', 'nash', 'mem'] }),
    ...repeat(17, { ranking: ['knox', 'chat', 'nash', 'mem'] }),
  ];

  it('the plurality winner loses: rounds, eliminations and lines', () => {
    const r = countPoll(tn, tnBallots);
    expect(countPoll({ ...tn, kind: 'single' }, tnBallots.map((b) => ({ choice: b.ranking![0] }))).winners).toEqual(['mem']);
    expect(r.winners).toEqual(['knox']);
    expect(r.rounds!.map((x) => [x.counts.map((c) => c.votes), x.eliminated ?? x.decided])).toEqual([
      [[42, 26, 15, 17], 'chat'],
      [[42, 26, 32], 'nash'],
      [[42, 58], ['knox']],
    ]);
    expect(r.rounds!.map((x) => x.explanation)).toEqual([
      'Round 1: Memphis 42, Nashville 26, Chattanooga 15, Knoxville 17; nobody has more than half of 100 continuing ballots; Chattanooga is eliminated (fewest votes)',
      'Round 2: Memphis 42, Nashville 26, Knoxville 32; nobody has more than half of 100 continuing ballots; Nashville is eliminated (fewest votes)',
      'Round 3: Memphis 42, Knoxville 58; Knoxville has more than half of 100 continuing ballots and wins',
    ]);
    expect(r.explanation).toBe('Ranked choice (instant runoff), 100 ballots: Knoxville wins after 3 rounds (Memphis led the first preferences)');
    expect(r.options.map((o) => o.explanation)).toEqual([
      'Memphis: 42 first preferences (42%), 42 votes in round 3',
      'Nashville: 26 first preferences (26%), eliminated in round 2',
      'Chattanooga: 15 first preferences (15%), eliminated in round 1',
      'Knoxville: 17 first preferences (17%), won with 58 votes in round 3',
    ]);
  });

  const abcd: PollSpec = { kind: 'ranked', options: opts('a', 'b', 'c', 'd') };
  const r = (...rankings: string[][]) => rankings.map((ranking) => ({ ranking }));
  it.each<{ note: string; ballots: PollBallot[]; winners: string[]; eliminated: (string | undefined)[]; tieBreak?: (string | undefined)[]; exhausted?: number[] }>([
    {
      // round 1: a 2, b 1, c 2, d 0 -> d out; round 2: a 2, b 1, c 2 -> b out and ["b"] exhausts; round 3: a 2, c 2
      note: 'exhausted ballots leave the count; the last two tie and the poll says so',
      ballots: r(['a', 'b'], ['b'], ['c'], ['c', 'b'], ['a']),
      winners: ['a', 'c'],
      eliminated: ['d', 'b', undefined],
      exhausted: [0, 0, 1],
    },
    {
      // round 1: a 3, b 2, c 2, d 0 -> d out; round 2: b and c tie on votes and first preferences -> c (listed last) out;
      // round 3: a 3, b 4 of 7 -> b wins
      note: 'a tie for fewest votes and first preferences: the option listed last is eliminated',
      ballots: r(['a'], ['a'], ['a'], ['b', 'a'], ['b', 'a'], ['c', 'b'], ['c', 'b']),
      winners: ['b'],
      eliminated: ['d', 'c', undefined],
      tieBreak: [undefined, 'option_order', undefined],
    },
    {
      // round 1: a 4, b 3, c 1, d 2 -> c out; round 2: a 4, b 3, d 3 -> b and d tie on votes, d has fewer first
      // preferences (2 < 3) -> d out; round 3: a 4, b 5 of 9 -> b wins
      note: 'a tie for fewest votes is broken by fewest first preferences',
      ballots: r(['a'], ['a'], ['a'], ['a'], ['b', 'a'], ['b', 'a'], ['b', 'a'], ['d', 'b'], ['d', 'b'], ['c', 'd']),
      winners: ['b'],
      eliminated: ['c', 'd', undefined],
      tieBreak: [undefined, 'first_preferences', undefined],
    },
    {
      note: 'every ballot blank: no winner',
      ballots: r([], []),
      winners: [],
      eliminated: [undefined],
      exhausted: [2],
    },
  ])('$note', ({ ballots, winners, eliminated, tieBreak, exhausted }) => {
    const res = countPoll(abcd, ballots);
    expect(res.winners).toEqual(winners);
    expect(res.tie).toBe(winners.length > 1);
    expect(res.rounds!.map((x) => x.eliminated)).toEqual(eliminated);
    if (tieBreak) expect(res.rounds!.map((x) => x.tieBreak)).toEqual(tieBreak);
    if (exhausted) expect(res.rounds!.map((x) => x.exhausted)).toEqual(exhausted);
  });

  it('the outcome does not depend on ballot order', () => {
    const arb = fc.array(fc.shuffledSubarray(['a', 'b', 'c', 'd']), { maxLength: 30 });
    fc.assert(
      fc.property(arb.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }))), ([rs, shuffled]) => {
        const spec: PollSpec = { kind: 'ranked', options: opts('a', 'b', 'c', 'd') };
        expect(countPoll(spec, shuffled.map((ranking) => ({ ranking })))).toEqual(countPoll(spec, rs.map((ranking) => ({ ranking }))));
      }),
    );
  });

  it('a winner always has more than half of the continuing ballots in the last round, or the poll ends in a tie', () => {
    fc.assert(
      fc.property(fc.array(fc.shuffledSubarray(['a', 'b', 'c', 'd']), { maxLength: 30 }), (rs) => {
        const res = countPoll({ kind: 'ranked', options: opts('a', 'b', 'c', 'd') }, rs.map((ranking) => ({ ranking })));
        const last = res.rounds!.at(-1)!;
        if (res.winners.length === 1) expect(last.counts.find((c) => c.id === res.winners[0])!.votes * 2).toBeGreaterThan(last.continuing);
        if (res.tie) expect(new Set(last.counts.map((c) => c.votes)).size).toBe(1);
        expect(last.continuing + last.exhausted).toBe(rs.length);
      }),
    );
  });
});

describe('score', () => {
  const spec: PollSpec = { kind: 'score', options: opts('park', 'pool', 'plaza') };
  it('means are exact fractions over the voters who scored the option; totals; the highest mean wins', () => {
    const r = countPoll(spec, [{ scores: { park: 5, pool: 3 } }, { scores: { park: 4, pool: 5 } }, { scores: { park: 2, pool: 5 } }]);
    expect(r.options.map((o) => [o.id, o.count, o.total, o.mean])).toEqual([
      ['park', 3, 11, { exact: '11/3', display: '3.67' }],
      ['pool', 3, 13, { exact: '13/3', display: '4.33' }],
      ['plaza', 0, 0, null],
    ]);
    expect(r.winners).toEqual(['pool']);
    expect(r.options[1].explanation).toBe('Pool: mean 4.33 of 5 from 3 scores (total 13), highest');
    expect(r.options[2].explanation).toBe('Plaza: not scored');
    expect(r.explanation).toBe('Scores from 0 to 5, 3 ballots: Pool leads with a mean of 4.33');
  });
  it('equal exact means tie; 0 is a score', () => {
    const r = countPoll({ ...spec, maxScore: 10 }, [{ scores: { park: 10, pool: 6 } }, { scores: { park: 0, pool: 4 } }]);
    expect(r.winners).toEqual(['park', 'pool']);
    expect(r.tie).toBe(true);
    expect(r.options[0].mean).toEqual({ exact: '5/1', display: '5' });
  });
});

describe('dot vote', () => {
  const spec: PollSpec = { kind: 'dots', options: opts('training', 'data', 'funding'), dots: 5 };
  it('totals and shares of all dots placed; a voter may place fewer dots than allowed', () => {
    const r = countPoll(spec, [{ dots: { training: 3, data: 2 } }, { dots: { data: 4 } }, { dots: {} }]);
    expect(r.options.map((o) => [o.id, o.count, o.share!.exact])).toEqual([
      ['training', 3, '1/3'],
      ['data', 6, '2/3'],
      ['funding', 0, '0/1'],
    ]);
    expect(r.winners).toEqual(['data']);
    expect(r.explanation).toBe('Dot vote, 5 dots per voter, 3 ballots, 9 dots placed: Data leads with 6 dots');
  });
});
