import fs from 'node:fs';
import { msg } from '../domain/kernel/messages';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { createResponseSerializer } from './plugins/serializer';
import type { Deps } from '../services/context';
import { registerProblemHandler, sendProblem } from './plugins/problems';
import { registerAuth } from './plugins/auth';
import { registerIdempotency } from './plugins/idempotency';
import { registerTextGuard } from './plugins/text-guard';
import { authRoutes } from './routes/auth.routes';
import { organisationRoutes } from './routes/organisations.routes';
import { partnershipRoutes } from './routes/partnerships.routes';
import { referenceRoutes } from './routes/reference.routes';
import { governanceRoutes } from './routes/governance.routes';
import { disputeRoutes } from './routes/disputes.routes';
import { ledgerRoutes } from './routes/ledger.routes';
import { riskRoutes } from './routes/risks.routes';
import { resultsRoutes } from './routes/results.routes';
import { notificationRoutes } from './routes/notifications.routes';
import { importRoutes } from './routes/imports.routes';
import { auditRoutes } from './routes/audit.routes';
import { accountabilityRoutes } from './routes/accountability.routes';

/** `/a?token=x&q=y` -> `/a?token=[redacted]&q=y`: values of secret-looking keys are hidden. */
export function redactQuery(url: string): string {
  const i = url.indexOf('?');
  if (i < 0) return url;
  const params = url.slice(i + 1).split('&').map((kv) => {
    const [k] = kv.split('=');
    return /token|password|secret|key|code/i.test(k) ? `${k}=[redacted]` : kv;
  });
  return `${url.slice(0, i)}?${params.join('&')}`;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs a task after the current answer is sent; errors are the task's to handle. */
    runAfterResponse(task: () => Promise<unknown>): void;
    /** Resolves when every task started with runAfterResponse has finished. */
    settle(): Promise<void>;
  }
}

export interface AppOptions {
  /** Pino logger settings; false for silence (tests). */
  logger?: boolean | object;
  /** Serve the built web app from config.webDir (default: when it exists). */
  serveWeb?: boolean;
  /** Check every response against its zod contract (tests); otherwise fast-json-stringify from the same contract. */
  strictResponses?: boolean;
}

/** Builds the Fastify app: API, OpenAPI, docs and the web app. Nothing listens until `listen`. */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.token'], censor: '[redacted]' },
            // query strings can carry secrets (a reset link opened with ?token=): log their keys, not values
            serializers: {
              req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: redactQuery(req.url), remoteAddress: req.ip }),
            },
            ...(typeof options.logger === 'object' ? options.logger : {}),
          },
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createResponseSerializer(options.strictResponses ?? false));
  registerProblemHandler(app);
  // work finished after the answer (e-mails): tracked so shutdown and tests can wait for it
  const pending = new Set<Promise<unknown>>();
  app.decorate('runAfterResponse', (task: () => Promise<unknown>) => {
    const p = new Promise((r) => setImmediate(r)).then(task).finally(() => pending.delete(p));
    pending.add(p);
  });
  app.decorate('settle', async () => {
    while (pending.size) await Promise.allSettled([...pending]);
  });
  app.addHook('onClose', async () => {
    while (pending.size) await Promise.allSettled([...pending]);
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Accord API', version: '1', description: 'The API of Accord, the platform for cross-sector partnerships. Authenticate with the session cookie (web app; mutations need the x-csrf-token header) or a personal API token sent as `Authorization: Bearer <token>`. Errors are RFC 9457 problem documents with a stable `code`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'accord_session' } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // listen for other app nodes' events before serving, so no committed change is missed
  await deps.database.bus.start();
  // other nodes' committed changes drop this node's stale cached reads
  const stopInvalidating = deps.database.bus.subscribe((e) => deps.cache.invalidate([e]));
  app.addHook('onClose', async () => stopInvalidating());
  registerAuth(app, deps);
  registerTextGuard(app);
  registerIdempotency(app, deps);

  await referenceRoutes(app, deps);
  await authRoutes(app, deps);
  await organisationRoutes(app, deps);
  await partnershipRoutes(app, deps);
  await governanceRoutes(app, deps);
  await disputeRoutes(app, deps);
  await ledgerRoutes(app, deps);
  await riskRoutes(app, deps);
  await resultsRoutes(app, deps);
  await notificationRoutes(app, deps);
  await importRoutes(app, deps);
  await accountabilityRoutes(app, deps);
  await auditRoutes(app, deps);

  const webDir = deps.config.webDir;
  const index = path.join(webDir, 'index.html');
  const html = options.serveWeb !== false && fs.existsSync(index) ? fs.readFileSync(index, 'utf8') : null;
  if (html) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: false,
      index: false,
      maxAge: '1h',
      immutable: false,
      // the build's chunks carry a hash of their content in their names: a browser keeps them until a release renames them
      setHeaders: (res, file) => {
        if (/[\\/]assets[\\/][^\\/]+-[\w-]{8}\.(js|css)$/.test(file)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
    app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html));
  }
  // the SPA's routes: any GET (or HEAD) that is not the API and not a file answers with index.html
  app.setNotFoundHandler((req, reply) => {
    if (html && (req.method === 'GET' || req.method === 'HEAD') && !req.url.startsWith('/api/')) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    return sendProblem(reply, req, 404, 'not_found', msg('errors.no_route', { method: req.method, path: req.url.split('?')[0] }));
  });
  return app;
}
