import { describe, it, expect } from 'vitest';
import { DomainError } from '../../kernel/errors';
import { MODELS } from '../../partnerships/partnership';
import { checkCharter, type Charter, type Rule, type Seat, type StagedRule, type ThresholdCondition } from '../charter';
import { decide, type Ballot, type Choice, type DecideOptions, type Outcome } from '../count';
import {
  ALLIANCE_JOINT_COMMITTEE as ALLIANCE,
  CONSTITUENCY_BOARD_DOUBLE_MAJORITY as GLOBAL_FUND,
  EITI_MSG as EITI,
  GAVI_CONSTITUENCY_BOARD as GAVI,
  MSI_GENERAL_ASSEMBLY as FSC,
  PPP_STEERING_COMMITTEE as PPP,
  TEMPLATES,
  templateById,
} from './index';

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** The rule name a decision type is counted by. */
const ruleOf = (c: Charter, type: string): string => c.decisionTypes![type].rule;

/** The roll of the body that takes a decision type (its listed seats, or every seat). */
function rollOf(c: Charter, type: string): Seat[] {
  const t = c.decisionTypes![type];
  const body = c.bodies!.find((b) => b.id === (t.body ?? c.bodies![0].id))!;
  return body.seats ? c.seats!.filter((s) => body.seats!.includes(s.id)) : c.seats!;
}

/** Counts a decision of this type: its rule, on its body's roll. */
const run = (c: Charter, type: string, ballots: Ballot[], options?: DecideOptions, members?: Seat[]): Outcome =>
  decide(c, ruleOf(c, type), ballots, members ?? rollOf(c, type), options);

const cast = (ids: string[], choice: Choice): Ballot[] =>
  ids.map((voter) => ({ voter, choice, ...(choice === 'block' || choice === 'objection' ? { reason: 'against our mandate' } : {}) }));
const votingIds = (c: Charter, group?: string): string[] =>
  c.seats!.filter((s) => s.voting !== false && (group === undefined || s.group === group || s.group?.startsWith(group + '/'))).map((s) => s.id);
const failing = (o: Outcome): string[] => o.conditions.filter((c) => !c.passed).map((c) => c.label);
const row = (o: Outcome, label: string) => {
  const r = o.conditions.find((c) => c.label === label);
  if (!r) throw new Error(`no condition "${label}" in ${o.conditions.map((c) => c.label).join(' | ')}`);
  return r;
};

/** Replaces the base of every threshold in a rule (to show what an unconfirmed setting changes). */
function withBase(rule: Rule, base: ThresholdCondition['base'], labelled?: string): Rule {
  const copy = structuredClone(rule);
  const walk = (c: unknown): void => {
    if (typeof c !== 'object' || c === null) return;
    const x = c as { kind?: string; label?: string; base?: string; of?: unknown[] };
    if (x.kind === 'threshold' && (labelled === undefined || x.label === labelled)) x.base = base;
    x.of?.forEach(walk);
  };
  if (copy.kind === 'staged') copy.stages.forEach((s) => walk(s.pass));
  else walk(copy.pass);
  return copy;
}

// ---------------------------------------------------------------------------------------------------------------
// The catalogue

/** Warnings a template's check may give, by template id (none are expected). */
const EXPECTED_WARNINGS: Record<string, string[]> = {};

describe('the template catalogue', () => {
  it('holds the six templates, ids unique', () => {
    const ids = TEMPLATES.map((t) => t.id);
    expect(ids).toEqual([
      'ppp-steering-committee',
      'alliance-joint-committee',
      'msi-general-assembly',
      'constituency-board-double-majority',
      'eiti-msg',
      'gavi-constituency-board',
    ]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('templateById finds each template and nothing else', () => {
    for (const t of TEMPLATES) expect(templateById(t.id)).toBe(t);
    expect(templateById('no-such-template')).toBeUndefined();
  });

  describe.each(TEMPLATES.map((t) => [t.id, t] as const))('%s', (id, t) => {
    it('passes checkCharter without an error, and with only the expected warnings', () => {
      const issues = checkCharter(t.charter);
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(issues.filter((i) => i.severity === 'warning').map((i) => `${i.field} ${i.code}`)).toEqual(EXPECTED_WARNINGS[id] ?? []);
    });

    it('has a name, a one-sentence summary and known collaboration models', () => {
      expect(t.name).not.toBe('');
      expect(t.summary.trim().endsWith('.')).toBe(true);
      expect(t.summary.trim().slice(0, -1)).not.toMatch(/\.\s/);
      expect(t.models.length).toBeGreaterThan(0);
      for (const m of t.models) expect(MODELS).toContain(m);
    });

    it('has bodies, the core decision types, an amendment type and a dispute ladder', () => {
      const c = t.charter;
      expect(c.bodies!.length).toBeGreaterThan(0);
      for (const type of ['ordinary', 'budget', 'admission', 'amendment']) expect(c.decisionTypes).toHaveProperty(type);
      expect(c.decisionTypes).toHaveProperty(c.amendment!);
      for (const dt of Object.values(c.decisionTypes!)) {
        expect(c.rules).toHaveProperty(dt.rule);
        expect(c.bodies!.map((b) => b.id)).toContain(dt.body);
      }
      expect(c.disputes!.ladder.length).toBeGreaterThanOrEqual(3);
    });

    it('adopts every decision type when every voting seat of its body votes yes', () => {
      for (const type of Object.keys(t.charter.decisionTypes!)) {
        const roll = rollOf(t.charter, type);
        const o = run(t.charter, type, cast(roll.filter((s) => s.voting !== false).map((s) => s.id), 'yes'));
        expect([type, o.outcome]).toEqual([type, 'adopted']);
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// PPP steering committee

describe('ppp-steering-committee', () => {
  const both = cast(['public-authority', 'private-partner'], 'yes');

  it('is a steering committee with the lenders as a non-voting observer', () => {
    expect(PPP.bodies).toEqual([{ id: 'steering-committee', name: 'Steering committee', kind: 'steering_committee' }]);
    expect(PPP.seats!.find((s) => s.id === 'lenders')!.voting).toBe(false);
    expect(() => run(PPP, 'ordinary', [...both, { voter: 'lenders', choice: 'yes' }])).toThrow(DomainError);
  });

  it.each([
    ['ordinary', 'yes', 'yes', 'adopted'],
    ['ordinary', 'yes', 'no', 'rejected'],
    ['ordinary', 'abstain', 'yes', 'rejected'],
    ['budget', 'no', 'yes', 'rejected'],
    ['reserved_matter', 'yes', 'yes', 'adopted'],
    ['reserved_matter', 'no', 'yes', 'rejected'],
    ['reserved_matter', 'abstain', 'yes', 'rejected'],
    ['admission', 'no', 'yes', 'rejected'],
    ['amendment', 'yes', 'yes', 'adopted'],
    ['amendment', 'yes', 'abstain', 'rejected'],
  ] as const)('%s: public authority %s, private partner %s -> %s', (type, pub, priv, expected) => {
    const o = run(PPP, type, [
      { voter: 'public-authority', choice: pub },
      { voter: 'private-partner', choice: priv },
    ]);
    expect(o.outcome).toBe(expected);
  });

  it("a reserved matter without the public authority's yes is rejected even with everyone else in favour", () => {
    // a live partnership seats a second public representative (e.g. the PPP unit) in the public party
    const roll: Seat[] = [...PPP.seats!, { id: 'public-ppp-unit', name: 'PPP unit', group: 'public' }];
    const ballots: Ballot[] = [
      { voter: 'public-ppp-unit', choice: 'yes' },
      { voter: 'private-partner', choice: 'yes' },
      { voter: 'public-authority', choice: 'abstain' },
    ];
    expect(run(PPP, 'ordinary', ballots, {}, roll).outcome).toBe('adopted');
    const o = run(PPP, 'reserved_matter', ballots, {}, roll);
    expect(o.outcome).toBe('rejected');
    expect(failing(o)).toEqual(['reserved matter', "the public authority's consent"]);
  });

  it('both parties must be represented: the lenders do not make a quorum', () => {
    const roll = PPP.seats!.map((s) => (s.id === 'lenders' ? { ...s, present: true } : s));
    const o = run(PPP, 'ordinary', [{ voter: 'private-partner', choice: 'yes' }], {}, roll);
    expect(o.outcome).toBe('no_quorum');
    expect(failing(o)).toEqual(['quorum, public party: at least 1 present']);
  });

  it('climbs the dispute ladder negotiation -> steering committee -> expert or mediation -> arbitration', () => {
    expect(PPP.disputes!.ladder.map((s) => [s.id, s.body, s.days])).toEqual([
      ['negotiation', undefined, 14],
      ['steering-committee', 'steering-committee', 30],
      ['expert-or-mediation', undefined, 60],
      ['arbitration', undefined, undefined],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Alliance joint committee

describe('alliance-joint-committee', () => {
  const nonprofit = votingIds(ALLIANCE, 'nonprofit');
  const corporate = votingIds(ALLIANCE, 'corporate');

  it('has equal seats per side', () => {
    expect(nonprofit).toHaveLength(3);
    expect(corporate).toHaveLength(3);
  });

  it.each([
    ['ordinary', 'everyone agrees', [...cast(nonprofit, 'agree'), ...cast(corporate, 'agree')], 'adopted', 'consensus'],
    ['ordinary', 'one stands aside', [...cast(nonprofit, 'agree'), ...cast(corporate.slice(1), 'agree'), ...cast(corporate.slice(0, 1), 'stand_aside')], 'adopted', 'consensus'],
    ['ordinary', 'one block: majority fallback', [...cast(nonprofit, 'agree'), ...cast(corporate.slice(1), 'agree'), ...cast(corporate.slice(0, 1), 'block')], 'adopted', 'majority'],
    ['ordinary', 'three blocks: a tie fails', [...cast(nonprofit, 'agree'), ...cast(corporate, 'block')], 'rejected', undefined],
    ['budget', 'the corporate side is outvoted', [...cast(nonprofit, 'agree'), ...cast(corporate.slice(0, 1), 'agree'), ...cast(corporate.slice(1), 'block')], 'rejected', undefined],
    ['budget', 'one block on each side', [...cast(nonprofit.slice(1), 'agree'), ...cast(nonprofit.slice(0, 1), 'block'), ...cast(corporate.slice(1), 'agree'), ...cast(corporate.slice(0, 1), 'block')], 'adopted', 'majority of each side'],
    ['amendment', 'one block', [...cast(nonprofit, 'agree'), ...cast(corporate.slice(1), 'agree'), ...cast(corporate.slice(0, 1), 'block')], 'rejected', undefined],
    ['amendment', 'one stands aside', [...cast(nonprofit, 'agree'), ...cast(corporate.slice(1), 'agree'), ...cast(corporate.slice(0, 1), 'stand_aside')], 'adopted', undefined],
  ] as const)('%s: %s -> %s (%s)', (type, _what, ballots, expected, grade) => {
    const o = run(ALLIANCE, type, [...ballots]);
    expect(o.outcome).toBe(expected);
    expect(o.grade).toBe(grade);
  });

  it('the ordinary rule adopts by majority where the budget rule needs each side', () => {
    const ballots = [...cast(nonprofit, 'agree'), ...cast(corporate.slice(0, 1), 'agree'), ...cast(corporate.slice(1), 'block')];
    expect(run(ALLIANCE, 'ordinary', ballots)).toMatchObject({ outcome: 'adopted', grade: 'majority' });
    expect(failing(run(ALLIANCE, 'budget', ballots))).toEqual(['consensus (stand-asides allowed)', 'majority of votes cast within each side: Corporate partner']);
  });

  it('a side with only one of its three seats present: no quorum', () => {
    const o = run(ALLIANCE, 'ordinary', [...cast(nonprofit, 'agree'), ...cast(corporate.slice(0, 1), 'agree')]);
    expect(o.outcome).toBe('no_quorum');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// FSC-style general assembly

describe('msi-general-assembly (FSC style)', () => {
  // An organisational member holds 1/3 * 1/2 * 9/10 / 3 = 1/20 of the vote, an individual 1/3 * 1/2 * 1/10 / 2 = 1/120.
  const CH = ['environmental', 'social', 'economic'] as const;
  const SUB = ['north', 'south'] as const;
  /** Ballots for one cell: choices for members 1.. in order, '-' = absent. */
  const cell = (c: string, s: string, k: 'org' | 'ind', choices: (Choice | '-')[]): Ballot[] =>
    choices.flatMap((ch, i) => (ch === '-' ? [] : [{ voter: `${c}-${s}-${k}-${i + 1}`, choice: ch }]));
  const chamber = (c: string, ch: Choice): Ballot[] => cast(votingIds(FSC, c), ch);
  const CHAMBER_MAJORITY = 'simple majority in every chamber';
  const TWO_THIRDS = 'at least two-thirds of all voting power in favour';

  it('has 12 cells with 2-3 example seats each, shares 1/3 x 1/2 x 9/10 | 1/10', () => {
    expect(FSC.groups!.map((g) => [g.id, g.share])).toEqual([
      ['environmental', '1/3'],
      ['social', '1/3'],
      ['economic', '1/3'],
    ]);
    const cells = FSC.groups!.flatMap((c) => c.groups!.flatMap((s) => s.groups!.map((k) => `${c.id}/${s.id}/${k.id} ${k.share} ${k.spread}`)));
    expect(cells).toHaveLength(12);
    expect(cells[0]).toBe('environmental/north/org 9/10 per_member');
    expect(cells[1]).toBe('environmental/north/ind 1/10 per_member');
    for (const c of CH) for (const s of SUB) for (const k of ['org', 'ind']) expect(votingIds(FSC, `${c}/${s}/${k}`).length).toBeGreaterThanOrEqual(2);
  });

  it('motions need two seconders from all three chambers; proxies capped at 5 organisational members', () => {
    expect(FSC.decisionTypes!.ordinary.seconders).toEqual({ count: 2, distinctGroups: 3 });
    expect(FSC.decisionTypes!.amendment.seconders).toEqual({ count: 2, distinctGroups: 3 });
    expect(FSC.proxies).toEqual({ allowed: true, caps: [{ memberClass: 'org', max: 5 }] });
  });

  it('everyone in favour: adopted by consensus', () => {
    expect(run(FSC, 'ordinary', CH.flatMap((c) => chamber(c, 'yes')))).toMatchObject({ outcome: 'adopted', grade: 'consensus', stage: 'consensus' });
  });

  it('a majority in two chambers but not in the third: rejected, although two-thirds of all power is in favour', () => {
    const o = run(FSC, 'ordinary', [...chamber('environmental', 'yes'), ...chamber('social', 'yes'), ...chamber('economic', 'no')]);
    expect(o).toMatchObject({ outcome: 'rejected', stage: 'vote' });
    expect(failing(o)).toEqual(['consensus: no sustained opposition', 'the vote', `${CHAMBER_MAJORITY}: economic chamber`]);
    expect(row(o, TWO_THIRDS)).toMatchObject({ passed: true, numbers: { yes: '2/3', base: '1/1' } });
  });

  it('a majority in every chamber but less than two-thirds overall: rejected on the overall condition', () => {
    // each sub-chamber: orgs yes, yes, no; individuals yes, no -> yes 13/120, no 7/120: 65% in every chamber and overall
    const ballots = CH.flatMap((c) => SUB.flatMap((s) => [...cell(c, s, 'org', ['yes', 'yes', 'no']), ...cell(c, s, 'ind', ['yes', 'no'])]));
    const o = run(FSC, 'ordinary', ballots);
    expect(o.outcome).toBe('rejected');
    expect(failing(o)).toEqual(['consensus: no sustained opposition', 'the vote', TWO_THIRDS]);
    expect(row(o, TWO_THIRDS).numbers).toMatchObject({ yes: '13/20', base: '1/1', ratio: '13/20' });
  });

  it('a majority in every chamber and two-thirds overall: adopted by vote', () => {
    // each sub-chamber: orgs all yes, individuals yes, no -> 19/20 yes
    const ballots = CH.flatMap((c) => SUB.flatMap((s) => [...cell(c, s, 'org', ['yes', 'yes', 'yes']), ...cell(c, s, 'ind', ['yes', 'no'])]));
    expect(run(FSC, 'ordinary', ballots)).toMatchObject({ outcome: 'adopted', grade: 'vote', stage: 'vote' });
  });

  it('a chamber with exactly half of its voting power present is under quorum', () => {
    // economic: only the North sub-chamber present = 1/6 of the vote = 50% of the chamber, needs more than 50%
    const ballots = [...chamber('environmental', 'yes'), ...chamber('social', 'yes'), ...cast(votingIds(FSC, 'economic/north'), 'yes')];
    const o = run(FSC, 'ordinary', ballots);
    expect(o.outcome).toBe('no_quorum');
    expect(o.conditions.filter((c) => !c.passed).map((c) => c.numbers)).toEqual([{ present: '1/6', base: '1/3', ratio: '1/2', required: '1/2' }]);
    // one more organisational member from the South makes the quorum (1/6 + 1/20 of 1/3 = 65%)
    expect(run(FSC, 'ordinary', [...ballots, ...cell('economic', 'south', 'org', ['yes'])]).outcome).toBe('adopted');
  });

  it('abstentions do not count as votes: the base is the voting power cast (the reading of "present in favour")', () => {
    // economic: one organisational member votes yes, the rest abstain; one social individual votes no (no consensus)
    const ballots = [
      ...chamber('environmental', 'yes'),
      ...chamber('social', 'yes').filter((b) => b.voter !== 'social-north-ind-1'),
      { voter: 'social-north-ind-1', choice: 'no' as const },
      ...cell('economic', 'north', 'org', ['yes', 'abstain', 'abstain']),
      ...cell('economic', 'north', 'ind', ['abstain', 'abstain']),
      ...cell('economic', 'south', 'org', ['abstain', 'abstain', 'abstain']),
      ...cell('economic', 'south', 'ind', ['abstain', 'abstain']),
    ];
    expect(run(FSC, 'ordinary', ballots)).toMatchObject({ outcome: 'adopted', grade: 'vote' });
    // the other reading (of everybody present, abstainers against) is a setting: it rejects the same ballots
    const present = withBase(FSC.rules!.motion, 'present');
    const o = decide(FSC, present, ballots);
    expect(o.outcome).toBe('rejected');
    expect(failing(o)).toEqual(['consensus: no sustained opposition', 'the vote', `${CHAMBER_MAJORITY}: economic chamber`]);
  });

  it('amendments need two-thirds in every chamber', () => {
    // 65% in every chamber passes no amendment; 19/20 does
    const weak = CH.flatMap((c) => SUB.flatMap((s) => [...cell(c, s, 'org', ['yes', 'yes', 'no']), ...cell(c, s, 'ind', ['yes', 'no'])]));
    expect(run(FSC, 'amendment', weak).outcome).toBe('rejected');
    const strong = CH.flatMap((c) => SUB.flatMap((s) => [...cell(c, s, 'org', ['yes', 'yes', 'yes']), ...cell(c, s, 'ind', ['yes', 'no'])]));
    expect(run(FSC, 'amendment', strong)).toMatchObject({ outcome: 'adopted', grade: 'vote' });
  });

  it('the dispute committee decides on its own roll', () => {
    const committee = FSC.bodies!.find((b) => b.id === 'dispute-committee')!.seats!;
    expect(run(FSC, 'dispute_ruling', cast(committee.slice(0, 2), 'yes')).outcome).toBe('no_quorum');
    expect(run(FSC, 'dispute_ruling', [...cast(committee.slice(0, 2), 'yes'), ...cast(committee.slice(2), 'no')]).outcome).toBe('adopted');
    expect(() => run(FSC, 'dispute_ruling', cast(['social-north-ind-1'], 'yes'))).toThrow(DomainError);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Global Fund-style double majority

describe('constituency-board-double-majority (Global Fund style)', () => {
  const donors = votingIds(GLOBAL_FUND, 'donors');
  const implementers = votingIds(GLOBAL_FUND, 'implementers');
  /** `yes` yes, then `no` no, then `abstain` abstain from the group's seats in order; the rest absent. */
  const group = (ids: string[], yes: number, no: number, abstain = 0): Ballot[] => [
    ...cast(ids.slice(0, yes), 'yes'),
    ...cast(ids.slice(yes, yes + no), 'no'),
    ...cast(ids.slice(yes + no, yes + no + abstain), 'abstain'),
  ];

  it('has 20 voting seats: 10 donors and 10 implementers, groups without shares', () => {
    expect([donors.length, implementers.length, GLOBAL_FUND.seats!.length]).toEqual([10, 10, 20]);
    expect(GLOBAL_FUND.groups!.every((g) => g.share === undefined && g.seats === 10)).toBe(true);
  });

  it.each([
    ['everyone in favour', [10, 0], [10, 0], 'adopted', 'consensus'],
    ['two-thirds of donors but not of implementers', [7, 3], [6, 4], 'rejected', undefined],
    ['two-thirds of implementers but not of donors', [6, 4], [10, 0], 'rejected', undefined],
    ['two-thirds of both groups', [7, 3], [7, 3], 'adopted', 'double majority'],
    ['exactly two-thirds of votes cast in both groups', [6, 3, 1], [6, 3, 1], 'adopted', 'double majority'],
  ] as const)('%s -> %s', (_what, d, i, expected, grade) => {
    const o = run(GLOBAL_FUND, 'ordinary', [...group(donors, d[0], d[1], d[2] ?? 0), ...group(implementers, i[0], i[1], i[2] ?? 0)]);
    expect(o.outcome).toBe(expected);
    expect(o.grade).toBe(grade);
  });

  it('names the group that fails', () => {
    const o = run(GLOBAL_FUND, 'ordinary', [...group(donors, 7, 3), ...group(implementers, 6, 4)]);
    expect(failing(o)).toEqual(['consensus: nobody votes no', 'two-thirds of each voting group: implementer group']);
    expect(row(o, 'two-thirds of each voting group: donor group').passed).toBe(true);
  });

  it('the base is a setting: of votes cast adopts what of members present rejects', () => {
    const ballots = [...group(donors, 7, 3), ...group(implementers, 6, 3, 1)];
    expect(run(GLOBAL_FUND, 'ordinary', ballots).outcome).toBe('adopted');
    const present = withBase(GLOBAL_FUND.rules!.ordinary, 'present');
    const o = decide(GLOBAL_FUND, present, ballots);
    expect(o.outcome).toBe('rejected');
    expect(failing(o)).toContain('two-thirds of each voting group: implementer group');
  });

  it("amendments count two-thirds of each group's ten seats, absent seats against", () => {
    const ballots = [...group(donors, 6, 1), ...group(implementers, 7, 1)];
    expect(run(GLOBAL_FUND, 'ordinary', ballots).outcome).toBe('adopted');
    const o = run(GLOBAL_FUND, 'amendment', ballots);
    expect(o.outcome).toBe('rejected');
    expect(failing(o)).toEqual(['consensus: nobody votes no', "two-thirds of each group's seats: donor group"]);
  });

  it('without a majority of the board present: no quorum', () => {
    expect(run(GLOBAL_FUND, 'ordinary', [...group(donors, 5, 0), ...group(implementers, 5, 0)]).outcome).toBe('no_quorum');
    expect(run(GLOBAL_FUND, 'ordinary', [...group(donors, 6, 0), ...group(implementers, 5, 0)]).outcome).toBe('adopted');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// EITI-style three tiers

describe('eiti-msg (three tiers)', () => {
  const gov = votingIds(EITI, 'government');
  const ind = votingIds(EITI, 'industry');
  const cs = votingIds(EITI, 'civil-society');
  const group = (ids: string[], yes: number, no: number): Ballot[] => [...cast(ids.slice(0, yes), 'yes'), ...cast(ids.slice(yes, yes + no), 'no')];
  const rule = EITI.rules!.three_tier as StagedRule;

  it('tiers: consensus; two-thirds with 2 yes per constituency, else referral; simple majority at the low grade', () => {
    expect(rule.stages.map((s) => [s.id, s.grade, s.onFail])).toEqual([
      ['tier1', 'consensus', undefined],
      ['tier2', 'qualified-majority', 'refer'],
      ['tier3', 'simple-majority', undefined],
    ]);
  });

  it('the working group has equal seats per constituency', () => {
    const wg = EITI.bodies!.find((b) => b.kind === 'working_group')!;
    const perConstituency = ['government', 'industry', 'civil-society'].map((g) => wg.seats!.filter((id) => EITI.seats!.find((s) => s.id === id)!.group === g).length);
    expect(perConstituency).toEqual([2, 2, 2]);
  });

  it.each([
    ['everyone in favour', [4, 0], [4, 0], [4, 0], 'adopted', 'tier1', 'consensus'],
    ['two-thirds of votes cast with 2 yes everywhere', [3, 1], [2, 2], [3, 1], 'adopted', 'tier2', 'qualified-majority'],
    ['75% in favour but civil society has only 1 yes', [4, 0], [4, 0], [1, 3], 'referred', 'tier2', undefined],
    ['under two-thirds of votes cast', [3, 1], [2, 2], [2, 2], 'referred', 'tier2', undefined],
  ] as const)('%s -> %s at %s', (_what, g, i, c, expected, stage, grade) => {
    const o = run(EITI, 'ordinary', [...group(gov, g[0], g[1]), ...group(ind, i[0], i[1]), ...group(cs, c[0], c[1])]);
    expect(o).toMatchObject({ outcome: expected, stage });
    expect(o.grade).toBe(grade);
  });

  it('tier 2 fails on the constituency with one yes: referred to the working group', () => {
    const o = run(EITI, 'ordinary', [...group(gov, 4, 0), ...group(ind, 4, 0), ...group(cs, 1, 3)]);
    expect(o.outcome).toBe('referred');
    expect(failing(o)).toEqual(['tier 1: consensus', 'tier 2', 'at least 2 yes votes in every constituency: civil society constituency']);
    expect(row(o, 'two-thirds of votes cast').passed).toBe(true);
  });

  it('after the referral the vote starts at tier 3: a simple majority adopts at the low grade', () => {
    const ballots = [...group(gov, 4, 0), ...group(ind, 4, 0), ...group(cs, 1, 3)];
    expect(run(EITI, 'ordinary', ballots, { startAt: 'tier3' })).toMatchObject({ outcome: 'adopted', stage: 'tier3', grade: 'simple-majority' });
    // a tie at tier 3 fails
    expect(run(EITI, 'ordinary', [...group(gov, 4, 0), ...group(ind, 0, 4), ...group(cs, 2, 2)], { startAt: 'tier3' })).toMatchObject({ outcome: 'rejected', stage: 'tier3' });
  });

  it('quorum: half of all members present and at least a third of each constituency', () => {
    // 6 of 12 present, but civil society only 1 of 4 (a third of 4 needs 2)
    const o = run(EITI, 'ordinary', [...group(gov, 3, 0), ...group(ind, 2, 0), ...group(cs, 1, 0)]);
    expect(o.outcome).toBe('no_quorum');
    expect(failing(o)).toEqual(['quorum, civil society constituency: at least 33.3% of all members present']);
    expect(row(o, 'half of all members present').passed).toBe(true);
    // 2 of each constituency = 6 of 12 = exactly half: quorate
    expect(run(EITI, 'ordinary', [...group(gov, 2, 0), ...group(ind, 2, 0), ...group(cs, 2, 0)]).outcome).toBe('adopted');
  });

  it('amendments have no simple-majority fallback', () => {
    expect(run(EITI, 'amendment', [...group(gov, 4, 0), ...group(ind, 4, 0), ...group(cs, 1, 3)])).toMatchObject({ outcome: 'rejected', stage: 'tier2' });
  });

  it('the working group votes on its own roll', () => {
    const wg = EITI.bodies!.find((b) => b.id === 'working-group')!.seats!;
    expect(run(EITI, 'working_group_proposal', cast(wg, 'yes'))).toMatchObject({ outcome: 'adopted', grade: 'consensus' });
    expect(() => run(EITI, 'working_group_proposal', cast(['government-4'], 'yes'))).toThrow(DomainError);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Gavi-style constituency board

describe('gavi-constituency-board', () => {
  const voting = votingIds(GAVI);
  const QUORUM_LABEL = 'at least 14 voting members present';

  it('has the constituency seats, independent members and a non-voting ex officio CEO', () => {
    expect(GAVI.groups!.map((g) => g.id)).toEqual([
      'developing-country-governments',
      'donor-governments',
      'who',
      'unicef',
      'world-bank',
      'gates-foundation',
      'civil-society',
      'vaccine-industry',
      'research-institutes',
      'independent',
    ]);
    expect(voting).toHaveLength(27);
    expect(GAVI.seats!.find((s) => s.id === 'ceo')).toMatchObject({ voting: false, exOfficio: true });
    expect(() => run(GAVI, 'ordinary', cast(['ceo'], 'yes'))).toThrow(DomainError);
  });

  it('fewer voting members present than the fixed quorum: no quorum, even with the CEO present', () => {
    const roll = GAVI.seats!.map((s) => (s.id === 'ceo' ? { ...s, present: true } : s));
    const o = run(GAVI, 'ordinary', cast(voting.slice(0, 13), 'yes'), {}, roll);
    expect(o.outcome).toBe('no_quorum');
    expect(row(o, QUORUM_LABEL).numbers).toEqual({ present: '13/1', required: '14/1' });
    // whether non-voting seats count is a setting: with countNonVoting the CEO makes the 14th
    const counting: Rule = { ...(GAVI.rules!.ordinary as StagedRule), quorum: [{ kind: 'quorum', measure: 'count', count: 14, countNonVoting: true }] };
    expect(decide(GAVI, counting, cast(voting.slice(0, 13), 'yes'), roll).outcome).toBe('adopted');
  });

  it.each([
    ['14 present, all in favour', 14, 0, 'adopted', 'consensus'],
    ['13 yes, 7 no: under two-thirds of votes cast', 13, 7, 'rejected', undefined],
    ['14 yes, 7 no: exactly two-thirds of votes cast', 14, 7, 'adopted', 'vote'],
  ] as const)('%s -> %s', (_what, yes, no, expected, grade) => {
    const o = run(GAVI, 'ordinary', [...cast(voting.slice(0, yes), 'yes'), ...cast(voting.slice(yes, yes + no), 'no')]);
    expect(o.outcome).toBe(expected);
    expect(o.grade).toBe(grade);
  });

  it('amendments need two-thirds of all 27 voting members when consensus fails', () => {
    const ballots = [...cast(voting.slice(0, 17), 'yes'), ...cast(voting.slice(17, 18), 'no')];
    expect(run(GAVI, 'ordinary', ballots)).toMatchObject({ outcome: 'adopted', grade: 'vote' });
    expect(run(GAVI, 'amendment', ballots).outcome).toBe('rejected'); // 17 < 18 of 27
    expect(run(GAVI, 'amendment', [...cast(voting.slice(0, 18), 'yes'), ...cast(voting.slice(18, 19), 'no')])).toMatchObject({ outcome: 'adopted', grade: 'vote' });
  });
});
