// Tally benchmark: 1,000,000 encoded ballots of an FSC-style General Assembly (3 chambers x North/South x
// organisational 9/10 / individual 1/10 = 12 cells, per_member spread), counted by tallyEncoded (best of several
// runs). Ceiling, measured in the same run: a raw loop that only sums the Uint8Array of choices. Also times
// decideTallied on the resulting tally, the whole close from aggregate rows (tallyFromRows + decideTallied), and
// decide() on 10,000 seat-level ballots for reference.
// Run alone: npx tsx bench/tally.ts (prints JSON); bench/run.ts includes it in its figures.
import { pathToFileURL } from 'node:url';
import type { Charter, Rule, Seat } from '../src/domain/governance/charter';
import { decide, type Ballot } from '../src/domain/governance/count';
import { CHOICES, decideTallied, tallyEncoded, tallyFromRows, type BallotRow, type NamedBallots, type RosterRow } from '../src/domain/governance/tally';

const CHAMBERS = ['environmental', 'social', 'economic'];
const SUBS = ['north', 'south'];
const CELLS = CHAMBERS.flatMap((c) => SUBS.flatMap((s) => [`${c}/${s}/org`, `${c}/${s}/ind`]));

const FSC: Charter = {
  name: 'FSC General Assembly (bench)',
  groups: CHAMBERS.map((c) => ({
    id: c,
    name: `${c} chamber`,
    share: '1/3',
    groups: SUBS.map((s) => ({ id: s, share: '1/2', groups: [{ id: 'org', share: '9/10', spread: 'per_member' as const }, { id: 'ind', share: '1/10', spread: 'per_member' as const }] })),
  })),
};
const FSC_RULE: Rule = {
  quorum: [{ kind: 'quorum', measure: 'weight', min: { kind: 'majority' }, eachGroup: 'top' }],
  pass: {
    kind: 'all',
    of: [
      { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast', measure: 'weight', eachGroup: 'top' },
      { kind: 'threshold', require: { kind: 'two_thirds' }, base: 'votes_cast', measure: 'weight' },
    ],
  },
};

/** mulberry32: a small deterministic pseudo-random generator. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const YES = CHOICES.indexOf('yes');
const NO = CHOICES.indexOf('no');
const ABSTAIN = CHOICES.indexOf('abstain');

/** Encoded ballots: organisational cells hold most members; chambers lean differently. */
function encode(n: number, seed: number): { cell: Uint16Array; choice: Uint8Array } {
  const rand = prng(seed);
  const cell = new Uint16Array(n);
  const choice = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    // org cells (even index) 4x as likely as individual cells
    const r = rand() * 30;
    const pair = Math.floor(r / 5); // 6 sub-chambers
    const c = pair * 2 + (r - pair * 5 < 4 ? 0 : 1);
    cell[i] = c;
    const lean = 0.55 + 0.05 * (c % 4);
    const x = rand();
    choice[i] = x < lean ? YES : x < 0.92 ? NO : ABSTAIN;
  }
  return { cell, choice };
}

function best(runs: number, f: () => unknown): { ms: number; sink: unknown } {
  let ms = Infinity;
  let sink: unknown;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    sink = f();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, sink };
}

function rawSum(choice: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < choice.length; i++) s += choice[i];
  return s;
}

const NONE: NamedBallots = { seats: [], open: { ids: [], total: 0 }, blocks: { ids: [], total: 0 } };

function rowsOf(counts: Uint32Array, members: number[]): { roster: RosterRow[]; rows: BallotRow[] } {
  const roster: RosterRow[] = CELLS.map((group, c) => ({ group, weight: null, voting: true, members: members[c], present: 0 }));
  const rows: BallotRow[] = [];
  CELLS.forEach((group, c) =>
    CHOICES.forEach((choice, k) => {
      const count = counts[c * CHOICES.length + k];
      if (count) rows.push({ group, weight: null, choice, count });
    }),
  );
  return { roster, rows };
}

export interface TallyBenchFigure {
  ballots: number;
  cells: number;
  ballotsPerSec: number;
  bestMs: number;
  ceiling: { rawSumPerSec: number; bestMs: number };
  ratioToCeiling: number;
  decideTalliedMicros: number;
  closeFromRowsMicros: number;
  outcome: string;
  decideSeatLevel: { ballots: number; ms: number; ballotsPerSec: number };
  target: { ballotsPerSec: number };
}

export function benchTally(ballots = 1_000_000, runs = 15): TallyBenchFigure {
  const { cell, choice } = encode(ballots, 2024);
  // warm up both loops, then take the best of several runs of each, interleaved
  for (let w = 0; w < 3; w++) {
    tallyEncoded(cell, choice, CELLS.length);
    rawSum(choice);
  }
  let ours = Infinity;
  let raw = Infinity;
  let counts: Uint32Array = new Uint32Array(0);
  let sink = 0;
  for (let r = 0; r < runs; r++) {
    const a = best(1, () => tallyEncoded(cell, choice, CELLS.length));
    counts = a.sink as Uint32Array;
    ours = Math.min(ours, a.ms);
    const b = best(1, () => rawSum(choice));
    sink += b.sink as number;
    raw = Math.min(raw, b.ms);
  }
  if (counts.reduce((s, x) => s + x, 0) !== ballots || sink === 0) throw new Error('tally lost ballots');

  // members: every cell has 10% absentees
  const perCell = CELLS.map((_, c) => CHOICES.reduce((s, _ch, k) => s + counts[c * CHOICES.length + k], 0));
  const members = perCell.map((n) => Math.ceil(n * 1.1));
  const { roster, rows } = rowsOf(counts, members);
  const tally = tallyFromRows(FSC, roster, rows, NONE);
  // microseconds per call: the best of 25 batches of 20 calls (scheduling noise only ever adds time)
  const perCall = (f: () => unknown): number => {
    for (let i = 0; i < 50; i++) f();
    return best(25, () => {
      for (let i = 0; i < 20; i++) f();
    }).ms * 50; // ms per 20 calls -> us per call
  };
  const outcome = decideTallied(FSC, FSC_RULE, tally).outcome;
  const decideTalliedMicros = perCall(() => decideTallied(FSC, FSC_RULE, tally));
  const closeFromRowsMicros = perCall(() => decideTallied(FSC, FSC_RULE, tallyFromRows(FSC, roster, rows, NONE)));

  // reference: decide() on 10,000 seat-level ballots (11,000 seats)
  const seatBallots = 10_000;
  const seats: Seat[] = [];
  const list: Ballot[] = [];
  const small = encode(seatBallots, 7);
  for (let i = 0; i < seatBallots * 1.1; i++) {
    const id = `s${i}`;
    const c = i < seatBallots ? small.cell[i] : i % CELLS.length;
    seats.push({ id, group: CELLS[c] });
    if (i < seatBallots) list.push({ voter: id, choice: CHOICES[small.choice[i]] });
  }
  const charter: Charter = { ...FSC, seats };
  decide(charter, FSC_RULE, list);
  const seatLevel = best(5, () => decide(charter, FSC_RULE, list));

  const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    ballots,
    cells: CELLS.length,
    ballotsPerSec: Math.round(ballots / (ours / 1000)),
    bestMs: round(ours),
    ceiling: { rawSumPerSec: Math.round(ballots / (raw / 1000)), bestMs: round(raw) },
    ratioToCeiling: round(raw / ours),
    decideTalliedMicros: round(decideTalliedMicros, 1),
    closeFromRowsMicros: round(closeFromRowsMicros, 1),
    outcome,
    decideSeatLevel: { ballots: seatBallots, ms: round(seatLevel.ms, 1), ballotsPerSec: Math.round(seatBallots / (seatLevel.ms / 1000)) },
    target: { ballotsPerSec: 10_000_000 },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(JSON.stringify({ 'tally 1,000,000 ballots (12 FSC cells)': benchTally() }, null, 2) + '\n');
}
