/**
 * Random charter documents (docs/domain/charter.md) for the fuzz tests: nested group trees with share strings
 * (exact, awkward and absurd), seats in random groups held by random holders, rules built from random condition
 * trees (every kind, nested all / any, staged procedures with random stages and onFail), decision types, bodies,
 * proxies, amendment and the dispute ladder.
 *
 * A "clean" document keeps to the language (so it gets past the check and reaches the roll, the counting and the
 * ladder) but still takes every liberty the language allows: huge whole numbers, uneven shares, strict fractions,
 * nested scopes, labels in any script. A "wrong" document may, in any field, hold a value the language forbids
 * (a share "x" or "-1/2", an unknown group, a duplicate id, a list where an object belongs...). `charterArb`
 * mixes both with documents wrong in shape from the top.
 */
import fc from 'fast-check';

/** Who may hold seats in the target partnership (ids of current member organisations and of its people). */
export interface Holders {
  orgs: string[];
  people: string[];
}

const GROUP_IDS = ['a', 'b', 'c', 'org', 'ind', 'north', 'south', 'public', 'private'];
const SEAT_IDS = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 'chair'];
const BODY_IDS = ['assembly', 'board', 'wg'];
export const RULE_NAMES = ['ordinary', 'amendment', 'budget', 'staged'];
const TYPE_IDS = ['ordinary', 'amendment', 'budget', 'motion', 'staged'];
const BODY_KINDS = ['assembly', 'board', 'steering_committee', 'committee', 'working_group'];
const BASES = ['votes_cast', 'present', 'all_members', 'fixed_membership'];
/** Whole numbers the language accepts but arithmetic may not expect. */
const HUGE_INTS = [2 ** 53, 1e21, 1e300, Number.MAX_SAFE_INTEGER, 2 ** 31];

/** JSON of the wrong shape for any field. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e300, -1e300, '', ' ', 'x', '1/0', [], {}, [[]], { kind: 'all' }, ['a', 'b']),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 12 }),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/** Share and weight strings the language refuses or that are awkward to parse. */
const badRatio: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>('0', 'x', '-1/2', '1/0', '0/0', '', '1.5', '1e3', '½', '+1', '1//2', '2', '4/3', '99999999999999999999999999/10', 0.5, 1, null, ['1/2'], { num: 1, den: 2 }),
  fc.tuple(fc.nat({ max: 12 }), fc.nat({ max: 12 })).map(([n, d]) => `${n}/${d}`),
);
/** Shares in (0, 1] written in every way the language allows, huge numbers included. */
const goodShare = fc.oneof(
  fc.constantFrom('1/3', '1/2', '2/3', '1/4', '3/4', '1/10', '9/10', '1', '1/1', '3/3', ' 1 / 3 ', '1/3 ', '00001/00002'),
  fc.bigInt({ min: 1n, max: 10n ** 40n }).map((n) => `${n}/${n + 1n}`),
);

interface Ctx {
  /** Wrong in structure too: shares that do not add up, duplicate or unknown ids, a recusal in the charter... */
  wrong: boolean;
  /** One field in `odds + 1` holds a wrong value (0: none): 10 makes most documents fail the check, 40 often leaves a single wrong field (which the check may not look at). */
  odds: number;
}
const CLEAN: Ctx = { wrong: false, odds: 0 };
const WRONG: Ctx = { wrong: true, odds: 10 };
const SUBTLY_WRONG: Ctx = { wrong: false, odds: 40 };
/** In a "wrong" document a field sometimes holds one of `bad` (default: junk) instead of a good value. */
function w<T>(c: Ctx, good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown> = junk): fc.Arbitrary<unknown> {
  return c.odds > 0 ? fc.oneof({ weight: c.odds, arbitrary: good as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: bad }) : good;
}
/** Absent `absent` times for each time present. */
const opt = <T>(a: fc.Arbitrary<T>, absent = 1) => fc.oneof({ weight: absent, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: a });
/** A whole number: mostly in [min, max], sometimes huge; in wrong documents sometimes negative, fractional, text. */
const whole = (c: Ctx, min: number, max: number) =>
  w(c, fc.oneof({ weight: 12, arbitrary: fc.integer({ min, max }) }, { weight: 1, arbitrary: fc.constantFrom(...HUGE_INTS) }), fc.constantFrom<unknown>(-1, 1.5, '2', null, -0.5, ...(min > 0 ? [0] : [])));
const label = (c: Ctx) => opt(w(c, fc.oneof(fc.lorem({ maxCount: 3 }), fc.constantFrom('Ünïcödé label', '<b>bold</b>', '😀', 'صوت', ' '))), 3);
const drop = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

// ---- groups ---------------------------------------------------------------------------------------------------

interface GroupShape {
  id: unknown;
  name?: unknown;
  share?: unknown;
  spread?: unknown;
  seats?: unknown;
  groups?: GroupShape[];
}

/** Shares for n siblings: "1/n" each, an exact uneven split, or (wrong documents) anything. */
function sharesFor(c: Ctx, n: number): fc.Arbitrary<readonly unknown[]> {
  const SPLITS: Record<number, string[]> = { 1: ['1'], 2: ['1/4', '3/4'], 3: ['1/6', '1/3', '1/2'] };
  const exact: fc.Arbitrary<readonly unknown[]> = fc.constantFrom<string[]>(Array.from({ length: n }, () => `1/${n}`), SPLITS[n] ?? Array.from({ length: n }, () => `1/${n}`));
  const uneven: fc.Arbitrary<readonly unknown[]> =
    n === 2 ? fc.constantFrom<string[]>(['1/3', '2/3'], ['9/10', '1/10'], ['1/2', '2/4'], ['1/3', ' 2 / 3 ']) : n === 3 ? fc.constantFrom<string[]>(['1/2', '1/4', '1/4'], ['1/3', '1/3', '1/3'], ['1/6', '2/6', '1/2']) : fc.constant(['1']);
  const huge: fc.Arbitrary<readonly unknown[]> = n === 2 ? fc.bigInt({ min: 1n, max: 10n ** 30n }).map((k) => [`${k}/${k + 1n}`, `1/${k + 1n}`]) : exact;
  const random: fc.Arbitrary<readonly unknown[]> = fc.array(fc.oneof(goodShare, badRatio), { minLength: n, maxLength: n });
  return fc.oneof({ weight: 5, arbitrary: exact }, { weight: 2, arbitrary: uneven }, { weight: 1, arbitrary: huge }, ...(c.wrong ? [{ weight: 3, arbitrary: random }] : []));
}

function groupsArb(c: Ctx, depth: number, shared: boolean): fc.Arbitrary<GroupShape[]> {
  return fc.integer({ min: 1, max: 3 }).chain((k) =>
    fc
      .tuple(
        w(c, fc.shuffledSubarray(GROUP_IDS, { minLength: k, maxLength: k }), fc.array(fc.constantFrom<unknown>(...GROUP_IDS, 'a/b', '', 7), { minLength: k, maxLength: k })) as fc.Arbitrary<unknown[]>,
        // shares only under a shared parent (or at the top), as the language wants; wrong documents ignore that
        shared || c.wrong ? fc.oneof({ weight: 3, arbitrary: sharesFor(c, k) }, { weight: 1, arbitrary: fc.constant(undefined) }) : fc.constant(undefined),
        fc.array(
          fc.record({
            name: label(c),
            spread: opt(w(c, fc.constantFrom('per_member', 'per_present'), fc.constantFrom('per_seat', 'PER_MEMBER'))),
            seats: opt(whole(c, 1, 12), 3),
            nested: depth > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.boolean() }) : fc.constant(null),
            shareless: c.wrong ? fc.boolean() : fc.constant(false),
          }),
          { minLength: k, maxLength: k },
        ),
      )
      .chain(([ids, shares, extra]) =>
        fc.tuple(
          ...ids.map((id, i) => {
            const e = extra[i];
            const g = drop({ id, name: e.name, share: shares !== undefined && !e.shareless ? shares[i] : undefined, spread: e.spread, seats: e.seats }) as unknown as GroupShape;
            return e.nested === null ? fc.constant(g) : groupsArb(c, depth - 1, g.share !== undefined && shared).map((groups) => ({ ...g, groups }));
          }),
        ),
      ),
  );
}

/** Paths of every group ("a", "a/org"); the deepest ones (where seats belong); the top-level ids. */
function pathsOf(groups: GroupShape[] | undefined): { all: string[]; leaves: string[]; tops: string[] } {
  const all: string[] = [];
  const leaves: string[] = [];
  const walk = (gs: GroupShape[], prefix: string) =>
    gs.forEach((g) => {
      if (typeof g.id !== 'string') return;
      const p = prefix ? `${prefix}/${g.id}` : g.id;
      all.push(p);
      if (g.groups?.length) walk(g.groups, p);
      else leaves.push(p);
    });
  walk(groups ?? [], '');
  return { all, leaves, tops: (groups ?? []).map((g) => g.id).filter((x): x is string => typeof x === 'string') };
}

// ---- conditions -----------------------------------------------------------------------------------------------

interface Names {
  paths: string[];
  tops: string[];
  seats: string[];
  /** Group paths with a fixed seat count (for the fixed_membership base). */
  fixed: string[];
}

const requirement = (c: Ctx) =>
  w(
    c,
    fc.oneof(
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('majority'), strict: opt(fc.boolean(), 3) }, { requiredKeys: ['kind'] }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('two_thirds'), strict: opt(fc.boolean()) }, { requiredKeys: ['kind'] }) },
      {
        weight: 3,
        arbitrary: fc
          .oneof(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 5 })).map(([num, extra]) => [num, num + extra]), fc.constantFrom([1e300, 1e300], [1, 1e300], [2 ** 53, 2 ** 53 + 2], [999_999_999, 1_000_000_000]))
          .chain(([num, den]) => fc.record({ kind: fc.constant('fraction'), num: fc.constant(num), den: fc.constant(den), strict: opt(fc.boolean()) }, { requiredKeys: ['kind', 'num', 'den'] })),
      },
    ),
    fc.oneof(
      fc.record({ kind: fc.constantFrom('unanimity', 'supermajority', '') }),
      fc.record({ kind: fc.constant('fraction'), num: fc.constantFrom<unknown>(0, -1, 5, 1.5, '1', 7), den: fc.constantFrom<unknown>(0, -3, 0.5, 3, undefined) }),
      fc.constant({ kind: 'fraction', num: 1, den: 1, strict: true }),
    ),
  );

/** Where a condition applies: everybody, one group, each top-level group or a list of groups. */
function scope(c: Ctx, n: Names): fc.Arbitrary<Record<string, unknown>> {
  if (!n.paths.length) return c.wrong ? fc.oneof({ weight: 6, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.constantFrom({ eachGroup: 'top' }, { group: 'a' }) }) : fc.constant({});
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant({}) },
    { weight: 2, arbitrary: fc.record({ group: w(c, fc.constantFrom(...n.paths), fc.constantFrom('nowhere', '', 'a/')) }) },
    { weight: 2, arbitrary: fc.constant({ eachGroup: 'top' }) },
    { weight: 1, arbitrary: fc.record({ eachGroup: w(c, fc.subarray(n.paths, { minLength: 1 }), fc.constantFrom<unknown>(['nowhere'], 'all', [], [3])) }) },
    ...(c.wrong ? [{ weight: 1, arbitrary: fc.record({ group: fc.constantFrom(...n.paths), eachGroup: fc.constant('top') }) }] : []),
  );
}

/** A threshold (or quorum) base with what it needs: fixed_membership wants a seat count and the count measure. */
function based(c: Ctx, n: Names, bases: string[], s: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc.constantFrom(...bases).chain((base) => {
    if (base !== 'fixed_membership' || c.wrong)
      return fc.record({ base: w(c, fc.constant(base), fc.constantFrom('everyone', 'votes')), measure: opt(w(c, fc.constantFrom('count', 'weight'), fc.constant('seats'))), seats: opt(whole(c, 1, 12), 4) }, { requiredKeys: ['base'] });
    // the seat count comes from the condition, or from the group it is scoped to when that group has one
    const fromGroup = typeof s.group === 'string' && n.fixed.includes(s.group);
    return fc.record({ base: fc.constant(base), measure: fc.constant('count'), seats: fromGroup ? opt(whole(c, 1, 40)) : whole(c, 1, 40) }).map(drop);
  });
}

function conditionArb(c: Ctx, n: Names): fc.Arbitrary<unknown> {
  const withScope = (make: (s: Record<string, unknown>) => fc.Arbitrary<Record<string, unknown>>) => scope(c, n).chain((s) => make(s).map((x) => ({ ...x, ...s })));
  const threshold = withScope((s) =>
    fc.tuple(fc.record({ kind: fc.constant('threshold'), label: label(c), require: requirement(c) }, { requiredKeys: ['kind', 'require'] }), based(c, n, BASES, s)).map(([x, b]) => drop({ ...x, ...b })),
  );
  const minYes = withScope(() => fc.record({ kind: fc.constant('min_yes'), label: label(c), count: whole(c, 1, 4) }, { requiredKeys: ['kind', 'count'] }));
  const veto = fc.oneof(
    fc.record({ kind: fc.constant('veto'), label: label(c), seat: w(c, fc.constantFrom(...n.seats), fc.constant('ghost')), agree: opt(w(c, fc.constantFrom('unanimous', 'majority'), fc.constant('all'))) }, { requiredKeys: ['kind', 'seat'] }),
    ...(n.paths.length ? [fc.record({ kind: fc.constant('veto'), group: w(c, fc.constantFrom(...n.paths), fc.constant('ghost')), agree: opt(w(c, fc.constantFrom('unanimous', 'majority'))) }, { requiredKeys: ['kind', 'group'] })] : []),
    ...(c.wrong ? [fc.constant({ kind: 'veto' }), fc.constant({ kind: 'veto', seat: n.seats[0], group: n.paths[0] ?? 'a' })] : []),
  );
  const leaf = fc.oneof(
    { weight: 5, arbitrary: threshold },
    { weight: 2, arbitrary: minYes },
    { weight: 2, arbitrary: veto },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('consensus'), label: label(c), maxStandAsides: opt(whole(c, 0, 3)) }, { requiredKeys: ['kind'] }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('consent'), label: label(c) }, { requiredKeys: ['kind'] }) },
    ...(c.wrong ? [{ weight: 1, arbitrary: fc.constantFrom<unknown>({ kind: 'quorum' }, { kind: 'majority' }, { kind: 'all', of: [] }, { kind: 'any' }, null, {}, 'consent') }] : []),
  );
  const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', maxDepth: 3, withCrossShrink: true },
      leaf,
      leaf,
      fc.record({ kind: fc.constantFrom('all', 'any'), label: label(c), of: w(c, fc.array(tie('tree'), { minLength: 1, maxLength: 3 }), fc.constantFrom<unknown>([], {}, null)) }, { requiredKeys: ['kind', 'of'] }),
    ),
  }));
  return tree;
}

function quorumArb(c: Ctx, n: Names): fc.Arbitrary<unknown> {
  const withScope = (make: (s: Record<string, unknown>) => fc.Arbitrary<Record<string, unknown>>) => scope(c, n).chain((s) => make(s).map((x) => drop({ ...x, ...s })));
  const absolute = withScope(() => fc.record({ kind: fc.constant('quorum'), label: label(c), count: whole(c, 0, 4), measure: opt(w(c, fc.constant('count'), fc.constant('weight'))), countNonVoting: opt(fc.boolean(), 2) }, { requiredKeys: ['kind', 'count'] }));
  const relative = withScope((s) =>
    fc
      .tuple(fc.record({ kind: fc.constant('quorum'), label: label(c), min: opt(requirement(c)), countNonVoting: opt(fc.boolean(), 2) }, { requiredKeys: ['kind'] }), based(c, n, ['all_members', 'fixed_membership', 'present'], s))
      .map(([q, b]) => drop({ ...q, ...b })),
  );
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.constant([]) },
    { weight: 3, arbitrary: fc.array(fc.oneof(absolute, relative, ...(c.wrong ? [fc.constant({ kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast' })] : [])), { minLength: 1, maxLength: 3 }) },
    ...(c.wrong ? [{ weight: 1, arbitrary: junk }] : []),
  );
}

function ruleArb(c: Ctx, n: Names): fc.Arbitrary<unknown> {
  const simple = fc.record({ kind: opt(fc.constant('simple'), 3), label: label(c), quorum: quorumArb(c, n), pass: conditionArb(c, n) }, { requiredKeys: ['pass'] });
  const stage = (id: unknown) =>
    fc.record(
      { id: fc.constant(id), grade: opt(w(c, fc.constantFrom('consensus', 'two_thirds', 'majority', 'Tier 1 ✓'))), pass: conditionArb(c, n), onFail: opt(w(c, fc.constantFrom('next', 'refer', 'reject'), fc.constantFrom('retry', 'REFER'))) },
      { requiredKeys: ['id', 'pass'] },
    );
  const stageIds = w(c, fc.shuffledSubarray(['consensus', 'vote', 'supermajority', 'last'], { minLength: 1, maxLength: 3 }), fc.array(fc.constantFrom<unknown>('vote', '', 0, 'vote'), { minLength: 0, maxLength: 3 })) as fc.Arbitrary<unknown[]>;
  const staged = fc.record(
    { kind: fc.constant('staged'), label: label(c), quorum: quorumArb(c, n), stages: stageIds.chain((ids) => fc.tuple(...ids.map(stage))) },
    { requiredKeys: ['kind', 'stages'] },
  );
  // the consensus-first then vote procedure (EITI), which refers on failure: the path revotes take
  const eiti = fc.constant({
    kind: 'staged', quorum: [],
    stages: [{ id: 'consensus', pass: { kind: 'consensus' }, onFail: 'refer' }, { id: 'vote', grade: 'majority', pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast' } }],
  });
  return fc.oneof(
    { weight: 5, arbitrary: simple },
    { weight: 3, arbitrary: staged },
    { weight: 1, arbitrary: eiti },
    ...(c.wrong ? [{ weight: 1, arbitrary: fc.oneof(fc.constant({ kind: 'weighted', pass: { kind: 'consent' } }), fc.constant({ kind: 'staged', stages: [] }), fc.constant({}), junk) }] : []),
  );
}

// ---- the whole document --------------------------------------------------------------------------------------

export function documentArb(h: Holders, c: Ctx): fc.Arbitrary<Record<string, unknown>> {
  // a stranger's id passes the check but not the partnership's holder check: rare, so most documents are adopted
  const holderId = (pool: string[]) => fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.uuid({ version: 7 }) }, ...(c.wrong ? [{ weight: 1, arbitrary: fc.constantFrom<unknown>('', 42, null) }] : []));
  return opt(groupsArb(c, 2, true), 1).chain((groups) => {
    const { all, leaves, tops } = pathsOf(groups);
    const grouped = groups !== undefined;
    const fixed: string[] = [];
    const walk = (gs: GroupShape[], prefix: string) =>
      gs.forEach((g) => {
        const p = prefix ? `${prefix}/${g.id}` : `${g.id}`;
        if (typeof g.seats === 'number' && Number.isInteger(g.seats) && g.seats > 0) fixed.push(p);
        if (g.groups) walk(g.groups, p);
      });
    walk(groups ?? [], '');
    const groupOfSeat: fc.Arbitrary<unknown> = grouped
      ? fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...(leaves.length ? leaves : ['a'])) }, ...(c.wrong ? [{ weight: 1, arbitrary: fc.constantFrom<unknown>(...all, 'nowhere', 'a/b/c/d', undefined, 3) }] : []))
      : fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, ...(c.wrong ? [{ weight: 1, arbitrary: fc.constantFrom('a', 'org') }] : []));
    const seatArb = (id: unknown) =>
      fc
        .record({
          name: label(c),
          group: groupOfSeat,
          holder: fc.oneof(
            { weight: 4, arbitrary: holderId(h.orgs).map((organisation) => ({ organisation })) },
            { weight: 4, arbitrary: holderId(h.people).map((person) => ({ person })) },
            { weight: 2, arbitrary: fc.constant({}) },
            { weight: 1, arbitrary: fc.tuple(holderId(h.orgs), holderId(h.people)).map(([organisation, alternate]) => ({ organisation, alternate })) },
            { weight: 1, arbitrary: holderId(h.people).map((alternate) => ({ alternate })) },
            ...(c.wrong ? [{ weight: 1, arbitrary: fc.tuple(holderId(h.orgs), holderId(h.people)).map(([organisation, person]) => ({ organisation, person })) }] : []),
          ),
          voting: opt(w(c, fc.boolean()), 4),
          weight: grouped && !c.wrong ? fc.constant(undefined) : opt(w(c, fc.oneof(fc.constantFrom('1', '2', '3', '1/2', '5/3'), fc.bigInt({ min: 1n, max: 10n ** 30n }).map(String)), badRatio), 2),
          present: opt(w(c, fc.boolean()), 4),
          exOfficio: opt(w(c, fc.boolean()), 6),
          recused: c.wrong ? opt(fc.boolean(), 20) : fc.constant(undefined),
        })
        .map(({ holder, ...s }) => ({ id, ...drop(s), ...holder }));
    const seatsArb = w(c, fc.shuffledSubarray(SEAT_IDS, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom<unknown>(...SEAT_IDS, '', 3), { minLength: 1, maxLength: 5 })) as fc.Arbitrary<unknown[]>;
    return seatsArb.chain((ids) => fc.tuple(...ids.map(seatArb))).chain((seats) => {
      const seatIds = seats.map((s) => s.id).filter((x): x is string => typeof x === 'string');
      const names: Names = { paths: all, tops, seats: seatIds.length ? seatIds : ['s1'], fixed };
      const bodiesArb = opt(
        w(
          c,
          fc.shuffledSubarray(BODY_IDS, { minLength: 1, maxLength: 3 }).chain((bids) =>
            fc.tuple(
              ...bids.map((id) =>
                fc.record(
                  { id: fc.constant(id), name: label(c), kind: w(c, fc.constantFrom(...BODY_KINDS), fc.constantFrom('council', 'Board')), seats: opt(w(c, fc.subarray(names.seats), fc.constant(['ghost', names.seats[0]]))) },
                  { requiredKeys: ['id', 'kind'] },
                ),
              ),
            ),
          ),
        ),
      );
      return bodiesArb.chain((bodies) => {
        const bodyIds = Array.isArray(bodies) ? bodies.map((b) => (typeof b === 'object' && b !== null ? (b as { id?: unknown }).id : undefined)).filter((x): x is string => typeof x === 'string') : [];
        const rulesArb = fc
          .uniqueArray(fc.constantFrom(...RULE_NAMES), { minLength: 1, maxLength: 4 })
          .map((ns) => (ns.includes('ordinary') ? ns : ['ordinary', ...ns]))
          .chain((ns) => fc.tuple(...ns.map((name) => ruleArb(c, names).map((r) => [name, r] as const))).map((es) => Object.fromEntries(es)));
        return rulesArb.chain((rules) => {
          const ruleNames = Object.keys(rules);
          const seconders = fc.integer({ min: 0, max: 2 }).chain((count) =>
            fc.record({ count: fc.oneof({ weight: 8, arbitrary: fc.constant<unknown>(count) }, { weight: 1, arbitrary: whole(c, 0, 1e6) }), distinctGroups: opt(fc.integer({ min: 0, max: Math.min(count + 1, tops.length) })) }, { requiredKeys: ['count'] }),
          );
          const typeArb = fc.record(
            {
              label: label(c),
              rule: w(c, fc.constantFrom(...ruleNames), fc.constantFrom('nonexistent', '')),
              body: bodyIds.length ? opt(w(c, fc.constantFrom(...bodyIds), fc.constant('ghost'))) : c.wrong ? opt(fc.constant('assembly'), 8) : fc.constant(undefined),
              ballot: opt(w(c, fc.constantFrom('yes_no', 'consent', 'consensus'), fc.constantFrom('ranked', 'YES_NO')), 3),
              proposers: opt(w(c, fc.subarray(['convener', 'representative'], { minLength: 1 }), fc.constantFrom<unknown>([], ['chair'], 'convener')), 3),
              seconders: opt(w(c, seconders, fc.record({ count: junk, distinctGroups: fc.constantFrom<unknown>(5, -1, 'x') })), 3),
              window: opt(
                w(
                  c,
                  fc.integer({ min: 1, max: 48 }).chain((min) =>
                    fc.record({ minHours: opt(fc.oneof(fc.constant<number>(min), fc.constantFrom(0.5, 1e-9)), 2), maxHours: opt(fc.oneof(fc.integer({ min: min, max: 400 }), fc.constantFrom(1e300, Number.MAX_VALUE)), 2), closeEarly: opt(fc.boolean(), 1) }, { requiredKeys: [] }),
                  ),
                  fc.constantFrom<unknown>({ minHours: 0 }, { minHours: 10, maxHours: 5 }, { closeEarly: 'yes' }, { maxHours: -1 }, 'week'),
                ),
                2,
              ),
              anonymous: opt(w(c, fc.boolean()), 3),
              resultsHidden: opt(w(c, fc.boolean()), 3),
              recusal: opt(w(c, fc.boolean()), 4),
            },
            { requiredKeys: ['rule'] },
          );
          const typesArb = fc.oneof(
            { weight: 1, arbitrary: fc.constant(undefined) },
            {
              weight: 4,
              arbitrary: fc
                .uniqueArray(fc.constantFrom(...TYPE_IDS), { minLength: 1, maxLength: 4 })
                .map((tids) => (tids.includes('amendment') || c.wrong ? tids : [...tids, 'amendment']))
                .chain((tids) => fc.tuple(...tids.map((id) => typeArb.map((t) => [id, t] as const))).map((es) => Object.fromEntries(es))),
            },
          );
          const step = fc.record(
            {
              id: fc.constantFrom('negotiation', 'steering', 'mediation', 'arbitration'),
              name: opt(w(c, fc.lorem({ maxCount: 4 }), fc.constantFrom<unknown>('', 5, ['x'])), 1),
              body: bodyIds.length ? opt(w(c, fc.constantFrom(...bodyIds), fc.constant('ghost')), 3) : c.wrong ? opt(fc.constant('ghost'), 10) : fc.constant(undefined),
              days: opt(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 90 }) }, { weight: 1, arbitrary: fc.constantFrom(3650, 3651, 1e6, 2e8, 1e300) }), 2),
            },
            { requiredKeys: ['id'] },
          );
          return fc
            .record(
              {
                name: opt(w(c, fc.lorem({ maxCount: 4 }))),
                version: opt(w(c, fc.constantFrom('1', '7')), 6),
                groups: fc.constant(groups),
                seats: fc.constant(seats),
                bodies: fc.constant(bodies),
                rules: fc.constant(rules),
                decisionTypes: typesArb,
                amendment: opt(fc.constant('amendment'), 6),
                proxies: opt(
                  w(
                    c,
                    fc.record(
                      {
                        allowed: fc.boolean(),
                        maxPerHolder: opt(whole(c, 0, 3)),
                        caps: opt(fc.array(fc.record({ memberClass: fc.constantFrom(...(tops.length ? tops : GROUP_IDS)), max: whole(c, 0, 3) }), { maxLength: tops.length ? 1 : 0 })),
                      },
                      { requiredKeys: ['allowed'] },
                    ),
                    fc.constantFrom<unknown>({ allowed: 'yes' }, { allowed: true, caps: [{ memberClass: 'ghost', max: 1 }] }, { allowed: true, maxPerHolder: -1 }, true),
                  ),
                ),
                disputes: opt(
                  w(
                    c,
                    fc.record({ ladder: fc.uniqueArray(step, { selector: (s) => s.id, minLength: 1, maxLength: 4 }) }),
                    fc.constantFrom<unknown>({ ladder: [] }, { ladder: [{ id: 'x' }, { id: 'x' }] }, { ladder: [{ id: 'Step A', days: 0 }] }, { ladder: 'negotiate' }, []),
                  ),
                ),
              },
              // every key: absence is decided above (undefined values are dropped)
            )
            .map(drop);
        });
      });
    });
  });
}

/** A document wrong in shape from the top: every key of a charter with junk, or a condition nested deep. */
const wrongShape: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ groups: junk, seats: junk, bodies: junk, rules: junk, decisionTypes: junk, amendment: junk, proxies: junk, disputes: junk }, { requiredKeys: [] }),
  fc.record({ rules: fc.dictionary(fc.constantFrom(...RULE_NAMES), junk, { minKeys: 1, maxKeys: 3 }), seats: fc.array(junk, { maxLength: 3 }) }),
  fc.record({ seats: fc.array(fc.record({ id: junk, group: junk, weight: junk, voting: junk, organisation: junk, person: junk }), { maxLength: 3 }), rules: fc.constant({ ordinary: { pass: { kind: 'consent' } } }) }),
  fc.integer({ min: 1, max: 20 }).map((depth) => {
    let pass: unknown = { kind: 'consent' };
    for (let i = 0; i < depth; i++) pass = { kind: i % 2 ? 'all' : 'any', of: [pass] };
    return { rules: { ordinary: { quorum: [], pass } } };
  }),
  fc.object({ maxDepth: 3 }),
  fc.constant({}),
);

/** A charter document: valid-ish most of the time, sometimes with a wrong field, sometimes wrong from the top. */
export function charterArb(h: Holders): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof(
    { weight: 5, arbitrary: documentArb(h, CLEAN) },
    { weight: 2, arbitrary: documentArb(h, SUBTLY_WRONG) },
    { weight: 2, arbitrary: documentArb(h, WRONG) },
    { weight: 1, arbitrary: wrongShape },
  );
}

/** Documents most of which pass the check (clean, or with a wrong value here and there): for properties that go on to use the charter. */
export const usableCharterArb = (h: Holders) => fc.oneof({ weight: 3, arbitrary: documentArb(h, CLEAN) }, { weight: 2, arbitrary: documentArb(h, SUBTLY_WRONG) });
