import { describe, it, expect } from 'vitest';
import { checkCharter, checkSeats, conditionFamilies, indexGroups, parseRatio, requirementOf, type Charter, type Rule, type Seat } from './charter';
import { render } from '../kernel/messages';

const fields = (c: Charter, severity: 'error' | 'warning' = 'error') =>
  checkCharter(c).filter((i) => i.severity === severity).map((i) => `${i.field} ${i.code}`);

const FSC_GROUPS: Charter['groups'] = ['environmental', 'social', 'economic'].map((c) => ({
  id: c,
  share: '1/3',
  groups: ['north', 'south'].map((s) => ({ id: s, share: '1/2', groups: [{ id: 'org', share: '9/10' }, { id: 'ind', share: '1/10' }] })),
}));
/** One seat in each of the twelve FSC cells, named after its cell. */
const FSC_SEATS: Seat[] = ['environmental', 'social', 'economic'].flatMap((c) =>
  ['north', 'south'].flatMap((s) => ['org', 'ind'].map((m) => ({ id: `${c}/${s}/${m}`, group: `${c}/${s}/${m}` }))),
);

describe('parseRatio and requirements', () => {
  it.each([
    ['1/3', '1/3'],
    ['9/10', '9/10'],
    ['2', '2/1'],
    [' 4 / 8 ', '1/2'],
  ])('%s', (text, expected) => {
    const f = parseRatio(text)!;
    expect(`${f.num}/${f.den}`).toBe(expected);
  });
  it.each(['1/0', '-1/2', '0.5', 'a', ''])('rejects %s', (text) => expect(parseRatio(text)).toBeNull());
  it('reads a whole JSON number as its text would be read, and refuses any other number', () => {
    expect(parseRatio(3)).toEqual({ num: 3n, den: 1n });
    expect(parseRatio(0)).toEqual({ num: 0n, den: 1n });
    for (const n of [0.5, -1, Number.NaN, 2 ** 60]) expect(parseRatio(n)).toBeNull();
  });
  it('majority is strict one half, two-thirds is inclusive', () => {
    expect(requirementOf({ kind: 'majority' })).toEqual({ ratio: { num: 1n, den: 2n }, strict: true });
    expect(requirementOf({ kind: 'two_thirds' })).toEqual({ ratio: { num: 2n, den: 3n }, strict: false });
  });
  it('indexes nested groups with the product of their shares', () => {
    const g = indexGroups(FSC_GROUPS).get('economic/south/ind')!;
    expect(g.share).toEqual({ num: 1n, den: 60n }); // 1/3 * 1/2 * 1/10
    expect(g.depth).toBe(2);
  });
});

describe('checkCharter', () => {
  it('the FSC structure with a full rule, a seat in every cell and an amendment rule is clean', () => {
    const c: Charter = {
      groups: FSC_GROUPS,
      seats: FSC_SEATS,
      rules: {
        ordinary: {
          quorum: [{ kind: 'quorum', measure: 'weight', eachGroup: 'top' }],
          pass: { kind: 'all', of: [{ kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast', eachGroup: 'top' }, { kind: 'veto', seat: 'economic/north/org' }] },
        },
        amendment: { pass: { kind: 'threshold', require: { kind: 'two_thirds' }, base: 'votes_cast' } },
      },
    };
    expect(checkCharter(c)).toEqual([]);
  });

  it('shares of sibling groups must sum to exactly 1, each problem with its path', () => {
    const c: Charter = {
      groups: [
        { id: 'a', share: '1/3', groups: [{ id: 'n', share: '1/2' }, { id: 's', share: '1/3' }] },
        { id: 'b', share: '1/3' },
        { id: 'c', share: '1/3' },
      ],
    };
    expect(fields(c)).toEqual(['groups[0].groups shares_sum']);
    expect(checkCharter(c)[0].message).toContain('5/6');
  });

  it('invalid shares, partial shares, sub-shares without a parent share, duplicate ids', () => {
    const c: Charter = {
      groups: [
        { id: 'a', share: '3/2' },
        { id: 'a' },
        { id: 'b', groups: [{ id: 'x', share: '1/2' }, { id: 'y', share: '1/2' }] },
      ],
    };
    expect(fields(c)).toEqual([
      'groups shares_partial',
      'groups[0].share invalid_share',
      'groups[1].id duplicate_group',
      'groups[2].groups shares_without_parent',
    ]);
  });

  it('a group name is text: a number or a list is refused where the group is, at any depth', () => {
    const c = {
      groups: [
        { id: 'a', name: 7, groups: [{ id: 'x', name: ['X'] }, { id: 'y', name: 'Y' }] },
        { id: 'b', name: 'Bee' },
      ],
    } as unknown as Charter;
    expect(fields(c)).toEqual(['groups[0].name name_not_text', 'groups[0].groups[0].name name_not_text']);
  });

  it('seats: unknown group, in no group, not in a leaf of a shared tree, weights with shares, duplicates', () => {
    const c: Charter = {
      groups: FSC_GROUPS,
      seats: [
        { id: 'a', group: 'economic/west' },
        { id: 'b' },
        { id: 'c', group: 'economic' },
        { id: 'd', group: 'economic/north/org', weight: '2' },
        { id: 'd', group: 'economic/north/org' },
        { id: 'observer', voting: false },
      ],
    };
    expect(fields(c)).toEqual([
      'seats[0].group unknown_group',
      'seats[1].group no_group',
      'seats[2].group not_a_leaf',
      'seats[3].weight weight_with_shares',
      'seats[4].id duplicate_seat',
    ]);
  });

  it('conditions: unknown group, fraction outside (0,1], fixed membership without seats, bad veto', () => {
    const c: Charter = {
      groups: [{ id: 'donors' }, { id: 'implementers' }],
      seats: [{ id: 'd1', group: 'donors' }, { id: 'i1', group: 'implementers' }],
      rules: {
        ordinary: {
          pass: {
            kind: 'any',
            of: [
              { kind: 'threshold', require: { kind: 'fraction', num: 3, den: 2 }, base: 'votes_cast', group: 'funders' },
              { kind: 'threshold', require: { kind: 'fraction', num: 0, den: 2 }, base: 'votes_cast', eachGroup: ['donors', 'others'] },
              { kind: 'threshold', require: { kind: 'majority' }, base: 'fixed_membership', measure: 'count', eachGroup: 'top' },
              { kind: 'veto', seat: 'nobody' },
              { kind: 'veto' },
            ],
          },
        },
        staged: { kind: 'staged', stages: [] },
      },
    };
    expect(fields(c)).toEqual([
      'rules.ordinary.pass.of[0].group unknown_group',
      'rules.ordinary.pass.of[0].require fraction_range',
      'rules.ordinary.pass.of[1].eachGroup[1] unknown_group',
      'rules.ordinary.pass.of[1].require fraction_range',
      'rules.ordinary.pass.of[2].seats seats_missing',
      'rules.ordinary.pass.of[3].seat unknown_seat',
      'rules.ordinary.pass.of[4] invalid_veto',
      'rules.staged.stages no_stages',
    ]);
  });

  it('warns about rules that can never fail or never pass', () => {
    const c: Charter = {
      groups: [{ id: 'g' }],
      seats: [{ id: 'a', group: 'g' }, { id: 'b', group: 'g' }, { id: 'ceo', voting: false }],
      rules: {
        ordinary: {
          quorum: [{ kind: 'quorum', base: 'present' }, { kind: 'quorum', count: 0 }],
          pass: {
            kind: 'all',
            of: [
              { kind: 'min_yes', count: 3, group: 'g' },
              { kind: 'threshold', require: { kind: 'fraction', num: 1, den: 1, strict: true }, base: 'votes_cast' },
              { kind: 'veto', seat: 'ceo' },
            ],
          },
        },
      },
    };
    expect(fields(c)).toEqual([]);
    expect(fields(c, 'warning')).toEqual([
      'rules.ordinary.quorum[0].base never_fails_present_base',
      'rules.ordinary.quorum[1].count never_fails_zero_quorum',
      'rules.ordinary.pass.of[0].count never_passes_too_few_seats',
      'rules.ordinary.pass.of[1].require never_passes_more_than_all',
      'rules.ordinary.pass.of[2].seat never_passes_non_voting_seat',
      'rules.amendment no_amendment_rule',
    ]);
  });
});

describe('groups without a voting seat', () => {
  it('warns that a per-group quorum or threshold over an empty group can never pass', () => {
    const charter: Charter = {
      groups: [{ id: 'a' }, { id: 'b' }],
      seats: [{ id: 's1', group: 'a' }, { id: 's2', group: 'a' }, { id: 'ceo', group: 'b', voting: false }],
      rules: { ordinary: { quorum: [{ kind: 'quorum', min: { kind: 'fraction', num: 1, den: 3 }, eachGroup: 'top' }], pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast', measure: 'count', eachGroup: 'top' } } },
    };
    const warnings = checkCharter(charter).filter((i) => i.code === 'never_passes_empty_group');
    expect(warnings.map((w) => w.field)).toEqual(expect.arrayContaining(['rules.ordinary.quorum[0]', 'rules.ordinary.pass']));
    expect(warnings.every((w) => w.severity === 'warning' && /"b"/.test(w.message))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Bodies, seat holders, decision types, amendment, proxies, dispute ladder

/** A clean charter using every construct: three constituencies, two bodies, decision types, proxies and a ladder. */
const FULL: Charter = {
  groups: [{ id: 'gov' }, { id: 'industry' }, { id: 'cso' }],
  seats: [
    { id: 'g1', group: 'gov', person: 'p-minister', exOfficio: true },
    { id: 'i1', group: 'industry', organisation: 'o-mining', alternate: 'p-deputy' },
    { id: 'c1', group: 'cso', organisation: 'o-ngo' },
    { id: 'sec', voting: false, person: 'p-secretary' },
  ],
  bodies: [
    { id: 'msg', kind: 'steering_committee' },
    { id: 'wg', kind: 'working_group', seats: ['g1', 'i1', 'c1'] },
  ],
  rules: {
    ordinary: { pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast' } },
    consensus: { pass: { kind: 'consensus' } },
    consent: { pass: { kind: 'consent' } },
    tiers: {
      kind: 'staged',
      stages: [
        { id: 'tier1', pass: { kind: 'consensus' } },
        { id: 'tier2', pass: { kind: 'threshold', require: { kind: 'two_thirds' }, base: 'votes_cast' } },
      ],
    },
    amendment: { pass: { kind: 'threshold', require: { kind: 'two_thirds' }, base: 'votes_cast' } },
  },
  decisionTypes: {
    ordinary: { rule: 'ordinary', body: 'msg', proposers: ['representative'], seconders: { count: 2, distinctGroups: 3 }, window: { minHours: 72, maxHours: 336, closeEarly: true } },
    amendment: { rule: 'amendment', anonymous: true, resultsHidden: true, recusal: false },
  },
  proxies: { allowed: true, maxPerHolder: 3, caps: [{ memberClass: 'industry', max: 1 }] },
  disputes: {
    ladder: [
      { id: 'negotiation', days: 30 },
      { id: 'steering', body: 'msg', days: 30 },
      { id: 'mediation', name: 'independent mediation', days: 60 },
      { id: 'arbitration' },
    ],
  },
};

/** A copy of FULL changed by `change` (which may return a replacement). */
function variant(change: (c: Charter) => Charter | void): Charter {
  const c = structuredClone(FULL);
  return change(c) ?? c;
}
const all = (c: Charter): string[] => checkCharter(c).map((i) => `${i.severity} ${i.field} ${i.code}`);
const types = (c: Charter) => c.decisionTypes!;

describe('checkCharter: the full charter', () => {
  it('a charter using bodies, holders, decision types, proxies and a dispute ladder is clean', () => {
    expect(checkCharter(FULL)).toEqual([]);
  });

  it('every new problem has a path, a code, a message and a severity', () => {
    const c = variant((c) => {
      c.bodies!.push({ id: 'msg', kind: 'council' as never, seats: ['nobody'] });
      c.seats![0].recused = true;
      types(c).ordinary.seconders = { count: 0, distinctGroups: 2 };
      c.proxies!.caps = [{ memberClass: 'members', max: -1 }];
      c.disputes!.ladder = [];
    });
    const issues = checkCharter(c);
    expect(issues.length).toBeGreaterThan(5);
    for (const i of issues) {
      expect(i.field).not.toBe('');
      expect(i.code).toMatch(/^[a-z_]+$/);
      expect(i.message.length).toBeGreaterThan(10);
      expect(['error', 'warning']).toContain(i.severity);
    }
  });
});

describe('checkCharter: bodies', () => {
  it.each<[string, (c: Charter) => void, string[]]>([
    ['body ids are unique', (c) => void c.bodies!.push({ id: 'msg', kind: 'board' }), ['error bodies[2].id duplicate_body']],
    ['a body needs an id', (c) => void c.bodies!.push({ kind: 'board' } as never), ['error bodies[2].id body_id_required']],
    ['the kind is assembly, board, steering_committee, committee or working_group', (c) => void (c.bodies![1].kind = 'council' as never), ['error bodies[1].kind invalid_body_kind']],
    ['seats name seats of the charter, each once', (c) => void (c.bodies![1].seats = ['g1', 'g1', 'x']), ['error bodies[1].seats[1] duplicate_body_seat', 'error bodies[1].seats[2] unknown_seat']],
    ['a body whose seats do not vote can never decide (a warning)', (c) => void (c.bodies![1].seats = ['sec']), ['warning bodies[1].seats body_without_voting_seat']],
    ['a body without seats can never decide (a warning)', (c) => void (c.bodies![1].seats = []), ['warning bodies[1].seats body_without_voting_seat']],
    [
      'once every body lists its seats, a voting seat in no body has no way to vote (a warning)',
      (c) => void ((c.bodies![0].seats = ['g1', 'i1', 'sec']), (c.bodies![1].seats = ['g1'])),
      ['warning seats[2] seat_in_no_body'],
    ],
    ['a body without a seat list holds every seat, so no seat is left out', (c) => void (c.bodies![1].seats = ['g1']), []],
  ])('%s', (_spec, change, expected) => {
    expect(all(variant(change))).toEqual(expected);
  });
});

describe('checkCharter: who holds a seat', () => {
  it.each<[string, (c: Charter) => void, string[]]>([
    ['a seat is held by an organisation or by a person, not both', (c) => void (c.seats![2].person = 'p-x'), ['error seats[2] holder_conflict']],
    ['an alternate without an organisation is never used (a warning)', (c) => void (c.seats![0].alternate = 'p-y'), ['warning seats[0].alternate alternate_without_organisation']],
    ['recused belongs on a decision\'s roll, never in a charter', (c) => void (c.seats![2].recused = false), ['error seats[2].recused recused_in_charter']],
    ['holder ids are non-empty', (c) => void (c.seats![2].organisation = ''), ['error seats[2].organisation invalid_holder']],
    ['exOfficio is true or false', (c) => void (c.seats![0].exOfficio = 'yes' as never), ['error seats[0].exOfficio invalid_flag']],
  ])('%s', (_spec, change, expected) => {
    expect(all(variant(change))).toEqual(expected);
  });

  it('a decision\'s roll may carry recused seats: checkSeats (which checks rolls) does not refuse them', () => {
    const roll: Seat[] = [{ id: 'g1', group: 'gov', recused: true }, { id: 'i1', group: 'industry' }];
    expect(checkSeats(FULL, roll, 'members')).toEqual([]);
  });
});

describe('checkCharter: decision types', () => {
  it.each<[string, (c: Charter) => void, string[]]>([
    ['rule names a rule of the charter', (c) => void (types(c).ordinary.rule = 'nope'), ['error decisionTypes.ordinary.rule unknown_rule']],
    ['rule is required', (c) => void delete (types(c).ordinary as { rule?: string }).rule, ['error decisionTypes.ordinary.rule rule_required']],
    ['body names a body of the charter', (c) => void (types(c).ordinary.body = 'board'), ['error decisionTypes.ordinary.body unknown_body']],
    ['ballot is yes_no, consent or consensus', (c) => void (types(c).ordinary.ballot = 'ranked' as never), ['error decisionTypes.ordinary.ballot invalid_ballot']],
    ['somebody must be able to propose', (c) => void (types(c).ordinary.proposers = []), ['error decisionTypes.ordinary.proposers no_proposers']],
    ['proposers are conveners or representatives', (c) => void (types(c).ordinary.proposers = ['representative', 'chair' as never]), ['error decisionTypes.ordinary.proposers[1] invalid_proposer']],
    ['the number of seconders is a whole number', (c) => void (types(c).ordinary.seconders = { count: -1 }), ['error decisionTypes.ordinary.seconders.count invalid_seconders_count']],
    ['distinctGroups is a whole number', (c) => void (types(c).ordinary.seconders = { count: 2, distinctGroups: 1.5 }), ['error decisionTypes.ordinary.seconders.distinctGroups invalid_count_non_negative']],
    [
      'a proposer and one seconder cannot come from three groups',
      (c) => void (types(c).ordinary.seconders = { count: 1, distinctGroups: 3 }),
      ['error decisionTypes.ordinary.seconders.distinctGroups unreachable_seconder_groups'],
    ],
    [
      'more distinct groups than the charter has top-level groups can never be reached',
      (c) => void (types(c).ordinary.seconders = { count: 5, distinctGroups: 4 }),
      ['error decisionTypes.ordinary.seconders.distinctGroups unreachable_top_groups'],
    ],
    ['the shortest window is not longer than the longest', (c) => void (types(c).ordinary.window = { minHours: 400, maxHours: 336 }), ['error decisionTypes.ordinary.window window_range']],
    [
      'window hours are positive',
      (c) => void (types(c).ordinary.window = { minHours: 0, maxHours: -1 }),
      ['error decisionTypes.ordinary.window.minHours invalid_window', 'error decisionTypes.ordinary.window.maxHours invalid_window'],
    ],
    ['anonymous, resultsHidden and recusal are true or false', (c) => void (types(c).amendment.recusal = 'no' as never), ['error decisionTypes.amendment.recusal invalid_flag']],
    [
      'a decision type whose body has no voting seat: nobody can vote on it (warnings)',
      (c) => void ((c.bodies![1].seats = ['sec']), (types(c).ordinary.body = 'wg')),
      ['warning bodies[1].seats body_without_voting_seat', 'warning decisionTypes.ordinary.body type_without_voting_seat'],
    ],
    [
      'a decision type without a body is taken by the first body',
      (c) => void ((c.bodies = [{ id: 'empty', kind: 'board', seats: [] }, ...c.bodies!]), (types(c).ordinary.body = 'msg')),
      ['warning bodies[0].seats body_without_voting_seat', 'warning decisionTypes.amendment type_without_voting_seat'],
    ],
  ])('%s', (_spec, change, expected) => {
    expect(all(variant(change))).toEqual(expected);
  });

  it.each<[string, string, boolean]>([
    ['ordinary', 'yes_no', false],
    ['ordinary', 'consent', true],
    ['ordinary', 'consensus', true],
    ['consensus', 'consensus', false],
    ['consensus', 'yes_no', true],
    ['consensus', 'consent', true],
    ['consent', 'consent', false],
    ['consent', 'yes_no', true],
    ['tiers', 'consensus', false],
    ['tiers', 'yes_no', false],
    ['tiers', 'consent', true],
  ])('rule %s with ballot %s: ballot_mismatch warning = %s', (rule, ballot, warned) => {
    const issues = all(variant((c) => void (types(c).ordinary = { rule, ballot: ballot as never })));
    expect(issues).toEqual(warned ? ['warning decisionTypes.ordinary.ballot ballot_mismatch'] : []);
  });

  it('conditionFamilies reads stages and all/any, not quorums', () => {
    const rule: Rule = {
      kind: 'staged',
      quorum: [{ kind: 'quorum' }],
      stages: [
        { id: 'a', pass: { kind: 'any', of: [{ kind: 'consent' }, { kind: 'all', of: [{ kind: 'veto', seat: 'x' }] }] } },
        { id: 'b', pass: { kind: 'consensus' } },
      ],
    };
    expect([...conditionFamilies(rule)].sort()).toEqual(['consensus', 'consent', 'vote']);
    expect([...conditionFamilies({ quorum: [{ kind: 'quorum' }], pass: { kind: 'min_yes', count: 1 } })]).toEqual(['vote']);
  });
});

describe('checkCharter: the amendment rule', () => {
  it.each<[string, (c: Charter) => Charter | void, string[]]>([
    ['with decision types, the amendment type must exist', (c) => void delete types(c).amendment, ['error decisionTypes.amendment no_amendment_type']],
    ['a named amendment type must exist', (c) => void (c.amendment = 'charter_change'), ['error amendment no_named_amendment_type']],
    [
      'any decision type may be named the amendment type',
      (c) => void ((c.amendment = 'charter_change'), (types(c).charter_change = types(c).amendment), delete types(c).amendment),
      [],
    ],
    ['without decision types, the rule named "amendment" is the amendment rule', (c) => void delete c.decisionTypes, []],
    [
      'without decision types, a missing amendment rule is a warning: the charter can never be amended',
      (c) => void (delete c.decisionTypes, delete c.rules!.amendment),
      ['warning rules.amendment no_amendment_rule'],
    ],
    ['without decision types, a named amendment rule must exist', (c) => void (delete c.decisionTypes, (c.amendment = 'change')), ['warning amendment no_amendment_rule']],
    ['a charter without rules is not checked for an amendment rule', (c) => void (delete c.decisionTypes, delete c.rules), []],
  ])('%s', (_spec, change, expected) => {
    expect(all(variant(change))).toEqual(expected);
  });

  it('says in words that the charter can never be amended', () => {
    const [w] = checkCharter(variant((c) => void (delete c.decisionTypes, delete c.rules!.amendment)));
    expect(w.message).toMatch(/never be amended/);
  });
});

describe('checkCharter: proxies', () => {
  it.each<[string, (c: Charter) => void, string[]]>([
    ['a cap names a group id found in the group tree', (c) => void (c.proxies!.caps = [{ memberClass: 'members', max: 1 }]), ['error proxies.caps[0].memberClass unknown_member_class']],
    ['a cap is a whole number', (c) => void (c.proxies!.caps = [{ memberClass: 'gov', max: -1 }]), ['error proxies.caps[0].max invalid_count_non_negative']],
    ['a member class is capped once', (c) => void c.proxies!.caps!.push({ memberClass: 'industry', max: 2 }), ['error proxies.caps[1].memberClass duplicate_member_class']],
    ['maxPerHolder is a whole number', (c) => void (c.proxies!.maxPerHolder = 1.5), ['error proxies.maxPerHolder invalid_count_non_negative']],
    ['allowed is true or false', (c) => void delete (c.proxies as { allowed?: boolean }).allowed, ['error proxies.allowed invalid_flag']],
  ])('%s', (_spec, change, expected) => {
    expect(all(variant(change))).toEqual(expected);
  });

  it('the FSC cap on organisational members\' proxies names a nested group id ("org")', () => {
    const c: Charter = { groups: FSC_GROUPS, seats: FSC_SEATS, proxies: { allowed: true, caps: [{ memberClass: 'org', max: 5 }] } };
    expect(checkCharter(c)).toEqual([]);
  });
});

describe('checkCharter: the dispute ladder', () => {
  it.each<[string, (c: Charter) => void, string[]]>([
    ['the ladder has at least one step', (c) => void (c.disputes!.ladder = []), ['error disputes.ladder empty_ladder']],
    ['step ids are unique', (c) => void (c.disputes!.ladder[1].id = 'negotiation'), ['error disputes.ladder[1].id duplicate_step']],
    ['a step needs an id', (c) => void (c.disputes!.ladder[1].id = ''), ['error disputes.ladder[1].id step_id_required']],
    ['a step\'s body is a body of the charter', (c) => void (c.disputes!.ladder[1].body = 'board'), ['error disputes.ladder[1].body unknown_body']],
    [
      'days are positive whole numbers',
      (c) => void ((c.disputes!.ladder[0].days = 0), (c.disputes!.ladder[1].days = 1.5)),
      ['error disputes.ladder[0].days invalid_days', 'error disputes.ladder[1].days invalid_days'],
    ],
  ])('%s', (_spec, change, expected) => {
    expect(all(variant(change))).toEqual(expected);
  });
});

describe('checkCharter: groups that carry a share but hold no voting seat', () => {
  const groups: Charter['groups'] = [
    { id: 'a', share: '1/2', groups: [{ id: 'x', share: '1/2' }, { id: 'y', share: '1/2' }] },
    { id: 'b', share: '1/2', groups: [{ id: 'x', share: '1/2' }, { id: 'y', share: '1/2' }] },
  ];
  it('warns at the topmost such group only', () => {
    const c: Charter = { groups, seats: [{ id: 's', group: 'a/x' }, { id: 'ceo', group: 'b/x', voting: false }] };
    expect(all(c)).toEqual(['warning groups[0].groups[1] share_without_seat', 'warning groups[1] share_without_seat']);
  });
  it('does not warn when every shared group has a voting seat', () => {
    const c: Charter = { groups, seats: ['a/x', 'a/y', 'b/x', 'b/y'].map((g) => ({ id: g, group: g })) };
    expect(all(c)).toEqual([]);
  });
  it('groups without shares only classify seats and are not warned about', () => {
    expect(all({ groups: [{ id: 'a' }, { id: 'b' }], seats: [{ id: 's', group: 'a' }] })).toEqual([]);
  });
  it('needs the charter\'s seats: a charter without seats is not warned about', () => {
    expect(all({ groups })).toEqual([]);
  });
});

describe('checkCharter: every finding carries its catalog message', () => {
  const BROKEN: Charter[] = [
    { groups: [{ id: 'north' }], seats: [{ id: 's', group: 'north' }, { id: 's', group: 'nowhere' }, { id: 't', group: 'north', weight: 'heavy' }] },
    {
      groups: [{ id: 'north' }],
      seats: [{ id: 's', group: 'north' }],
      rules: { amendment: { pass: { kind: 'consensus' } } },
      decisionTypes: {
        amendment: { rule: 'amendment', seconders: { count: 1, distinctGroups: 3 } },
        motion: { rule: 'amendment', seconders: { count: 3, distinctGroups: 2 } },
        budget: { rule: 'nope' },
      },
    },
    { groups: [{ id: 'north' }, { id: 'south' }], seats: [{ id: 's', group: 'north' }, { id: 't', group: 'south' }], rules: { amendment: { pass: { kind: 'all', of: [{ kind: 'min_yes', count: 3 }, { kind: 'min_yes', count: 2, group: 'north' }] } } } },
    { seats: [{ id: 's' }], rules: { amendment: { pass: { kind: 'any', of: [{ kind: 'min_yes', count: 1 }, { kind: 'consensus' }] } } }, decisionTypes: { amendment: { rule: 'amendment', ballot: 'consent' } } },
    { seats: [{ id: 'a' }], rules: {}, decisionTypes: { motion: { rule: 'ordinary' } } },
    { seats: [{ id: 'a', voting: false }], rules: { amendment: { pass: { kind: 'consensus' } } }, decisionTypes: { amendment: { rule: 'amendment' } } },
    { groups: [{ id: 'a', share: '1/2' }, { id: 'b', share: '1/3' }], seats: [{ id: 's', group: 'a' }], rules: { amendment: { quorum: [{ kind: 'quorum', count: 0 }], pass: { kind: 'threshold', require: { kind: 'fraction', num: 3, den: 2 }, base: 'votes_cast' } } } },
  ];
  const findings = [...BROKEN.flatMap((c) => checkCharter(c)), ...checkSeats({}, 'everyone' as never, 'members')];
  const said = (code: string, lang: 'en' | 'fr' | 'es') => findings.filter((f) => f.code === code).map((f) => render(f.msg!, lang));

  it('whose English is the finding’s message, and which French and Spanish word as well', () => {
    expect(findings.length).toBeGreaterThan(15);
    for (const f of findings) {
      expect(f.msg, f.code).toBeDefined();
      expect(render(f.msg!, 'en'), f.code).toBe(f.message);
      for (const lang of ['fr', 'es'] as const) {
        const text = render(f.msg!, lang);
        expect(text, `${f.code} ${lang}`).not.toBe(f.message);
        expect(text, `${f.code} ${lang}`).not.toMatch(/\{\{|\}\}|charter\.|undefined/);
      }
    }
  });

  it('words plurals, variants and the words a finding is made of (literal sentences)', () => {
    expect(said('duplicate_seat', 'fr')).toEqual(['Le siège « s » figure deux fois']);
    expect(said('duplicate_seat', 'es')).toEqual(['El puesto «s» aparece dos veces']);
    expect(said('seats_not_a_list', 'en')).toEqual(['members must be a list']);
    expect(said('seats_not_a_list', 'fr')).toEqual(['members doit être une liste']);
    expect(said('unreachable_seconder_groups', 'en')).toEqual(['A proposer and 1 seconder come from at most 2 groups: 3 distinct groups can never be reached']);
    expect(said('unreachable_seconder_groups', 'fr')).toEqual(['L’auteur et 1 appui viennent d’au plus 2 groupes : 3 groupes différents ne peuvent jamais être atteints']);
    expect(said('unreachable_top_groups', 'en')).toEqual(['The charter has 1 top-level group: 2 distinct groups can never be reached']);
    expect(said('unreachable_top_groups', 'es')).toEqual(['El estatuto tiene 1 grupo de primer nivel: nunca pueden alcanzarse 2 grupos distintos']);
    expect(said('never_passes_too_few_seats', 'en')).toEqual(['The body has 2 voting seats, fewer than 3: this never passes', 'north has 1 voting seats, fewer than 2: this never passes']);
    expect(said('never_passes_too_few_seats', 'fr')).toEqual([
      'L’organe a 2 sièges votants, moins que 3 : cette condition n’est jamais remplie',
      'north a 1 siège votant, moins que 2 : cette condition n’est jamais remplie',
    ]);
    expect(said('unknown_rule', 'en')).toEqual(['Unknown rule "nope"; the charter has: amendment', 'Unknown rule "ordinary"; the charter has: none']);
    expect(said('unknown_rule', 'fr')).toEqual(['Règle inconnue : « nope » ; la charte a : amendment', 'Règle inconnue : « ordinary » ; la charte a : aucune']);
    expect(said('type_without_voting_seat', 'es')).toEqual(['Nadie puede votar una decisión «amendment»: el estatuto no tiene ningún puesto con voto']);
    expect(said('ballot_mismatch', 'en')).toEqual([
      'Ballot "consent" does not fit rule "amendment", which counts votes (threshold, min_yes, veto) and consensus: members cannot abstain (consent is read as yes or agree, an objection as no or a block)',
    ]);
    expect(said('ballot_mismatch', 'fr')).toEqual([
      'Le bulletin « consent » ne convient pas à la règle « amendment », qui compte des votes (threshold, min_yes, veto) et le consensus : les membres ne peuvent pas s’abstenir (consentement vaut pour ou accord, une objection vaut contre ou blocage)',
    ]);
    // the finding's own params never change: the count that picks a plural lives in the message only
    expect(findings.find((f) => f.code === 'unreachable_top_groups')!.params).toEqual({ groups: 1, distinct: 2 });
    expect(findings.find((f) => f.code === 'unknown_rule' && f.params?.rules === '')!.params).toEqual({ rule: 'ordinary', rules: '' });
  });
});
