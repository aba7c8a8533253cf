/**
 * Template: a constituency board after the Gavi Board (see ../shared/briefs/governance.md and
 * docs/domain/templates.md).
 *
 * - Constituency seats: developing-country governments, donor governments, WHO, UNICEF, the World Bank, the Gates
 *   Foundation, civil society, the vaccine industry (industrialised and developing countries), research institutes;
 *   unaffiliated independent members; and a non-voting CEO who sits ex officio.
 * - UNCONFIRMED: seat counts per constituency. The counts here (SEAT_COUNTS) are examples.
 * - Quorum: a fixed number of voting members present (QUORUM_COUNT, an example value to copy from the board's own
 *   papers). UNCONFIRMED whether non-voting seats count toward it: the setting `countNonVoting` is false.
 * - Decisions by consensus. The vote fallback when consensus fails is this template's choice (two-thirds of votes
 *   cast), as are the stricter amendment rule, the windows and the dispute ladder.
 */
import type { Charter, Condition, Group, QuorumCondition, Rule, Seat } from '../charter';

/** Example seat counts per constituency (unconfirmed). */
const SEAT_COUNTS = {
  'developing-country-governments': 5,
  'donor-governments': 5,
  who: 1,
  unicef: 1,
  'world-bank': 1,
  'gates-foundation': 1,
  'civil-society': 1,
  'vaccine-industry/industrialised': 1,
  'vaccine-industry/developing': 1,
  'research-institutes': 1,
  independent: 9,
} as const;

/** The fixed quorum: this many voting members present (example value). */
export const QUORUM_COUNT = 14;
/** UNCONFIRMED: whether the non-voting CEO counts toward the quorum. */
export const COUNT_NON_VOTING = false;

const groups: Group[] = [
  { id: 'developing-country-governments', name: 'developing-country governments' },
  { id: 'donor-governments', name: 'donor governments' },
  { id: 'who', name: 'World Health Organization' },
  { id: 'unicef', name: 'UNICEF' },
  { id: 'world-bank', name: 'World Bank' },
  { id: 'gates-foundation', name: 'Gates Foundation' },
  { id: 'civil-society', name: 'civil society' },
  {
    id: 'vaccine-industry',
    name: 'vaccine industry',
    groups: [
      { id: 'industrialised', name: 'vaccine industry, industrialised countries' },
      { id: 'developing', name: 'vaccine industry, developing countries' },
    ],
  },
  { id: 'research-institutes', name: 'research and technical health institutes' },
  { id: 'independent', name: 'unaffiliated independent members' },
];

const names = new Map<string, string>();
const walk = (list: Group[], prefix: string) =>
  list.forEach((g) => {
    const path = prefix ? `${prefix}/${g.id}` : g.id;
    names.set(path, g.name ?? g.id);
    walk(g.groups ?? [], path);
  });
walk(groups, '');

const seats: Seat[] = [
  ...Object.entries(SEAT_COUNTS).flatMap(([path, n]) =>
    Array.from({ length: n }, (_, i): Seat => ({
      id: n === 1 ? path.replace('/', '-') : `${path.replace('/', '-')}-${i + 1}`,
      name: n === 1 ? names.get(path) : `${names.get(path)} ${i + 1}`,
      group: path,
    })),
  ),
  { id: 'ceo', name: 'Chief executive officer (ex officio, non-voting)', voting: false, exOfficio: true },
];

const QUORUM: QuorumCondition[] = [
  { kind: 'quorum', label: `at least ${QUORUM_COUNT} voting members present`, measure: 'count', count: QUORUM_COUNT, countNonVoting: COUNT_NON_VOTING },
];

const consensusThen = (label: string, fallback: Condition): Rule => ({
  kind: 'staged',
  label,
  quorum: QUORUM,
  stages: [
    { id: 'consensus', grade: 'consensus', pass: { kind: 'consensus', label: 'consensus: nobody votes no' } },
    { id: 'vote', grade: 'vote', pass: fallback },
  ],
});

export const GAVI_CONSTITUENCY_BOARD: Charter = {
  name: 'Constituency board (Gavi style)',
  version: '1',
  groups,
  seats,
  bodies: [{ id: 'board', name: 'Board', kind: 'board' }],
  rules: {
    ordinary: consensusThen('consensus, else two-thirds of votes cast', {
      kind: 'threshold',
      label: 'two-thirds of votes cast',
      require: { kind: 'two_thirds' },
      base: 'votes_cast',
      measure: 'count',
    }),
    amendment: consensusThen('consensus, else two-thirds of all voting members', {
      kind: 'threshold',
      label: 'two-thirds of all voting members',
      require: { kind: 'two_thirds' },
      base: 'all_members',
      measure: 'count',
    }),
  },
  decisionTypes: {
    ordinary: { label: 'Board decision', rule: 'ordinary', body: 'board', ballot: 'yes_no', window: { minHours: 72, maxHours: 336 } },
    budget: { label: 'Budget and programme funding', rule: 'ordinary', body: 'board', ballot: 'yes_no', window: { minHours: 168, maxHours: 504 } },
    admission: { label: 'Appointment to a seat (a constituency nominates, the board appoints)', rule: 'ordinary', body: 'board', ballot: 'yes_no', window: { minHours: 168, maxHours: 504 } },
    amendment: { label: 'Amendment of the statutes', rule: 'amendment', body: 'board', ballot: 'yes_no', window: { minHours: 336, maxHours: 720 } },
  },
  amendment: 'amendment',
  proxies: { allowed: false },
  disputes: {
    ladder: [
      { id: 'consultation', name: 'Consultation between the constituencies concerned', days: 30 },
      { id: 'board-chair', name: 'Good offices of the board chair', days: 30 },
      { id: 'board', name: 'Decision of the board', body: 'board', days: 60 },
      { id: 'mediation', name: 'Independent mediation' },
    ],
  },
};
