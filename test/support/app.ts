import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config/config';
import { composeDeps } from '../../src/server/compose';
import { buildApp } from '../../src/server/app';
import { createDatabase } from '../../src/store/database';
import type { Deps, Mailer } from '../../src/services/context';
import { freshDatabase, type TestDialect } from './databases';

export interface SentMail { to: string; subject: string; text: string }

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  mail: SentMail[];
  close: () => Promise<void>;
}

const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The real app on a fresh database of the dialect, with mail captured in `mail`. */
export async function makeTestApp(dialect: TestDialect = 'sqlite', overrides: Partial<Config> = {}, depsOverrides: Partial<Deps> = {}, appOptions: { strictResponses?: boolean } = {}): Promise<TestApp> {
  const fresh = await freshDatabase(dialect);
  const config: Config = { ...loadConfig({ ACCORD_LOG_LEVEL: 'silent' }), database: fresh.config, ...overrides };
  const mail: SentMail[] = [];
  const mailer: Mailer = { send: async (m) => void mail.push(m) };
  const deps = await composeDeps(config, { mailer, log: quietLog, ...depsOverrides }, createDatabase(fresh.config));
  const app = await buildApp(deps, { logger: false, serveWeb: false, strictResponses: appOptions.strictResponses ?? true });
  await app.ready();
  return {
    app,
    deps,
    mail,
    close: async () => {
      await app.close();
      await deps.database.close();
      await fresh.drop();
    },
  };
}

/** A signed-in client: cookie + CSRF token, with helpers that send both. */
export interface Session { cookie: string; csrf: string; userId: string }

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : String(setCookie);
  const body = res.json();
  return { cookie: raw.split(';')[0], csrf: body.csrfToken, userId: body.user.id };
}

/** Headers for a request as this session (cookie, CSRF for writes). */
export const as = (s: Session | null, write = false): Record<string, string> =>
  s ? { cookie: s.cookie, ...(write ? { 'x-csrf-token': s.csrf } : {}) } : {};
