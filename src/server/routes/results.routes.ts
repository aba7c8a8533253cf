import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/context';
import {
  CalendarQuery, Contribution, ContributionBody, Contributions, CreateIndicatorBody, CreateResultBody, CreateSubmissionBody, IndicatorDetail, ReportingCalendar,
  ResultNodeDetail, ResultsQuery, ResultsTree, SetWeightsBody, SubmissionActionBody, SubmissionDetail, SubmissionPage, SubmissionQuery, UpdateIndicatorBody,
  UpdateResultBody, UpdateSubmissionBody,
} from '../../contracts/results';
import { Ok } from '../../contracts/common';
import * as results from '../../services/accountability/results';
import * as indicators from '../../services/accountability/indicators';
import { requireUser } from '../plugins/auth';
import { IdParam, responses } from './shared';

/**
 * The results framework of a partnership: the tree and its progress, indicators, the partners' submissions and
 * their review, the reporting calendar and the contribution links (participants read; conveners manage and
 * review; representatives and conveners report for their own organisation).
 */
export async function resultsRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['results'];
  const base = '/api/v1/partnerships/:id';
  const NodeParams = IdParam.extend({ nodeId: z.uuid() });
  const IndicatorParams = IdParam.extend({ indicatorId: z.uuid() });
  const SubmissionParams = IdParam.extend({ submissionId: z.uuid() });
  const LinkParams = IdParam.extend({ nodeId: z.uuid(), commitmentId: z.uuid() });

  // the tree
  r.get(`${base}/results`, { schema: { tags, summary: 'The results tree with progress rolled up, and every indicator\u2019s progress (participants)', params: IdParam, querystring: ResultsQuery, response: responses(200, ResultsTree) } }, async (req) => {
    requireUser(req);
    return results.getResultsTree(deps, req.actor, req.params.id, req.query);
  });
  r.post(`${base}/results`, { schema: { tags, summary: 'Add a goal, outcome or output (conveners)', params: IdParam, body: CreateResultBody, response: responses(201, ResultNodeDetail) } }, async (req, reply) => {
    requireUser(req);
    return reply.code(201).send(await results.createResult(deps, req.actor, req.params.id, req.body));
  });
  r.put(`${base}/results-weights`, { schema: { tags, summary: 'Set the weights of several results and indicators at once (conveners)', params: IdParam, body: SetWeightsBody, response: responses(200, ResultsTree) } }, async (req) => {
    requireUser(req);
    return results.setWeights(deps, req.actor, req.params.id, req.body);
  });
  r.patch(`${base}/results/:nodeId`, { schema: { tags, summary: 'Change a result (conveners); the tree is checked as a whole', params: NodeParams, body: UpdateResultBody, response: responses(200, ResultNodeDetail) } }, async (req) => {
    requireUser(req);
    return results.updateResult(deps, req.actor, req.params.id, req.params.nodeId, req.body);
  });
  r.delete(`${base}/results/:nodeId`, { schema: { tags, summary: 'Remove a result with nothing under it (conveners)', params: NodeParams, response: responses(200, Ok) } }, async (req) => {
    requireUser(req);
    await results.removeResult(deps, req.actor, req.params.id, req.params.nodeId);
    return { ok: true as const };
  });

  // indicators
  r.post(`${base}/indicators`, { schema: { tags, summary: 'Define an indicator under a result (conveners)', params: IdParam, body: CreateIndicatorBody, response: responses(201, IndicatorDetail) } }, async (req, reply) => {
    requireUser(req);
    return reply.code(201).send(await indicators.createIndicator(deps, req.actor, req.params.id, req.body));
  });
  r.get(`${base}/indicators/:indicatorId`, { schema: { tags, summary: 'An indicator with its progress and series: target against actual per period, disaggregated (participants)', params: IndicatorParams, response: responses(200, IndicatorDetail) } }, async (req) => {
    requireUser(req);
    return indicators.getIndicator(deps, req.actor, req.params.id, req.params.indicatorId);
  });
  r.patch(`${base}/indicators/:indicatorId`, { schema: { tags, summary: 'Change an indicator (conveners); its meaning is fixed once values were reported', params: IndicatorParams, body: UpdateIndicatorBody, response: responses(200, IndicatorDetail) } }, async (req) => {
    requireUser(req);
    return indicators.updateIndicator(deps, req.actor, req.params.id, req.params.indicatorId, req.body);
  });
  r.delete(`${base}/indicators/:indicatorId`, { schema: { tags, summary: 'Remove an indicator nothing was reported on (conveners)', params: IndicatorParams, response: responses(200, Ok) } }, async (req) => {
    requireUser(req);
    await indicators.removeIndicator(deps, req.actor, req.params.id, req.params.indicatorId);
    return { ok: true as const };
  });

  // submissions
  r.post(`${base}/indicators/:indicatorId/submissions`, { schema: { tags, summary: 'Save a draft of a responsible partner\u2019s values for a period (for an organisation you speak for)', params: IndicatorParams, body: CreateSubmissionBody, response: responses(201, SubmissionDetail) } }, async (req, reply) => {
    requireUser(req);
    return reply.code(201).send(await indicators.createSubmission(deps, req.actor, req.params.id, req.params.indicatorId, req.body));
  });
  r.get(`${base}/indicator-submissions`, { schema: { tags, summary: 'Submissions, newest first, by status, partner, period or indicator: the review queue (participants)', params: IdParam, querystring: SubmissionQuery, response: responses(200, SubmissionPage) } }, async (req) => {
    requireUser(req);
    return indicators.listSubmissions(deps, req.actor, req.params.id, req.query);
  });
  r.get(`${base}/indicator-submissions/:submissionId`, { schema: { tags, summary: 'A submission with its breakdown and history (participants)', params: SubmissionParams, response: responses(200, SubmissionDetail) } }, async (req) => {
    requireUser(req);
    return indicators.getSubmission(deps, req.actor, req.params.id, req.params.submissionId);
  });
  r.patch(`${base}/indicator-submissions/:submissionId`, { schema: { tags, summary: 'Change the values of a draft or returned submission (its partner\u2019s people; approved ones are locked)', params: SubmissionParams, body: UpdateSubmissionBody, response: responses(200, SubmissionDetail) } }, async (req) => {
    requireUser(req);
    return indicators.updateSubmission(deps, req.actor, req.params.id, req.params.submissionId, req.body);
  });
  r.post(`${base}/indicator-submissions/:submissionId/submit`, { schema: { tags, summary: 'Submit the values for review (its partner\u2019s people)', params: SubmissionParams, body: SubmissionActionBody, response: responses(200, SubmissionDetail) } }, async (req) => {
    requireUser(req);
    return indicators.submitSubmission(deps, req.actor, req.params.id, req.params.submissionId, req.body);
  });
  r.post(`${base}/indicator-submissions/:submissionId/return`, { schema: { tags, summary: 'Return the values with what to correct (conveners)', params: SubmissionParams, body: SubmissionActionBody, response: responses(200, SubmissionDetail) } }, async (req) => {
    requireUser(req);
    return indicators.reviewSubmission(deps, req.actor, req.params.id, req.params.submissionId, 'return', req.body);
  });
  r.post(`${base}/indicator-submissions/:submissionId/approve`, { schema: { tags, summary: 'Approve the values, locking them for good (conveners)', params: SubmissionParams, body: SubmissionActionBody, response: responses(200, SubmissionDetail) } }, async (req) => {
    requireUser(req);
    return indicators.reviewSubmission(deps, req.actor, req.params.id, req.params.submissionId, 'approve', req.body);
  });
  r.get(`${base}/reporting-calendar`, { schema: { tags, summary: 'Reporting periods x responsible partners, with where each report stands today (participants)', params: IdParam, querystring: CalendarQuery, response: responses(200, ReportingCalendar) } }, async (req) => {
    requireUser(req);
    return indicators.reportingCalendar(deps, req.actor, req.params.id, req.query);
  });

  // contributions
  r.get(`${base}/result-contributions`, { schema: { tags, summary: 'Which commitments feed which results, and what each partner contributed to (participants)', params: IdParam, response: responses(200, Contributions) } }, async (req) => {
    requireUser(req);
    return results.getContributions(deps, req.actor, req.params.id);
  });
  r.post(`${base}/result-contributions`, { schema: { tags, summary: 'Link a commitment to a result it feeds (conveners)', params: IdParam, body: ContributionBody, response: responses(201, Contribution) } }, async (req, reply) => {
    requireUser(req);
    return reply.code(201).send(await results.addContribution(deps, req.actor, req.params.id, req.body));
  });
  r.delete(`${base}/result-contributions/:nodeId/:commitmentId`, { schema: { tags, summary: 'Remove a contribution link (conveners)', params: LinkParams, response: responses(200, Ok) } }, async (req) => {
    requireUser(req);
    await results.removeContribution(deps, req.actor, req.params.id, req.params.nodeId, req.params.commitmentId);
    return { ok: true as const };
  });
}
