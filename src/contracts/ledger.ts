import { z } from 'zod';
import { COMMITMENT_STATUSES, DELIVERY_STATUSES, RESOURCE_KINDS } from '../domain/accountability/commitments';
import { TRANSACTION_TYPES } from '../domain/accountability/ledger';
import { DateOnly, Id, Instant, PageQuery, page } from './common';

// ---- money, quantities, ratios -----------------------------------------------------------------

/**
 * An amount as a client sends it: decimal text in major units with "." as the decimal separator
 * ("1234.56", "1,234.56"), read exactly (never rounded: "12.345" EUR is refused), and its ISO 4217 currency.
 */
export const MoneyIn = z
  .object({
    amount: z.string().max(60).describe('Decimal text in major units, "." as decimal separator: "1234.56"'),
    currency: z.string().max(10).describe('ISO 4217 code, e.g. EUR'),
  })
  .strict();
/** An amount as Accord answers: canonical text, integer minor units as a string (exact beyond 2^53), currency. */
export const MoneyOut = z.object({
  amount: z.string().describe('Canonical decimal text with the currency\'s decimals: "1234.56"'),
  minor: z.string().describe('Integer minor units as a string: "123456"'),
  currency: z.string(),
});
export const QuantityIn = z.object({ value: z.string().max(60).describe('Decimal text, "." as separator: "200", "12.5"'), unit: z.string().max(100) }).strict();
export const QuantityOut = z.object({ value: z.string(), unit: z.string() });
/** An exact ratio: the reduced fraction and a percentage for display only. */
export const Ratio = z.object({ fraction: z.string().describe('"53/200"'), percent: z.string().describe('"26.5" (display only)') }).nullable();

export const ResourceKind = z.enum(RESOURCE_KINDS);
export const CommitmentStatus = z.enum(COMMITMENT_STATUSES);
export const DeliveryStatus = z.enum(DELIVERY_STATUSES);
export const TransactionType = z.enum(TRANSACTION_TYPES);

const Text = (max: number) => z.string().max(max);
const Reason = z.string().max(5000).describe('Why (required)');

// ---- settings ----------------------------------------------------------------------------------

export const SettingsBody = z
  .object({
    reportingCurrency: z.string().max(10).optional().describe('ISO 4217 code reports are converted into (default EUR)'),
    graceDays: z.number().int().optional().describe('Days an overdue item stays yellow before it turns red (0 to 365, default 30)'),
    approvalThreshold: z
      .string()
      .max(60)
      .nullable()
      .optional()
      .describe('Spending at or above this amount of the reporting currency needs a passed decision; null: never; "0": always. Restate it when the reporting currency changes'),
  })
  .strict();
export const Settings = z.object({
  reportingCurrency: z.string(),
  graceDays: z.number().int(),
  approvalThreshold: MoneyOut.nullable(),
  updatedAt: Instant.nullable(),
});

// ---- commitments -------------------------------------------------------------------------------

export const TrancheIn = z.object({ dueOn: DateOnly, value: MoneyIn, quantity: QuantityIn.nullable().optional() }).strict();

export const PledgeBody = z
  .object({
    organisationId: Id.describe('The pledging member organisation (a representative pledges for their own)'),
    kind: ResourceKind,
    description: Text(2000),
    quantity: QuantityIn.nullable().optional().describe('For in-kind resources: 200 person-days'),
    valuation: MoneyIn,
    valuationBasis: Text(1000).optional().describe('How the valuation was reached (required in kind)'),
    tranches: z.array(TrancheIn).max(120).describe('What is due by when: adds up to the valuation exactly'),
    conditions: z.array(Text(1000)).max(50).optional(),
    goalIds: z.array(Id).max(50).optional().describe('Goals of the partnership it serves'),
    decisionId: Id.nullable().optional().describe('The decision of the partnership that approved it'),
    recipientOrganisationId: Id.nullable().optional().describe('A member that receives it; its representatives may confirm deliveries'),
    pledgedOn: DateOnly.optional().describe('Default today; not in the future'),
  })
  .strict();

export const CommitmentTransitionBody = z.object({ on: DateOnly.optional() }).strict();
export const CommitmentEndBody = z.object({ reason: Reason, on: DateOnly.optional() }).strict();
export const AmendBody = z
  .object({
    valuation: MoneyIn.optional(),
    quantity: QuantityIn.nullable().optional(),
    valuationBasis: Text(1000).optional(),
    tranches: z.array(TrancheIn).max(120).optional(),
    reason: Reason,
    on: DateOnly.optional(),
  })
  .strict();

export const CommitmentQuery = PageQuery.extend({ organisationId: Id.optional(), kind: ResourceKind.optional(), status: CommitmentStatus.optional() });

const QuantityProgress = z.object({ unit: z.string(), total: z.string(), delivered: z.string(), pending: z.string(), outstanding: z.string(), remaining: z.string() });
export const Progress = z.object({
  delivered: MoneyOut.describe('Confirmed deliveries'),
  pending: MoneyOut.describe('Recorded deliveries awaiting confirmation'),
  outstanding: MoneyOut.describe('What the partner still owes'),
  remaining: MoneyOut.describe('What a new delivery may still cover'),
  ratio: Ratio,
  quantity: QuantityProgress.nullable(),
});

export const TrancheOut = z.object({ dueOn: z.string(), value: MoneyOut, quantity: QuantityOut.nullable() });

export const CommitmentSummary = z.object({
  id: Id,
  number: z.number().int(),
  partnershipId: Id,
  organisationId: Id,
  kind: ResourceKind,
  status: CommitmentStatus,
  description: z.string(),
  valuation: MoneyOut,
  valuationBasis: z.string(),
  quantity: QuantityOut.nullable(),
  tranches: z.array(TrancheOut),
  conditions: z.array(z.string()),
  goalIds: z.array(z.string()),
  decisionId: z.string().nullable(),
  recipientOrganisationId: z.string().nullable(),
  pledgedOn: z.string(),
  progress: Progress,
  createdAt: Instant,
  updatedAt: Instant,
});
export const CommitmentPage = page(CommitmentSummary);

export const DeliveryOut = z.object({
  id: Id,
  number: z.number().int(),
  commitmentId: Id,
  organisationId: Id,
  on: z.string(),
  value: MoneyOut,
  quantity: QuantityOut.nullable(),
  evidence: z.array(z.string()),
  note: z.string().nullable(),
  status: DeliveryStatus,
  recordedBy: z.string().nullable(),
  recordedAt: Instant,
  decidedBy: z.string().nullable(),
  decidedAt: Instant.nullable(),
  reason: z.string().nullable(),
  transactionId: z.string().nullable(),
  reversalTransactionId: z.string().nullable(),
});
export const DeliveryPage = page(DeliveryOut);

export const EntryOut = z.object({ account: z.string(), side: z.enum(['debit', 'credit']), amount: MoneyOut, quantity: QuantityOut.nullable() });
export const TransactionOut = z.object({
  id: Id,
  number: z.number().int(),
  type: TransactionType,
  date: z.string(),
  description: z.string(),
  refs: z.object({
    commitmentId: z.string().nullable(),
    deliveryId: z.string().nullable(),
    decisionId: z.string().nullable(),
    counterparty: z.string().nullable(),
    reverses: z.string().nullable(),
    corrects: z.string().nullable(),
  }),
  entries: z.array(EntryOut),
  reversedBy: z.string().nullable().describe('The reversal of this transaction, once reversed'),
  createdBy: z.string().nullable(),
  createdAt: Instant,
});
export const TransactionPage = page(TransactionOut);

export const CommitmentDetail = CommitmentSummary.extend({
  deliveries: z.array(DeliveryOut),
  trancheProgress: z.array(z.object({ index: z.number().int(), dueOn: z.string(), value: MoneyOut, covered: MoneyOut, deliveredOn: z.string().nullable(), onTime: z.boolean().nullable() })),
  history: z.array(z.object({ from: z.string().nullable(), to: z.string(), on: z.string(), by: z.string().nullable(), reason: z.string().nullable(), at: Instant })),
  amendments: z.array(z.object({ on: z.string(), by: z.string().nullable(), reason: z.string(), before: z.unknown(), after: z.unknown(), at: Instant })),
  transactions: z.array(TransactionOut),
  allowedActions: z.array(z.string()),
});

export const RecordDeliveryBody = z
  .object({
    on: DateOnly.optional().describe('Default today; not in the future, not before the pledge'),
    value: MoneyIn.optional().describe('In the commitment\'s currency; for an in-kind delivery stated as a quantity, omit it to value the quantity pro rata'),
    quantity: QuantityIn.nullable().optional(),
    evidence: z.array(z.string().max(2000)).max(20).optional().describe('Links (https://...) or file references (file:<id>)'),
    note: Text(2000).nullable().optional(),
  })
  .strict();
export const DeliveryConfirmBody = z.object({ on: DateOnly.optional() }).strict();
export const DeliveryReasonBody = z.object({ reason: Reason, on: DateOnly.optional() }).strict();
export const DeliveryQuery = PageQuery.extend({ status: DeliveryStatus.optional(), organisationId: Id.optional(), commitmentId: Id.optional() });

// ---- the ledger --------------------------------------------------------------------------------

export const TransactionQuery = PageQuery.extend({
  account: z.string().max(250).optional().describe('Only transactions with an entry on an account starting with this: "receivable:", "expense:cold-chain"'),
  type: TransactionType.optional(),
  from: DateOnly.optional(),
  to: DateOnly.optional(),
});

const InKindFrom = z.enum(['pool', ...RESOURCE_KINDS.filter((k) => k !== 'cash')] as [string, ...string[]]);

export const ExpenseBody = z
  .object({
    date: DateOnly.optional().describe('Value date (default today)'),
    description: Text(500),
    line: z.string().max(100).describe('The budget line charged'),
    activity: z.string().max(100).nullable().optional(),
    amount: MoneyIn,
    from: InKindFrom.optional().describe('What pays: the pool (default), or an in-kind resource being used'),
    quantity: QuantityIn.nullable().optional().describe('The quantity of an in-kind resource used'),
    decisionId: Id.nullable().optional().describe('The passed decision that approved it (needed at or above the approval threshold)'),
    counterparty: Text(300).nullable().optional(),
  })
  .strict();
export const DisbursementBody = z
  .object({
    date: DateOnly.optional(),
    description: Text(500),
    line: z.string().max(100),
    activity: z.string().max(100).nullable().optional(),
    amount: MoneyIn,
    recipient: Text(300).describe('Who is paid'),
    decisionId: Id.nullable().optional(),
  })
  .strict();
export const ExchangeBody = z
  .object({ date: DateOnly.optional(), description: Text(500).optional(), sold: MoneyIn, bought: MoneyIn, counterparty: Text(300).nullable().optional() })
  .strict();
export const ReverseBody = z.object({ reason: Reason, date: DateOnly.optional().describe('The date of the reversal (default today)') }).strict();

const RateOut = z.object({ from: z.string(), to: z.string(), on: z.string(), rate: z.string() });
const Missing = z.object({ from: z.string(), to: z.string(), on: z.string() });
const reporting = <T extends z.ZodType>(row: T) =>
  z.object({ currency: z.string(), on: z.string(), rows: z.array(row), ratesUsed: z.array(RateOut), missing: z.array(Missing) }).nullable().describe('With ?currency=reporting: the report in the reporting currency, the rates it used and the pairs it lacks');

export const ReportQuery = z.object({
  currency: z.enum(['reporting']).optional().describe('"reporting": add the report in the partnership\'s reporting currency'),
  on: DateOnly.optional().describe('The date whose rates apply (default today)'),
});

export const BalancesReport = z.object({
  rows: z.array(z.object({ account: z.string(), currency: z.string(), debit: MoneyOut, credit: MoneyOut, net: MoneyOut })),
  quantities: z.array(z.object({ account: z.string(), unit: z.string(), debit: z.string(), credit: z.string(), net: z.string() })),
  reporting: reporting(z.object({ account: z.string(), net: MoneyOut.nullable() })),
});

const PledgeAmounts = z.object({ currency: z.string(), pledged: MoneyOut, delivered: MoneyOut, outstanding: MoneyOut, ratio: Ratio });
const PledgeQuantities = z.object({ unit: z.string(), pledged: z.string(), delivered: z.string(), outstanding: z.string() });
export const PledgesReport = z.object({
  rows: z.array(z.object({ partner: z.string(), resource: ResourceKind, amounts: z.array(PledgeAmounts), quantities: z.array(PledgeQuantities) })),
  byPartner: z.array(z.object({ partner: z.string(), amounts: z.array(PledgeAmounts) })),
  byResource: z.array(z.object({ resource: ResourceKind, amounts: z.array(PledgeAmounts), quantities: z.array(PledgeQuantities) })),
  reporting: reporting(z.object({ partner: z.string(), pledged: MoneyOut.nullable(), delivered: MoneyOut.nullable(), outstanding: MoneyOut.nullable(), ratio: Ratio })),
});

export const BudgetLineIn = z
  .object({
    id: z.string().max(100),
    name: Text(300).nullable().optional(),
    planned: z.array(MoneyIn).max(20),
    activities: z.array(z.object({ id: z.string().max(100), name: Text(300).nullable().optional(), planned: z.array(MoneyIn).max(20) }).strict()).max(200).optional(),
  })
  .strict();
export const BudgetBody = z.object({ lines: z.array(BudgetLineIn).max(500) }).strict();
const BudgetLineOut = z.object({
  id: z.string(),
  name: z.string().nullable(),
  planned: z.array(MoneyOut),
  activities: z.array(z.object({ id: z.string(), name: z.string().nullable(), planned: z.array(MoneyOut) })),
});
export const BudgetReport = z.object({
  lines: z.array(BudgetLineOut),
  rows: z.array(z.object({ line: z.string(), activity: z.string().nullable(), currency: z.string(), planned: MoneyOut, expenses: MoneyOut, disbursements: MoneyOut, actual: MoneyOut, remaining: MoneyOut, ratio: Ratio })),
  reporting: reporting(z.object({ line: z.string(), activity: z.string().nullable(), planned: MoneyOut.nullable(), actual: MoneyOut.nullable(), remaining: MoneyOut.nullable(), ratio: Ratio })),
});

export const RateBody = z.object({ from: z.string().max(10), to: z.string().max(10), on: DateOnly, rate: z.string().max(60).describe('Decimal text: one unit of from is worth rate units of to') }).strict();
export const RateRecord = z.object({ id: Id, from: z.string(), to: z.string(), on: z.string(), rate: z.string(), createdAt: Instant });
export const RateQuery = PageQuery.extend({ from: z.string().max(10).optional(), to: z.string().max(10).optional() });
export const RatePage = page(RateRecord);

/** What a dashboard needs, read from the running balances only. */
export const FinanceSummary = z.object({
  reportingCurrency: z.string(),
  on: z.string(),
  balances: BalancesReport.shape.rows,
  pledges: PledgesReport.omit({ reporting: true }),
  reporting: z.object({
    balances: reporting(z.object({ account: z.string(), net: MoneyOut.nullable() })),
    pledges: reporting(z.object({ partner: z.string(), pledged: MoneyOut.nullable(), delivered: MoneyOut.nullable(), outstanding: MoneyOut.nullable(), ratio: Ratio })),
  }),
});
