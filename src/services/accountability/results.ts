/**
 * The results tree of a partnership (goals -> outcomes -> outputs, optional weights, links of goal nodes to the
 * partnership's goals) and the contribution links from commitments to results. Every change is checked against
 * the whole tree (domain `checkResultsTree`) before it is written; conveners manage, participants read.
 */
import type { Deps } from '../context';
import { inTransaction } from '../context';
import { loadFor } from '../partnerships/partnerships';
import type { Actor } from '../../domain/access/can';
import { DomainError, issue, notFound, type FieldIssue } from '../../domain/kernel/errors';
import { msg } from '../../domain/kernel/messages';
import { checkContributionLinks, contributionsByPartner, type MissingPolicy, type ResultLevel, type ResultNode } from '../../domain/accountability/results';
import * as repo from '../../store/repositories/results.repository';
import type { ResultNodeRow } from '../../store/repositories/results.repository';
import type { Tx } from '../../store/database';
import { actorId, assertTree, capabilities, indicatorProgressSummary, storedWeight, toResultNode } from './indicators';

const dayOf = (now: string) => now.slice(0, 10);

const presentNode = (n: ResultNodeRow) => ({
  id: n.id, partnershipId: n.partnership_id, level: n.level as ResultLevel, parentId: n.parent_id, goalId: n.goal_id, title: n.title,
  description: n.description, weight: n.weight, position: n.position, createdAt: n.created_at, updatedAt: n.updated_at,
});
const auditableNode = (n: ResultNodeRow) => ({ level: n.level, parentId: n.parent_id, goalId: n.goal_id, title: n.title, description: n.description, weight: n.weight });

// ---- reads ----------------------------------------------------------------------------------------

/** The tree with every result's progress rolled up (weighted or averaged) and each indicator's progress. */
export async function getResultsTree(deps: Deps, anyActor: Actor, id: string, q: { missing?: MissingPolicy } = {}) {
  const db = deps.database.db;
  const { p, actor } = await loadFor(db, anyActor, id, 'partnership.results.read');
  const summary = await indicatorProgressSummary(db, id, dayOf(deps.clock()), q.missing ?? 'skip');
  return { ...summary, allowedActions: capabilities(actor, p) };
}

// ---- writes ---------------------------------------------------------------------------------------

const invalidWeight = (field = 'weight'): FieldIssue => issue(field, msg('results.weight_invalid'), 'invalid_weight');

/** The whole tree after replacing (or adding) one node, checked; throws 422 naming the request's fields. */
async function checkWith(db: Tx, partnershipId: string, changed: ResultNodeRow | null, removed?: string, focus?: string) {
  const [nodes, inds] = await Promise.all([repo.listNodes(db, partnershipId), repo.listIndicators(db, partnershipId)]);
  let next: ResultNode[] = nodes.filter((n) => n.id !== removed).map((n) => (changed && n.id === changed.id ? toResultNode(changed) : toResultNode(n)));
  if (changed && !nodes.some((n) => n.id === changed.id)) next = [...next, toResultNode(changed)];
  const titles = new Map([...nodes.map((n) => [n.id, n.title] as const), ...inds.map((i) => [i.id, i.title] as const)]);
  if (changed) titles.set(changed.id, changed.title);
  assertTree(next, inds.map((i) => ({ id: i.id, nodeId: i.node_id, weight: i.weight })), { kind: 'node', id: focus ?? changed?.id }, titles);
}

async function checkGoal(db: Tx, partnershipId: string, level: string, goalId: string | null): Promise<void> {
  if (goalId === null) return;
  if (level !== 'goal') throw new DomainError('validation_failed', msg('results.goal_link.only_goals'), [issue('goalId', msg('results.goal_link.goals_only'), 'invalid_link')]);
  if (!(await repo.goalOf(db, partnershipId, goalId))) throw new DomainError('validation_failed', msg('results.goal_link.no_such_goal'), [issue('goalId', msg('results.goal_link.unknown_goal'), 'unknown_reference')]);
}

export interface CreateResultInput {
  level: ResultLevel;
  parentId?: string | null;
  title: string;
  description?: string | null;
  weight?: string | number | null;
  goalId?: string | null;
}

/** Adds a goal, outcome or output (conveners). */
export async function createResult(deps: Deps, anyActor: Actor, id: string, input: CreateResultInput) {
  return inTransaction(deps, async (u) => {
    const { actor } = await loadFor(u, anyActor, id, 'partnership.results.manage');
    const weight = storedWeight(input.weight);
    if (weight === undefined) throw new DomainError('validation_failed', msg('results.result_invalid'), [invalidWeight()]);
    const n: ResultNodeRow = {
      id: deps.newId(), partnership_id: id, level: input.level, parent_id: input.parentId ?? null, goal_id: input.goalId ?? null, title: input.title.trim(),
      description: input.description?.trim() || null, weight, position: await repo.nextPosition(u.trx, 'result_nodes', id), created_at: u.now, updated_at: u.now,
    };
    await checkWith(u.trx, id, n);
    await checkGoal(u.trx, id, n.level, n.goal_id);
    await repo.insertNode(u.trx, n);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'result.added', entityType: 'result', entityId: n.id, after: auditableNode(n) });
    return presentNode(n);
  });
}

/** Changes a result's title, description, weight, parent or goal link (conveners); the tree must still hold. */
export async function updateResult(deps: Deps, anyActor: Actor, id: string, nodeId: string, patch: Partial<Omit<CreateResultInput, 'level'>>) {
  return inTransaction(deps, async (u) => {
    const { actor } = await loadFor(u, anyActor, id, 'partnership.results.manage');
    const before = await repo.findNode(u.trx, id, nodeId);
    if (!before) throw notFound(msg('results.the_result'));
    const weight = patch.weight === undefined ? before.weight : storedWeight(patch.weight);
    if (weight === undefined) throw new DomainError('validation_failed', msg('results.result_invalid'), [invalidWeight()]);
    const next: ResultNodeRow = {
      ...before,
      parent_id: patch.parentId === undefined ? before.parent_id : patch.parentId,
      goal_id: patch.goalId === undefined ? before.goal_id : patch.goalId,
      title: patch.title === undefined ? before.title : patch.title.trim(),
      description: patch.description === undefined ? before.description : patch.description?.trim() || null,
      weight,
      updated_at: u.now,
    };
    await checkWith(u.trx, id, next);
    if (patch.goalId !== undefined) await checkGoal(u.trx, id, next.level, next.goal_id);
    const { id: _i, partnership_id: _p, created_at: _c, ...rest } = next;
    void _i; void _p; void _c;
    await repo.updateNode(u.trx, nodeId, rest);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'result.updated', entityType: 'result', entityId: nodeId, before: auditableNode(before), after: auditableNode(next) });
    return presentNode(next);
  });
}

/** Removes a result with nothing under it (conveners); its contribution links go with it. */
export async function removeResult(deps: Deps, anyActor: Actor, id: string, nodeId: string) {
  await inTransaction(deps, async (u) => {
    const { actor } = await loadFor(u, anyActor, id, 'partnership.results.manage');
    const before = await repo.findNode(u.trx, id, nodeId);
    if (!before) throw notFound(msg('results.the_result'));
    const kids = await repo.childCounts(u.trx, nodeId);
    if (kids.nodes || kids.indicators) {
      throw new DomainError('conflict', msg('results.remove_children_first'), [
        issue('nodeId', msg('results.children_under', { results: msg('results.n_results', { count: kids.nodes }), indicators: msg('results.n_indicators', { count: kids.indicators }) }), 'has_children'),
      ]);
    }
    await checkWith(u.trx, id, null, nodeId, nodeId);
    const links = await repo.contributionsOfNode(u.trx, nodeId);
    await repo.deleteNode(u.trx, nodeId);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'result.removed', entityType: 'result', entityId: nodeId, before: { ...auditableNode(before), commitmentIds: links.map((l) => l.commitment_id) }, after: null });
  });
}

/**
 * Sets the weights of several results and indicators in one change, so a family can become weighted (or stop
 * being weighted) at once: weights are all-or-none among siblings (conveners).
 */
export async function setWeights(deps: Deps, anyActor: Actor, id: string, input: { weights: { id: string; weight: string | number | null }[] }) {
  return inTransaction(deps, async (u) => {
    const { p, actor } = await loadFor(u, anyActor, id, 'partnership.results.manage');
    const [nodes, inds] = await Promise.all([repo.listNodes(u.trx, id), repo.listIndicators(u.trx, id)]);
    const issues: FieldIssue[] = [];
    const wanted = new Map<string, string | null>();
    const nodeIds = new Set(nodes.map((n) => n.id));
    const indIds = new Set(inds.map((i) => i.id));
    input.weights.forEach((w, i) => {
      const stored = storedWeight(w.weight);
      if (!nodeIds.has(w.id) && !indIds.has(w.id)) issues.push(issue(`weights.${i}.id`, msg('results.no_such_result_or_indicator'), 'unknown_reference'));
      else if (wanted.has(w.id)) issues.push(issue(`weights.${i}.id`, msg('results.listed_twice'), 'duplicate'));
      if (stored === undefined) issues.push(invalidWeight(`weights.${i}.weight`));
      else wanted.set(w.id, stored);
    });
    if (issues.length) throw new DomainError('validation_failed', msg('results.weights_invalid'), issues);
    const weightOf = (x: { id: string; weight: string | null }) => (wanted.has(x.id) ? wanted.get(x.id)! : x.weight);
    assertTree(
      nodes.map((n) => ({ ...toResultNode(n), weight: weightOf(n) })),
      inds.map((i) => ({ id: i.id, nodeId: i.node_id, weight: weightOf(i) })),
      { kind: 'many' },
      new Map([...nodes.map((n) => [n.id, n.title] as const), ...inds.map((i) => [i.id, i.title] as const)]),
    );
    const changes: Record<string, [string | null, string | null]> = {};
    for (const n of nodes) if (wanted.has(n.id) && wanted.get(n.id) !== n.weight) {
      changes[n.id] = [n.weight, wanted.get(n.id)!];
      await repo.updateNode(u.trx, n.id, { weight: wanted.get(n.id)!, updated_at: u.now });
    }
    for (const i of inds) if (wanted.has(i.id) && wanted.get(i.id) !== i.weight) {
      changes[i.id] = [i.weight, wanted.get(i.id)!];
      await repo.updateIndicator(u.trx, i.id, { weight: wanted.get(i.id)!, updated_at: u.now });
    }
    if (Object.keys(changes).length) {
      await u.audit({
        partnershipId: id, actorId: actorId(actor), action: 'result.weights_set', entityType: 'results_framework', entityId: id,
        before: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v[0]])), after: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v[1]])),
      });
    }
    return { ...(await indicatorProgressSummary(u.trx, id, dayOf(u.now))), allowedActions: capabilities(actor, p) };
  });
}

// ---- contributions --------------------------------------------------------------------------------

/** The links, and per partner what its commitments contributed to (directly, or through a result below). */
export async function getContributions(deps: Deps, anyActor: Actor, id: string) {
  const db = deps.database.db;
  await loadFor(db, anyActor, id, 'partnership.results.read');
  const [links, nodes] = await Promise.all([repo.listContributions(db, id), repo.listNodes(db, id)]);
  const commitments = await repo.commitmentsOf(db, id, links.map((l) => l.commitment_id));
  const names = await repo.organisationNames(db, commitments.map((c) => c.partnerId));
  const titles = new Map(nodes.map((n) => [n.id, n.title]));
  const ordered = [...commitments].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byPartner = contributionsByPartner(links.map((l) => ({ commitmentId: l.commitment_id, nodeId: l.node_id })), ordered, nodes.map(toResultNode));
  return {
    links: links.map((l) => ({ nodeId: l.node_id, commitmentId: l.commitment_id, createdAt: l.created_at })),
    byPartner: byPartner.map((p) => ({
      partnerId: p.partnerId, partnerName: names.get(p.partnerId) ?? '',
      results: p.results.map((r) => ({ nodeId: r.nodeId, title: titles.get(r.nodeId) ?? '', level: r.level, direct: r.direct, commitmentIds: r.commitmentIds })),
    })),
  };
}

/** Links a commitment of this partnership to a result it feeds (conveners). */
export async function addContribution(deps: Deps, anyActor: Actor, id: string, input: { nodeId: string; commitmentId: string }) {
  return inTransaction(deps, async (u) => {
    const { actor } = await loadFor(u, anyActor, id, 'partnership.results.manage');
    const [nodes, commitments, existing] = await Promise.all([
      repo.listNodes(u.trx, id), repo.commitmentsOf(u.trx, id, [input.commitmentId]), repo.findContribution(u.trx, id, input.nodeId, input.commitmentId),
    ]);
    const issues = checkContributionLinks([input], new Set(nodes.map((n) => n.id)), new Set(commitments.map((c) => c.id)), 'links').map((i) => ({ ...i, field: i.field.replace(/^links\.0\.?/, '') || 'nodeId' }));
    if (issues.length) throw new DomainError('validation_failed', msg('results.link_invalid'), issues);
    if (existing) throw new DomainError('duplicate', msg('results.already_linked'), [issue('commitmentId', msg('results.already_linked_short'), 'duplicate')]);
    const row = { node_id: input.nodeId, commitment_id: input.commitmentId, partnership_id: id, created_by: actorId(actor), created_at: u.now };
    await repo.insertContribution(u.trx, row);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'result_contribution.added', entityType: 'result_contribution', entityId: `${input.nodeId}:${input.commitmentId}`, after: { nodeId: input.nodeId, commitmentId: input.commitmentId } });
    return { nodeId: row.node_id, commitmentId: row.commitment_id, createdAt: row.created_at };
  });
}

/** Removes a contribution link (conveners). */
export async function removeContribution(deps: Deps, anyActor: Actor, id: string, nodeId: string, commitmentId: string) {
  await inTransaction(deps, async (u) => {
    const { actor } = await loadFor(u, anyActor, id, 'partnership.results.manage');
    if (!(await repo.findContribution(u.trx, id, nodeId, commitmentId))) throw notFound(msg('results.the_contribution_link'));
    await repo.deleteContribution(u.trx, nodeId, commitmentId);
    await u.audit({ partnershipId: id, actorId: actorId(actor), action: 'result_contribution.removed', entityType: 'result_contribution', entityId: `${nodeId}:${commitmentId}`, before: { nodeId, commitmentId }, after: null });
  });
}
