import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/context';
import {
  AddRiskActionBody, CreateRiskBody, RecordRiskReviewBody, RiskChangePage, RiskDetail, RiskHeatMap, RiskHeatMapQuery, RiskHistoryQuery, RiskOverdue, RiskPage, RiskQuery,
  TransitionRiskBody, UpdateRiskActionBody, UpdateRiskBody,
} from '../../contracts/risks';
import type { RiskStatus } from '../../domain/accountability/risks';
import * as svc from '../../services/accountability/risks';
import { requireUser } from '../plugins/auth';
import { IdParam, responses } from './shared';

/**
 * The shared risk register of a partnership: participants read it; conveners manage every risk and
 * representatives the risks their organisation owns or bears a share of (see services/accountability/risks.ts).
 */
export async function riskRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['risks'];
  const base = '/api/v1/partnerships/:id';
  const RiskParams = IdParam.extend({ riskId: z.uuid() });
  const ActionParams = RiskParams.extend({ actionId: z.uuid() });

  r.get(`${base}/risks`, { schema: { tags, summary: 'The risk register: filter by status, category, band or owner; sort by number or score', params: IdParam, querystring: RiskQuery, response: responses(200, RiskPage) } }, async (req) => {
    requireUser(req);
    return svc.listRisks(deps, req.actor, req.params.id, req.query);
  });
  r.post(`${base}/risks`, { schema: { tags, summary: 'Register a risk (conveners; representatives for a risk their organisation owns or bears a share of)', params: IdParam, body: CreateRiskBody, response: responses(201, RiskDetail) } }, async (req, reply) => {
    requireUser(req);
    return reply.code(201).send(await svc.createRisk(deps, req.actor, req.params.id, req.body));
  });
  r.get(`${base}/risks-heatmap`, { schema: { tags, summary: 'The 5x5 heat map: risks counted per likelihood and impact, with the risks in each cell', params: IdParam, querystring: RiskHeatMapQuery, response: responses(200, RiskHeatMap) } }, async (req) => {
    requireUser(req);
    return svc.riskHeatMap(deps, req.actor, req.params.id, req.query.status?.split(',') as RiskStatus[] | undefined);
  });
  r.get(`${base}/risks-overdue`, { schema: { tags, summary: 'Mitigation actions and reviews of live risks that are late, most overdue first', params: IdParam, response: responses(200, RiskOverdue) } }, async (req) => {
    requireUser(req);
    return svc.overdueRisks(deps, req.actor, req.params.id);
  });
  r.get(`${base}/risks/:riskId`, { schema: { tags, summary: 'A risk with its shares, actions, reviews, links and what the caller may do', params: RiskParams, response: responses(200, RiskDetail) } }, async (req) => {
    requireUser(req);
    return svc.getRisk(deps, req.actor, req.params.id, req.params.riskId);
  });
  r.patch(`${base}/risks/:riskId`, { schema: { tags, summary: 'Edit a risk, naming the version edited (409 when it changed meanwhile)', params: RiskParams, body: UpdateRiskBody, response: responses(200, RiskDetail) } }, async (req) => {
    requireUser(req);
    return svc.updateRisk(deps, req.actor, req.params.id, req.params.riskId, req.body);
  });
  r.get(`${base}/risks/:riskId/history`, { schema: { tags, summary: 'Every version of a risk: who changed what and when, newest first', params: RiskParams, querystring: RiskHistoryQuery, response: responses(200, RiskChangePage) } }, async (req) => {
    requireUser(req);
    return svc.riskHistory(deps, req.actor, req.params.id, req.params.riskId, req.query);
  });
  r.post(`${base}/risks/:riskId/transition`, { schema: { tags, summary: 'Move a risk to another status, with a reason', params: RiskParams, body: TransitionRiskBody, response: responses(200, RiskDetail) } }, async (req) => {
    requireUser(req);
    return svc.transitionRisk(deps, req.actor, req.params.id, req.params.riskId, req.body);
  });
  r.post(`${base}/risks/:riskId/actions`, { schema: { tags, summary: 'Add a mitigation action with its owner and due date', params: RiskParams, body: AddRiskActionBody, response: responses(201, RiskDetail) } }, async (req, reply) => {
    requireUser(req);
    return reply.code(201).send(await svc.addRiskAction(deps, req.actor, req.params.id, req.params.riskId, req.body));
  });
  r.patch(`${base}/risks/:riskId/actions/:actionId`, { schema: { tags, summary: 'Edit, complete or reopen a mitigation action (also the representatives of its owner)', params: ActionParams, body: UpdateRiskActionBody, response: responses(200, RiskDetail) } }, async (req) => {
    requireUser(req);
    return svc.updateRiskAction(deps, req.actor, req.params.id, req.params.riskId, req.params.actionId, req.body);
  });
  r.post(`${base}/risks/:riskId/reviews`, { schema: { tags, summary: 'Record a review: new likelihood and impact, a note and the next review', params: RiskParams, body: RecordRiskReviewBody, response: responses(201, RiskDetail) } }, async (req, reply) => {
    requireUser(req);
    return reply.code(201).send(await svc.recordRiskReview(deps, req.actor, req.params.id, req.params.riskId, req.body));
  });
}
