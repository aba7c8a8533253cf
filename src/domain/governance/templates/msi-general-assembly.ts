/**
 * Template: the general assembly of a multi-stakeholder initiative, after the Forest Stewardship Council's General
 * Assembly (see ../shared/briefs/governance.md and docs/domain/templates.md).
 *
 * - Three chambers (environmental, social, economic), 1/3 of the vote each; each split North / South, 1/2 each;
 *   inside each sub-chamber organisational members hold 9/10 and individual members 1/10: 12 cells.
 * - A cell's share is spread over its members. UNCONFIRMED: whether a cell's share is scaled by the cell's own
 *   turnout. The template uses `per_member` (each member holds share / members of the cell; absent members' power
 *   is not used); `per_present` (share / members present) is the other setting.
 * - Consensus (absence of sustained opposition) is sought first; then the vote: quorum more than 50% of each
 *   chamber's voting power present; a simple majority of yes within every chamber (of votes cast); at least
 *   two-thirds of all voting power in favour.
 * - Reading of "at least two-thirds of all voting power present in favour; abstentions do not count as votes": the
 *   base is the weighted votes cast (yes + no), not everybody present, because counting those present would make
 *   abstentions count as no. `base: 'present'` is the alternative setting.
 * - A motion needs a proposer and two seconders with all three chambers among the three.
 * - Proxies: at most 5 organisational members' proxies per holder, any number of individual members'.
 * Seats (3 organisational and 2 individual members per cell), the amendment rule, windows and the dispute ladder are
 * examples (settings), not facts about FSC.
 */
import type { Charter, Condition, Group, QuorumCondition, Rule, Seat, Spread } from '../charter';

const CHAMBERS = [
  { id: 'environmental', name: 'environmental chamber' },
  { id: 'social', name: 'social chamber' },
  { id: 'economic', name: 'economic chamber' },
] as const;
const SUBS = [
  { id: 'north', name: 'North' },
  { id: 'south', name: 'South' },
] as const;
const CLASSES = [
  { id: 'org', name: 'organisational members', share: '9/10', examples: 3 },
  { id: 'ind', name: 'individual members', share: '1/10', examples: 2 },
] as const;

/** UNCONFIRMED normalisation of a cell's share (see above): a setting. */
const SPREAD: Spread = 'per_member';

const groups: Group[] = CHAMBERS.map((c) => ({
  id: c.id,
  name: c.name,
  share: '1/3',
  groups: SUBS.map((s) => ({
    id: s.id,
    name: `${c.name}, ${s.name}`,
    share: '1/2',
    groups: CLASSES.map((k) => ({ id: k.id, name: `${c.name}, ${s.name}, ${k.name}`, share: k.share, spread: SPREAD })),
  })),
}));

const seats: Seat[] = CHAMBERS.flatMap((c) =>
  SUBS.flatMap((s) =>
    CLASSES.flatMap((k) =>
      Array.from({ length: k.examples }, (_, i): Seat => ({
        id: `${c.id}-${s.id}-${k.id}-${i + 1}`,
        name: `${c.name}, ${s.name}, ${k.id === 'org' ? 'organisation' : 'individual'} ${i + 1}`,
        group: `${c.id}/${s.id}/${k.id}`,
      })),
    ),
  ),
);

/** More than 50% of each chamber's voting power present. */
const QUORUM: QuorumCondition[] = [
  // no label: the default names each chamber's row ("quorum, social chamber: more than 50% of all voting power present")
  { kind: 'quorum', measure: 'weight', min: { kind: 'majority' }, eachGroup: 'top' },
];

const CONSENSUS: Condition = { kind: 'consensus', label: 'consensus: no sustained opposition' };

const MOTION: Rule = {
  kind: 'staged',
  label: 'consensus first, then a majority in every chamber and two-thirds overall',
  quorum: QUORUM,
  stages: [
    { id: 'consensus', grade: 'consensus', pass: CONSENSUS },
    {
      id: 'vote',
      grade: 'vote',
      pass: {
        kind: 'all',
        label: 'the vote',
        of: [
          { kind: 'threshold', label: 'simple majority in every chamber', require: { kind: 'majority' }, base: 'votes_cast', measure: 'weight', eachGroup: 'top' },
          { kind: 'threshold', label: 'at least two-thirds of all voting power in favour', require: { kind: 'two_thirds' }, base: 'votes_cast', measure: 'weight' },
        ],
      },
    },
  ],
};

/** Seconders: two, with the proposer and the seconders together from all three chambers. */
const SECONDERS = { count: 2, distinctGroups: 3 };

export const MSI_GENERAL_ASSEMBLY: Charter = {
  name: 'Multi-stakeholder general assembly (FSC style)',
  version: '1',
  groups,
  seats,
  bodies: [
    { id: 'general-assembly', name: 'General assembly', kind: 'assembly' },
    {
      id: 'dispute-committee',
      name: 'Dispute resolution committee (one organisational member per chamber)',
      kind: 'committee',
      seats: ['environmental-north-org-1', 'social-south-org-1', 'economic-north-org-1'],
    },
  ],
  rules: {
    motion: MOTION,
    amendment: {
      kind: 'staged',
      label: 'consensus first, then two-thirds in every chamber',
      quorum: QUORUM,
      stages: [
        { id: 'consensus', grade: 'consensus', pass: CONSENSUS },
        {
          id: 'vote',
          grade: 'vote',
          pass: { kind: 'threshold', label: 'at least two-thirds in every chamber', require: { kind: 'two_thirds' }, base: 'votes_cast', measure: 'weight', eachGroup: 'top' },
        },
      ],
    },
    committee: {
      label: 'dispute committee: a majority of its members',
      quorum: [{ kind: 'quorum', label: 'all three members present', measure: 'count', min: { kind: 'fraction', num: 1, den: 1 } }],
      pass: { kind: 'threshold', label: 'a majority of all committee members', require: { kind: 'majority' }, base: 'all_members', measure: 'count' },
    },
  },
  decisionTypes: {
    ordinary: { label: 'Motion', rule: 'motion', body: 'general-assembly', ballot: 'yes_no', seconders: SECONDERS, window: { minHours: 168, maxHours: 336 } },
    budget: { label: 'Budget', rule: 'motion', body: 'general-assembly', ballot: 'yes_no', seconders: SECONDERS, window: { minHours: 168, maxHours: 336 } },
    admission: { label: 'Admission of a member', rule: 'motion', body: 'general-assembly', ballot: 'yes_no', seconders: SECONDERS, window: { minHours: 168, maxHours: 336 } },
    amendment: { label: 'Amendment of the statutes', rule: 'amendment', body: 'general-assembly', ballot: 'yes_no', seconders: SECONDERS, window: { minHours: 336, maxHours: 720 } },
    dispute_ruling: { label: 'Ruling of the dispute resolution committee', rule: 'committee', body: 'dispute-committee', ballot: 'yes_no' },
  },
  amendment: 'amendment',
  proxies: { allowed: true, caps: [{ memberClass: 'org', max: 5 }] },
  disputes: {
    ladder: [
      { id: 'dialogue', name: 'Direct dialogue between the members concerned', days: 30 },
      { id: 'mediation', name: 'Mediation facilitated by the secretariat', days: 60 },
      { id: 'committee', name: 'Dispute resolution committee', body: 'dispute-committee', days: 90 },
      { id: 'arbitration', name: 'Independent arbitration' },
    ],
  },
};
