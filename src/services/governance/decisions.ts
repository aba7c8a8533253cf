import { createHmac, randomBytes } from 'node:crypto';
import type { Deps, Unit } from '../context';
import { inTransaction } from '../context';
import { DomainError, forbidden, issue, notFound, type FieldIssue } from '../../domain/kernel/errors';
import { msg, type Msg, type MsgParam } from '../../domain/kernel/messages';
import { allowedActions, can, type Action, type Actor } from '../../domain/access/can';
import type { Charter, Seat } from '../../domain/governance/charter';
import type { Choice, Outcome } from '../../domain/governance/count';
import { decideTallied } from '../../domain/governance/count';
import { namedSeatIds, tallyFromRows, type NamedBallots } from '../../domain/governance/tally';
import { checkPollSpec, countPoll, type PollBallot, type PollSpec } from '../../domain/governance/polls';
import {
  amendmentTypeOf, checkProxies, checkSeconding, checkWindow, choicesOf, resolveDecisionType, rollOf, type ResolvedDecisionType,
} from '../../domain/governance/decision-types';
import * as repo from '../../store/repositories/governance.repository';
import type { DB } from '../../store/schema';
import type { Tx } from '../../store/database';
import { loadFor } from '../partnerships/partnerships';
import { representedOrganisations } from '../../store/repositories/partnerships.repository';
import { decodeCursor, encodeCursor } from '../../store/pagination';
import { assertAdoptable, asCharter, recordCharterVersion } from './charters';

// the search form is the store's (written with the title), not the service's
type DecisionRow = Omit<DB['decisions'], 'search_title'>;
type RollRow = DB['decision_roll'];

const DECISION_ACTIONS = ['partnership.decisions.participate', 'partnership.decisions.manage'] as const;
/** The columns of a decision that voting and closing fill in. */
const NOT_YET_DECIDED = { opened_at: null, closed_at: null, closed_by: null, outcome_kind: null, grade: null, outcome: null, outcome_statement: null, review_on: null } as const;
/** Seats listed in a decision's detail; `rollStats` counts them all. */
const ROLL_SHOWN = 500;
const actorId = (actor: Actor) => (actor.kind === 'user' ? actor.id : null);
const resourceOf = (p: { id: string; visibility: 'public' | 'private' }) => ({ type: 'partnership' as const, id: p.id, visibility: p.visibility });
const invalid = (field: string, m: Msg, code: string) => new DomainError('validation_failed', m, [issue(field, m, code)]);
const conflict = (m: Msg, code: string, field = 'status') => new DomainError('conflict', m, [issue(field, m, code)]);
/** A decision's status inside a sentence ("A closed decision cannot be withdrawn"). */
const statusWord = (status: string) => msg(`decisions.status.${status as 'proposed' | 'open' | 'closed' | 'withdrawn'}`);
/** Who may propose a decision type, as the refusal names them. */
function proposersWord(proposers: readonly string[]): MsgParam {
  const key = proposers.join('_or_');
  if (key === 'convener' || key === 'representative' || key === 'convener_or_representative' || key === 'representative_or_convener') return msg(`decisions.proposers.${key}`);
  return `${proposers.join(' or ')}s${proposers.includes('representative') ? ' holding a seat in the body' : ''}`;
}

// ---- loading ------------------------------------------------------------------------------------------------------

async function charterOf(db: Tx, partnershipId: string, version: number | null): Promise<Charter | null> {
  if (version === null) return null;
  const row = await repo.charterVersion(db, partnershipId, version);
  return row ? (JSON.parse(row.document) as Charter) : null;
}

async function loadDecision(db: Tx | Unit, anyActor: Actor, partnershipId: string, decisionId: string, action: Action) {
  const r = await loadFor(db, anyActor, partnershipId, action);
  const trx = 'trx' in db ? db.trx : db;
  const d = await repo.findDecision(trx, partnershipId, decisionId);
  if (!d) throw notFound(msg('decisions.the_decision'));
  return { ...r, d, trx };
}

/** The key a ballot is stored under: the seat id, or for anonymous decisions an HMAC of it that dies with the key. */
function seatKey(d: DecisionRow, seat: string): string {
  if (!d.anonymous) return seat;
  if (!d.anon_key) throw conflict(msg('decisions.is_closed'), 'closed');
  return createHmac('sha256', d.anon_key).update(seat).digest('hex');
}

/** Who cast a ballot as stored: the person, or for anonymous decisions a keyed hash of them (it dies with the key). */
function casterOf(d: DecisionRow, userId: string): string {
  if (!d.anonymous) return userId;
  if (!d.anon_key) throw conflict(msg('decisions.is_closed'), 'closed');
  return `h:${createHmac('sha256', d.anon_key).update(`caster:${userId}`).digest('hex')}`;
}

type SeatRole = 'holder' | 'representative' | 'alternate' | 'proxy';

/** The seats this person may vote for in this decision, and in which capacity (indexed lookups, never the whole roll). */
async function seatsOf(db: Tx, partnershipId: string, decisionId: string, userId: string): Promise<{ seat: RollRow; as: SeatRole }[]> {
  const organisations = await representedOrganisations(db, partnershipId, userId);
  const { personal, represented, held } = await repo.rollSeatsOf(db, decisionId, { userId, organisations });
  const out = new Map<string, { seat: RollRow; as: SeatRole }>();
  // the strongest capacity wins when one person reaches a seat several ways
  for (const s of held) out.set(s.seat_id, { seat: s, as: 'proxy' });
  for (const s of personal) if (s.alternate_id === userId && s.person_id !== userId) out.set(s.seat_id, { seat: s, as: 'alternate' });
  for (const s of represented) out.set(s.seat_id, { seat: s, as: 'representative' });
  for (const s of personal) if (s.person_id === userId) out.set(s.seat_id, { seat: s, as: 'holder' });
  return [...out.values()].sort((a, b) => (a.seat.seat_id < b.seat.seat_id ? -1 : 1));
}

/** Seats of the charter (not yet on a roll) this person holds: for proposing and seconding. */
async function charterSeatsOf(db: Tx, partnershipId: string, userId: string, seats: Seat[]): Promise<Seat[]> {
  const orgs = new Set(await representedOrganisations(db, partnershipId, userId));
  return seats.filter((s) => s.voting !== false && (s.person === userId || s.alternate === userId || (s.organisation !== undefined && orgs.has(s.organisation))));
}

// ---- counting -----------------------------------------------------------------------------------------------------

/** The roll and the ballots of a decision aggregated by cell in SQL: read once per request, whatever the size. */
interface Aggregate {
  roster: Awaited<ReturnType<typeof repo.rosterCells>>;
  cells: Awaited<ReturnType<typeof repo.ballotCells>>;
}
async function aggregateOf(db: Tx, d: DecisionRow): Promise<Aggregate> {
  const [roster, cells] = await Promise.all([repo.rosterCells(db, d.id), repo.ballotCells(db, d.id)]);
  return { roster, cells };
}
/** Recused seats leave the base: counting sees only the others. */
const countedRoster = (a: Aggregate) => a.roster.filter((r) => !r.recused);

function statsOf(a: Aggregate) {
  return {
    seats: a.roster.reduce((n, r) => n + r.members, 0),
    voting: a.roster.reduce((n, r) => n + (r.voting ? r.members : 0), 0),
    recused: a.roster.reduce((n, r) => n + (r.recused ? r.members : 0), 0),
    tookPart: a.cells.reduce((n, c) => n + c.count, 0),
  };
}

/** Counts a motion from the aggregates, exactly. */
async function countMotion(db: Tx, d: DecisionRow, charter: Charter, agg: Aggregate): Promise<Outcome> {
  const named = await namedBallots(db, d, charter, agg.cells);
  const tally = tallyFromRows(charter, countedRoster(agg), agg.cells, named);
  return decideTallied(charter, d.rule as string, tally, d.start_stage ? { startAt: d.start_stage } : {});
}

/** The individual ballots counting needs by seat: veto seats, and the blocks and objections an explanation names. */
async function namedBallots(db: Tx, d: DecisionRow, charter: Charter, cells: { choice: string; count: number; paramountOpen: number }[]): Promise<NamedBallots> {
  const vetoSeats = namedSeatIds(charter, d.rule ?? undefined);
  const keyed = d.anonymous && !d.anon_key ? [] : vetoSeats.map((seat) => ({ seat, key: seatKey(d, seat) }));
  const [rows, roll] = await Promise.all([repo.ballotsFor(db, d.id, keyed.map((k) => k.key)), Promise.all(vetoSeats.map((v) => repo.rollSeat(db, d.id, v)))]);
  const byKey = new Map(rows.map((r) => [r.seat_key, r]));
  const seats = vetoSeats.map((id, i) => {
    const r = roll[i];
    const key = keyed.find((k) => k.seat === id)?.key;
    const b = key ? byKey.get(key) : undefined;
    return { id, ...(r?.name ? { name: r.name } : {}), onRoll: !!r && r.recused === 0, ...(b ? { choice: b.choice as Choice } : {}) };
  });
  const sum = (f: (c: { choice: string; count: number; paramountOpen: number }) => number) => cells.reduce((n, c) => n + f(c), 0);
  // anonymous decisions name nobody; named ones list up to 20 seats
  const stopping = d.anonymous ? [] : await repo.ballotsWithChoices(db, d.id, ['block', 'objection', 'no'], 20);
  return {
    seats,
    open: {
      ids: stopping.filter((r) => r.choice !== 'objection' || (r.paramount === 1 && r.resolved === 0)).map((r) => r.seat_key),
      total: sum((c) => (c.choice === 'objection' ? c.paramountOpen : c.choice === 'no' || c.choice === 'block' ? c.count : 0)),
    },
    blocks: { ids: stopping.map((r) => r.seat_key), total: sum((c) => (['block', 'no', 'objection'].includes(c.choice) ? c.count : 0)) },
  };
}

async function tallyOf(db: Tx, d: DecisionRow, charter: Charter | null, agg: Aggregate, outcome: Outcome | null) {
  const roster = countedRoster(agg);
  const cells = agg.cells;
  const counts: Record<string, number> = {};
  const groups = new Map<string, { counts: Record<string, number>; members: number }>();
  const top = (g: string | null) => (g ? g.split('/')[0] : '');
  for (const r of roster) {
    if (!r.voting) continue;
    const g = groups.get(top(r.group)) ?? { counts: {}, members: 0 };
    g.members += r.members;
    groups.set(top(r.group), g);
  }
  let voted = 0;
  for (const c of cells) {
    counts[c.choice] = (counts[c.choice] ?? 0) + c.count;
    voted += c.count;
    const g = groups.get(top(c.group)) ?? { counts: {}, members: 0 };
    g.counts[c.choice] = (g.counts[c.choice] ?? 0) + c.count;
    groups.set(top(c.group), g);
  }
  // a closed decision shows its recorded outcome; an open one what the outcome would be now
  const projected = outcome ?? (d.kind === 'motion' && charter && d.rule ? await countMotion(db, d, charter, agg) : null);
  return {
    counts,
    byGroup: [...groups].filter(([g]) => g !== '').map(([group, v]) => ({ group, counts: v.counts, members: v.members })).sort((a, b) => a.group.localeCompare(b.group)),
    voted,
    eligible: roster.filter((r) => r.voting).reduce((n, r) => n + r.members, 0),
    projected,
  };
}

async function countPollOf(db: Tx, d: DecisionRow) {
  const rows = await repo.ballotsOf(db, d.id);
  return countPoll(JSON.parse(d.poll as string) as PollSpec, rows.map((r) => JSON.parse(r.answer ?? 'null'))) as unknown as Record<string, unknown>;
}

// ---- presenting ---------------------------------------------------------------------------------------------------

const summary = (d: Pick<DecisionRow, 'id' | 'number' | 'kind' | 'title' | 'decision_type' | 'status' | 'opens_at' | 'closes_at' | 'closed_at' | 'outcome_kind' | 'grade' | 'review_on'>) => ({
  id: d.id,
  number: d.number,
  kind: d.kind as 'motion' | 'poll',
  title: d.title,
  decisionType: d.decision_type,
  status: d.status as 'proposed' | 'open' | 'closed' | 'withdrawn',
  opensAt: d.opens_at,
  closesAt: d.closes_at,
  outcome: d.outcome_kind,
  grade: d.grade,
  reviewOn: d.review_on,
  closedAt: d.closed_at,
});

function secondingState(charter: Charter | null, d: DecisionRow, seconds: { seat_id: string }[]) {
  if (d.kind !== 'motion' || !charter || !d.decision_type) return { required: 0, satisfied: true, missing: '' };
  const type = resolveDecisionType(charter, d.decision_type);
  if (type.seconders.count === 0) return { required: 0, satisfied: true, missing: '' };
  const seats = new Map((charter.seats ?? []).map((s) => [s.id, s]));
  const seconders = seconds.flatMap((s) => (seats.get(s.seat_id) ? [seats.get(s.seat_id) as Seat] : []));
  const proposer = d.proposer_seat ? seats.get(d.proposer_seat) : undefined;
  if (proposer) {
    const r = checkSeconding(charter, type, proposer, seconders);
    return { required: type.seconders.count, satisfied: r.satisfied, missing: r.missing };
  }
  // a convener proposing without a seat brings no seat of their own: the first seconder moves the motion in their
  // place, so one more seconder is needed and the groups are counted among the seats that support it
  if (seconders.length === 0) return { required: type.seconders.count + 1, satisfied: false, missing: `${type.seconders.count + 1} seconders needed (the proposer holds no seat)` };
  const r = checkSeconding(charter, type, seconders[0], seconders.slice(1));
  return { required: type.seconders.count + 1, satisfied: r.satisfied, missing: r.missing };
}

interface ProxyView {
  seat: string;
  name: string | null;
  holder: { id: string; name: string };
  grantedBy: { id: string; name: string } | null;
  at: string;
  voted: boolean;
  withdrawable: boolean;
  /** In the decision's list (the first ROLL_SHOWN by seat); the reader's own seats are always read. */
  listed: boolean;
}

/**
 * The proxies in force: the first ROLL_SHOWN by seat, and those of the reader's seats; whether the proxy holder has
 * cast the seat's ballot (then it stands and the proxy stays) and whether the reader may withdraw each one now.
 */
async function proxiesInForce(db: Tx, d: DecisionRow, mine: { seat: RollRow; as: SeatRole }[], manage: boolean, now: string): Promise<Map<string, ProxyView>> {
  if (d.kind !== 'motion' || d.status === 'proposed') return new Map();
  const mineIds = mine.map((m) => m.seat.seat_id);
  const [listed, own] = await Promise.all([repo.proxiesOf(db, d.id, { limit: ROLL_SHOWN }), repo.proxiesOf(db, d.id, { seats: mineIds, limit: mineIds.length })]);
  const listedSeats = new Set(listed.map((x) => x.seat_id));
  const rows = [...listed, ...own.filter((x) => !listedSeats.has(x.seat_id))];
  if (rows.length === 0) return new Map();
  // a closed secret ballot no longer knows who cast what: nobody is said to have voted by proxy
  const known = !d.anonymous || !!d.anon_key;
  const ballots = known ? new Map((await repo.ballotsFor(db, d.id, rows.map((x) => seatKey(d, x.seat_id)))).map((b) => [b.seat_key, b])) : new Map<string, { cast_by: string | null }>();
  const held = new Set(mine.filter((m) => m.as !== 'proxy').map((m) => m.seat.seat_id));
  const open = d.status === 'open' && now >= d.opens_at && now < d.closes_at;
  return new Map(
    rows.map((x) => {
      const voted = known && ballots.get(seatKey(d, x.seat_id))?.cast_by === casterOf(d, x.holder_id);
      return [
        x.seat_id,
        {
          seat: x.seat_id,
          name: x.seat_name,
          holder: { id: x.holder_id, name: x.holder_name ?? '' },
          grantedBy: x.granted_by ? { id: x.granted_by, name: x.granted_by_name ?? '' } : null,
          at: x.at,
          voted,
          withdrawable: open && !voted && (manage || held.has(x.seat_id)),
          listed: listedSeats.has(x.seat_id),
        },
      ];
    }),
  );
}

/** A proxy as the contract shows it. */
const shownProxy = ({ listed, ...x }: ProxyView) => (void listed, x);

async function detail(db: Tx, actor: Actor, p: { id: string; visibility: 'public' | 'private' }, d: DecisionRow, now: string, known?: Aggregate) {
  const charter = await charterOf(db, p.id, d.charter_version);
  const [roll, agg, seconds] = await Promise.all([repo.rollPage(db, d.id, ROLL_SHOWN), known ?? aggregateOf(db, d), repo.secondsOf(db, d.id)]);
  const uid = actorId(actor);
  const mine = uid ? await seatsOf(db, p.id, d.id, uid) : [];
  // a non-voting seat (an ex officio chief executive, lenders sitting in) is shown but casts nothing
  const votingSeats = mine.filter((m) => m.seat.voting === 1 && m.seat.recused === 0);
  const myKeys = d.anonymous && !d.anon_key ? [] : mine.map((m) => seatKey(d, m.seat.seat_id));
  const myBallots = new Map((await repo.ballotsFor(db, d.id, myKeys)).map((b) => [b.seat_key, b]));
  const names = await repo.userNames(db, [d.proposer_id, ...seconds.map((s) => s.user_id)].filter((x): x is string => !!x));
  const visible = d.status === 'closed' || (!d.results_hidden && !d.anonymous);
  const closed = d.status === 'closed';
  const seconding = secondingState(charter, d, seconds);
  let pollAnswer: unknown = null;
  if (d.kind === 'poll' && uid && (!d.anonymous || d.anon_key)) {
    const b = (await repo.ballotsFor(db, d.id, [seatKey(d, uid)]))[0];
    pollAnswer = b?.answer ? JSON.parse(b.answer) : null;
  }
  const allowed: string[] = allowedActions(actor, DECISION_ACTIONS, resourceOf(p));
  const manage = allowed.includes('partnership.decisions.manage');
  // who carries a seat's vote and why a seat recused are for those taking part (observers read the decision only)
  const participant = allowed.includes('partnership.decisions.participate');
  const proxies = participant ? await proxiesInForce(db, d, mine, manage, now) : new Map<string, ProxyView>();
  const type = d.kind === 'motion' && charter && d.decision_type ? resolveDecisionType(charter, d.decision_type) : null;
  const actions = [
    ...(d.status === 'open' && votingSeats.length > 0 && now >= d.opens_at && now < d.closes_at ? ['vote'] : []),
    ...(d.kind === 'poll' && d.status === 'open' && allowed.includes('partnership.decisions.participate') && now >= d.opens_at && now < d.closes_at ? ['answer'] : []),
    ...(d.status === 'proposed' && mine.length === 0 && uid && charter ? ((await charterSeatsOf(db, p.id, uid, rollOf(charter, d.body))).some((s) => s.id !== d.proposer_seat && !seconds.some((x) => x.seat_id === s.id)) ? ['second'] : []) : []),
    ...(d.status === 'open' && manage && (now >= d.closes_at || type?.window.closeEarly || d.kind === 'poll') ? ['close'] : []),
    ...((d.status === 'open' || d.status === 'proposed') && (manage || d.proposer_id === uid) ? ['withdraw'] : []),
    ...(closed && manage ? ['record_outcome'] : []),
    ...(closed && manage && d.outcome_kind === 'referred' ? ['revote'] : []),
    ...(d.status === 'open' && votingSeats.some((m) => m.as !== 'proxy') && type?.recusal !== false ? ['recuse'] : []),
    ...(d.status === 'open' && votingSeats.some((m) => m.as !== 'proxy') && charter?.proxies?.allowed ? ['grant_proxy'] : []),
    ...([...proxies.values()].some((x) => x.withdrawable) ? ['withdraw_proxy'] : []),
    ...(allowed.includes('partnership.decisions.participate') && d.status !== 'withdrawn' ? ['comment'] : []),
  ];
  return {
    ...summary(d),
    partnershipId: d.partnership_id,
    text: d.text,
    links: JSON.parse(d.links) as { title: string; url: string }[],
    charterVersion: d.charter_version,
    rule: d.rule,
    body: d.body,
    ballotKind: d.ballot_kind,
    choices: d.ballot_kind ? [...choicesOf(d.ballot_kind as 'yes_no')] : [],
    anonymous: d.anonymous === 1,
    resultsHidden: d.results_hidden === 1,
    proposer: d.proposer_id ? { id: d.proposer_id, name: names.get(d.proposer_id) ?? '' } : null,
    proposerSeat: d.proposer_seat,
    seconds: seconds.map((s) => ({ seat: s.seat_id, by: s.user_id ? { id: s.user_id, name: names.get(s.user_id) ?? '' } : null, at: s.at })),
    seconding,
    poll: d.poll ? JSON.parse(d.poll) : null,
    amendment: d.amendment ? JSON.parse(d.amendment) : null,
    openedAt: d.opened_at,
    result: closed && d.kind === 'motion' && d.outcome ? (JSON.parse(d.outcome) as Outcome) : null,
    pollResult: closed && d.kind === 'poll' && d.outcome ? JSON.parse(d.outcome) : null,
    outcomeStatement: d.outcome_statement,
    parentId: d.parent_id,
    startStage: d.start_stage,
    mySeats: mine.map((m) => {
      const b = d.anonymous && !d.anon_key ? undefined : myBallots.get(seatKey(d, m.seat.seat_id));
      return { seat: m.seat.seat_id, name: m.seat.name, as: m.as, ballot: b ? { choice: b.choice, reason: b.reason, castAt: b.cast_at } : null, proxy: proxies.has(m.seat.seat_id) ? shownProxy(proxies.get(m.seat.seat_id) as ProxyView) : null };
    }),
    myPollAnswer: pollAnswer,
    roll: roll.map((s) => ({
      seat: s.seat_id, name: s.name, group: s.group_path, voting: s.voting === 1, organisationId: s.organisation_id, personId: s.person_id, recused: s.recused === 1,
      recusalReason: participant && s.recused === 1 ? s.recusal_reason : null,
      voted: s.first_at !== null,
    })),
    proxies: [...proxies.values()].filter((x) => x.listed).map(shownProxy),
    rollStats: statsOf(agg),
    tally: visible && d.status !== 'proposed' && d.status !== 'withdrawn' ? await tallyOf(db, d, charter, agg, closed && d.kind === 'motion' && d.outcome ? (JSON.parse(d.outcome) as Outcome) : null) : null,
    allowedActions: [...allowed, ...actions],
    createdAt: d.created_at,
  };
}

// ---- reading ------------------------------------------------------------------------------------------------------

export async function listDecisions(deps: Deps, actor: Actor, partnershipId: string, q: repo.DecisionFilter) {
  const db = deps.database.db;
  await loadFor(db, actor, partnershipId, 'partnership.decisions.read');
  const page = await repo.pageDecisions(db, partnershipId, q);
  return { items: page.items.map(summary), nextCursor: page.nextCursor };
}

export async function getDecision(deps: Deps, anyActor: Actor, partnershipId: string, decisionId: string) {
  const { p, actor, d, trx } = await loadDecision(deps.database.db, anyActor, partnershipId, decisionId, 'partnership.decisions.read');
  return detail(trx, actor, p, d, deps.clock());
}

/** Who voted how (named decisions, once results may be seen) or, for anonymous ones, only who took part; by seat, paginated. */
export async function listBallots(deps: Deps, anyActor: Actor, partnershipId: string, decisionId: string, q: { cursor?: string; limit: number } = { limit: 100 }) {
  const { d, trx } = await loadDecision(deps.database.db, anyActor, partnershipId, decisionId, 'partnership.decisions.read');
  const after = q.cursor ? String(decodeCursor(q.cursor)[0]) : undefined;
  const next = <T>(rows: T[], key: (r: T) => string) => (rows.length > q.limit ? encodeCursor(key(rows[q.limit - 1]), '') : null);
  if (d.anonymous) {
    const took = await repo.participationOf(trx, d.id, { after, limit: q.limit + 1 });
    return {
      anonymous: true,
      nextCursor: next(took, (t) => t.seat_id),
      items: took.slice(0, q.limit).map((t) => ({ seat: t.seat_id, name: t.seat_name ?? null, choice: null, reason: null, castBy: null, byProxy: false, byAlternate: false, castAt: null })),
      history: [],
    };
  }
  if (d.results_hidden && d.status !== 'closed') throw forbidden(msg('decisions.ballots_hidden'));
  const rows = await repo.ballotsOf(trx, d.id, { after, limit: q.limit + 1 });
  const items = rows.slice(0, q.limit);
  const history = await repo.historyOf(trx, d.id, items.map((b) => b.seat_key));
  return {
    anonymous: false,
    nextCursor: next(rows, (b) => b.seat_key),
    items: items.map((b) => ({
      seat: b.seat_key, name: b.seat_name ?? null, choice: b.choice, reason: b.reason, castBy: b.cast_by ? { id: b.cast_by, name: b.cast_by_name ?? '' } : null, byProxy: b.by_proxy === 1,
      // the seat's named alternate cast it (not by proxy: a proxy is marked as such)
      byAlternate: b.by_proxy !== 1 && b.cast_by !== null && b.cast_by === b.alternate_id,
      castAt: b.cast_at,
    })),
    history: history.map((h) => ({ seat: h.seat_id, choice: h.choice, reason: h.reason, castBy: h.cast_by ? { id: h.cast_by, name: h.cast_by_name ?? '' } : null, at: h.at })),
  };
}

// ---- proposing, seconding, opening ----------------------------------------------------------------------------------

export interface ProposeInput {
  kind: 'motion' | 'poll';
  title: string;
  text: string;
  decisionType?: string;
  links: { title: string; url: string }[];
  opensAt?: string;
  closesAt: string;
  seat?: string;
  amendment?: unknown;
  poll?: PollSpec;
}

/** The voting window asked for: it opens now unless said otherwise, and closes after it opens, in the future. */
function windowOf(input: { opensAt?: string; closesAt: string }, now: string): { opensAt: Date; closesAt: Date } {
  const opensAt = input.opensAt ? instant('opensAt', input.opensAt) : new Date(now);
  const closesAt = instant('closesAt', input.closesAt);
  if (closesAt.getTime() <= Math.max(opensAt.getTime(), new Date(now).getTime())) throw invalid('closesAt', msg('decisions.window_invalid'), 'window');
  return { opensAt, closesAt };
}

function instant(field: string, v: string): Date {
  const t = new Date(v);
  if (Number.isNaN(t.getTime())) throw invalid(field, msg('decisions.not_an_instant', { value: v }), 'invalid_instant');
  return t;
}

/** Fixes the roll when voting opens: the body's seats as the charter version of the decision has them. */
async function open(u: Unit, d: DecisionRow, charter: Charter | null): Promise<DecisionRow> {
  if (d.kind === 'motion' && charter) {
    const rows: RollRow[] = rollOf(charter, d.body).map((s) => ({
      decision_id: d.id,
      seat_id: s.id,
      name: s.name ?? null,
      group_path: s.group ?? null,
      weight: s.weight ?? null,
      voting: s.voting === false ? 0 : 1,
      organisation_id: s.organisation ?? null,
      person_id: s.person ?? null,
      alternate_id: s.alternate ?? null,
      present: s.present ? 1 : 0,
      recused: 0,
      recusal_reason: null,
    }));
    await repo.insertRoll(u.trx, rows);
  }
  const next = { ...d, status: 'open', opened_at: u.now, updated_at: u.now };
  await repo.updateDecision(u.trx, d.id, { status: 'open', opened_at: u.now, updated_at: u.now });
  await u.audit({ partnershipId: d.partnership_id, actorId: null, action: 'decision.opened', entityType: 'decision', entityId: d.id, before: { status: d.status }, after: { status: 'open' } });
  return next;
}

export async function propose(deps: Deps, anyActor: Actor, partnershipId: string, input: ProposeInput) {
  return inTransaction(deps, async (u) => {
    const action = input.kind === 'poll' ? 'partnership.decisions.participate' : 'partnership.decisions.propose';
    const { p, actor } = await loadFor(u, anyActor, partnershipId, action);
    const uid = actorId(actor) as string;
    const { opensAt, closesAt } = windowOf(input, u.now);
    const row: DecisionRow = {
      id: deps.newId(),
      partnership_id: partnershipId,
      number: await repo.nextDecisionNumber(u.trx, partnershipId),
      kind: input.kind,
      title: input.title,
      text: input.text,
      links: JSON.stringify(input.links),
      decision_type: null,
      charter_version: null,
      rule: null,
      body: null,
      ballot_kind: null,
      poll: null,
      amendment: null,
      start_stage: null,
      parent_id: null,
      anonymous: 0,
      results_hidden: 0,
      anon_key: null,
      status: 'proposed',
      proposer_id: uid,
      proposer_seat: null,
      opens_at: opensAt.toISOString(),
      closes_at: closesAt.toISOString(),
      ...NOT_YET_DECIDED,
      created_at: u.now,
      updated_at: u.now,
    };
    let charter: Charter | null = null;
    let type: ResolvedDecisionType | null = null;
    if (input.kind === 'poll') {
      if (!input.poll) throw invalid('poll', msg('decisions.poll_needs_options'), 'required');
      const pollIssues = checkPollSpec(input.poll);
      if (pollIssues.length) throw new DomainError('validation_failed', pollIssues[0].msg ?? pollIssues[0].message, pollIssues.map((i) => ({ ...i, field: i.field ? `poll.${i.field}` : 'poll' })));
      row.poll = JSON.stringify(input.poll);
    } else {
      if (!input.decisionType) throw invalid('decisionType', msg('decisions.motion_needs_type'), 'required');
      const current = await repo.currentCharter(u.trx, partnershipId);
      if (!current) throw conflict(msg('decisions.no_charter'), 'no_charter', 'decisionType');
      charter = JSON.parse(current.document) as Charter;
      try {
        type = resolveDecisionType(charter, input.decisionType);
      } catch (err) {
        if (err instanceof DomainError) throw new DomainError('validation_failed', msg('decisions.no_such_type', { type: input.decisionType }), [issue('decisionType', msg('decisions.unknown_type', { type: input.decisionType }), 'unknown_decision_type')]);
        throw err;
      }
      const roles = actor.kind === 'user' ? actor.partnershipRoles.get(partnershipId) ?? [] : [];
      const mySeats = await charterSeatsOf(u.trx, partnershipId, uid, rollOf(charter, type.body));
      const asConvener = roles.includes('convener') && type.proposers.includes('convener');
      const asRep = mySeats.length > 0 && type.proposers.includes('representative');
      if (!asConvener && !asRep && !(actor.kind === 'user' && actor.isAdmin))
        throw forbidden(msg('decisions.proposed_by', { type: type.id, who: proposersWord(type.proposers) }));
      let seat: Seat | undefined;
      if (input.seat !== undefined) {
        seat = mySeats.find((s) => s.id === input.seat);
        if (!seat) throw invalid('seat', msg('decisions.not_your_seat_in_body', { seat: input.seat }), 'not_your_seat');
      } else seat = mySeats[0];
      const windowIssues = checkWindow(charter, type, opensAt, closesAt);
      if (windowIssues.length) throw new DomainError('validation_failed', windowIssues[0].msg ?? windowIssues[0].message, windowIssues);
      if (type.id === amendmentTypeOf(charter)) {
        if (input.amendment === undefined) throw invalid('amendment', msg('decisions.amendment_required'), 'required');
        await assertAdoptable(u.trx, partnershipId, asCharter(input.amendment, 'amendment'), 'amendment');
        row.amendment = JSON.stringify(input.amendment);
      } else if (input.amendment !== undefined) throw invalid('amendment', msg('decisions.not_an_amendment', { type: amendmentTypeOf(charter) ?? 'amendment' }), 'not_an_amendment');
      Object.assign(row, {
        decision_type: type.id,
        charter_version: current.version,
        rule: type.rule,
        body: type.body,
        ballot_kind: type.ballot,
        anonymous: type.anonymous ? 1 : 0,
        results_hidden: type.resultsHidden || type.anonymous ? 1 : 0,
        proposer_seat: seat?.id ?? null,
      });
    }
    if (row.anonymous) row.anon_key = randomBytes(32).toString('hex');
    await repo.insertDecision(u.trx, row);
    await u.audit({ partnershipId, actorId: uid, action: 'decision.proposed', entityType: 'decision', entityId: row.id, after: { number: row.number, kind: row.kind, title: row.title, decisionType: row.decision_type, opensAt: row.opens_at, closesAt: row.closes_at, charterVersion: row.charter_version } });
    let d = row;
    if (secondingState(charter, d, []).satisfied) d = await open(u, d, charter);
    return detail(u.trx, actor, p, d, u.now);
  });
}

export async function second(deps: Deps, anyActor: Actor, partnershipId: string, decisionId: string, input: { seat?: string }) {
  return inTransaction(deps, async (u) => {
    const { p, actor, d } = await loadDecision(u, anyActor, partnershipId, decisionId, 'partnership.decisions.participate');
    if (d.status !== 'proposed') throw conflict(msg('decisions.not_proposed'), 'not_proposed');
    const charter = (await charterOf(u.trx, partnershipId, d.charter_version)) as Charter;
    const seconds = await repo.secondsOf(u.trx, d.id);
    const mine = (await charterSeatsOf(u.trx, partnershipId, actorId(actor) as string, rollOf(charter, d.body))).filter((s) => s.id !== d.proposer_seat && !seconds.some((x) => x.seat_id === s.id));
    if (d.proposer_id === actorId(actor)) throw forbidden(msg('decisions.proposer_cannot_second'));
    const seat = input.seat === undefined ? mine[0] : mine.find((s) => s.id === input.seat);
    if (!seat) throw input.seat === undefined ? forbidden(msg('decisions.seconding_needs_seat')) : invalid('seat', msg('decisions.cannot_second_from', { seat: input.seat }), 'not_your_seat');
    await repo.insertSecond(u.trx, { decision_id: d.id, seat_id: seat.id, user_id: actorId(actor), at: u.now });
    await u.audit({ partnershipId, actorId: actorId(actor), action: 'decision.seconded', entityType: 'decision', entityId: d.id, after: { seat: seat.id } });
    let next: DecisionRow = d;
    if (secondingState(charter, d, [...seconds, { seat_id: seat.id }]).satisfied) next = await open(u, d, charter);
    return detail(u.trx, actor, p, next, u.now);
  });
}

export async function withdraw(deps: Deps, anyActor: Actor, partnershipId: string, decisionId: string, input: { reason: string }) {
  return inTransaction(deps, async (u) => {
    const { p, actor, d } = await loadDecision(u, anyActor, partnershipId, decisionId, 'partnership.decisions.participate');
    const manage = can(actor, 'partnership.decisions.manage', resourceOf(p));
    if (!manage && d.proposer_id !== actorId(actor)) throw forbidden(msg('decisions.withdraw_forbidden'));
    if (d.status !== 'proposed' && d.status !== 'open') throw conflict(msg('decisions.cannot_be_withdrawn', { status: statusWord(d.status) }), 'illegal_status');
    const patch = { status: 'withdrawn', closed_at: u.now, closed_by: actorId(actor), outcome_statement: input.reason, anon_key: null, updated_at: u.now };
    await repo.updateDecision(u.trx, d.id, patch);
    await u.audit({ partnershipId, actorId: actorId(actor), action: 'decision.withdrawn', entityType: 'decision', entityId: d.id, before: { status: d.status }, after: { status: 'withdrawn', reason: input.reason } });
    return detail(u.trx, actor, p, { ...d, ...patch }, u.now);
  });
}

// ---- voting -------------------------------------------------------------------------------------------------------

function assertVoting(d: DecisionRow, now: string): void {
  if (d.status === 'proposed') throw conflict(msg('decisions.awaits_seconders'), 'not_open');
  if (d.status !== 'open') throw conflict(msg('decisions.no_more_ballots', { status: statusWord(d.status) }), 'closed');
  if (now < d.opens_at) throw conflict(msg('decisions.voting_opens_at', { at: d.opens_at }), 'not_open');
  if (now >= d.closes_at) throw conflict(msg('decisions.voting_closed_at', { at: d.closes_at }), 'closed');
}

export async function castBallot(deps: Deps, anyActor: Actor, partnershipId: string, decisionId: string, seatId: string, input: { choice?: string; reason?: string; paramount?: boolean; resolved?: boolean; answer?: PollBallot }) {
  return inTransaction(deps, async (u) => {
    const { p, actor, d } = await loadDecision(u, anyActor, partnershipId, decisionId, 'partnership.decisions.participate');
    const uid = actorId(actor) as string;
    assertVoting(d, u.now);
    if (d.kind === 'poll') {
      if (seatId !== uid && seatId !== 'me') throw invalid('seatId', msg('decisions.poll_answer_self'), 'not_your_seat');
      if (input.answer === undefined) throw invalid('answer', msg('decisions.poll_answer_required'), 'required');
      try {
        countPoll(JSON.parse(d.poll as string) as PollSpec, [input.answer as PollBallot]);
      } catch (err) {
        if (err instanceof DomainError) throw new DomainError('validation_failed', err.msg ?? err.message, err.issues.map((i) => ({ ...i, field: i.field.replace(/^ballots\[0\]\.?/, 'answer.').replace(/\.$/, '') })));
        throw err;
      }
      const key = seatKey(d, uid);
      await repo.upsertBallot(u.trx, { decision_id: d.id, seat_key: key, group_path: null, weight: null, choice: 'answer', reason: null, paramount: 0, resolved: 0, answer: JSON.stringify(input.answer), cast_by: d.anonymous ? null : uid, by_proxy: 0, cast_at: d.anonymous ? d.opens_at : u.now });
      await repo.markParticipation(u.trx, d.id, uid, u.now);
      await u.audit({ partnershipId, actorId: uid, action: 'poll.answered', entityType: 'decision', entityId: d.id, after: d.anonymous ? { tookPart: true } : { answer: input.answer } });
      return { seat: uid, choice: 'answer', castAt: u.now, byProxy: false };
    }
    const mine = await seatsOf(u.trx, partnershipId, d.id, uid);
    const entry = mine.find((m) => m.seat.seat_id === seatId);
    const onRoll = entry?.seat ?? (await repo.rollSeat(u.trx, d.id, seatId));
    if (!onRoll) throw invalid('seatId', msg('decisions.seat_not_on_roll', { seat: seatId }), 'unknown_seat');
    if (!entry && !(actor.kind === 'user' && actor.isAdmin && false)) throw forbidden(msg('decisions.may_not_vote_for_seat', { seat: seatId }));
    if (onRoll.voting !== 1) throw invalid('seatId', msg('decisions.seat_non_voting', { seat: seatId }), 'not_voting');
    if (onRoll.recused === 1) throw conflict(msg('decisions.seat_recused', { seat: seatId }), 'recused', 'seatId');
    const choices = choicesOf(d.ballot_kind as 'yes_no') as readonly string[];
    if (input.choice === undefined || !choices.includes(input.choice)) throw invalid('choice', msg('decisions.choose_one_of', { choices: choices.join(', ') }), 'invalid_choice');
    if ((input.choice === 'block' || input.choice === 'objection') && !input.reason) throw invalid('reason', msg(input.choice === 'block' ? 'decisions.block_needs_reason' : 'decisions.objection_needs_reason'), 'reason_required');
    const byProxy = entry!.as === 'proxy' ? 1 : 0;
    // a proxy withdrawn by a transaction that committed meanwhile carries no vote (see withdrawProxy)
    if (byProxy && !(await repo.holdProxy(u.trx, d.id, seatId, uid))) throw forbidden(msg('decisions.proxy_withdrawn', { seat: seatId }));
    const key = seatKey(d, seatId);
    // one seat, one ballot: whoever cast it may change it; another person (the alternate after the representative,
    // a proxy holder after the holder) may not replace it. Anonymous ballots keep only a keyed hash of the caster.
    const caster = casterOf(d, uid);
    const existing = await repo.findBallot(u.trx, d.id, key);
    if (existing && existing.cast_by !== null && existing.cast_by !== caster)
      throw conflict(msg('decisions.already_voted_by_other', { seat: seatId }), 'already_voted', 'seatId');
    await repo.upsertBallot(u.trx, {
      decision_id: d.id,
      seat_key: key,
      group_path: onRoll.group_path,
      weight: onRoll.weight,
      choice: input.choice,
      reason: input.reason ?? null,
      paramount: input.choice === 'objection' ? (input.paramount === false ? 0 : 1) : 0,
      resolved: input.resolved ? 1 : 0,
      answer: null,
      cast_by: caster,
      by_proxy: d.anonymous ? 0 : byProxy,
      cast_at: d.anonymous ? d.opens_at : u.now,
    });
    await repo.markParticipation(u.trx, d.id, seatId, u.now);
    if (!d.anonymous) await repo.insertBallotHistory(u.trx, { id: deps.newId(), decision_id: d.id, seat_id: seatId, choice: input.choice, reason: input.reason ?? null, answer: null, cast_by: uid, by_proxy: byProxy, at: u.now });
    // while results are hidden the audit log (read by members) says who took part, not how
    const secret = d.anonymous || d.results_hidden;
    await u.audit({ partnershipId, actorId: uid, action: 'ballot.cast', entityType: 'decision', entityId: d.id, after: secret ? { seat: seatId, tookPart: true } : { seat: seatId, choice: input.choice, byProxy: byProxy === 1 } });
    void p;
    return { seat: seatId, choice: input.choice, castAt: u.now, byProxy: byProxy === 1 };
  });
}

export async function recuse(deps: Deps, anyActor: Actor, partnershipId: string, decisionId: string, input: { seat: string; reason: string }) {
  return inTransaction(deps, async (u) => {
    const { p, actor, d } = await loadDecision(u, anyActor, partnershipId, decisionId, 'partnership.decisions.participate');
    assertVoting(d, u.now);
    const charter = (await charterOf(u.trx, partnershipId, d.charter_version)) as Charter;
    if (d.decision_type && resolveDecisionType(charter, d.decision_type).recusal === false) throw conflict(msg('decisions.recusal_not_allowed'), 'recusal_not_allowed', 'seat');
    const mine = (await seatsOf(u.trx, partnershipId, d.id, actorId(actor) as string)).find((m) => m.seat.seat_id === input.seat && m.as !== 'proxy');
    if (!mine) throw forbidden(msg('decisions.only_holder_recuses', { seat: input.seat }));
    if (mine.seat.recused === 1) throw conflict(msg('decisions.already_recused', { seat: input.seat }), 'duplicate', 'seat');
    await repo.setRecused(u.trx, d.id, input.seat, input.reason);
    await repo.deleteBallot(u.trx, d.id, seatKey(d, input.seat));
    await u.audit({ partnershipId, actorId: actorId(actor), action: 'decision.recused', entityType: 'decision', entityId: d.id, after: { seat: input.seat, reason: input.reason } });
    return detail(u.trx, actor, p, d, u.now);
  });
}

export async function grantProxy(deps: Deps, anyActor: Actor, partnershipId: string, decisionId: string, input: { seat: string; holderId: string }) {
  return inTransaction(deps, async (u) => {
    const { p, actor, d } = await loadDecision(u, anyActor, partnershipId, decisionId, 'partnership.decisions.participate');
    assertVoting(d, u.now);
    const charter = (await charterOf(u.trx, partnershipId, d.charter_version)) as Charter;
    const mine = (await seatsOf(u.trx, partnershipId, d.id, actorId(actor) as string)).find((m) => m.seat.seat_id === input.seat && m.as !== 'proxy');
    if (!mine) throw forbidden(msg('decisions.only_holder_grants_proxy', { seat: input.seat }));
    if (input.holderId === actorId(actor)) throw invalid('holderId', msg('decisions.proxy_to_self'), 'self');
    if (!(await repo.voters(u.trx, partnershipId, [input.holderId])).has(input.holderId))
      throw invalid('holderId', msg('decisions.proxy_holder_not_voter'), 'not_a_voter');
    const asSeat = (r: { seat_id: string; group_path: string | null; voting: number }): Seat => ({ id: r.seat_id, ...(r.group_path ? { group: r.group_path } : {}), ...(r.voting ? {} : { voting: false }) });
    const carried = (await repo.proxiesHeldBy(u.trx, d.id, input.holderId)).filter((x) => x.seat_id !== input.seat).map(asSeat);
    const issues = checkProxies(charter, [...carried, asSeat(mine.seat)]);
    if (issues.length) throw new DomainError('validation_failed', issues[0].msg ?? issues[0].message, issues.map((i) => ({ ...i, field: i.field === '' ? 'holderId' : i.field })));
    await repo.upsertProxy(u.trx, { decision_id: d.id, seat_id: input.seat, holder_id: input.holderId, granted_by: actorId(actor), at: u.now });
    await u.audit({ partnershipId, actorId: actorId(actor), action: 'decision.proxy_granted', entityType: 'decision', entityId: d.id, after: { seat: input.seat, holder: input.holderId } });
    return detail(u.trx, actor, p, d, u.now);
  });
}

/**
 * Withdraws a proxy (the seat's holder, its organisation's representative or alternate, or a convener) while voting is
 * open. Once the proxy holder has cast the seat's ballot, that ballot stands like any other (one seat, one ballot:
 * whoever cast it may change it, nobody else replaces it), so the proxy can no longer be withdrawn (409 proxy_used).
 */
export async function withdrawProxy(deps: Deps, anyActor: Actor, partnershipId: string, decisionId: string, seatId: string) {
  return inTransaction(deps, async (u) => {
    const { p, actor, d } = await loadDecision(u, anyActor, partnershipId, decisionId, 'partnership.decisions.participate');
    const uid = actorId(actor) as string;
    const manage = can(actor, 'partnership.decisions.manage', resourceOf(p));
    if (!manage && !(await seatsOf(u.trx, partnershipId, d.id, uid)).some((m) => m.seat.seat_id === seatId && m.as !== 'proxy'))
      throw forbidden(msg('decisions.only_holder_withdraws_proxy', { seat: seatId }));
    assertVoting(d, u.now);
    const proxy = await repo.proxyOf(u.trx, d.id, seatId);
    if (!proxy) throw notFound(msg('decisions.proxy_for_seat', { seat: seatId }));
    // deleting first holds the row: a proxy ballot being cast meanwhile either commits before (and is seen below) or
    // finds the proxy gone (castBallot holds the same row)
    await repo.deleteProxy(u.trx, d.id, seatId);
    const ballot = await repo.findBallot(u.trx, d.id, seatKey(d, seatId));
    if (ballot && ballot.cast_by === casterOf(d, proxy.holder_id)) {
      const name = (await repo.userNames(u.trx, [proxy.holder_id])).get(proxy.holder_id) ?? msg('decisions.the_proxy_holder');
      throw conflict(msg('decisions.proxy_used', { name, seat: seatId }), 'proxy_used', 'seat');
    }
    await u.audit({ partnershipId, actorId: uid, action: 'decision.proxy_withdrawn', entityType: 'decision', entityId: d.id, before: { seat: seatId, holder: proxy.holder_id }, after: { seat: seatId, holder: null } });
    return detail(u.trx, actor, p, d, u.now);
  });
}

// ---- closing ------------------------------------------------------------------------------------------------------

/** Counts and records the outcome in this unit of work; adopts a charter amendment that passed. */
async function closeIn(deps: Deps, u: Unit, d: DecisionRow, by: string | null): Promise<{ closed: DecisionRow; agg: Aggregate }> {
  let outcome: string;
  let kind: string | null = null;
  let grade: string | null = null;
  const charter = await charterOf(u.trx, d.partnership_id, d.charter_version);
  const agg = await aggregateOf(u.trx, d);
  if (d.kind === 'poll') outcome = JSON.stringify(await countPollOf(u.trx, d));
  else {
    const o = await countMotion(u.trx, d, charter as Charter, agg);
    outcome = JSON.stringify(o);
    kind = o.outcome;
    grade = o.grade ?? null;
  }
  const patch = { status: 'closed', closed_at: u.now, closed_by: by, outcome, outcome_kind: kind, grade, anon_key: null, updated_at: u.now };
  await repo.updateDecision(u.trx, d.id, patch);
  if (d.anonymous) await repo.shuffleAnonymousBallots(u.trx, d.id);
  await u.audit({ partnershipId: d.partnership_id, actorId: by, action: 'decision.closed', entityType: 'decision', entityId: d.id, before: { status: d.status }, after: { status: 'closed', outcome: kind, grade } });
  if (kind === 'adopted' && charter && d.amendment && d.decision_type === amendmentTypeOf(charter)) {
    await recordCharterVersion(deps, u, d.partnership_id, JSON.parse(d.amendment) as Charter, { actorId: by, decisionId: d.id, note: `Amendment adopted by decision #${d.number}: ${d.title}` });
  }
  return { closed: { ...d, ...patch }, agg };
}

export async function closeDecision(deps: Deps, anyActor: Actor, partnershipId: string, decisionId: string) {
  return inTransaction(deps, async (u) => {
    const { p, actor, d } = await loadDecision(u, anyActor, partnershipId, decisionId, 'partnership.decisions.manage');
    if (d.status !== 'open') throw conflict(msg('decisions.cannot_be_closed', { status: statusWord(d.status) }), 'illegal_status');
    if (u.now < d.closes_at && d.kind === 'motion') {
      const charter = (await charterOf(u.trx, partnershipId, d.charter_version)) as Charter;
      if (!resolveDecisionType(charter, d.decision_type as string).window.closeEarly)
        throw conflict(msg('decisions.no_early_close', { type: String(d.decision_type), at: d.closes_at }), 'window_open');
    }
    const { closed, agg } = await closeIn(deps, u, d, actorId(actor));
    return detail(u.trx, actor, p, closed, u.now, agg);
  });
}

/** The closing job: closes every open decision whose window has ended (each in its own transaction). */
export async function closeDueDecisions(deps: Deps, limit = 50): Promise<number> {
  const due = await repo.dueDecisions(deps.database.db, deps.clock(), limit);
  let n = 0;
  for (const x of due) {
    // one decision that cannot be counted must not keep the others open: it is logged and retried next time
    try {
      const done = await inTransaction(deps, async (u) => {
        await u.lock('partnerships', x.partnership_id);
        const d = await repo.findDecision(u.trx, x.partnership_id, x.id);
        if (!d || d.status !== 'open' || d.closes_at > u.now) return false; // another node closed it
        await closeIn(deps, u, d, null);
        return true;
      });
      if (done) n++;
    } catch (err) {
      deps.log.warn({ err, decisionId: x.id }, 'a decision whose window ended could not be closed');
    }
  }
  return n;
}

/**
 * After a staged procedure referred a matter (e.g. to a working group), a convener puts it to the vote again:
 * a new decision, linked to the first, that starts at the stage after the referral, under the charter in force,
 * decided by the decision type's body or the one named (the working group).
 */
export async function revote(deps: Deps, anyActor: Actor, partnershipId: string, decisionId: string, input: { closesAt: string; opensAt?: string; body?: string }) {
  return inTransaction(deps, async (u) => {
    const { p, actor, d } = await loadDecision(u, anyActor, partnershipId, decisionId, 'partnership.decisions.manage');
    if (d.status !== 'closed' || d.outcome_kind !== 'referred') throw conflict(msg('decisions.not_referred'), 'not_referred');
    const current = await repo.currentCharter(u.trx, partnershipId);
    const charter = JSON.parse((current as NonNullable<typeof current>).document) as Charter;
    const rule = charter.rules?.[d.rule ?? ''];
    const referredAt = (JSON.parse(d.outcome as string) as Outcome).stage;
    const stages = rule?.kind === 'staged' ? rule.stages : [];
    const at = stages.findIndex((x) => x.id === referredAt);
    if (at < 0 || at === stages.length - 1) throw conflict(msg('decisions.no_next_stage'), 'no_next_stage');
    if (input.body !== undefined && !(charter.bodies ?? []).some((b) => b.id === input.body)) throw invalid('body', msg('decisions.no_such_body', { body: input.body }), 'unknown_body');
    const { opensAt, closesAt } = windowOf(input, u.now);
    const row: DecisionRow = {
      ...d,
      id: deps.newId(),
      number: await repo.nextDecisionNumber(u.trx, partnershipId),
      charter_version: (current as NonNullable<typeof current>).version,
      body: input.body ?? d.body,
      start_stage: stages[at + 1].id,
      parent_id: d.id,
      anon_key: d.anonymous ? randomBytes(32).toString('hex') : null,
      status: 'proposed',
      proposer_id: actorId(actor),
      proposer_seat: null,
      opens_at: opensAt.toISOString(),
      closes_at: closesAt.toISOString(),
      ...NOT_YET_DECIDED,
      created_at: u.now,
      updated_at: u.now,
    };
    await repo.insertDecision(u.trx, row);
    await u.audit({ partnershipId, actorId: actorId(actor), action: 'decision.revote', entityType: 'decision', entityId: row.id, after: { parent: d.id, startStage: row.start_stage, body: row.body, closesAt: row.closes_at } });
    // the matter was seconded when it was first put: it opens at once
    const opened = await open(u, row, charter);
    return detail(u.trx, actor, p, opened, u.now);
  });
}

export async function recordOutcome(deps: Deps, anyActor: Actor, partnershipId: string, decisionId: string, input: { outcomeStatement?: string | null; reviewOn?: string | null }) {
  return inTransaction(deps, async (u) => {
    const { p, actor, d } = await loadDecision(u, anyActor, partnershipId, decisionId, 'partnership.decisions.manage');
    if (d.status !== 'closed') throw conflict(msg('decisions.not_closed'), 'not_closed');
    const patch: Partial<DecisionRow> = { updated_at: u.now };
    if (input.outcomeStatement !== undefined) patch.outcome_statement = input.outcomeStatement;
    if (input.reviewOn !== undefined) patch.review_on = input.reviewOn;
    await repo.updateDecision(u.trx, d.id, patch);
    await u.audit({ partnershipId, actorId: actorId(actor), action: 'decision.outcome_recorded', entityType: 'decision', entityId: d.id, before: { outcomeStatement: d.outcome_statement, reviewOn: d.review_on }, after: { outcomeStatement: patch.outcome_statement ?? d.outcome_statement, reviewOn: patch.review_on ?? d.review_on } });
    return detail(u.trx, actor, p, { ...d, ...patch }, u.now);
  });
}

// ---- deliberation -------------------------------------------------------------------------------------------------

export async function listComments(deps: Deps, anyActor: Actor, partnershipId: string, decisionId: string, q: { cursor?: string; limit: number }) {
  const { d, trx } = await loadDecision(deps.database.db, anyActor, partnershipId, decisionId, 'partnership.decisions.read');
  const page = await repo.pageComments(trx, d.id, q);
  return { items: page.items.map((c) => ({ id: c.id, author: c.author_id ? { id: c.author_id, name: c.author_name ?? '' } : null, body: c.body, createdAt: c.created_at })), nextCursor: page.nextCursor };
}

export async function addComment(deps: Deps, anyActor: Actor, partnershipId: string, decisionId: string, input: { body: string }) {
  return inTransaction(deps, async (u) => {
    const { actor, d } = await loadDecision(u, anyActor, partnershipId, decisionId, 'partnership.decisions.participate');
    if (d.status === 'withdrawn') throw conflict(msg('decisions.withdrawn_no_comments'), 'withdrawn');
    const row = { id: deps.newId(), decision_id: d.id, author_id: actorId(actor), body: input.body, created_at: u.now };
    await repo.insertComment(u.trx, row);
    await u.audit({ partnershipId, actorId: actorId(actor), action: 'decision.commented', entityType: 'decision', entityId: d.id, after: { comment: row.id } });
    const names = await repo.userNames(u.trx, row.author_id ? [row.author_id] : []);
    return { id: row.id, author: row.author_id ? { id: row.author_id, name: names.get(row.author_id) ?? '' } : null, body: row.body, createdAt: row.created_at };
  });
}

export type { FieldIssue };
