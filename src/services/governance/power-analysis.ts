/**
 * The voting power of a charter's rule, as the API, the CLI and the web app show it (docs/domain/charter.md,
 * "Voting power"): the domain's `analysePower` with a request's budget and a PRNG seeded from the charter, presented
 * per seat (exact fractions as text, display decimals, the nominal share the charter gives) and summed per top-level
 * group (the chambers people compare).
 *
 * Synchronous and free of I/O: the server runs it in a worker thread (charter-power.ts) so that time and memory stay
 * bounded whatever the charter; the CLI runs it in-process with a larger budget.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/audit/chain';
import { checkCharter, errorsOnly, indexGroups, type Charter, type Seat } from '../../domain/governance/charter';
import { decisionTypesOf } from '../../domain/governance/decision-types';
import { analysePower, powerGame, seatWeights, wins, type GameFormula, type PowerValue } from '../../domain/governance/power';
import { addF, divF, frac, fractionToString, type Fraction } from '../../domain/kernel/fraction';
import { DomainError, issue, type FieldIssue } from '../../domain/kernel/errors';
import { isMsg, msg, type Msg, type MsgParam } from '../../domain/kernel/messages';

export type PowerMethod = 'auto' | 'exact' | 'estimate';
export interface PowerRequest {
  /** A decision type (its rule and body) or a rule name; default the first decision type. */
  rule?: string;
  stage?: string;
  method?: PowerMethod;
}

/** How much work one analysis may do. */
export interface PowerLimits {
  /** Budget of exact counting per index (the domain's elementary steps). */
  maxWork: number;
  /** Budget of Monte Carlo work: samples x voting seats x (clauses + 2). */
  sampleBudget: number;
  /** Samples per estimated index at most. */
  maxSamples: number;
}

/** A request's budget: exact counting gives up after about a second per index, sampling after about a second. */
export const REQUEST_LIMITS: PowerLimits = { maxWork: 20_000_000, sampleBudget: 60_000_000, maxSamples: 20_000 };
/** Offline (the CLI, on the user's own machine): the domain's default budget of exact counting. */
export const OFFLINE_LIMITS: PowerLimits = { maxWork: 50_000_000, sampleBudget: 600_000_000, maxSamples: 20_000 };
/** Fewer samples than this would give margins too wide to be useful: the game is refused instead. */
export const MIN_SAMPLES = 1_000;

export interface Figure {
  fraction: string;
  value: number;
  display: string;
  halfWidth: number | null;
}
export interface CharterPowerResult {
  decisionType: string | null;
  rule: string;
  stage: string | null;
  body: string | null;
  method: 'exact' | 'estimate';
  margin: { level: number; samples: number; estimated: ('banzhaf' | 'shapleyShubik')[]; maxHalfWidth: number; seed: string } | null;
  seats: {
    seat: string;
    name: string | null;
    group: string | null;
    topGroup: string | null;
    nominalShare: Figure | null;
    banzhaf: Figure;
    shapleyShubik: Figure;
    dummy: boolean;
    veto: boolean;
  }[];
  groups: { group: string | null; name: string | null; seats: number; nominalShare: Figure | null; banzhaf: Figure; shapleyShubik: Figure; blocVeto: boolean }[];
  dictator: string | null;
  vetoPlayers: string[];
  dummies: string[];
  notes: string[];
}

const has = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);
const invalid = (title: Msg, issues: FieldIssue[]): never => {
  throw new DomainError('validation_failed', title, issues);
};
/** The charter cannot be read (a runtime error's own text says why). */
const unreadable = (err: unknown): never =>
  invalid(msg('governance.power_analysis.unreadable'), [issue('charter', msg('governance.power_analysis.unreadable_because', { reason: String((err as Error).message) }), 'malformed')]);

// ---- figures --------------------------------------------------------------------------------------------------

const fractionText = (f: Fraction): string => (f.den === 1n ? `${f.num}` : `${f.num}/${f.den}`);
/** A number for charts, safe for the huge numerators and denominators of exact counts. */
const toNumber = (f: Fraction): number => Number((f.num * 10n ** 15n) / f.den) / 1e15;
/** Decimals that show at least 4 significant digits of a value in [0, 1] (4 at the least, 12 at the most), as the domain does. */
function decimals(f: Fraction): number {
  const v = toNumber(f);
  if (f.num === 0n) return 4;
  return v <= 0 ? 12 : Math.min(12, Math.max(4, Math.floor(-Math.log10(v)) + 4));
}
function figure(f: Fraction, halfWidth?: number): Figure {
  const d = decimals(f);
  return {
    fraction: fractionText(f),
    value: toNumber(f),
    display: halfWidth === undefined ? fractionToString(f, d) : `${fractionToString(f, d)} ± ${halfWidth.toFixed(d)}`,
    halfWidth: halfWidth ?? null,
  };
}
const fromValue = (v: PowerValue): { f: Fraction; halfWidth?: number } => ({ f: frac(v.num, v.den), ...(v.halfWidth !== undefined ? { halfWidth: v.halfWidth } : {}) });

// ---- the PRNG -------------------------------------------------------------------------------------------------

/** sfc32 over four 32-bit words: small, fast and good enough for sampling; seeded, so answers repeat. */
export function seededRandom(seedHex: string): () => number {
  const w = [0, 8, 16, 24].map((i) => parseInt(seedHex.slice(i, i + 8), 16) >>> 0);
  let [a, b, c, d] = w;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next(); // mix the seed
  return next;
}

// ---- the rule ------------------------------------------------------------------------------------------------

/** Which rule (and body) a request names: a decision type first, else a rule. */
function resolveRule(charter: Charter, name: string | undefined): { decisionType: string | null; rule: string; body?: string } {
  let types: ReturnType<typeof decisionTypesOf>;
  try {
    types = decisionTypesOf(charter);
  } catch (err) {
    return unreadable(err);
  }
  const rules = charter.rules ?? {};
  const typeIds = Object.keys(types);
  const ruleIds = Object.keys(rules);
  if (name === undefined) {
    if (typeIds.length) name = typeIds[0];
    else if (ruleIds.length) name = ruleIds[0];
    else return invalid(msg('governance.power_analysis.no_rule_to_analyse'), [issue('rule', msg('governance.power_analysis.no_rule'), 'required')]);
  }
  if (has(types, name)) {
    const t = types[name];
    return { decisionType: name, rule: t.rule, ...(t.body !== null ? { body: t.body } : {}) };
  }
  if (has(rules, name)) return { decisionType: null, rule: name };
  return invalid(msg('governance.power_analysis.no_such_rule', { name }), [
    issue(
      'rule',
      msg('governance.power_analysis.unknown_rule', {
        name,
        types: typeIds.length ? typeIds.join(', ') : msg('governance.power_analysis.no_types'),
        rules: ruleIds.length ? ruleIds.join(', ') : msg('governance.power_analysis.no_rules'),
      }),
      'unknown_rule',
    ),
  ]);
}

const REQUEST_FIELDS = new Set(['rule', 'stage', 'method']);

/**
 * A domain message in the request's terms: no advice about parameters the caller cannot pass (a PRNG, maxWork), and
 * the work budget of a request rather than the domain's count of steps.
 */
function msgInRequestTerms(m: Msg): Msg {
  if (m.key === 'governance.power.why.work_budget') return msg('governance.power_analysis.request_budget');
  const params = m.params ? Object.fromEntries(Object.entries(m.params).map(([k, v]): [string, MsgParam] => [k, isMsg(v) ? msgInRequestTerms(v) : v])) : undefined;
  if (m.key === 'governance.power.too_large_advice') return msg('governance.power_analysis.reasons', { reasons: (params as Record<string, MsgParam>).reasons });
  return params ? msg(m.key, params) : m;
}

/** The domain's refusals in the request's terms: fields the caller sent, and no advice about parameters it cannot pass. */
function inRequestTerms(err: unknown, method: PowerMethod): never {
  if (!(err instanceof DomainError)) throw err;
  const issues = err.issues.map((i): FieldIssue => {
    const field = REQUEST_FIELDS.has(i.field) || i.field.startsWith('charter') ? i.field : 'rule';
    const askAuto = i.code === 'too_large' && method === 'exact';
    if (i.msg) {
      const m = msgInRequestTerms(i.msg);
      return issue(field, askAuto ? msg('governance.power_analysis.ask_auto', { message: m }) : m, i.code);
    }
    let message = i.message.replace(/\s*Pass a seeded PRNG \(random\)[^.]*\.?/, '').replace(/exact counting needs more than [0-9.e+]+ steps/, 'exact counting exceeds the work budget of one request');
    if (askAuto) message += ' Ask for method "auto" to have it estimated.';
    return { field, message, ...(i.code ? { code: i.code } : {}) };
  });
  throw new DomainError(err.code, err.msg ?? err.message, issues, err.detail);
}

function countClauses(f: GameFormula): number {
  return f.kind === 'quota' ? 1 : f.kind === 'const' ? 0 : f.of.reduce((n, x) => n + countClauses(x), 0);
}

/**
 * The voting power of every voting seat under one rule of a charter, within `limits`. Throws
 * DomainError('validation_failed') naming the field: the charter's errors (under `charter.`), an unknown rule or
 * stage, a rule nobody can influence, a game too large for the budget.
 */
export function computeCharterPower(charter: Charter, request: PowerRequest = {}, limits: PowerLimits = REQUEST_LIMITS): CharterPowerResult {
  const method: PowerMethod = request.method ?? 'auto';
  let findings;
  try {
    findings = checkCharter(charter);
  } catch (err) {
    return unreadable(err);
  }
  const errors = errorsOnly(findings);
  if (errors.length)
    invalid(
      msg('governance.power.charter_has_errors'),
      errors.map((e) => ({ field: e.field.startsWith('charter') ? e.field : `charter.${e.field}`, message: e.message, code: e.code, ...(e.msg ? { msg: e.msg } : {}) })),
    );
  const { decisionType, rule, body } = resolveRule(charter, request.rule);
  const options = { ...(request.stage !== undefined ? { stage: request.stage } : {}), ...(body !== undefined ? { body } : {}) };

  try {
    const built = powerGame(charter, rule, options);
    const n = built.game.players.length;
    const clauses = Math.max(1, countClauses(built.game.formula));
    const seed = createHash('sha256').update(canonicalJson({ charter, rule, stage: built.stage ?? null, body: built.body })).digest('hex').slice(0, 32);
    const samples = Math.min(limits.maxSamples, Math.floor(limits.sampleBudget / (n * (clauses + 2))));
    if (method === 'estimate' && samples < MIN_SAMPLES)
      invalid(msg('governance.power_analysis.too_large_to_estimate'), [issue('rule', msg('governance.power_analysis.too_many_to_sample', { seats: n, conditions: clauses }), 'too_large')]);
    const sampling = method !== 'exact' && samples >= MIN_SAMPLES;
    const a = analysePower(charter, rule, {
      ...options,
      method: method === 'estimate' ? 'monte_carlo' : sampling ? 'auto' : 'exact',
      maxWork: limits.maxWork,
      ...(sampling ? { random: seededRandom(seed), samples } : {}),
    });

    // per seat
    const charterSeats = new Map((charter.seats ?? []).map((s) => [s.id, s]));
    const analysed = a.seats.map((s) => charterSeats.get(s.seat) as Seat);
    const weights = seatWeights(charter, analysed, indexGroups(charter.groups));
    const total = weights.reduce(addF, frac(0));
    const topOf = (group: string | undefined): string | null => (group ? group.split('/')[0] : null);
    const seats = a.seats.map((s, i) => {
      const bz = fromValue(s.banzhaf);
      const ss = fromValue(s.shapleyShubik);
      return {
        seat: s.seat,
        name: s.name ?? null,
        group: s.group ?? null,
        topGroup: topOf(s.group),
        nominalShare: total.num === 0n ? null : figure(divF(weights[i], total)),
        banzhaf: figure(bz.f, bz.halfWidth),
        shapleyShubik: figure(ss.f, ss.halfWidth),
        dummy: s.dummy,
        veto: s.veto,
      };
    });

    // per top-level group, in the charter's order (seats in no group last)
    const order = [...(charter.groups ?? []).map((g) => g.id as string | null), null];
    const names = new Map((charter.groups ?? []).map((g) => [g.id, g.name ?? null]));
    const playerIndex = new Map(built.game.players.map((p, i) => [p, i]));
    const groups = order.flatMap((g) => {
      const members = a.seats.map((s, i) => ({ s, i })).filter(({ s }) => topOf(s.group) === g);
      if (!members.length) return [];
      const sum = (which: 'banzhaf' | 'shapleyShubik'): Figure => {
        let f = frac(0);
        let hw: number | undefined;
        for (const { s } of members) {
          const v = fromValue(s[which]);
          f = addF(f, v.f);
          if (v.halfWidth !== undefined) hw = (hw ?? 0) + v.halfWidth;
        }
        return figure(f, hw);
      };
      const inside = new Set(members.map(({ s }) => playerIndex.get(s.seat) as number));
      const outside = built.game.players.map((_, i) => i).filter((i) => !inside.has(i));
      return [
        {
          group: g,
          name: g === null ? null : (names.get(g) ?? null),
          seats: members.length,
          nominalShare: total.num === 0n ? null : figure(divF(members.reduce((acc, { i }) => addF(acc, weights[i]), frac(0)), total)),
          banzhaf: sum('banzhaf'),
          shapleyShubik: sum('shapleyShubik'),
          blocVeto: !wins(built.game, outside),
        },
      ];
    });

    const estimated = a.confidence?.estimated ?? [];
    return {
      decisionType,
      rule,
      stage: a.stage ?? null,
      body: a.body,
      method: a.method === 'exact' ? 'exact' : 'estimate',
      margin: a.confidence ? { level: a.confidence.level, samples: a.confidence.samples, estimated: [...estimated], maxHalfWidth: a.confidence.maxHalfWidth, seed } : null,
      seats,
      groups,
      dictator: a.dictator,
      vetoPlayers: a.vetoPlayers,
      dummies: seats.filter((s) => s.dummy).map((s) => s.seat),
      notes: [
        ...a.notes,
        ...(a.confidence ? [`The estimate's PRNG is seeded from the charter and the rule (seed ${seed}): the same charter always gives the same figures.`] : []),
      ],
    };
  } catch (err) {
    return inRequestTerms(err, method);
  }
}
