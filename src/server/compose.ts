import nodemailer from 'nodemailer';
import type { Config } from '../config/config';
import type { Deps, Logger, Mailer } from '../services/context';
import { createDatabase, migrate, type Database } from '../store/database';
import { loadCodelists } from '../standards/codelists';
import { systemClock, uuidv7 } from '../services/runtime';
import { ReadCache } from '../services/read-cache';

/** SMTP when configured; otherwise each e-mail is written to the log, so a laptop install still works. */
export function createMailer(config: Config, log: Logger): Mailer {
  if (config.mail.smtpUrl) {
    const transport = nodemailer.createTransport(config.mail.smtpUrl);
    return { send: async (m) => void (await transport.sendMail({ from: config.mail.from, ...m })) };
  }
  return {
    logsOnly: true,
    send: async (m) => log.info({ mail: { to: m.to, subject: m.subject, text: m.text } }, 'e-mail (no SMTP configured: ACCORD_SMTP_URL is empty)'),
  };
}

export const consoleLogger: Logger = {
  info: (o, m) => console.log(m ?? '', typeof o === 'string' ? o : JSON.stringify(o)),
  warn: (o, m) => console.warn(m ?? '', typeof o === 'string' ? o : JSON.stringify(o)),
  error: (o, m) => console.error(m ?? '', typeof o === 'string' ? o : JSON.stringify(o)),
};

/** Opens the database, migrates it and wires every dependency the use cases need. */
export async function composeDeps(config: Config, overrides: Partial<Deps> = {}, database?: Database): Promise<Deps> {
  const db = database ?? createDatabase(config.database);
  await migrate(db);
  const log = overrides.log ?? consoleLogger;
  return {
    database: db,
    cache: new ReadCache(),
    config,
    codelists: loadCodelists(config.standardsDir),
    clock: systemClock,
    newId: () => uuidv7(),
    mailer: overrides.mailer ?? createMailer(config, log),
    log,
    ...overrides,
  };
}
