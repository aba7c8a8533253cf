/**
 * Template: a national multi-stakeholder group deciding by the EITI-style three-tier procedure (see
 * ../shared/briefs/governance.md and docs/domain/templates.md).
 *
 * - Three constituencies: government, industry, civil society (groups without shares).
 * - Tier 1: consensus. Tier 2: two-thirds of votes cast AND at least 2 yes votes in every constituency. If tier 2
 *   fails the matter is referred (outcome `referred`) to a working group with equal seats per constituency; the
 *   group's vote afterwards is counted with `decide(..., { startAt: 'tier3' })`. Tier 3 (fallback): simple majority,
 *   recorded with the low grade "simple-majority".
 * - Quorum: half of all members present AND at least one third of each constituency present (the EITI Members'
 *   Meeting quorum, used here for the group).
 * Seat counts (4 per constituency, 2 per constituency in the working group), the amendment rule, windows and the
 * dispute ladder are examples (settings).
 */
import type { Charter, Condition, QuorumCondition, Seat } from '../charter';

const CONSTITUENCIES = [
  { id: 'government', name: 'government constituency', seat: 'Government' },
  { id: 'industry', name: 'industry constituency', seat: 'Industry' },
  { id: 'civil-society', name: 'civil society constituency', seat: 'Civil society' },
] as const;
const SEATS_PER_CONSTITUENCY = 4;
const WORKING_GROUP_SEATS = 2;

const seats: Seat[] = CONSTITUENCIES.flatMap((c) =>
  Array.from({ length: SEATS_PER_CONSTITUENCY }, (_, i): Seat => ({ id: `${c.id}-${i + 1}`, name: `${c.seat} representative ${i + 1}`, group: c.id })),
);

const QUORUM: QuorumCondition[] = [
  { kind: 'quorum', label: 'half of all members present', measure: 'count', min: { kind: 'fraction', num: 1, den: 2 }, base: 'all_members' },
  // no label: the default names each constituency's row
  { kind: 'quorum', measure: 'count', min: { kind: 'fraction', num: 1, den: 3 }, eachGroup: 'top' },
];

const TIER2: Condition = {
  kind: 'all',
  label: 'tier 2',
  of: [
    { kind: 'threshold', label: 'two-thirds of votes cast', require: { kind: 'two_thirds' }, base: 'votes_cast', measure: 'count' },
    { kind: 'min_yes', label: 'at least 2 yes votes in every constituency', count: 2, eachGroup: 'top' },
  ],
};

export const EITI_MSG: Charter = {
  name: 'Multi-stakeholder group with a three-tier procedure (EITI style)',
  version: '1',
  groups: CONSTITUENCIES.map((c) => ({ id: c.id, name: c.name })),
  seats,
  bodies: [
    { id: 'msg', name: 'Multi-stakeholder group', kind: 'steering_committee' },
    {
      id: 'working-group',
      name: 'Working group (equal seats per constituency)',
      kind: 'working_group',
      seats: CONSTITUENCIES.flatMap((c) => Array.from({ length: WORKING_GROUP_SEATS }, (_, i) => `${c.id}-${i + 1}`)),
    },
  ],
  rules: {
    three_tier: {
      kind: 'staged',
      label: 'three tiers: consensus; two-thirds with 2 yes in every constituency (else referral); simple majority',
      quorum: QUORUM,
      stages: [
        { id: 'tier1', grade: 'consensus', pass: { kind: 'consensus', label: 'tier 1: consensus' } },
        { id: 'tier2', grade: 'qualified-majority', onFail: 'refer', pass: TIER2 },
        {
          id: 'tier3',
          grade: 'simple-majority',
          pass: { kind: 'threshold', label: 'tier 3: simple majority of votes cast', require: { kind: 'majority' }, base: 'votes_cast', measure: 'count' },
        },
      ],
    },
    // Example (unconfirmed): the group's own rules change only by consensus or tier 2; no simple-majority fallback.
    amendment: {
      kind: 'staged',
      label: 'consensus, else two-thirds with 2 yes in every constituency; no fallback',
      quorum: QUORUM,
      stages: [
        { id: 'tier1', grade: 'consensus', pass: { kind: 'consensus', label: 'tier 1: consensus' } },
        { id: 'tier2', grade: 'qualified-majority', onFail: 'reject', pass: TIER2 },
      ],
    },
    working_group: {
      kind: 'staged',
      label: 'working group: consensus, else a majority with a yes from every constituency',
      quorum: [{ kind: 'quorum', measure: 'count', count: 1, eachGroup: 'top' }],
      stages: [
        { id: 'consensus', grade: 'consensus', pass: { kind: 'consensus' } },
        {
          id: 'majority',
          grade: 'majority',
          pass: {
            kind: 'all',
            of: [
              { kind: 'threshold', label: 'majority of votes cast', require: { kind: 'majority' }, base: 'votes_cast', measure: 'count' },
              { kind: 'min_yes', label: 'a yes from every constituency', count: 1, eachGroup: 'top' },
            ],
          },
        },
      ],
    },
  },
  decisionTypes: {
    ordinary: { label: 'Decision of the group', rule: 'three_tier', body: 'msg', ballot: 'yes_no', window: { minHours: 72, maxHours: 336 } },
    budget: { label: 'Work plan and budget', rule: 'three_tier', body: 'msg', ballot: 'yes_no', window: { minHours: 168, maxHours: 504 } },
    admission: { label: 'Admission of a member (a constituency nominates, the group confirms)', rule: 'three_tier', body: 'msg', ballot: 'yes_no', window: { minHours: 168, maxHours: 504 } },
    amendment: { label: 'Amendment of the terms of reference', rule: 'amendment', body: 'msg', ballot: 'yes_no', window: { minHours: 336, maxHours: 720 } },
    working_group_proposal: { label: 'Proposal of the working group on a referred matter', rule: 'working_group', body: 'working-group', ballot: 'yes_no' },
  },
  amendment: 'amendment',
  proxies: { allowed: false },
  disputes: {
    ladder: [
      { id: 'within-constituencies', name: 'Talks between the constituencies concerned', days: 30 },
      { id: 'working-group', name: 'Working group with equal seats per constituency', body: 'working-group', days: 60 },
      { id: 'msg', name: 'Decision of the multi-stakeholder group', body: 'msg', days: 30 },
      { id: 'mediation', name: 'Mediation by an independent facilitator' },
    ],
  },
};
