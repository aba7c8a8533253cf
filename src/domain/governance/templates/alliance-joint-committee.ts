/**
 * Template: the joint committee of a nonprofit-corporate alliance (see docs/domain/templates.md).
 *
 * Not modelled on one named body: it follows the common practice in ../shared/briefs/governance.md for consensus
 * with stand-asides ("modified consensus": a fallback to a vote is configuration) and gives each side the same
 * number of seats. Decisions are sought by consensus; when a block stops consensus the committee falls back to a
 * majority vote and the outcome records which grade adopted it. Seats, seat counts, windows and ladder days are
 * examples (settings).
 */
import type { Charter, QuorumCondition, Seat } from '../charter';

const SIDES = [
  { id: 'nonprofit', name: 'Nonprofit partner' },
  { id: 'corporate', name: 'Corporate partner' },
] as const;
/** Equal seats per side. */
const SEATS_PER_SIDE = 3;

const seats: Seat[] = SIDES.flatMap((side) =>
  Array.from({ length: SEATS_PER_SIDE }, (_, i): Seat => ({ id: `${side.id}-${i + 1}`, name: `${side.name}, representative ${i + 1}`, group: side.id })),
);

/** A majority of each side's seats is present. */
const EACH_SIDE_PRESENT: QuorumCondition[] = [
  { kind: 'quorum', measure: 'count', min: { kind: 'majority' }, eachGroup: 'top' },
];

export const ALLIANCE_JOINT_COMMITTEE: Charter = {
  name: 'Nonprofit-corporate alliance joint committee',
  version: '1',
  groups: SIDES.map((s) => ({ id: s.id, name: s.name, seats: SEATS_PER_SIDE })),
  seats,
  bodies: [{ id: 'joint-committee', name: 'Joint committee', kind: 'committee' }],
  rules: {
    ordinary: {
      kind: 'staged',
      label: 'consensus, then a majority vote',
      quorum: EACH_SIDE_PRESENT,
      stages: [
        { id: 'consensus', grade: 'consensus', pass: { kind: 'consensus', label: 'consensus (stand-asides allowed)' } },
        {
          id: 'majority',
          grade: 'majority',
          pass: { kind: 'threshold', label: 'majority of votes cast', require: { kind: 'majority' }, base: 'votes_cast', measure: 'count' },
        },
      ],
    },
    each_side: {
      kind: 'staged',
      label: 'consensus, then a majority vote within each side',
      quorum: EACH_SIDE_PRESENT,
      stages: [
        { id: 'consensus', grade: 'consensus', pass: { kind: 'consensus', label: 'consensus (stand-asides allowed)' } },
        {
          id: 'majority-each-side',
          grade: 'majority of each side',
          pass: {
            kind: 'threshold',
            label: 'majority of votes cast within each side',
            require: { kind: 'majority' },
            base: 'votes_cast',
            measure: 'count',
            eachGroup: 'top',
          },
        },
      ],
    },
    amendment: {
      label: 'amendment: consensus with agreement on both sides, no vote fallback',
      quorum: EACH_SIDE_PRESENT,
      pass: {
        kind: 'all',
        label: 'consensus of both partners',
        of: [
          { kind: 'consensus', label: 'consensus (stand-asides allowed)' },
          { kind: 'veto', label: 'the nonprofit side agrees', group: 'nonprofit', agree: 'unanimous' },
          { kind: 'veto', label: 'the corporate side agrees', group: 'corporate', agree: 'unanimous' },
        ],
      },
    },
  },
  decisionTypes: {
    ordinary: { label: 'Ordinary decision', rule: 'ordinary', body: 'joint-committee', ballot: 'consensus', window: { minHours: 72, maxHours: 336, closeEarly: true } },
    budget: { label: 'Joint budget and resource commitments', rule: 'each_side', body: 'joint-committee', ballot: 'consensus', window: { minHours: 168, maxHours: 504 } },
    admission: { label: 'Admission of a member to the alliance', rule: 'each_side', body: 'joint-committee', ballot: 'consensus', window: { minHours: 168, maxHours: 504 } },
    amendment: { label: 'Amendment of the charter', rule: 'amendment', body: 'joint-committee', ballot: 'consensus', window: { minHours: 336, maxHours: 720 } },
  },
  amendment: 'amendment',
  proxies: { allowed: true, maxPerHolder: 1 },
  disputes: {
    ladder: [
      { id: 'relationship-managers', name: 'Talks between the relationship managers', days: 14 },
      { id: 'joint-committee', name: 'Escalation to the joint committee', body: 'joint-committee', days: 30 },
      { id: 'executive-sponsors', name: "Escalation to the partners' executive sponsors", days: 30 },
      { id: 'mediation', name: 'Mediation by an independent mediator', days: 60 },
    ],
  },
};
