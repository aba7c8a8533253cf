/**
 * Template: the steering committee of a public-private partnership (see docs/domain/templates.md).
 *
 * Follows the PPP facts in ../shared/briefs/governance.md: a steering committee of the public authority and the
 * private partner, reserved matters that need the public authority's consent (a veto on named decision types), and
 * the dispute ladder negotiation -> steering committee -> independent expert or mediation -> arbitration.
 * Seats are example seats: a live partnership maps them to its member organisations. Each party is a group so
 * that a partnership can seat several representatives per party (e.g. the contracting authority and its PPP unit);
 * the reserved-matter veto stays with the `public-authority` seat itself.
 * The day counts of the dispute ladder and the voting windows are example values (settings), not facts.
 */
import type { Charter, Condition, QuorumCondition } from '../charter';

/** Each party agrees: more yes than no among that party's seats (with one seat per party: that seat votes yes). */
const BOTH_PARTIES: Condition = {
  kind: 'all',
  label: 'both parties agree',
  of: [
    { kind: 'veto', label: 'the public party agrees', group: 'public', agree: 'majority' },
    { kind: 'veto', label: 'the private party agrees', group: 'private', agree: 'majority' },
  ],
};

/** Both parties are represented at the meeting (the lenders' observer seat does not count). */
const BOTH_PRESENT: QuorumCondition[] = [
  // no label: the default names each party's row ("quorum, public party: at least 1 present")
  { kind: 'quorum', measure: 'count', count: 1, eachGroup: ['public', 'private'] },
];

export const PPP_STEERING_COMMITTEE: Charter = {
  name: 'PPP steering committee',
  version: '1',
  groups: [
    { id: 'public', name: 'public party' },
    { id: 'private', name: 'private party' },
  ],
  seats: [
    { id: 'public-authority', name: 'Public authority (contracting authority)', group: 'public' },
    { id: 'private-partner', name: 'Private partner (project company / SPV)', group: 'private' },
    // Lenders follow the committee under their direct agreement but do not vote.
    { id: 'lenders', name: 'Lenders (observer)', voting: false },
  ],
  bodies: [{ id: 'steering-committee', name: 'Steering committee', kind: 'steering_committee' }],
  rules: {
    ordinary: { label: 'ordinary decision: both parties agree', quorum: BOTH_PRESENT, pass: BOTH_PARTIES },
    budget: { label: 'annual budget and work plan: both parties agree', quorum: BOTH_PRESENT, pass: BOTH_PARTIES },
    reserved: {
      label: "reserved matter: both parties agree and the public authority consents",
      quorum: BOTH_PRESENT,
      pass: {
        kind: 'all',
        label: 'reserved matter',
        of: [BOTH_PARTIES, { kind: 'veto', label: "the public authority's consent", seat: 'public-authority' }],
      },
    },
    amendment: {
      label: 'amendment of the charter: every seat of both parties agrees',
      quorum: BOTH_PRESENT,
      pass: {
        kind: 'all',
        label: 'both parties agree unanimously',
        of: [
          { kind: 'veto', label: 'the public party agrees unanimously', group: 'public', agree: 'unanimous' },
          { kind: 'veto', label: 'the private party agrees unanimously', group: 'private', agree: 'unanimous' },
        ],
      },
    },
  },
  decisionTypes: {
    ordinary: {
      label: 'Ordinary decision',
      rule: 'ordinary',
      body: 'steering-committee',
      ballot: 'yes_no',
      window: { minHours: 72, maxHours: 336, closeEarly: true },
      // The parties decide on their own contract: a conflict of interest is inherent, nobody leaves the base.
      recusal: false,
    },
    budget: {
      label: 'Annual budget and work plan',
      rule: 'budget',
      body: 'steering-committee',
      ballot: 'yes_no',
      window: { minHours: 168, maxHours: 504 },
      recusal: false,
    },
    reserved_matter: {
      label: "Reserved matter (needs the public authority's consent)",
      rule: 'reserved',
      body: 'steering-committee',
      ballot: 'yes_no',
      window: { minHours: 168, maxHours: 720 },
      recusal: false,
    },
    admission: {
      label: 'Admission of a member (a change of the parties is a reserved matter)',
      rule: 'reserved',
      body: 'steering-committee',
      ballot: 'yes_no',
      window: { minHours: 168, maxHours: 720 },
      recusal: false,
    },
    amendment: {
      label: 'Amendment of the charter',
      rule: 'amendment',
      body: 'steering-committee',
      ballot: 'yes_no',
      window: { minHours: 336, maxHours: 720 },
      recusal: false,
    },
  },
  amendment: 'amendment',
  proxies: { allowed: false },
  disputes: {
    ladder: [
      { id: 'negotiation', name: "Negotiation between the parties' representatives", days: 14 },
      { id: 'steering-committee', name: 'Escalation to senior officials in the steering committee', body: 'steering-committee', days: 30 },
      { id: 'expert-or-mediation', name: 'Independent expert determination or mediation', days: 60 },
      { id: 'arbitration', name: 'Arbitration (or the courts, as the project agreement says)' },
    ],
  },
};
