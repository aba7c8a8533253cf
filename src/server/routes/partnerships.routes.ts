import type { FastifyInstance } from 'fastify';
import { msg } from '../../domain/kernel/messages';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/context';
import { Ok, Problem } from '../../contracts/common';
import {
  AddMemberBody, AddPersonBody, MemberQuery, PersonQuery, AuditPage, AuditQuery, CreateGoalBody, CreatePartnershipBody, Goal, GoalList, MemberList, PartnershipDetail,
  LiveEvent, PartnershipMember, PartnershipPage, PartnershipPerson, PartnershipQuery, PersonList, TransitionBody, TransitionList, UpdateGoalBody, UpdateMemberBody, UpdatePartnershipBody,
} from '../../contracts/partnerships';
import * as svc from '../../services/partnerships/partnerships';
import { partnershipAudit } from '../../services/audit/audit';
import { reauthenticate, requireUser } from '../plugins/auth';
import { DomainError } from '../../domain/kernel/errors';

const MAX_STREAMS_PER_USER = 10;
import { IdParam, responses } from './shared';

export async function partnershipRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['partnerships'];
  const base = '/api/v1/partnerships';
  // open event streams, ended when the server closes so a graceful shutdown does not wait on them
  const streams = new Set<{ userId: string; end: () => void }>();
  app.addHook('preClose', async () => {
    for (const s of [...streams]) s.end();
  });

  r.get(base, { schema: { tags, summary: 'Partnerships I may see (public ones and mine)', querystring: PartnershipQuery, response: responses(200, PartnershipPage) } }, async (req) => {
    const { mine, ...q } = req.query;
    if (mine === 'true') requireUser(req);
    return svc.listPartnerships(deps, req.actor, { ...q, mine: mine === 'true' });
  });
  r.post(base, { schema: { tags, summary: 'Create a partnership (you become its convener)', body: CreatePartnershipBody, response: responses(201, PartnershipDetail) } }, async (req, reply) => {
    requireUser(req);
    return reply.code(201).send(await svc.createPartnership(deps, req.actor, req.body));
  });
  // the answer is written once per partnership and kind of reader (the route's own serialiser) and then served as is
  r.get(`${base}/:id`, { schema: { tags, summary: 'A partnership overview', params: IdParam, response: responses(200, PartnershipDetail) } }, async (req, reply) =>
    reply.type('application/json; charset=utf-8').send(await svc.getPartnershipAnswer(deps, req.actor, req.params.id, (detail) => reply.serialize(detail) as string)));
  r.patch(`${base}/:id`, { schema: { tags, summary: 'Edit a partnership (conveners)', params: IdParam, body: UpdatePartnershipBody, response: responses(200, PartnershipDetail) } }, async (req) => {
    requireUser(req);
    return svc.updatePartnership(deps, req.actor, req.params.id, req.body);
  });

  r.get(`${base}/:id/transitions`, { schema: { tags, summary: 'The lifecycle timeline', params: IdParam, response: responses(200, TransitionList) } }, async (req) =>
    svc.listTransitions(deps, req.actor, req.params.id));
  r.post(`${base}/:id/transitions`, { schema: { tags, summary: 'Move the partnership to another lifecycle stage (conveners)', params: IdParam, body: TransitionBody, response: responses(200, PartnershipDetail) } }, async (req) => {
    requireUser(req);
    return svc.transitionPartnership(deps, req.actor, req.params.id, req.body);
  });

  const GoalParams = IdParam.extend({ goalId: z.uuid() });
  r.get(`${base}/:id/goals`, { schema: { tags, summary: 'Shared goals', params: IdParam, response: responses(200, GoalList) } }, async (req) => svc.listGoals(deps, req.actor, req.params.id));
  r.post(`${base}/:id/goals`, { schema: { tags, summary: 'Add a shared goal (conveners)', params: IdParam, body: CreateGoalBody, response: responses(201, Goal) } }, async (req, reply) => {
    requireUser(req);
    return reply.code(201).send(await svc.addGoal(deps, req.actor, req.params.id, req.body));
  });
  r.patch(`${base}/:id/goals/:goalId`, { schema: { tags, summary: 'Edit a shared goal (conveners)', params: GoalParams, body: UpdateGoalBody, response: responses(200, Goal) } }, async (req) => {
    requireUser(req);
    return svc.updateGoal(deps, req.actor, req.params.id, req.params.goalId, req.body);
  });
  r.delete(`${base}/:id/goals/:goalId`, { schema: { tags, summary: 'Remove a shared goal (conveners)', params: GoalParams, response: responses(200, Ok) } }, async (req) => {
    requireUser(req);
    await svc.removeGoal(deps, req.actor, req.params.id, req.params.goalId);
    return { ok: true as const };
  });

  r.get(`${base}/:id/members`, { schema: { tags, summary: 'Member organisations, current and past, by name or date joined', params: IdParam, querystring: MemberQuery, response: responses(200, MemberList) } }, async (req) =>
    svc.listMembers(deps, req.actor, req.params.id, req.query));
  r.post(`${base}/:id/members`, { schema: { tags, summary: 'Add a member organisation (conveners)', params: IdParam, body: AddMemberBody, response: responses(201, PartnershipMember) } }, async (req, reply) => {
    requireUser(req);
    return reply.code(201).send(await svc.addMember(deps, req.actor, req.params.id, req.body));
  });
  r.patch(`${base}/:id/members/:memberId`, { schema: { tags, summary: 'Change a member’s role or record that it left (conveners)', params: IdParam.extend({ memberId: z.uuid() }), body: UpdateMemberBody, response: responses(200, PartnershipMember) } }, async (req) => {
    requireUser(req);
    return svc.updateMember(deps, req.actor, req.params.id, req.params.memberId, req.body);
  });

  r.get(`${base}/:id/people`, { schema: { tags, summary: 'People and their roles (participants), by name or since when', params: IdParam, querystring: PersonQuery, response: responses(200, PersonList) } }, async (req) => {
    requireUser(req);
    return svc.listPeople(deps, req.actor, req.params.id, req.query);
  });
  r.post(`${base}/:id/people`, { schema: { tags, summary: 'Give a person a role (conveners)', params: IdParam, body: AddPersonBody, response: responses(201, PartnershipPerson) } }, async (req, reply) => {
    requireUser(req);
    return reply.code(201).send(await svc.addPerson(deps, req.actor, req.params.id, req.body));
  });
  r.delete(`${base}/:id/people/:personId`, { schema: { tags, summary: 'Take a role away (conveners)', params: IdParam.extend({ personId: z.uuid() }), response: responses(200, Ok) } }, async (req) => {
    requireUser(req);
    await svc.removePerson(deps, req.actor, req.params.id, req.params.personId);
    return { ok: true as const };
  });

  r.get(`${base}/:id/audit`, { schema: { tags, summary: 'The audit log, newest first', params: IdParam, querystring: AuditQuery, response: responses(200, AuditPage) } }, async (req) => {
    requireUser(req);
    return partnershipAudit(deps, req.actor, req.params.id, req.query.cursor, req.query.limit);
  });

  const liveStream = {
    description:
      'A server-sent-events stream (`text/event-stream`) that stays open. It starts with `retry: 3000` and a `: connected` comment; ' +
      'each committed change of the partnership the reader may see arrives as `event: change` with `id:` its time and `data:` the JSON below; ' +
      'a `: keep-alive` comment comes every 25 s; when the reader loses access (removed, signed out, token revoked) a last ' +
      '`event: revoked` with `data: {"reason": ...}` ends the stream. A client that reconnects (browsers do after 3 s) is not sent what it missed: it reads the records again.',
    content: { 'text/event-stream': { schema: LiveEvent } },
  };
  r.get(`${base}/:id/events`, {
    schema: {
      tags,
      summary: 'Live events (text/event-stream); the stream ends with a `revoked` event when access is lost',
      params: IdParam,
      response: { 200: liveStream, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 429: Problem } as unknown as Record<number, z.ZodType>,
    },
  }, async (req, reply) => {
    const user = requireUser(req);
    await svc.authoriseEvents(deps, req.actor, req.params.id);
    if ([...streams].filter((s) => s.userId === user.id).length >= MAX_STREAMS_PER_USER) {
      throw new DomainError('rate_limited', msg('auth.too_many_streams', { count: MAX_STREAMS_PER_USER }), [], { retryAfterSeconds: 30 });
    }
    const id = req.params.id;
    const auth = req.auth;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(`retry: 3000\n: connected\n\n`);

    // access is checked again before events are delivered (at most every 2 s) and at every heartbeat:
    // a person removed from the partnership, signed out or whose token was revoked stops receiving
    let checkedAt = Date.now();
    let checking: Promise<boolean> | null = null;
    let open = true;
    const stillAllowed = (): Promise<boolean> => {
      if (Date.now() - checkedAt < 2000) return Promise.resolve(true);
      checking ??= (async () => {
        const actor = await reauthenticate(deps, auth).catch(() => null);
        const ok = actor !== null && (await svc.authoriseEvents(deps, actor, id).then(() => true, () => false));
        checkedAt = Date.now();
        checking = null;
        return ok;
      })();
      return checking;
    };
    const revoke = () => {
      if (!open) return;
      res.write(`event: revoked\ndata: {"reason":"access to this partnership has ended"}\n\n`);
      stream.end();
    };
    let queue = Promise.resolve();
    const unsubscribe = deps.database.bus.subscribe((e) => {
      if (e.partnershipId !== id) return;
      queue = queue.then(async () => {
        if (!open) return;
        // a change to who takes part forces the check now
        if (e.type.startsWith('person.') || e.type === 'partnership.updated') checkedAt = 0;
        if (!(await stillAllowed())) return revoke();
        if (open) res.write(`id: ${e.at}\nevent: change\ndata: ${JSON.stringify(e)}\n\n`);
      });
    });
    const heartbeat = setInterval(() => {
      checkedAt = 0;
      void stillAllowed().then((ok) => (ok ? open && res.write(`: keep-alive\n\n`) : revoke()));
    }, 25_000);
    const stream = {
      userId: user.id,
      end: () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(stream);
        res.end();
      },
    };
    streams.add(stream);
    req.raw.on('close', () => stream.end());
  });
}
