/**
 * The write routes of accountability (issue 4) for the write-route fuzz test: the risk register, the results
 * framework, and commitments, deliveries and the ledger. Each run aims at a target made through the real services, in the state the variant draws, so the
 * bodies reach the handlers; bodies name what the target made with `{{name}}` (see WriteSpec.body).
 */
import fc from 'fast-check';
import type { TestDialect } from '../support/databases';
import { addRiskAction, createRisk, transitionRisk } from '../../src/services/accountability/risks';
import { addContribution, createResult } from '../../src/services/accountability/results';
import { createIndicator, createSubmission, reviewSubmission, submitSubmission, type IndicatorInput } from '../../src/services/accountability/indicators';
import {
  cancelCommitment, confirmCommitment, confirmDelivery, listDeliveries, pledge, recordDelivery, rejectDelivery, reverseDelivery, withdrawCommitment,
} from '../../src/services/accountability/commitments';
import { addExchangeRate, recordDisbursement, recordExchange, recordExpense, replaceBudget, reverseTransaction, updateSettings } from '../../src/services/accountability/ledger';
import { P, date, day, noBody, opt, text, uuid, type As, type Env, type Pools, type WriteSpec } from './write-spec';

// ---- the risk register (specs by the register's author) ----------------------------------------------------------

const RISKS = `${P}/:id/risks`;
/** Runs of a risk route: each run registers a fresh risk (PostgreSQL: fewer, a commit there is slow). */
const RISK_RUNS: Record<TestDialect, number> = { sqlite: 60, postgres: 15 };
const riskCategory = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('construction', 'forceMajeure', 'revenue', 'design', 'all') }, { weight: 1, arbitrary: fc.constantFrom('weather', '', 'Construction', '__proto__') });
const rating = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 6, -1, 2.5, 1e300) });
const riskStatus = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('open', 'mitigating', 'accepted', 'occurred', 'closed') }, { weight: 1, arbitrary: fc.constantFrom('lost', '', 'Open') });
const percent = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(100, '100', 50, '50.0', 40, '60', '33.3', '33.4', 10.1, 9.1, '0.5') },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(0, -5, '100%', '1e2', '33,3', 1e-7, 100.0000001, '', ' 50', Number.MAX_VALUE, '0.' + '1'.repeat(30)) },
  { weight: 1, arbitrary: fc.double() },
);
const riskOrg = (p: Pools) => fc.oneof({ weight: 8, arbitrary: fc.constantFrom(p.convenerOrg, p.orgs.partnerOrg) }, { weight: 1, arbitrary: fc.constantFrom(...p.orgIds) }, { weight: 1, arbitrary: fc.uuid({ version: 7 }) });
const riskShare = (p: Pools) =>
  fc.record(
    { party: fc.oneof({ weight: 5, arbitrary: fc.constantFrom('publicAuthority', 'privateParty') }, { weight: 1, arbitrary: fc.constantFrom('undefined', 'shared', '') }), organisationId: opt(fc.oneof(fc.constant(null), riskOrg(p))), percent },
    { requiredKeys: ['party', 'percent'] },
  );
const riskFields = (p: Pools) => ({
  category: riskCategory, title: text(1, 200), description: text(1, 2000), likelihood: rating, impact: rating,
  ownerOrganisationId: fc.oneof(fc.constant(null), riskOrg(p)),
  allocation: fc.oneof(
    { weight: 4, arbitrary: fc.constant([{ party: 'publicAuthority', organisationId: p.convenerOrg, percent: 40 }, { party: 'privateParty', organisationId: p.orgs.partnerOrg, percent: '60' }]) },
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 3, arbitrary: fc.array(riskShare(p), { maxLength: 4 }) },
  ),
  decisionIds: fc.oneof(
    { weight: 4, arbitrary: fc.constant([]) }, { weight: 3, arbitrary: fc.subarray(p.decisionIds) },
    { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...p.decisionIds), fc.uuid({ version: 7 })), { maxLength: 3 }) },
  ),
  commitmentIds: fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.uuid({ version: 7 }), { maxLength: 2 }) }),
  nextReviewOn: fc.oneof(fc.constant(null), day),
});
type RiskState = 'open' | 'occurred' | 'closed';
const riskState = () => fc.constantFrom<RiskState>('open', 'open', 'open', 'occurred', 'closed');
/** A fresh risk of the world's private partnership (the city owns it, Acme Water bears 60%), moved to `state`. */
async function freshRisk(e: Env, state: RiskState = 'open'): Promise<string> {
  const convener = await e.f.w.actor(e.f.w.users.convener);
  const r = await createRisk(e.f.t.deps, convener, e.f.w.partnership, {
    category: 'construction', title: 'Fuzz target risk', description: 'A risk for one fuzzed request.', likelihood: 3, impact: 4, ownerOrganisationId: e.f.w.orgs.convenerOrg,
    allocation: [{ party: 'publicAuthority', organisationId: e.f.w.orgs.convenerOrg, percent: 40 }, { party: 'privateParty', organisationId: e.f.w.orgs.partnerOrg, percent: '60' }], nextReviewOn: '2030-01-01',
  });
  if (state !== 'open') await transitionRisk(e.f.t.deps, convener, e.f.w.partnership, r.id, { to: state, reason: 'Fuzz target' });
  return r.id;
}

export const RISK_SPECS: WriteSpec[] = [
  {
    method: 'POST', path: RISKS, as: ['convener', 'representative'], runs: RISK_RUNS,
    target: async ({ f }) => ({ id: f.w.partnership }),
    body: (p) => fc.record(riskFields(p), { requiredKeys: ['category', 'title', 'description', 'likelihood', 'impact'] }),
  },
  {
    method: 'PATCH', path: `${RISKS}/:riskId`, as: ['convener', 'representative'], runs: RISK_RUNS,
    variant: riskState,
    target: async (e, state) => ({ id: e.f.w.partnership, riskId: await freshRisk(e, state) }),
    body: (p) => fc.record({ version: fc.oneof({ weight: 6, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constantFrom(0, 2, -1, 1.5) }), ...riskFields(p) }, { requiredKeys: ['version'] }),
  },
  {
    method: 'POST', path: `${RISKS}/:riskId/transition`, as: ['convener', 'representative'], runs: RISK_RUNS,
    variant: riskState,
    target: async (e, state) => ({ id: e.f.w.partnership, riskId: await freshRisk(e, state) }),
    body: () => fc.record({ to: riskStatus, reason: text(1, 500) }),
  },
  {
    method: 'POST', path: `${RISKS}/:riskId/actions`, as: ['convener', 'representative'], runs: RISK_RUNS,
    variant: riskState,
    target: async (e, state) => ({ id: e.f.w.partnership, riskId: await freshRisk(e, state) }),
    body: (p) =>
      fc.record(
        { description: text(1, 2000), ownerOrganisationId: opt(fc.oneof(fc.constant(null), riskOrg(p))), ownerPersonId: opt(fc.oneof(fc.constant(null), fc.constantFrom(...p.holders.people, p.users.outsider), fc.uuid({ version: 7 }))), dueOn: day },
        { requiredKeys: ['description', 'dueOn'] },
      ),
  },
  {
    method: 'PATCH', path: `${RISKS}/:riskId/actions/:actionId`, as: ['convener', 'representative'], runs: RISK_RUNS,
    variant: riskState,
    target: async (e, state) => {
      const riskId = await freshRisk(e, 'open');
      const convener = await e.f.w.actor(e.f.w.users.convener);
      const d = await addRiskAction(e.f.t.deps, convener, e.f.w.partnership, riskId, { description: 'Fuzz target action', ownerOrganisationId: e.f.w.orgs.partnerOrg, dueOn: '2030-01-31' });
      if (state !== 'open') await transitionRisk(e.f.t.deps, convener, e.f.w.partnership, riskId, { to: state, reason: 'Fuzz target' });
      return { id: e.f.w.partnership, riskId, actionId: d.actions[0].id };
    },
    body: (p) =>
      fc.record(
        { description: text(1, 2000), ownerOrganisationId: riskOrg(p), ownerPersonId: fc.oneof(fc.constant(null), fc.constantFrom(...p.holders.people, p.users.outsider), fc.uuid({ version: 7 })), dueOn: day, done: fc.boolean(), doneOn: day },
        { requiredKeys: [] },
      ),
  },
  {
    method: 'POST', path: `${RISKS}/:riskId/reviews`, as: ['convener', 'representative'], runs: RISK_RUNS,
    variant: riskState,
    target: async (e, state) => ({ id: e.f.w.partnership, riskId: await freshRisk(e, state) }),
    body: () => fc.record({ likelihood: rating, impact: rating, note: opt(fc.oneof(fc.constant(null), text(0, 2000))), reviewedOn: opt(day), nextReviewOn: opt(fc.oneof(fc.constant(null), day)) }, { requiredKeys: ['likelihood', 'impact'] }),
  },
];

// ---- the results framework ---------------------------------------------------------------------------------------

/**
 * Runs of a results route: every run builds its target through several services (a branch of the tree, an
 * indicator, a submission moved to its state), so fewer than RUNS.
 */
const FRAMEWORK: Record<TestDialect, number> = { sqlite: 50, postgres: 10 };

/**
 * Each results route works in a partnership of its own (shaped like the world's: the city convenes, Acme Water's
 * representative reports for it), so the frameworks stay small and one route's weights never block another's writes.
 */
interface Framework { id: string; partnershipGoal: string; goal: string; outcome: string }
const frameworks = new WeakMap<Env, Map<string, Promise<Framework>>>();
function frameworkOf(e: Env, key: string): Promise<Framework> {
  let byKey = frameworks.get(e);
  if (!byKey) frameworks.set(e, (byKey = new Map()));
  let fw = byKey.get(key);
  if (!fw) {
    fw = (async () => {
      const id = await e.f.freshPartnership();
      const partnershipGoal = await e.f.freshGoal(id);
      const { goal, outcome } = await freshBranch(e, id);
      return { id, partnershipGoal, goal, outcome };
    })();
    byKey.set(key, fw);
  }
  return fw;
}

let n = 0;
const convener = (e: Env) => e.f.w.actor(e.f.w.users.convener);
const node = async (e: Env, id: string, level: 'goal' | 'outcome' | 'output', parentId: string | null, weight: string | null = null) =>
  (await createResult(e.f.t.deps, await convener(e), id, { level, parentId, title: `Fuzz ${level} ${++n}`, weight })).id;
/** A new goal with an outcome under it (weighted: the outcome has weight 1, so its new siblings need one too). */
async function freshBranch(e: Env, id: string, weighted = false) {
  const goal = await node(e, id, 'goal', null);
  return { goal, outcome: await node(e, id, 'outcome', goal, weighted ? '1' : null) };
}

const MEASURE_LIST = ['unit', 'percentage', 'nominal', 'ordinal', 'qualitative'] as const;
type Measure = (typeof MEASURE_LIST)[number];
/** The kind of indicator a target has: its measure, whether it is broken down by sex, and its periods. */
interface Shape { measure: Measure; bySex: boolean; quarterly: boolean }
const shapeArb: fc.Arbitrary<Shape> = fc.record({
  measure: fc.oneof({ weight: 4, arbitrary: fc.constant<Measure>('unit') }, { weight: 3, arbitrary: fc.constantFrom<Measure>(...MEASURE_LIST) }),
  bySex: fc.boolean(),
  quarterly: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});
const GOOD_VALUE: Record<Measure, string | number> = { unit: 120, percentage: '37.5', nominal: 3, ordinal: 2, qualitative: 'Most households are connected' };

/** An indicator both member organisations report on: yearly 2020-2030, or quarterly 2024-2027. */
function indicatorInput(e: Env, nodeId: string, s: Shape): IndicatorInput {
  const numeric = s.measure !== 'qualitative';
  return {
    nodeId, title: `Fuzz indicator ${++n}`, definition: 'Counted from the programme records', unit: s.measure === 'unit' ? 'households' : s.measure === 'percentage' ? '%' : '',
    measure: s.measure, direction: 'higher_is_better', valueKind: 'cumulative',
    baseline: numeric ? { value: 1, date: '2019-12-31' } : null,
    targets: [{ periodKey: s.quarterly ? '2027-Q4' : '2030', value: numeric ? 5 : 'Every household is connected' }],
    dimensions: s.bySex ? [{ key: 'sex', values: ['female', 'male'] }] : [], sdgIndicators: ['6.1.1'],
    responsiblePartnerIds: [e.f.w.orgs.convenerOrg, e.f.w.orgs.partnerOrg],
    schedule: s.quarterly ? { frequency: 'quarterly', start: '2024-01-01', end: '2027-12-31', graceDays: 30 } : { frequency: 'annual', start: '2020-01-01', end: '2030-12-31', graceDays: 30 },
  };
}
const freshIndicator = async (e: Env, id: string, nodeId: string, s: Shape) => (await createIndicator(e.f.t.deps, await convener(e), id, indicatorInput(e, nodeId, s))).id;

type SubmissionState = 'draft' | 'empty draft' | 'submitted' | 'returned' | 'approved';
/** The organisation a persona reports for, and the person reporting for each organisation. */
const orgOf = (e: Env, as: As, own: boolean) => ((as === 'representative') === own ? e.f.w.orgs.partnerOrg : e.f.w.orgs.convenerOrg);
const reporterOf = (e: Env, org: string) => e.f.w.actor(org === e.f.w.orgs.partnerOrg ? e.f.w.users.representative : e.f.w.users.convener);

/** A submission of `org` for the first period (2020, or 2024-Q1), moved to `state` by the people who may. */
async function freshSubmission(e: Env, id: string, indicatorId: string, s: Shape, org: string, state: SubmissionState, periodKey = s.quarterly ? '2024-Q1' : '2020') {
  const deps = e.f.t.deps;
  const who = await reporterOf(e, org);
  const sub = await createSubmission(deps, who, id, indicatorId, { periodKey, partnerId: org, value: state === 'empty draft' ? null : GOOD_VALUE[s.measure] });
  if (state === 'draft' || state === 'empty draft') return sub.id;
  await submitSubmission(deps, who, id, sub.id);
  if (state === 'returned') await reviewSubmission(deps, await convener(e), id, sub.id, 'return', { comment: 'Please check the count' });
  if (state === 'approved') await reviewSubmission(deps, await convener(e), id, sub.id, 'approve');
  return sub.id;
}

/** A commitment of the city (a cash pledge) in the partnership. */
async function freshCommitment(e: Env, id: string) {
  const c = await pledge(e.f.t.deps, await convener(e), id, {
    organisationId: e.f.w.orgs.convenerOrg, kind: 'cash', description: `Fuzz pledge ${++n}`, valuation: { amount: '1000.00', currency: 'EUR' },
    tranches: [{ dueOn: '2031-01-01', value: { amount: '1000.00', currency: 'EUR' } }],
  });
  return c.id;
}

// values ----------------------------------------------------------------------------------------------

/** Weights: exact numbers and ratios, and what is not one (zero, negative, a division by zero, words, floats). */
const goodWeight = fc.constantFrom<unknown>(1, 2, 3, '0.25', '1/3', '2/3', 0.5, '1.5');
const weight = fc.oneof(
  { weight: 6, arbitrary: goodWeight },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(0, -1, '0', '1/0', '0/0', '-1/3', 'abc', '', ' 2 ', '1e3', 'NaN', 'Infinity', 1e300, Number.MIN_VALUE, '0.' + '1'.repeat(38), `${'9'.repeat(39)}/1`) },
  { weight: 1, arbitrary: fc.double() },
);
/** A value of the measure, mostly well formed; sometimes text a person might type or numbers a program might send. */
const valueOf = (m: Measure): fc.Arbitrary<unknown> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary:
        m === 'qualitative' ? text(1, 500)
        : m === 'unit' || m === 'percentage' ? fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom('1200', '37.5', '0.001', '99.99', '100'))
        : fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom('4', '0')),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom<unknown>(
        '1,200', '1e3', '', ' 7 ', '-0', '-5', '1/3', '12.5.1', '0.0000000000000000000000000000000000000001', 1e300, -1e-300, 2 ** 53 + 1, '9'.repeat(60), '3.0', 'forty', 'NaN',
      ),
    },
    { weight: 1, arbitrary: fc.oneof(fc.double(), fc.string({ maxLength: 30 }), text(1, 100)) },
  );
/** Values for a period: a total, and (for a breakdown by sex) the cells, which often add up to it. */
const valuesOf = (s: Shape) => {
  const cells = (a: unknown, b: unknown) => [{ cell: { sex: 'female' }, value: a }, { cell: { sex: 'male' }, value: b }];
  const breakdown = fc.oneof(
    { weight: s.bySex ? 3 : 1, arbitrary: fc.tuple(valueOf(s.measure), valueOf(s.measure)).map(([a, b]) => cells(a, b)) },
    {
      weight: 1,
      arbitrary: fc.array(
        fc.record({
          cell: fc.oneof(fc.constant({ sex: 'female' }), fc.constant({ sex: 'other' }), fc.constant({}), fc.constant({ age: '0-4' }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 })),
          value: valueOf(s.measure),
        }),
        { maxLength: 3 },
      ),
    },
  );
  const summing = fc.tuple(fc.nat({ max: 5000 }), fc.nat({ max: 5000 })).map(([a, b]) => ({ value: a + b, breakdown: cells(a, String(b)) }));
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ value: opt(fc.oneof({ weight: 8, arbitrary: valueOf(s.measure) }, { weight: 1, arbitrary: fc.constant(null) })), breakdown: opt(breakdown) }, { requiredKeys: [] }) },
    { weight: s.bySex && s.measure === 'unit' ? 3 : 0, arbitrary: summing },
  );
};
const note = opt(fc.oneof(fc.constant(null), text(0, 500)));
/** Period keys: the ones that have begun (yearly and quarterly), ones not begun yet, none of the indicator's, malformed. */
const periodKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('2020', '2021', '2023', '2025', '2026', '2024-Q1', '2025-Q3', '2026-Q4') },
  { weight: 1, arbitrary: fc.constantFrom('2027', '2030', '2031', '2019', '2027-Q1', '2026-11', 'FY2025', 'FY2025-Q1') },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '2025-Q5', '2025-q1', '20250', 'x'.repeat(20), 'x'.repeat(21), '__proto__') },
);
/** The organisation a submission is for: mostly the persona's own, sometimes the other member, a stranger or no organisation. */
const partnerOf = (p: Pools, as: As) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(as === 'representative' ? p.orgs.partnerOrg : p.convenerOrg) },
    { weight: 2, arbitrary: fc.constantFrom(p.orgs.partnerOrg, p.convenerOrg, p.orgs.otherOrg) },
    { weight: 1, arbitrary: uuid },
  );

// a wrong value in one field of a good body is the harness's business (wireFor): here the odd code stays rare
const measure = fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...MEASURE_LIST) }, { weight: 1, arbitrary: fc.constantFrom('bogus', '', 'Unit', '1') });
const schedule = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      { frequency: 'annual', start: '2020-01-01', end: '2030-12-31', graceDays: 30 },
      { frequency: 'quarterly', start: '2024-01-01', end: '2027-12-31' },
      { frequency: 'monthly', start: '2025-01-01', end: '2026-12-31', graceDays: 0 },
      { frequency: 'quarterly', start: '2024-04-01', end: '2026-03-31', fiscalYearStartMonth: 4 },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        frequency: fc.oneof({ weight: 12, arbitrary: fc.constantFrom('monthly', 'quarterly', 'annual') }, { weight: 1, arbitrary: fc.constantFrom('weekly', '') }),
        start: fc.oneof({ weight: 6, arbitrary: date }, { weight: 1, arbitrary: fc.constantFrom('2025-02-30', '2025-1-1', '') }), end: fc.oneof({ weight: 6, arbitrary: date }, { weight: 1, arbitrary: fc.constantFrom('2025-02-30', '9999-12-31') }),
        graceDays: opt(fc.oneof(fc.integer({ min: 0, max: 365 }), fc.constantFrom(-1, 366, 1.5))), fiscalYearStartMonth: opt(fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 13, 6.5))),
      },
      { requiredKeys: ['frequency', 'start', 'end'] },
    ),
  },
);
const indicatorFields = (p: Pools, nodeIds: readonly string[]) => ({
  nodeId: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...nodeIds) }, { weight: 1, arbitrary: uuid }),
  weight: opt(fc.oneof(fc.constant(null), weight)),
  title: text(1, 300),
  definition: text(1, 2000),
  unit: opt(text(0, 100)),
  measure,
  direction: fc.oneof({ weight: 20, arbitrary: fc.constantFrom('higher_is_better', 'lower_is_better') }, { weight: 1, arbitrary: fc.constant('up') }),
  valueKind: fc.oneof({ weight: 20, arbitrary: fc.constantFrom('cumulative', 'per_period') }, { weight: 1, arbitrary: fc.constant('total') }),
  aggregation: opt(fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 8, arbitrary: fc.constantFrom('sum', 'mean') }, { weight: 1, arbitrary: fc.constant('median') })),
  baseline: opt(fc.oneof(fc.constant(null), fc.record({ value: valueOf('unit'), date: fc.oneof(fc.constantFrom('2019-12-31', '2024-01-01'), date) }))),
  targets: opt(fc.array(fc.record({ periodKey, value: fc.oneof(valueOf('unit'), valueOf('qualitative')) }), { maxLength: 3 })),
  dimensions: opt(
    fc.array(
      fc.record(
        {
          key: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('sex', 'age_band', 'region') }, { weight: 1, arbitrary: fc.constantFrom('Sex', '', 'a'.repeat(41), '1st', 'sex ') }),
          label: opt(text(0, 100)),
          values: fc.oneof(fc.constant(['female', 'male']), fc.constant(['0-4', '5-14', '15+']), fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 })),
        },
        { requiredKeys: ['key', 'values'] },
      ),
      { maxLength: 3 },
    ),
  ),
  sdgIndicators: opt(fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom('6.1.1', '3.b.1', '17.19.1') }, { weight: 1, arbitrary: fc.constantFrom('3.b', '99.1.1', '', '6.1.1 ') }), { maxLength: 3 })),
  responsiblePartnerIds: fc.oneof(
    { weight: 6, arbitrary: fc.subarray([p.convenerOrg, p.orgs.partnerOrg], { minLength: 1 }) },
    { weight: 2, arbitrary: fc.array(fc.oneof(fc.constantFrom(p.convenerOrg, p.orgs.partnerOrg, p.orgs.otherOrg, p.orgs.spareOrg), fc.uuid({ version: 7 })), { maxLength: 3 }) },
  ),
  schedule,
});

/** Schedules an indicator may well have, with two of their period keys (for targets). */
const GOOD_PLANS = [
  { schedule: { frequency: 'annual', start: '2020-01-01', end: '2030-12-31', graceDays: 30 }, keys: ['2025', '2030'] },
  { schedule: { frequency: 'quarterly', start: '2024-01-01', end: '2027-12-31' }, keys: ['2025-Q4', '2027-Q4'] },
  { schedule: { frequency: 'monthly', start: '2025-01-01', end: '2026-12-31', graceDays: 0 }, keys: ['2025-12', '2026-12'] },
  { schedule: { frequency: 'quarterly', start: '2024-04-01', end: '2026-03-31', fiscalYearStartMonth: 4 }, keys: ['FY2024-Q4', 'FY2025-Q4'] },
];
/** A coherent indicator (targets in its periods and on the right side of the baseline): most of these are defined. */
const goodIndicator = (p: Pools, nodeIds: readonly string[]) =>
  fc
    .record({
      nodeId: fc.constantFrom(...nodeIds), weight: opt(fc.oneof(fc.constant(null), weight)), title: text(1, 300), definition: text(1, 2000), unit: text(1, 100),
      measure: fc.constantFrom(...MEASURE_LIST), higher: fc.boolean(), base: fc.integer({ min: 0, max: 100 }), gain: fc.integer({ min: 1, max: 1000 }),
      valueKind: fc.constantFrom('cumulative', 'per_period'), mean: fc.boolean(), bySex: fc.boolean(), plan: fc.constantFrom(...GOOD_PLANS),
      sdgIndicators: fc.subarray(['6.1.1', '3.b.1']), responsiblePartnerIds: fc.subarray([p.convenerOrg, p.orgs.partnerOrg], { minLength: 1 }), goal: text(1, 200),
    })
    .map(({ measure: m, higher, base, gain, mean, bySex, plan, goal, ...rest }) => {
      const numeric = m !== 'qualitative';
      const at = (i: number) => (higher ? base + gain * (i + 1) : base + gain * (1 - i));
      return {
        ...rest, measure: m, direction: higher ? 'higher_is_better' : 'lower_is_better', aggregation: mean ? 'mean' : null,
        baseline: numeric ? { value: higher ? base : base + gain * 2, date: '2019-12-31' } : null,
        targets: plan.keys.map((periodKey, i) => ({ periodKey, value: numeric ? (m === 'percentage' ? `${at(i)}.5` : at(i)) : goal })),
        dimensions: bySex ? [{ key: 'sex', label: 'Sex', values: ['female', 'male'] }] : [], schedule: plan.schedule,
      };
    });

const S = `${P}/:id/indicator-submissions`;
const nodeLevel = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('goal', 'outcome', 'output') }, { weight: 1, arbitrary: fc.constantFrom('impact', 'Goal', '') });
const ref = (...names: string[]) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...names.map((x) => `{{${x}}}`)) }, { weight: 1, arbitrary: uuid });

/** A submission target: the indicator's shape, whose submission (the persona's own organisation's, or the other's) and its state. */
const submissionVariant = (states: Partial<Record<SubmissionState, number>>) =>
  fc.record({
    shape: shapeArb,
    own: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    state: fc.oneof(...Object.entries(states).map(([state, w]) => ({ weight: w as number, arbitrary: fc.constant(state as SubmissionState) }))),
  });
type SubmissionVariant = { shape: Shape; own: boolean; state: SubmissionState };
const onSubmission = (key: string) => async (e: Env, v: SubmissionVariant, as: As) => {
  const fw = await frameworkOf(e, key);
  const indicatorId = await freshIndicator(e, fw.id, fw.outcome, v.shape);
  return { id: fw.id, submissionId: await freshSubmission(e, fw.id, indicatorId, v.shape, orgOf(e, as, v.own), v.state) };
};
const REPORTERS: readonly As[] = ['convener', 'representative'];

export const RESULTS_SPECS: WriteSpec[] = [
  // the tree
  {
    method: 'POST', path: `${P}/:id/results`, as: 'convener', runs: FRAMEWORK,
    variant: () => fc.boolean(),
    target: async (e, weighted: boolean) => {
      const fw = await frameworkOf(e, 'POST results');
      return { id: fw.id, pgoal: fw.partnershipGoal, ...(await freshBranch(e, fw.id, weighted)) };
    },
    body: (_p, weighted: boolean) =>
      fc.oneof(
        // where each level belongs: a goal at the top (standing for the partnership goal or not), an outcome under the goal, an output under the outcome
        {
          weight: 2,
          arbitrary: fc
            .tuple(
              fc.constantFrom({ level: 'goal' }, { level: 'goal', goalId: '{{pgoal}}' }, { level: 'outcome', parentId: '{{goal}}' }, { level: 'output', parentId: '{{outcome}}' }),
              fc.record({ title: text(1, 300), description: opt(text(0, 2000)) }, { requiredKeys: ['title'] }),
              goodWeight,
            )
            // under the goal whose outcome is weighted, the new outcome needs a weight too
            .map(([place, rest, w]) => ({ ...place, ...rest, ...(weighted && place.level === 'outcome' ? { weight: w } : {}) })),
        },
        {
          weight: 3,
          arbitrary: fc.record(
            { level: nodeLevel, parentId: opt(fc.oneof(fc.constant(null), ref('goal', 'outcome'))), title: text(1, 300), description: opt(fc.oneof(fc.constant(null), text(0, 2000))), weight: opt(fc.oneof(fc.constant(null), weight)), goalId: opt(fc.oneof(fc.constant(null), ref('pgoal'))) },
            { requiredKeys: ['level', 'title'] },
          ),
        },
      ),
  },
  {
    method: 'PUT', path: `${P}/:id/results-weights`, as: 'convener', runs: FRAMEWORK,
    // a goal with two outcomes, and two indicators under the first: each pair is a family weighted all or none
    target: async (e) => {
      const fw = await frameworkOf(e, 'PUT results-weights');
      const { goal, outcome: o1 } = await freshBranch(e, fw.id);
      const o2 = await node(e, fw.id, 'outcome', goal);
      const shape: Shape = { measure: 'unit', bySex: false, quarterly: false };
      return { id: fw.id, goal, o1, o2, i1: await freshIndicator(e, fw.id, o1, shape), i2: await freshIndicator(e, fw.id, o1, shape) };
    },
    body: () => {
      const item = (ids: fc.Arbitrary<string>, w: fc.Arbitrary<unknown> = fc.oneof({ weight: 5, arbitrary: weight }, { weight: 1, arbitrary: fc.constant(null) })) => fc.record({ id: ids, weight: w });
      // a whole family weighted (or unweighted) at once: mostly good weights, so the change goes through
      const family = (...names: string[]) =>
        fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }).chain((clear) =>
          fc.tuple(...names.map((x) => item(fc.constant(`{{${x}}}`), clear ? fc.constant(null) : fc.oneof({ weight: 12, arbitrary: goodWeight }, { weight: 1, arbitrary: weight })))).map((items) => [...items]),
        );
      return fc.record({
        weights: fc.oneof(
          { weight: 3, arbitrary: fc.oneof(family('o1', 'o2'), family('i1', 'i2'), family('o1', 'o2', 'i1', 'i2')) },
          { weight: 2, arbitrary: fc.array(item(ref('o1', 'o2', 'i1', 'i2', 'goal')), { maxLength: 5 }) },
        ),
      });
    },
  },
  {
    method: 'PATCH', path: `${P}/:id/results/:nodeId`, as: 'convener', runs: FRAMEWORK,
    variant: () => fc.constantFrom('goal', 'outcome', 'output'),
    // goal > outcome > output, and a spare goal and outcome of the framework to move things under
    target: async (e, which: 'goal' | 'outcome' | 'output') => {
      const fw = await frameworkOf(e, 'PATCH results');
      const { goal, outcome } = await freshBranch(e, fw.id);
      const output = await node(e, fw.id, 'output', outcome);
      return { id: fw.id, nodeId: { goal, outcome, output }[which], goal, outcome, output, spareGoal: fw.goal, spareOutcome: fw.outcome, pgoal: fw.partnershipGoal };
    },
    body: () =>
      fc.record(
        {
          parentId: opt(fc.oneof(fc.constant(null), ref('goal', 'outcome', 'output', 'spareGoal', 'spareOutcome'))), title: text(1, 300), description: opt(fc.oneof(fc.constant(null), text(0, 2000))),
          weight: fc.oneof(fc.constant(null), weight), goalId: fc.oneof(fc.constant(null), ref('pgoal')),
        },
        { requiredKeys: [] },
      ),
  },
  {
    method: 'DELETE', path: `${P}/:id/results/:nodeId`, as: 'convener', runs: FRAMEWORK,
    variant: () => fc.constantFrom('leaf', 'leaf', 'linked', 'parent', 'measured'),
    target: async (e, kind: 'leaf' | 'linked' | 'parent' | 'measured') => {
      const fw = await frameworkOf(e, 'DELETE results');
      const { goal, outcome } = await freshBranch(e, fw.id);
      if (kind === 'linked') await addContribution(e.f.t.deps, await convener(e), fw.id, { nodeId: outcome, commitmentId: await freshCommitment(e, fw.id) });
      if (kind === 'measured') await freshIndicator(e, fw.id, outcome, { measure: 'unit', bySex: false, quarterly: false });
      return { id: fw.id, nodeId: kind === 'parent' ? goal : outcome };
    },
    body: noBody,
  },

  // indicators
  {
    method: 'POST', path: `${P}/:id/indicators`, as: 'convener', runs: FRAMEWORK,
    variant: () => fc.boolean(),
    target: async (e, weighted: boolean) => {
      const fw = await frameworkOf(e, 'POST indicators');
      const { goal, outcome } = await freshBranch(e, fw.id);
      // a weighted sibling already there: the new indicator needs a weight too
      if (weighted) await createIndicator(e.f.t.deps, await convener(e), fw.id, { ...indicatorInput(e, outcome, { measure: 'unit', bySex: false, quarterly: false }), weight: '1' });
      return { id: fw.id, goal, outcome };
    },
    body: (p) =>
      fc.oneof(
        { weight: 3, arbitrary: goodIndicator(p, ['{{outcome}}']) },
        { weight: 2, arbitrary: fc.record(indicatorFields(p, ['{{outcome}}', '{{outcome}}', '{{goal}}']), { requiredKeys: ['nodeId', 'title', 'definition', 'measure', 'direction', 'valueKind', 'responsiblePartnerIds', 'schedule'] }) },
      ),
  },
  {
    method: 'PATCH', path: `${P}/:id/indicators/:indicatorId`, as: 'convener', runs: FRAMEWORK,
    variant: () => fc.record({ shape: shapeArb, reported: fc.constantFrom<SubmissionState | null>(null, null, 'draft', 'submitted', 'approved') }),
    target: async (e, v: { shape: Shape; reported: SubmissionState | null }) => {
      const fw = await frameworkOf(e, 'PATCH indicators');
      const { goal, outcome } = await freshBranch(e, fw.id);
      const indicatorId = await freshIndicator(e, fw.id, outcome, v.shape);
      if (v.reported) await freshSubmission(e, fw.id, indicatorId, v.shape, e.f.w.orgs.partnerOrg, v.reported);
      return { id: fw.id, indicatorId, goal, outcome, spareOutcome: fw.outcome };
    },
    // a whole new definition, or a few fields changed
    body: (p) =>
      fc.oneof(
        { weight: 1, arbitrary: goodIndicator(p, ['{{outcome}}', '{{spareOutcome}}']).chain((good) => fc.subarray(Object.keys(good), { minLength: 1 }).map((keys) => Object.fromEntries(keys.map((k) => [k, good[k as keyof typeof good]])))) },
        { weight: 1, arbitrary: fc.record(indicatorFields(p, ['{{outcome}}', '{{spareOutcome}}', '{{goal}}']), { requiredKeys: [] }) },
      ),
  },
  {
    method: 'DELETE', path: `${P}/:id/indicators/:indicatorId`, as: 'convener', runs: FRAMEWORK,
    variant: () => fc.constantFrom<SubmissionState | null>(null, null, 'draft', 'submitted', 'returned', 'approved'),
    target: async (e, reported: SubmissionState | null) => {
      const fw = await frameworkOf(e, 'DELETE indicators');
      const shape: Shape = { measure: 'unit', bySex: false, quarterly: false };
      const indicatorId = await freshIndicator(e, fw.id, fw.outcome, shape);
      if (reported) await freshSubmission(e, fw.id, indicatorId, shape, e.f.w.orgs.convenerOrg, reported);
      return { id: fw.id, indicatorId };
    },
    body: noBody,
  },

  // reporting
  {
    method: 'POST', path: `${P}/:id/indicators/:indicatorId/submissions`, as: REPORTERS, runs: FRAMEWORK,
    // sometimes the persona's organisation already reported 2021 (or 2024-Q2): a second submission is a duplicate
    variant: () => fc.record({ shape: shapeArb, reported: fc.oneof({ weight: 3, arbitrary: fc.constant<SubmissionState | null>(null) }, { weight: 1, arbitrary: fc.constantFrom<SubmissionState>('draft', 'approved') }) }),
    target: async (e, v: { shape: Shape; reported: SubmissionState | null }, as) => {
      const fw = await frameworkOf(e, 'POST submissions');
      const indicatorId = await freshIndicator(e, fw.id, fw.outcome, v.shape);
      if (v.reported) await freshSubmission(e, fw.id, indicatorId, v.shape, orgOf(e, as, true), v.reported, v.shape.quarterly ? '2024-Q2' : '2021');
      return { id: fw.id, indicatorId };
    },
    body: (p, v: { shape: Shape }, as) =>
      fc
        .tuple(fc.record({ periodKey: fc.oneof(periodKey, fc.constant(v.shape.quarterly ? '2024-Q2' : '2021')), partnerId: partnerOf(p, as), note }, { requiredKeys: ['periodKey', 'partnerId'] }), valuesOf(v.shape))
        .map(([a, b]) => ({ ...a, ...b })),
  },
  {
    method: 'PATCH', path: `${S}/:submissionId`, as: REPORTERS, runs: FRAMEWORK,
    variant: () => submissionVariant({ draft: 4, 'empty draft': 1, returned: 2, submitted: 1, approved: 1 }),
    target: onSubmission('PATCH submission'),
    body: (_p, v: SubmissionVariant) => fc.tuple(valuesOf(v.shape), fc.record({ note }, { requiredKeys: [] })).map(([a, b]) => ({ ...a, ...b })),
  },
  {
    method: 'POST', path: `${S}/:submissionId/submit`, as: REPORTERS, runs: FRAMEWORK,
    variant: () => submissionVariant({ draft: 5, 'empty draft': 1, returned: 2, submitted: 1, approved: 1 }),
    target: onSubmission('submit'),
    body: () => fc.record({ comment: opt(fc.oneof(fc.constant(null), text(0, 500))) }, { requiredKeys: [] }),
  },
  {
    method: 'POST', path: `${S}/:submissionId/return`, as: 'convener', runs: FRAMEWORK,
    variant: () => submissionVariant({ submitted: 6, draft: 1, returned: 1, approved: 1 }),
    target: onSubmission('return'),
    body: () => fc.record({ comment: fc.oneof({ weight: 5, arbitrary: text(1, 500) }, { weight: 1, arbitrary: fc.constantFrom(null, '', '   ') }) }, { requiredKeys: [] }),
  },
  {
    method: 'POST', path: `${S}/:submissionId/approve`, as: 'convener', runs: FRAMEWORK,
    variant: () => submissionVariant({ submitted: 6, draft: 1, returned: 1, approved: 1 }),
    target: onSubmission('approve'),
    body: () => fc.record({ comment: opt(fc.oneof(fc.constant(null), text(0, 500))) }, { requiredKeys: [] }),
  },

  // contributions
  {
    method: 'POST', path: `${P}/:id/result-contributions`, as: 'convener', runs: FRAMEWORK,
    variant: () => fc.constantFrom('fresh', 'fresh', 'fresh', 'linked'),
    target: async (e, kind: 'fresh' | 'linked') => {
      const fw = await frameworkOf(e, 'POST contributions');
      const { goal, outcome } = await freshBranch(e, fw.id);
      const commitment = await freshCommitment(e, fw.id);
      if (kind === 'linked') await addContribution(e.f.t.deps, await convener(e), fw.id, { nodeId: outcome, commitmentId: commitment });
      return { id: fw.id, goal, outcome, commitment };
    },
    body: () => fc.record({ nodeId: ref('outcome', 'outcome', 'goal'), commitmentId: ref('commitment') }),
  },
  {
    method: 'DELETE', path: `${P}/:id/result-contributions/:nodeId/:commitmentId`, as: 'convener', runs: FRAMEWORK,
    variant: () => fc.constantFrom('linked', 'linked', 'linked', 'unlinked'),
    target: async (e, kind: 'linked' | 'unlinked') => {
      const fw = await frameworkOf(e, 'DELETE contributions');
      const { outcome } = await freshBranch(e, fw.id);
      const commitmentId = await freshCommitment(e, fw.id);
      if (kind === 'linked') await addContribution(e.f.t.deps, await convener(e), fw.id, { nodeId: outcome, commitmentId });
      return { id: fw.id, nodeId: outcome, commitmentId };
    },
    body: noBody,
  },
];

// ---- commitments, deliveries and the ledger ----------------------------------------------------------------------

/** Runs of a ledger route: most targets are a pledge taken through a few states first. */
const LEDGER: Record<TestDialect, number> = { sqlite: 40, postgres: 10 };

/** Money in the pool to spend: EUR and USD 10,000,000.00 each, pledged by the convener's organisation and delivered. */
async function fundPool(e: Env, id: string) {
  const c = await convener(e);
  for (const currency of ['EUR', 'USD']) {
    const value = { amount: '10000000.00', currency };
    const made = await pledge(e.f.t.deps, c, id, { organisationId: e.f.w.orgs.convenerOrg, kind: 'cash', description: `Funds in ${currency}`, valuation: value, tranches: [{ dueOn: '2099-12-31', value }], pledgedOn: '2020-01-01' });
    await confirmCommitment(e.f.t.deps, c, id, made.id, {});
    const d = await recordDelivery(e.f.t.deps, c, id, made.id, { value, on: '2020-01-02' });
    await confirmDelivery(e.f.t.deps, c, id, d.id, {});
  }
}

/** A ledger route's own partnership (its balances, budget, rates and settings), with a budget, a rate, funds and a goal. */
interface Books { id: string; partnershipGoal: string }
const books = new WeakMap<Env, Map<string, Promise<Books>>>();
const BUDGET = { lines: [{ id: 'cold-chain', name: 'Cold chain', planned: [{ amount: '100000.00', currency: 'EUR' }], activities: [{ id: 'fridges', planned: [{ amount: '50000.00', currency: 'EUR' }] }] }, { id: 'pipes', planned: [{ amount: '5000.00', currency: 'USD' }] }] };
function booksOf(e: Env, key: string): Promise<Books> {
  let byKey = books.get(e);
  if (!byKey) books.set(e, (byKey = new Map()));
  let b = byKey.get(key);
  if (!b) {
    b = (async () => {
      const id = await e.f.freshPartnership();
      const c = await convener(e);
      await replaceBudget(e.f.t.deps, c, id, BUDGET);
      await addExchangeRate(e.f.t.deps, c, id, { from: 'USD', to: 'EUR', on: '2020-01-01', rate: '0.9' });
      await fundPool(e, id);
      // spending on a line and an activity: the budget must keep them
      await recordExpense(e.f.t.deps, c, id, { description: 'A fridge', line: 'cold-chain', activity: 'fridges', amount: { amount: '10.00', currency: 'EUR' } });
      return { id, partnershipGoal: await e.f.freshGoal(id) };
    })();
    byKey.set(key, b);
  }
  return b;
}
/**
 * The world's private partnership set up for spending (once): the budget, a USD rate, an approval threshold of
 * 5,000 EUR, and a decision adopted by the seat holders that approves spending above it.
 */
const spending = new WeakMap<Env, Promise<{ id: string; adopted: string }>>();
function spendingOf(e: Env) {
  let s = spending.get(e);
  if (!s) {
    s = (async () => {
      const id = e.f.w.partnership;
      const c = await convener(e);
      await replaceBudget(e.f.t.deps, c, id, BUDGET);
      await addExchangeRate(e.f.t.deps, c, id, { from: 'USD', to: 'EUR', on: '2020-01-01', rate: '0.9' });
      await updateSettings(e.f.t.deps, c, id, { approvalThreshold: '5000.00' });
      await fundPool(e, id);
      const adopted = await e.g.freshDecision({ of: { motion: 'ordinary' }, state: 'closed', ballots: [['convener', 0], ['representative', 0], ['member', 0]] });
      return { id, adopted };
    })();
    spending.set(e, s);
  }
  return s;
}

const eur = (amount: string) => ({ amount, currency: 'EUR' });
type CommitmentState = 'pledged' | 'confirmed' | 'partially_delivered' | 'delivered' | 'cancelled' | 'withdrawn';
interface PledgeSpec { state: CommitmentState; inKind: boolean; own: boolean }
const pledgeVariant = (states: Partial<Record<CommitmentState, number>>): fc.Arbitrary<PledgeSpec> =>
  fc.record({
    state: fc.oneof(...Object.entries(states).map(([s, w]) => ({ weight: w as number, arbitrary: fc.constant(s as CommitmentState) }))),
    inKind: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    own: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  });
const STAFF = { value: '200', unit: 'person-days' };
/**
 * A pledge of `org` (cash: 1,000 EUR; in kind: 200 person-days worth 20,000 EUR) to Acme Water or the city, made
 * by the convener and taken to `state`. Returns the commitment, and the delivery made on the way if any.
 */
async function freshPledge(e: Env, id: string, org: string, s: PledgeSpec) {
  const deps = e.f.t.deps;
  const c = await convener(e);
  const value = s.inKind ? '20000.00' : '1000.00';
  const recipient = org === e.f.w.orgs.convenerOrg ? e.f.w.orgs.partnerOrg : e.f.w.orgs.convenerOrg;
  const made = await pledge(deps, c, id, {
    organisationId: org, kind: s.inKind ? 'staff_time' : 'cash', description: `Fuzz pledge ${++n}`, valuation: eur(value), pledgedOn: '2020-01-01', recipientOrganisationId: recipient,
    ...(s.inKind ? { quantity: STAFF, valuationBasis: 'A day rate of 100 EUR', tranches: [{ dueOn: '2099-12-31', value: eur(value), quantity: STAFF }] } : { tranches: [{ dueOn: '2099-12-31', value: eur(value) }] }),
  });
  const out = { commitmentId: made.id, transactionId: made.transactions[0]?.id as string | undefined, deliveryId: undefined as string | undefined };
  if (s.state === 'pledged') return out;
  if (s.state === 'withdrawn') {
    await withdrawCommitment(deps, c, id, made.id, { reason: 'Fuzz target' });
    return out;
  }
  await confirmCommitment(deps, c, id, made.id, {});
  if (s.state === 'partially_delivered' || s.state === 'delivered') {
    const d = await recordDelivery(deps, c, id, made.id, { value: eur(s.state === 'delivered' ? value : s.inKind ? '2000.00' : '100.00') });
    await confirmDelivery(deps, c, id, d.id, {});
    out.deliveryId = d.id;
  }
  if (s.state === 'cancelled') await cancelCommitment(deps, c, id, made.id, { reason: 'Fuzz target' });
  return out;
}

type DeliveryState = 'recorded' | 'confirmed' | 'rejected' | 'reversed';
/** A delivery of 100 EUR by the city to Acme Water (whose representative is the receiving side), taken to `state`. */
async function freshDelivery(e: Env, id: string, state: DeliveryState) {
  const deps = e.f.t.deps;
  const c = await convener(e);
  const { commitmentId } = await freshPledge(e, id, e.f.w.orgs.convenerOrg, { state: 'confirmed', inKind: false, own: true });
  const d = await recordDelivery(deps, c, id, commitmentId, { value: eur('100.00'), evidence: ['https://bank.example/1'] });
  if (state === 'confirmed' || state === 'reversed') await confirmDelivery(deps, c, id, d.id, {});
  if (state === 'rejected') await rejectDelivery(deps, c, id, d.id, { reason: 'Fuzz target' });
  if (state === 'reversed') await reverseDelivery(deps, c, id, d.id, { reason: 'Fuzz target' });
  return d.id;
}

// money -----------------------------------------------------------------------------------------------

const CURRENCY_LIST = [['EUR', 2], ['USD', 2], ['JPY', 0], ['KES', 2], ['BHD', 3]] as const;
const majorText = (minor: bigint, exp: number) => (exp === 0 ? `${minor}` : `${minor / 10n ** BigInt(exp)}.${(minor % 10n ** BigInt(exp)).toString().padStart(exp, '0')}`);
/** The largest amount a ledger holds (2^63 - 1 minor units) and its neighbours: sums of these overflow. */
const EDGE_AMOUNTS = ['92233720368547758.07', '92233720368547758.08', '46116860184273879.04', '9223372036854775807', '99999999999999999999.99'];
const amountOf = (currency: string, exp: number) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.bigInt({ min: 1n, max: 10n ** 9n }).map((m) => majorText(m, exp)) },
    { weight: 1, arbitrary: fc.constantFrom(...EDGE_AMOUNTS) },
    { weight: 2, arbitrary: fc.constantFrom('0', '0.00', '-10.00', '12.345', '1,000.00', '1 000.00', '1e3', '.5', '5.', '', ' 10.00', 'NaN', '€10', '0x10', '١٠.٠٠', '10.0000000001', `${currency} 10`) },
  );
/** An amount: a known currency with a fitting amount, an edge or odd amount, or an odd currency. */
const moneyIn = (currencies: readonly (readonly [string, number])[] = CURRENCY_LIST) =>
  fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...currencies).chain(([currency, exp]) => amountOf(currency, exp).map((amount) => ({ amount, currency }))) },
    { weight: 1, arbitrary: fc.constantFrom('eur', 'XXX', 'EURO', '', 'XTS', 'ZZZ', 'EU', 'BTC').map((currency) => ({ amount: '10.00', currency })) },
  );
/** A well-formed amount of one currency (under a million units, so sums stay far from the limit). */
const fair = (currency: string, exp: number, max = 10n ** 8n) => fc.bigInt({ min: 1n, max }).map((m) => ({ amount: majorText(m, exp), currency }));
const fairEur = (max = 10n ** 5n) => fair('EUR', 2, max);
const quantityIn = fc.oneof(
  { weight: 6, arbitrary: fc.record({ value: fc.oneof(fc.constantFrom('200', '20', '12.5', '0.001'), fc.nat({ max: 1000 }).map(String)), unit: fc.constantFrom('person-days', 'person-days', 'hours', 'kg') }) },
  { weight: 1, arbitrary: fc.record({ value: fc.constantFrom('0', '-1', '1e3', '', 'abc', '1,5', '9'.repeat(70)), unit: fc.constantFrom('person-days', '', ' ', 'x'.repeat(101)) }) },
);
/** A valuation and tranches adding up to it (mostly), due on days around today or far ahead. */
const termsIn = (currencies: readonly (readonly [string, number])[]) => fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...currencies), fc.array(fc.record({ minor: fc.bigInt({ min: 1n, max: 10n ** 8n }), dueOn: fc.oneof(day, fc.constantFrom('2099-12-31', '2030-06-30')) }), { minLength: 1, maxLength: 3 }))
      .map(([[currency, exp], parts]) => ({
        valuation: { amount: majorText(parts.reduce((a, x) => a + x.minor, 0n), exp), currency },
        tranches: parts.map((x) => ({ dueOn: x.dueOn, value: { amount: majorText(x.minor, exp), currency } })),
      })),
  },
  { weight: 1, arbitrary: fc.record({ valuation: moneyIn(), tranches: fc.array(fc.record({ dueOn: day, value: moneyIn(), quantity: opt(fc.oneof(fc.constant(null), quantityIn)) }, { requiredKeys: ['dueOn', 'value'] }), { maxLength: 3 }) }) },
);
const terms = termsIn(CURRENCY_LIST);
const IN_KIND = ['in_kind_goods', 'staff_time', 'data', 'facilities', 'licences_ip', 'other'] as const;
/** A pledge: cash, or in kind with a quantity the tranches split (mostly), for the persona's organisation (mostly). */
const pledgeBody = (p: Pools, as: As) =>
  fc
    .tuple(
      terms,
      fc.record(
        {
          organisationId: partnerOf(p, as),
          kind: fc.oneof({ weight: 4, arbitrary: fc.constant('cash') }, { weight: 3, arbitrary: fc.constantFrom(...IN_KIND) }, { weight: 1, arbitrary: fc.constantFrom('money', '', 'Cash') }),
          description: text(1, 2000), quantity: opt(fc.oneof(fc.constant(null), quantityIn)), valuationBasis: opt(text(0, 1000)), conditions: opt(fc.array(text(1, 200), { maxLength: 3 })),
          goalIds: opt(fc.oneof(fc.constant(['{{pgoal}}']), fc.array(ref('pgoal'), { maxLength: 2 }))), decisionId: opt(fc.oneof(fc.constant(null), fc.constantFrom(...p.decisionIds), uuid)),
          recipientOrganisationId: opt(fc.oneof(fc.constant(null), partnerOf(p, as))), pledgedOn: opt(day),
        },
        { requiredKeys: ['organisationId', 'kind', 'description'] },
      ),
      fc.boolean(),
    )
    .map(([t, b, splitQuantity]) => {
      // in kind with a quantity: give each tranche its share of it (or leave them without)
      if (b.kind === 'cash' || !b.quantity || !splitQuantity) return { ...b, ...t };
      const q = b.quantity as { value: string; unit: string };
      return { ...b, ...t, tranches: t.tranches.map((x, i) => ({ ...x, quantity: { value: i === 0 ? q.value : '0', unit: q.unit } })) };
    });
/** A delivery as a client might record it: any day, an amount of any kind, a quantity, links of any kind. */
const deliveryBody = (s: PledgeSpec) =>
  fc.record(
    {
      on: day,
      value: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('100.00', '1000.00', '0.01', '2000.00', '20000.00', '1000.01', '0.00').map(eur) }, { weight: 2, arbitrary: moneyIn() }),
      quantity: s.inKind ? fc.oneof(fc.constant(null), fc.constantFrom('20', '200', '201', '0.5').map((value) => ({ value, unit: 'person-days' })), quantityIn) : fc.oneof(fc.constant(null), quantityIn),
      evidence: fc.array(fc.oneof(fc.webUrl({ validSchemes: ['https'] }).filter((u) => u.length <= 2000), fc.constantFrom('file:abc', 'javascript:alert(1)', 'not a link', '')), { maxLength: 3 }),
      note: fc.oneof(fc.constant(null), text(0, 2000)),
    },
    { requiredKeys: [] },
  );

/** Spending that passes: a line (and its activity), an amount in euros under the approval threshold or in dollars, or above it with the adopted decision. */
const goodSpending = fc
  .record(
    {
      date: opt(fc.constantFrom('2025-06-30', '2026-01-15')),
      place: fc.constantFrom({ line: 'cold-chain' }, { line: 'cold-chain', activity: 'fridges' }, { line: 'cold-chain', activity: null }, { line: 'pipes' }),
      amount: fc.oneof(fairEur(499_999n), fair('USD', 2, 100_000n)),
      decisionId: opt(fc.oneof(fc.constant(null), fc.constant('{{adopted}}'))),
    },
    { requiredKeys: ['place', 'amount'] },
  )
  .map(({ place, ...rest }) => ({ ...rest, ...place }));
/** A pledge that holds: the persona's own organisation, cash or time with its basis, tranches adding up. */
const goodPledge = (p: Pools, as: As) =>
  fc
    .record({
      description: text(1, 200), inKind: fc.boolean(), parts: fc.array(fc.bigInt({ min: 1n, max: 10n ** 6n }), { minLength: 1, maxLength: 3 }),
      goalIds: opt(fc.constant(['{{pgoal}}'])), pledgedOn: opt(fc.constantFrom('2020-01-01', '2025-06-30')), conditions: opt(fc.array(text(1, 200), { maxLength: 2 })),
    }, { requiredKeys: ['description', 'inKind', 'parts'] })
    .map(({ inKind, parts, ...rest }) => ({
      ...rest,
      organisationId: as === 'representative' ? p.orgs.partnerOrg : p.convenerOrg,
      kind: inKind ? 'staff_time' : 'cash',
      valuation: eur(majorText(parts.reduce((a, x) => a + x, 0n), 2)),
      ...(inKind ? { quantity: { value: String(parts.length * 10), unit: 'person-days' }, valuationBasis: 'A day rate agreed with the partners' } : {}),
      tranches: parts.map((x, i) => ({ dueOn: `20${30 + i}-06-30`, value: eur(majorText(x, 2)), ...(inKind ? { quantity: { value: '10', unit: 'person-days' } } : {}) })),
    }));
const reasonBody = () => fc.record({ reason: fc.oneof({ weight: 8, arbitrary: text(1, 2000) }, { weight: 1, arbitrary: fc.constantFrom('', '   ') }), on: opt(day) }, { requiredKeys: ['reason'] });
const lineId = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('cold-chain', 'pipes') }, { weight: 1, arbitrary: fc.constantFrom('Cold-Chain', 'training', '', 'cold-chain ', 'a'.repeat(100), '__proto__', 'x:y') });

export const LEDGER_SPECS: WriteSpec[] = [
  // settings, the budget and rates
  {
    method: 'PUT', path: `${P}/:id/accountability/settings`, as: 'convener', runs: LEDGER,
    target: async (e) => ({ id: (await booksOf(e, 'settings')).id }),
    body: () =>
      fc.record(
        {
          reportingCurrency: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('EUR', 'USD', 'JPY', 'KES', 'BHD') }, { weight: 1, arbitrary: fc.constantFrom('eur', 'XXX', '', 'EURO') }),
          graceDays: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 365 }) }, { weight: 1, arbitrary: fc.constantFrom(-1, 366, 2 ** 31, -(2 ** 53)) }),
          approvalThreshold: fc.oneof(fc.constant(null), fc.constantFrom('0', '5000.00', '1000', '0.001', '12.345', '-1', '1,000.00', '', ...EDGE_AMOUNTS)),
        },
        { requiredKeys: [] },
      ),
  },
  {
    method: 'PUT', path: `${P}/:id/ledger/budget`, as: 'convener', runs: LEDGER,
    target: async (e) => ({ id: (await booksOf(e, 'budget')).id }),
    body: () => {
      const planned = fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...CURRENCY_LIST).chain(([c, x]) => fair(c, x)) }, { weight: 1, arbitrary: moneyIn() }), { maxLength: 3 });
      const activity = fc.record({ id: fc.oneof(fc.constant('fridges'), lineId), name: opt(fc.oneof(fc.constant(null), text(0, 300))), planned }, { requiredKeys: ['id', 'planned'] });
      const line = fc.record({ id: lineId, name: opt(fc.oneof(fc.constant(null), text(0, 300))), planned, activities: opt(fc.array(activity, { maxLength: 3 })) }, { requiredKeys: ['id', 'planned'] });
      // the spent line and activity kept (or not), other lines around them
      const kept = fc.record({ id: fc.constant('cold-chain'), planned: fc.bigInt({ min: 100n, max: 10n ** 9n }).map((m) => [{ amount: majorText(m, 2), currency: 'EUR' }]), activities: fc.constant([{ id: 'fridges', planned: [eur('1.00')] }]) });
      return fc.record({ lines: fc.oneof({ weight: 3, arbitrary: fc.tuple(kept, fc.array(line, { maxLength: 3 })).map(([k, rest]) => [k, ...rest]) }, { weight: 1, arbitrary: fc.array(line, { maxLength: 4 }) }) });
    },
  },
  {
    method: 'POST', path: `${P}/:id/ledger/exchange-rates`, as: 'convener', runs: LEDGER,
    target: async (e) => ({ id: (await booksOf(e, 'rates')).id }),
    body: () => {
      const code = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('EUR', 'USD', 'JPY', 'KES', 'BHD') }, { weight: 1, arbitrary: fc.constantFrom('usd', 'XXX', '', 'EURO') });
      const rate = fc.oneof(
        { weight: 6, arbitrary: fc.oneof(fc.constantFrom('0.9', '1.0861', '150', '0.000001', '1'), fc.nat({ max: 1_000_000 }).map((x) => `${x + 1}.${x % 97}`)) },
        { weight: 2, arbitrary: fc.constantFrom('0', '-1', '1,5', '1e3', '', 'NaN', '1/3', '0.' + '1'.repeat(40), '9'.repeat(30), ' 1.2') },
      );
      return fc.record({ from: code, to: code, on: fc.oneof(fc.constantFrom('2020-01-01', '2025-06-30'), day), rate });
    },
  },

  // commitments
  {
    method: 'POST', path: `${P}/:id/commitments`, as: REPORTERS, runs: LEDGER, idempotency: 'required',
    target: async (e) => {
      const b = await booksOf(e, 'pledges');
      return { id: b.id, pgoal: b.partnershipGoal };
    },
    body: (p, _v, as) => fc.oneof({ weight: 2, arbitrary: goodPledge(p, as) }, { weight: 3, arbitrary: pledgeBody(p, as) }),
  },
  {
    method: 'POST', path: `${P}/:id/commitments/:commitmentId/confirm`, as: 'convener', runs: LEDGER,
    variant: () => pledgeVariant({ pledged: 6, confirmed: 1, partially_delivered: 1, cancelled: 1, withdrawn: 1 }),
    target: async (e, s: PledgeSpec, as) => {
      const b = await booksOf(e, 'confirm pledge');
      return { id: b.id, commitmentId: (await freshPledge(e, b.id, orgOf(e, as, s.own), s)).commitmentId };
    },
    body: () => fc.record({ on: opt(day) }, { requiredKeys: [] }),
  },
  {
    method: 'POST', path: `${P}/:id/commitments/:commitmentId/cancel`, as: 'convener', runs: LEDGER,
    variant: () => pledgeVariant({ pledged: 2, confirmed: 4, partially_delivered: 2, delivered: 1, cancelled: 1, withdrawn: 1 }),
    target: async (e, s: PledgeSpec, as) => {
      const b = await booksOf(e, 'cancel pledge');
      return { id: b.id, commitmentId: (await freshPledge(e, b.id, orgOf(e, as, s.own), s)).commitmentId };
    },
    body: reasonBody,
  },
  {
    method: 'POST', path: `${P}/:id/commitments/:commitmentId/withdraw`, as: REPORTERS, runs: LEDGER,
    variant: () => pledgeVariant({ pledged: 4, confirmed: 2, partially_delivered: 2, delivered: 1, cancelled: 1, withdrawn: 1 }),
    target: async (e, s: PledgeSpec, as) => {
      const b = await booksOf(e, 'withdraw pledge');
      return { id: b.id, commitmentId: (await freshPledge(e, b.id, orgOf(e, as, s.own), s)).commitmentId };
    },
    body: reasonBody,
  },
  {
    method: 'POST', path: `${P}/:id/commitments/:commitmentId/amend`, as: REPORTERS, runs: LEDGER,
    variant: () => pledgeVariant({ pledged: 3, confirmed: 3, partially_delivered: 2, delivered: 1, cancelled: 1 }),
    target: async (e, s: PledgeSpec, as) => {
      const b = await booksOf(e, 'amend pledge');
      return { id: b.id, commitmentId: (await freshPledge(e, b.id, orgOf(e, as, s.own), s)).commitmentId };
    },
    body: () =>
      fc
        // the targets are in euros: other currencies are refused, so they are rarer
        .tuple(termsIn([['EUR', 2], ['EUR', 2], ['EUR', 2], ['USD', 2]]), fc.record({ quantity: opt(fc.oneof(fc.constant(null), quantityIn)), valuationBasis: opt(text(0, 1000)), reason: fc.oneof({ weight: 8, arbitrary: text(1, 2000) }, { weight: 1, arbitrary: fc.constant('') }), on: opt(day) }, { requiredKeys: ['reason'] }), fc.constantFrom('both', 'both', 'valuation', 'tranches', 'neither'))
        // the valuation and tranches changed together (mostly), or one of them alone
        .map(([t, b, which]) => ({ ...b, ...(which === 'both' || which === 'valuation' ? { valuation: t.valuation } : {}), ...(which === 'both' || which === 'tranches' ? { tranches: t.tranches } : {}) })),
  },
  {
    method: 'POST', path: `${P}/:id/commitments/:commitmentId/deliveries`, as: REPORTERS, runs: LEDGER, idempotency: 'required',
    variant: () => pledgeVariant({ confirmed: 5, pledged: 2, partially_delivered: 2, delivered: 1, cancelled: 1, withdrawn: 1 }),
    target: async (e, s: PledgeSpec, as) => {
      const b = await booksOf(e, 'record delivery');
      return { id: b.id, commitmentId: (await freshPledge(e, b.id, orgOf(e, as, s.own), s)).commitmentId };
    },
    body: (_p, s: PledgeSpec) =>
      fc.oneof(
        // a part of what is owed, today, with a link
        { weight: 2, arbitrary: fc.record({ value: fc.constantFrom('10.00', '100.00', '500.00').map(eur), evidence: fc.constant(['https://bank.example/receipt/1']), note: opt(text(0, 200)) }, { requiredKeys: ['value'] }) },
        { weight: 3, arbitrary: deliveryBody(s) },
      ),
  },

  // deliveries
  {
    method: 'POST', path: `${P}/:id/deliveries/:deliveryId/confirm`, as: REPORTERS, runs: LEDGER, idempotency: 'required',
    variant: () => fc.constantFrom<DeliveryState>('recorded', 'recorded', 'recorded', 'confirmed', 'rejected', 'reversed'),
    target: async (e, state: DeliveryState) => {
      const b = await booksOf(e, 'confirm delivery');
      return { id: b.id, deliveryId: await freshDelivery(e, b.id, state) };
    },
    body: () => fc.record({ on: opt(day) }, { requiredKeys: [] }),
  },
  {
    method: 'POST', path: `${P}/:id/deliveries/:deliveryId/reject`, as: REPORTERS, runs: LEDGER,
    variant: () => fc.constantFrom<DeliveryState>('recorded', 'recorded', 'recorded', 'confirmed', 'rejected', 'reversed'),
    target: async (e, state: DeliveryState) => {
      const b = await booksOf(e, 'reject delivery');
      return { id: b.id, deliveryId: await freshDelivery(e, b.id, state) };
    },
    body: reasonBody,
  },
  {
    method: 'POST', path: `${P}/:id/deliveries/:deliveryId/reverse`, as: 'convener', runs: LEDGER, idempotency: 'required',
    variant: () => fc.constantFrom<DeliveryState>('confirmed', 'confirmed', 'confirmed', 'recorded', 'rejected', 'reversed'),
    target: async (e, state: DeliveryState) => {
      const b = await booksOf(e, 'reverse delivery');
      return { id: b.id, deliveryId: await freshDelivery(e, b.id, state) };
    },
    body: reasonBody,
  },

  // the ledger
  {
    method: 'POST', path: `${P}/:id/ledger/expenses`, as: 'convener', runs: LEDGER, idempotency: 'required',
    target: async (e) => {
      const s = await spendingOf(e);
      return { id: s.id, adopted: s.adopted };
    },
    body: (p) =>
      fc.oneof(
        { weight: 2, arbitrary: fc.tuple(goodSpending, fc.record({ description: text(1, 500), counterparty: opt(fc.oneof(fc.constant(null), text(0, 300))) }, { requiredKeys: ['description'] })).map(([a, b]) => ({ ...a, ...b })) },
        {
          weight: 3,
          arbitrary: fc.record(
            {
              date: opt(day), description: fc.oneof({ weight: 8, arbitrary: text(1, 500) }, { weight: 1, arbitrary: fc.constant('  ') }), line: lineId,
              activity: opt(fc.oneof(fc.constant(null), fc.constantFrom('fridges', 'trucks', ''))), amount: moneyIn([['EUR', 2], ['EUR', 2], ['USD', 2], ['KES', 2]]),
              from: opt(fc.oneof({ weight: 4, arbitrary: fc.constant('pool') }, { weight: 2, arbitrary: fc.constantFrom(...IN_KIND) }, { weight: 1, arbitrary: fc.constant('cash') })), quantity: opt(fc.oneof(fc.constant(null), quantityIn)),
              decisionId: opt(fc.oneof(fc.constant(null), fc.constant('{{adopted}}'), fc.constantFrom(...p.decisionIds), uuid)), counterparty: opt(fc.oneof(fc.constant(null), text(0, 300))),
            },
            { requiredKeys: ['description', 'line', 'amount'] },
          ),
        },
      ),
  },
  {
    method: 'POST', path: `${P}/:id/ledger/disbursements`, as: 'convener', runs: LEDGER, idempotency: 'required',
    target: async (e) => {
      const s = await spendingOf(e);
      return { id: s.id, adopted: s.adopted };
    },
    body: (p) =>
      fc.oneof(
        { weight: 2, arbitrary: fc.tuple(goodSpending, fc.record({ description: text(1, 500), recipient: text(1, 300) })).map(([a, b]) => ({ ...a, ...b })) },
        {
          weight: 3,
          arbitrary: fc.record(
            {
              date: opt(day), description: fc.oneof({ weight: 8, arbitrary: text(1, 500) }, { weight: 1, arbitrary: fc.constant('  ') }), line: lineId,
              activity: opt(fc.oneof(fc.constant(null), fc.constantFrom('fridges', 'trucks', ''))), amount: moneyIn([['EUR', 2], ['EUR', 2], ['USD', 2], ['KES', 2]]),
              recipient: fc.oneof({ weight: 8, arbitrary: text(1, 300) }, { weight: 1, arbitrary: fc.constant(' ') }),
              decisionId: opt(fc.oneof(fc.constant(null), fc.constant('{{adopted}}'), fc.constantFrom(...p.decisionIds), uuid)),
            },
            { requiredKeys: ['description', 'line', 'amount', 'recipient'] },
          ),
        },
      ),
  },
  {
    method: 'POST', path: `${P}/:id/ledger/exchanges`, as: 'convener', runs: LEDGER, idempotency: 'required',
    target: async (e) => ({ id: (await booksOf(e, 'exchanges')).id }),
    body: () =>
      fc.oneof(
        { weight: 2, arbitrary: fc.record({ description: opt(text(1, 500)), sold: fairEur(), bought: fair('USD', 2, 10n ** 5n), counterparty: opt(text(0, 300)) }, { requiredKeys: ['sold', 'bought'] }) },
        { weight: 3, arbitrary: fc.record({ date: opt(day), description: opt(fc.oneof(text(1, 500), fc.constant(' '))), sold: moneyIn(), bought: moneyIn(), counterparty: opt(fc.oneof(fc.constant(null), text(0, 300))) }, { requiredKeys: ['sold', 'bought'] }) },
      ),
  },
  {
    method: 'POST', path: `${P}/:id/ledger/transactions/:txId/reverse`, as: 'convener', runs: LEDGER, idempotency: 'required',
    variant: () => fc.constantFrom('expense', 'expense', 'disbursement', 'exchange', 'reversed', 'reversal', 'pledge', 'delivery'),
    target: async (e, kind: string) => {
      const b = await booksOf(e, 'reverse transaction');
      const deps = e.f.t.deps;
      const c = await convener(e);
      const spend = { description: `Fuzz spending ${++n}`, line: 'cold-chain', amount: eur('10.00') };
      let txId: string;
      if (kind === 'expense' || kind === 'reversed' || kind === 'reversal') {
        txId = (await recordExpense(deps, c, b.id, spend)).id;
        if (kind !== 'expense') {
          const rev = await reverseTransaction(deps, c, b.id, txId, { reason: 'Fuzz target' });
          if (kind === 'reversal') txId = rev.id;
        }
      } else if (kind === 'disbursement') txId = (await recordDisbursement(deps, c, b.id, { ...spend, recipient: 'Harbour School' })).id;
      else if (kind === 'exchange') txId = (await recordExchange(deps, c, b.id, { sold: eur('10.00'), bought: { amount: '11.00', currency: 'USD' } })).id;
      else {
        const made = await freshPledge(e, b.id, e.f.w.orgs.convenerOrg, { state: kind === 'delivery' ? 'partially_delivered' : 'pledged', inKind: false, own: true });
        txId = kind === 'delivery' ? ((await getTransactionOfDelivery(e, b.id, made.deliveryId!)) ?? made.transactionId!) : made.transactionId!;
      }
      return { id: b.id, txId };
    },
    body: () => fc.record({ reason: fc.oneof({ weight: 8, arbitrary: text(1, 2000) }, { weight: 1, arbitrary: fc.constantFrom('', '  ') }), date: opt(day) }, { requiredKeys: ['reason'] }),
  },
];

/** The ledger transaction a confirmed delivery posted. */
async function getTransactionOfDelivery(e: Env, id: string, deliveryId: string): Promise<string | null> {
  const page = await listDeliveries(e.f.t.deps, await convener(e), id, { limit: 100 });
  return page.items.find((d) => d.id === deliveryId)?.transactionId ?? null;
}
