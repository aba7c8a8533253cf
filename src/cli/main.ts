#!/usr/bin/env node
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config/config';
import { DomainError } from '../domain/kernel/errors';
import { parse as parseYaml } from 'yaml';
import type { Charter } from '../domain/governance/charter';
import type { Ballot } from '../domain/governance/count';
import type { CharterPowerResult, PowerMethod } from '../services/governance/power-analysis';
import type { Deps } from '../services/context';
// Each command imports what it uses when it runs: `accord --help`, a usage error or an offline charter check does
// not load the server, the store and the demo (seconds of start-up through tsx).

const HELP: Record<string, string> = {
  main: `accord — the platform for cross-sector partnerships

Usage: accord <command> [options]

Commands:
  serve [--demo-if-empty]      Serve the web app and API (ACCORD_HOST, ACCORD_PORT)
  migrate                      Bring the database schema up to date
  demo load                    Load the demo partnerships into an empty database
  user create --email E --name N [--admin] (--password-stdin | --invite)
                               Create an account; the password is read from standard input
  audit verify [--partnership ID]
                               Check every audit hash chain and name the first broken link
  backup FILE                  Copy the embedded database to FILE while it runs
  charter check FILE           Validate a charter (JSON or YAML) and print every problem with its path
  charter power FILE [--rule R] [--stage S] [--method auto|exact|estimate] [--format json|text]
                               The voting power of each seat and chamber under one rule (Banzhaf, Shapley-Shubik)
  decide CHARTER BALLOTS [--decision-type T] [--format json|text]
                               Compute a decision's outcome offline, exactly, with its explanation

Every command takes --help. Configuration comes from ACCORD_* environment variables (see .env.example).`,
  serve: `accord serve [--demo-if-empty]

Migrates, then serves the web app and the API on ACCORD_HOST:ACCORD_PORT (default 127.0.0.1:3000).
  --demo-if-empty   load the demo dataset when the database holds no account yet
Ctrl-C stops gracefully: requests in flight finish and the database closes cleanly.`,
  migrate: `accord migrate\n\nApplies pending migrations to the database named by ACCORD_DATABASE_URL and lists them.`,
  demo: `accord demo load\n\nLoads the demo partnerships, organisations and people into an EMPTY database (refuses otherwise).`,
  user: `accord user create --email E --name N [--admin] [--locale en|fr|es] (--password-stdin | --invite)

Creates an account. The password (at least 10 characters) is read from standard input, never from the
command line, so it does not end up in the shell history:
  printf '%s' 'a long passphrase' | accord user create --email ana@example.org --name "Ana Lima" --password-stdin
With --invite instead, the account gets no password: an e-mail in its language (--locale, default en) carries a
one-time link to choose one, valid for 7 days or ACCORD_INVITATION_DAYS (without SMTP settings the e-mail is
written to the log).`,
  audit: `accord audit verify [--partnership ID]

Recomputes every audit event's SHA-256 hash and its link to the event before it, chain by chain.
Exits 0 when every chain is intact; exits 1 and names the first broken link otherwise.`,
  charter: `accord charter check FILE
accord charter power FILE [--rule R] [--stage S] [--method auto|exact|estimate] [--format json|text]

check: reads a charter (JSON, or YAML for .yaml/.yml files; the language is in docs/domain/charter.md) and
prints every error and warning with its path, e.g. "groups.0.share: shares of sibling groups must add up to 1".
Exits 0 when there is no error (warnings allowed), 1 when there are errors.

power: the a-priori voting power of every voting seat under one rule (full attendance, yes/no votes): the
normalised Banzhaf and Shapley-Shubik indices, exactly, against the nominal share the charter gives; the sums per
top-level group (chamber); veto players, dummies and a dictator (docs/domain/charter.md, "Voting power").
  --rule R      a decision type (its rule and body) or a rule name; default the first decision type
  --stage S     a stage of a staged rule; default the last (the fallback vote)
  --method M    auto (default: exact where it fits, else a seeded Monte Carlo estimate with its margin),
                exact (never estimate) or estimate
  --format F    text (a table, default) or json (the shape of GET /api/v1/partnerships/:id/charter/power)
Exits 0 with an analysis, 1 when the charter or the rule cannot be analysed.`,
  decide: `accord decide CHARTER_FILE BALLOTS_FILE [--decision-type T] [--format json|text]

Computes the outcome of one decision from a charter and a ballots file (docs/domain/charter.md), through the
same code the server uses. --decision-type picks one of the charter's decision types, which names the rule and
the body whose seats vote (optional when it has only one).
JSON output: outcome, grade, stage and conditions[] with label, passed, the exact numbers and an explanation.
Exits 0 with any outcome (adopted, rejected, no_quorum, referred), 1 when the input is invalid.`,
  backup: `accord backup FILE

SQLite: an online backup of the embedded database to FILE (safe while the server runs).
PostgreSQL: use pg_dump, e.g.  pg_dump --format=custom --file=accord.dump "$ACCORD_DATABASE_URL"`,
};

class UsageError extends Error {}

/** Reads a JSON or YAML file, or explains why it cannot. */
function readDataFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    return /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${file} is not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(err as Error).message}`);
  }
}

/** Reads a charter file: it must hold one mapping (a JSON object). */
function readCharter(file: string): Charter {
  const c = readDataFile(file);
  if (typeof c !== 'object' || c === null || Array.isArray(c)) throw new UsageError(`${file}: a charter is a mapping with groups, seats and rules (see docs/domain/charter.md)`);
  return c as Charter;
}

/** Runs a domain function on input read from a file; a malformed shape becomes a clear error, not a stack trace. */
function shapeSafe<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof DomainError || err instanceof UsageError) throw err;
    throw new DomainError('validation_failed', `The file does not have the expected shape (${(err as Error).message}); see docs/domain/charter.md`);
  }
}

function fail(message: string, code = 2): never {
  process.stderr.write(`accord: ${message}\n`);
  process.exit(code);
}

function progress(label: string) {
  const tty = process.stderr.isTTY;
  let last = 0;
  return (done: number, total?: number) => {
    const now = Date.now();
    if (now - last < 100 && total !== undefined && done < total) return;
    last = now;
    const text = total ? `${label}: ${done}/${total} (${Math.round((done / total) * 100)}%)` : `${label}: ${done}`;
    if (tty) process.stderr.write(`\r${text}   `);
    else if (total === undefined || done === total) process.stderr.write(`${text}\n`);
  };
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('--password-stdin reads the password from standard input; pipe it in');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Opens the database and the services for one command, and closes them however the command ends. */
async function withDeps<T>(config: Config, run: (deps: Deps) => Promise<T>): Promise<T> {
  const { composeDeps } = await import('../server/compose');
  const deps = await composeDeps(config);
  try {
    return await run(deps);
  } finally {
    await deps.database.close();
  }
}

async function serve(config: Config, demoIfEmpty: boolean) {
  const [{ composeDeps }, { buildApp }, { startJobs }, { isEmpty }, { loadDemo, DEMO_PASSWORD, DEMO_SIGN_INS }] = await Promise.all([
    import('../server/compose'), import('../server/app'), import('../server/jobs'), import('../store/database'), import('../../demo/load'),
  ]);
  const deps = await composeDeps(config);
  if (demoIfEmpty && (await isEmpty(deps.database))) {
    const report = progress('Loading the demo');
    await loadDemo(deps, report);
    process.stderr.write('\n');
  }
  // readable logs in a terminal; JSON lines (for log collectors) otherwise
  const pretty = process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname', singleLine: true } } } : {};
  const app = await buildApp(deps, { logger: pretty });
  const stopJobs = startJobs(deps, app.log);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: finishing requests in flight, then closing the database`);
    stopJobs();
    await app.close();
    await deps.database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  const url = config.publicUrl;
  const where = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL';
  const demoUsers = await deps.database.db.selectFrom('users').select('email').where('email', 'in', DEMO_SIGN_INS.map((d) => d.email)).execute();
  const lines = [
    '',
    `  Accord is running at ${url}`,
    `  API reference:        ${url}/api/docs`,
    `  Database:             ${where}`,
  ];
  if (demoUsers.length) {
    lines.push('', `  Sign in with a demo account (password: ${DEMO_PASSWORD}):`);
    for (const d of DEMO_SIGN_INS) lines.push(`    ${d.email.padEnd(40)} ${d.role}`);
  } else {
    lines.push('', '  Create an account:  printf %s "passphrase" | npx accord user create --email you@example.org --name "Your Name" --admin --password-stdin');
  }
  lines.push('', '  Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n') + '\n');
}

/** `accord charter power FILE`: the voting power under one rule, as a table or as the API's JSON. */
async function charterPower(args: string[]): Promise<number> {
  const { computeCharterPower, OFFLINE_LIMITS } = await import('../services/governance/power-analysis');
  const { positionals, values } = parseArgs({
    args,
    options: { rule: { type: 'string' }, stage: { type: 'string' }, method: { type: 'string', default: 'auto' }, format: { type: 'string', default: 'text' } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError('usage: accord charter power FILE [--rule R] [--stage S] [--method auto|exact|estimate] [--format json|text]');
  if (values.format !== 'json' && values.format !== 'text') throw new UsageError('--format is json or text');
  if (!['auto', 'exact', 'estimate'].includes(values.method as string)) throw new UsageError('--method is auto, exact or estimate');
  const charter = readCharter(positionals[0]);
  const r = computeCharterPower(charter, { rule: values.rule, stage: values.stage, method: values.method as PowerMethod }, OFFLINE_LIMITS);
  process.stdout.write(values.format === 'json' ? JSON.stringify(r, null, 2) + '\n' : powerTable(r));
  return 0;
}

/** The analysis as a readable table: seats, then chambers, then vetoes, dummies, the method and the notes. */
function powerTable(r: CharterPowerResult): string {
  const pct = (f: { value: number } | null) => (f === null ? '-' : `${(f.value * 100).toFixed(1)}%`);
  const fig = (f: { display: string; value: number; halfWidth: number | null }) => (f.halfWidth === null ? `${pct(f)}` : `${pct(f)} ±${(f.halfWidth * 100).toFixed(1)}`);
  const table = (head: string[], rows: string[][]) => {
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
    return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
  };
  const out: string[] = [];
  out.push(
    `Voting power under ${r.decisionType ? `decision type "${r.decisionType}" (rule "${r.rule}")` : `rule "${r.rule}"`}${r.stage ? `, stage "${r.stage}"` : ''}${r.body ? `, body "${r.body}"` : ''}`,
    r.method === 'exact' ? 'Method: exact (fractions in --format json)' : `Method: ESTIMATED by Monte Carlo (${r.margin?.samples} samples, 95% margins shown as ±; ${r.margin?.estimated.join(' and ')})`,
    '',
    table(
      ['Seat', 'Group', 'Nominal', 'Banzhaf', 'Shapley-Shubik', 'Flags'],
      r.seats.map((s) => [s.name ?? s.seat, s.group ?? '-', pct(s.nominalShare), fig(s.banzhaf), fig(s.shapleyShubik), [s.veto ? 'veto' : '', s.dummy ? 'dummy' : '', r.dictator === s.seat ? 'dictator' : ''].filter(Boolean).join(' ')]),
    ),
    '',
    table(
      ['Chamber (top-level group)', 'Seats', 'Nominal', 'Banzhaf', 'Shapley-Shubik', 'Can block alone'],
      r.groups.map((g) => [g.name ?? g.group ?? '(no group)', String(g.seats), pct(g.nominalShare), fig(g.banzhaf), fig(g.shapleyShubik), g.blocVeto ? 'yes' : 'no']),
    ),
    '',
    `Veto players: ${r.vetoPlayers.length ? r.vetoPlayers.join(', ') : 'none'}`,
    `Dummies (no power): ${r.dummies.length ? r.dummies.join(', ') : 'none'}`,
    `Dictator: ${r.dictator ?? 'none'}`,
    '',
    'Notes:',
    ...r.notes.map((n) => `  - ${n}`),
  );
  return out.join('\n') + '\n';
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP.main + '\n');
    return command ? 0 : 2;
  }
  const wantsHelp = rest.includes('--help') || rest.includes('-h');
  if (wantsHelp) {
    if (!HELP[command]) throw new UsageError(`unknown command "${command}"; see accord --help`);
    process.stdout.write(HELP[command] + '\n');
    return 0;
  }
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({ args: rest, options: { 'demo-if-empty': { type: 'boolean' } }, strict: true });
      await serve(config, !!values['demo-if-empty']);
      return -1; // keeps running
    }
    case 'migrate': {
      parseArgs({ args: rest, options: {}, strict: true });
      const { createDatabase, migrate } = await import('../store/database');
      const db = createDatabase(config.database);
      try {
        const applied = await migrate(db);
        process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'demo': {
      const { positionals } = parseArgs({ args: rest, options: {}, strict: true, allowPositionals: true });
      if (positionals[0] !== 'load' || positionals.length !== 1) throw new UsageError('usage: accord demo load');
      const [{ isEmpty }, { loadDemo, DEMO_PASSWORD, DEMO_SIGN_INS }] = await Promise.all([import('../store/database'), import('../../demo/load')]);
      await withDeps(config, async (deps) => {
        if (!(await isEmpty(deps.database))) throw new UsageError('the database is not empty; the demo loads only into an empty database');
        await loadDemo(deps, progress('Loading the demo'));
        process.stdout.write(`\nDemo loaded. Sign in with any of these (password ${DEMO_PASSWORD}):\n${DEMO_SIGN_INS.map((d) => `  ${d.email}  ${d.role}`).join('\n')}\n`);
      });
      return 0;
    }
    case 'user': {
      const { positionals, values } = parseArgs({
        args: rest,
        options: { email: { type: 'string' }, name: { type: 'string' }, admin: { type: 'boolean' }, 'password-stdin': { type: 'boolean' }, invite: { type: 'boolean' }, locale: { type: 'string' } },
        strict: true,
        allowPositionals: true,
      });
      if (positionals[0] !== 'create' || positionals.length !== 1) throw new UsageError('usage: accord user create --email E --name N [--admin] (--password-stdin | --invite)');
      if (values['password-stdin'] && values.invite) throw new UsageError('choose one: --password-stdin (a password now) or --invite (an e-mailed link to choose one)');
      if (!values['password-stdin'] && !values.invite) throw new UsageError('--password-stdin is required (the password is read from standard input), or --invite to e-mail a link instead');
      const password = values.invite ? undefined : await readStdin();
      const [{ CreateUserBody }, { createUser }] = await Promise.all([import('../contracts/accounts'), import('../services/accounts/accounts')]);
      const parsed = CreateUserBody.safeParse({ email: values.email, name: values.name, password, isAdmin: !!values.admin, locale: values.locale ?? 'en' });
      if (!parsed.success) {
        throw new UsageError(parsed.error.issues.map((i) => `--${i.path.join('.') || 'input'}: ${i.message}`).join('\n'));
      }
      const user = await withDeps(config, (deps) => createUser(deps, null, parsed.data));
      process.stdout.write(`Created ${user.isAdmin ? 'platform admin' : 'user'} ${user.name} <${user.email}> (${user.id})\n`);
      if (values.invite) {
        if (user.invitationInLog) process.stdout.write(`No mail server is set (ACCORD_SMTP_URL): the invitation for ${user.email}, with its link, was written to the log instead of being sent. Pass the link on; it works for ${config.invitationDays === 1 ? 'a day' : `${config.invitationDays} days`}, until ${user.invitationExpiresAt}\n`);
        else if (user.invited) process.stdout.write(`Invitation e-mailed to ${user.email}: the link to choose a password works for ${config.invitationDays === 1 ? 'a day' : `${config.invitationDays} days`}, until ${user.invitationExpiresAt}\n`);
        else process.stderr.write(`The invitation e-mail could not be sent (see the log); ${user.email} can ask for a link with "Forgot your password?" on the sign-in page\n`);
      }
      return 0;
    }
    case 'audit': {
      const { positionals, values } = parseArgs({ args: rest, options: { partnership: { type: 'string' }, json: { type: 'boolean' } }, strict: true, allowPositionals: true });
      if (positionals[0] !== 'verify' || positionals.length !== 1) throw new UsageError('usage: accord audit verify [--partnership ID]');
      const { verifyAudit } = await import('../services/audit/audit');
      return withDeps(config, async (deps) => {
        const report = progress('Verifying');
        const reports = await verifyAudit(deps, { partnershipId: values.partnership, onProgress: (n) => report(n) });
        if (process.stderr.isTTY) process.stderr.write('\n');
        const broken = reports.filter((r) => !r.ok);
        if (values.json) process.stdout.write(JSON.stringify(reports, null, 2) + '\n');
        else {
          const total = reports.reduce((s, r) => s + r.events, 0);
          for (const b of broken) process.stdout.write(`BROKEN chain ${b.chain}: event #${b.break!.seq}${b.break!.eventId ? ` (${b.break!.eventId})` : ''}: ${b.break!.reason}\n`);
          process.stdout.write(`${reports.length} chain(s), ${total} event(s) verified: ${broken.length ? `${broken.length} broken` : 'all intact'}\n`);
        }
        return broken.length ? 1 : 0;
      });
    }
    case 'charter': {
      if (rest[0] === 'power') return charterPower(rest.slice(1));
      const { positionals } = parseArgs({ args: rest, options: {}, strict: true, allowPositionals: true });
      if (positionals[0] !== 'check' || positionals.length !== 2) throw new UsageError('usage: accord charter check FILE | accord charter power FILE [--rule R] [--format json|text]');
      const charter = readCharter(positionals[1]);
      const { checkCharter } = await import('../domain/governance/charter');
      const issues = shapeSafe(() => checkCharter(charter));
      for (const i of issues) process.stdout.write(`${i.severity === 'error' ? 'error' : 'warning'}: ${i.field}: ${i.message}\n`);
      const errors = issues.filter((i) => i.severity === 'error').length;
      process.stdout.write(`${errors} error(s), ${issues.length - errors} warning(s)\n`);
      return errors ? 1 : 0;
    }
    case 'decide': {
      const { positionals, values } = parseArgs({ args: rest, options: { 'decision-type': { type: 'string' }, format: { type: 'string', default: 'text' } }, strict: true, allowPositionals: true });
      if (positionals.length !== 2) throw new UsageError('usage: accord decide CHARTER_FILE BALLOTS_FILE [--decision-type T] [--format json|text]');
      if (values.format !== 'json' && values.format !== 'text') throw new UsageError('--format is json or text');
      const charter = readCharter(positionals[0]);
      const ballots = readDataFile(positionals[1]);
      if (!Array.isArray(ballots)) throw new UsageError(`${positionals[1]}: the ballots file is a list of ballots (see docs/domain/charter.md)`);
      const [{ decisionTypesOf, rollOf }, { decide, explain }] = await Promise.all([import('../domain/governance/decision-types'), import('../domain/governance/count')]);
      // decision types map to rules and bodies (without `decisionTypes`, every rule is a type of its name)
      const resolved = shapeSafe(() => decisionTypesOf(charter));
      const types = Object.keys(resolved);
      const type = values['decision-type'] ?? (types.length === 1 ? types[0] : undefined);
      if (!type) throw new UsageError(`the charter has ${types.length} decision types (${types.join(', ')}): choose one with --decision-type`);
      if (!types.includes(type)) throw new UsageError(`the charter has no decision type "${type}"; it has: ${types.join(', ') || 'none'}`);
      const t = resolved[type];
      const outcome = shapeSafe(() => decide(charter, t.rule, ballots as Ballot[], rollOf(charter, t.body)));
      if (values.format === 'json') process.stdout.write(JSON.stringify({ decisionType: type, rule: t.rule, ...outcome }, null, 2) + '\n');
      else process.stdout.write([`Decision type: ${type} (rule ${t.rule}${t.body ? `, body ${t.body}` : ''})`, ...explain(outcome)].join('\n') + '\n');
      return 0;
    }
    case 'backup': {
      const { positionals } = parseArgs({ args: rest, options: {}, strict: true, allowPositionals: true });
      if (positionals.length !== 1) throw new UsageError('usage: accord backup FILE');
      if (config.database.kind === 'postgres') {
        process.stdout.write(HELP.backup.split('\n').slice(3).join('\n') + '\n');
        return 2;
      }
      const target = path.resolve(positionals[0]);
      if (fs.existsSync(target)) throw new UsageError(`${target} already exists; choose a new file`);
      if (!fs.existsSync(path.dirname(target))) throw new UsageError(`${path.dirname(target)} does not exist; create the directory first`);
      if (config.database.file === ':memory:' || !fs.existsSync(config.database.file)) throw new UsageError(`there is no database at ${config.database.file} to back up (ACCORD_DATABASE_URL)`);
      const { backupSqlite } = await import('../store/backup');
      const report = progress('Backing up');
      await backupSqlite(config.database.file, target, (done, total) => report(done, total));
      process.stdout.write(`\nBacked up ${config.database.file} to ${target}\n`);
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"; see accord --help`);
  }
}

const isMain = process.argv[1] && /cli[\\/]main\.ts$|bin[\\/]accord\.js$/.test(process.argv[1]);
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (err) => {
      if (err instanceof UsageError) fail(err.message, 2);
      if (err instanceof DomainError) fail(`${err.message}${err.issues.length ? '\n' + err.issues.map((i) => `  ${i.field}: ${i.message}`).join('\n') : ''}`, 1);
      if (err && typeof err === 'object' && 'code' in err && String((err as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) fail(`${(err as Error).message}; see accord ${argvCommand()} --help`, 2);
      if (err instanceof ConfigError) fail(err.message, 2);
      // the database or the network said no (unreachable server, unreadable file): its message, without our stack
      if (isOperational(err)) fail(`the database cannot be reached or read: ${(err as Error).message}${(err as { code?: string }).code ? ` (${(err as { code?: string }).code})` : ''}`, 1);
      fail(err instanceof Error ? (err.stack ?? err.message) : String(err), 1);
    },
  );
}
function isOperational(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = String((err as { code?: unknown }).code ?? '');
  return err.name === 'SqliteError' || /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EACCES|EPERM|ENOENT|ENOSPC|EROFS|28P01|3D000|57P03)$/.test(code);
}
function argvCommand() {
  return process.argv[2] ?? '';
}
