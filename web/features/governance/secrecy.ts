/**
 * What a secret ballot's results can give away. The outcome explanation (per group) and the "Ballots by group" chart
 * are how the outcome is verified, so they stay; but where a group has a single voting seat, its line shows that
 * seat's choice. These helpers find such groups so the page can say so before anyone votes.
 */
import { inGroup, type Charter, type Condition, type QuorumCondition, type Rule } from '../../../src/domain/governance/charter';
import { decisionTypesOf, rollOf } from '../../../src/domain/governance/decision-types';

/** Every group a condition speaks of by itself (a scope, each group of a scope, a group veto), as paths. */
function groupsOfCondition(c: Condition | QuorumCondition | undefined, charter: Charter, out: Set<string>): void {
  if (!c || typeof c !== 'object') return;
  if (c.kind === 'all' || c.kind === 'any') {
    for (const x of Array.isArray(c.of) ? c.of : []) groupsOfCondition(x, charter, out);
    return;
  }
  if ('group' in c && typeof c.group === 'string') out.add(c.group);
  if ('eachGroup' in c) {
    if (c.eachGroup === 'top') for (const g of charter.groups ?? []) out.add(g.id);
    else if (Array.isArray(c.eachGroup)) for (const g of c.eachGroup) if (typeof g === 'string') out.add(g);
  }
}

function groupsOfRule(rule: Rule | undefined, charter: Charter): Set<string> {
  const out = new Set<string>();
  if (!rule || typeof rule !== 'object') return out;
  for (const q of Array.isArray(rule.quorum) ? rule.quorum : []) groupsOfCondition(q, charter, out);
  if (rule.kind === 'staged') for (const s of Array.isArray(rule.stages) ? rule.stages : []) groupsOfCondition(s?.pass, charter, out);
  else groupsOfCondition((rule as { pass?: Condition }).pass, charter, out);
  return out;
}

export interface LoneSeatGroup {
  /** The group's path in the charter. */
  group: string;
}

/**
 * The groups whose per-group results would show one seat's choice in a decision of this type: the top-level groups
 * (the tally is shown by top-level group) and every group the type's rule names, that have exactly one voting seat in
 * the deciding body (seats in `leftOut`, e.g. recused ones, do not vote). Empty when the type is unknown.
 */
export function loneSeatGroups(charter: Charter, decisionType: string, leftOut: ReadonlySet<string> = new Set()): LoneSeatGroup[] {
  const type = decisionTypesOf(charter)[decisionType];
  if (!type) return [];
  let seats;
  try {
    seats = rollOf(charter, type.body);
  } catch {
    return [];
  }
  const voting = seats.filter((s) => s.voting !== false && !leftOut.has(s.id));
  const groups = new Set<string>((charter.groups ?? []).map((g) => g.id));
  for (const g of groupsOfRule(charter.rules?.[type.rule], charter)) groups.add(g);
  return [...groups].filter((g) => voting.filter((s) => inGroup(s.group, g)).length === 1).map((group) => ({ group }));
}
