import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../services/context';
import { Dashboard, OverdueBoard, OverdueQuery, ScorecardsReport } from '../../contracts/accountability';
import * as svc from '../../services/accountability/accountability';
import { requireUser } from '../plugins/auth';
import { IdParam, responses } from './shared';

/** Mutual accountability of a partnership: scorecards, the overdue board, the dashboard (participants). */
export async function accountabilityRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accountability'];
  const base = '/api/v1/partnerships/:id/accountability';

  r.get(`${base}/scorecards`, { schema: { tags, summary: 'Each partner’s scorecard: pledged against delivered, on-time deliveries and reports, overdue items, traffic lights', params: IdParam, response: responses(200, ScorecardsReport) } }, async (req) => {
    requireUser(req);
    return svc.partnerScorecards(deps, req.actor, req.params.id);
  });
  r.get(`${base}/overdue`, { schema: { tags, summary: 'The overdue board: deliveries and reports due soon or late, the most urgent first', params: IdParam, querystring: OverdueQuery, response: responses(200, OverdueBoard) } }, async (req) => {
    requireUser(req);
    return svc.overdueItems(deps, req.actor, req.params.id, req.query);
  });
  r.get(`${base}/dashboard`, { schema: { tags, summary: 'Balances, pledged versus delivered by partner, indicator progress and open risks, at a glance', params: IdParam, response: responses(200, Dashboard) } }, async (req) => {
    requireUser(req);
    return svc.accountabilityDashboard(deps, req.actor, req.params.id);
  });
}
