/**
 * What the four demo partnerships owe each other and what they achieve: the ledger (settings, exchange rates,
 * budget, pledges of every kind with tranches, confirmations, deliveries on time, late, pending, rejected and
 * reversed, expenses, disbursements under the approval rule, exchanges, a reversed payment), the risk register
 * (OCDS for PPPs categories, allocations between the public authority and the private party in the PPP,
 * mitigation actions with owners, reviews, status changes, links to decisions and commitments) and the results
 * framework (goal -> outcome -> output with weights, indicators with baselines, targets per period,
 * disaggregation and the responsible partners' reports: most approved, some awaiting review, one returned,
 * some overdue), with contribution links from commitments to results.
 *
 * `load.ts` runs this after the partnerships' stories, through the ordinary services only, acting as the
 * person named in each step (conveners confirm, review and manage; representatives pledge, deliver, report
 * and manage risks for their own organisation; the receiving organisation confirms a delivery), so every
 * write is validated, access-checked and audited.
 *
 * Every date is relative to the day of loading (a step dated -30 runs 30 days before it, with the clock at
 * that day like the governance steps), so the demo is always current: tranches and reports fall due in the
 * past and in the future, some are overdue, some are not yet due. Reporting periods are the calendar quarters
 * and years around the day of loading. Within a partnership the steps run in date order.
 */
import type { Deps } from '../src/services/context';
import type { Actor } from '../src/domain/access/can';
import { actorFor } from '../src/services/accounts/accounts';
import { findUserByEmail } from '../src/store/repositories/users.repository';
import { listGoals } from '../src/services/partnerships/partnerships';
import { uuidv7 } from '../src/services/runtime';
import {
  addExchangeRate, recordDisbursement, recordExchange, recordExpense, replaceBudget, reverseTransaction, updateSettings,
  type BudgetInput, type DisbursementInput, type ExchangeInput, type ExpenseInput,
} from '../src/services/accountability/ledger';
import { confirmCommitment, confirmDelivery, pledge, recordDelivery, rejectDelivery, reverseDelivery } from '../src/services/accountability/commitments';
import { addRiskAction, createRisk, recordRiskReview, transitionRisk, updateRiskAction } from '../src/services/accountability/risks';
import { addContribution, createResult } from '../src/services/accountability/results';
import { createIndicator, createSubmission, reviewSubmission, submitSubmission } from '../src/services/accountability/indicators';
import { reportingPeriods, type Frequency, type ReportingPeriod } from '../src/domain/accountability/indicators-periods';
import type { ResourceKind } from '../src/domain/accountability/commitments';
import type { RiskParty, RiskStatus } from '../src/domain/accountability/risks';
import type { Aggregation, BreakdownValue, Dimension, Direction, Measure, ValueKind } from '../src/domain/accountability/indicators';
import type { ResultLevel } from '../src/domain/accountability/results';
import {
  ADMIN, ADWOA, AMINA, ANA, BJORN, CAMILA, CARLOS, CLAIRE, DAVID, ELEANOR, ELENA, FATIMA, GRACE, HENRIK, INGRID, JOHAN, KENJI, LENA, LUCAS,
  MAARTEN, MARIE, MARK, MIKKO, PIERRE, RAHUL, THANDI,
} from './data';

/** The ids the stories made, by their keys in data.ts and governance.ts. */
export interface DemoRefs {
  orgIds: ReadonlyMap<string, string>;
  partnershipIds: ReadonlyMap<string, string>;
  userIds: ReadonlyMap<string, string>;
  decisions: ReadonlyMap<string, { p: string; id: string }>;
}

/** What a step can reach: its dated deps, the acting person, the partnership and every id made so far. */
interface Ctx {
  deps: Deps;
  actor: Actor;
  /** The partnership's id. */
  p: string;
  org(key: string): string;
  user(email: string): string;
  decision(key: string): string;
  /** The id of the partnership's goal at this position (in the order they were added). */
  goal(index: number): string;
  /** The id made by an earlier step of this partnership under `key`. */
  id(key: string): string;
  keep(key: string, id: string): void;
}

interface Step { day: string; by: string; what: string; run: (x: Ctx) => Promise<void> }

export interface AccountabilityPlan {
  stories: { p: string; steps: Step[] }[];
  /** How many steps in all (each one service call), for the progress total. */
  steps: number;
}

const DAY = 86_400_000;
const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY).toISOString().slice(0, 10);
const money = (amount: string, currency: string) => ({ amount, currency });
const doc = (slug: string) => `https://docs.accord-demo.example/${slug}`;
/** Whole numbers as text; percentages and rates with one decimal. */
const whole = (n: number) => String(Math.round(n));
const one = (n: number) => (Math.round(n * 10) / 10).toFixed(1);
/** A total split into parts by shares (the last part takes the rest, so the parts add up exactly). */
function split(total: number, shares: number[]): string[] {
  const parts = shares.slice(0, -1).map((s) => Math.round(total * s));
  return [...parts, total - parts.reduce((a, b) => a + b, 0)].map(String);
}

type Outcome = 'approved' | 'late' | 'submitted' | 'returned' | 'missing';

interface IndicatorSpec {
  title: string;
  definition: string;
  unit: string;
  measure: Measure;
  direction: Direction;
  valueKind: ValueKind;
  aggregation?: Aggregation;
  weight?: string;
  frequency: Frequency;
  /** Quarterly: reporting starts with the quarter holding this day (relative to loading). Annual: two years back. */
  since?: number;
  graceDays: number;
  baseline: [value: string, date: string] | null;
  dimensions?: Dimension[];
  sdg: string[];
  /** [organisation key, e-mail of who reports for it]. */
  partners: [string, string][];
  /** The target of the i-th period of the schedule. */
  target: (i: number) => string;
  /** The value partner `k` reports for the i-th period. */
  value: (i: number, k: number, period: ReportingPeriod) => string;
  breakdown?: (total: string, i: number, k: number) => BreakdownValue[];
  note?: (i: number, k: number) => string | undefined;
  /** What becomes of partner `k`'s report for the n-th period counted back from the latest one reportable (0). */
  outcome?: (n: number, k: number) => Outcome;
  returnComment?: string;
}

/** One partnership's steps, written in the order they make sense, run in date order. */
class Story {
  readonly steps: Step[] = [];
  constructor(readonly key: string, readonly today: string, readonly convener: string) {}

  at(offset: number, by: string, what: string, run: (x: Ctx) => Promise<unknown>): void {
    if (!(offset < 0)) throw new Error(`demo accountability (${this.key}): ${what} is dated ${offset}, not before the day of loading`);
    this.steps.push({ day: addDays(this.today, offset), by, what, run: async (x) => void (await run(x)) });
  }
  day(offset: number): string {
    return addDays(this.today, offset);
  }

  // ---- ledger ----------------------------------------------------------------------------------

  settings(at: number, by: string, reportingCurrency: string, graceDays: number, approvalThreshold: string) {
    this.at(at, by, 'settings', (x) => updateSettings(x.deps, x.actor, x.p, { reportingCurrency, graceDays, approvalThreshold }));
  }
  rates(at: number, by: string, rates: [from: string, to: string, on: number, rate: string][]) {
    for (const [from, to, on, rate] of rates) this.at(at, by, `rate ${from}>${to}`, (x) => addExchangeRate(x.deps, x.actor, x.p, { from, to, on: this.day(on), rate }));
  }
  budget(at: number, by: string, lines: BudgetInput['lines']) {
    this.at(at, by, 'budget', (x) => replaceBudget(x.deps, x.actor, x.p, { lines }));
  }

  private units = new Map<string, string | null>();
  pledge(
    at: number, by: string, key: string,
    s: {
      org: string; kind: ResourceKind; description: string; value: [amount: string, currency: string]; quantity?: [value: string, unit: string]; basis?: string;
      tranches: [due: number, amount: string, quantity?: string][]; conditions?: string[]; goals?: number[]; decision?: string; recipient?: string;
    },
  ) {
    this.units.set(key, s.quantity?.[1] ?? null);
    const [, currency] = s.value;
    this.at(at, by, `pledge ${key}`, async (x) => {
      const made = await pledge(x.deps, x.actor, x.p, {
        organisationId: x.org(s.org), kind: s.kind, description: s.description, valuation: money(...s.value),
        quantity: s.quantity ? { value: s.quantity[0], unit: s.quantity[1] } : null, valuationBasis: s.basis,
        tranches: s.tranches.map(([due, amount, q]) => ({ dueOn: this.day(due), value: money(amount, currency), quantity: q && s.quantity ? { value: q, unit: s.quantity[1] } : null })),
        conditions: s.conditions ?? [], goalIds: (s.goals ?? []).map((g) => x.goal(g)), decisionId: s.decision ? x.decision(s.decision) : null,
        recipientOrganisationId: s.recipient ? x.org(s.recipient) : null, pledgedOn: this.day(at),
      });
      x.keep(key, made.id);
    });
  }
  confirm(at: number, by: string, c: string) {
    this.at(at, by, `confirm ${c}`, (x) => confirmCommitment(x.deps, x.actor, x.p, x.id(c), { on: this.day(at) }));
  }
  /** Records a delivery of a value (cash, or an in-kind resource without quantity) or of a quantity (its value follows). */
  deliver(at: number, by: string, key: string, c: string, what: { value?: [amount: string, currency: string]; quantity?: string; evidence?: string[]; note?: string; on?: number }) {
    const unit = this.units.get(c);
    if (unit === undefined) throw new Error(`demo accountability (${this.key}): no pledge ${c} before delivery ${key}`);
    this.at(at, by, `delivery ${key}`, async (x) => {
      const d = await recordDelivery(x.deps, x.actor, x.p, x.id(c), {
        on: this.day(what.on ?? at), value: what.value ? money(...what.value) : undefined, quantity: what.quantity && unit ? { value: what.quantity, unit } : null,
        evidence: what.evidence ?? [], note: what.note ?? null,
      });
      x.keep(key, d.id);
    });
  }
  accept(at: number, by: string, d: string) {
    this.at(at, by, `confirm delivery ${d}`, (x) => confirmDelivery(x.deps, x.actor, x.p, x.id(d), { on: this.day(at) }));
  }
  reject(at: number, by: string, d: string, reason: string) {
    this.at(at, by, `reject delivery ${d}`, (x) => rejectDelivery(x.deps, x.actor, x.p, x.id(d), { reason, on: this.day(at) }));
  }
  reverseDelivery(at: number, by: string, d: string, reason: string) {
    this.at(at, by, `reverse delivery ${d}`, (x) => reverseDelivery(x.deps, x.actor, x.p, x.id(d), { reason, on: this.day(at) }));
  }
  expense(at: number, by: string, s: Omit<ExpenseInput, 'date' | 'decisionId'> & { decision?: string; key?: string }) {
    const { decision, key, ...input } = s;
    this.at(at, by, `expense ${s.line}`, async (x) => {
      const t = await recordExpense(x.deps, x.actor, x.p, { ...input, date: this.day(at), decisionId: decision ? x.decision(decision) : null });
      if (key) x.keep(key, t.id);
    });
  }
  disburse(at: number, by: string, s: Omit<DisbursementInput, 'date' | 'decisionId'> & { decision?: string }) {
    const { decision, ...input } = s;
    this.at(at, by, `disbursement ${s.line}`, (x) => recordDisbursement(x.deps, x.actor, x.p, { ...input, date: this.day(at), decisionId: decision ? x.decision(decision) : null }));
  }
  exchange(at: number, by: string, s: Omit<ExchangeInput, 'date'>) {
    this.at(at, by, 'exchange', (x) => recordExchange(x.deps, x.actor, x.p, { ...s, date: this.day(at) }));
  }
  reverseTx(at: number, by: string, t: string, reason: string) {
    this.at(at, by, `reverse ${t}`, (x) => reverseTransaction(x.deps, x.actor, x.p, x.id(t), { reason, date: this.day(at) }));
  }

  // ---- risks -----------------------------------------------------------------------------------

  risk(
    at: number, by: string, key: string,
    s: {
      category: string; title: string; description: string; likelihood: number; impact: number; owner: string;
      shares?: [party: RiskParty, org: string, percent: string][]; decisions?: string[]; commitments?: string[]; review?: number;
    },
  ) {
    this.at(at, by, `risk ${key}`, async (x) => {
      const r = await createRisk(x.deps, x.actor, x.p, {
        category: s.category, title: s.title, description: s.description, likelihood: s.likelihood, impact: s.impact, ownerOrganisationId: x.org(s.owner),
        allocation: (s.shares ?? []).map(([party, org, percent]) => ({ party, organisationId: x.org(org), percent })),
        decisionIds: (s.decisions ?? []).map((d) => x.decision(d)), commitmentIds: (s.commitments ?? []).map((c) => x.id(c)),
        nextReviewOn: s.review === undefined ? null : this.day(s.review),
      });
      x.keep(key, r.id);
    });
  }
  action(at: number, by: string, risk: string, key: string, s: { description: string; org: string; person?: string; due: number }) {
    this.at(at, by, `action ${key}`, async (x) => {
      const r = await addRiskAction(x.deps, x.actor, x.p, x.id(risk), { description: s.description, ownerOrganisationId: x.org(s.org), ownerPersonId: s.person ? x.user(s.person) : null, dueOn: this.day(s.due) });
      const a = r.actions.find((y) => y.description === s.description);
      if (!a) throw new Error(`demo accountability: action ${key} not found after adding it`);
      x.keep(key, a.id);
    });
  }
  done(at: number, by: string, risk: string, action: string) {
    this.at(at, by, `done ${action}`, (x) => updateRiskAction(x.deps, x.actor, x.p, x.id(risk), x.id(action), { doneOn: this.day(at) }));
  }
  review(at: number, by: string, risk: string, s: { likelihood: number; impact: number; note: string; next?: number | null }) {
    this.at(at, by, `review ${risk}`, (x) =>
      recordRiskReview(x.deps, x.actor, x.p, x.id(risk), { likelihood: s.likelihood, impact: s.impact, note: s.note, reviewedOn: this.day(at), nextReviewOn: s.next == null ? s.next : this.day(s.next) }),
    );
  }
  status(at: number, by: string, risk: string, to: RiskStatus, reason: string) {
    this.at(at, by, `risk ${risk} -> ${to}`, (x) => transitionRisk(x.deps, x.actor, x.p, x.id(risk), { to, reason }));
  }

  // ---- results ---------------------------------------------------------------------------------

  result(at: number, key: string, level: ResultLevel, parent: string | null, title: string, description: string, s: { weight?: string; goal?: number } = {}) {
    this.at(at, this.convener, `result ${key}`, async (x) => {
      const n = await createResult(x.deps, x.actor, x.p, { level, parentId: parent ? x.id(parent) : null, title, description, weight: s.weight ?? null, goalId: s.goal === undefined ? null : x.goal(s.goal) });
      x.keep(key, n.id);
    });
  }
  contribute(at: number, node: string, commitment: string) {
    this.at(at, this.convener, `contribution ${commitment} -> ${node}`, (x) => addContribution(x.deps, x.actor, x.p, { nodeId: x.id(node), commitmentId: x.id(commitment) }));
  }

  /** The schedule of an indicator: calendar quarters from `since`, or years from two years back; both to the end of next year. */
  schedule(s: IndicatorSpec) {
    const year = Number(this.today.slice(0, 4));
    let start = `${year - 2}-01-01`;
    if (s.frequency === 'quarterly') {
      const d = this.day(s.since ?? -400);
      start = `${d.slice(0, 4)}-${String(Math.floor((Number(d.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    }
    return { frequency: s.frequency, start, end: `${year + 1}-12-31`, graceDays: s.graceDays };
  }

  /**
   * Defines an indicator, then each responsible partner's report for every period that ended at least 12 days
   * before loading: saved and submitted 6 to 19 days after the period ends (or after its due date, if late), and
   * approved (or returned) by the convener a few days later, unless its outcome says otherwise.
   */
  indicator(at: number, key: string, node: string, s: IndicatorSpec, reviewer = this.convener) {
    const schedule = this.schedule(s);
    const periods = reportingPeriods(schedule);
    this.at(at, this.convener, `indicator ${key}`, async (x) => {
      const made = await createIndicator(x.deps, x.actor, x.p, {
        nodeId: x.id(node), weight: s.weight ?? null, title: s.title, definition: s.definition, unit: s.unit, measure: s.measure, direction: s.direction,
        valueKind: s.valueKind, aggregation: s.aggregation ?? null, baseline: s.baseline ? { value: s.baseline[0], date: s.baseline[1] } : null,
        targets: periods.map((p, i) => ({ periodKey: p.key, value: s.target(i) })), dimensions: s.dimensions ?? [], sdgIndicators: s.sdg,
        responsiblePartnerIds: s.partners.map(([org]) => x.org(org)), schedule,
      });
      x.keep(key, made.id);
    });
    const last = this.day(-12);
    const reportable = periods.filter((p) => p.end <= last);
    const latest = this.day(-1);
    reportable.forEach((period, i) => {
      const n = reportable.length - 1 - i;
      s.partners.forEach(([org, by], k) => {
        const outcome = s.outcome?.(n, k) ?? 'approved';
        if (outcome === 'missing') return;
        const base = outcome === 'late' ? addDays(period.dueOn, 9) : addDays(period.end, 6 + ((i * 5 + k * 3) % 14));
        const sentOn = base < latest ? base : this.day(-2);
        const sent = Math.round((Date.parse(sentOn) - Date.parse(this.today)) / DAY);
        if (sentOn <= this.day(at)) throw new Error(`demo accountability (${this.key}): ${key} is reported (${sentOn}) before it is defined`);
        const sub = `${key}:${period.key}:${org}`;
        const value = s.value(i, k, period);
        this.at(sent, by, `report ${sub}`, async (x) => {
          const made = await createSubmission(x.deps, x.actor, x.p, x.id(key), { periodKey: period.key, partnerId: x.org(org), value, breakdown: s.breakdown?.(value, i, k) ?? [], note: s.note?.(i, k) ?? null });
          x.keep(sub, made.id);
        });
        this.at(sent, by, `submit ${sub}`, (x) => submitSubmission(x.deps, x.actor, x.p, x.id(sub), {}));
        if (outcome === 'submitted') return;
        const reviewOn = Math.min(sent + 4, -1);
        if (outcome === 'returned') {
          this.at(reviewOn, reviewer, `return ${sub}`, (x) => reviewSubmission(x.deps, x.actor, x.p, x.id(sub), 'return', { comment: s.returnComment ?? 'Please check the figures against the source registers.' }));
        } else this.at(reviewOn, reviewer, `approve ${sub}`, (x) => reviewSubmission(x.deps, x.actor, x.p, x.id(sub), 'approve', {}));
      });
    });
  }

  /** The steps in date order (steps of the same day in the order they were written). */
  ordered(): Step[] {
    return this.steps.map((s, i) => ({ s, i })).sort((a, b) => (a.s.day < b.s.day ? -1 : a.s.day > b.s.day ? 1 : a.i - b.i)).map((x) => x.s);
  }
}

// =================================================================================================
// 1. Horizon Vaccine Alliance: pooled donor money in US dollars, doses and know-how in kind
// =================================================================================================
function vaccines(today: string): Story {
  const s = new Story('vaccines', today, AMINA);
  s.settings(-720, AMINA, 'USD', 30, '5000000.00');
  s.rates(-719, HENRIK, [['EUR', 'USD', -730, '1.0850'], ['GBP', 'USD', -730, '1.2650'], ['EUR', 'USD', -200, '1.1420']]);
  s.budget(-718, AMINA, [
    {
      id: 'procurement', name: 'Vaccine procurement', planned: [money('150000000', 'USD')],
      activities: [{ id: 'mr', name: 'Measles-rubella', planned: [money('40000000', 'USD')] }, { id: 'pcv', name: 'Pneumococcal', planned: [money('60000000', 'USD')] }, { id: 'malaria', name: 'Malaria', planned: [money('50000000', 'USD')] }],
    },
    {
      id: 'fragile', name: 'Fragile-settings window', planned: [money('30000000', 'USD')],
      activities: [{ id: 'zero-dose', name: 'Zero-dose outreach', planned: [money('18000000', 'USD')] }, { id: 'cold-chain', name: 'Cold-chain equipment', planned: [money('12000000', 'USD')] }],
    },
    {
      id: 'secretariat', name: 'Secretariat', planned: [money('14000000', 'USD')],
      activities: [{ id: 'staff', name: 'Staff and board', planned: [money('11000000', 'USD')] }, { id: 'evaluation', name: 'Independent evaluation', planned: [money('3000000', 'USD')] }],
    },
  ]);

  // Donor governments and the foundation pledge cash; the developing-country government co-finances
  s.pledge(-700, INGRID, 'c-fogh', {
    org: 'fogh', kind: 'cash', description: 'Core contribution to the alliance’s programmes, in three annual instalments', value: ['60000000', 'EUR'],
    tranches: [[-640, '20000000'], [-275, '20000000'], [90, '20000000']], conditions: ['Each instalment follows the board’s approval of the annual results report'], goals: [1],
  });
  s.confirm(-695, AMINA, 'c-fogh');
  s.pledge(-690, ELEANOR, 'c-dohp', {
    org: 'dohp', kind: 'cash', description: 'Multi-year grant for routine immunisation and the fragile-settings window', value: ['45000000', 'GBP'],
    tranches: [[-560, '15000000'], [-180, '15000000'], [185, '15000000']], goals: [1, 3],
  });
  s.confirm(-688, AMINA, 'c-dohp');
  s.deliver(-640, INGRID, 'd-fogh-1', 'c-fogh', { value: ['20000000', 'EUR'], evidence: [doc('fogh-transfer-1')] });
  s.accept(-637, HENRIK, 'd-fogh-1');
  s.exchange(-600, HENRIK, { description: 'Euro instalment converted for dollar-denominated procurement', sold: money('20000000', 'EUR'), bought: money('21900000', 'USD'), counterparty: 'Banque Lémanique' });
  s.pledge(-600, RAHUL, 'c-calloway', {
    org: 'calloway', kind: 'cash', description: 'Catalytic grant for the malaria vaccine roll-out and market shaping', value: ['30000000', 'USD'],
    tranches: [[-420, '10000000'], [-60, '10000000'], [300, '10000000']], conditions: ['Matched by donor-government funding of the malaria programme'], goals: [0, 2],
  });
  s.confirm(-598, AMINA, 'c-calloway');
  s.deliver(-561, ELEANOR, 'd-dohp-1', 'c-dohp', { value: ['15000000', 'GBP'], evidence: [doc('dohp-grant-letter')] });
  s.accept(-559, AMINA, 'd-dohp-1');
  s.disburse(-558, HENRIK, {
    line: 'fragile', activity: 'zero-dose', amount: money('6500000', 'USD'), recipient: 'Community Health Volunteers Network', decision: 'v-cofin',
    description: 'First grant of the fragile-settings window: door-to-door search for zero-dose children in Balochistan',
  });
  s.pledge(-560, LUCAS, 'c-mr', {
    org: 'biosul', kind: 'in_kind_goods', description: 'Measles-rubella vaccine for Bangladesh’s routine programme and follow-up campaign', value: ['21360000', 'USD'],
    quantity: ['24000000', 'doses'], basis: 'US$ 0.89 a dose, the alliance’s tiered price for measles-rubella vaccine', recipient: 'mohbd', goals: [1, 2],
    tranches: [[-400, '7120000', '8000000'], [-190, '7120000', '8000000'], [40, '7120000', '8000000']],
  });
  s.confirm(-555, HENRIK, 'c-mr');
  s.pledge(-520, DAVID, 'c-pcv', {
    org: 'aldermoor', kind: 'in_kind_goods', description: 'Pneumococcal conjugate vaccine at the advance-commitment price', value: ['17700000', 'USD'],
    quantity: ['6000000', 'doses'], basis: 'US$ 2.95 a dose under the advance market commitment', recipient: 'unvsa', goals: [0, 2],
    tranches: [[-330, '8850000', '3000000'], [75, '8850000', '3000000']],
  });
  s.confirm(-515, AMINA, 'c-pcv');
  s.disburse(-510, HENRIK, { line: 'procurement', activity: 'pcv', amount: money('4800000', 'USD'), recipient: 'United Nations Vaccine Supply Agency', description: 'Pneumococcal vaccine procurement: freight, insurance and handling' });
  s.pledge(-480, FATIMA, 'c-cofin', {
    org: 'mohbd', kind: 'cash', description: 'Co-financing of pneumococcal and measles-rubella vaccines (revised policy, step 2)', value: ['3200000', 'USD'],
    tranches: [[-330, '1600000'], [-45, '1600000']], decision: 'v-cofin', goals: [3],
  });
  s.confirm(-478, AMINA, 'c-cofin');
  s.deliver(-425, RAHUL, 'd-calloway-1', 'c-calloway', { value: ['10000000', 'USD'], evidence: [doc('calloway-grant-agreement')] });
  s.accept(-423, HENRIK, 'd-calloway-1');
  s.pledge(-420, HENRIK, 'c-unvsa', {
    org: 'unvsa', kind: 'staff_time', description: 'Procurement and supply-chain specialists for country shipments', value: ['1260000', 'USD'],
    quantity: ['1800', 'person-days'], basis: 'US$ 700 a person-day, the agency’s standard staff cost', tranches: [[-240, '630000', '900'], [125, '630000', '900']],
  });
  s.confirm(-418, AMINA, 'c-unvsa');
  s.deliver(-402, LUCAS, 'd-mr-1', 'c-mr', { quantity: '8000000', evidence: [doc('mr-airway-bill-1')], note: 'Three sea shipments to the central store in Dhaka' });
  s.accept(-398, FATIMA, 'd-mr-1');
  s.pledge(-400, DAVID, 'c-licence', {
    org: 'aldermoor', kind: 'licences_ip', description: 'Technology-transfer licence for pneumococcal vaccine filling at BioSul', value: ['4000000', 'USD'],
    basis: 'Independent valuation of the royalties waived over five years', tranches: [[-300, '4000000']], recipient: 'biosul', goals: [2],
  });
  s.confirm(-398, HENRIK, 'c-licence');
  s.deliver(-333, FATIMA, 'd-cofin-1', 'c-cofin', { value: ['1600000', 'USD'], evidence: [doc('bd-treasury-transfer')] });
  s.accept(-331, HENRIK, 'd-cofin-1');
  // Aldermoor's first shipment was recorded in full, then found short by 200,000 doses
  s.deliver(-331, DAVID, 'd-pcv-1', 'c-pcv', { quantity: '3000000', evidence: [doc('pcv-consignment-1')] });
  s.accept(-329, HENRIK, 'd-pcv-1');
  s.deliver(-305, DAVID, 'd-licence', 'c-licence', { value: ['4000000', 'USD'], evidence: [doc('pcv-licence-signed')] });
  s.accept(-303, LUCAS, 'd-licence');
  s.reverseDelivery(-300, AMINA, 'd-pcv-1', 'The consignment note shows 2,800,000 doses: 200,000 were short-shipped. Recorded again with the quantity received');
  s.deliver(-299, DAVID, 'd-pcv-2', 'c-pcv', { quantity: '2800000', on: -331, evidence: [doc('pcv-consignment-1')], note: 'The 200,000 doses short-shipped follow with the second tranche' });
  s.accept(-298, HENRIK, 'd-pcv-2');
  s.expense(-296, AMINA, { line: 'secretariat', activity: 'staff', amount: money('860000', 'USD'), counterparty: 'Secretariat payroll', description: 'Secretariat salaries and board meeting costs, second quarter' });
  s.deliver(-250, INGRID, 'd-fogh-2', 'c-fogh', { value: ['20000000', 'EUR'], note: 'Released once the parliament had adopted the budget', evidence: [doc('fogh-transfer-2')] });
  s.accept(-248, HENRIK, 'd-fogh-2');
  s.deliver(-228, HENRIK, 'd-unvsa-1', 'c-unvsa', { quantity: '900', evidence: [doc('unvsa-timesheets')] });
  s.accept(-226, AMINA, 'd-unvsa-1');
  s.expense(-225, AMINA, { line: 'procurement', activity: 'pcv', amount: money('630000', 'USD'), from: 'staff_time', quantity: { value: '900', unit: 'person-days' }, counterparty: 'United Nations Vaccine Supply Agency', description: 'Procurement staff time used for the pneumococcal tender and shipments' });
  s.deliver(-196, LUCAS, 'd-mr-2', 'c-mr', { quantity: '600000', note: 'Air shipment, batch MR-5512' });
  s.reject(-193, FATIMA, 'd-mr-2', 'Cold-chain monitor cards showed a temperature excursion on arrival in Dhaka: the batch is quarantined and will be destroyed');
  s.deliver(-186, LUCAS, 'd-mr-3', 'c-mr', { quantity: '5000000', evidence: [doc('mr-airway-bill-2')] });
  s.accept(-184, FATIMA, 'd-mr-3');
  s.deliver(-180, ELEANOR, 'd-dohp-2', 'c-dohp', { value: ['15000000', 'GBP'] });
  s.accept(-178, HENRIK, 'd-dohp-2');
  s.expense(-150, HENRIK, { line: 'secretariat', activity: 'evaluation', amount: money('240000', 'USD'), counterparty: 'Kampala Centre for Immunisation Research', description: 'Independent evaluation of zero-dose outreach, inception phase' });
  s.deliver(-140, LUCAS, 'd-mr-4', 'c-mr', { quantity: '3000000', evidence: [doc('mr-airway-bill-3')], note: 'Replaces the quarantined batch' });
  s.accept(-137, FATIMA, 'd-mr-4');
  s.expense(-95, AMINA, { key: 't-dup', line: 'secretariat', activity: 'staff', amount: money('85000', 'USD'), counterparty: 'Geneva Conference Services', description: 'Board meeting logistics' });
  s.reverseTx(-88, HENRIK, 't-dup', 'Paid twice: the same invoice had been settled with the quarterly payroll run; the supplier refunded it');
  s.disburse(-60, HENRIK, { line: 'fragile', activity: 'cold-chain', amount: money('2400000', 'USD'), recipient: 'Ministry of Health – Expanded Programme on Immunisation', description: 'Solar direct-drive refrigerators for 300 river-island health posts' });
  // the foundation's second instalment is on its way, not yet confirmed by the secretariat
  s.deliver(-9, RAHUL, 'd-calloway-2', 'c-calloway', { value: ['10000000', 'USD'], note: 'Wire sent; the value date at the secretariat’s bank is pending', evidence: [doc('calloway-wire-2')] });

  // Risk register
  s.risk(-500, LUCAS, 'r-supplier', {
    category: 'availabilityAndQuality', title: 'Single supplier for measles-rubella vaccine', owner: 'biosul', likelihood: 3, impact: 4, commitments: ['c-mr'], review: -200,
    description: 'BioSul is the only prequalified supplier at the tiered price; a stoppage of its filling line would interrupt campaigns in three countries.',
  });
  s.action(-499, LUCAS, 'r-supplier', 'a-line', { description: 'Validate the second filling line at the Curitiba plant', org: 'biosul', person: LUCAS, due: -250 });
  s.done(-255, LUCAS, 'r-supplier', 'a-line');
  s.review(-190, LUCAS, 'r-supplier', { likelihood: 2, impact: 4, note: 'The second filling line passed validation; a quarantined batch showed the cold chain, not the supply, is the weak point.', next: 60 });
  s.risk(-690, AMINA, 'r-fx', {
    category: 'inflationAndFx', title: 'Euro and sterling pledges lose value against the dollar', owner: 'hva', likelihood: 3, impact: 3,
    description: 'Two donors pledge in their own currencies while vaccines are bought in dollars.',
  });
  s.status(-680, AMINA, 'r-fx', 'accepted', 'Instalments are converted when received; the board accepts the exposure within a 5% reserve');
  s.risk(-450, INGRID, 'r-law', {
    category: 'changeInLaw', title: 'A donor parliament cuts the aid budget', owner: 'fogh', likelihood: 2, impact: 5,
    description: 'A budget law reducing official development assistance could delay or cut the remaining instalments.',
  });
  s.status(-260, INGRID, 'r-law', 'closed', 'The parliament adopted the multi-year health budget unchanged');
  s.risk(-400, AMINA, 'r-replenish', {
    category: 'financeAvailability', title: 'Donor pledges fall short of the next strategy’s needs', owner: 'hva', likelihood: 3, impact: 5, decisions: ['v-cofin'], review: -20,
    description: 'The replenishment must raise US$ 9 billion; two donors signalled flat pledges.',
  });
  s.action(-399, AMINA, 'r-replenish', 'a-case', { description: 'Publish the investment case for the replenishment conference', org: 'hva', person: AMINA, due: 45 });
  s.action(-399, AMINA, 'r-replenish', 'a-match', { description: 'Secure a matching pledge from the foundation', org: 'calloway', person: RAHUL, due: -30 });
  s.risk(-350, AMINA, 'r-hesitancy', {
    category: 'revenue', title: 'Vaccine hesitancy lowers demand for HPV vaccine', owner: 'iecc', likelihood: 3, impact: 3,
    description: 'Misinformation on social media has lowered HPV vaccine uptake in two pilot districts; demand forecasts may be too high.',
  });
  s.action(-349, AMINA, 'r-hesitancy', 'a-mobilisers', { description: 'Train 2,000 community mobilisers to answer questions on HPV vaccine', org: 'iecc', person: GRACE, due: -60 });
  s.risk(-300, AMINA, 'r-prequal', {
    category: 'compliance', title: 'Prequalification of the second malaria vaccine supplier slips', owner: 'ihso', likelihood: 3, impact: 4,
    description: 'Without a second prequalified supplier the roll-out in three more countries cannot start on time.',
  });
  s.action(-299, AMINA, 'r-prequal', 'a-inspection', { description: 'Fund an extra inspection of the Hyderabad plant', org: 'hva', person: HENRIK, due: -150 });
  s.done(-160, HENRIK, 'r-prequal', 'a-inspection');
  s.review(-100, AMINA, 'r-prequal', { likelihood: 2, impact: 4, note: 'Inspection passed with minor observations; dossier under final review.', next: 80 });
  s.risk(-250, HENRIK, 'r-floods', {
    category: 'forceMajeure', title: 'Monsoon floods cut off river-island outreach', owner: 'mohbd', likelihood: 4, impact: 4,
    description: 'Floods close outreach sites on the river islands for weeks, and children miss their doses.',
  });
  s.status(-130, HENRIK, 'r-floods', 'occurred', 'Floods in Sylhet and Sunamganj closed 210 outreach sites for six weeks');
  s.status(-110, HENRIK, 'r-floods', 'mitigating', 'Boat clinics and catch-up rounds funded from the fragile-settings window');
  s.action(-110, HENRIK, 'r-floods', 'a-catchup', { description: 'Run catch-up rounds in the flood-hit sub-districts', org: 'mohbd', person: FATIMA, due: -20 });
  s.done(-25, HENRIK, 'r-floods', 'a-catchup');
  s.risk(-190, HENRIK, 'r-coldchain', {
    category: 'availabilityAndQuality', title: 'Cold-chain failures on the last mile', owner: 'mohbd', likelihood: 4, impact: 3, commitments: ['c-mr'],
    description: 'A batch of measles-rubella vaccine arrived with a temperature excursion; district stores lack remote monitoring.',
  });
  s.action(-189, HENRIK, 'r-coldchain', 'a-monitoring', { description: 'Install remote temperature monitoring in 40 district stores', org: 'mohbd', person: FATIMA, due: -40 });
  s.status(-185, HENRIK, 'r-coldchain', 'mitigating', 'Monitoring contract signed; refrigerators funded from the fragile-settings window');
  s.risk(-40, HENRIK, 'r-arrears', {
    category: 'otherRevenue', title: 'Countries fall into co-financing arrears', owner: 'mohbd', likelihood: 4, impact: 3, commitments: ['c-cofin'], decisions: ['v-cofin'],
    description: 'The second co-financing instalment is overdue; the revised policy allows deferral only in fragile settings.',
  });
  s.action(-39, HENRIK, 'r-arrears', 'a-schedule', { description: 'Agree a payment schedule with the Ministry of Finance', org: 'mohbd', person: FATIMA, due: 20 });

  // Results framework
  s.result(-760, 'g-reach', 'goal', null, 'Every child reached with routine vaccines', 'Coverage rises and the number of children who never received a vaccine falls in supported countries.', { goal: 1 });
  s.result(-760, 'o-coverage', 'outcome', 'g-reach', 'Higher routine coverage in supported countries', 'National programmes vaccinate more infants on time.', { weight: '2' });
  s.result(-760, 'o-community', 'outcome', 'g-reach', 'Communities find and bring missed children', 'Civil society and volunteers bring zero-dose children to vaccination sessions.', { weight: '1' });
  s.result(-760, 'op-dialogues', 'output', 'o-community', 'Community dialogues held', 'Dialogues with parents, religious leaders and teachers in low-coverage districts.');
  s.result(-760, 'g-markets', 'goal', null, 'Healthy vaccine markets', 'Enough prequalified supply at affordable, sustainable prices.', { goal: 2 });
  s.result(-760, 'o-supply', 'outcome', 'g-markets', 'Reliable supply of prequalified vaccines', 'Manufacturers deliver the doses countries planned for, on time.');
  s.result(-760, 'g-cofin', 'goal', null, 'Countries finance their own vaccines', 'Co-financing paid on time and a planned transition to self-financing.', { goal: 3 });
  s.result(-760, 'o-cofin', 'outcome', 'g-cofin', 'Co-financing paid in full and on time', 'Countries pay their share of vaccine costs by the due date.');
  const year = Number(today.slice(0, 4));
  s.indicator(-759, 'i-dtp3', 'o-coverage', {
    title: 'DTP3 coverage among surviving infants', weight: '3', unit: '%', measure: 'percentage', direction: 'higher_is_better', valueKind: 'per_period', frequency: 'annual', graceDays: 90,
    definition: 'Share of surviving infants who received three doses of diphtheria-tetanus-pertussis vaccine: administrative data of the national programme, adjusted by the coverage survey.',
    baseline: ['84.2', `${year - 3}-12-31`], sdg: ['3.b.1'], partners: [['mohbd', FATIMA]], dimensions: [{ key: 'sex', label: 'Sex', values: ['female', 'male'] }],
    target: (i) => one(86 + 1.5 * i), value: (i) => one(86.4 + 1.5 * i - (i % 2) * 0.3),
    breakdown: (v) => [{ cell: { sex: 'female' }, value: one(Number(v) + 0.3) }, { cell: { sex: 'male' }, value: one(Number(v) - 0.3) }],
  });
  s.indicator(-759, 'i-zero', 'o-coverage', {
    title: 'Zero-dose children', weight: '2', unit: 'children', measure: 'unit', direction: 'lower_is_better', valueKind: 'per_period', frequency: 'annual', graceDays: 90,
    definition: 'Surviving infants who received no dose of DTP-containing vaccine during the year, from the programme’s registers and the birth cohort.',
    baseline: ['212000', `${year - 3}-12-31`], sdg: ['3.b.1'], partners: [['mohbd', FATIMA]],
    dimensions: [{ key: 'division', label: 'Division', values: ['Dhaka', 'Chattogram', 'Sylhet', 'Other divisions'] }],
    target: (i) => whole(195000 - 15000 * i), value: (i) => whole(196400 - 16800 * i),
    breakdown: (v) => split(Number(v), [0.31, 0.24, 0.19, 0.26]).map((value, j) => ({ cell: { division: ['Dhaka', 'Chattogram', 'Sylhet', 'Other divisions'][j] }, value })),
    note: (i) => (i === 0 ? 'Sylhet includes the river islands reached by boat clinics.' : undefined),
  });
  s.indicator(-759, 'i-dialogues', 'op-dialogues', {
    title: 'Community dialogues on immunisation held', unit: 'dialogues', measure: 'unit', direction: 'higher_is_better', valueKind: 'per_period', frequency: 'quarterly', since: -300, graceDays: 30,
    definition: 'Dialogues with parents, faith leaders and teachers held by coalition members in low-coverage districts, from the session registers.',
    baseline: null, sdg: [], partners: [['iecc', GRACE]],
    target: (i) => whole(400 + 50 * i), value: (i) => whole(372 + 55 * i + [0, 14, -9, 6][i % 4]),
    outcome: (n) => (n === 0 ? 'returned' : 'approved'), returnComment: 'The Sylhet figure counts sessions planned, not held: correct it from the session registers.',
  }, HENRIK);
  // the doses delivered so far, as the ledger shows them (confirmed deliveries up to each quarter's end)
  const cumulative = (deliveries: [number, number][]) => (_i: number, _k: number, p: ReportingPeriod) => whole(deliveries.filter(([on]) => s.day(on) <= p.end).reduce((a, [, q]) => a + q, 0));
  s.indicator(-759, 'i-mr', 'o-supply', {
    title: 'Measles-rubella doses delivered to Bangladesh (cumulative)', unit: 'doses', measure: 'unit', direction: 'higher_is_better', valueKind: 'cumulative', frequency: 'quarterly', since: -300, graceDays: 30,
    definition: 'Doses received at the central store and accepted by the national programme since the pledge, from the receiving reports.',
    baseline: ['0', s.day(-560)], sdg: ['3.b.3'], partners: [['biosul', LUCAS]],
    target: (i) => whole(Math.min(24000000, 4000000 * (i + 2))), value: cumulative([[-402, 8000000], [-186, 5000000], [-140, 3000000]]),
  });
  s.indicator(-759, 'i-pcv', 'o-supply', {
    title: 'Pneumococcal doses delivered (cumulative)', unit: 'doses', measure: 'unit', direction: 'higher_is_better', valueKind: 'cumulative', frequency: 'quarterly', since: -300, graceDays: 30,
    definition: 'Doses delivered to the supply agency under the advance commitment since the pledge, from the consignment notes.',
    baseline: ['0', s.day(-520)], sdg: ['3.b.3'], partners: [['aldermoor', DAVID]],
    target: (i) => whole(Math.min(6000000, 1500000 * (i + 1))), value: cumulative([[-331, 2800000]]),
    outcome: (n) => (n === 1 ? 'missing' : 'approved'),
  });
  s.indicator(-759, 'i-cofin', 'o-cofin', {
    title: 'Co-financing obligations paid on time', unit: '%', measure: 'percentage', direction: 'higher_is_better', valueKind: 'per_period', frequency: 'annual', graceDays: 90,
    definition: 'Share of the co-financing obligations of supported countries paid by their due date, from the secretariat’s records.',
    baseline: ['71', `${year - 3}-12-31`], sdg: ['17.17.1'], partners: [['hva', AMINA]],
    target: (i) => one(Math.min(100, 80 + 5 * i)), value: (i) => one(82 - 6 * i),
    note: (i) => (i === 1 ? 'Two countries deferred payments under the fragile-settings window.' : undefined),
  }, HENRIK);
  s.contribute(-300, 'o-supply', 'c-mr');
  s.contribute(-300, 'o-supply', 'c-pcv');
  s.contribute(-300, 'o-coverage', 'c-fogh');
  s.contribute(-300, 'o-cofin', 'c-cofin');
  return s;
}

// =================================================================================================
// 2. Living Forests Standards Council: a standard-setter's secretariat in euros
// =================================================================================================
function forest(today: string): Story {
  const s = new Story('forest', today, ELENA);
  s.settings(-730, ELENA, 'EUR', 30, '250000.00');
  s.rates(-729, ELENA, [['GBP', 'EUR', -735, '1.1720'], ['SEK', 'EUR', -735, '0.0868'], ['USD', 'EUR', -735, '0.9230']]);
  s.budget(-728, ELENA, [
    { id: 'secretariat', name: 'Secretariat', planned: [money('900000', 'EUR')], activities: [{ id: 'staff', name: 'Staff', planned: [money('700000', 'EUR')] }, { id: 'office', name: 'Office and systems', planned: [money('200000', 'EUR')] }] },
    { id: 'grievance', name: 'Grievance mechanism', planned: [money('220000', 'EUR')], activities: [{ id: 'mediators', name: 'Mediators', planned: [money('150000', 'EUR')] }, { id: 'field-verification', name: 'Field verification', planned: [money('70000', 'EUR')] }] },
    { id: 'coc', name: 'Chain-of-custody transition', planned: [money('520000', 'EUR')], activities: [{ id: 'training', name: 'Training', planned: [money('200000', 'EUR')] }, { id: 'transition-grants', name: 'Transition grants', planned: [money('320000', 'EUR')] }] },
    { id: 'assembly', name: 'General Assembly', planned: [money('160000', 'EUR')], activities: [{ id: 'venue', name: 'Venue', planned: [money('90000', 'EUR')] }, { id: 'travel-south', name: 'Travel of southern members', planned: [money('70000', 'EUR')] }] },
  ]);
  s.pledge(-700, ELENA, 'c-lfsc', {
    org: 'lfsc', kind: 'cash', description: 'Contribution from certification fees to the grievance mechanism and the chain-of-custody transition', value: ['600000', 'EUR'],
    tranches: [[-640, '300000'], [-275, '300000']], goals: [0, 3],
  });
  s.confirm(-699, ELENA, 'c-lfsc');
  s.pledge(-690, MARK, 'c-homecraft', {
    org: 'homecraft', kind: 'cash', description: 'Market-uptake fund: support for suppliers moving to certified timber and paper', value: ['450000', 'GBP'],
    tranches: [[-600, '150000'], [-240, '150000'], [120, '150000']], conditions: ['Reported in HomeCraft’s public sourcing report'], goals: [1],
  });
  s.confirm(-688, ELENA, 'c-homecraft');
  s.deliver(-640, ELENA, 'd-lfsc-1', 'c-lfsc', { value: ['300000', 'EUR'] });
  s.accept(-639, ELENA, 'd-lfsc-1');
  s.deliver(-602, MARK, 'd-homecraft-1', 'c-homecraft', { value: ['150000', 'GBP'], evidence: [doc('homecraft-remittance-1')] });
  s.accept(-600, ELENA, 'd-homecraft-1');
  s.exchange(-595, ELENA, { sold: money('150000', 'GBP'), bought: money('175200', 'EUR'), counterparty: 'Rheinische Handelsbank', description: 'HomeCraft’s first instalment into euros' });
  s.disburse(-560, ELENA, {
    line: 'coc', activity: 'transition-grants', amount: money('260000', 'EUR'), decision: 'f-standard', recipient: 'Himalayan Community Forest Users Alliance and 14 other community certificate holders',
    description: 'Transition grants for community and smallholder certificate holders moving to standard version 3',
  });
  s.pledge(-500, BJORN, 'c-nwt', {
    org: 'nwt', kind: 'data', description: 'High-conservation-value forest maps for boreal Sweden and Finland (GIS layers, open licence)', value: ['1350000', 'SEK'],
    quantity: ['1200000', 'hectares mapped'], basis: 'Field survey and remote-sensing costs, SEK 1.125 a hectare', tranches: [[-330, '675000', '600000'], [-60, '675000', '600000']], goals: [0],
  });
  s.confirm(-498, ELENA, 'c-nwt');
  s.expense(-500, ELENA, { line: 'grievance', activity: 'mediators', amount: money('38000', 'EUR'), counterparty: 'Independent mediation panel', description: 'Mediators for the grievance mechanism, first half-year' });
  s.pledge(-420, MIKKO, 'c-boreal', {
    org: 'boreal', kind: 'cash', description: 'Membership contribution and co-funding of the boreal HCV mapping', value: ['180000', 'EUR'], tranches: [[-380, '90000'], [-25, '90000']],
  });
  s.confirm(-418, ELENA, 'c-boreal');
  s.pledge(-400, MARIE, 'c-ffww', {
    org: 'ffww', kind: 'staff_time', description: 'Health-and-safety trainers for certified logging and sawmill operations', value: ['96000', 'EUR'],
    quantity: ['240', 'person-days'], basis: 'EUR 400 a trainer-day', tranches: [[-250, '48000', '120'], [110, '48000', '120']], goals: [2],
  });
  s.confirm(-398, ELENA, 'c-ffww');
  s.deliver(-366, MIKKO, 'd-boreal-1', 'c-boreal', { value: ['90000', 'EUR'] });
  s.accept(-364, ELENA, 'd-boreal-1');
  s.pledge(-360, ANA, 'c-ifpn', {
    org: 'ifpn', kind: 'staff_time', description: 'Community facilitators for free, prior and informed consent processes in Peru and Bolivia', value: ['45000', 'EUR'],
    quantity: ['150', 'person-days'], basis: 'EUR 300 a facilitator-day', tranches: [[-150, '22500', '75'], [60, '22500', '75']], goals: [3],
  });
  s.confirm(-358, ELENA, 'c-ifpn');
  s.deliver(-335, BJORN, 'd-nwt-1', 'c-nwt', { quantity: '600000', evidence: [doc('nwt-hcv-layers-sweden')] });
  s.accept(-333, ELENA, 'd-nwt-1');
  s.pledge(-300, CAMILA, 'c-andean', {
    org: 'andean', kind: 'facilities', description: 'Restoration demonstration sites along the Biobío river for auditor training', value: ['60000', 'USD'],
    quantity: ['3', 'sites'], basis: 'Equivalent rent of three field sites for a year', tranches: [[-200, '60000', '3']], goals: [0],
  });
  s.confirm(-298, ELENA, 'c-andean');
  s.deliver(-270, ELENA, 'd-lfsc-2', 'c-lfsc', { value: ['300000', 'EUR'] });
  s.accept(-268, ELENA, 'd-lfsc-2');
  s.deliver(-238, MARIE, 'd-ffww-1', 'c-ffww', { quantity: '120', evidence: [doc('ffww-training-log')] });
  s.accept(-236, ELENA, 'd-ffww-1');
  s.deliver(-236, MARK, 'd-homecraft-2', 'c-homecraft', { value: ['150000', 'GBP'], evidence: [doc('homecraft-remittance-2')] });
  s.accept(-234, ELENA, 'd-homecraft-2');
  s.expense(-233, ELENA, { line: 'coc', activity: 'training', amount: money('24000', 'EUR'), from: 'staff_time', quantity: { value: '60', unit: 'person-days' }, description: 'Trainer days used in chain-of-custody workshops for sawmills' });
  s.deliver(-200, CAMILA, 'd-andean', 'c-andean', { quantity: '3' });
  s.accept(-197, ELENA, 'd-andean');
  s.expense(-200, ELENA, { key: 't-venue', line: 'assembly', activity: 'venue', amount: money('18500', 'EUR'), counterparty: 'Centro de Convenciones del Pacífico', description: 'Deposit for the General Assembly venue' });
  s.reverseTx(-190, ELENA, 't-venue', 'Booked for the wrong week; the venue refunded the deposit');
  s.expense(-185, ELENA, { line: 'assembly', activity: 'venue', amount: money('21000', 'EUR'), counterparty: 'Centro de Convenciones de Lima', description: 'Deposit for the General Assembly venue in Lima' });
  s.deliver(-120, ANA, 'd-ifpn-1', 'c-ifpn', { quantity: '75' });
  s.reject(-115, ELENA, 'd-ifpn-1', 'The timesheets do not name the consent processes supported: record it again with the attendance lists');
  s.deliver(-100, ANA, 'd-ifpn-2', 'c-ifpn', { quantity: '75', evidence: [doc('ifpn-attendance-lists')], note: 'Attendance lists of the six consent processes attached' });
  s.accept(-98, ELENA, 'd-ifpn-2');
  s.disburse(-90, ELENA, { line: 'grievance', activity: 'field-verification', amount: money('46000', 'EUR'), recipient: 'Instituto Amazônia Viva', description: 'Field verification of complaints in the Amazon basin' });
  s.deliver(-8, BJORN, 'd-nwt-2', 'c-nwt', { quantity: '600000', note: 'Southern Finland layers uploaded to the council’s map server', evidence: [doc('nwt-hcv-layers-finland')] });

  s.risk(-600, ELENA, 'r-logging', {
    category: 'environmental', title: 'Illegal logging inside certified management units', owner: 'lfsc', likelihood: 3, impact: 5,
    description: 'Roads and logging in mapped high-conservation-value forest, as in the Sarawak case, undermine the label.',
  });
  s.action(-599, ELENA, 'r-logging', 'a-alerts', { description: 'Send satellite deforestation alerts to every certification body', org: 'nwt', person: BJORN, due: -300 });
  s.action(-599, ELENA, 'r-logging', 'a-suspended', { description: 'Publish the list of suspended certificates every month', org: 'lfsc', person: ELENA, due: 30 });
  s.done(-310, BJORN, 'r-logging', 'a-alerts');
  s.review(-150, ELENA, 'r-logging', { likelihood: 3, impact: 4, note: 'Alerts reach every certification body within a week; two suspensions this year.', next: -10 });
  s.risk(-560, ELENA, 'r-import', {
    category: 'changeInLaw', title: 'New deforestation-free import rules outpace the chain-of-custody standard', owner: 'lfsc', likelihood: 4, impact: 4,
    description: 'Importers must prove deforestation-free origin; certificates that cannot show it lose their market value.',
  });
  s.action(-559, ELENA, 'r-import', 'a-gap', { description: 'Map the standard against the regulation’s due-diligence requirements', org: 'lfsc', person: ELENA, due: -380 });
  s.done(-390, ELENA, 'r-import', 'a-gap');
  s.status(-389, ELENA, 'r-import', 'mitigating', 'Review of the chain-of-custody rules opened on the gap analysis');
  s.risk(-450, ELENA, 'r-audits', {
    category: 'availabilityAndQuality', title: 'Uneven audit quality among certification bodies', owner: 'lfsc', likelihood: 3, impact: 3,
    description: 'Members report audits that skip field visits to remote management units.',
  });
  s.action(-449, ELENA, 'r-audits', 'a-witness', { description: 'Witness audits of three certification bodies', org: 'nwt', person: BJORN, due: -90 });
  s.risk(-340, ANA, 'r-consent', {
    category: 'compliance', title: 'Consent not obtained where units overlap customary land', owner: 'ifpn', likelihood: 3, impact: 5, decisions: ['f-standard'], commitments: ['c-ifpn'],
    description: 'Version 3 of the standard requires free, prior and informed consent; auditors do not always check the evidence.',
  });
  s.action(-339, ANA, 'r-consent', 'a-train', { description: 'Train auditors on evidence of consent', org: 'ifpn', person: ANA, due: -200 });
  s.done(-205, ANA, 'r-consent', 'a-train');
  s.status(-204, ANA, 'r-consent', 'mitigating', 'Auditors trained in Lima and La Paz; a motion on consent evidence is being prepared');
  s.risk(-330, ELENA, 'r-fees', {
    category: 'revenue', title: 'Certification fee income falls as large companies leave', owner: 'lfsc', likelihood: 3, impact: 4,
    description: 'The loss of a concessionaire and lower timber prices cut fee income by 8% this year.',
  });
  s.action(-329, ELENA, 'r-fees', 'a-fees', { description: 'Model a tiered fee scale for the next budget', org: 'lfsc', person: ELENA, due: -5 });
  s.risk(-280, CAMILA, 'r-fires', {
    category: 'forceMajeure', title: 'Forest fires in certified plantations in drought years', owner: 'andean', likelihood: 3, impact: 4,
    description: 'Fires destroy certified plantations and restoration sites and can force certificates to be suspended.',
  });
  s.status(-230, CAMILA, 'r-fires', 'occurred', 'Fires burned 4,200 ha of certified plantation in Ñuble');
  s.action(-229, CAMILA, 'r-fires', 'a-firebreaks', { description: 'Firebreaks and early-warning towers on the Biobío estates', org: 'andean', person: CAMILA, due: 90 });
  s.risk(-200, ELENA, 'r-arrears', {
    category: 'otherRevenue', title: 'Members fall behind on their fees', owner: 'lfsc', likelihood: 2, impact: 3,
    description: 'Some southern members pay late in years of low prices.',
  });
  s.status(-195, ELENA, 'r-arrears', 'accepted', 'Within the reserve; reminders as usual');
  s.risk(-150, MIKKO, 'r-exit', {
    category: 'earlyTermination', title: 'A major timber company leaves the council', owner: 'boreal', likelihood: 2, impact: 4,
    description: 'The fee rise and the new label rules could push large members to a competing scheme.',
  });
  s.review(-40, MIKKO, 'r-exit', { likelihood: 2, impact: 3, note: 'The tiered fee scale answers most of the economic chamber’s concerns.', next: 140 });

  const year = Number(today.slice(0, 4));
  s.result(-760, 'g-forest', 'goal', null, 'Natural forest protected in certified units', 'No conversion of natural forest; high-conservation-value areas mapped and protected.', { goal: 0, weight: '3' });
  s.result(-760, 'o-area', 'outcome', 'g-forest', 'Certified area grows with no conversion', 'More forest under certified management, every unit with maps of its conservation values.');
  s.result(-760, 'g-rights', 'goal', null, 'Rights of Indigenous Peoples and forest communities respected', 'Consent sought and obtained wherever units overlap customary land.', { goal: 3, weight: '2' });
  s.result(-760, 'o-consent', 'outcome', 'g-rights', 'Communities give or withhold consent before certification', 'Communities decide, with facilitators they trust, whether certified operations may use their land.');
  s.result(-760, 'op-facilitation', 'output', 'o-consent', 'Consent processes facilitated', 'Facilitators of the Indigenous network accompany each process from information to decision.');
  s.result(-760, 'g-work', 'goal', null, 'Decent and safe work in certified operations', 'Safe conditions and freedom of association in certified forests and mills.', { goal: 2, weight: '2' });
  s.result(-760, 'o-safety', 'outcome', 'g-work', 'Safer certified operations', 'Fewer injuries in certified logging and sawmills.');
  s.result(-760, 'g-market', 'goal', null, 'Certification the norm in supply chains', 'Retailers source certified or recycled wood.', { goal: 1, weight: '1' });
  s.result(-760, 'o-sourcing', 'outcome', 'g-market', 'Retailers source certified wood', 'Member retailers move their timber and paper ranges to certified or recycled material.');
  s.indicator(-759, 'i-hectares', 'o-area', {
    title: 'Forest area under certified management', weight: '2', unit: 'hectares', measure: 'unit', direction: 'higher_is_better', valueKind: 'cumulative', frequency: 'annual', graceDays: 90,
    definition: 'Hectares covered by valid forest-management certificates at the end of the year, from the certificate database.',
    baseline: ['41800000', `${year - 3}-12-31`], sdg: ['15.2.1'], partners: [['lfsc', ELENA]], dimensions: [{ key: 'region', label: 'Region', values: ['North', 'South'] }],
    target: (i) => whole(44000000 + 2000000 * i), value: (i) => whole(43950000 + 1700000 * i),
    breakdown: (v) => split(Number(v), [0.78, 0.22]).map((value, j) => ({ cell: { region: ['North', 'South'][j] }, value })),
  });
  s.indicator(-759, 'i-hcv', 'o-area', {
    title: 'Certified units with maps of high-conservation-value areas', weight: '1', unit: '%', measure: 'percentage', direction: 'higher_is_better', valueKind: 'per_period', frequency: 'annual', graceDays: 90,
    definition: 'Share of certified management units whose audit report includes an approved map of high-conservation-value areas.',
    baseline: ['58', `${year - 3}-12-31`], sdg: ['15.1.2'], partners: [['lfsc', ELENA]],
    target: (i) => one(Math.min(100, 70 + 10 * i)), value: (i) => one(68.5 + 10.5 * i),
  });
  s.indicator(-759, 'i-fpic', 'op-facilitation', {
    title: 'Consent processes completed with communities', unit: 'processes', measure: 'unit', direction: 'higher_is_better', valueKind: 'per_period', frequency: 'quarterly', since: -300, graceDays: 30,
    definition: 'Free, prior and informed consent processes concluded (consent given or withheld) with facilitators of the network, from the process records.',
    baseline: null, sdg: ['1.4.2'], partners: [['ifpn', ANA]], dimensions: [{ key: 'country', label: 'Country', values: ['Peru', 'Bolivia'] }],
    target: () => '6', value: (i) => whole([5, 7, 6, 8, 7][i % 5]),
    breakdown: (v, i) => split(Number(v), [i % 2 ? 0.43 : 0.6, 0.4]).map((value, j) => ({ cell: { country: ['Peru', 'Bolivia'][j] }, value })),
    outcome: (n) => (n === 0 ? 'submitted' : 'approved'),
  });
  s.indicator(-759, 'i-injuries', 'o-safety', {
    title: 'Lost-time injury frequency in certified operations', unit: 'injuries per million hours worked', measure: 'unit', aggregation: 'mean', direction: 'lower_is_better', valueKind: 'per_period', frequency: 'annual', graceDays: 90,
    definition: 'Injuries causing at least one lost shift per million hours worked in certified logging and sawmill operations, from the unions’ safety reports.',
    baseline: ['14.2', `${year - 3}-12-31`], sdg: ['8.8.1'], partners: [['ffww', MARIE]],
    target: (i) => one(12.5 - i), value: (i) => one(12.9 - 1.1 * i), outcome: (n) => (n === 0 ? 'late' : 'approved'),
  });
  s.indicator(-759, 'i-sourcing', 'o-sourcing', {
    title: 'Certified or recycled wood in HomeCraft’s timber and paper sales', unit: '%', measure: 'percentage', direction: 'higher_is_better', valueKind: 'per_period', frequency: 'quarterly', since: -300, graceDays: 30,
    definition: 'Share of timber and paper sales (by value) that is certified or recycled, from the retailer’s sourcing system.',
    baseline: ['61', `${year - 3}-12-31`], sdg: ['12.6.1'], partners: [['homecraft', MARK]],
    target: (i) => one(70 + 2 * i), value: (i) => one(68.2 + 1.9 * i), outcome: (n) => (n === 2 ? 'late' : 'approved'),
  });
  s.contribute(-300, 'o-area', 'c-nwt');
  s.contribute(-300, 'op-facilitation', 'c-ifpn');
  s.contribute(-300, 'o-sourcing', 'c-homecraft');
  return s;
}

// =================================================================================================
// 3. Lakemont Water Partnership: a concession in rand, with a dollar loan and euro equity
// =================================================================================================
function water(today: string): Story {
  const s = new Story('water', today, KENJI);
  const city = (pct: string): [RiskParty, string, string] => ['publicAuthority', 'lakemont', pct];
  const operator = (pct: string): [RiskParty, string, string] => ['privateParty', 'hydralis', pct];
  s.settings(-760, KENJI, 'ZAR', 30, '5000000.00');
  s.rates(-759, KENJI, [['USD', 'ZAR', -765, '18.62'], ['EUR', 'ZAR', -765, '20.15'], ['USD', 'ZAR', -220, '17.74']]);
  s.budget(-758, KENJI, [
    { id: 'capex', name: 'Capital works', planned: [money('260000000', 'ZAR')], activities: [{ id: 'mains', name: 'Mains replacement', planned: [money('150000000', 'ZAR')] }, { id: 'meters', name: 'Meters', planned: [money('110000000', 'ZAR')] }] },
    { id: 'settlements', name: 'Informal-settlement extension, phase 1', planned: [money('61000000', 'ZAR')], activities: [{ id: 'yard-taps', name: 'Yard taps and reticulation', planned: [money('45000000', 'ZAR')] }, { id: 'liaison', name: 'Community liaison', planned: [money('16000000', 'ZAR')] }] },
    { id: 'operations', name: 'Operations and non-revenue water', planned: [money('90000000', 'ZAR')], activities: [{ id: 'nrw', name: 'Leak detection and district metering', planned: [money('60000000', 'ZAR')] }, { id: 'treatment', name: 'Treatment', planned: [money('30000000', 'ZAR')] }] },
    { id: 'redress', name: 'Consumer redress', planned: [money('6000000', 'ZAR')], activities: [{ id: 'call-centre', name: 'Call centre', planned: [money('4500000', 'ZAR')] }, { id: 'tariff-review', name: 'Tariff review', planned: [money('1500000', 'ZAR')] }] },
  ]);
  s.pledge(-745, PIERRE, 'c-equity', {
    org: 'hydralis', kind: 'cash', description: 'Equity contribution of the operator to the project company', value: ['8000000', 'EUR'], tranches: [[-720, '5000000'], [-360, '3000000']], goals: [1],
  });
  s.confirm(-743, KENJI, 'c-equity');
  s.pledge(-740, ADWOA, 'c-loan', {
    org: 'cdb', kind: 'cash', description: 'Senior loan to the project company, disbursed against certified works', value: ['40000000', 'USD'], recipient: 'hydralis',
    tranches: [[-700, '15000000'], [-330, '15000000'], [35, '10000000']], conditions: ['Each disbursement against the independent engineer’s works certificate'], goals: [1],
  });
  s.confirm(-738, KENJI, 'c-loan');
  s.deliver(-720, PIERRE, 'd-equity-1', 'c-equity', { value: ['5000000', 'EUR'] });
  s.accept(-718, KENJI, 'd-equity-1');
  s.pledge(-700, THANDI, 'c-depot', {
    org: 'lakemont', kind: 'facilities', description: 'Depot and workshop at the Riverside pumping station, rent-free', value: ['2400000', 'ZAR'], recipient: 'hydralis',
    quantity: ['24', 'months'], basis: 'Municipal valuation: R 100,000 a month', tranches: [[-540, '1200000', '12'], [-175, '1200000', '12']],
  });
  s.confirm(-698, KENJI, 'c-depot');
  s.deliver(-700, ADWOA, 'd-loan-1', 'c-loan', { value: ['15000000', 'USD'], evidence: [doc('cdb-disbursement-1')] });
  s.accept(-698, PIERRE, 'd-loan-1');
  s.exchange(-695, KENJI, { sold: money('15000000', 'USD'), bought: money('278400000', 'ZAR'), counterparty: 'First Continental Bank', description: 'First loan disbursement into rand' });
  s.expense(-650, KENJI, {
    line: 'capex', activity: 'mains', amount: money('18500000', 'ZAR'), decision: 'w-budget23', counterparty: 'Mthembu Pipeline Contractors',
    description: 'Replacement of 6.2 km of asbestos-cement mains in zone 4',
  });
  s.pledge(-600, THANDI, 'c-grant', {
    org: 'lakemont', kind: 'cash', description: 'City capital grant for the informal-settlement extension, phase 1', value: ['120000000', 'ZAR'], recipient: 'hydralis', decision: 'w-settlements2',
    tranches: [[-540, '40000000'], [-240, '40000000'], [120, '40000000']], goals: [2],
  });
  s.confirm(-598, KENJI, 'c-grant');
  s.deliver(-541, THANDI, 'd-grant-1', 'c-grant', { value: ['40000000', 'ZAR'], evidence: [doc('lakemont-council-resolution')] });
  s.accept(-539, PIERRE, 'd-grant-1');
  s.deliver(-540, THANDI, 'd-depot-1', 'c-depot', { quantity: '12' });
  s.accept(-538, PIERRE, 'd-depot-1');
  s.disburse(-520, KENJI, {
    line: 'settlements', activity: 'yard-taps', amount: money('22000000', 'ZAR'), decision: 'w-settlements2', recipient: 'Thuthuka Civils (Pty) Ltd',
    description: 'Yard taps and reticulation in the Mandela Park and Sunnyside informal settlements',
  });
  s.pledge(-420, KENJI, 'c-audits', {
    org: 'tsamaya', kind: 'data', description: 'Independent engineer’s network performance audits (quarterly data sets)', value: ['1800000', 'ZAR'], recipient: 'lakemont',
    quantity: ['8', 'audits'], basis: 'Fee schedule of the independent engineer’s contract', tranches: [[-330, '900000', '4'], [-40, '900000', '4']], goals: [1, 3],
  });
  s.confirm(-418, KENJI, 'c-audits');
  s.expense(-400, KENJI, { line: 'operations', activity: 'nrw', amount: money('3200000', 'ZAR'), counterparty: 'Hydralis Eau et Services', description: 'District metering zones 7 to 12' });
  s.pledge(-380, PIERRE, 'c-leak', {
    org: 'hydralis', kind: 'staff_time', description: 'Leak-detection specialists seconded from the group’s headquarters', value: ['540000', 'EUR'],
    quantity: ['600', 'person-days'], basis: 'EUR 900 a specialist-day, the group’s transfer price', tranches: [[-300, '270000', '300'], [-30, '270000', '300']], goals: [1],
  });
  s.confirm(-378, KENJI, 'c-leak');
  s.deliver(-362, PIERRE, 'd-equity-2', 'c-equity', { value: ['3000000', 'EUR'] });
  s.accept(-360, KENJI, 'd-equity-2');
  s.deliver(-335, KENJI, 'd-audits-1', 'c-audits', { quantity: '4', evidence: [doc('tsamaya-audit-q1-q4')] });
  s.accept(-333, THANDI, 'd-audits-1');
  s.deliver(-305, ADWOA, 'd-loan-2', 'c-loan', { value: ['15000000', 'USD'], note: 'Held until the works certificate for zone 4 was issued', evidence: [doc('cdb-disbursement-2')] });
  s.accept(-303, PIERRE, 'd-loan-2');
  s.deliver(-290, PIERRE, 'd-leak-1', 'c-leak', { quantity: '300', evidence: [doc('hydralis-secondment-log')] });
  s.accept(-288, KENJI, 'd-leak-1');
  s.expense(-287, KENJI, { line: 'operations', activity: 'nrw', amount: money('108000', 'EUR'), from: 'staff_time', quantity: { value: '120', unit: 'person-days' }, description: 'Specialist days used for the acoustic leak survey of zones 1 to 6' });
  s.pledge(-260, PIERRE, 'c-meters', {
    org: 'hydralis', kind: 'in_kind_goods', description: 'Smart water meters for the district-metering pilot', value: ['400000', 'EUR'], recipient: 'lakemont',
    quantity: ['5000', 'meters'], basis: 'Supplier invoice price, EUR 80 a meter', tranches: [[-150, '400000', '5000']], goals: [1],
  });
  s.confirm(-258, KENJI, 'c-meters');
  s.deliver(-198, THANDI, 'd-grant-2', 'c-grant', { value: ['40000000', 'ZAR'], note: 'Delayed by the mid-year budget adjustment' });
  s.accept(-196, PIERRE, 'd-grant-2');
  s.deliver(-175, THANDI, 'd-depot-2', 'c-depot', { quantity: '12' });
  s.accept(-170, PIERRE, 'd-depot-2');
  s.deliver(-160, PIERRE, 'd-meters-1', 'c-meters', { quantity: '3500', evidence: [doc('meter-delivery-note-1')] });
  s.accept(-156, THANDI, 'd-meters-1');
  s.expense(-150, KENJI, { line: 'redress', activity: 'call-centre', amount: money('950000', 'ZAR'), counterparty: 'Ubuntu Contact Solutions', description: 'Customer call centre: second year of operation' });
  s.deliver(-150, PIERRE, 'd-meters-2', 'c-meters', { quantity: '1500', evidence: [doc('meter-delivery-note-2')] });
  s.reject(-145, THANDI, 'd-meters-2', 'The batch failed the City’s acceptance test for class C accuracy: replace the meters before they are installed');
  s.expense(-120, KENJI, { key: 't-chemicals', line: 'operations', activity: 'treatment', amount: money('1150000', 'ZAR'), counterparty: 'Vaal Chemicals', description: 'Chemicals for the Riverside treatment works' });
  s.reverseTx(-112, KENJI, 't-chemicals', 'Charged to the wrong account: chemicals are the operator’s cost under clause 9 of the concession');
  s.disburse(-80, KENJI, { line: 'capex', activity: 'meters', amount: money('4600000', 'ZAR'), recipient: 'Aqualink Metering', description: 'Installation of 3,500 smart meters in the pilot district' });
  s.deliver(-7, PIERRE, 'd-leak-2', 'c-leak', { quantity: '280', note: '280 of the 300 days: two specialists joined late' });

  s.risk(-740, KENJI, 'r-termination', {
    category: 'earlyTermination', title: 'Termination for operator default', owner: 'lakemont', likelihood: 1, impact: 5, shares: [city('100')],
    description: 'If the operator defaults, the City pays compensation and must take the network back at short notice.',
  });
  s.status(-730, KENJI, 'r-termination', 'accepted', 'Covered by the lenders’ step-in rights and the performance bond');
  s.risk(-700, KENJI, 'r-tariff', {
    category: 'revenue', title: 'Tariff revenue falls short of the financial model', owner: 'hydralis', likelihood: 4, impact: 4, shares: [city('50'), operator('50')], decisions: ['w-tariff', 'w-settle'], review: -200,
    description: 'Collections and tariff indexation below the model would starve the rehabilitation programme.',
  });
  s.review(-200, KENJI, 'r-tariff', { likelihood: 3, impact: 4, note: 'Collections reached 91% after the settlement; the leakage bonus is on track.', next: -15 });
  s.risk(-690, PIERRE, 'r-fx', {
    category: 'inflationAndFx', title: 'Rand depreciation raises the cost of the dollar loan', owner: 'hydralis', likelihood: 3, impact: 4, shares: [operator('100')], commitments: ['c-loan'],
    description: 'Debt service is in dollars and revenue in rand.',
  });
  s.action(-689, PIERRE, 'r-fx', 'a-hedge', { description: 'Hedge half of the debt service for three years', org: 'hydralis', person: PIERRE, due: -30 });
  s.risk(-650, PIERRE, 'r-overrun', {
    category: 'construction', title: 'Cost overrun on mains replacement', owner: 'hydralis', likelihood: 3, impact: 4, shares: [operator('100')],
    description: 'Asbestos-cement mains and rock excavation cost more than the bid prices.',
  });
  s.action(-649, PIERRE, 'r-overrun', 'a-fixed', { description: 'Fixed-price contracts for zones 5 to 8', org: 'hydralis', person: PIERRE, due: -500 });
  s.done(-510, PIERRE, 'r-overrun', 'a-fixed');
  s.review(-300, PIERRE, 'r-overrun', { likelihood: 2, impact: 4, note: 'Zones 5 to 8 let at fixed prices; zone 4 closed 3% over budget.', next: 60 });
  s.risk(-600, KENJI, 'r-drought', {
    category: 'environmental', title: 'Drought lowers dam levels below 30%', owner: 'lakemont', likelihood: 3, impact: 5, shares: [city('60'), operator('40')],
    description: 'A third dry year would force restrictions and cut revenue while pumping costs rise.',
  });
  s.action(-599, KENJI, 'r-drought', 'a-restrictions', { description: 'Agree a staged restrictions plan with the operator', org: 'lakemont', person: THANDI, due: -400 });
  s.done(-410, THANDI, 'r-drought', 'a-restrictions');
  s.status(-405, KENJI, 'r-drought', 'mitigating', 'Restrictions plan adopted; pressure management in the high zones');
  s.risk(-560, THANDI, 'r-wayleaves', {
    category: 'landAvailability', title: 'Wayleaves for pipelines through informal settlements', owner: 'lakemont', likelihood: 3, impact: 3, shares: [city('100')], decisions: ['w-settlements2'],
    description: 'Routes cross land without formal title; each ward committee must agree before works start.',
  });
  s.action(-559, THANDI, 'r-wayleaves', 'a-wayleaves', { description: 'Sign wayleave agreements with the ward committees of the phase 1 settlements', org: 'lakemont', person: THANDI, due: -100 });
  s.risk(-500, KENJI, 'r-floods', {
    category: 'forceMajeure', title: 'Floods damage the river intake', owner: 'hydralis', likelihood: 2, impact: 5, shares: [city('50'), operator('50')],
    description: 'The intake on the Lakemont river sits in the 1-in-50-year flood line.',
  });
  s.status(-160, KENJI, 'r-floods', 'occurred', 'A flood damaged the intake screens; supply to the eastern zones was cut for 30 hours');
  s.status(-150, KENJI, 'r-floods', 'mitigating', 'Screens repaired under the insurance claim; raising the platform is being designed');
  s.action(-150, KENJI, 'r-floods', 'a-platform', { description: 'Raise the intake platform above the 1-in-100-year flood line', org: 'hydralis', person: PIERRE, due: 150 });
  s.risk(-420, THANDI, 'r-nonpayment', {
    category: 'otherRevenue', title: 'Households cannot pay their bills', owner: 'lakemont', likelihood: 4, impact: 3, shares: [city('40'), operator('60')],
    description: 'Unemployment rose; arrears grow in the townships and disconnections are contested.',
  });
  s.action(-419, THANDI, 'r-nonpayment', 'a-indigent', { description: 'Extend the indigent register and the free basic water allowance', org: 'lakemont', person: THANDI, due: 40 });
  s.risk(-380, KENJI, 'r-nrw', {
    category: 'availabilityAndQuality', title: 'Non-revenue water target missed', owner: 'hydralis', likelihood: 3, impact: 4, shares: [operator('100')], commitments: ['c-leak'],
    description: 'The concession requires 20% by its fifth year; progress has slowed in the old central zones.',
  });
  s.action(-379, KENJI, 'r-nrw', 'a-audit', { description: 'Independent audit of the non-revenue water balance', org: 'tsamaya', person: JOHAN, due: -45 });
  s.done(-50, KENJI, 'r-nrw', 'a-audit');
  s.risk(-300, KENJI, 'r-refinancing', {
    category: 'refinancing', title: 'Interest reset on the senior loan', owner: 'cdb', likelihood: 2, impact: 3, shares: [operator('100')], commitments: ['c-loan'],
    description: 'The loan margin resets in its seventh year; a higher margin would pass into the tariff.',
  });
  s.status(-298, ADWOA, 'r-refinancing', 'accepted', 'Years away; reviewed with the lenders every year');
  s.risk(-250, KENJI, 'r-pricing', {
    category: 'changeInLaw', title: 'New national norms for water pricing', owner: 'lakemont', likelihood: 3, impact: 3, shares: [city('100')],
    description: 'Draft national norms would cap the increase in the second consumption block.',
  });
  s.risk(-200, PIERRE, 'r-effluent', {
    category: 'compliance', title: 'Effluent permit breaches at the wastewater works', owner: 'hydralis', likelihood: 3, impact: 3, shares: [operator('100')],
    description: 'Chlorine contact time is too short at peak flows.',
  });
  s.action(-199, PIERRE, 'r-effluent', 'a-tank', { description: 'Enlarge the chlorine contact tank', org: 'hydralis', person: PIERRE, due: -20 });

  const year = Number(today.slice(0, 4));
  s.result(-760, 'g-water', 'goal', null, 'Safe, affordable water for every household', 'Piped water at home or a yard tap for all households, meeting the national standard.', { goal: 0 });
  s.result(-760, 'o-access', 'outcome', 'g-water', 'Households have safely managed water', 'More households connected; every sample meets the standard.');
  s.result(-760, 'op-connections', 'output', 'o-access', 'Connections and yard taps built', 'House connections in formal areas, yard taps in the informal settlements.', { weight: '2' });
  s.result(-760, 'g-nrw', 'goal', null, 'Cut non-revenue water from 41% to 20%', 'Fewer leaks and illegal connections; water used wisely.', { goal: 1 });
  s.result(-760, 'o-losses', 'outcome', 'g-nrw', 'Less water lost in the network', 'Leaks found and fixed, meters replaced, connections regularised.');
  s.result(-760, 'g-redress', 'goal', null, 'Transparent tariffs and consumer redress', 'Complaints answered quickly; tariffs explained.', { goal: 3 });
  s.result(-760, 'o-complaints', 'outcome', 'g-redress', 'Complaints answered on time', 'Every complaint answered within ten working days.');
  const area = ['formal', 'informal'];
  s.indicator(-759, 'i-households', 'op-connections', {
    title: 'Households with a piped connection or yard tap', unit: 'households', measure: 'unit', direction: 'higher_is_better', valueKind: 'cumulative', frequency: 'quarterly', since: -300, graceDays: 30,
    definition: 'Households with a metered house connection or a yard tap at the end of the quarter, from the operator’s customer register.',
    baseline: ['262000', '2023-01-16'], sdg: ['6.1.1'], partners: [['hydralis', PIERRE]], dimensions: [{ key: 'area', label: 'Area', values: area }],
    target: (i) => whole(270000 + 4000 * i), value: (i) => whole(268900 + 4300 * i),
    breakdown: (v, i) => split(Number(v), [0.97 - 0.004 * i, 0.03 + 0.004 * i]).map((value, j) => ({ cell: { area: area[j] }, value })),
  });
  s.indicator(-759, 'i-quality', 'o-access', {
    title: 'Drinking-water samples meeting the national standard', weight: '1', unit: '%', measure: 'percentage', direction: 'higher_is_better', valueKind: 'per_period', frequency: 'quarterly', since: -210, graceDays: 30,
    definition: 'Share of the quarter’s compliance samples that meet every microbiological and chemical limit of the national standard, from the accredited laboratory.',
    baseline: ['93.1', '2023-01-16'], sdg: ['6.1.1'], partners: [['hydralis', PIERRE]],
    target: () => '97.0', value: (i) => one(96.2 + 0.4 * i), outcome: (n) => (n === 1 ? 'missing' : 'approved'),
  });
  s.indicator(-759, 'i-nrw', 'o-losses', {
    title: 'Non-revenue water', weight: '3', unit: '%', measure: 'percentage', direction: 'lower_is_better', valueKind: 'per_period', frequency: 'quarterly', since: -300, graceDays: 30,
    definition: 'Water put into the network but not billed, as a share of system input volume, from the IWA water balance certified by the independent engineer.',
    baseline: ['41', '2023-01-16'], sdg: ['6.4.1'], partners: [['hydralis', PIERRE]],
    target: (i) => one(31 - i), value: (i) => one(32.4 - 0.9 * i), outcome: (n) => (n === 0 ? 'submitted' : 'approved'),
    note: (i) => (i === 2 ? 'Zone 3 meters were read late; the figure may fall by half a point when the audit closes.' : undefined),
  });
  s.indicator(-759, 'i-litres', 'o-losses', {
    title: 'Water consumption per person per day', weight: '1', unit: 'litres per person per day', measure: 'unit', aggregation: 'mean', direction: 'lower_is_better', valueKind: 'per_period', frequency: 'annual', graceDays: 90,
    definition: 'Billed and estimated residential consumption divided by the population served and the days of the year, from the City’s billing system.',
    baseline: ['246', '2023-01-16'], sdg: ['6.4.1'], partners: [['lakemont', THANDI]],
    target: (i) => whole(232 - 8 * i), value: (i) => whole(231 - 7 * i),
  });
  s.indicator(-759, 'i-complaints', 'o-complaints', {
    title: 'Complaints answered within ten working days', unit: '%', measure: 'percentage', direction: 'higher_is_better', valueKind: 'per_period', frequency: 'quarterly', since: -210, graceDays: 30,
    definition: 'Share of the quarter’s complaints that received a written answer within ten working days, from the call-centre system.',
    baseline: ['64', '2023-01-16'], sdg: ['16.6.2'], partners: [['hydralis', PIERRE]],
    target: (i) => one(Math.min(100, 85 + 2 * i)), value: (i) => one(81 + 3 * i),
  });
  s.contribute(-300, 'o-losses', 'c-loan');
  s.contribute(-300, 'o-losses', 'c-leak');
  s.contribute(-300, 'op-connections', 'c-grant');
  return s;
}

// =================================================================================================
// 4. Circular Futures Network: a young network's pilot fund in euros
// =================================================================================================
function circular(today: string): Story {
  const s = new Story('circular', today, CLAIRE);
  s.settings(-360, CLAIRE, 'EUR', 30, '100000.00');
  s.rates(-359, CLAIRE, [['CHF', 'EUR', -365, '1.0650'], ['GBP', 'EUR', -365, '1.1850'], ['KES', 'EUR', -365, '0.00705']]);
  s.budget(-358, CLAIRE, [
    {
      id: 'pilots', name: 'Pilot fund', planned: [money('900000', 'EUR')],
      activities: [{ id: 'westhaven', name: 'Westhaven reuse pilot', planned: [money('380000', 'EUR')] }, { id: 'nairobi', name: 'Nairobi collection pilot', planned: [money('260000', 'EUR')] }, { id: 'bogota', name: 'Bogotá collection pilot', planned: [money('260000', 'EUR')] }],
    },
    { id: 'research', name: 'Open research', planned: [money('150000', 'EUR')], activities: [{ id: 'lca', name: 'Life-cycle assessments', planned: [money('90000', 'EUR')] }, { id: 'testing', name: 'Materials testing', planned: [money('60000', 'EUR')] }] },
    { id: 'convening', name: 'Convening', planned: [money('120000', 'EUR')], activities: [{ id: 'summit', name: 'Network summit', planned: [money('70000', 'EUR')] }, { id: 'working-groups', name: 'Working groups', planned: [money('50000', 'EUR')] }] },
    { id: 'secretariat', name: 'Secretariat', planned: [money('180000', 'GBP')], activities: [{ id: 'staff', name: 'Staff', planned: [money('180000', 'GBP')] }] },
  ]);
  s.pledge(-350, CLAIRE, 'c-ostara', {
    org: 'ostara', kind: 'cash', description: 'Core grant to the pilot fund', value: ['400000', 'CHF'], tranches: [[-330, '200000'], [30, '200000']], goals: [0, 3],
  });
  s.confirm(-349, CLAIRE, 'c-ostara');
  s.pledge(-345, MAARTEN, 'c-verdant', {
    org: 'verdant', kind: 'cash', description: 'Contribution to the pilot fund, staged: EUR 100,000 now and EUR 50,000 next year', value: ['150000', 'EUR'], decision: 'c-budget2',
    tranches: [[-320, '100000'], [200, '50000']], goals: [0],
  });
  s.pledge(-345, LENA, 'c-looplastics', {
    org: 'looplastics', kind: 'cash', description: 'Contribution to the pilot fund, staged: EUR 100,000 now and EUR 50,000 next year', value: ['150000', 'EUR'], decision: 'c-budget2',
    tranches: [[-320, '100000'], [200, '50000']], goals: [0],
  });
  s.confirm(-343, CLAIRE, 'c-verdant');
  s.confirm(-343, CLAIRE, 'c-looplastics');
  s.pledge(-340, CLAIRE, 'c-meridian', {
    org: 'meridian', kind: 'staff_time', description: 'Network secretariat and working-group facilitation', value: ['110000', 'GBP'],
    quantity: ['220', 'person-days'], basis: 'GBP 500 a person-day, the foundation’s staff cost', tranches: [[-180, '55000', '110'], [180, '55000', '110']], goals: [2],
  });
  s.confirm(-339, CLAIRE, 'c-meridian');
  s.pledge(-330, LENA, 'c-design', {
    org: 'looplastics', kind: 'licences_ip', description: 'Licence to the returnable-container design for network pilots', value: ['45000', 'EUR'],
    basis: 'Licence fee waived for two years', tranches: [[-300, '45000']], goals: [2],
  });
  s.confirm(-328, CLAIRE, 'c-design');
  s.deliver(-326, CLAIRE, 'd-ostara-1', 'c-ostara', { value: ['200000', 'CHF'], evidence: [doc('ostara-grant-letter')] });
  s.accept(-325, CLAIRE, 'd-ostara-1');
  s.pledge(-320, CARLOS, 'c-wpala', {
    org: 'wpala', kind: 'staff_time', description: 'Waste-picker cooperative coordinators for the Nairobi and Bogotá pilots', value: ['36000', 'EUR'],
    quantity: ['300', 'person-days'], basis: 'EUR 120 a coordinator-day, the cooperatives’ rate', tranches: [[-200, '18000', '150'], [160, '18000', '150']], goals: [3],
  });
  s.confirm(-318, CLAIRE, 'c-wpala');
  s.deliver(-310, MAARTEN, 'd-verdant-1', 'c-verdant', { value: ['100000', 'EUR'] });
  s.accept(-308, CLAIRE, 'd-verdant-1');
  s.exchange(-300, CLAIRE, { sold: money('150000', 'CHF'), bought: money('160500', 'EUR'), counterparty: 'Zürcher Privatbank', description: 'Part of the Ostara grant into euros' });
  s.pledge(-300, MAARTEN, 'c-dispensers', {
    org: 'verdant', kind: 'in_kind_goods', description: 'Refill dispensers for the Westhaven reuse pilot', value: ['96000', 'EUR'], recipient: 'westhaven',
    quantity: ['120', 'dispensers'], basis: 'Cost price, EUR 800 a dispenser', tranches: [[-150, '64000', '80'], [-20, '32000', '40']], goals: [0],
  });
  s.confirm(-298, CLAIRE, 'c-dispensers');
  s.deliver(-300, LENA, 'd-design', 'c-design', { value: ['45000', 'EUR'], evidence: [doc('looplastics-licence')] });
  s.accept(-298, CLAIRE, 'd-design');
  s.deliver(-290, LENA, 'd-looplastics-1', 'c-looplastics', { value: ['60000', 'EUR'], note: 'First part; the rest after our board approves the sustainability budget' });
  s.accept(-288, CLAIRE, 'd-looplastics-1');
  s.pledge(-280, CLAIRE, 'c-lca', {
    org: 'eastbridge', kind: 'data', description: 'Life-cycle assessments of refill and reuse formats (open data)', value: ['70000', 'EUR'],
    quantity: ['4', 'studies'], basis: 'Research cost of the assessments', tranches: [[-90, '35000', '2'], [90, '35000', '2']], goals: [0, 2],
  });
  s.confirm(-279, CLAIRE, 'c-lca');
  s.disburse(-280, CLAIRE, {
    line: 'pilots', activity: 'westhaven', amount: money('180000', 'EUR'), decision: 'c-budget2', recipient: 'Municipality of Westhaven',
    description: 'Reuse pilot: dispensing stations and a deposit system in 40 shops',
  });
  s.exchange(-240, CLAIRE, { sold: money('70000', 'EUR'), bought: money('10360000', 'KES'), counterparty: 'Kenya Commercial Trust Bank', description: 'Shillings for the Nairobi pilot' });
  s.disburse(-235, CLAIRE, {
    line: 'pilots', activity: 'nairobi', amount: money('9500000', 'KES'), recipient: 'Kivu Recycling Ltd', description: 'Nairobi pilot, first instalment: sorting equipment and collection fees',
  });
  s.deliver(-190, CARLOS, 'd-wpala-1', 'c-wpala', { quantity: '150', evidence: [doc('wpala-coordinator-log')] });
  s.accept(-188, CLAIRE, 'd-wpala-1');
  s.deliver(-175, CLAIRE, 'd-meridian-1', 'c-meridian', { quantity: '110' });
  s.accept(-174, CLAIRE, 'd-meridian-1');
  s.expense(-173, CLAIRE, { line: 'secretariat', activity: 'staff', amount: money('40000', 'GBP'), from: 'staff_time', quantity: { value: '80', unit: 'person-days' }, description: 'Secretariat time used for the working groups' });
  s.deliver(-152, MAARTEN, 'd-dispensers-1', 'c-dispensers', { quantity: '80', evidence: [doc('dispenser-delivery-note')] });
  s.accept(-149, CLAIRE, 'd-dispensers-1');
  s.deliver(-95, CLAIRE, 'd-lca-1', 'c-lca', { quantity: '2', evidence: [doc('eastbridge-lca-refill')] });
  s.accept(-93, CLAIRE, 'd-lca-1');
  s.expense(-90, CLAIRE, { line: 'research', activity: 'lca', amount: money('24000', 'EUR'), counterparty: 'University of Eastbridge', description: 'Consumer testing of refill formats in Westhaven' });
  s.expense(-60, CLAIRE, { key: 't-summit', line: 'convening', activity: 'summit', amount: money('12400', 'EUR'), counterparty: 'Westhaven Harbour Hall', description: 'Venue for the network summit' });
  s.reverseTx(-52, CLAIRE, 't-summit', 'Paid twice; the venue refunded the second payment');
  s.deliver(-6, MAARTEN, 'd-dispensers-2', 'c-dispensers', { quantity: '40', note: 'Last 40 dispensers delivered to the Westhaven depot' });

  s.risk(-340, CLAIRE, 'r-contributions', {
    category: 'financeAvailability', title: 'Corporate contributions are not renewed', owner: 'meridian', likelihood: 3, impact: 4, decisions: ['c-budget2'],
    description: 'The pilot fund depends on a few companies; one founding partner has already reduced its commitment.',
  });
  s.status(-240, CLAIRE, 'r-contributions', 'occurred', 'A founding corporate partner left the network and its contribution ended');
  s.status(-200, CLAIRE, 'r-contributions', 'mitigating', 'Staged contributions agreed with the remaining partners; the foundation covers the gap this year');
  s.risk(-330, LENA, 'r-prices', {
    category: 'revenue', title: 'Recycled resin loses buyers as virgin plastic prices fall', owner: 'looplastics', likelihood: 3, impact: 4,
    description: 'Cheap virgin polymer makes recycled food-grade resin hard to sell.',
  });
  s.review(-120, LENA, 'r-prices', { likelihood: 4, impact: 4, note: 'Virgin prices fell 18% in six months; two buyers paused their orders.', next: 60 });
  s.risk(-320, CLAIRE, 'r-regulation', {
    category: 'changeInLaw', title: 'Reuse targets in the packaging regulation change before pilots report', owner: 'meridian', likelihood: 2, impact: 4,
    description: 'Delegated acts could redefine what counts as reuse.',
  });
  s.status(-310, CLAIRE, 'r-regulation', 'accepted', 'Followed by the policy team; no action before the delegated acts are published');
  s.risk(-280, MAARTEN, 'r-design', {
    category: 'design', title: 'Refill formats fail consumer tests', owner: 'verdant', likelihood: 3, impact: 3, review: -20, commitments: ['c-dispensers'],
    description: 'Early tests show shoppers find the dispensers slow and messy.',
  });
  s.action(-279, MAARTEN, 'r-design', 'a-tests', { description: 'Second round of consumer tests in Westhaven shops', org: 'verdant', person: MAARTEN, due: -45 });
  s.risk(-260, CLAIRE, 'r-foodcontact', {
    category: 'compliance', title: 'Recycled plastic not approved for food contact', owner: 'utp', likelihood: 3, impact: 4,
    description: 'Without approval of the decontamination process, recycled resin cannot go back into food packaging.',
  });
  s.action(-259, CLAIRE, 'r-foodcontact', 'a-migration', { description: 'Test migration limits on three recycled resins', org: 'utp', due: -120 });
  s.action(-259, CLAIRE, 'r-foodcontact', 'a-dossier', { description: 'Submit the decontamination process for approval', org: 'utp', due: -30 });
  s.done(-125, CLAIRE, 'r-foodcontact', 'a-migration');
  s.risk(-200, CARLOS, 'r-feedstock', {
    category: 'availabilityAndQuality', title: 'Contaminated feedstock from the Bogotá collection', owner: 'wpala', likelihood: 3, impact: 3,
    description: 'Mixed plastics lower the value of what cooperatives sell.',
  });
  s.action(-199, CARLOS, 'r-feedstock', 'a-sorting', { description: 'Sorting training for twelve cooperatives', org: 'wpala', person: CARLOS, due: -90 });
  s.done(-95, CARLOS, 'r-feedstock', 'a-sorting');
  s.risk(-150, CLAIRE, 'r-microfibres', {
    category: 'environmental', title: 'Microfibre release from textile recycling lines', owner: 'threadcycle', likelihood: 2, impact: 3,
    description: 'Mechanical recycling of blended garments sheds microfibres into wastewater.',
  });
  s.risk(-60, CLAIRE, 'r-payments', {
    category: 'otherRevenue', title: 'Late payments to waste-picker cooperatives in pilots', owner: 'kivu', likelihood: 4, impact: 4,
    description: 'Cooperatives in the Nairobi pilot waited up to 60 days for payment; a dispute is open.',
  });
  s.action(-59, CLAIRE, 'r-payments', 'a-terms', { description: 'Agree 14-day payment terms in the Nairobi pilot contract', org: 'kivu', due: -10 });

  s.result(-330, 'g-packaging', 'goal', null, 'Single-use plastic packaging designed out', 'Partners remove unnecessary packaging and move volumes to reuse and refill.', { goal: 0 });
  s.result(-330, 'o-reuse', 'outcome', 'g-packaging', 'Reuse and refill in partners’ ranges', 'A growing share of partners’ packaging is reusable or refillable.');
  s.result(-330, 'g-fair', 'goal', null, 'A fair transition for waste pickers', 'Waste pickers are paid fairly and have a place in new recycling systems.', { goal: 3 });
  s.result(-330, 'o-pay', 'outcome', 'g-fair', 'Waste pickers in pilots paid fairly', 'Cooperatives are paid at least the reference price, on time.', { weight: '2' });
  s.result(-330, 'o-collection', 'outcome', 'g-fair', 'More plastic collected through cooperatives', 'Pilots buy sorted plastic from cooperatives.', { weight: '1' });
  s.result(-330, 'op-contracts', 'output', 'o-collection', 'Cooperatives contracted by the pilots', 'Pilots buy sorted plastic from waste-picker cooperatives under written contracts.');
  s.result(-330, 'g-textiles', 'goal', null, 'Circular textiles at scale', 'Garments taken back, resold, repaired or recycled.', { goal: 1 });
  s.result(-330, 'o-takeback', 'outcome', 'g-textiles', 'Garments kept in use', 'Take-back schemes of partners grow.');
  s.indicator(-329, 'i-reuse', 'o-reuse', {
    title: 'Packaging volumes in reuse or refill models', unit: '%', measure: 'percentage', direction: 'higher_is_better', valueKind: 'per_period', frequency: 'quarterly', since: -210, graceDays: 30,
    definition: 'Share of the partner’s packaging units sold in reusable or refillable formats, from sales data.',
    baseline: ['2.1', s.day(-365)], sdg: ['12.5.1'], partners: [['verdant', MAARTEN], ['looplastics', LENA]],
    target: (i) => one(4 + i), value: (i, k) => one(k === 0 ? 3.2 + 0.6 * i : 5.1 + 0.8 * i),
  });
  const sex = [{ key: 'sex', label: 'Sex', values: ['female', 'male'] }];
  s.indicator(-329, 'i-fairpay', 'o-pay', {
    title: 'Waste pickers in pilots paid at least the reference price', unit: '%', measure: 'percentage', direction: 'higher_is_better', valueKind: 'per_period', frequency: 'quarterly', since: -300, graceDays: 30,
    definition: 'Share of registered waste pickers selling to network pilots who were paid at least the regional reference price in the quarter, from cooperative payment records.',
    baseline: ['38', s.day(-365)], sdg: ['8.8.2'], partners: [['wpala', CARLOS]], dimensions: sex,
    target: (i) => one(Math.min(100, 60 + 8 * i)), value: (i) => one(52 + 9 * i),
    breakdown: (v) => [{ cell: { sex: 'female' }, value: one(Number(v) - 3) }, { cell: { sex: 'male' }, value: one(Number(v) + 3) }],
  });
  const cities = ['Nairobi', 'Bogotá'];
  s.indicator(-329, 'i-tonnes', 'op-contracts', {
    title: 'Plastic collected by cooperatives and sent to recycling', unit: 'tonnes', measure: 'unit', direction: 'higher_is_better', valueKind: 'per_period', frequency: 'quarterly', since: -210, graceDays: 30,
    definition: 'Tonnes of sorted plastic bought from cooperatives by the pilots and delivered to recyclers in the quarter, from weighbridge tickets.',
    baseline: null, sdg: ['11.6.1', '12.5.1'], partners: [['wpala', CARLOS]], dimensions: [{ key: 'city', label: 'City', values: cities }],
    target: (i) => whole(180 + 30 * i), value: (i) => one(164.5 + 28 * i),
    breakdown: (v) => { const t = Number(v) * 10; return split(t, [0.55, 0.45]).map((x, j) => ({ cell: { city: cities[j] }, value: one(Number(x) / 10) })); },
    outcome: (n) => (n === 0 ? 'submitted' : 'approved'),
  });
  s.indicator(-329, 'i-garments', 'o-takeback', {
    title: 'Garments taken back for resale, repair or recycling', unit: 'garments', measure: 'unit', direction: 'higher_is_better', valueKind: 'per_period', frequency: 'quarterly', since: -210, graceDays: 30,
    definition: 'Garments collected through partners’ take-back schemes in the quarter, compiled by the secretariat from partners’ returns.',
    baseline: null, sdg: ['12.5.1'], partners: [['meridian', CLAIRE]],
    target: (i) => whole(40000 + 5000 * i), value: (i) => whole(36800 + 6100 * i), outcome: (n) => (n === 1 ? 'missing' : 'approved'),
  });
  s.contribute(-250, 'o-reuse', 'c-verdant');
  s.contribute(-250, 'o-reuse', 'c-dispensers');
  s.contribute(-250, 'o-pay', 'c-wpala');
  return s;
}

/** The accountability demo for a day of loading: each partnership's steps in date order. */
export function accountabilityPlan(today: string): AccountabilityPlan {
  const stories = [forest(today), vaccines(today), water(today), circular(today)].map((s) => ({ p: s.key, steps: s.ordered() }));
  return { stories, steps: stories.reduce((n, s) => n + s.steps.length, 0) };
}

/**
 * Replays the plan through the services, the four partnerships side by side (each writes only to its own
 * partnership), each step with the clock at its day (09:00 UTC, steps of the same day a few minutes apart).
 * Calls `tick` after each step; a failing step is reported with its partnership, date and the fields refused.
 */
export async function loadAccountability(deps: Deps, plan: AccountabilityPlan, refs: DemoRefs, tick: () => void): Promise<void> {
  const need = <T>(map: ReadonlyMap<string, T>, key: string, what: string): T => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`demo accountability: unknown ${what} "${key}"`);
    return v;
  };
  const actors = new Map<string, Promise<Actor>>();
  const actorOf = (email: string) => {
    let a = actors.get(email);
    if (!a) {
      a = (async () => {
        const user = await findUserByEmail(deps.database.db, email);
        if (!user) throw new Error(`demo accountability: no account ${email}`);
        return actorFor(deps, user);
      })();
      actors.set(email, a);
    }
    return a;
  };

  const results = await Promise.allSettled(
    plan.stories.map(async (story) => {
      const p = need(refs.partnershipIds, story.p, 'partnership');
      // the platform administrator reads the goals: they are linked by position, in the order they were added
      const goals = (await listGoals(deps, await actorOf(ADMIN), p)).items.map((g) => g.id);
      const ids = new Map<string, string>();
      let last = 0;
      for (const step of story.steps) {
        const base = Date.parse(`${step.day}T09:00:00.000Z`);
        last = Math.max(base, last + 3 * 60_000 + 11_000);
        const now = new Date(last).toISOString();
        const d: Deps = { ...deps, clock: () => now, newId: () => uuidv7(Date.parse(now)) };
        try {
          await step.run({
            deps: d, actor: await actorOf(step.by), p,
            org: (k) => need(refs.orgIds, k, 'organisation'),
            user: (e) => need(refs.userIds, e, 'account'),
            decision: (k) => need(refs.decisions, k, 'decision').id,
            goal: (i) => goals[i] ?? need(new Map<string, string>(), `#${i + 1}`, 'goal'),
            id: (k) => need(ids, k, 'record'),
            keep: (k, id) => void ids.set(k, id),
          });
        } catch (err) {
          const issues = (err as { issues?: { field: string; message: string }[] }).issues?.map((i) => `${i.field}: ${i.message}`).join('; ');
          throw new Error(`demo step failed (${story.p}: ${step.what} by ${step.by} on ${step.day}): ${(err as Error).message}${issues ? ` (${issues})` : ''}`, { cause: err });
        }
        tick();
      }
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
