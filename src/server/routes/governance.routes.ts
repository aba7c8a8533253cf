import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/context';
import {
  AdoptCharterBody, BallotBody, BallotList, BallotQuery, BallotParams, BallotReceipt, CharterVersion, CharterVersionList, CheckCharterBody, CheckCharterResult, Comment, CommentBody,
  CommentPage, DecisionDetail, DecisionPage, DecisionParams, DecisionQuery, ProposeBody, ProxyBody, ProxyParams, RecusalBody, RevoteBody, SecondBody, TemplateList, UpdateDecisionBody, WithdrawBody,
} from '../../contracts/governance';
import { PageQuery } from '../../contracts/common';
import * as charters from '../../services/governance/charters';
import * as decisions from '../../services/governance/decisions';
import * as power from '../../services/governance/charter-power';
import { CharterPower, CharterPowerBody, CharterPowerQuery } from '../../contracts/governance';
import { requireUser } from '../plugins/auth';
import { IdParam, responses } from './shared';

export async function governanceRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['governance'];
  const base = '/api/v1/partnerships/:id';

  // ---- charters ----
  r.get('/api/v1/charter-templates', { schema: { tags, summary: 'Charter templates shipped with Accord', response: responses(200, TemplateList) } }, async () => charters.listTemplates());
  r.post('/api/v1/charter-check', { schema: { tags, summary: 'Check a charter and list every problem with its path (nothing is stored)', body: CheckCharterBody, response: responses(200, CheckCharterResult) } }, async (req) =>
    charters.checkCharterDocument(req.body.charter));
  r.post('/api/v1/charter-power', {
    schema: { tags, summary: 'Voting power of a draft charter under one rule: Banzhaf and Shapley-Shubik per seat and per top-level group, vetoes, dummies (nothing is stored)', body: CharterPowerBody, response: responses(200, CharterPower) },
  }, async (req) => power.draftCharterPower(req.body));
  r.get(`${base}/charter/power`, {
    schema: { tags, summary: 'Voting power under one rule of the charter in force (or a version of it)', params: IdParam, querystring: CharterPowerQuery, response: responses(200, CharterPower) },
  }, async (req) => power.partnershipCharterPower(deps, req.actor, req.params.id, req.query));
  r.get(`${base}/charter`, { schema: { tags, summary: 'The charter in force', params: IdParam, response: responses(200, CharterVersion) } }, async (req) => charters.getCharter(deps, req.actor, req.params.id));
  r.put(`${base}/charter`, { schema: { tags, summary: 'Adopt the first charter (conveners); later changes go through an amendment decision', params: IdParam, body: AdoptCharterBody, response: responses(201, CharterVersion) } }, async (req, reply) => {
    requireUser(req);
    return reply.code(201).send(await charters.adoptCharter(deps, req.actor, req.params.id, req.body));
  });
  r.get(`${base}/charter/versions`, { schema: { tags, summary: 'Every version of the charter, newest first', params: IdParam, response: responses(200, CharterVersionList) } }, async (req) =>
    charters.listCharterVersions(deps, req.actor, req.params.id));
  r.get(`${base}/charter/versions/:version`, { schema: { tags, summary: 'One version of the charter', params: IdParam.extend({ version: z.coerce.number().int().min(1) }), response: responses(200, CharterVersion) } }, async (req) =>
    charters.getCharter(deps, req.actor, req.params.id, req.params.version));
  r.patch(`${base}/charter/seats/:seatId`, {
    schema: {
      tags,
      summary: 'Name who holds a seat (conveners): a new version with the same rules',
      params: IdParam.extend({ seatId: z.string().min(1).max(200) }),
      body: z.object({ organisation: z.string().max(200).nullable().optional(), person: z.string().max(200).nullable().optional(), alternate: z.string().max(200).nullable().optional() }),
      response: responses(200, CharterVersion),
    },
  }, async (req) => {
    requireUser(req);
    return charters.changeSeatHolder(deps, req.actor, req.params.id, req.params.seatId, req.body);
  });

  // ---- decisions ----
  const D = `${base}/decisions`;
  r.get(D, { schema: { tags, summary: 'Decisions and polls, newest first', params: IdParam, querystring: DecisionQuery, response: responses(200, DecisionPage) } }, async (req) => {
    requireUser(req);
    return decisions.listDecisions(deps, req.actor, req.params.id, req.query);
  });
  r.post(D, { schema: { tags, summary: 'Propose a motion (under a decision type of the charter) or open a poll', params: IdParam, body: ProposeBody, response: responses(201, DecisionDetail) } }, async (req, reply) => {
    requireUser(req);
    return reply.code(201).send(await decisions.propose(deps, req.actor, req.params.id, req.body));
  });
  r.get(`${D}/:decisionId`, { schema: { tags, summary: 'A decision: text, roll, my seats, tally where visible, outcome explained', params: DecisionParams, response: responses(200, DecisionDetail) } }, async (req) => {
    requireUser(req);
    return decisions.getDecision(deps, req.actor, req.params.id, req.params.decisionId);
  });
  r.patch(`${D}/:decisionId`, { schema: { tags, summary: 'Add the outcome statement and review date (conveners, after close)', params: DecisionParams, body: UpdateDecisionBody, response: responses(200, DecisionDetail) } }, async (req) => {
    requireUser(req);
    return decisions.recordOutcome(deps, req.actor, req.params.id, req.params.decisionId, req.body);
  });
  r.post(`${D}/:decisionId/seconds`, { schema: { tags, summary: 'Second a motion from one of your seats', params: DecisionParams, body: SecondBody, response: responses(200, DecisionDetail) } }, async (req) => {
    requireUser(req);
    return decisions.second(deps, req.actor, req.params.id, req.params.decisionId, req.body);
  });
  r.post(`${D}/:decisionId/withdraw`, { schema: { tags, summary: 'Withdraw a decision (its proposer or a convener)', params: DecisionParams, body: WithdrawBody, response: responses(200, DecisionDetail) } }, async (req) => {
    requireUser(req);
    return decisions.withdraw(deps, req.actor, req.params.id, req.params.decisionId, req.body);
  });
  r.post(`${D}/:decisionId/close`, { schema: { tags, summary: 'Close voting and count (conveners; early only where the charter allows)', params: DecisionParams, response: responses(200, DecisionDetail) } }, async (req) => {
    requireUser(req);
    return decisions.closeDecision(deps, req.actor, req.params.id, req.params.decisionId);
  });
  r.post(`${D}/:decisionId/revote`, { schema: { tags, summary: 'Put a referred matter to the vote again at the next stage of its procedure (conveners)', params: DecisionParams, body: RevoteBody, response: responses(201, DecisionDetail) } }, async (req, reply) => {
    requireUser(req);
    return reply.code(201).send(await decisions.revote(deps, req.actor, req.params.id, req.params.decisionId, req.body));
  });
  r.put(`${D}/:decisionId/ballots/:seatId`, { schema: { tags, summary: 'Cast or change the ballot of a seat (polls: seat "me")', params: BallotParams, body: BallotBody, response: responses(200, BallotReceipt) } }, async (req) => {
    requireUser(req);
    return decisions.castBallot(deps, req.actor, req.params.id, req.params.decisionId, req.params.seatId, req.body);
  });
  r.get(`${D}/:decisionId/ballots`, { schema: { tags, summary: 'Who voted how, with the history (named decisions once results are visible); who took part (anonymous ones); by seat, paginated', params: DecisionParams, querystring: BallotQuery, response: responses(200, BallotList) } }, async (req) => {
    requireUser(req);
    return decisions.listBallots(deps, req.actor, req.params.id, req.params.decisionId, req.query);
  });
  r.post(`${D}/:decisionId/recusals`, { schema: { tags, summary: 'Declare a conflict of interest: the seat leaves the base', params: DecisionParams, body: RecusalBody, response: responses(200, DecisionDetail) } }, async (req) => {
    requireUser(req);
    return decisions.recuse(deps, req.actor, req.params.id, req.params.decisionId, req.body);
  });
  r.post(`${D}/:decisionId/proxies`, { schema: { tags, summary: 'Hand a seat’s vote to another person (within the charter’s caps)', params: DecisionParams, body: ProxyBody, response: responses(200, DecisionDetail) } }, async (req) => {
    requireUser(req);
    return decisions.grantProxy(deps, req.actor, req.params.id, req.params.decisionId, req.body);
  });
  r.delete(`${D}/:decisionId/proxies/:seat`, {
    schema: {
      tags,
      summary: 'Withdraw the proxy of a seat (its holder or a convener), while voting is open and before the proxy holder has voted for it (409 after: that ballot stands)',
      params: ProxyParams,
      response: responses(200, DecisionDetail),
    },
  }, async (req) => {
    requireUser(req);
    return decisions.withdrawProxy(deps, req.actor, req.params.id, req.params.decisionId, req.params.seat);
  });
  r.get(`${D}/:decisionId/comments`, { schema: { tags, summary: 'Deliberation, oldest first', params: DecisionParams, querystring: PageQuery, response: responses(200, CommentPage) } }, async (req) => {
    requireUser(req);
    return decisions.listComments(deps, req.actor, req.params.id, req.params.decisionId, req.query);
  });
  r.post(`${D}/:decisionId/comments`, { schema: { tags, summary: 'Add to the deliberation', params: DecisionParams, body: CommentBody, response: responses(201, Comment) } }, async (req, reply) => {
    requireUser(req);
    return reply.code(201).send(await decisions.addComment(deps, req.actor, req.params.id, req.params.decisionId, req.body));
  });
}
