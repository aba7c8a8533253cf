import { z } from 'zod';
import { DISPUTE_ACTIONS, DISPUTE_STATUSES } from '../domain/governance/disputes';
import { DateOnly, Id, Instant, PageQuery, page } from './common';

export const DisputeStatus = z.enum(DISPUTE_STATUSES).describe('open (first step) -> escalated (a later step) -> resolved | withdrawn');

const Text = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max);

/** Raising a dispute between member organisations. */
export const RaiseDisputeBody = z
  .object({
    subject: Text(3, 300, 'Use at least 3 characters').describe('What the dispute is about, in a line'),
    description: z.string().max(10_000).nullable().optional(),
    parties: z.array(Id).max(50).describe('The organisations in conflict: at least two different current members of the partnership; a representative must name their own'),
    decisionId: Id.nullable().optional().describe('The decision the dispute is about, when there is one'),
    openedOn: DateOnly.optional().describe('When the dispute began (default today; not in the future)'),
  })
  .strict();

export const EscalateDisputeBody = z
  .object({
    result: Text(3, 5000, 'Say how the current step ended').describe('The outcome of the current step, recorded on it'),
    reason: Text(3, 5000, 'Say why the dispute escalates').describe('Why the dispute moves to the next step'),
    on: DateOnly.optional().describe('The day of the escalation (default today; not before the current step began, not in the future)'),
  })
  .strict();

export const ResolveDisputeBody = z
  .object({
    resolution: Text(3, 5000, 'Say how the dispute was resolved'),
    on: DateOnly.optional().describe('The day it was resolved (default today)'),
  })
  .strict();

export const WithdrawDisputeBody = z
  .object({
    reason: Text(3, 5000, 'Say why the dispute is withdrawn'),
    on: DateOnly.optional().describe('The day it was withdrawn (default today)'),
  })
  .strict();

export const DisputeQuery = PageQuery.extend({
  status: DisputeStatus.optional(),
  party: Id.optional().describe('Only disputes this member organisation is party to'),
  q: z.string().trim().max(200).optional().describe('Words of the subject'),
});

export const DisputeParty = z.object({ organisationId: Id, organisationName: z.string() });

/** One step of the partnership's escalation ladder. */
export const LadderStep = z.object({
  id: z.string(),
  name: z.string(),
  body: z.string().nullable().describe('The charter body that handles the step, when one does'),
  days: z.number().int().nullable().describe('Days the step may take before it is overdue; null: no limit'),
});

/** A step the dispute went through or is on. */
export const DisputeStepRecord = z.object({
  id: Id,
  stepId: z.string(),
  name: z.string(),
  position: z.number().int(),
  days: z.number().int().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  dueOn: z.string().nullable().describe('Overdue after this day; null: no limit'),
  daysTaken: z.number().int().describe('Days from its start to its end (or to today)'),
  overdue: z.boolean().describe('It took, or has taken so far, longer than its days'),
  result: z.string().nullable(),
  reason: z.string().nullable().describe('Why the dispute was escalated to this step'),
});

/** A dispute as listed in the register. */
export const DisputeSummary = z.object({
  id: Id,
  number: z.number().int().describe('1, 2, 3... within the partnership'),
  subject: z.string(),
  status: DisputeStatus,
  currentStep: z.string().describe('The ladder step it is on (the last one it reached, once closed)'),
  currentStepName: z.string(),
  stepStartedOn: z.string(),
  dueOn: z.string().nullable().describe('The current step is overdue after this day; null when it has no limit or the dispute is closed'),
  overdue: z.boolean().describe('Still being worked on, and the current step is past its days'),
  parties: z.array(DisputeParty),
  decisionId: z.string().nullable(),
  raisedById: Id.nullable(),
  openedOn: z.string(),
  resolvedOn: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  daysToResolution: z.number().int().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type DisputeSummary = z.infer<typeof DisputeSummary>;

/** One dispute with its parties, steps, the ladder and what the caller may do next. */
export const DisputeDetail = DisputeSummary.extend({
  partnershipId: Id,
  description: z.string().nullable(),
  raisedByName: z.string().nullable(),
  resolution: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  steps: z.array(DisputeStepRecord),
  ladder: z.array(LadderStep),
  nextStep: LadderStep.nullable().describe('Where an escalation would take it; null on the last step or once closed'),
  allowedActions: z.array(z.enum(DISPUTE_ACTIONS)).describe('What the caller may do to it now'),
});
export type DisputeDetail = z.infer<typeof DisputeDetail>;

export const DisputePage = page(DisputeSummary);

/** The register in figures. */
export const DisputeStats = z.object({
  total: z.number().int(),
  byStatus: z.object({ open: z.number().int(), escalated: z.number().int(), resolved: z.number().int(), withdrawn: z.number().int() }),
  openOverdue: z.number().int().describe('Disputes still being worked on whose current step is past its days'),
  medianDaysToResolution: z.number().nullable(),
  meanDaysToResolution: z.number().nullable(),
  ladder: z.array(LadderStep),
});
export type DisputeStats = z.infer<typeof DisputeStats>;
