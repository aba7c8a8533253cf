import type { FastifyInstance } from 'fastify';
import { msg } from '../../domain/kernel/messages';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ping } from '../../store/database';
import { sendProblem } from '../plugins/problems';
import type { Deps } from '../../services/context';
import { Health, ReferenceData } from '../../contracts/reference';
import { Problem } from '../../contracts/common';

export async function referenceRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const data = {
    organisationTypes: deps.codelists.organisationTypes,
    countries: deps.codelists.countries,
    sdgGoals: deps.codelists.sdgGoals,
    sdgTargets: deps.codelists.sdgTargets,
  };
  r.get('/api/v1/reference', { schema: { tags: ['reference'], summary: 'Code lists for forms: IATI organisation types, countries, SDG goals and targets', response: { 200: ReferenceData } } }, async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return data;
  });
  r.get('/api/health', { schema: { tags: ['health'], summary: 'ok only when the database answers', response: { 200: Health, 503: Problem } } }, async (req, reply) => {
    if (await ping(deps.database)) return { status: 'ok' as const, database: deps.database.dialect };
    req.log.error('health check failed: the database does not answer');
    return sendProblem(reply, req, 503, 'unavailable', msg('errors.database_unavailable'));
  });
}
