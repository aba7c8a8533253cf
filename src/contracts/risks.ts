import { z } from 'zod';
import { DESCRIPTION_MAX, RATING_MAX, RATING_MIN, RISK_BANDS, RISK_PARTIES, RISK_STATUSES, TITLE_MAX } from '../domain/accountability/risks';
import { DateOnly, Id, Instant, PageQuery, page } from './common';

export const RiskStatus = z.enum(RISK_STATUSES).describe('open | mitigating | accepted | occurred | closed (see docs/domain/risks.md for the moves)');
export const RiskBand = z.enum(RISK_BANDS).describe('low 1-3, medium 4-6, high 8-12, critical 15-25');
export const RiskParty = z.enum(RISK_PARTIES).describe('An OCDS for PPPs riskAllocation party');
/** What the caller may do to a risk now. */
export const RISK_ACTIONS = ['update', 'transition', 'addAction', 'review'] as const;

const Text = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max);
const Rating = z.number().int().min(RATING_MIN).max(RATING_MAX).describe('A whole number from 1 to 5');
const Category = z.string().trim().min(1, 'Choose a category').max(60).describe('An OCDS for PPPs riskCategory code (landAvailability, construction, forceMajeure...)');

/** One party's share of a risk; the shares of a risk add up to exactly 100. */
export const RiskShareInput = z
  .object({
    party: RiskParty,
    organisationId: Id.nullable().optional().describe('The member organisation bearing the share; null: the side as a whole'),
    percent: z.union([z.string().max(32), z.number()]).describe('Exact percent above 0 and at most 100: 40, "33.5"'),
  })
  .strict();

const fields = {
  category: Category,
  title: Text(1, TITLE_MAX, 'Give the risk a short title'),
  description: Text(1, DESCRIPTION_MAX, 'Describe what could happen and what it would cause'),
  likelihood: Rating,
  impact: Rating,
  ownerOrganisationId: Id.nullable().optional().describe('The member organisation that owns (watches) the risk'),
  allocation: z.array(RiskShareInput).max(20).describe('Shares adding up to exactly 100; empty: unallocated'),
  decisionIds: z.array(Id).max(50).describe('Decisions of the partnership about this risk'),
  commitmentIds: z.array(Id).max(50).describe('Commitments of the partnership that this risk bears on'),
  nextReviewOn: DateOnly.nullable().describe('When the risk is next reviewed (replaces the planned review; null: none planned)'),
};

/** Registering a risk. */
export const CreateRiskBody = z
  .object({
    ...fields,
    allocation: fields.allocation.optional(),
    decisionIds: fields.decisionIds.optional(),
    commitmentIds: fields.commitmentIds.optional(),
    nextReviewOn: fields.nextReviewOn.optional(),
  })
  .strict();

/** Editing a risk: the fields to change and the version the client edited (a stale version is 409). */
export const UpdateRiskBody = z
  .object({
    version: z.number().int().min(1).describe('The version of the risk the change was made on'),
    category: fields.category.optional(),
    title: fields.title.optional(),
    description: fields.description.optional(),
    likelihood: fields.likelihood.optional(),
    impact: fields.impact.optional(),
    ownerOrganisationId: fields.ownerOrganisationId,
    allocation: fields.allocation.optional(),
    decisionIds: fields.decisionIds.optional(),
    commitmentIds: fields.commitmentIds.optional(),
    nextReviewOn: fields.nextReviewOn.optional(),
  })
  .strict();

export const TransitionRiskBody = z
  .object({
    to: RiskStatus,
    reason: Text(1, 5000, 'Say why the risk changes status'),
  })
  .strict();

export const AddRiskActionBody = z
  .object({
    description: Text(1, 2000, 'Say what will be done'),
    ownerOrganisationId: Id.nullable().optional().describe('The member organisation responsible (default: the organisation of ownerPersonId in the partnership)'),
    ownerPersonId: Id.nullable().optional().describe('The person responsible, someone taking part in the partnership'),
    dueOn: DateOnly,
  })
  .strict();

export const UpdateRiskActionBody = z
  .object({
    description: Text(1, 2000, 'Say what will be done').optional(),
    ownerOrganisationId: Id.optional(),
    ownerPersonId: Id.nullable().optional(),
    dueOn: DateOnly.optional(),
    done: z.boolean().optional().describe('true: completed (on doneOn, default today); false: open again'),
    doneOn: DateOnly.optional().describe('The day it was done (not in the future); implies done'),
  })
  .strict();

export const RecordRiskReviewBody = z
  .object({
    likelihood: Rating,
    impact: Rating,
    note: z.string().trim().max(5000).nullable().optional(),
    reviewedOn: DateOnly.optional().describe('The day of the review (default today; not in the future)'),
    nextReviewOn: DateOnly.nullable().optional().describe('The next review, after this one (null: none planned; absent: the plan stays)'),
  })
  .strict();

const STATUS_LIST = new RegExp(`^(${RISK_STATUSES.join('|')})(,(${RISK_STATUSES.join('|')}))*$`);

export const RiskQuery = PageQuery.extend({
  status: RiskStatus.optional(),
  category: z.string().max(60).optional(),
  band: RiskBand.optional(),
  owner: Id.optional().describe('Risks owned by this organisation'),
  sort: z.enum(['number', 'score']).default('number'),
  order: z.enum(['desc', 'asc']).default('desc'),
});
export const RiskHeatMapQuery = z.object({
  status: z.string().max(200).regex(STATUS_LIST, 'Statuses separated by commas, such as open,mitigating').optional().describe('The statuses to map (default: every status but closed)'),
});
export const RiskHistoryQuery = PageQuery;

export const RiskShare = z.object({ party: RiskParty, organisationId: Id.nullable(), organisationName: z.string().nullable(), percent: z.string().describe('Exact decimal text') });

export const RiskActionRecord = z.object({
  id: Id,
  description: z.string(),
  ownerOrganisationId: Id,
  ownerOrganisationName: z.string(),
  ownerPersonId: Id.nullable(),
  ownerPersonName: z.string().nullable(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  status: z.enum(['open', 'done']),
  overdue: z.boolean().describe('Open, on a live risk, and due before today'),
});

export const RiskReviewRecord = z.object({
  id: Id,
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  status: z.enum(['planned', 'held']),
  note: z.string().nullable(),
  likelihood: z.number().int().nullable(),
  impact: z.number().int().nullable(),
  reviewedById: Id.nullable(),
  reviewedByName: z.string().nullable(),
  overdue: z.boolean(),
});

export const RiskLink = z.object({ id: Id, number: z.number().int(), title: z.string() });

/** A risk as listed in the register. */
export const RiskSummary = z.object({
  id: Id,
  number: z.number().int().describe('1, 2, 3... within the partnership'),
  category: z.string(),
  categoryName: z.string(),
  title: z.string(),
  likelihood: z.number().int(),
  impact: z.number().int(),
  score: z.number().int().describe('likelihood x impact'),
  band: RiskBand,
  status: RiskStatus,
  allocation: z.enum([...RISK_PARTIES, 'shared', 'unallocated']),
  ownerOrganisationId: Id.nullable(),
  ownerOrganisationName: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  version: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type RiskSummary = z.infer<typeof RiskSummary>;

/** One risk with its shares, actions, reviews, links and what the caller may do. */
export const RiskDetail = RiskSummary.extend({
  partnershipId: Id,
  description: z.string(),
  likelihoodLabel: z.string(),
  impactLabel: z.string(),
  ocdsAllocation: z.enum([...RISK_PARTIES, 'undefined']).describe('The OCDS riskAllocation code: the party holding more than half'),
  shares: z.array(RiskShare),
  actions: z.array(RiskActionRecord),
  reviews: z.array(RiskReviewRecord),
  decisions: z.array(RiskLink),
  commitments: z.array(RiskLink),
  createdById: Id.nullable(),
  nextStatuses: z.array(RiskStatus),
  allowedActions: z.array(z.enum(RISK_ACTIONS)).describe('What the caller may do to it now'),
});
export type RiskDetail = z.infer<typeof RiskDetail>;

export const RiskPage = page(RiskSummary);

/** One version of a risk. */
export const RiskChange = z.object({
  id: Id,
  version: z.number().int(),
  action: z.string().describe('created | updated | transitioned | action_added | action_updated | reviewed'),
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  at: Instant,
  changes: z.record(z.string(), z.array(z.unknown()).length(2)).describe('field -> [before, after]'),
  reason: z.string().nullable(),
});
export const RiskChangePage = page(RiskChange);

const HeatRisk = z.object({ id: Id, number: z.number().int(), title: z.string() });
export const RiskHeatMap = z.object({
  statuses: z.array(RiskStatus),
  cells: z.array(z.array(z.object({
    likelihood: z.number().int(), impact: z.number().int(), score: z.number().int(), band: RiskBand, count: z.number().int(), risks: z.array(HeatRisk),
  }))).describe('cells[likelihood - 1][impact - 1]: row 0 is likelihood 1 (rare)'),
  byBand: z.object({ low: z.number().int(), medium: z.number().int(), high: z.number().int(), critical: z.number().int() }),
  total: z.number().int(),
});
export type RiskHeatMap = z.infer<typeof RiskHeatMap>;

export const RiskOverdue = z.object({
  today: z.string(),
  mitigations: z.array(z.object({
    riskId: Id, riskNumber: z.number().int(), riskTitle: z.string(), actionId: Id, description: z.string(),
    ownerOrganisationId: Id, ownerOrganisationName: z.string(), ownerPersonId: Id.nullable(), ownerPersonName: z.string().nullable(), dueOn: z.string(), daysOverdue: z.number().int(),
  })),
  reviews: z.array(z.object({ riskId: Id, riskNumber: z.number().int(), riskTitle: z.string(), dueOn: z.string(), daysOverdue: z.number().int() })),
});
export type RiskOverdue = z.infer<typeof RiskOverdue>;
