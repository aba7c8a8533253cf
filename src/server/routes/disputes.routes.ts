import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/context';
import {
  DisputeDetail, DisputePage, DisputeQuery, DisputeStats, EscalateDisputeBody, RaiseDisputeBody, ResolveDisputeBody, WithdrawDisputeBody,
} from '../../contracts/disputes';
import * as svc from '../../services/disputes/disputes';
import { requireUser } from '../plugins/auth';
import { IdParam, responses } from './shared';

/** The dispute register of a partnership (conveners and representatives read and raise; conveners manage). */
export async function disputeRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['disputes'];
  const base = '/api/v1/partnerships/:id';
  const DisputeParams = IdParam.extend({ disputeId: z.uuid() });

  r.get(`${base}/disputes`, { schema: { tags, summary: 'The dispute register, newest first (conveners and representatives)', params: IdParam, querystring: DisputeQuery, response: responses(200, DisputePage) } }, async (req) => {
    requireUser(req);
    return svc.listDisputes(deps, req.actor, req.params.id, req.query);
  });
  r.post(`${base}/disputes`, { schema: { tags, summary: 'Raise a dispute between member organisations (conveners; representatives for their own organisation)', params: IdParam, body: RaiseDisputeBody, response: responses(201, DisputeDetail) } }, async (req, reply) => {
    requireUser(req);
    return reply.code(201).send(await svc.raiseDispute(deps, req.actor, req.params.id, req.body));
  });
  r.get(`${base}/disputes-summary`, { schema: { tags, summary: 'The register in figures: counts by status, open overdue, days to resolution', params: IdParam, response: responses(200, DisputeStats) } }, async (req) => {
    requireUser(req);
    return svc.disputeStats(deps, req.actor, req.params.id);
  });
  r.get(`${base}/disputes/:disputeId`, { schema: { tags, summary: 'A dispute with its parties, steps and the escalation ladder', params: DisputeParams, response: responses(200, DisputeDetail) } }, async (req) => {
    requireUser(req);
    return svc.getDispute(deps, req.actor, req.params.id, req.params.disputeId);
  });
  r.post(`${base}/disputes/:disputeId/escalate`, { schema: { tags, summary: 'Escalate to the next step of the ladder, recording how the current one ended (conveners)', params: DisputeParams, body: EscalateDisputeBody, response: responses(200, DisputeDetail) } }, async (req) => {
    requireUser(req);
    return svc.escalateDispute(deps, req.actor, req.params.id, req.params.disputeId, req.body);
  });
  r.post(`${base}/disputes/:disputeId/resolve`, { schema: { tags, summary: 'Record how the dispute was resolved (conveners)', params: DisputeParams, body: ResolveDisputeBody, response: responses(200, DisputeDetail) } }, async (req) => {
    requireUser(req);
    return svc.resolveDispute(deps, req.actor, req.params.id, req.params.disputeId, req.body);
  });
  r.post(`${base}/disputes/:disputeId/withdraw`, { schema: { tags, summary: 'Withdraw the dispute (conveners)', params: DisputeParams, body: WithdrawDisputeBody, response: responses(200, DisputeDetail) } }, async (req) => {
    requireUser(req);
    return svc.withdrawDispute(deps, req.actor, req.params.id, req.params.disputeId, req.body);
  });
}
