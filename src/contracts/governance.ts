import { z } from 'zod';
import { Id, Instant, DateOnly, PageQuery, page } from './common';

/**
 * A charter document: the language of docs/domain/charter.md. The contract only says it is a JSON object; the
 * domain's `checkCharter` validates it and names every problem by its path.
 */
export const CharterDocument = z.record(z.string(), z.unknown()).describe('A charter (docs/domain/charter.md)');

export const CharterFinding = z.object({
  field: z.string(),
  message: z.string().describe('The finding in English'),
  code: z.string().optional().describe('The kind of finding (docs/domain/charter.md lists them): a client words it in its own language from code and params'),
  severity: z.enum(['error', 'warning']),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe('The values in the sentence (ids, counts, fractions as "n/d")'),
});

export const PersonRef = z.object({ id: z.string(), name: z.string() });

export const CharterVersion = z.object({
  partnershipId: Id,
  version: z.number().int(),
  adoptedAt: Instant,
  adoptedBy: PersonRef.nullable(),
  templateId: z.string().nullable(),
  decisionId: z.string().nullable().describe('The amendment decision that adopted this version'),
  note: z.string().nullable(),
  charter: CharterDocument,
  findings: z.array(CharterFinding).describe('Warnings of the check (a stored charter has no errors)'),
  allowedActions: z.array(z.string()),
});
export const CharterVersionList = z.object({
  items: z.array(CharterVersion.omit({ charter: true, findings: true, allowedActions: true })),
});

export const AdoptCharterBody = z
  .object({
    templateId: z.string().min(1).max(80).optional().describe('Start from a shipped template'),
    charter: CharterDocument.optional().describe('The charter itself (wins over a template)'),
    note: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((b) => b.templateId !== undefined || b.charter !== undefined, { message: 'Give a charter or a templateId', path: ['charter'] });
export const CheckCharterBody = z.object({ charter: CharterDocument }).strict();
export const CheckCharterResult = z.object({ ok: z.boolean(), findings: z.array(CharterFinding) });

export const TemplateSummary = z.object({
  id: z.string(),
  name: z.string(),
  summary: z.string(),
  models: z.array(z.string()),
  charter: CharterDocument,
});
export const TemplateList = z.object({ items: z.array(TemplateSummary) });

// ---- decisions -----------------------------------------------------------------------------------------------

export const DECISION_STATUSES = ['proposed', 'open', 'closed', 'withdrawn'] as const;
export const DecisionStatus = z.enum(DECISION_STATUSES);
export const Link = z.object({ title: z.string().trim().min(1).max(200), url: z.url().max(2000) });

export const PollOption = z.object({ id: z.string().trim().min(1).max(40), label: z.string().trim().min(1).max(200) });
export const PollSpecBody = z.object({
  kind: z.enum(['single', 'approval', 'ranked', 'score', 'dots']),
  options: z.array(PollOption).min(2).max(50),
  maxScore: z.number().int().min(1).max(100).optional(),
  dots: z.number().int().min(1).max(100).optional(),
});

export const ProposeBody = z.object({
  kind: z.enum(['motion', 'poll']).default('motion'),
  title: z.string().trim().min(3).max(200),
  text: z.string().trim().min(1).max(20000),
  decisionType: z.string().trim().min(1).max(80).optional().describe('Required for motions: a decision type of the charter'),
  links: z.array(Link).max(20).default([]),
  opensAt: Instant.optional().describe('Default: now'),
  closesAt: Instant,
  seat: z.string().max(200).optional().describe('The seat you propose from (default: your first seat in the body)'),
  amendment: CharterDocument.optional().describe('For the amendment decision type: the proposed charter'),
  poll: PollSpecBody.optional(),
}).strict();

const Scoped = { scope: z.string().nullable(), custom: z.string().nullable() };
/** The explanation as data (see ConditionTerms in src/domain/governance/count.ts), for clients that translate it. */
export const ConditionTerms = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('quorum_count'), ...Scoped, present: z.string(), count: z.number() }),
  z.object({
    kind: z.literal('quorum_share'), ...Scoped, base: z.enum(['fixed_membership', 'present', 'all_members', 'all_power']),
    strict: z.boolean(), ratio: z.string(), share: z.string(), present: z.string(), total: z.string(), needed: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('threshold'), ...Scoped, base: z.enum(['votes_cast', 'present', 'all_members', 'fixed_membership']),
    strict: z.boolean(), ratio: z.string(), share: z.string().nullable(), yes: z.string(), total: z.string(), needed: z.string().nullable(),
  }),
  z.object({ kind: z.literal('min_yes'), ...Scoped, yes: z.string(), count: z.number() }),
  z.object({ kind: z.literal('veto_seat'), ...Scoped, choice: z.string().nullable() }),
  z.object({ kind: z.literal('veto_group'), ...Scoped, yes: z.string(), no: z.string(), unanimous: z.boolean() }),
  z.object({ kind: z.literal('consensus'), ...Scoped, agree: z.number(), standAside: z.number(), block: z.number(), maxStandAsides: z.number().nullable() }),
  z.object({ kind: z.literal('consent'), ...Scoped, open: z.number(), settled: z.number(), seats: z.string() }),
  z.object({ kind: z.enum(['all', 'any']), ...Scoped, passing: z.number(), total: z.number() }),
]);

export const Outcome = z.object({
  outcome: z.enum(['adopted', 'rejected', 'no_quorum', 'referred']),
  grade: z.string().optional(),
  stage: z.string().optional(),
  conditions: z.array(
    z.object({
      label: z.string().describe('The condition, in English ("quorum", "Producers threshold")'),
      passed: z.boolean(),
      required: z.string().describe('What the condition requires, in English'),
      actual: z.string().describe('What the count reached, in English'),
      explanation: z.string().describe('The condition and its verdict in one English sentence; `terms` and `numbers` carry it as data for clients that word it in another language'),
      terms: ConditionTerms.optional(),
      numbers: z.record(z.string(), z.string()),
      stage: z.string().optional(),
    }),
  ),
});

export const RollSeat = z.object({
  seat: z.string(),
  name: z.string().nullable(),
  group: z.string().nullable(),
  voting: z.boolean(),
  organisationId: z.string().nullable(),
  personId: z.string().nullable(),
  recused: z.boolean(),
  recusalReason: z.string().nullable().describe('The conflict of interest a recused seat declared (shown to those taking part; null otherwise)'),
  voted: z.boolean(),
});

/** A proxy in force: who carries a seat's vote for this decision, given by whom and when. */
export const ProxyInForce = z.object({
  seat: z.string(),
  name: z.string().nullable().describe("The seat's name"),
  holder: PersonRef.describe('Who carries the vote'),
  grantedBy: PersonRef.nullable(),
  at: Instant,
  voted: z.boolean().describe("The proxy holder has cast the seat's ballot: the ballot stands and the proxy can no longer be withdrawn"),
  withdrawable: z.boolean().describe('The reader may withdraw this proxy now (the seat\'s holder or a convener, voting open, the holder has not voted for the seat)'),
});

export const Tally = z.object({
  counts: z.record(z.string(), z.number().int()).describe('Ballots per choice'),
  byGroup: z.array(z.object({ group: z.string(), counts: z.record(z.string(), z.number().int()), members: z.number().int() })),
  voted: z.number().int(),
  eligible: z.number().int(),
  projected: Outcome.nullable().describe('The outcome if voting closed now'),
});

export const DecisionSummary = z.object({
  id: Id,
  number: z.number().int(),
  kind: z.enum(['motion', 'poll']),
  title: z.string(),
  decisionType: z.string().nullable(),
  status: DecisionStatus,
  opensAt: Instant,
  closesAt: Instant,
  outcome: z.string().nullable(),
  grade: z.string().nullable(),
  reviewOn: z.string().nullable(),
  closedAt: Instant.nullable(),
});

export const DecisionDetail = DecisionSummary.extend({
  partnershipId: Id,
  text: z.string(),
  links: z.array(Link),
  charterVersion: z.number().int().nullable(),
  rule: z.string().nullable(),
  body: z.string().nullable(),
  ballotKind: z.string().nullable(),
  choices: z.array(z.string()).describe('What a ballot may say'),
  anonymous: z.boolean(),
  resultsHidden: z.boolean(),
  proposer: PersonRef.nullable(),
  proposerSeat: z.string().nullable(),
  seconds: z.array(z.object({ seat: z.string(), by: PersonRef.nullable(), at: Instant })),
  seconding: z.object({
    required: z.number().int(),
    satisfied: z.boolean(),
    missing: z.string().describe('What is still needed, in English ("" when satisfied); `required` and `seconds` carry it as data'),
  }),
  poll: PollSpecBody.nullable(),
  amendment: CharterDocument.nullable(),
  openedAt: Instant.nullable(),
  result: Outcome.nullable(),
  pollResult: z.record(z.string(), z.unknown()).nullable().describe('A closed poll\'s count: counts, shares and rounds as data, each with an English `explanation`'),
  parentId: z.string().nullable().describe('The decision this one puts to the vote again after a referral'),
  startStage: z.string().nullable(),
  outcomeStatement: z.string().nullable(),
  mySeats: z.array(z.object({
    seat: z.string(),
    name: z.string().nullable(),
    as: z.enum(['holder', 'representative', 'alternate', 'proxy']),
    ballot: z.object({ choice: z.string(), reason: z.string().nullable(), castAt: Instant }).nullable(),
    proxy: ProxyInForce.nullable().describe("Who carries this seat's vote for this decision, when a proxy is in force"),
  })),
  myPollAnswer: z.unknown().nullable(),
  roll: z.array(RollSeat).describe('The first 500 seats of the roll by id; rollStats counts them all'),
  proxies: z.array(ProxyInForce).describe('The proxies in force, by seat (the first 500; to those taking part, else empty). Who carries a seat is participation, not a choice: shown for secret ballots too'),
  rollStats: z.object({ seats: z.number().int(), voting: z.number().int(), recused: z.number().int(), tookPart: z.number().int() }),
  tally: Tally.nullable().describe('Null while results are hidden'),
  allowedActions: z.array(z.string()),
  createdAt: Instant,
});

export const DECISION_SORTS = ['newest', 'oldest', 'closing'] as const;
export const DecisionQuery = PageQuery.extend({
  status: DecisionStatus.optional(),
  kind: z.enum(['motion', 'poll']).optional(),
  decisionType: z.string().trim().min(1).max(80).optional().describe('A decision type of the charter'),
  q: z.string().trim().max(200).optional().describe('Words of the title'),
  sort: z.enum(DECISION_SORTS).default('newest').describe('newest or oldest by number; closing: by the end of the voting window'),
});
export const DecisionPage = page(DecisionSummary);
export const DecisionParams = z.object({ id: z.uuid(), decisionId: z.uuid() });

export const RevoteBody = z.object({ closesAt: Instant, opensAt: Instant.optional(), body: z.string().min(1).max(80).optional().describe('A body of the charter, e.g. the working group the matter was referred to') }).strict();
export const SecondBody = z.object({ seat: z.string().max(200).optional() }).strict();
export const WithdrawBody = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();
export const UpdateDecisionBody = z.object({
  outcomeStatement: z.string().trim().max(20000).nullable().optional(),
  reviewOn: DateOnly.nullable().optional(),
}).strict();

export const BallotBody = z.object({
  choice: z.string().max(40).optional(),
  reason: z.string().trim().max(5000).optional(),
  paramount: z.boolean().optional(),
  resolved: z.boolean().optional(),
  answer: z
    .object({ choice: z.string().max(40).optional(), approve: z.array(z.string().max(40)).max(50).optional(), ranking: z.array(z.string().max(40)).max(50).optional(), scores: z.record(z.string(), z.number()).optional(), dots: z.record(z.string(), z.number()).optional() })
    .strict()
    .optional()
    .describe('A poll answer: {choice} (single), {approve: [ids]}, {ranking: [ids]}, {scores: {id: n}}, {dots: {id: n}}'),
}).strict();
export const BallotParams = DecisionParams.extend({ seatId: z.string().min(1).max(200) });
export const BallotReceipt = z.object({ seat: z.string(), choice: z.string(), castAt: Instant, byProxy: z.boolean() });

export const BallotQuery = PageQuery;
export const BallotList = z.object({
  anonymous: z.boolean(),
  nextCursor: z.string().nullable(),
  items: z.array(z.object({ seat: z.string(), name: z.string().nullable(), choice: z.string().nullable(), reason: z.string().nullable(), castBy: PersonRef.nullable(), byProxy: z.boolean(), byAlternate: z.boolean().describe("Cast by the seat's alternate"), castAt: Instant.nullable() })),
  history: z.array(z.object({ seat: z.string(), choice: z.string(), reason: z.string().nullable(), castBy: PersonRef.nullable(), at: Instant })),
});

export const RecusalBody = z.object({ seat: z.string().min(1).max(200), reason: z.string().trim().min(1).max(2000) }).strict();
export const ProxyBody = z.object({ seat: z.string().min(1).max(200), holderId: z.uuid() }).strict();
export const ProxyParams = DecisionParams.extend({ seat: z.string().min(1).max(200) });
export const CommentBody = z.object({ body: z.string().trim().min(1).max(10000) }).strict();
export const Comment = z.object({ id: Id, author: PersonRef.nullable(), body: z.string(), createdAt: Instant });
export const CommentPage = page(Comment);

// ---- voting power of a charter (docs/domain/charter.md, "Voting power") ----------------------------------------

export const POWER_METHODS = ['auto', 'exact', 'estimate'] as const;
const PowerOptionsFields = {
  rule: z.string().trim().min(1).max(80).optional().describe('A decision type of the charter (its rule and body) or a rule name; default the first decision type'),
  stage: z.string().trim().min(1).max(80).optional().describe('For a staged rule: the stage to analyse (default the last, the fallback vote)'),
  method: z.enum(POWER_METHODS).optional().describe('auto (default): exact where it fits the budget of a request, else a seeded estimate; exact: never estimate (422 too_large instead); estimate: always sample'),
};
export const CharterPowerBody = z.object({ charter: CharterDocument, ...PowerOptionsFields }).strict();
export const CharterPowerQuery = z.object({ ...PowerOptionsFields, version: z.coerce.number().int().min(1).optional().describe('A version of the charter (default the one in force)') }).strict();

export const PowerFigure = z.object({
  fraction: z.string().describe('Exact, as "n/d" ("0" and "1" when whole); an estimate is the sample proportion'),
  value: z.number().describe('The same as a number in [0, 1], for charts'),
  display: z.string().describe('Rounded for people, at least 4 significant digits; estimates read "0.1234 ± 0.0050"'),
  halfWidth: z.number().nullable().describe('Estimates only: half width of the 95% confidence interval'),
});
export const SeatPower = z.object({
  seat: z.string(),
  name: z.string().nullable(),
  group: z.string().nullable().describe('The group path of the seat'),
  topGroup: z.string().nullable().describe('Its top-level group (a chamber)'),
  nominalShare: PowerFigure.nullable().describe("The seat's share of the voting weight the charter gives (group shares spread over their seats, or seat weights), among the voting seats analysed"),
  banzhaf: PowerFigure.describe('Normalised Banzhaf index: its share of all swings'),
  shapleyShubik: PowerFigure.describe('Shapley-Shubik index: its share of the orderings in which its yes is pivotal'),
  dummy: z.boolean().describe('Never changes the outcome: no power at all'),
  veto: z.boolean().describe('The rule cannot pass without its yes'),
});
export const GroupPower = z.object({
  group: z.string().nullable().describe('A top-level group (null: seats in no group)'),
  name: z.string().nullable(),
  seats: z.number().int().describe('Voting seats of the group analysed'),
  nominalShare: PowerFigure.nullable(),
  banzhaf: PowerFigure.describe('The sum over its seats (estimates: half widths added, a conservative margin)'),
  shapleyShubik: PowerFigure,
  blocVeto: z.boolean().describe('The rule cannot pass when every seat of the group votes no: the group can block on its own'),
});
export const CharterPower = z.object({
  decisionType: z.string().nullable().describe('The decision type analysed, when `rule` named one'),
  rule: z.string(),
  stage: z.string().nullable(),
  body: z.string().nullable(),
  method: z.enum(['exact', 'estimate']),
  margin: z
    .object({ level: z.number(), samples: z.number().int(), estimated: z.array(z.enum(['banzhaf', 'shapleyShubik'])), maxHalfWidth: z.number(), seed: z.string().describe('The PRNG seed, from the charter and the rule: the same charter gives the same estimate') })
    .nullable()
    .describe('Estimates only'),
  seats: z.array(SeatPower),
  groups: z.array(GroupPower).describe('Per top-level group, in the charter order: what chambers compare'),
  dictator: z.string().nullable(),
  vetoPlayers: z.array(z.string()),
  dummies: z.array(z.string()),
  notes: z.array(z.string()).describe('Every modelling assumption and approximation, in English'),
});
