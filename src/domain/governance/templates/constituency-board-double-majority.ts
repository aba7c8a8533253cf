/**
 * Template: a constituency board deciding by double majority, after the Global Fund Board (see
 * ../shared/briefs/governance.md and docs/domain/templates.md).
 *
 * - 20 voting seats in two groups without shares: donors (10) and implementers (10).
 * - Consensus first; on a vote a decision needs two-thirds of the donor group AND two-thirds of the implementer
 *   group.
 * - UNCONFIRMED: whether "two-thirds" is of members present or of votes cast. The template counts two-thirds of
 *   votes cast (abstentions excluded); `base: 'present'` is the other setting (see DOUBLE_MAJORITY_BASE).
 * - Not in the brief, examples only (settings): the quorum (a majority of all voting members, the default of
 *   Robert's Rules), the stricter amendment rule, the windows and the dispute ladder. Non-voting board members are
 *   not modelled.
 */
import type { Base, Charter, Condition, QuorumCondition, Rule, Seat } from '../charter';

const GROUPS = [
  { id: 'donors', name: 'donor group', seat: 'donor', seatName: 'Donor constituency' },
  { id: 'implementers', name: 'implementer group', seat: 'implementer', seatName: 'Implementer constituency' },
] as const;
const SEATS_PER_GROUP = 10;

/** UNCONFIRMED base of the two-thirds in each group: a setting. */
export const DOUBLE_MAJORITY_BASE: Base = 'votes_cast';

const seats: Seat[] = GROUPS.flatMap((g) =>
  Array.from({ length: SEATS_PER_GROUP }, (_, i): Seat => {
    const n = String(i + 1).padStart(2, '0');
    return { id: `${g.seat}-${n}`, name: `${g.seatName} ${n}`, group: g.id };
  }),
);

/** Example quorum (unconfirmed): a majority of all voting members present. */
const QUORUM: QuorumCondition[] = [
  { kind: 'quorum', label: 'a majority of all voting members present', measure: 'count', min: { kind: 'majority' }, base: 'all_members' },
];

const CONSENSUS: Condition = { kind: 'consensus', label: 'consensus: nobody votes no' };

const doubleMajority = (label: string, pass: Condition): Rule => ({
  kind: 'staged',
  label,
  quorum: QUORUM,
  stages: [
    { id: 'consensus', grade: 'consensus', pass: CONSENSUS },
    { id: 'double-majority', grade: 'double majority', pass },
  ],
});

export const CONSTITUENCY_BOARD_DOUBLE_MAJORITY: Charter = {
  name: 'Constituency board with a double majority (Global Fund style)',
  version: '1',
  groups: GROUPS.map((g) => ({ id: g.id, name: g.name, seats: SEATS_PER_GROUP })),
  seats,
  bodies: [{ id: 'board', name: 'Board', kind: 'board' }],
  rules: {
    ordinary: doubleMajority('consensus first, then two-thirds of the donor group and two-thirds of the implementer group', {
      kind: 'threshold',
      label: 'two-thirds of each voting group',
      require: { kind: 'two_thirds' },
      base: DOUBLE_MAJORITY_BASE,
      measure: 'count',
      eachGroup: ['donors', 'implementers'],
    }),
    // Example (unconfirmed): amendments need two-thirds of each group's full seat count, vacancies counting against.
    amendment: doubleMajority('consensus first, then two-thirds of all seats of each group (vacancies count)', {
      kind: 'threshold',
      label: "two-thirds of each group's seats",
      require: { kind: 'two_thirds' },
      base: 'fixed_membership',
      measure: 'count',
      eachGroup: ['donors', 'implementers'],
    }),
  },
  decisionTypes: {
    ordinary: { label: 'Board decision', rule: 'ordinary', body: 'board', ballot: 'yes_no', window: { minHours: 72, maxHours: 336 } },
    budget: { label: 'Operating budget', rule: 'ordinary', body: 'board', ballot: 'yes_no', window: { minHours: 168, maxHours: 504 } },
    admission: { label: 'Admission of a constituency', rule: 'ordinary', body: 'board', ballot: 'yes_no', window: { minHours: 168, maxHours: 504 } },
    amendment: { label: 'Amendment of the by-laws', rule: 'amendment', body: 'board', ballot: 'yes_no', window: { minHours: 336, maxHours: 720 } },
  },
  amendment: 'amendment',
  proxies: { allowed: false },
  disputes: {
    ladder: [
      { id: 'consultation', name: 'Consultation between the constituencies concerned', days: 30 },
      { id: 'board-leadership', name: 'Good offices of the board chair and vice-chair (one from each group)', days: 30 },
      { id: 'board', name: 'Decision of the board', body: 'board', days: 60 },
      { id: 'mediation', name: 'Independent mediation' },
    ],
  },
};
