import type { FastifyInstance, FastifyRequest } from 'fastify';
import { msg } from '../../domain/kernel/messages';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/context';
import {
  AmendBody, BalancesReport, BudgetBody, BudgetReport, CommitmentDetail, CommitmentEndBody, CommitmentPage, CommitmentQuery, CommitmentTransitionBody, DeliveryConfirmBody, DeliveryOut,
  DeliveryPage, DeliveryQuery, DeliveryReasonBody, DisbursementBody, ExchangeBody, ExpenseBody, FinanceSummary, PledgeBody, PledgesReport, RateBody, RatePage, RateQuery, RateRecord,
  RecordDeliveryBody, ReportQuery, ReverseBody, Settings, SettingsBody, TransactionOut, TransactionPage, TransactionQuery,
} from '../../contracts/ledger';
import * as commitments from '../../services/accountability/commitments';
import * as ledger from '../../services/accountability/ledger';
import { financeSummary } from '../../services/accountability/finance';
import { loadFor } from '../../services/partnerships/partnerships';
import { DomainError, issue } from '../../domain/kernel/errors';
import { requireUser } from '../plugins/auth';
import { IdParam, responses } from './shared';

/**
 * Every write that moves money must carry an Idempotency-Key, so a retried request applies once (the
 * idempotency plugin, which runs before this, stores and replays the answer). Anonymous callers are left
 * to the handler's 401.
 */
async function requireIdempotencyKey(req: FastifyRequest) {
  if (req.actor.kind !== 'user') return;
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || key.trim() === '') {
    throw new DomainError('invalid_request', msg('idempotency.money_needs_key'), [issue('Idempotency-Key', msg('idempotency.header_required'), 'required')]);
  }
}

/** Commitments, deliveries and the ledger of a partnership (participants read; see each route for writes). */
export async function ledgerRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/partnerships/:id';
  const CommitmentParams = IdParam.extend({ commitmentId: z.uuid() });
  const DeliveryParams = IdParam.extend({ deliveryId: z.uuid() });
  const TxParams = IdParam.extend({ txId: z.uuid() });
  const money = { preHandler: requireIdempotencyKey };

  // ---- settings ---------------------------------------------------------------------------------
  {
    const tags = ['ledger'];
    r.get(`${base}/accountability/settings`, { schema: { tags, summary: 'Reporting currency, grace days and the spending approval rule (participants)', params: IdParam, response: responses(200, Settings) } }, async (req) => {
      requireUser(req);
      return ledger.getSettings(deps, req.actor, req.params.id);
    });
    r.put(`${base}/accountability/settings`, { schema: { tags, summary: 'Change the accountability settings (conveners)', params: IdParam, body: SettingsBody, response: responses(200, Settings) } }, async (req) => {
      requireUser(req);
      return ledger.updateSettings(deps, req.actor, req.params.id, req.body);
    });
  }

  // ---- commitments ------------------------------------------------------------------------------
  {
    const tags = ['commitments'];
    const C = `${base}/commitments`;
    r.get(C, { schema: { tags, summary: 'Commitments (pledges), newest first, with their progress (participants)', params: IdParam, querystring: CommitmentQuery, response: responses(200, CommitmentPage) } }, async (req) => {
      requireUser(req);
      return commitments.listCommitments(deps, req.actor, req.params.id, req.query);
    });
    r.post(C, { ...money, schema: { tags, summary: 'Pledge resources (conveners for any member; representatives for their own organisation). Needs Idempotency-Key', params: IdParam, body: PledgeBody, response: responses(201, CommitmentDetail) } }, async (req, reply) => {
      requireUser(req);
      return reply.code(201).send(await commitments.pledge(deps, req.actor, req.params.id, req.body));
    });
    r.get(`${C}/:commitmentId`, { schema: { tags, summary: 'A commitment with its deliveries, tranches, history, amendments and transactions', params: CommitmentParams, response: responses(200, CommitmentDetail) } }, async (req) => {
      requireUser(req);
      return commitments.getCommitment(deps, req.actor, req.params.id, req.params.commitmentId);
    });
    r.post(`${C}/:commitmentId/confirm`, { schema: { tags, summary: 'Confirm a pledge (conveners)', params: CommitmentParams, body: CommitmentTransitionBody, response: responses(200, CommitmentDetail) } }, async (req) => {
      requireUser(req);
      return commitments.confirmCommitment(deps, req.actor, req.params.id, req.params.commitmentId, req.body);
    });
    r.post(`${C}/:commitmentId/cancel`, { schema: { tags, summary: 'Cancel a commitment with a reason, releasing what was not delivered (conveners)', params: CommitmentParams, body: CommitmentEndBody, response: responses(200, CommitmentDetail) } }, async (req) => {
      requireUser(req);
      return commitments.cancelCommitment(deps, req.actor, req.params.id, req.params.commitmentId, req.body);
    });
    r.post(`${C}/:commitmentId/withdraw`, { schema: { tags, summary: 'Withdraw a commitment with a reason (its organisation’s representative, or a convener)', params: CommitmentParams, body: CommitmentEndBody, response: responses(200, CommitmentDetail) } }, async (req) => {
      requireUser(req);
      return commitments.withdrawCommitment(deps, req.actor, req.params.id, req.params.commitmentId, req.body);
    });
    r.post(`${C}/:commitmentId/amend`, { schema: { tags, summary: 'Amend valuation, quantity, basis or schedule with a reason (its organisation’s representative, or a convener)', params: CommitmentParams, body: AmendBody, response: responses(200, CommitmentDetail) } }, async (req) => {
      requireUser(req);
      return commitments.amendCommitment(deps, req.actor, req.params.id, req.params.commitmentId, req.body);
    });
    r.get(`${C}/:commitmentId/deliveries`, { schema: { tags, summary: 'The deliveries of a commitment, newest first', params: CommitmentParams, querystring: DeliveryQuery.omit({ commitmentId: true }), response: responses(200, DeliveryPage) } }, async (req) => {
      requireUser(req);
      return commitments.listDeliveries(deps, req.actor, req.params.id, { ...req.query, commitmentId: req.params.commitmentId });
    });
    r.post(`${C}/:commitmentId/deliveries`, { ...money, schema: { tags, summary: 'Record a delivery (its organisation’s representative, or a convener). Needs Idempotency-Key', params: CommitmentParams, body: RecordDeliveryBody, response: responses(201, DeliveryOut) } }, async (req, reply) => {
      requireUser(req);
      return reply.code(201).send(await commitments.recordDelivery(deps, req.actor, req.params.id, req.params.commitmentId, req.body));
    });
  }

  // ---- deliveries -------------------------------------------------------------------------------
  {
    const tags = ['commitments'];
    const D = `${base}/deliveries`;
    r.get(D, { schema: { tags, summary: 'Every delivery of the partnership, newest first (participants)', params: IdParam, querystring: DeliveryQuery, response: responses(200, DeliveryPage) } }, async (req) => {
      requireUser(req);
      return commitments.listDeliveries(deps, req.actor, req.params.id, req.query);
    });
    r.post(`${D}/:deliveryId/confirm`, { ...money, schema: { tags, summary: 'Confirm a delivery: posts it to the ledger (a convener, or the receiving organisation’s representative). Needs Idempotency-Key', params: DeliveryParams, body: DeliveryConfirmBody, response: responses(200, DeliveryOut) } }, async (req) => {
      requireUser(req);
      return commitments.confirmDelivery(deps, req.actor, req.params.id, req.params.deliveryId, req.body);
    });
    r.post(`${D}/:deliveryId/reject`, { schema: { tags, summary: 'Reject a recorded delivery with a reason (as confirm)', params: DeliveryParams, body: DeliveryReasonBody, response: responses(200, DeliveryOut) } }, async (req) => {
      requireUser(req);
      return commitments.rejectDelivery(deps, req.actor, req.params.id, req.params.deliveryId, req.body);
    });
    r.post(`${D}/:deliveryId/reverse`, { ...money, schema: { tags, summary: 'Reverse a confirmed delivery with a reason (conveners). Needs Idempotency-Key', params: DeliveryParams, body: DeliveryReasonBody, response: responses(200, DeliveryOut) } }, async (req) => {
      requireUser(req);
      return commitments.reverseDelivery(deps, req.actor, req.params.id, req.params.deliveryId, req.body);
    });
  }

  // ---- the ledger -------------------------------------------------------------------------------
  {
    const tags = ['ledger'];
    const L = `${base}/ledger`;
    r.get(`${L}/transactions`, { schema: { tags, summary: 'Ledger transactions, newest first; filter by account prefix, type and dates (participants)', params: IdParam, querystring: TransactionQuery, response: responses(200, TransactionPage) } }, async (req) => {
      requireUser(req);
      return ledger.listTransactions(deps, req.actor, req.params.id, req.query);
    });
    r.get(`${L}/transactions/:txId`, { schema: { tags, summary: 'One transaction with its entries', params: TxParams, response: responses(200, TransactionOut) } }, async (req) => {
      requireUser(req);
      return ledger.getTransaction(deps, req.actor, req.params.id, req.params.txId);
    });
    r.post(`${L}/transactions/:txId/reverse`, { ...money, schema: { tags, summary: 'Reverse an expense, disbursement or exchange, once (conveners). Needs Idempotency-Key', params: TxParams, body: ReverseBody, response: responses(201, TransactionOut) } }, async (req, reply) => {
      requireUser(req);
      return reply.code(201).send(await ledger.reverseTransaction(deps, req.actor, req.params.id, req.params.txId, req.body));
    });
    r.post(`${L}/expenses`, { ...money, schema: { tags, summary: 'Record an expense charged to a budget line (conveners; a passed decision at or above the approval threshold). Needs Idempotency-Key', params: IdParam, body: ExpenseBody, response: responses(201, TransactionOut) } }, async (req, reply) => {
      requireUser(req);
      return reply.code(201).send(await ledger.recordExpense(deps, req.actor, req.params.id, req.body));
    });
    r.post(`${L}/disbursements`, { ...money, schema: { tags, summary: 'Record money paid out to a recipient under a budget line (conveners; approval rule as expenses). Needs Idempotency-Key', params: IdParam, body: DisbursementBody, response: responses(201, TransactionOut) } }, async (req, reply) => {
      requireUser(req);
      return reply.code(201).send(await ledger.recordDisbursement(deps, req.actor, req.params.id, req.body));
    });
    r.post(`${L}/exchanges`, { ...money, schema: { tags, summary: 'Record an exchange of currencies in the pool (conveners). Needs Idempotency-Key', params: IdParam, body: ExchangeBody, response: responses(201, TransactionOut) } }, async (req, reply) => {
      requireUser(req);
      return reply.code(201).send(await ledger.recordExchange(deps, req.actor, req.params.id, req.body));
    });
    r.get(`${L}/balances`, { schema: { tags, summary: 'Balances per account and currency (?currency=reporting adds them in the reporting currency)', params: IdParam, querystring: ReportQuery, response: responses(200, BalancesReport) } }, async (req) => {
      requireUser(req);
      return ledger.balancesReport(deps, req.actor, req.params.id, req.query);
    });
    r.get(`${L}/pledges`, { schema: { tags, summary: 'Pledged versus delivered per partner and kind (?currency=reporting adds the reporting currency)', params: IdParam, querystring: ReportQuery, response: responses(200, PledgesReport) } }, async (req) => {
      requireUser(req);
      return ledger.pledgesReport(deps, req.actor, req.params.id, req.query);
    });
    r.get(`${L}/budget`, { schema: { tags, summary: 'The budget and budget versus actual per line and activity (?currency=reporting adds the reporting currency)', params: IdParam, querystring: ReportQuery, response: responses(200, BudgetReport) } }, async (req) => {
      requireUser(req);
      return ledger.getBudget(deps, req.actor, req.params.id, req.query);
    });
    r.put(`${L}/budget`, { schema: { tags, summary: 'Replace the budget lines (conveners); lines with spending stay', params: IdParam, body: BudgetBody, response: responses(200, BudgetReport) } }, async (req) => {
      requireUser(req);
      return ledger.replaceBudget(deps, req.actor, req.params.id, req.body);
    });
    r.get(`${L}/exchange-rates`, { schema: { tags, summary: 'Exchange rates as entered, newest first', params: IdParam, querystring: RateQuery, response: responses(200, RatePage) } }, async (req) => {
      requireUser(req);
      return ledger.listExchangeRates(deps, req.actor, req.params.id, req.query);
    });
    r.post(`${L}/exchange-rates`, { schema: { tags, summary: 'Enter an exchange rate with its date (conveners); never fetched', params: IdParam, body: RateBody, response: responses(201, RateRecord) } }, async (req, reply) => {
      requireUser(req);
      return reply.code(201).send(await ledger.addExchangeRate(deps, req.actor, req.params.id, req.body));
    });
    r.get(`${L}/summary`, { schema: { tags, summary: 'The dashboard figures: balances and pledged versus delivered, also in the reporting currency, from the running balances', params: IdParam, response: responses(200, FinanceSummary) } }, async (req) => {
      requireUser(req);
      await loadFor(deps.database.db, req.actor, req.params.id, 'partnership.resources.read');
      return financeSummary(deps.database.db, req.params.id, deps.clock().slice(0, 10));
    });
  }
}
