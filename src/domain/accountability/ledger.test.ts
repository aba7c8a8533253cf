import { describe, it, expect } from 'vitest';
import { frac } from '../kernel/fraction';
import type { Money } from '../kernel/money';
import { eur, issues, thrown, usd } from '../kernel/testing';
import { exchangeRate } from './currency';
import {
  ACCOUNTS,
  acceptTransaction,
  accountId,
  balanceDeltas,
  balanceOf,
  balances,
  balancesIn,
  budgetIn,
  budgetVersusActual,
  chartOf,
  checkApproval,
  checkBudgetLines,
  checkTransaction,
  correction,
  isBalanced,
  net,
  parseAccount,
  pledgedVersusDelivered,
  pledgesIn,
  postDelivery,
  postDisbursement,
  postExchange,
  postExpense,
  postPledge,
  postPledgeRelease,
  postValuationChange,
  quantityBalances,
  reverse,
  type Account,
  type BudgetLine,
  type Entry,
  type NewTransaction,
  type Transaction,
} from './ledger';


const A = 'org-biosul';
const B = 'org-cityhealth';
const LINES: BudgetLine[] = [
  { id: 'cold-chain', name: 'Cold chain', planned: [eur(50_000_00)], activities: [{ id: 'fridges', planned: [eur(30_000_00)] }, { id: 'training', planned: [eur(10_000_00)] }] },
  { id: 'outreach', planned: [eur(20_000_00), usd(5_000_00)] },
];
const chart = chartOf([A, B], LINES);
let n = 0;
const accept = (tx: NewTransaction): Transaction => acceptTransaction(`tx-${++n}`, tx, chart);
const entry = (account: string, side: Entry['side'], amount: Money, quantity?: Entry['quantity']): Entry => ({ account, side, amount, ...(quantity ? { quantity } : {}) });
const manual = (entries: Entry[], over: Partial<NewTransaction> = {}): NewTransaction => ({ type: 'adjustment', date: '2026-03-01', description: 'Manual adjustment', entries, refs: {}, ...over });

describe('accounts', () => {
  it.each<[Account, string]>([
    [{ kind: 'receivable', partner: A, resource: 'cash' }, 'receivable:org-biosul:cash'],
    [{ kind: 'pledged', partner: A, resource: 'staff_time' }, 'pledged:org-biosul:staff_time'],
    [{ kind: 'pool' }, 'pool'],
    [{ kind: 'in_kind', resource: 'data' }, 'in_kind:data'],
    [{ kind: 'expense', line: 'cold-chain' }, 'expense:cold-chain'],
    [{ kind: 'expense', line: 'cold-chain', activity: 'fridges' }, 'expense:cold-chain:fridges'],
    [{ kind: 'disbursement', line: 'outreach' }, 'disbursement:outreach'],
    [{ kind: 'exchange' }, 'exchange'],
  ])('%o has the id %s, which reads back', (account, id) => {
    expect(accountId(account)).toBe(id);
    expect(parseAccount(id)).toEqual(account);
  });

  it.each(['', 'cash', 'pool:x', 'receivable:org', 'receivable:org:money', 'in_kind:cash', 'expense:', 'expense:a:b:c', 'expense:a b', 'receivable::cash', 'exchange:EUR'])('does not read %j as an account', (id) => {
    expect(parseAccount(id)).toBeNull();
  });
});

describe('checking a transaction', () => {
  const pledge = postPledge({ date: '2026-01-15', partner: A, resource: 'cash', value: eur(10_000_00) });

  it('accepts a balanced pledge', () => {
    expect(checkTransaction(pledge, chart)).toEqual([]);
  });

  it.each<[string, NewTransaction, string[]]>([
    ['a single entry is refused: at least one debit and one credit', manual([entry('pool', 'debit', eur(1))]), ['entries too_few']],
    ['no entries at all is refused', manual([]), ['entries too_few']],
    ['debits must equal credits in the currency', manual([entry('pool', 'debit', eur(100)), entry('expense:outreach', 'credit', eur(99))]), ['entries unbalanced']],
    [
      'a currency on one side only can never balance (no mixing EUR against USD)',
      manual([entry('pool', 'debit', eur(100)), entry('expense:outreach', 'credit', usd(100))]),
      ['entries one_sided', 'entries one_sided'],
    ],
    [
      'each currency balances on its own, even when the totals look equal',
      manual([entry('pool', 'debit', eur(100)), entry('pool', 'debit', usd(50)), entry('expense:outreach', 'credit', eur(50)), entry('expense:outreach', 'credit', usd(100))]),
      ['entries unbalanced', 'entries unbalanced'],
    ],
    ['a zero amount is refused', manual([entry('pool', 'debit', eur(0)), entry('expense:outreach', 'credit', eur(0))]), ['entries.0.amount not_positive', 'entries.1.amount not_positive']],
    ['a negative amount is refused: use the other side', manual([entry('pool', 'debit', eur(-5)), entry('expense:outreach', 'credit', eur(-5))]), ['entries.0.amount not_positive', 'entries.1.amount not_positive']],
    ['an unknown currency is refused', manual([entry('pool', 'debit', { minor: 1n, currency: 'ABC' }), entry('expense:outreach', 'credit', { minor: 1n, currency: 'ABC' })]), ['entries.0.amount.currency unknown_currency', 'entries.1.amount.currency unknown_currency']],
    ['an account of someone who is not a partner is refused', manual([entry('receivable:org-x:cash', 'debit', eur(1)), entry('pledged:org-x:cash', 'credit', eur(1))]), ['entries.0.account unknown_account', 'entries.1.account unknown_account']],
    ['a budget line the partnership does not have is refused', manual([entry('expense:catering', 'debit', eur(1)), entry('pool', 'credit', eur(1))]), ['entries.0.account unknown_account']],
    ['an activity of another line is refused', manual([entry('expense:outreach:fridges', 'debit', eur(1)), entry('pool', 'credit', eur(1))]), ['entries.0.account unknown_account']],
    ['a malformed account id is refused', manual([entry('bank', 'debit', eur(1)), entry('pool', 'credit', eur(1))]), ['entries.0.account invalid_account']],
    ['an entry is a debit or a credit', manual([entry('pool', 'plus' as never, eur(1)), entry('expense:outreach', 'credit', eur(1))]), ['entries.0.side invalid_side']],
    ['cash has no quantity', manual([entry('pool', 'debit', eur(1), { value: '1', unit: 'bags' }), entry('expense:outreach', 'credit', eur(1))]), ['entries.0.quantity not_applicable']],
    ['a transaction has a real date', { ...pledge, date: '2026-13-01' }, ['date invalid_date']],
    ['a transaction has a description', { ...pledge, description: ' ' }, ['description required']],
    ['a reversal names what it reverses', { ...pledge, type: 'reversal' }, ['refs.reverses required']],
    ['a transaction has a known type', { ...pledge, type: 'gift' as never }, ['type invalid_type']],
  ])('%s', (_name, tx, expected) => {
    expect(issues(checkTransaction(tx, chart))).toEqual(expected);
  });

  it('says in which currency and by how much a transaction does not balance', () => {
    const [issue] = checkTransaction(manual([entry('pool', 'debit', eur(1_000_00)), entry('expense:outreach', 'credit', eur(900_00))]), chart);
    expect(issue.message).toBe('The debits in EUR (EUR 1,000.00) do not equal the credits (EUR 900.00)');
  });

  it('accepts a transaction as a frozen copy that no code can change, and refuses a bad one with validation_failed', () => {
    const tx = accept({ ...pledge, description: '  Pledge  ' });
    expect(tx.id).toMatch(/^tx-/);
    expect(tx.description).toBe('Pledge');
    expect(Object.isFrozen(tx) && Object.isFrozen(tx.entries) && Object.isFrozen(tx.entries[0]) && Object.isFrozen(tx.entries[0].amount)).toBe(true);
    expect(() => {
      (tx.entries[0].amount as { minor: bigint }).minor = 1n;
    }).toThrow(TypeError);
    const e = thrown(() => accept(manual([entry('pool', 'debit', eur(1))])));
    expect(e.code).toBe('validation_failed');
  });
});

describe('standard postings', () => {
  it.each<[string, NewTransaction, [string, string, bigint, string?][]]>([
    ['a pledge debits the receivable and credits pledged', postPledge({ date: '2026-01-15', partner: A, resource: 'cash', value: eur(100), commitmentId: 'c1' }), [['receivable:org-biosul:cash', 'debit', 100n], ['pledged:org-biosul:cash', 'credit', 100n]]],
    [
      'an in-kind pledge carries its quantity on both sides',
      postPledge({ date: '2026-01-15', partner: A, resource: 'staff_time', value: eur(90_000_00), quantity: { value: '200', unit: 'person-days' } }),
      [['receivable:org-biosul:staff_time', 'debit', 90_000_00n, '200 person-days'], ['pledged:org-biosul:staff_time', 'credit', 90_000_00n, '200 person-days']],
    ],
    ['a cash delivery goes into the pool', postDelivery({ date: '2026-02-01', partner: A, resource: 'cash', value: eur(100) }), [['pool', 'debit', 100n], ['receivable:org-biosul:cash', 'credit', 100n]]],
    [
      'an in-kind delivery goes into the in-kind account of its kind',
      postDelivery({ date: '2026-02-01', partner: A, resource: 'staff_time', value: eur(450_00), quantity: { value: '1', unit: 'person-days' } }),
      [['in_kind:staff_time', 'debit', 450_00n, '1 person-days'], ['receivable:org-biosul:staff_time', 'credit', 450_00n, '1 person-days']],
    ],
    ['a release debits pledged and credits the receivable', postPledgeRelease({ date: '2026-04-01', partner: A, resource: 'cash', value: eur(40), reason: 'withdrawn' }), [['pledged:org-biosul:cash', 'debit', 40n], ['receivable:org-biosul:cash', 'credit', 40n]]],
    ['an expense debits the line and credits the pool', postExpense({ date: '2026-03-01', description: 'Fridges', line: 'cold-chain', activity: 'fridges', amount: eur(70) }), [['expense:cold-chain:fridges', 'debit', 70n], ['pool', 'credit', 70n]]],
    [
      'an expense paid in kind credits the in-kind resource used',
      postExpense({ date: '2026-03-01', description: 'Trainers', line: 'cold-chain', activity: 'training', amount: eur(900_00), from: 'staff_time', quantity: { value: '2', unit: 'person-days' } }),
      [['expense:cold-chain:training', 'debit', 900_00n, '2 person-days'], ['in_kind:staff_time', 'credit', 900_00n, '2 person-days']],
    ],
    ['a disbursement debits the line and credits the pool', postDisbursement({ date: '2026-03-01', description: 'Grant to clinic', line: 'outreach', amount: eur(30), recipient: 'org-clinic' }), [['disbursement:outreach', 'debit', 30n], ['pool', 'credit', 30n]]],
    [
      'an exchange balances each currency through the exchange account',
      postExchange({ date: '2026-03-01', sold: eur(1_000_00), bought: usd(1_086_10) }),
      [['pool', 'debit', 1_086_10n], ['exchange', 'credit', 1_086_10n], ['exchange', 'debit', 1_000_00n], ['pool', 'credit', 1_000_00n]],
    ],
  ])('%s', (_name, tx, expected) => {
    expect(tx.entries.map((e) => [e.account, e.side, e.amount.minor, ...(e.quantity ? [`${e.quantity.value} ${e.quantity.unit}`] : [])])).toEqual(expected);
    expect(checkTransaction(tx, chart)).toEqual([]);
    expect(isBalanced(tx)).toBe(true);
    expect(Object.isFrozen(tx)).toBe(true);
  });

  it('records the recipient of a disbursement and the decision that approved it', () => {
    const tx = postDisbursement({ date: '2026-03-01', description: 'Grant', line: 'outreach', amount: eur(30), recipient: 'org-clinic', decisionId: 'dec-1' });
    expect(tx.refs).toEqual({ counterparty: 'org-clinic', decisionId: 'dec-1' });
  });

  it('turns an amendment into a pledge of the increase or a release of the decrease, and nothing for no change', () => {
    const base = { date: '2026-05-01', partner: A, resource: 'cash' as const, reason: 'amended', commitmentId: 'c1' };
    expect(postValuationChange({ ...base, change: eur(500) })?.type).toBe('pledge');
    const down = postValuationChange({ ...base, change: eur(-500) });
    expect(down?.type).toBe('pledge_release');
    expect(down?.entries[0].amount).toEqual(eur(500));
    expect(postValuationChange({ ...base, change: eur(0) })).toBeNull();
  });

  it('asks for the approving decision of an expense or disbursement when the charter needs one', () => {
    const expense = postExpense({ date: '2026-03-01', description: 'Fridges', line: 'cold-chain', amount: eur(70) });
    expect(issues(checkApproval(expense, true))).toEqual(['refs.decisionId approval_required']);
    expect(checkApproval(expense, false)).toEqual([]);
    expect(checkApproval({ ...expense, refs: { decisionId: 'dec-1' } }, true)).toEqual([]);
    expect(checkApproval(postPledge({ date: '2026-01-15', partner: A, resource: 'cash', value: eur(1) }), true)).toEqual([]);
  });
});

describe('reversals and corrections', () => {
  const original = accept(postExpense({ date: '2026-03-01', description: 'Fridges', line: 'cold-chain', activity: 'fridges', amount: eur(70_00), decisionId: 'dec-1' }));

  it('reverse every entry onto the other side and point back at the original', () => {
    const r = reverse(original, '2026-03-20');
    expect(r.type).toBe('reversal');
    expect(r.date).toBe('2026-03-20');
    expect(r.description).toBe('Reversal of: Fridges');
    expect(r.refs).toEqual({ decisionId: 'dec-1', reverses: original.id });
    expect(r.entries.map((e) => [e.account, e.side])).toEqual([['expense:cold-chain:fridges', 'credit'], ['pool', 'debit']]);
    expect(checkTransaction(r, chart)).toEqual([]);
  });

  it('restore the balances to what they were without the original', () => {
    const pledge = accept(postPledge({ date: '2026-01-15', partner: A, resource: 'cash', value: eur(100_00) }));
    const delivered = accept(postDelivery({ date: '2026-02-01', partner: A, resource: 'cash', value: eur(100_00) }));
    const without = balances([pledge, delivered]);
    const after = balances([pledge, delivered, original, accept(reverse(original))]);
    const nets = (rows: ReturnType<typeof balances>) => rows.map((r) => [r.account, r.currency, net(r)]).filter(([, , v]) => v !== 0n);
    expect(nets(after)).toEqual(nets(without));
  });

  it('pair the reversal with the replacement, which names what it corrects', () => {
    const [rev, replacement] = correction(original, postExpense({ date: '2026-03-01', description: 'Fridges (corrected)', line: 'cold-chain', activity: 'fridges', amount: eur(75_00) }), '2026-03-20');
    expect(rev.refs.reverses).toBe(original.id);
    expect(replacement.refs.corrects).toBe(original.id);
    const rows = balances([original, accept(rev), accept(replacement)]);
    expect(balanceOf(rows, 'expense:cold-chain:fridges', 'EUR')).toBe(75_00n);
  });
});

describe('balances', () => {
  const ledger = [
    accept(postPledge({ date: '2026-01-15', partner: A, resource: 'cash', value: eur(10_000_00) })),
    accept(postPledge({ date: '2026-01-15', partner: A, resource: 'staff_time', value: eur(90_000_00), quantity: { value: '200', unit: 'person-days' } })),
    accept(postPledge({ date: '2026-01-20', partner: B, resource: 'cash', value: usd(5_000_00) })),
    accept(postDelivery({ date: '2026-02-01', partner: A, resource: 'cash', value: eur(4_000_00) })),
    accept(postDelivery({ date: '2026-02-10', partner: A, resource: 'staff_time', value: eur(22_500_00), quantity: { value: '50', unit: 'person-days' } })),
    accept(postDelivery({ date: '2026-02-11', partner: B, resource: 'cash', value: usd(5_000_00) })),
    accept(postExpense({ date: '2026-03-01', description: 'Fridges', line: 'cold-chain', activity: 'fridges', amount: eur(2_500_00) })),
    accept(postExpense({ date: '2026-03-02', description: 'Trainers', line: 'cold-chain', activity: 'training', amount: eur(4_500_00), from: 'staff_time', quantity: { value: '10', unit: 'person-days' } })),
    accept(postDisbursement({ date: '2026-03-03', description: 'Grant to clinic', line: 'outreach', amount: usd(1_000_00), recipient: 'org-clinic' })),
    accept(postDisbursement({ date: '2026-03-04', description: 'Posters', line: 'outreach', amount: eur(300_00), recipient: 'org-print' })),
  ];
  const rows = balances(ledger);

  it('are kept per account and currency, debits and credits apart', () => {
    expect(rows.find((r) => r.account === 'pool' && r.currency === 'EUR')).toEqual({ account: 'pool', currency: 'EUR', debit: 4_000_00n, credit: 2_800_00n });
    expect(balanceOf(rows, 'pool', 'USD')).toBe(4_000_00n);
    expect(balanceOf(rows, 'in_kind:staff_time', 'EUR')).toBe(18_000_00n);
    expect(balanceOf(rows, 'pledged:org-biosul:cash', 'EUR')).toBe(-10_000_00n);
    expect(balanceOf(rows, 'expense:nothing', 'EUR')).toBe(0n);
  });

  it('are the running balances plus the deltas of each new transaction (what the store pre-aggregates)', () => {
    expect(balanceDeltas(ledger[6])).toEqual([
      { account: 'expense:cold-chain:fridges', currency: 'EUR', debit: 2_500_00n, credit: 0n },
      { account: 'pool', currency: 'EUR', debit: 0n, credit: 2_500_00n },
    ]);
  });

  it('net to zero in each currency over the whole ledger', () => {
    for (const currency of ['EUR', 'USD']) expect(rows.filter((r) => r.currency === currency).reduce((s, r) => s + net(r), 0n)).toBe(0n);
  });

  it('count quantities per account and unit', () => {
    expect(quantityBalances(ledger).filter((r) => r.account === 'in_kind:staff_time')).toEqual([{ account: 'in_kind:staff_time', unit: 'person-days', debit: '50', credit: '10' }]);
  });

  it('give pledged versus delivered per partner and kind, in value and quantity, with exact ratios', () => {
    const report = pledgedVersusDelivered(rows, quantityBalances(ledger));
    expect(report.rows).toEqual([
      { partner: A, resource: 'cash', amounts: [{ currency: 'EUR', pledged: eur(10_000_00), delivered: eur(4_000_00), outstanding: eur(6_000_00), ratio: frac(2, 5) }], quantities: [] },
      {
        partner: A,
        resource: 'staff_time',
        amounts: [{ currency: 'EUR', pledged: eur(90_000_00), delivered: eur(22_500_00), outstanding: eur(67_500_00), ratio: frac(1, 4) }],
        quantities: [{ unit: 'person-days', pledged: '200', delivered: '50', outstanding: '150' }],
      },
      { partner: B, resource: 'cash', amounts: [{ currency: 'USD', pledged: usd(5_000_00), delivered: usd(5_000_00), outstanding: usd(0), ratio: frac(1) }], quantities: [] },
    ]);
    expect(report.byPartner).toEqual([
      { partner: A, amounts: [{ currency: 'EUR', pledged: eur(100_000_00), delivered: eur(26_500_00), outstanding: eur(73_500_00), ratio: frac(265, 1000) }] },
      { partner: B, amounts: [{ currency: 'USD', pledged: usd(5_000_00), delivered: usd(5_000_00), outstanding: usd(0), ratio: frac(1) }] },
    ]);
    expect(report.byResource.map((r) => [r.resource, r.amounts.map((a) => `${a.currency} ${a.delivered.minor}/${a.pledged.minor}`)])).toEqual([
      ['cash', ['EUR 400000/1000000', 'USD 500000/500000']],
      ['staff_time', ['EUR 2250000/9000000']],
    ]);
  });

  it('never count a release as a delivery, and count a reversed delivery as outstanding again', () => {
    const delivery = ledger[3];
    const more = [
      ...ledger,
      accept(postPledgeRelease({ date: '2026-04-01', partner: A, resource: 'cash', value: eur(1_000_00), reason: 'budget cut' })),
      accept(reverse(delivery, '2026-04-02')),
    ];
    const [cash] = pledgedVersusDelivered(balances(more)).rows;
    expect(cash.amounts[0]).toMatchObject({ pledged: eur(9_000_00), delivered: eur(0), outstanding: eur(9_000_00) });
  });

  it('give budget versus actual per line and activity; a line includes its activities; unbudgeted currencies show', () => {
    const rows2 = budgetVersusActual(LINES, rows);
    const show = rows2.map((r) => [r.line, r.activity, r.currency, r.planned.minor, r.expenses.minor, r.disbursements.minor, r.actual.minor, r.remaining.minor, r.ratio]);
    expect(show).toEqual([
      ['cold-chain', null, 'EUR', 50_000_00n, 7_000_00n, 0n, 7_000_00n, 43_000_00n, frac(7, 50)],
      ['cold-chain', 'fridges', 'EUR', 30_000_00n, 2_500_00n, 0n, 2_500_00n, 27_500_00n, frac(1, 12)],
      ['cold-chain', 'training', 'EUR', 10_000_00n, 4_500_00n, 0n, 4_500_00n, 5_500_00n, frac(9, 20)],
      ['outreach', null, 'EUR', 20_000_00n, 0n, 300_00n, 300_00n, 19_700_00n, frac(3, 200)],
      ['outreach', null, 'USD', 5_000_00n, 0n, 1_000_00n, 1_000_00n, 4_000_00n, frac(1, 5)],
    ]);
  });

  it('show spending on a line missing from the budget with nothing planned', () => {
    const [row] = budgetVersusActual([], balances([manual([entry('expense:catering', 'debit', eur(5)), entry('pool', 'credit', eur(5))])]));
    expect(row).toMatchObject({ line: 'catering', activity: null, planned: eur(0), actual: eur(5), remaining: eur(-5), ratio: null });
  });

  describe('in the reporting currency', () => {
    const rates = [
      exchangeRate({ from: 'USD', to: 'EUR', on: '2026-01-01', rate: '0.95' }),
      exchangeRate({ from: 'USD', to: 'EUR', on: '2026-03-01', rate: '0.9134' }),
      exchangeRate({ from: 'USD', to: 'EUR', on: '2026-07-01', rate: '0.5' }),
    ];

    it('convert each account at the latest rate on or before the report date and list the rates used', () => {
      const view = balancesIn(rows, 'EUR', rates, '2026-06-30');
      expect(view.rows.find((r) => r.account === 'pool')?.net).toEqual(eur(1_200_00 + 3_653_60));
      expect(view.ratesUsed.map((r) => `${r.from}>${r.to} ${r.text} from ${r.on}`)).toEqual(['USD>EUR 0.9134 from 2026-03-01']);
      expect(view.missing).toEqual([]);
      expect(view).toMatchObject({ currency: 'EUR', on: '2026-06-30' });
    });

    it('show null, never a partial number, where a rate is missing, and say which', () => {
      const view = balancesIn(rows, 'EUR', [], '2026-06-30');
      expect(view.rows.find((r) => r.account === 'pool')?.net).toBeNull();
      expect(view.rows.find((r) => r.account === 'in_kind:staff_time')?.net).toEqual(eur(18_000_00));
      expect(view.missing).toEqual([{ from: 'USD', to: 'EUR', on: '2026-06-30' }]);
    });

    it('give pledged versus delivered per partner', () => {
      const view = pledgesIn(pledgedVersusDelivered(rows), 'EUR', rates, '2026-06-30');
      expect(view.rows).toEqual([
        { partner: A, pledged: eur(100_000_00), delivered: eur(26_500_00), outstanding: eur(73_500_00), ratio: frac(265, 1000) },
        { partner: B, pledged: eur(4_567_00), delivered: eur(4_567_00), outstanding: eur(0), ratio: frac(1) },
      ]);
      expect(view.ratesUsed).toHaveLength(1);
    });

    it('give budget versus actual per line', () => {
      const view = budgetIn(budgetVersusActual(LINES, rows), 'EUR', rates, '2026-06-30');
      expect(view.rows.find((r) => r.line === 'outreach')).toEqual({ line: 'outreach', activity: null, planned: eur(20_000_00 + 4_567_00), actual: eur(300_00 + 913_40), remaining: eur(24_567_00 - 1_213_40), ratio: frac(1_213_40, 24_567_00) });
    });
  });
});

describe('the example of docs/domain/ledger.md', () => {
  it('gives the balances and the pledged-versus-delivered figures the page states', () => {
    const lines: BudgetLine[] = [{ id: 'cold-chain', planned: [], activities: [{ id: 'fridges', planned: [] }, { id: 'training', planned: [] }] }];
    const c = chartOf(['biosul'], lines);
    const pd = (value: string) => ({ value, unit: 'person-days' });
    const txs = [
      postPledge({ date: '2026-01-15', partner: 'biosul', resource: 'cash', value: eur(10_000_00) }),
      postPledge({ date: '2026-01-15', partner: 'biosul', resource: 'staff_time', value: eur(90_000_00), quantity: pd('200') }),
      postDelivery({ date: '2026-02-01', partner: 'biosul', resource: 'cash', value: eur(4_000_00) }),
      postDelivery({ date: '2026-02-10', partner: 'biosul', resource: 'staff_time', value: eur(22_500_00), quantity: pd('50') }),
      postExpense({ date: '2026-03-01', description: 'Fridges', line: 'cold-chain', activity: 'fridges', amount: eur(2_500_00) }),
      postExpense({ date: '2026-03-02', description: 'Training', line: 'cold-chain', activity: 'training', amount: eur(4_500_00), from: 'staff_time', quantity: pd('10') }),
    ].map((t, i) => acceptTransaction(`doc-${i}`, t, c));
    const rows = balances(txs);
    expect(balanceOf(rows, 'pool', 'EUR')).toBe(1_500_00n);
    expect(balanceOf(rows, 'in_kind:staff_time', 'EUR')).toBe(18_000_00n);
    expect(quantityBalances(txs).find((r) => r.account === 'in_kind:staff_time')).toMatchObject({ debit: '50', credit: '10' });
    const report = pledgedVersusDelivered(rows, quantityBalances(txs));
    expect(report.byPartner[0].amounts[0]).toMatchObject({ pledged: eur(100_000_00), delivered: eur(26_500_00), outstanding: eur(73_500_00), ratio: frac(53, 200) });
    expect(report.rows[1].quantities).toEqual([{ unit: 'person-days', pledged: '200', delivered: '50', outstanding: '150' }]);
  });
});

describe('a budget', () => {
  it('is valid with unique ids and activities that fit their line', () => {
    expect(checkBudgetLines(LINES)).toEqual([]);
  });

  it.each<[string, BudgetLine[], string[]]>([
    ['a line is listed once', [LINES[1], LINES[1]], ['lines.1.id duplicate']],
    ['an id is short and plain', [{ id: 'out reach', planned: [] }], ['lines.0.id invalid_id']],
    ['a currency is planned once per line', [{ id: 'x', planned: [eur(1), eur(2)] }], ['lines.0.planned.1 duplicate']],
    ['a planned amount is not negative', [{ id: 'x', planned: [eur(-1)] }], ['lines.0.planned.0 negative']],
    ['activities plan no more than their line', [{ id: 'x', planned: [eur(10)], activities: [{ id: 'a', planned: [eur(6)] }, { id: 'b', planned: [eur(5)] }] }], ['lines.0.activities exceeds_line']],
    ['an activity is listed once in its line', [{ id: 'x', planned: [eur(10)], activities: [{ id: 'a', planned: [] }, { id: 'a', planned: [] }] }], ['lines.0.activities.1.id duplicate']],
  ])('%s', (_name, lines, expected) => {
    expect(issues(checkBudgetLines(lines))).toEqual(expected);
  });

  it('gives the chart of accounts its lines and activities', () => {
    expect(chart.budgetLines.get('cold-chain')).toEqual(new Set(['fridges', 'training']));
    expect(ACCOUNTS.expense('cold-chain', 'fridges')).toBe('expense:cold-chain:fridges');
  });
});
