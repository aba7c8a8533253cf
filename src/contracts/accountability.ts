/** Mutual accountability: partner scorecards, the overdue board and the partnership dashboard. */
import { z } from 'zod';
import { Id } from './common';
import { FinanceSummary, MoneyOut, Ratio } from './ledger';
import { ResultsSummary } from './results';
import { LIGHTS } from '../domain/accountability/scorecard';
import { RISK_BANDS } from '../domain/accountability/risks';

export const Light = z.enum(LIGHTS);

export const DueItemOut = z.object({
  id: z.string(),
  kind: z.enum(['delivery', 'report']),
  partner: Id,
  partnerName: z.string().nullable(),
  label: z.string().nullable(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  light: Light,
  state: z.enum(['done_on_time', 'done_late', 'open', 'overdue']),
  daysUntilDue: z.number().int().describe('Negative when overdue'),
  ref: z.object({ kind: z.enum(['commitment', 'indicator']), id: Id }).describe('Where the item is handled'),
});

export const TimelinessOut = z.object({
  counted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  rate: Ratio.describe('On time / counted, exact; null until something is counted'),
  open: z.number().int(),
  dueSoon: z.number().int(),
  overdue: z.number().int(),
});

const Amounts = z.object({ currency: z.string(), pledged: MoneyOut, delivered: MoneyOut, outstanding: MoneyOut, ratio: Ratio });

export const PartnerScorecard = z.object({
  organisationId: Id,
  organisationName: z.string().nullable(),
  current: z.boolean().describe('Still a member of the partnership'),
  fulfilment: z.array(Amounts).describe('Pledged against delivered, per currency'),
  deliveries: TimelinessOut,
  reports: TimelinessOut,
  overdue: z.array(DueItemOut),
  lights: z.object({ deliveries: Light, reports: Light, overall: Light }),
});

export const ScorecardsReport = z.object({ asOf: z.string(), graceDays: z.number().int(), partners: z.array(PartnerScorecard) });

export const OverdueQuery = z.object({ partner: Id.optional(), kind: z.enum(['delivery', 'report']).optional() });
export const OverdueBoard = z.object({
  asOf: z.string(),
  graceDays: z.number().int(),
  counts: z.object({ red: z.number().int(), yellow: z.number().int() }),
  items: z.array(DueItemOut),
});

export const Dashboard = z.object({
  asOf: z.string(),
  finance: FinanceSummary,
  results: ResultsSummary,
  risks: z.object({ open: z.object(Object.fromEntries(RISK_BANDS.map((b) => [b, z.number().int()])) as Record<(typeof RISK_BANDS)[number], z.ZodNumber>) }),
  partners: z.array(z.object({ organisationId: Id, organisationName: z.string(), current: z.boolean() })),
});
