import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/context';
import { Ok } from '../../contracts/common';
import { AddOrganisationMemberBody, CreateOrganisationBody, Organisation, OrganisationMember, OrganisationMemberList, OrganisationPage, OrganisationQuery, UpdateOrganisationBody } from '../../contracts/organisations';
import * as svc from '../../services/organisations/organisations';
import { requireUser } from '../plugins/auth';
import { IdParam, responses } from './shared';

export async function organisationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisations'];

  // the answer is written once per page and kind of reader (the route's own serialiser) and then served as is
  r.get('/api/v1/organisations', { schema: { tags, summary: 'Search the organisations registry', querystring: OrganisationQuery, response: responses(200, OrganisationPage) } }, async (req, reply) =>
    reply.type('application/json; charset=utf-8').send(await svc.searchOrganisationsAnswer(deps, req.actor, req.query, (page) => reply.serialize(page) as string)));
  r.post('/api/v1/organisations', { schema: { tags, summary: 'Register an organisation (you become its admin)', body: CreateOrganisationBody, response: responses(201, Organisation) } }, async (req, reply) => {
    requireUser(req);
    return reply.code(201).send(await svc.createOrganisation(deps, req.actor, req.body));
  });
  r.get('/api/v1/organisations/:id', { schema: { tags, summary: 'One organisation', params: IdParam, response: responses(200, Organisation) } }, async (req) =>
    svc.getOrganisation(deps, req.actor, req.params.id));
  r.patch('/api/v1/organisations/:id', { schema: { tags, summary: 'Edit an organisation (its admins)', params: IdParam, body: UpdateOrganisationBody, response: responses(200, Organisation) } }, async (req) => {
    requireUser(req);
    return svc.updateOrganisation(deps, req.actor, req.params.id, req.body);
  });
  r.get('/api/v1/organisations/:id/members', { schema: { tags, summary: 'The people of an organisation (its people)', params: IdParam, response: responses(200, OrganisationMemberList) } }, async (req) => {
    requireUser(req);
    return svc.listOrganisationPeople(deps, req.actor, req.params.id);
  });
  r.post('/api/v1/organisations/:id/members', { schema: { tags, summary: 'Add a person to an organisation or change their role', params: IdParam, body: AddOrganisationMemberBody, response: responses(201, OrganisationMember) } }, async (req, reply) => {
    requireUser(req);
    return reply.code(201).send(await svc.addOrganisationPerson(deps, req.actor, req.params.id, req.body));
  });
  r.delete('/api/v1/organisations/:id/members/:userId', { schema: { tags, summary: 'Remove a person from an organisation', params: IdParam.extend({ userId: z.uuid() }), response: responses(200, Ok) } }, async (req) => {
    requireUser(req);
    await svc.removeOrganisationPerson(deps, req.actor, req.params.id, req.params.userId);
    return { ok: true as const };
  });
}
