import { z } from 'zod';
import { RESULT_LEVELS } from '../domain/accountability/results';
import { AGGREGATIONS, DIRECTIONS, MEASURES, VALUE_KINDS } from '../domain/accountability/indicators';
import { FREQUENCIES } from '../domain/accountability/indicators-periods';
import { SUBMISSION_ACTIONS, SUBMISSION_STATUSES } from '../domain/accountability/indicators-submissions';
import { DateOnly, Id, Instant, PageQuery, page } from './common';

/** The states of one partner's report for one period on the reporting calendar (see domain `reportState`). */
export const REPORT_STATES = ['upcoming', 'open', 'overdue', 'submitted', 'returned', 'returned_overdue', 'approved'] as const;

export const ResultLevel = z.enum(RESULT_LEVELS).describe('goal (top) -> outcome -> output');
export const Measure = z.enum(MEASURES).describe('IATI IndicatorMeasure: unit (1), percentage (2), nominal (3), ordinal (4), qualitative (5)');
export const Direction = z.enum(DIRECTIONS);
export const ValueKind = z.enum(VALUE_KINDS).describe('cumulative: each period gives the total so far; per_period: that period only');
export const Aggregation = z.enum(AGGREGATIONS).describe('How several partners\u2019 values combine: sum (units only) or mean');
export const SubmissionStatus = z.enum(SUBMISSION_STATUSES).describe('draft -> submitted -> returned | approved (locked)');
export const ReportState = z.enum(REPORT_STATES);

/** A number (JSON number or decimal text such as "37.5") or, for a qualitative indicator, text. */
export const RawValue = z.union([z.number(), z.string().max(5000)]).describe('Numbers only for numeric measures ("1200", 37.5); text for qualitative');
/** An exact weight among siblings: 2, "0.25" or "1/3". */
export const Weight = z.union([z.number(), z.string().max(40)]).nullable().describe('Relative weight among siblings: 2, "0.25" or "1/3"; weight every sibling or none');
/** An exact number as text: a decimal ("12.5") or, when it has no finite decimal form, a ratio ("1/3"). */
export const Exact = z.string().describe('An exact number: "12.5", or a ratio such as "1/3"');
const Title = z.string().trim().min(1, 'Give a title').max(300);
const PeriodKey = z.string().min(1).max(20).describe('A reporting period key: 2025-03, 2025-Q1, 2025, FY2025-Q1');

// ---- requests -------------------------------------------------------------------------------------

export const CreateResultBody = z
  .object({
    level: ResultLevel,
    parentId: Id.nullable().optional().describe('The goal of an outcome, the outcome of an output; none for a goal'),
    title: Title,
    description: z.string().max(5000).nullable().optional(),
    weight: Weight.optional(),
    goalId: Id.nullable().optional().describe('For a goal: the partnership goal it stands for'),
  })
  .strict();

export const UpdateResultBody = z
  .object({
    parentId: Id.nullable().optional(),
    title: Title.optional(),
    description: z.string().max(5000).nullable().optional(),
    weight: Weight.optional(),
    goalId: Id.nullable().optional(),
  })
  .strict();

/** Sets the weights of several results and indicators at once: a family becomes weighted (or not) in one go. */
export const SetWeightsBody = z
  .object({ weights: z.array(z.object({ id: Id, weight: Weight }).strict()).min(1).max(500) })
  .strict();

export const ResultsQuery = z.object({ missing: z.enum(['skip', 'zero']).default('skip').describe('skip: progress of what is known; zero: missing data counts as none') });

const Schedule = z
  .object({
    frequency: z.enum(FREQUENCIES),
    start: DateOnly,
    end: DateOnly,
    graceDays: z.number().int().min(0).max(365).optional().describe('Days after a period ends until its report is due'),
    fiscalYearStartMonth: z.number().int().min(1).max(12).optional(),
  })
  .strict();

const Dimension = z
  .object({ key: z.string().max(40), label: z.string().max(100).optional(), values: z.array(z.string().max(100)).max(50) })
  .strict();

const IndicatorFields = {
  nodeId: Id.describe('The result it measures'),
  weight: Weight.optional(),
  title: Title,
  definition: z.string().max(5000).describe('What is counted, from which source, how'),
  unit: z.string().max(100).default(''),
  measure: Measure,
  direction: Direction,
  valueKind: ValueKind,
  aggregation: Aggregation.nullable().optional(),
  baseline: z.object({ value: RawValue, date: DateOnly }).strict().nullable().optional(),
  targets: z.array(z.object({ periodKey: PeriodKey, value: RawValue }).strict()).max(1200).default([]),
  dimensions: z.array(Dimension).max(5).default([]).describe('Disaggregation: sex, age_band, region...'),
  sdgIndicators: z.array(z.string().max(20)).max(50).default([]).describe('SDG indicator codes such as 3.b.1'),
  responsiblePartnerIds: z.array(Id).max(100).describe('Member organisations that report its values'),
  schedule: Schedule,
};

export const CreateIndicatorBody = z.object(IndicatorFields).strict();
export const UpdateIndicatorBody = z
  .object({
    nodeId: IndicatorFields.nodeId.optional(),
    weight: IndicatorFields.weight,
    title: Title.optional(),
    definition: IndicatorFields.definition.optional(),
    unit: z.string().max(100).optional(),
    measure: Measure.optional(),
    direction: Direction.optional(),
    valueKind: ValueKind.optional(),
    aggregation: IndicatorFields.aggregation,
    baseline: IndicatorFields.baseline,
    targets: z.array(z.object({ periodKey: PeriodKey, value: RawValue }).strict()).max(1200).optional(),
    dimensions: z.array(Dimension).max(5).optional(),
    sdgIndicators: z.array(z.string().max(20)).max(50).optional(),
    responsiblePartnerIds: z.array(Id).max(100).optional(),
    schedule: Schedule.optional(),
  })
  .strict();

const Breakdown = z
  .array(z.object({ cell: z.record(z.string().max(40), z.string().max(100)), value: RawValue }).strict())
  .max(2000)
  .describe('Disaggregated values: { cell: { sex: "female" }, value: 60 }');

export const CreateSubmissionBody = z
  .object({
    periodKey: PeriodKey,
    partnerId: Id.describe('The responsible partner the values are for: an organisation the caller speaks for'),
    value: RawValue.nullable().optional(),
    breakdown: Breakdown.optional(),
    note: z.string().max(5000).nullable().optional(),
  })
  .strict();

export const UpdateSubmissionBody = z
  .object({ value: RawValue.nullable().optional(), breakdown: Breakdown.optional(), note: z.string().max(5000).nullable().optional() })
  .strict();

export const SubmissionActionBody = z.object({ comment: z.string().max(5000).nullable().optional().describe('Required when returning: what to correct') }).strict();

export const SubmissionQuery = PageQuery.extend({
  status: SubmissionStatus.optional(),
  partnerId: Id.optional(),
  periodKey: PeriodKey.optional(),
  indicatorId: Id.optional(),
});

export const CalendarQuery = z.object({
  indicatorId: Id.optional(),
  partnerId: Id.optional(),
  from: DateOnly.optional().describe('Periods due on or after this day'),
  to: DateOnly.optional().describe('Periods due on or before this day'),
});

export const ContributionBody = z.object({ nodeId: Id, commitmentId: Id }).strict();

// ---- responses ------------------------------------------------------------------------------------

export const NodeProgress = z.object({
  progress: Exact.nullable().describe('Exact, 0 to 1; null when nothing below has data'),
  percent: z.number().int().nullable().describe('For display: 0-100, rounded down'),
  method: z.enum(['weighted', 'average']),
  coverage: Exact.describe('The share of the weight below that had data'),
  missing: z.array(z.string()).describe('Children (results or indicators) without data'),
});

export const IndicatorProgress = z.object({
  latestPeriodKey: z.string().nullable(),
  latest: Exact.nullable().describe('The latest approved value (combined across partners)'),
  actual: Exact.nullable(),
  target: Exact.nullable(),
  periodsCompared: z.array(z.string()),
  progress: Exact.nullable().describe('(actual - baseline) / (target - baseline), exact and uncapped'),
  percent: z.number().int().nullable(),
  achieved: z.boolean().nullable(),
  changePercent: z.number().nullable().describe('Latest against the baseline, signed, one decimal'),
  improvementPercent: z.number().nullable().describe('The change counted as progress (reversed when lower is better)'),
  missing: z.string().nullable(),
});

export const ResultNodeView = z.object({
  id: Id,
  level: ResultLevel,
  parentId: Id.nullable(),
  goalId: Id.nullable(),
  title: z.string(),
  description: z.string().nullable(),
  weight: z.string().nullable(),
  position: z.number().int(),
  progress: NodeProgress,
});

export const IndicatorSummary = z.object({
  id: Id,
  nodeId: Id,
  weight: z.string().nullable(),
  title: z.string(),
  unit: z.string(),
  measure: Measure,
  direction: Direction,
  valueKind: ValueKind,
  frequency: z.enum(FREQUENCIES),
  progress: IndicatorProgress,
});

/** The dashboard's view: the tree rolled up and each indicator's progress. */
export const ResultsSummary = z.object({
  asOf: z.string(),
  missing: z.enum(['skip', 'zero']),
  overall: NodeProgress,
  nodes: z.array(ResultNodeView),
  indicators: z.array(IndicatorSummary),
});
export type ResultsSummary = z.infer<typeof ResultsSummary>;

export const ResultsTree = ResultsSummary.extend({
  allowedActions: z.array(z.enum(['manage', 'report', 'review'])).describe('What the caller may do in the framework'),
});
export type ResultsTree = z.infer<typeof ResultsTree>;

export const ResultNodeDetail = ResultNodeView.omit({ progress: true }).extend({ partnershipId: Id, createdAt: Instant, updatedAt: Instant });

const PartnerRef = z.object({ organisationId: Id, organisationName: z.string() });
const Cell = z.object({ cellKey: z.string(), cell: z.record(z.string(), z.string()), value: z.string().nullable() });

export const SeriesPoint = z.object({
  periodKey: z.string(),
  start: z.string(),
  end: z.string(),
  dueOn: z.string(),
  target: z.string().nullable(),
  actual: Exact.nullable().describe('The approved values combined across partners'),
  approvedCount: z.number().int(),
  reports: z.array(z.object({ partnerId: Id, status: SubmissionStatus.nullable(), state: ReportState, submissionId: Id.nullable() })),
  breakdown: z.array(Cell).describe('Approved disaggregated values, combined across partners'),
});

export const IndicatorDetail = z.object({
  id: Id,
  partnershipId: Id,
  nodeId: Id,
  weight: z.string().nullable(),
  title: z.string(),
  definition: z.string(),
  unit: z.string(),
  measure: Measure,
  iatiMeasureCode: z.string(),
  direction: Direction,
  valueKind: ValueKind,
  aggregation: Aggregation,
  baseline: z.object({ value: z.string(), date: z.string() }).nullable(),
  targets: z.array(z.object({ periodKey: z.string(), value: z.string() })),
  dimensions: z.array(z.object({ key: z.string(), label: z.string().optional(), values: z.array(z.string()) })),
  sdgIndicators: z.array(z.string()),
  responsiblePartners: z.array(PartnerRef),
  schedule: z.object({ frequency: z.enum(FREQUENCIES), start: z.string(), end: z.string(), graceDays: z.number().int(), fiscalYearStartMonth: z.number().int() }),
  progress: IndicatorProgress,
  series: z.array(SeriesPoint).describe('Target against actual per period, for charts'),
  allowedActions: z.array(z.enum(['manage', 'report', 'review'])),
  createdAt: Instant,
  updatedAt: Instant,
});
export type IndicatorDetail = z.infer<typeof IndicatorDetail>;

export const SubmissionSummary = z.object({
  id: Id,
  indicatorId: Id,
  indicatorTitle: z.string(),
  periodKey: z.string(),
  partnerId: Id,
  partnerName: z.string(),
  status: SubmissionStatus,
  value: z.string().nullable(),
  note: z.string().nullable(),
  firstSubmittedOn: z.string().nullable(),
  submittedAt: Instant.nullable(),
  reviewedAt: Instant.nullable(),
  reviewComment: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type SubmissionSummary = z.infer<typeof SubmissionSummary>;

export const SubmissionDetail = SubmissionSummary.extend({
  partnershipId: Id,
  breakdown: z.array(Cell),
  period: z.object({ start: z.string(), end: z.string(), dueOn: z.string() }),
  state: ReportState,
  onTime: z.boolean().nullable().describe('First submitted on or before the due date; null until submitted'),
  locked: z.boolean().describe('Approved: the values can no longer change'),
  history: z.array(
    z.object({ action: z.string(), from: SubmissionStatus.nullable(), to: SubmissionStatus, comment: z.string().nullable(), actorId: Id.nullable(), actorName: z.string().nullable(), at: Instant }),
  ),
  allowedActions: z.array(z.enum(['edit', ...SUBMISSION_ACTIONS])).describe('What the caller may do to it now'),
});
export type SubmissionDetail = z.infer<typeof SubmissionDetail>;

export const SubmissionPage = page(SubmissionSummary);

export const CalendarEntry = z.object({
  indicatorId: Id,
  indicatorTitle: z.string(),
  periodKey: z.string(),
  start: z.string(),
  end: z.string(),
  dueOn: z.string(),
  partnerId: Id,
  partnerName: z.string(),
  submissionId: Id.nullable(),
  status: SubmissionStatus.nullable(),
  state: ReportState,
  firstSubmittedOn: z.string().nullable(),
  onTime: z.boolean().nullable(),
});
export const ReportingCalendar = z.object({ asOf: z.string(), items: z.array(CalendarEntry) });
export type ReportingCalendar = z.infer<typeof ReportingCalendar>;

export const Contribution = z.object({ nodeId: Id, commitmentId: Id, createdAt: Instant });
export const Contributions = z.object({
  links: z.array(Contribution),
  byPartner: z.array(
    z.object({
      partnerId: Id,
      partnerName: z.string(),
      results: z.array(z.object({ nodeId: Id, title: z.string(), level: ResultLevel, direct: z.boolean(), commitmentIds: z.array(Id) })),
    }),
  ),
});
export type Contributions = z.infer<typeof Contributions>;
