import type { Deps, Unit } from '../context';
import { inTransaction } from '../context';
import { DomainError, issue, notFound, type FieldIssue } from '../../domain/kernel/errors';
import { msg, render } from '../../domain/kernel/messages';
import { allowedActions, type Actor } from '../../domain/access/can';
import { checkCharter, errorsOnly, isObject, type Charter, type CharterIssue, type Seat } from '../../domain/governance/charter';
import { TEMPLATES, templateById } from '../../domain/governance/templates';
import * as repo from '../../store/repositories/governance.repository';
import type { Tx } from '../../store/database';
import { loadFor } from '../partnerships/partnerships';

const CHARTER_ACTIONS = ['partnership.charter.manage', 'partnership.decisions.propose'] as const;
const resourceOf = (p: { id: string; visibility: 'public' | 'private' }) => ({ type: 'partnership' as const, id: p.id, visibility: p.visibility });
const actorId = (actor: Actor) => (actor.kind === 'user' ? actor.id : null);

/** A charter document arrives as JSON: anything but an object is refused before the domain sees it. */
export function asCharter(doc: unknown, field = 'charter'): Charter {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new DomainError('validation_failed', msg('decisions.charter.not_an_object'), [issue(field, msg('decisions.charter.expected_object'), 'invalid_type')]);
  return doc as Charter;
}

/** The domain check, made safe for any JSON: a malformed document is reported, never thrown as a 500. */
export function findingsOf(charter: Charter): CharterIssue[] {
  try {
    return checkCharter(charter);
  } catch (err) {
    const m = msg('decisions.charter.unreadable', { reason: (err as Error).message });
    return [{ field: 'charter', message: render(m), code: 'malformed', severity: 'error', msg: m }];
  }
}

export function checkCharterDocument(doc: unknown) {
  const findings = findingsOf(asCharter(doc));
  return { ok: errorsOnly(findings).length === 0, findings };
}

export function listTemplates() {
  return { items: TEMPLATES.map((t) => ({ id: t.id, name: t.name, summary: t.summary, models: [...t.models], charter: t.charter as unknown as Record<string, unknown> })) };
}

/**
 * The live partnership's side of a charter: seats are held by its current member organisations and its
 * people. Template seats without a holder are allowed (nobody votes for them until one is named).
 */
async function checkHolders(db: Tx, partnershipId: string, charter: Charter, at = 'charter'): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  // only well-formed seats: the domain check has already named every malformed one
  const seats = Array.isArray(charter.seats) ? charter.seats.filter((s): s is Seat => isObject(s)) : [];
  const orgIds = await repo.currentMemberOrganisations(db, partnershipId, seats.flatMap((s) => (typeof s.organisation === 'string' ? [s.organisation] : [])));
  const people = await repo.participants(db, partnershipId, seats.flatMap((s) => [s.person, s.alternate].filter((v): v is string => typeof v === 'string')));
  seats.forEach((s, i) => {
    if (s.organisation !== undefined && !orgIds.has(s.organisation))
      issues.push(issue(`${at}.seats[${i}].organisation`, msg('decisions.charter.seat_not_a_member', { seat: String(s.id), organisation: String(s.organisation) }), 'not_a_member'));
    for (const key of ['person', 'alternate'] as const) {
      const v = s[key];
      if (v !== undefined && !people.has(v)) issues.push(issue(`${at}.seats[${i}].${key}`, msg('decisions.charter.seat_not_a_person', { seat: String(s.id), person: String(v) }), 'not_a_person'));
    }
  });
  return issues;
}

/** Refuses a charter with errors, naming each problem by its path under `at`. */
export async function assertAdoptable(db: Tx, partnershipId: string, charter: Charter, at = 'charter'): Promise<CharterIssue[]> {
  const findings = findingsOf(charter);
  const errors: FieldIssue[] = errorsOnly(findings).map((f) => ({ field: f.field.startsWith(at) ? f.field : `${at}.${f.field}`, message: f.message, code: f.code, ...(f.msg ? { msg: f.msg } : {}) }));
  errors.push(...(await checkHolders(db, partnershipId, charter, at)));
  if (errors.length) throw new DomainError('validation_failed', msg('decisions.charter.has_problems'), errors);
  return findings.filter((f) => f.severity === 'warning');
}

function present(actor: Actor, p: { id: string; visibility: 'public' | 'private' }, row: NonNullable<Awaited<ReturnType<typeof repo.currentCharter>>>, adoptedByName: string | null) {
  const charter = JSON.parse(row.document) as Charter;
  return {
    partnershipId: row.partnership_id,
    version: row.version,
    adoptedAt: row.adopted_at,
    adoptedBy: row.adopted_by ? { id: row.adopted_by, name: adoptedByName ?? '' } : null,
    templateId: row.template_id,
    decisionId: row.decision_id,
    note: row.note,
    charter: charter as unknown as Record<string, unknown>,
    findings: findingsOf(charter).filter((f) => f.severity === 'warning'),
    allowedActions: allowedActions(actor, CHARTER_ACTIONS, resourceOf(p)),
  };
}

/** The charter in force (or one version of it). */
export async function getCharter(deps: Deps, anyActor: Actor, partnershipId: string, version?: number) {
  const db = deps.database.db;
  const { p, actor } = await loadFor(db, anyActor, partnershipId, 'partnership.charter.read');
  const row = version === undefined ? await repo.currentCharter(db, partnershipId) : await repo.charterVersion(db, partnershipId, version);
  if (!row) throw notFound(version === undefined ? msg('decisions.charter.current_none_yet') : msg('decisions.charter.version_n', { version }));
  const names = await repo.userNames(db, row.adopted_by ? [row.adopted_by] : []);
  return present(actor, p, row, row.adopted_by ? names.get(row.adopted_by) ?? null : null);
}

export async function listCharterVersions(deps: Deps, anyActor: Actor, partnershipId: string) {
  const db = deps.database.db;
  await loadFor(db, anyActor, partnershipId, 'partnership.charter.read');
  const rows = await repo.charterVersions(db, partnershipId);
  return {
    items: rows.map((r) => ({
      partnershipId,
      version: r.version,
      adoptedAt: r.adopted_at,
      adoptedBy: r.adopted_by ? { id: r.adopted_by, name: r.adopted_by_name ?? '' } : null,
      templateId: r.template_id,
      decisionId: r.decision_id,
      note: r.note,
    })),
  };
}

/** Records a new version of the charter inside a unit of work (first adoption, holder changes, adopted amendments). */
export async function recordCharterVersion(deps: Deps, u: Unit, partnershipId: string, charter: Charter, meta: { actorId: string | null; templateId?: string | null; decisionId?: string | null; note?: string | null }) {
  const current = await repo.currentCharter(u.trx, partnershipId);
  const version = (current?.version ?? 0) + 1;
  const row = {
    id: deps.newId(),
    partnership_id: partnershipId,
    version,
    document: JSON.stringify({ ...charter, version: String(version) }),
    // a version keeps the template it descends from unless it names another
    template_id: meta.templateId === undefined ? (current?.template_id ?? null) : meta.templateId,
    decision_id: meta.decisionId ?? null,
    note: meta.note ?? null,
    adopted_by: meta.actorId,
    adopted_at: u.now,
  };
  await repo.insertCharter(u.trx, row);
  await u.audit({
    partnershipId,
    actorId: meta.actorId,
    action: 'charter.adopted',
    entityType: 'charter',
    entityId: row.id,
    before: current ? { version: current.version } : null,
    after: { version, templateId: row.template_id, decisionId: row.decision_id, note: row.note },
  });
  return row;
}

const unknownTemplate = (templateId: string | undefined) =>
  new DomainError('validation_failed', msg('decisions.charter.no_template', { template: String(templateId) }), [issue('templateId', msg('decisions.charter.unknown_template'), 'unknown_template')]);

/**
 * Adopts the partnership's first charter (conveners). Once a charter is in force it changes only through a
 * decision under its amendment rule (409 amendment_required), or, for who holds a seat, `changeSeatHolder`.
 */
export async function adoptCharter(deps: Deps, anyActor: Actor, partnershipId: string, input: { templateId?: string; charter?: unknown; note?: string }) {
  let charter: Charter;
  if (input.charter !== undefined) charter = asCharter(input.charter);
  else {
    const t = templateById(input.templateId ?? '');
    if (!t) throw unknownTemplate(input.templateId);
    charter = structuredClone(t.charter) as Charter;
  }
  if (input.templateId !== undefined && !templateById(input.templateId))
    throw unknownTemplate(input.templateId);
  return inTransaction(deps, async (u) => {
    const { p, actor } = await loadFor(u, anyActor, partnershipId, 'partnership.charter.manage');
    if (await repo.currentCharter(u.trx, partnershipId))
      throw new DomainError('conflict', msg('decisions.charter.already_adopted'), [issue('charter', msg('decisions.charter.in_force'), 'amendment_required')]);
    await assertAdoptable(u.trx, partnershipId, charter);
    const row = await recordCharterVersion(deps, u, partnershipId, charter, { actorId: actorId(actor), templateId: input.templateId ?? null, note: input.note ?? null });
    const names = await repo.userNames(u.trx, row.adopted_by ? [row.adopted_by] : []);
    return present(actor, p, row, row.adopted_by ? names.get(row.adopted_by) ?? null : null);
  });
}

/**
 * Names who holds a seat (an administrative change, not a change of the rules): a new version of the charter
 * with the same rules, recorded and audited. Conveners only.
 */
export async function changeSeatHolder(deps: Deps, anyActor: Actor, partnershipId: string, seatId: string, input: { organisation?: string | null; person?: string | null; alternate?: string | null }) {
  return inTransaction(deps, async (u) => {
    const { p, actor } = await loadFor(u, anyActor, partnershipId, 'partnership.charter.manage');
    const current = await repo.currentCharter(u.trx, partnershipId);
    if (!current) throw notFound(msg('decisions.charter.current_none_yet'));
    const charter = JSON.parse(current.document) as Charter;
    const seats = charter.seats ?? [];
    const i = seats.findIndex((s) => s.id === seatId);
    if (i < 0) throw notFound(msg('decisions.seat_named', { seat: seatId }));
    const seat = { ...seats[i] };
    for (const key of ['organisation', 'person', 'alternate'] as const) {
      const v = input[key];
      if (v === undefined) continue;
      if (v === null) delete seat[key];
      else seat[key] = v;
    }
    const next: Charter = { ...charter, seats: seats.map((s, j) => (j === i ? seat : s)) };
    await assertAdoptable(u.trx, partnershipId, next);
    const row = await recordCharterVersion(deps, u, partnershipId, next, { actorId: actorId(actor), templateId: current.template_id, note: `Seat "${seatId}": holder changed` });
    const names = await repo.userNames(u.trx, row.adopted_by ? [row.adopted_by] : []);
    return present(actor, p, row, row.adopted_by ? names.get(row.adopted_by) ?? null : null);
  });
}
