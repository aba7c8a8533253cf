import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../services/context';
import { AuditPage, AuditQuery } from '../../contracts/partnerships';
import { platformAudit } from '../../services/audit/audit';
import { requireUser } from '../plugins/auth';
import { responses } from './shared';

export async function auditRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/audit', { schema: { tags: ['audit'], summary: 'The platform audit log (accounts, tokens, organisations), newest first (platform admins)', querystring: AuditQuery, response: responses(200, AuditPage) } }, async (req) => {
    requireUser(req);
    return platformAudit(deps, req.actor, req.query.cursor, req.query.limit);
  });
}
