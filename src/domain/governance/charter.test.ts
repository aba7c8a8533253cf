import { describe, it, expect } from 'vitest';
import { checkCharter, indexGroups, parseRatio, requirementOf, type Charter } from './charter';

const fields = (c: Charter, severity: 'error' | 'warning' = 'error') =>
  checkCharter(c).filter((i) => i.severity === severity).map((i) => `${i.field} ${i.code}`);

const FSC_GROUPS: Charter['groups'] = ['environmental', 'social', 'economic'].map((c) => ({
  id: c,
  share: '1/3',
  groups: ['north', 'south'].map((s) => ({ id: s, share: '1/2', groups: [{ id: 'org', share: '9/10' }, { id: 'ind', share: '1/10' }] })),
}));

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
  it('the FSC structure with a full rule is clean', () => {
    const c: Charter = {
      groups: FSC_GROUPS,
      seats: [{ id: 'a', group: 'economic/north/org' }, { id: 'e', group: 'environmental/south/org' }, { id: 's', group: 'social/north/ind' }],
      rules: {
        ordinary: {
          quorum: [{ kind: 'quorum', measure: 'weight', eachGroup: 'top' }],
          pass: { kind: 'all', of: [{ kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast', eachGroup: 'top' }, { kind: 'veto', seat: 'a' }] },
        },
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
      'groups[1].id duplicate',
      'groups[2].groups shares_without_parent',
    ]);
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
      'seats[4].id duplicate',
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
      'rules.staged.stages empty',
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
      'rules.ordinary.quorum[0].base never_fails',
      'rules.ordinary.quorum[1].count never_fails',
      'rules.ordinary.pass.of[0].count never_passes',
      'rules.ordinary.pass.of[1].require never_passes',
      'rules.ordinary.pass.of[2].seat never_passes',
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
    const warnings = checkCharter(charter).filter((i) => i.code === 'never_passes');
    expect(warnings.map((w) => w.field)).toEqual(expect.arrayContaining(['rules.ordinary.quorum[0]', 'rules.ordinary.pass']));
    expect(warnings.every((w) => w.severity === 'warning' && /"b"/.test(w.message))).toBe(true);
  });
});
