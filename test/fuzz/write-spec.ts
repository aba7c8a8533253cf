/**
 * What the write-route fuzz test (write-routes.fuzz.test.ts) is made of, shared by the files that describe its
 * routes (accountability-specs.ts): the shape of a route's spec, what a spec's generators and targets may use, and
 * the value generators every spec builds its bodies from.
 */
import fc from 'fast-check';
import type { TestApp } from '../support/app';
import type { World } from '../support/world';
import type { TestDialect } from '../support/databases';
import type { Fixture } from '../access/fixtures';
import type { Holders } from './charter-arbitrary';
import type { GovFixture } from './governance-fixture';

// ---- value generators ----------------------------------------------------------------------------
// "good" values satisfy the contract, so a body made of them reaches the handler and the database;
// `weird` values are what a client might wrongly put in one field of an otherwise good body.

export const HUGE = 'x'.repeat(300_000);
/** Strings that are the right type and length but awkward content (NUL, lone surrogate, RTL, SQL...). */
export const awkward = fc.constantFrom(
  'Nul \u0000 in the middle of a long enough sentence', '\u0000\u0000\u0000 nul bytes first', 'Lone surrogate \ud800 here, long enough', 'Right-to-left \u202e override text',
  '😀'.repeat(20), '<script>alert(1)</script>', "Robert'); drop table users; --", 'percent % underscore _ backslash \\ text', 'Ünïcödé ñame with accents', 'tab\tand\nnewline and more text',
);
export const nasty = fc.oneof(awkward, fc.constantFrom('', ' ', '\u0000', '\ud800', HUGE, '2024-02-30', '9999-99-99', '-1', 'NaN', 'null'));
export const weird: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  nasty,
  awkward,
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);
/** A good string: trimmed length within [min, max]; mostly words, sometimes any unicode or awkward content. */
export const text = (min: number, max: number) =>
  fc
    .oneof(
      { weight: 6, arbitrary: fc.lorem({ maxCount: Math.max(1, Math.min(12, Math.floor(max / 8))) }) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 60) }) },
      { weight: 1, arbitrary: awkward },
    )
    .map((v) => (v.length > max ? v.slice(0, max) : v))
    .filter((v) => v.trim().length >= min && v.length <= max);
export const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2045-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** Days around today (a dispute's dates must not be in the future), and the odd far one. */
export const day = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -120, max: 5 }).map((d) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: date },
  { weight: 1, arbitrary: fc.constantFrom('2024-02-30', '0000-01-01', '9999-12-31', '2024-1-1', '') },
);
export const uuid = fc.oneof(fc.uuid({ version: 7 }), fc.uuid());
export const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });
export const strip = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

// ---- what specs are given -------------------------------------------------------------------------

export interface Pools {
  emails: string[];
  orgIds: string[];
  convenerOrg: string;
  /** The world's people by persona (seat holders, proxy holders) and its organisations. */
  users: World['users'];
  orgs: World['orgs'];
  /** Who may hold a seat in the world's partnerships (and in a fresh one). */
  holders: Holders;
  /** Decisions of the world's private partnership (a dispute may name one). */
  decisionIds: string[];
}

/** What a target is built from: the fixtures, and the partnership whose seat holders are changed. */
export interface Env { f: Fixture; g: GovFixture; seatPartnership: string }

// ---- the write routes --------------------------------------------------------------------------------

export type As = 'anonymous' | 'convener' | 'representative' | 'member' | 'admin' | 'fresh-convener-session';

/** One request: the body as bytes on the wire and its content type (undefined: header not sent), and a query string. */
export interface Wire { payload: string | Buffer | undefined; contentType: string | undefined; label: string; query?: string }

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface WriteSpec<V = any> {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** Who calls: one persona, or a choice among the personas allowed to use the route. */
  as: As | readonly As[];
  /** Random choices about the target (kind and state of a decision, the seat...), shared by `target` and `body`. */
  variant?: (p: Pools) => fc.Arbitrary<V>;
  /**
   * Plausible bodies, valid or nearly so: some succeed, which is fine. A string `{{name}}` anywhere in the body
   * stands for the value `target` returned under `name` (ids of what the target made fresh for this run).
   */
  body: (p: Pools, v: V, as: As) => fc.Arbitrary<Record<string, unknown>>;
  /** Bodies that are not JSON (files): replaces the JSON wire made from `body`, which is then unused. */
  wire?: (p: Pools, v: V, as: As) => fc.Arbitrary<Wire>;
  /** A real target for the path parameters (fresh where the route deletes or changes a state), and the `{{name}}`s of the body. */
  target?: (e: Env, v: V, as: As) => Promise<Record<string, string>>;
  /** The route refuses a request without an Idempotency-Key (writes that move money): most runs send a fresh one. */
  idempotency?: 'required';
  /** Runs per dialect when not RUNS. */
  runs?: Record<TestDialect, number>;
  /** Writes nothing even when it succeeds (a check). */
  readOnly?: boolean;
  /** A further property of the answer. */
  verify?: (c: { t: TestApp; status: number; json: () => unknown; sent: unknown; context: string; wrote: () => Promise<string[]> }) => Promise<void>;
}

export const P = '/api/v1/partnerships';
export const noBody = () => fc.constant({});
