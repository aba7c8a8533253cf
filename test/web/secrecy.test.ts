/**
 * A secret ballot's results by group show a seat's choice when its group has a single voter: the page warns about
 * every such group, from the charter (the top-level groups the tally shows, and the groups the decision type's rule
 * names), counting the voting seats of the deciding body, recused seats left out.
 */
import { describe, expect, it } from 'vitest';
import type { Charter } from '../../src/domain/governance/charter';
import { loneSeatGroups } from '../../web/features/governance/secrecy';

const charter = (): Charter => ({
  groups: [
    { id: 'public', groups: [{ id: 'city' }, { id: 'region' }] },
    { id: 'private' },
    { id: 'civil' },
  ],
  seats: [
    { id: 'mayor', group: 'public/city' },
    { id: 'governor', group: 'public/region' },
    { id: 'clerk', group: 'public/region', voting: false },
    { id: 'operator', group: 'private' },
    { id: 'trust', group: 'civil' },
    { id: 'residents', group: 'civil' },
  ],
  bodies: [
    { id: 'assembly', kind: 'assembly' },
    { id: 'board', kind: 'board', seats: ['mayor', 'operator', 'trust', 'residents'] },
  ],
  rules: {
    ordinary: { pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast' } },
    cities: { quorum: [{ kind: 'quorum', group: 'public/city' }], pass: { kind: 'all', of: [{ kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast', eachGroup: ['public/region'] }, { kind: 'veto', group: 'civil' }] } },
  },
  decisionTypes: {
    secret: { rule: 'ordinary', anonymous: true },
    cities: { rule: 'cities', anonymous: true },
    board: { rule: 'ordinary', body: 'board', anonymous: true },
    amendment: { rule: 'ordinary' },
  },
  amendment: 'amendment',
});

describe('groups whose results by group would show one seat’s choice', () => {
  it('names each top-level group with exactly one voting seat in the body', () => {
    expect(loneSeatGroups(charter(), 'secret')).toEqual([{ group: 'private' }]);
  });

  it('adds the groups the rule names (scopes, each-group lists, group vetoes, quorums); a non-voting seat does not count', () => {
    expect(loneSeatGroups(charter(), 'cities').map((g) => g.group).sort()).toEqual(['private', 'public/city', 'public/region']);
  });

  it('counts the seats of the deciding body only', () => {
    expect(loneSeatGroups(charter(), 'board').map((g) => g.group).sort()).toEqual(['private', 'public']);
  });

  it('leaves out recused seats: a group can come down to one voter on a decision', () => {
    expect(loneSeatGroups(charter(), 'secret', new Set(['trust'])).map((g) => g.group).sort()).toEqual(['civil', 'private']);
  });

  it('says nothing for an unknown decision type, or a group with no voting seat left', () => {
    expect(loneSeatGroups(charter(), 'nope')).toEqual([]);
    expect(loneSeatGroups(charter(), 'secret', new Set(['operator']))).toEqual([]);
  });
});
