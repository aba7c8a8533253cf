import { describe, it, expect } from 'vitest';
import { DomainError } from '../kernel/errors';
import type { BallotKind, Charter, Condition, Rule, Seat } from './charter';
import {
  amendmentTypeOf,
  ballotKindOfRule,
  checkProxies,
  checkSeconding,
  checkWindow,
  choicesOf,
  decisionTypesOf,
  resolveDecisionType,
  rollOf,
  type ResolvedDecisionType,
} from './decision-types';

const MAJORITY_OF_CAST: Condition = { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast' };
const TWO_THIRDS_OF_CAST: Condition = { kind: 'threshold', require: { kind: 'two_thirds' }, base: 'votes_cast' };
const MAJORITY: Rule = { pass: MAJORITY_OF_CAST };
const TWO_THIRDS: Rule = { label: 'two-thirds of votes cast', pass: TWO_THIRDS_OF_CAST };

/** FSC-like: three chambers, organisational and individual members, seconders from every chamber, capped proxies. */
const FSC: Charter = {
  groups: ['environmental', 'social', 'economic'].map((c) => ({
    id: c,
    name: `${c} chamber`,
    share: '1/3',
    groups: [{ id: 'org', name: 'organisational', share: '9/10' }, { id: 'ind', name: 'individual', share: '1/10' }],
  })),
  seats: ['environmental', 'social', 'economic'].flatMap((c) =>
    ['org', 'ind'].flatMap((m) => [1, 2, 3, 4, 5, 6].map((n) => ({ id: `${c.slice(0, 3)}-${m}${n}`, group: `${c}/${m}` }))),
  ),
  bodies: [
    { id: 'assembly', kind: 'assembly' },
    { id: 'board', kind: 'board', seats: ['eco-ind1', 'soc-org2', 'env-org1'] },
  ],
  rules: { ordinary: MAJORITY, amendment: TWO_THIRDS },
  decisionTypes: {
    motion: { label: 'Motion', rule: 'ordinary', seconders: { count: 2, distinctGroups: 3 }, window: { minHours: 24, maxHours: 72, closeEarly: true } },
    board_decision: { rule: 'ordinary', body: 'board', ballot: 'consensus', proposers: ['convener'], anonymous: true, resultsHidden: true, recusal: false },
    amendment: { rule: 'amendment' },
  },
  proxies: { allowed: true, caps: [{ memberClass: 'org', max: 5 }] },
};
const seat = (id: string): Seat => FSC.seats!.find((s) => s.id === id)!;
const seats = (...ids: string[]): Seat[] => ids.map(seat);

describe('ballotKindOfRule', () => {
  it.each<[string, Rule, BallotKind]>([
    ['a threshold rule asks for yes/no', MAJORITY, 'yes_no'],
    ['a veto and a minimum of yes votes ask for yes/no', { pass: { kind: 'all', of: [{ kind: 'veto', seat: 'x' }, { kind: 'min_yes', count: 2 }] } }, 'yes_no'],
    ['a consensus rule asks for agree/stand aside/block', { pass: { kind: 'consensus' } }, 'consensus'],
    ['a consent rule asks for consent/objection', { pass: { kind: 'consent' } }, 'consent'],
    ['consent anywhere in all/any asks for consent', { pass: { kind: 'any', of: [MAJORITY_OF_CAST, { kind: 'all', of: [{ kind: 'consent' }] }] } }, 'consent'],
    ['consensus wins over consent', { pass: { kind: 'all', of: [{ kind: 'consent' }, { kind: 'consensus', maxStandAsides: 1 }] } }, 'consensus'],
    [
      'a staged rule seeking consensus first and voting after (EITI) asks for consensus ballots',
      { kind: 'staged', stages: [{ id: 'tier1', pass: { kind: 'consensus' } }, { id: 'tier2', pass: TWO_THIRDS_OF_CAST }, { id: 'tier3', pass: MAJORITY_OF_CAST }] },
      'consensus',
    ],
    ['a consent stage in a staged rule asks for consent', { kind: 'staged', stages: [{ id: 's1', pass: { kind: 'consent' } }, { id: 's2', pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'present' } }] }, 'consent'],
    ['quorums do not decide the ballot', { quorum: [{ kind: 'quorum', count: 3 }], pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'present' } }, 'yes_no'],
  ])('%s', (_spec, rule, kind) => {
    expect(ballotKindOfRule(rule)).toBe(kind);
  });
});

describe('choicesOf', () => {
  it.each<[BallotKind, string[]]>([
    ['yes_no', ['yes', 'no', 'abstain']],
    ['consent', ['consent', 'objection']],
    ['consensus', ['agree', 'stand_aside', 'block']],
  ])('a %s ballot offers %j', (kind, choices) => {
    expect(choicesOf(kind)).toEqual(choices);
  });
  it('returns a fresh list each time (callers may not change the table)', () => {
    choicesOf('yes_no').push('block');
    expect(choicesOf('yes_no')).toEqual(['yes', 'no', 'abstain']);
  });
  it('refuses an unknown ballot kind', () => {
    expect(() => choicesOf('ranked' as BallotKind)).toThrow(DomainError);
  });
});

describe('decisionTypesOf', () => {
  it('without decisionTypes, every rule is a decision type of the same name with the defaults', () => {
    const c: Charter = { rules: { ordinary: MAJORITY, amendment: TWO_THIRDS, consensus: { pass: { kind: 'consensus' } } } };
    const defaults = {
      body: null,
      proposers: ['convener', 'representative'],
      seconders: { count: 0, distinctGroups: 0 },
      window: { minHours: null, maxHours: null, closeEarly: false },
      anonymous: false,
      resultsHidden: false,
      recusal: true,
    };
    expect(decisionTypesOf(c)).toEqual({
      ordinary: { id: 'ordinary', label: 'ordinary', rule: 'ordinary', ballot: 'yes_no', ...defaults },
      amendment: { id: 'amendment', label: 'two-thirds of votes cast', rule: 'amendment', ballot: 'yes_no', ...defaults },
      consensus: { id: 'consensus', label: 'consensus', rule: 'consensus', ballot: 'consensus', ...defaults },
    });
  });

  it('with decisionTypes, only those are decision types; settings are kept and defaults fill the rest', () => {
    const types = decisionTypesOf(FSC);
    expect(Object.keys(types)).toEqual(['motion', 'board_decision', 'amendment']);
    expect(types.motion).toEqual<ResolvedDecisionType>({
      id: 'motion',
      label: 'Motion',
      rule: 'ordinary',
      body: 'assembly',
      ballot: 'yes_no',
      proposers: ['convener', 'representative'],
      seconders: { count: 2, distinctGroups: 3 },
      window: { minHours: 24, maxHours: 72, closeEarly: true },
      anonymous: false,
      resultsHidden: false,
      recusal: true,
    });
    expect(types.board_decision).toMatchObject({ body: 'board', ballot: 'consensus', proposers: ['convener'], anonymous: true, resultsHidden: true, recusal: false });
  });

  it.each<[string, Partial<Charter>, Partial<ResolvedDecisionType>]>([
    ['the body defaults to the first body', { bodies: [{ id: 'board', kind: 'board' }, { id: 'wg', kind: 'working_group' }] }, { body: 'board' }],
    ['the body is null (every seat) without bodies', {}, { body: null }],
    ['the label defaults to the rule\'s label', {}, { label: 'two-thirds of votes cast' }],
    ['seconders without distinctGroups need no distinct groups', { decisionTypes: { x: { rule: 'r', seconders: { count: 1 } } } }, { seconders: { count: 1, distinctGroups: 0 } }],
    ['a window with only a maximum has no minimum', { decisionTypes: { x: { rule: 'r', window: { maxHours: 48 } } } }, { window: { minHours: null, maxHours: 48, closeEarly: false } }],
  ])('%s', (_spec, patch, expected) => {
    const c: Charter = { rules: { r: TWO_THIRDS }, decisionTypes: { x: { rule: 'r' } }, ...patch };
    expect(decisionTypesOf(c).x).toMatchObject(expected);
  });

  it('changing a resolved type does not change the charter', () => {
    decisionTypesOf(FSC).board_decision.proposers.push('representative');
    expect(FSC.decisionTypes!.board_decision.proposers).toEqual(['convener']);
  });
});

describe('resolveDecisionType', () => {
  it('returns the decision type with its defaults', () => {
    expect(resolveDecisionType(FSC, 'amendment')).toMatchObject({ id: 'amendment', rule: 'amendment', body: 'assembly', ballot: 'yes_no' });
  });
  it.each(['budget', 'ordinary', 'constructor', '__proto__'])('refuses the unknown decision type "%s" with a validation error', (id) => {
    let error: unknown;
    try {
      resolveDecisionType(FSC, id);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('validation_failed');
    expect((error as DomainError).issues).toEqual([{ field: 'decisionType', code: 'unknown_decision_type', message: expect.stringContaining(`"${id}"`), msg: expect.objectContaining({ key: expect.any(String) }) }]);
  });
});

describe('rollOf', () => {
  it('null: every seat of the charter', () => {
    expect(rollOf(FSC, null)).toEqual(FSC.seats);
  });
  it('a body listing seats: those seats, in the charter\'s order', () => {
    expect(rollOf(FSC, 'board').map((s) => s.id)).toEqual(['env-org1', 'soc-org2', 'eco-ind1']);
  });
  it('a body listing no seats: every seat', () => {
    expect(rollOf(FSC, 'assembly')).toHaveLength(36);
  });
  it('an unknown body is refused', () => {
    expect(() => rollOf(FSC, 'council')).toThrow(/no body "council"/);
  });
  it('a charter without seats has an empty roll', () => {
    expect(rollOf({ bodies: [{ id: 'b', kind: 'board' }] }, 'b')).toEqual([]);
  });
});

describe('checkSeconding (FSC motion: a proposer and two seconders, all three chambers among the three)', () => {
  it.each<[string, string, string[], boolean, string]>([
    ['a proposer and seconders from all three chambers: seconded', 'env-org1', ['soc-org1', 'eco-ind1'], true, ''],
    ['more seconders than needed are fine', 'env-org1', ['soc-org1', 'eco-ind1', 'eco-org2'], true, ''],
    ['one seconder short', 'env-org1', ['soc-org1'], false, '1 more seconder needed; proposer and seconders must come from 3 top-level groups (2 so far: environmental chamber, social chamber)'],
    ['no seconder yet', 'env-org1', [], false, '2 more seconders needed; proposer and seconders must come from 3 top-level groups (1 so far: environmental chamber)'],
    ['enough seconders, but two chambers only', 'env-org1', ['soc-org1', 'env-ind2'], false, 'proposer and seconders must come from 3 top-level groups (2 so far: environmental chamber, social chamber)'],
    ['the proposer does not second their own motion', 'env-org1', ['env-org1', 'soc-org1'], false, '1 more seconder needed; proposer and seconders must come from 3 top-level groups (2 so far: environmental chamber, social chamber)'],
    ['a seat seconds once', 'env-org1', ['soc-org1', 'soc-org1'], false, '1 more seconder needed; proposer and seconders must come from 3 top-level groups (2 so far: environmental chamber, social chamber)'],
  ])('%s', (_spec, proposer, seconders, satisfied, missing) => {
    expect(checkSeconding(FSC, 'motion', seat(proposer), seats(...seconders))).toEqual({ satisfied, missing });
  });

  it('a decision type without seconders needs none', () => {
    expect(checkSeconding(FSC, 'amendment', seat('env-org1'), [])).toEqual({ satisfied: true, missing: '' });
  });

  it('takes a resolved type as well as an id', () => {
    const type = { ...resolveDecisionType(FSC, 'amendment'), seconders: { count: 1, distinctGroups: 0 } };
    expect(checkSeconding(FSC, type, seat('env-org1'), [])).toEqual({ satisfied: false, missing: '1 more seconder needed' });
  });

  it('seats without a group add no group', () => {
    const c: Charter = { rules: { r: MAJORITY }, decisionTypes: { r: { rule: 'r', seconders: { count: 1, distinctGroups: 1 } } } };
    expect(checkSeconding(c, 'r', { id: 'a' }, [{ id: 'b' }])).toEqual({ satisfied: false, missing: 'proposer and seconders must come from 1 top-level group (0 so far)' });
  });
});

describe('checkProxies (FSC: at most 5 organisational members\' proxies, any number of individual members\')', () => {
  const org = (n: number) => Array.from({ length: n }, (_, i) => seat(`${['env', 'soc', 'eco'][i % 3]}-org${1 + Math.floor(i / 3)}`));
  const ind = (n: number) => Array.from({ length: n }, (_, i) => seat(`${['env', 'soc', 'eco'][i % 3]}-ind${1 + Math.floor(i / 3)}`));
  const codes = (c: Charter, list: Seat[]) => checkProxies(c, list).map((i) => `${i.field} ${i.code}`);

  it.each<[string, Charter, Seat[], string[]]>([
    ['five organisational proxies: allowed', FSC, org(5), []],
    ['a sixth organisational proxy: refused', FSC, org(6), ['proxies proxy_cap']],
    ['any number of individual members\' proxies', FSC, ind(18), []],
    ['five organisational and many individual proxies: allowed', FSC, [...org(5), ...ind(12)], []],
    ['a seat listed twice counts once', FSC, [...org(5), org(1)[0]], []],
    ['no proxies: nothing to refuse', { ...FSC, proxies: undefined }, [], []],
    ['a charter without a proxy policy allows none', { ...FSC, proxies: undefined }, org(1), ['proxies proxies_not_allowed']],
    ['a charter with proxies not allowed refuses one', { ...FSC, proxies: { allowed: false } }, ind(1), ['proxies proxies_not_allowed']],
    ['maxPerHolder counts every proxy', { ...FSC, proxies: { allowed: true, maxPerHolder: 2 } }, ind(3), ['proxies too_many_proxies']],
    ['maxPerHolder and a cap may both refuse', { ...FSC, proxies: { allowed: true, maxPerHolder: 3, caps: [{ memberClass: 'org', max: 1 }] } }, org(4), ['proxies too_many_proxies', 'proxies proxy_cap']],
    [
      'a cap matches a whole segment of the group path, not part of one',
      { groups: [{ id: 'org' }, { id: 'orgs' }], seats: [], proxies: { allowed: true, caps: [{ memberClass: 'org', max: 0 }] } },
      [{ id: 'x', group: 'orgs' }],
      [],
    ],
  ])('%s', (_spec, charter, list, expected) => {
    expect(codes(charter, list)).toEqual(expected);
  });

  it('names the member class and the numbers', () => {
    const [issue] = checkProxies(FSC, org(6));
    expect(issue.message).toBe('A holder may carry at most 5 proxies of organisational members; this would make 6');
  });
});

describe('checkWindow (motion: open 24 to 72 hours)', () => {
  const at = (h: number) => new Date(Date.UTC(2030, 0, 1) + h * 3_600_000);
  it.each<[string, number, number, string[]]>([
    ['48 hours: within the window', 0, 48, []],
    ['exactly the shortest window', 0, 24, []],
    ['exactly the longest window', 0, 72, []],
    ['23 hours: too short', 0, 23, ['closesAt window_too_short']],
    ['73 hours: too long', 0, 73, ['closesAt window_too_long']],
    ['closing when it opens', 5, 5, ['closesAt window_order']],
    ['closing before it opens', 5, 1, ['closesAt window_order']],
  ])('%s', (_spec, opens, closes, expected) => {
    expect(checkWindow(FSC, 'motion', at(opens), at(closes)).map((i) => `${i.field} ${i.code}`)).toEqual(expected);
  });

  it('a decision type without window limits only needs to close after it opens', () => {
    expect(checkWindow(FSC, 'amendment', at(0), at(10_000))).toEqual([]);
    expect(checkWindow(FSC, 'amendment', at(1), at(0)).map((i) => i.code)).toEqual(['window_order']);
  });

  it('invalid dates are refused', () => {
    expect(checkWindow(FSC, 'motion', new Date('nope'), at(48)).map((i) => `${i.field} ${i.code}`)).toEqual(['opensAt invalid_date']);
  });

  it('an unknown decision type is refused', () => {
    expect(() => checkWindow(FSC, 'budget', at(0), at(48))).toThrow(DomainError);
  });
});

describe('amendmentTypeOf', () => {
  it.each<[string, Charter, string | null]>([
    ['the decision type "amendment" by default', FSC, 'amendment'],
    ['the decision type the charter names', { ...FSC, amendment: 'motion' }, 'motion'],
    ['null when the named type does not exist', { ...FSC, amendment: 'charter_change' }, null],
    ['without decisionTypes, the rule named "amendment"', { rules: { ordinary: MAJORITY, amendment: TWO_THIRDS } }, 'amendment'],
    ['null when the charter cannot be amended', { rules: { ordinary: MAJORITY } }, null],
  ])('%s', (_spec, charter, expected) => {
    expect(amendmentTypeOf(charter)).toBe(expected);
  });
});
