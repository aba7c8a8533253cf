import { z } from 'zod';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installation: the directory holding package.json, standards/ and dist/web. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting Accord reads, with its default. `.env.example` lists the same. */
export const ConfigSchema = z.object({
  ACCORD_HOST: z.string().default('127.0.0.1'),
  ACCORD_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ACCORD_DATABASE_URL: z
    .string()
    .default('sqlite:./data/accord.db')
    // a mistyped scheme (postgress://, mysql://) must not quietly become a new SQLite file of that name
    .refine((v) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^(postgres(ql)?|sqlite):\/\//i.test(v), 'Use postgres://USER@HOST:PORT/DB, sqlite:PATH or a file path'),
  ACCORD_PUBLIC_URL: z.string().url().optional(),
  ACCORD_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ACCORD_SECURE_COOKIES: bool.optional(),
  ACCORD_SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  ACCORD_INVITATION_DAYS: z.coerce.number().int().min(1).max(30).default(7),
  ACCORD_SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  ACCORD_SIGNIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  ACCORD_SMTP_URL: z.string().optional(),
  ACCORD_MAIL_FROM: z.string().default('Accord <no-reply@accord.localhost>'),
  ACCORD_TRUST_PROXY: bool.default(false),
  ACCORD_WEB_DIR: z.string().default('dist/web'),
  ACCORD_STANDARDS_DIR: z.string().default('standards'),
});

export interface Config {
  host: string;
  port: number;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  publicUrl: string;
  logLevel: z.infer<typeof ConfigSchema>['ACCORD_LOG_LEVEL'];
  secureCookies: boolean;
  sessionTtlHours: number;
  /** How long an invitation's link to choose a password works (a reset link works for an hour). */
  invitationDays: number;
  signIn: { maxFailures: number; windowMinutes: number };
  mail: { smtpUrl: string | null; from: string };
  trustProxy: boolean;
  webDir: string;
  standardsDir: string;
}

/** Parses the database setting: `postgres://...`, `sqlite:PATH`, `:memory:` or a bare file path. */
export function parseDatabaseUrl(url: string): Config['database'] {
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  if (url === ':memory:' || url === 'sqlite::memory:') return { kind: 'sqlite', file: ':memory:' };
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  return { kind: 'sqlite', file: path.resolve(file) };
}

/** A setting that cannot be used: the message names each bad variable. */
export class ConfigError extends Error {}

/** Reads the configuration once at start-up; throws a readable error naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = e.ACCORD_PUBLIC_URL ?? `http://localhost:${e.ACCORD_PORT}`;
  return {
    host: e.ACCORD_HOST,
    port: e.ACCORD_PORT,
    database: parseDatabaseUrl(e.ACCORD_DATABASE_URL),
    publicUrl,
    logLevel: e.ACCORD_LOG_LEVEL,
    secureCookies: e.ACCORD_SECURE_COOKIES ?? publicUrl.startsWith('https:'),
    sessionTtlHours: e.ACCORD_SESSION_TTL_HOURS,
    invitationDays: e.ACCORD_INVITATION_DAYS,
    signIn: { maxFailures: e.ACCORD_SIGNIN_MAX_FAILURES, windowMinutes: e.ACCORD_SIGNIN_WINDOW_MINUTES },
    mail: { smtpUrl: e.ACCORD_SMTP_URL ?? null, from: e.ACCORD_MAIL_FROM },
    trustProxy: e.ACCORD_TRUST_PROXY,
    // relative paths are the installation's (where package.json is), whatever directory Accord is started from
    webDir: path.resolve(ROOT, e.ACCORD_WEB_DIR),
    standardsDir: path.resolve(ROOT, e.ACCORD_STANDARDS_DIR),
    ...overrides,
  };
}
