/**
 * The results framework of a partnership (issue 4, section 5): a tree of goals -> outcomes -> outputs, each
 * measured by indicators, progress rolled up the tree (weighted or averaged), and the contribution links that
 * say which commitments feed which results. Pure. See docs/domain/results.md.
 */
import { issue, type FieldIssue } from '../kernel/errors';
import { msg, type Msg } from '../kernel/messages';
import { addF, divF, frac, mulF, type Fraction } from '../kernel/fraction';
import { cappedPercent, clampF, parseWeight } from './results-exact';

export const RESULT_LEVELS = ['goal', 'outcome', 'output'] as const;
export type ResultLevel = (typeof RESULT_LEVELS)[number];

/** The level a node's parent must have (null: the node is at the top). */
export const PARENT_LEVEL: Readonly<Record<ResultLevel, ResultLevel | null>> = { goal: null, outcome: 'goal', output: 'outcome' };

export interface ResultNode {
  id: string;
  level: ResultLevel;
  parentId: string | null;
  title: string;
  /** Its weight among its siblings; exact ("1/3", "0.25", 2). Give every sibling a weight or none. */
  weight?: string | number | null;
}

/** Where an indicator hangs in the tree, and its weight among the other children of that node. */
export interface IndicatorPlacement {
  id: string;
  nodeId: string;
  weight?: string | number | null;
}

/** A level with its indefinite article ("an outcome"), worded in the reader's language. */
const A_LEVEL: Readonly<Record<string, Msg | undefined>> = { goal: msg('results.level.a.goal'), outcome: msg('results.level.a.outcome'), output: msg('results.level.a.output') };

const hasWeight = (w: string | number | null | undefined): boolean => w !== undefined && w !== null && w !== '';

/**
 * Every problem of a results tree: ids unique (nodes and indicators share one id space in the tree), each
 * node under a parent of the level above (goals at the top), titles, weights exact and positive, and among
 * the children of one node (and among the goals) either every child weighted or none.
 */
export function checkResultsTree(nodes: readonly ResultNode[], indicators: readonly IndicatorPlacement[] = []): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const byId = new Map<string, ResultNode>();
  const ids = new Set<string>();
  nodes.forEach((n, i) => {
    if (typeof n.id !== 'string' || !n.id) issues.push(issue(`nodes.${i}.id`, msg('results.tree.id_required'), 'required'));
    else if (ids.has(n.id)) issues.push(issue(`nodes.${i}.id`, msg('results.tree.id_twice', { id: n.id }), 'duplicate'));
    else byId.set(n.id, n);
    ids.add(n.id);
  });
  nodes.forEach((n, i) => {
    const p = `nodes.${i}`;
    if (!RESULT_LEVELS.includes(n.level)) return void issues.push(issue(`${p}.level`, msg('results.choose_one_of', { options: RESULT_LEVELS.join(', ') }), 'unknown_code'));
    if (typeof n.title !== 'string' || !n.title.trim()) issues.push(issue(`${p}.title`, msg('results.tree.title_required'), 'required'));
    const want = PARENT_LEVEL[n.level];
    if (want === null) {
      if (n.parentId != null) issues.push(issue(`${p}.parentId`, msg('results.tree.goal_at_top'), 'invalid_parent'));
    } else {
      const parent = n.parentId == null ? undefined : byId.get(n.parentId);
      const belongs = want === 'goal' ? msg('results.tree.outcome_belongs_to_goal') : msg('results.tree.output_belongs_to_outcome');
      if (!parent) issues.push(issue(`${p}.parentId`, belongs, n.parentId == null ? 'required' : 'unknown_reference'));
      else if (parent.level !== want) issues.push(issue(`${p}.parentId`, msg('results.tree.wrong_parent', { belongs, actual: A_LEVEL[parent.level] ?? `an ${parent.level}` }), 'invalid_parent'));
    }
    if (hasWeight(n.weight) && !positiveWeight(n.weight)) issues.push(issue(`${p}.weight`, msg('results.weight_invalid'), 'invalid_weight'));
  });
  const seenIndicators = new Set<string>();
  indicators.forEach((ind, i) => {
    const p = `indicators.${i}`;
    if (ids.has(ind.id) || seenIndicators.has(ind.id)) issues.push(issue(`${p}.id`, msg('results.tree.id_twice', { id: ind.id }), 'duplicate'));
    seenIndicators.add(ind.id);
    if (!byId.has(ind.nodeId)) issues.push(issue(`${p}.nodeId`, msg('results.no_such_result'), 'unknown_reference'));
    if (hasWeight(ind.weight) && !positiveWeight(ind.weight)) issues.push(issue(`${p}.weight`, msg('results.weight_invalid'), 'invalid_weight'));
  });
  for (const [parent, kids] of childrenOf(nodes, indicators)) {
    const weighted = kids.filter((k) => hasWeight(k.weight));
    if (weighted.length > 0 && weighted.length < kids.length) {
      for (const k of kids.filter((x) => !hasWeight(x.weight))) {
        issues.push(issue(k.path, parent === null ? msg('results.tree.goal_weight_missing') : msg('results.tree.sibling_weight_missing'), 'missing_weight'));
      }
    }
  }
  return issues;
}

function positiveWeight(w: unknown): Fraction | null {
  const f = parseWeight(w);
  return f && f.num > 0n ? f : null;
}

interface Child {
  id: string;
  kind: 'node' | 'indicator';
  weight?: string | number | null;
  path: string;
}

/** The children of every node (and of the top, key null), nodes before indicators, each in the order given. */
function childrenOf(nodes: readonly ResultNode[], indicators: readonly IndicatorPlacement[]): Map<string | null, Child[]> {
  const out = new Map<string | null, Child[]>();
  const add = (parent: string | null, c: Child) => out.set(parent, [...(out.get(parent) ?? []), c]);
  const ids = new Set(nodes.map((n) => n.id));
  nodes.forEach((n, i) => add(n.level === 'goal' || n.parentId == null || !ids.has(n.parentId) ? null : n.parentId, { id: n.id, kind: 'node', weight: n.weight, path: `nodes.${i}.weight` }));
  indicators.forEach((ind, i) => add(ind.nodeId, { id: ind.id, kind: 'indicator', weight: ind.weight, path: `indicators.${i}.weight` }));
  return out;
}

// ---- roll-up ------------------------------------------------------------------------------------------------------

/**
 * What a missing value does to a roll-up: `skip` leaves a child without data out and spreads its weight over
 * the others (the progress of what is known); `zero` counts it as no progress at all (the cautious view).
 */
export type MissingPolicy = 'skip' | 'zero';

export interface NodeProgress {
  /** Exact, between 0 and 1 (each child's progress is capped to 0-1 before rolling up). Null when no child has data. */
  progress: Fraction | null;
  /** Display percent, rounded down (100 only when everything below is complete). */
  percent: number | null;
  /** `weighted` when the children carry weights, `average` when they do not. */
  method: 'weighted' | 'average';
  /** The share of the children's weight that had data (1 when nothing was missing). */
  coverage: Fraction;
  /** Children (node or indicator ids) without data. */
  missing: string[];
}

export interface RollUp {
  nodes: Map<string, NodeProgress>;
  /** The whole framework: the goals rolled up the same way. */
  overall: NodeProgress;
}

const ZERO = frac(0);
const ONE = frac(1);

/**
 * Rolls indicator progress up the tree. `indicatorProgress` gives each indicator's exact progress (as
 * `indicatorProgress(...).progress`), null or absent when it has none. Each child's progress is capped to 0-1;
 * a node's progress is the weighted mean of its children's, sum(w * p) / sum(w), where the weights are the
 * children's own when they carry them and all equal (a plain average) when they do not. Missing children follow
 * `missing` (see MissingPolicy). Throws nothing: an invalid weight counts as missing weight (check the tree first).
 */
export function rollUp(
  nodes: readonly ResultNode[],
  indicators: readonly IndicatorPlacement[],
  indicatorProgress: ReadonlyMap<string, Fraction | null>,
  missing: MissingPolicy = 'skip',
): RollUp {
  const children = childrenOf(nodes, indicators);
  const memo = new Map<string, NodeProgress>();
  const visiting = new Set<string>();

  const combine = (kids: readonly Child[]): NodeProgress => {
    const weighted = kids.length > 0 && kids.every((k) => positiveWeight(k.weight));
    let total = ZERO;
    let covered = ZERO;
    let sum = ZERO;
    const absent: string[] = [];
    for (const k of kids) {
      const w = weighted ? positiveWeight(k.weight)! : ONE;
      total = addF(total, w);
      const p = k.kind === 'indicator' ? (indicatorProgress.get(k.id) ?? null) : nodeProgress(k.id).progress;
      if (p === null) {
        absent.push(k.id);
        continue;
      }
      covered = addF(covered, w);
      sum = addF(sum, mulF(w, clampF(p, ZERO, ONE)));
    }
    const coverage = total.num === 0n ? ZERO : divF(covered, total);
    const denominator = missing === 'zero' ? total : covered;
    const progress = covered.num === 0n || denominator.num === 0n ? null : divF(sum, denominator);
    return { progress, percent: progress ? cappedPercent(progress) : null, method: weighted ? 'weighted' : 'average', coverage, missing: absent };
  };

  const nodeProgress = (id: string): NodeProgress => {
    const known = memo.get(id);
    if (known) return known;
    if (visiting.has(id)) return { progress: null, percent: null, method: 'average', coverage: ZERO, missing: [] };
    visiting.add(id);
    const result = combine(children.get(id) ?? []);
    visiting.delete(id);
    memo.set(id, result);
    return result;
  };

  for (const n of nodes) nodeProgress(n.id);
  return { nodes: memo, overall: combine(children.get(null) ?? []) };
}

// ---- contributions --------------------------------------------------------------------------------------------------

/** A commitment (pledge) feeding a result. */
export interface ContributionLink {
  commitmentId: string;
  nodeId: string;
}

/** Every problem of the contribution links: known results, known commitments (when given), no link twice. */
export function checkContributionLinks(links: readonly ContributionLink[], nodeIds: ReadonlySet<string>, commitmentIds?: ReadonlySet<string>, at = 'links'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  links.forEach((l, i) => {
    const p = `${at}.${i}`;
    if (!nodeIds.has(l.nodeId)) issues.push(issue(`${p}.nodeId`, msg('results.no_such_result'), 'unknown_reference'));
    if (commitmentIds && !commitmentIds.has(l.commitmentId)) issues.push(issue(`${p}.commitmentId`, msg('results.no_such_commitment'), 'unknown_reference'));
    const key = `${l.commitmentId}\u0000${l.nodeId}`;
    if (seen.has(key)) issues.push(issue(p, msg('results.already_linked'), 'duplicate'));
    seen.add(key);
  });
  return issues;
}

export interface ContributedResult {
  nodeId: string;
  level: ResultLevel;
  /** True when one of the partner's commitments is linked to this result itself; false when it feeds a result below it. */
  direct: boolean;
  /** The partner's commitments that feed it, directly or through a result below. */
  commitmentIds: string[];
}

export interface PartnerContribution {
  partnerId: string;
  results: ContributedResult[];
}

/**
 * What each partner contributed to: for every partner with a linked commitment, the results its commitments
 * feed, and every result above them (an output feeds its outcome, which feeds its goal). Results are listed in
 * the tree's order, partners in the order of their first commitment. Links to unknown results or commitments are
 * ignored (check them first).
 */
export function contributionsByPartner(
  links: readonly ContributionLink[],
  commitments: readonly { id: string; partnerId: string }[],
  nodes: readonly ResultNode[],
): PartnerContribution[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const partnerOf = new Map(commitments.map((c) => [c.id, c.partnerId]));
  const partners = new Map<string, Map<string, { direct: boolean; commitments: Set<string> }>>();
  for (const c of commitments) if (!partners.has(c.partnerId)) partners.set(c.partnerId, new Map());
  for (const l of links) {
    const partnerId = partnerOf.get(l.commitmentId);
    if (partnerId === undefined || !byId.has(l.nodeId)) continue;
    const results = partners.get(partnerId)!;
    let node = byId.get(l.nodeId);
    let direct = true;
    const seen = new Set<string>();
    while (node && !seen.has(node.id)) {
      seen.add(node.id);
      const entry = results.get(node.id) ?? { direct: false, commitments: new Set<string>() };
      entry.direct ||= direct;
      entry.commitments.add(l.commitmentId);
      results.set(node.id, entry);
      direct = false;
      node = node.parentId == null ? undefined : byId.get(node.parentId);
    }
  }
  const commitmentOrder = new Map(commitments.map((c, i) => [c.id, i]));
  return [...partners]
    .filter(([, results]) => results.size > 0)
    .map(([partnerId, results]) => ({
      partnerId,
      results: [...results]
        .sort(([a], [b]) => order.get(a)! - order.get(b)!)
        .map(([nodeId, e]) => ({
          nodeId,
          level: byId.get(nodeId)!.level,
          direct: e.direct,
          commitmentIds: [...e.commitments].sort((a, b) => commitmentOrder.get(a)! - commitmentOrder.get(b)!),
        })),
    }));
}

/** The commitments feeding each result, directly or through a result below it: the other view of the same links. */
export function commitmentsByResult(links: readonly ContributionLink[], nodes: readonly ResultNode[]): Map<string, string[]> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, string[]>();
  for (const l of links) {
    let node = byId.get(l.nodeId);
    const seen = new Set<string>();
    while (node && !seen.has(node.id)) {
      seen.add(node.id);
      const list = out.get(node.id) ?? [];
      if (!list.includes(l.commitmentId)) list.push(l.commitmentId);
      out.set(node.id, list);
      node = node.parentId == null ? undefined : byId.get(node.parentId);
    }
  }
  return out;
}
