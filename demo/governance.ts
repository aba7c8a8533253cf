/**
 * How the four demo partnerships govern themselves: each adopts a charter from a shipped template (with the
 * template's example seats mapped to its real member organisations and people), then takes years of dated
 * decisions under it, and keeps a dispute register. `load.ts` merges these events into each partnership's
 * story by date and replays them through the governance services (adoptCharter, propose, second, castBallot,
 * recuse, grantProxy, closeDecision, recordOutcome, addComment, raiseDispute, escalateDispute, resolveDispute).
 *
 * Dates: `on` is a date (YYYY-MM-DD, before 2026-11-01) or, for what must still be live when the demo is loaded,
 * `today-N` (N days before the day of loading). `closes` (when voting ends, at 17:00 UTC) is a date or `today+N`.
 * Seats name organisations by their key in data.ts and people by e-mail; load.ts turns them into ids.
 */
import type { Charter, QuorumCondition, Seat } from '../src/domain/governance/charter';
import type { PollBallot, PollSpec } from '../src/domain/governance/polls';
import {
  AMINA, ANA, BJORN, CAMILA, CARLOS, CLAIRE, DAVID, ELEANOR, ELENA, FATIMA, GRACE, HENRIK, INGRID, JOHAN, KENJI, LENA, LUCAS,
  MAARTEN, MARIE, MARK, MIKKO, PIERRE, RAHUL, SOFIA, THANDI, TOMAS, YUKI, ADWOA,
} from './data';

/**
 * A seat of the adopted charter. `id` names a seat of the template (its group and voting status are kept; the
 * name and holders given here replace the template's) or a new seat (then give `group`, or `voting: false`).
 * Template seats that are not listed are dropped. `org` is an organisation key, `person`/`alternate` e-mails.
 */
export interface SeatSpec { id: string; name: string; org?: string; person?: string; alternate?: string; group?: string; voting?: false; exOfficio?: boolean }

/** The ballot of one seat: [date, e-mail of who casts it, seat, choice, reason]. */
type Vote = [on: string, by: string, seat: string, choice: string, reason?: string];

export type GovEvent =
  | { on: string; kind: 'charter'; by: string; p: string; template: string; name: string; note: string; seats: SeatSpec[]; adjust?: (c: Charter) => void }
  | {
      on: string; kind: 'propose'; by: string; p: string; key: string; title: string; text: string; closes: string;
      type?: string; seat?: string; links?: { title: string; url: string }[]; poll?: PollSpec;
      /** For amendments: the new charter, made from the one in force. */
      amend?: { drop?: string[]; add?: SeatSpec[]; adjust?: (c: Charter) => void };
    }
  | { on: string; kind: 'second'; by: string; d: string; seat?: string }
  | { on: string; kind: 'ballot'; by: string; d: string; seat: string; choice: string; reason?: string }
  | { on: string; kind: 'answer'; by: string; d: string; answer: PollBallot }
  | { on: string; kind: 'recuse'; by: string; d: string; seat: string; reason: string }
  | { on: string; kind: 'proxy'; by: string; d: string; seat: string; to: string }
  | { on: string; kind: 'comment'; by: string; d: string; body: string }
  | { on: string; kind: 'close'; by: string; d: string }
  | { on: string; kind: 'outcome'; by: string; d: string; statement: string; reviewOn?: string }
  | { on: string; kind: 'dispute'; by: string; p: string; key: string; subject: string; description: string; parties: string[]; about?: string }
  | { on: string; kind: 'escalate'; by: string; dispute: string; result: string; reason: string }
  | { on: string; kind: 'resolve'; by: string; dispute: string; resolution: string };

const votes = (d: string, list: Vote[]): GovEvent[] =>
  list.map(([on, by, seat, choice, reason]) => ({ on, kind: 'ballot', by, d, seat, choice, ...(reason ? { reason } : {}) }));
const answers = (on: string, d: string, list: [by: string, answer: PollBallot][]): GovEvent[] => list.map(([by, answer]) => ({ on, kind: 'answer', by, d, answer }));
const doc = (slug: string, title: string) => ({ title, url: `https://docs.accord-demo.example/${slug}` });

// 1. Living Forests Standards Council: msi-general-assembly ------------------------------------------------------
//
// The FSC-style assembly keeps its three chambers (1/3 each) and their North/South halves (1/2 each). The council
// admits organisations only, so the template's split of each half into organisational (9/10) and individual
// (1/10) members is reduced to the organisational cell, which holds the whole half. Borneo Hardwoods' seat stays in the charter after it left in February
// 2025 (nobody votes for it) until the 2025 amendment removes it: version 2 of the charter. The Himalayan alliance's
// seat has no representative on Accord. Instituto Amazônia Viva votes through Tomás Herrera as its alternate.
const F = 'forest';
const FOREST_SEATS: SeatSpec[] = [
  { id: 'environmental-north-org-1', name: 'Nordic Woodland Trust', org: 'nwt' },
  { id: 'environmental-south-org-1', name: 'Instituto Amazônia Viva', org: 'amazonia', alternate: TOMAS },
  { id: 'social-north-org-1', name: 'Federation of Forest and Wood Workers', org: 'ffww' },
  { id: 'social-south-org-1', name: 'Indigenous Forest Peoples Network', org: 'ifpn' },
  { id: 'social-south-org-2', name: 'Himalayan Community Forest Users Alliance', org: 'hcfua' },
  { id: 'economic-north-org-1', name: 'HomeCraft Retail', org: 'homecraft' },
  { id: 'economic-north-org-2', name: 'Boreal Timber', org: 'boreal' },
  { id: 'economic-south-org-1', name: 'Plantaciones Andinas', org: 'andean' },
  { id: 'economic-south-org-2', name: 'Borneo Hardwoods', org: 'borneo' },
];

/** Organisational members only: each North/South half has one cell, its organisational members, with all its share. */
function organisationsOnly(c: Charter): void {
  for (const chamber of c.groups ?? [])
    for (const half of chamber.groups ?? []) half.groups = (half.groups ?? []).filter((g) => g.id === 'org').map((g) => ({ ...g, share: '1' }));
}

const forest: GovEvent[] = [
  {
    on: '2020-06-18', kind: 'charter', by: ELENA, p: F, template: 'msi-general-assembly', name: 'Statutes of the Living Forests Standards Council',
    note: 'The statutes of the 2016 founding assembly, recorded on Accord now that the Himalayan alliance is a full member: three chambers of organisations with equal votes, each split North and South; motions need a proposer and two seconders from all three chambers.',
    seats: FOREST_SEATS,
    adjust: organisationsOnly,
  },

  // #1 adopted by consensus
  { on: '2021-02-22', kind: 'propose', by: BJORN, p: F, key: 'f-review', type: 'ordinary', closes: '2021-03-05', title: 'Open the five-year review of the forest management standard', text: 'The statutes require a review of the standard every five years. The secretariat proposes two rounds of public consultation (90 and 60 days) on the indicators for high-conservation-value forests and Indigenous rights, and a technical working group with two members per chamber.', links: [doc('fm-review-plan', 'Review plan and timeline')] },
  { on: '2021-02-22', kind: 'second', by: ANA, d: 'f-review' },
  { on: '2021-02-23', kind: 'second', by: MARK, d: 'f-review' },
  { on: '2021-02-24', kind: 'comment', by: ANA, d: 'f-review', body: 'The social chamber supports this, and asks that the review covers free, prior and informed consent, not only the mapping of conservation areas.' },
  ...votes('f-review', [
    ['2021-02-24', BJORN, 'environmental-north-org-1', 'yes'], ['2021-02-25', TOMAS, 'environmental-south-org-1', 'yes'], ['2021-02-25', ANA, 'social-south-org-1', 'yes'],
    ['2021-02-26', MARIE, 'social-north-org-1', 'yes'], ['2021-03-01', MARK, 'economic-north-org-1', 'yes'], ['2021-03-01', MIKKO, 'economic-north-org-2', 'yes'],
    ['2021-03-02', CAMILA, 'economic-south-org-1', 'yes'],
  ]),
  { on: '2021-03-06', kind: 'close', by: ELENA, d: 'f-review' },
  { on: '2021-03-08', kind: 'outcome', by: ELENA, d: 'f-review', statement: 'Adopted by consensus. The review opens on 15 March 2021; the working group is Nordic Woodland Trust, Instituto Amazônia Viva, the Federation of Forest and Wood Workers, the Indigenous Forest Peoples Network, HomeCraft Retail and Plantaciones Andinas.' },

  // #2 adopted by the vote after consensus failed (the fallback grade), with a proxy
  { on: '2022-06-06', kind: 'propose', by: ANA, p: F, key: 'f-standard', type: 'ordinary', closes: '2022-06-17', title: 'Adopt the revised forest management standard (version 3)', text: 'Version 3 of the standard, as consolidated after two consultation rounds: mandatory maps of high-conservation-value areas for every management unit, free, prior and informed consent wherever a unit overlaps customary land, and a new indicator on workers’ freedom of association. Effective 1 January 2023 with a one-year transition.', links: [doc('fm-standard-v3', 'Standard v3, consolidated draft'), doc('fm-consultation-report', 'Consultation report')] },
  { on: '2022-06-06', kind: 'second', by: BJORN, d: 'f-standard' },
  { on: '2022-06-07', kind: 'second', by: MARK, d: 'f-standard' },
  { on: '2022-06-08', kind: 'comment', by: MIKKO, d: 'f-standard', body: 'Boreal Timber supports most of version 3, but mapping conservation areas at 1:10,000 for every unit costs us about €4 per hectare. We will vote against unless the transition is two years.' },
  { on: '2022-06-09', kind: 'comment', by: MARK, d: 'f-standard', body: 'Retailers need the new standard in force in 2023: our customers ask for it. A longer transition can be handled in the certification bodies’ guidance.' },
  { on: '2022-06-09', kind: 'proxy', by: TOMAS, d: 'f-standard', seat: 'environmental-south-org-1', to: BJORN },
  ...votes('f-standard', [
    ['2022-06-09', BJORN, 'environmental-north-org-1', 'yes'], ['2022-06-09', BJORN, 'environmental-south-org-1', 'yes'], ['2022-06-10', ANA, 'social-south-org-1', 'yes'],
    ['2022-06-10', MARIE, 'social-north-org-1', 'yes'], ['2022-06-13', MARK, 'economic-north-org-1', 'yes'],
    ['2022-06-14', MIKKO, 'economic-north-org-2', 'no', 'The mapping costs fall on northern producers without a longer transition.'], ['2022-06-15', CAMILA, 'economic-south-org-1', 'yes'],
  ]),
  { on: '2022-06-18', kind: 'close', by: ELENA, d: 'f-standard' },
  { on: '2022-06-20', kind: 'outcome', by: ELENA, d: 'f-standard', reviewOn: '2026-06-30', statement: 'Adopted by the vote: Boreal Timber opposed, so consensus was not reached, but every chamber had a majority and 90% of the voting power cast was in favour. Version 3 applies from 1 January 2023. The assembly asked the secretariat to review the cost of conservation mapping after three audit cycles.' },

  // #3 rejected: no majority in the social chamber
  { on: '2023-09-04', kind: 'propose', by: MIKKO, p: F, key: 'f-fees', type: 'budget', closes: '2023-09-15', title: '2024 budget: raise membership fees by 15% in every chamber', text: 'Certification fees no longer cover the secretariat’s growing work on grievances and the chain-of-custody review. The 2024 budget balances with a 15% rise in every member’s annual fee.', links: [doc('budget-2024', '2024 budget and fee scale')] },
  { on: '2023-09-04', kind: 'second', by: BJORN, d: 'f-fees' },
  { on: '2023-09-05', kind: 'second', by: MARIE, d: 'f-fees' },
  { on: '2023-09-06', kind: 'comment', by: ANA, d: 'f-fees', body: 'A flat 15% rise is a burden that community organisations of the South cannot carry. We would support a fee scale tied to members’ turnover.' },
  ...votes('f-fees', [
    ['2023-09-06', BJORN, 'environmental-north-org-1', 'yes'], ['2023-09-07', TOMAS, 'environmental-south-org-1', 'no', 'Same concern as the social chamber: the rise should depend on size.'],
    ['2023-09-07', ANA, 'social-south-org-1', 'no', 'Unaffordable for community members.'], ['2023-09-08', MARIE, 'social-north-org-1', 'no', 'Unions pay from members’ dues; a tiered scale is fairer.'],
    ['2023-09-11', MARK, 'economic-north-org-1', 'yes'], ['2023-09-11', MIKKO, 'economic-north-org-2', 'yes'], ['2023-09-12', CAMILA, 'economic-south-org-1', 'yes'],
  ]),
  { on: '2023-09-16', kind: 'close', by: ELENA, d: 'f-fees' },
  { on: '2023-09-18', kind: 'outcome', by: ELENA, d: 'f-fees', statement: 'Rejected: the social chamber voted against and the environmental chamber was split, so there was no majority in every chamber, and only half of the voting power cast was in favour. The secretariat will table a fee scale tied to members’ turnover at the next assembly; the 2024 budget runs on 2023 fees.' },

  // the dispute that ended Borneo Hardwoods' membership: resolved after almost a year
  { on: '2024-03-11', kind: 'dispute', by: BJORN, p: F, key: 'f-borneo', parties: ['nwt', 'borneo'], subject: 'Logging in high-conservation-value forest in a certified Sarawak concession', description: 'Satellite images and a field visit by Nordic Woodland Trust show new logging roads in 1,200 ha that Borneo Hardwoods’ own map classifies as high-conservation-value forest. The trust asks for a moratorium and an independent assessment; the company says the roads predate certification.' },
  { on: '2024-04-22', kind: 'escalate', by: ELENA, dispute: 'f-borneo', result: 'No agreement: Borneo Hardwoods disputes the satellite evidence and declined a joint field visit.', reason: 'The members could not settle it between themselves within the time the statutes allow.' },
  { on: '2024-07-30', kind: 'escalate', by: ELENA, dispute: 'f-borneo', result: 'The proposed settlement (a moratorium on the 1,200 ha and an independent assessment paid by the company) was rejected by Borneo Hardwoods.', reason: 'The trust asks for a binding ruling.' },
  // the dispute committee rules; the trust is a party, so its seat steps aside
  { on: '2025-01-20', kind: 'propose', by: ELENA, p: F, key: 'f-ruling', type: 'dispute_ruling', closes: '2025-02-03', title: 'Ruling on the Sarawak concession complaint', text: 'The dispute committee finds that Borneo Hardwoods built roads and logged in mapped high-conservation-value forest after certification, in breach of principle 9 of the standard. Its certificates are suspended until an independent assessment and a restoration plan are approved.', links: [doc('sarawak-assessment', 'Independent field assessment, December 2024')] },
  { on: '2025-01-20', kind: 'recuse', by: BJORN, d: 'f-ruling', seat: 'environmental-north-org-1', reason: 'Nordic Woodland Trust brought the complaint.' },
  ...votes('f-ruling', [['2025-01-22', ANA, 'social-south-org-1', 'yes'], ['2025-01-27', MARK, 'economic-north-org-1', 'yes']]),
  { on: '2025-02-04', kind: 'close', by: ELENA, d: 'f-ruling' },
  { on: '2025-02-04', kind: 'outcome', by: ELENA, d: 'f-ruling', statement: 'The committee upheld the complaint (two votes to none; Nordic Woodland Trust recused as a party). Borneo Hardwoods’ certificates are suspended.' },
  { on: '2025-02-27', kind: 'resolve', by: ELENA, dispute: 'f-borneo', resolution: 'Borneo Hardwoods did not accept the committee’s ruling and resigned its membership with effect from 28 February 2025; its certificates stay suspended. The trust considers the complaint settled.' },

  // #5 no quorum (summer written ballot)
  { on: '2024-07-15', kind: 'propose', by: MARK, p: F, key: 'f-label', type: 'ordinary', closes: '2024-07-26', title: 'Approve the new on-product label and trademark rules', text: 'A simpler on-product label (one logo, a QR code to the certificate) and shorter trademark rules for retailers.', links: [doc('label-2025', 'Label artwork and trademark rules')] },
  { on: '2024-07-15', kind: 'second', by: BJORN, d: 'f-label' },
  { on: '2024-07-16', kind: 'second', by: ANA, d: 'f-label' },
  ...votes('f-label', [['2024-07-17', BJORN, 'environmental-north-org-1', 'yes'], ['2024-07-18', TOMAS, 'environmental-south-org-1', 'yes'], ['2024-07-18', MARK, 'economic-north-org-1', 'yes'], ['2024-07-22', ANA, 'social-south-org-1', 'yes']]),
  { on: '2024-07-27', kind: 'close', by: ELENA, d: 'f-label' },
  { on: '2024-07-29', kind: 'outcome', by: ELENA, d: 'f-label', statement: 'No quorum: the social and economic chambers were under half of their voting power during the summer. The label goes to the October assembly.' },

  // #7 an amendment: charter version 2
  {
    on: '2025-10-20', kind: 'propose', by: BJORN, p: F, key: 'f-amend', type: 'amendment', closes: '2025-11-14', title: 'Statutes amendment 2025: remove the vacated seat and cap organisational proxies at three',
    text: 'Borneo Hardwoods left on 28 February 2025; its seat in the economic chamber (South) is removed. To keep the assembly representative, a member may carry at most three organisational proxies instead of five.',
    amend: {
      drop: ['economic-south-org-2'],
      adjust: (c) => { c.proxies = { allowed: true, caps: [{ memberClass: 'org', max: 3 }] }; },
    },
  },
  { on: '2025-10-20', kind: 'second', by: ANA, d: 'f-amend' },
  { on: '2025-10-21', kind: 'second', by: CAMILA, d: 'f-amend' },
  ...votes('f-amend', [
    ['2025-10-22', BJORN, 'environmental-north-org-1', 'yes'], ['2025-10-23', TOMAS, 'environmental-south-org-1', 'yes'], ['2025-10-24', ANA, 'social-south-org-1', 'yes'],
    ['2025-10-27', MARIE, 'social-north-org-1', 'yes'], ['2025-10-28', MARK, 'economic-north-org-1', 'yes'], ['2025-10-29', MIKKO, 'economic-north-org-2', 'abstain'],
    ['2025-10-30', CAMILA, 'economic-south-org-1', 'yes'],
  ]),
  { on: '2025-11-15', kind: 'close', by: ELENA, d: 'f-amend' },
  { on: '2025-11-17', kind: 'outcome', by: ELENA, d: 'f-amend', statement: 'Adopted by consensus (Boreal Timber abstained). Version 2 of the statutes is in force.' },

  // a ranked poll: where the 2026 assembly meets
  {
    on: '2026-05-11', kind: 'propose', by: ELENA, p: F, key: 'f-venue', closes: '2026-05-29', title: 'Where should the 2026 General Assembly meet?', text: 'Rank the candidate cities. The secretariat will book the venue the members prefer (instant runoff).',
    poll: { kind: 'ranked', options: [{ id: 'bonn', label: 'Bonn' }, { id: 'lima', label: 'Lima' }, { id: 'kathmandu', label: 'Kathmandu' }, { id: 'vancouver', label: 'Vancouver' }] },
  },
  ...answers('2026-05-13', 'f-venue', [
    [BJORN, { ranking: ['bonn', 'lima', 'vancouver'] }], [TOMAS, { ranking: ['lima', 'bonn'] }], [ANA, { ranking: ['lima', 'kathmandu', 'bonn'] }],
    [MARIE, { ranking: ['vancouver', 'lima', 'bonn'] }], [MARK, { ranking: ['bonn', 'vancouver'] }], [MIKKO, { ranking: ['bonn', 'lima'] }],
    [CAMILA, { ranking: ['lima', 'bonn'] }], [ELENA, { ranking: ['kathmandu', 'lima', 'bonn'] }],
  ]),
  { on: '2026-05-30', kind: 'close', by: ELENA, d: 'f-venue' },

  // live: the 2027 budget is being voted on
  { on: 'today-6', kind: 'propose', by: MIKKO, p: F, key: 'f-budget27', type: 'budget', closes: 'today+4', title: '2027 budget and work plan', text: 'Income of €6.1m (certification fees €4.9m, membership fees on the new tiered scale €0.7m, grants €0.5m); spending on the secretariat, the grievance mechanism, the chain-of-custody transition and the 2026 assembly.', links: [doc('budget-2027', '2027 budget and work plan')] },
  { on: 'today-6', kind: 'second', by: BJORN, d: 'f-budget27' },
  { on: 'today-5', kind: 'second', by: ANA, d: 'f-budget27' },
  ...votes('f-budget27', [['today-4', BJORN, 'environmental-north-org-1', 'yes'], ['today-4', ANA, 'social-south-org-1', 'yes'], ['today-3', MIKKO, 'economic-north-org-2', 'yes'], ['today-2', CAMILA, 'economic-south-org-1', 'abstain']]),
  { on: 'today-2', kind: 'comment', by: CAMILA, d: 'f-budget27', body: 'Plantaciones Andinas abstains until the secretariat shows how the grievance budget is split between North and South.' },

  // live: a motion waiting for its second seconder (the economic chamber has not seconded yet)
  { on: 'today-2', kind: 'propose', by: ANA, p: F, key: 'f-fpic', type: 'ordinary', closes: 'today+11', title: 'Require evidence of free, prior and informed consent in every audit report', text: 'Certification bodies must attach the evidence of consent (minutes, maps, agreements) for every management unit that overlaps customary land, and publish a summary with the audit report.', links: [doc('fpic-guidance', 'Draft guidance on consent evidence')] },
  { on: 'today-1', kind: 'second', by: BJORN, d: 'f-fpic' },
  { on: 'today-1', kind: 'comment', by: BJORN, d: 'f-fpic', body: 'Seconded for the environmental chamber. We need one seconder from the economic chamber before the vote opens.' },
];

// 2. Horizon Vaccine Alliance: gavi-constituency-board -------------------------------------------------------------
//
// The board keeps the template's constituencies that have a member organisation; the other seats are dropped (four
// of five developing-country seats, three of five donor seats, the World Bank, the nine independents), and so are
// the two constituencies left without a seat. The International Health Standards Organization (the WHO seat) and
// the UN Vaccine Supply Agency (the UNICEF seat) hold their seats but have no representative on Accord. The Kampala
// research centre votes through Sofia Marques as its alternate. Amina Diallo holds the non-voting chief executive's
// seat. The template's example quorum (14 of 27) is set to 6 of the board's 10 voting seats.
const V = 'vaccines';
const VACCINE_QUORUM = 6;

const vaccines: GovEvent[] = [
  {
    on: '2021-03-15', kind: 'charter', by: AMINA, p: V, template: 'gavi-constituency-board', name: 'Horizon Vaccine Alliance Board',
    note: 'The constituency board of the 2019 memorandum, recorded on Accord: decisions by consensus, else two-thirds of votes cast; a quorum of 6 voting members.',
    seats: [
      { id: 'developing-country-governments-1', name: 'Bangladesh: Expanded Programme on Immunisation', org: 'mohbd' },
      { id: 'donor-governments-1', name: 'Federal Office for Global Health Cooperation', org: 'fogh' },
      { id: 'donor-governments-2', name: 'Department for Overseas Health Partnerships', org: 'dohp' },
      { id: 'who', name: 'International Health Standards Organization', org: 'ihso' },
      { id: 'unicef', name: 'United Nations Vaccine Supply Agency', org: 'unvsa' },
      { id: 'gates-foundation', name: 'Calloway Foundation for Global Health', org: 'calloway' },
      { id: 'civil-society', name: 'Immunise Every Child Coalition', org: 'iecc' },
      { id: 'vaccine-industry-industrialised', name: 'Aldermoor Biologics', org: 'aldermoor' },
      { id: 'vaccine-industry-developing', name: 'BioSul Vacinas', org: 'biosul' },
      { id: 'research-institutes', name: 'Kampala Centre for Immunisation Research', org: 'kcir', alternate: SOFIA },
      { id: 'ceo', name: 'Chief executive officer (ex officio, non-voting)', person: AMINA },
    ],
    adjust: (c) => {
      c.groups = (c.groups ?? []).filter((g) => g.id !== 'world-bank' && g.id !== 'independent');
      const quorum: QuorumCondition[] = [{ kind: 'quorum', label: `at least ${VACCINE_QUORUM} voting members present`, measure: 'count', count: VACCINE_QUORUM, countNonVoting: false }];
      for (const rule of Object.values(c.rules ?? {})) if ('quorum' in rule) rule.quorum = quorum;
    },
  },

  // #1 adopted by consensus; Bangladesh steps aside as an applicant
  { on: '2021-04-12', kind: 'propose', by: AMINA, p: V, key: 'v-mr', type: 'ordinary', closes: '2021-04-19', title: 'Approve the 2021 measles-rubella campaign applications', text: 'The independent review committee recommends the applications of Bangladesh, Pakistan and the Democratic Republic of the Congo for follow-up campaigns reaching 41 million children, at a cost of US$ 96 million.', links: [doc('irc-2021-mr', 'Independent review committee report')] },
  { on: '2021-04-12', kind: 'recuse', by: FATIMA, d: 'v-mr', seat: 'developing-country-governments-1', reason: 'Bangladesh is one of the applicant countries.' },
  ...votes('v-mr', [
    ['2021-04-13', INGRID, 'donor-governments-1', 'yes'], ['2021-04-13', ELEANOR, 'donor-governments-2', 'yes'], ['2021-04-14', RAHUL, 'gates-foundation', 'yes'],
    ['2021-04-14', GRACE, 'civil-society', 'yes'], ['2021-04-15', DAVID, 'vaccine-industry-industrialised', 'yes'], ['2021-04-15', LUCAS, 'vaccine-industry-developing', 'yes'],
    ['2021-04-16', SOFIA, 'research-institutes', 'yes'],
  ]),
  { on: '2021-04-20', kind: 'close', by: AMINA, d: 'v-mr' },
  { on: '2021-04-20', kind: 'outcome', by: AMINA, d: 'v-mr', statement: 'Approved by consensus (Bangladesh recused). Campaigns start in the third quarter of 2021; UN Vaccine Supply Agency procures the vaccine.' },

  // #2 budget adopted at the fallback grade (two-thirds of votes cast)
  { on: '2021-11-08', kind: 'propose', by: HENRIK, p: V, key: 'v-budget22', type: 'budget', closes: '2021-11-19', title: '2022 programme budget', text: 'Programme spending of US$ 1.9 billion in 2022, of which US$ 140 million for the secretariat (up 12%, for the fragile-settings team and country monitoring).', links: [doc('budget-2022', '2022 budget')] },
  { on: '2021-11-10', kind: 'comment', by: ELEANOR, d: 'v-budget22', body: 'We support the programmes but not a 12% rise in secretariat costs in the same year donors are cutting aid budgets.' },
  { on: '2021-11-11', kind: 'comment', by: HENRIK, d: 'v-budget22', body: 'The rise pays for eleven country staff in fragile settings; headquarters costs are flat.' },
  ...votes('v-budget22', [
    ['2021-11-12', FATIMA, 'developing-country-governments-1', 'yes'], ['2021-11-12', INGRID, 'donor-governments-1', 'yes'],
    ['2021-11-15', ELEANOR, 'donor-governments-2', 'no', 'Secretariat costs should not rise faster than programme spending.'], ['2021-11-15', RAHUL, 'gates-foundation', 'yes'],
    ['2021-11-16', GRACE, 'civil-society', 'yes'], ['2021-11-16', DAVID, 'vaccine-industry-industrialised', 'yes'], ['2021-11-17', LUCAS, 'vaccine-industry-developing', 'yes'],
    ['2021-11-17', SOFIA, 'research-institutes', 'abstain'],
  ]),
  { on: '2021-11-20', kind: 'close', by: AMINA, d: 'v-budget22' },
  { on: '2021-11-22', kind: 'outcome', by: AMINA, d: 'v-budget22', statement: 'Adopted by vote (six in favour, one against, one abstention) after the donor-government constituency could not join a consensus. The secretariat reports on its costs to the board every quarter.' },

  // #3 no quorum
  { on: '2022-08-01', kind: 'propose', by: AMINA, p: V, key: 'v-hpv', type: 'ordinary', closes: '2022-08-12', title: 'Extend the HPV programme application deadline to 31 March 2023', text: 'Seven countries asked for more time to plan school-based HPV vaccination after the pandemic disruptions.' },
  ...votes('v-hpv', [['2022-08-02', INGRID, 'donor-governments-1', 'yes'], ['2022-08-03', RAHUL, 'gates-foundation', 'yes'], ['2022-08-04', GRACE, 'civil-society', 'yes'], ['2022-08-08', LUCAS, 'vaccine-industry-developing', 'yes'], ['2022-08-09', SOFIA, 'research-institutes', 'yes']]),
  { on: '2022-08-13', kind: 'close', by: AMINA, d: 'v-hpv' },
  { on: '2022-08-15', kind: 'outcome', by: AMINA, d: 'v-hpv', statement: 'No quorum: five of the six board members needed took part during the August break. The December board meeting will decide; the secretariat accepts late applications until then.' },

  // #4 adopted at the fallback grade, review due
  { on: '2023-08-21', kind: 'propose', by: AMINA, p: V, key: 'v-cofin', type: 'ordinary', closes: '2023-09-01', title: 'Adopt the revised co-financing policy and a window for fragile settings', text: 'As the mid-term review recommends: co-financing rises with national income in four steps; countries in fragile settings may defer payments for up to two years without losing support, through a new window of US$ 250 million.', links: [doc('mtr-2023', 'Mid-term review'), doc('cofinancing-policy-2023', 'Revised co-financing policy')] },
  { on: '2023-08-23', kind: 'comment', by: GRACE, d: 'v-cofin', body: 'Civil society supports the window but not the rule that arrears above two years end all support: children should not pay for their governments’ arrears.' },
  { on: '2023-08-24', kind: 'comment', by: FATIMA, d: 'v-cofin', body: 'Bangladesh supports the four steps; they give finance ministries time to plan.' },
  ...votes('v-cofin', [
    ['2023-08-24', FATIMA, 'developing-country-governments-1', 'yes'], ['2023-08-25', INGRID, 'donor-governments-1', 'yes'], ['2023-08-25', ELEANOR, 'donor-governments-2', 'yes'],
    ['2023-08-28', RAHUL, 'gates-foundation', 'yes'], ['2023-08-28', GRACE, 'civil-society', 'no', 'Arrears must not end support for children.'], ['2023-08-29', DAVID, 'vaccine-industry-industrialised', 'yes'],
    ['2023-08-29', LUCAS, 'vaccine-industry-developing', 'yes'], ['2023-08-30', SOFIA, 'research-institutes', 'yes'],
  ]),
  { on: '2023-09-02', kind: 'close', by: AMINA, d: 'v-cofin' },
  { on: '2023-09-04', kind: 'outcome', by: AMINA, d: 'v-cofin', reviewOn: '2026-09-01', statement: 'Adopted by vote, seven to one (civil society against): the revised co-financing policy and the fragile-settings window apply from 1 January 2024. The board reviews the arrears rule after three years with evidence from the Kampala centre’s evaluation.' },

  // #5 rejected; BioSul steps aside
  { on: '2024-03-04', kind: 'propose', by: HENRIK, p: V, key: 'v-tender', type: 'ordinary', closes: '2024-03-15', title: 'Award the 2025–2027 measles-rubella supply tender to BioSul Vacinas', text: 'BioSul offered the lowest price (US$ 0.89 a dose) for 180 million doses over three years. The procurement committee recommends a single award.', links: [doc('mr-tender-2024', 'Procurement committee recommendation')] },
  { on: '2024-03-04', kind: 'recuse', by: LUCAS, d: 'v-tender', seat: 'vaccine-industry-developing', reason: 'BioSul Vacinas is the bidder.' },
  { on: '2024-03-06', kind: 'comment', by: INGRID, d: 'v-tender', body: 'A single supplier for three years contradicts our healthy-markets goal. We would support splitting the award 70/30.' },
  ...votes('v-tender', [
    ['2024-03-07', FATIMA, 'developing-country-governments-1', 'yes'], ['2024-03-07', INGRID, 'donor-governments-1', 'no', 'A single award weakens supply security.'],
    ['2024-03-08', ELEANOR, 'donor-governments-2', 'no', 'Prefer a split award.'], ['2024-03-11', RAHUL, 'gates-foundation', 'yes'], ['2024-03-11', GRACE, 'civil-society', 'yes'],
    ['2024-03-12', DAVID, 'vaccine-industry-industrialised', 'no', 'Aldermoor does not bid for measles-rubella, but a second prequalified supplier must stay in the market.'],
    ['2024-03-13', SOFIA, 'research-institutes', 'abstain'],
  ]),
  { on: '2024-03-16', kind: 'close', by: AMINA, d: 'v-tender' },
  { on: '2024-03-18', kind: 'outcome', by: AMINA, d: 'v-tender', statement: 'Rejected: three in favour, three against, so neither consensus nor two-thirds. The procurement committee will propose a split award between two prequalified suppliers.' },

  // an approval poll
  {
    on: '2025-05-05', kind: 'propose', by: HENRIK, p: V, key: 'v-retreat', closes: '2025-05-30', title: 'Where should the 2026 board retreat be held?', text: 'Tick every city that would work for you.',
    poll: { kind: 'approval', options: [{ id: 'geneva', label: 'Geneva' }, { id: 'dhaka', label: 'Dhaka' }, { id: 'nairobi', label: 'Nairobi' }, { id: 'kampala', label: 'Kampala' }] },
  },
  ...answers('2025-05-07', 'v-retreat', [
    [AMINA, { approve: ['geneva', 'nairobi'] }], [FATIMA, { approve: ['dhaka', 'nairobi'] }], [INGRID, { approve: ['geneva'] }], [RAHUL, { approve: ['geneva', 'nairobi'] }],
    [GRACE, { approve: ['nairobi', 'kampala'] }], [LUCAS, { approve: ['nairobi'] }], [SOFIA, { approve: ['kampala', 'nairobi'] }], [ELEANOR, { approve: ['geneva', 'nairobi'] }],
  ]),
  { on: '2025-05-31', kind: 'close', by: HENRIK, d: 'v-retreat' },

  // live: an open decision with some ballots; BioSul, Aldermoor and the Kampala centre have not voted
  { on: 'today-2', kind: 'propose', by: AMINA, p: V, key: 'v-malaria', type: 'ordinary', closes: 'today+5', title: 'Approve the malaria vaccine roll-out in three more countries in 2027', text: 'Extend the malaria vaccine programme to Ethiopia, Nigeria and the Democratic Republic of the Congo from 2027: 9.6 million doses, US$ 92 million, with co-financing at the first step.', links: [doc('malaria-2027', 'Programme proposal')] },
  ...votes('v-malaria', [['today-2', INGRID, 'donor-governments-1', 'yes'], ['today-2', RAHUL, 'gates-foundation', 'yes'], ['today-1', GRACE, 'civil-society', 'yes'], ['today-1', FATIMA, 'developing-country-governments-1', 'yes'], ['today-1', ELEANOR, 'donor-governments-2', 'abstain']]),
  { on: 'today-1', kind: 'comment', by: GRACE, d: 'v-malaria', body: 'Civil society asks that community health volunteers are funded in the roll-out budget from the start.' },
];

// 3. Lakemont Water Partnership: ppp-steering-committee ---------------------------------------------------------
//
// The City votes for the public party (its representative Thandiwe Nkosi, or Kenji Watanabe as alternate), the
// operator for the private party; the lenders and the independent engineer sit without a vote. The 2024 amendment
// gives the consumer forum an observer seat: version 2 of the charter.
const W = 'water';
const water: GovEvent[] = [
  {
    on: '2023-01-16', kind: 'charter', by: KENJI, p: W, template: 'ppp-steering-committee', name: 'Lakemont Water Concession Steering Committee',
    note: 'The steering committee of the concession agreement signed at financial close (schedule 9): the City and the operator decide, the lenders and the independent engineer attend without a vote.',
    seats: [
      { id: 'public-authority', name: 'City of Lakemont (contracting authority)', org: 'lakemont', alternate: KENJI },
      { id: 'private-partner', name: 'Hydralis Eau et Services (operator)', org: 'hydralis' },
      { id: 'lenders', name: 'Continental Development Bank (lenders, observer)', org: 'cdb' },
      { id: 'independent-engineer', name: 'Tsamaya Engineering Consultants (independent engineer, observer)', org: 'tsamaya', voting: false },
    ],
  },

  // #1 the first budget
  { on: '2023-01-23', kind: 'propose', by: KENJI, p: W, key: 'w-budget23', type: 'budget', closes: '2023-02-03', title: '2023 work plan and budget (first operating year)', text: 'Operating budget of R 412 million and capital works of R 260 million: district metering in the four worst zones, 38 km of mains replaced, and the customer call centre.', links: [doc('lakemont-wp-2023', '2023 work plan')] },
  ...votes('w-budget23', [['2023-01-25', THANDI, 'public-authority', 'yes'], ['2023-01-26', PIERRE, 'private-partner', 'yes']]),
  { on: '2023-01-27', kind: 'comment', by: ADWOA, d: 'w-budget23', body: 'The lenders have no objection; the capital works match the financing plan.' },
  { on: '2023-02-04', kind: 'close', by: KENJI, d: 'w-budget23' },
  { on: '2023-02-06', kind: 'outcome', by: KENJI, d: 'w-budget23', statement: 'Adopted by both parties.' },

  // #2 a reserved matter the City vetoes, which starts a dispute
  { on: '2023-10-02', kind: 'propose', by: PIERRE, p: W, key: 'w-tariff', type: 'reserved_matter', closes: '2023-10-20', title: 'Raise the water tariff by 12% from 1 January 2024', text: 'Clause 14 indexes the tariff to costs. Electricity and chemicals rose 19% in 2023; the operator asks for 12% to keep the rehabilitation programme on schedule.', links: [doc('tariff-2024-request', 'Operator’s tariff request and cost audit')] },
  { on: '2023-10-04', kind: 'comment', by: THANDI, d: 'w-tariff', body: 'Council’s affordability policy caps increases at 6% a year, and the free basic water allowance must stay whole.' },
  { on: '2023-10-05', kind: 'comment', by: JOHAN, d: 'w-tariff', body: 'The independent engineer confirms the cost increases in the audit; the indexation formula gives 9.8% on 2023 costs.' },
  ...votes('w-tariff', [['2023-10-09', PIERRE, 'private-partner', 'yes'], ['2023-10-16', THANDI, 'public-authority', 'no', 'Above the council’s affordability cap.']]),
  { on: '2023-10-21', kind: 'close', by: KENJI, d: 'w-tariff' },
  { on: '2023-10-23', kind: 'outcome', by: KENJI, d: 'w-tariff', statement: 'Rejected: the City did not consent to a reserved matter. The operator may refer the indexation to the dispute procedure of the concession agreement.' },

  // the dispute: negotiation, then the steering committee, which settles it
  { on: '2023-11-06', kind: 'dispute', by: PIERRE, p: W, key: 'w-indexation', parties: ['hydralis', 'lakemont'], about: 'w-tariff', subject: 'Tariff indexation for 2024 under clause 14 of the concession agreement', description: 'The operator says clause 14 entitles it to the indexed tariff (9.8% on audited 2023 costs); the City says the affordability cap in schedule 4 limits any increase to 6%.' },
  { on: '2023-11-27', kind: 'escalate', by: KENJI, dispute: 'w-indexation', result: 'The parties agreed on the formula but not on the base year: the operator uses 2023 costs, the City the 2022 costs of the bid.', reason: 'The tariff notice must be published by 15 December: the senior officials of both parties decide in the steering committee.' },
  { on: '2023-11-28', kind: 'propose', by: KENJI, p: W, key: 'w-settle', type: 'reserved_matter', closes: '2023-12-06', title: 'Settle the 2024 tariff dispute: 7.5% indexation and a leakage bonus', text: 'The tariff rises 7.5% on 1 January 2024. The operator earns a bonus of R 4 million for every point of non-revenue water below 35% at the end of 2024, paid from the savings. The free basic allowance is unchanged.' },
  ...votes('w-settle', [['2023-11-30', THANDI, 'public-authority', 'yes'], ['2023-12-01', PIERRE, 'private-partner', 'yes']]),
  { on: '2023-12-01', kind: 'comment', by: ADWOA, d: 'w-settle', body: 'The lenders welcome the settlement: debt service cover stays above 1.3 with 7.5%.' },
  { on: '2023-12-07', kind: 'close', by: KENJI, d: 'w-settle' },
  { on: '2023-12-07', kind: 'outcome', by: KENJI, d: 'w-settle', statement: 'Adopted by both parties; it settles the dispute on the 2024 indexation. The tariff notice was published on 11 December.' },
  { on: '2023-12-07', kind: 'resolve', by: KENJI, dispute: 'w-indexation', resolution: 'Settled in the steering committee: 7.5% from January 2024 and a bonus for cutting non-revenue water below 35%.' },

  // #4 an amendment: the consumer forum gets an observer seat (charter version 2)
  {
    on: '2024-02-12', kind: 'propose', by: KENJI, p: W, key: 'w-amend', type: 'amendment', closes: '2024-02-28', title: 'Give the Lakemont Consumer Water Forum an observer seat on the steering committee', text: 'After the tariff dispute, both parties want consumers to follow the committee’s work. The forum attends every meeting and receives the papers, without a vote.',
    amend: { add: [{ id: 'consumer-forum', name: 'Lakemont Consumer Water Forum (consumers, observer)', org: 'lcwf', voting: false }] },
  },
  ...votes('w-amend', [['2024-02-14', THANDI, 'public-authority', 'yes'], ['2024-02-15', PIERRE, 'private-partner', 'yes']]),
  { on: '2024-02-29', kind: 'close', by: KENJI, d: 'w-amend' },
  { on: '2024-03-01', kind: 'outcome', by: KENJI, d: 'w-amend', statement: 'Adopted unanimously by both parties: version 2 of the charter seats the consumer forum as an observer.' },

  // #5 no quorum: the operator was not represented; #6 the same motion adopted, closed early
  { on: '2024-08-05', kind: 'propose', by: THANDI, p: W, key: 'w-settlements', type: 'ordinary', closes: '2024-08-16', title: 'Approve phase 1 of the network extension to informal settlements', text: 'Yard taps and 14 km of new mains for four settlements (about 9,000 households), designed with the consumer forum; R 61 million from the capital programme.', links: [doc('settlements-phase1', 'Phase 1 design')] },
  ...votes('w-settlements', [['2024-08-06', THANDI, 'public-authority', 'yes']]),
  { on: '2024-08-17', kind: 'close', by: KENJI, d: 'w-settlements' },
  { on: '2024-08-17', kind: 'outcome', by: KENJI, d: 'w-settlements', statement: 'No quorum: the operator was not represented during the voting period. Tabled again at once.' },
  { on: '2024-08-19', kind: 'propose', by: THANDI, p: W, key: 'w-settlements2', type: 'ordinary', closes: '2024-08-23', title: 'Approve phase 1 of the network extension to informal settlements (tabled again)', text: 'As proposed on 5 August: yard taps and 14 km of new mains for four settlements, R 61 million.', links: [doc('settlements-phase1', 'Phase 1 design')] },
  ...votes('w-settlements2', [['2024-08-19', THANDI, 'public-authority', 'yes'], ['2024-08-20', PIERRE, 'private-partner', 'yes']]),
  { on: '2024-08-20', kind: 'comment', by: PIERRE, d: 'w-settlements2', body: 'Apologies for the missed vote. Hydralis can start works in October.' },
  { on: '2024-08-21', kind: 'close', by: KENJI, d: 'w-settlements2' },
  { on: '2024-08-21', kind: 'outcome', by: KENJI, d: 'w-settlements2', reviewOn: '2026-08-31', statement: 'Adopted by both parties; closed early once both had voted. Works start in October 2024; the committee reviews connections against the plan after two years.' },

  // live: the operator has voted, the City has not
  { on: 'today-3', kind: 'propose', by: PIERRE, p: W, key: 'w-meters', type: 'ordinary', closes: 'today+4', title: 'Approve the 2027 smart-meter replacement programme', text: 'Replace 42,000 meters older than 12 years with smart meters in 2027 (R 118 million), starting in the zones with the highest non-revenue water.', links: [doc('meters-2027', 'Business case')] },
  ...votes('w-meters', [['today-2', PIERRE, 'private-partner', 'yes']]),
  { on: 'today-1', kind: 'comment', by: JOHAN, d: 'w-meters', body: 'The independent engineer finds the unit costs in line with the benchmark of comparable utilities.' },
];

// 4. Circular Futures Network: alliance-joint-committee ----------------------------------------------------------
//
// Three seats a side. The foundation's seat is held by Claire Whitfield in person (she is the convener); the
// university votes through Yuki Tanaka as its alternate. ThreadCycle holds a corporate seat but has no
// representative on Accord, so at least two of the other two corporate seats must take part.
const C = 'circular';
const circular: GovEvent[] = [
  {
    on: '2025-04-02', kind: 'charter', by: CLAIRE, p: C, template: 'alliance-joint-committee', name: 'Circular Futures Network Charter',
    note: 'Signed by the founding partners at the launch: a joint committee with three seats a side seeks consensus, with stand-asides, and falls back to a vote.',
    seats: [
      { id: 'nonprofit-1', name: 'Meridian Circular Economy Foundation (convener)', person: CLAIRE },
      { id: 'nonprofit-2', name: 'Waste Pickers Alliance of Latin America', org: 'wpala' },
      { id: 'nonprofit-3', name: 'University of Eastbridge – Centre for Circular Design', org: 'eastbridge', alternate: YUKI },
      { id: 'corporate-1', name: 'Verdant Consumer Goods', org: 'verdant' },
      { id: 'corporate-2', name: 'Looplastics', org: 'looplastics' },
      { id: 'corporate-3', name: 'ThreadCycle Apparel', org: 'threadcycle' },
    ],
  },

  // #1 consensus with a stand-aside, closed early
  { on: '2025-04-14', kind: 'propose', by: CLAIRE, p: C, key: 'c-groups', type: 'ordinary', closes: '2025-04-24', title: 'Set up the packaging and textiles working groups', text: 'Two working groups with terms of reference for 2025: packaging (reuse and refill pilots, chaired by Verdant) and textiles (take-back and fibre-to-fibre recycling, chaired by ThreadCycle).', links: [doc('cfn-wg-tor', 'Terms of reference')] },
  ...votes('c-groups', [
    ['2025-04-15', CLAIRE, 'nonprofit-1', 'agree'], ['2025-04-15', CARLOS, 'nonprofit-2', 'agree'], ['2025-04-16', YUKI, 'nonprofit-3', 'agree'],
    ['2025-04-16', MAARTEN, 'corporate-1', 'agree'], ['2025-04-17', LENA, 'corporate-2', 'stand_aside', 'Looplastics joins the packaging group only.'],
  ]),
  { on: '2025-04-18', kind: 'close', by: CLAIRE, d: 'c-groups' },
  { on: '2025-04-18', kind: 'outcome', by: CLAIRE, d: 'c-groups', reviewOn: '2026-04-30', statement: 'Agreed by consensus; Looplastics stood aside from the textiles group. Both groups meet for the first time in May; the committee reviews their terms of reference after a year.' },

  // #2 rejected: a block and no majority on the corporate side
  { on: '2025-10-06', kind: 'propose', by: CLAIRE, p: C, key: 'c-budget', type: 'budget', closes: '2025-10-17', title: '2026 joint budget: a €1.2m pilot fund', text: 'Each corporate partner contributes €150,000 and the foundation and Ostara €450,000 to a fund for reuse and textile-recycling pilots in 2026.', links: [doc('cfn-budget-2026', 'Budget proposal')] },
  { on: '2025-10-08', kind: 'comment', by: LENA, d: 'c-budget', body: 'Looplastics cannot commit €150,000 before the German deposit law is final. Staged contributions would work for us.' },
  ...votes('c-budget', [
    ['2025-10-08', CLAIRE, 'nonprofit-1', 'agree'], ['2025-10-09', CARLOS, 'nonprofit-2', 'agree'], ['2025-10-09', YUKI, 'nonprofit-3', 'agree'],
    ['2025-10-10', MAARTEN, 'corporate-1', 'agree'], ['2025-10-13', LENA, 'corporate-2', 'block', 'We cannot commit the full contribution in 2026.'],
  ]),
  { on: '2025-10-18', kind: 'close', by: CLAIRE, d: 'c-budget' },
  { on: '2025-10-20', kind: 'outcome', by: CLAIRE, d: 'c-budget', statement: 'Not adopted: Looplastics blocked, and the corporate side was split one to one, so there was no majority within each side. A revised budget with staged contributions follows.' },

  // #3 adopted at the fallback grade (a majority of each side)
  { on: '2025-11-03', kind: 'propose', by: CLAIRE, p: C, key: 'c-budget2', type: 'budget', closes: '2025-11-14', title: '2026 joint budget (revised): a €0.9m pilot fund with staged contributions', text: 'Corporate partners contribute €100,000 in 2026 and €50,000 in 2027; the pilot fund starts at €0.9m.', links: [doc('cfn-budget-2026-rev', 'Revised budget')] },
  { on: '2025-11-05', kind: 'comment', by: CARLOS, d: 'c-budget2', body: 'The revised budget still has no line for the cost of waste pickers taking part in the pilots: travel, lost income on meeting days.' },
  { on: '2025-11-06', kind: 'comment', by: CLAIRE, d: 'c-budget2', body: 'Agreed that it should: the foundation will cover those costs from its own budget in 2026 while we find a permanent line.' },
  ...votes('c-budget2', [
    ['2025-11-06', CLAIRE, 'nonprofit-1', 'agree'], ['2025-11-07', CARLOS, 'nonprofit-2', 'block', 'No budget line for waste pickers’ participation.'], ['2025-11-07', YUKI, 'nonprofit-3', 'agree'],
    ['2025-11-10', MAARTEN, 'corporate-1', 'agree'], ['2025-11-10', LENA, 'corporate-2', 'agree'],
  ]),
  { on: '2025-11-15', kind: 'close', by: CLAIRE, d: 'c-budget2' },
  { on: '2025-11-17', kind: 'outcome', by: CLAIRE, d: 'c-budget2', statement: 'Adopted at the fallback grade, by a majority within each side: the Waste Pickers Alliance blocked consensus. The foundation pays waste pickers’ participation costs in 2026.' },

  // #4 no quorum: only one corporate seat took part
  { on: '2026-01-12', kind: 'propose', by: MAARTEN, p: C, key: 'c-labels', type: 'ordinary', closes: '2026-01-23', title: 'Adopt the network’s reuse-labelling guidance', text: 'One label and wording for reusable and refillable packaging across partners’ brands, tested with consumers in Westhaven.', links: [doc('cfn-reuse-labels', 'Labelling guidance')] },
  ...votes('c-labels', [['2026-01-13', MAARTEN, 'corporate-1', 'agree'], ['2026-01-14', CLAIRE, 'nonprofit-1', 'agree'], ['2026-01-19', CARLOS, 'nonprofit-2', 'agree']]),
  { on: '2026-01-24', kind: 'close', by: CLAIRE, d: 'c-labels' },
  { on: '2026-01-26', kind: 'outcome', by: CLAIRE, d: 'c-labels', statement: 'No quorum: only one of the three corporate seats took part. The guidance goes back to the packaging group.' },

  // the open, overdue dispute
  { on: '2026-09-21', kind: 'dispute', by: CARLOS, p: C, key: 'c-payments', parties: ['wpala', 'kivu'], subject: 'Payment terms for waste-picker cooperatives in the Nairobi pilot', description: 'The pilot agreement says cooperatives are paid within 14 days of delivery; Kivu Recycling has paid after 45 to 60 days since June. Three cooperatives stopped delivering in September.' },

  // live: consensus is forming; Looplastics has not answered
  { on: 'today-2', kind: 'propose', by: CARLOS, p: C, key: 'c-fairpay', type: 'ordinary', closes: 'today+5', title: 'Adopt the fair-pay standard for waste pickers in network pilots', text: 'Every pilot the network supports pays waste-picker cooperatives at least the regional reference price for sorted material, within 14 days, and publishes what it paid.', links: [doc('cfn-fair-pay', 'Fair-pay standard')] },
  ...votes('c-fairpay', [['today-2', CARLOS, 'nonprofit-2', 'agree'], ['today-2', CLAIRE, 'nonprofit-1', 'agree'], ['today-1', YUKI, 'nonprofit-3', 'agree'], ['today-1', MAARTEN, 'corporate-1', 'stand_aside', 'Verdant supports the aim; our sourcing team has to confirm the reference prices.']]),
  { on: 'today-1', kind: 'comment', by: MAARTEN, d: 'c-fairpay', body: 'Standing aside only until the reference prices are confirmed; we expect to move to agree.' },
];

/** The governance events of each partnership, by the key of its story in data.ts. */
export const GOVERNANCE: Record<string, GovEvent[]> = { [F]: forest, [V]: vaccines, [W]: water, [C]: circular };

/** Builds a charter from a template: listed seats keep the template's group and voting status, unlisted ones go. */
export function seatsFrom(template: readonly Seat[], specs: readonly SeatSpec[], holder: (s: SeatSpec) => Pick<Seat, 'organisation' | 'person' | 'alternate'>): Seat[] {
  return specs.map((spec) => {
    const base = template.find((s) => s.id === spec.id);
    if (!base && spec.group === undefined && spec.voting !== false) throw new Error(`demo data: seat "${spec.id}" is not in the template; give it a group or voting: false`);
    const seat: Seat = { ...(base ?? { id: spec.id }), name: spec.name, ...holder(spec) };
    if (spec.group !== undefined) seat.group = spec.group;
    if (spec.voting === false) seat.voting = false;
    if (spec.exOfficio) seat.exOfficio = true;
    return seat;
  });
}

