// npm run bench: seeds 10,000 organisations and 1,000 partnerships in embedded SQLite, serves them from a
// separate process, drives it with autocannon (50 connections) from a third process (bench/drive.ts) and compares
// each figure with a ceiling measured in the same run, in alternating rounds: a bare Fastify route returning the
// same JSON for reads, raw better-sqlite3 inserts of the same rows for writes. Governance: tallying 1,000,000 encoded ballots in memory (ceiling: a raw
// loop over the same array) and closing a 1,000,000-ballot decision from SQLite and PostgreSQL (ceiling: the bare
// aggregate query). Accountability (bench/accountability.ts): the partnership dashboard's p95 with 10,000 and
// 1,000,000 ledger entries (1,000 and 100,000 indicator values) on SQLite and PostgreSQL, and recording a delivery
// against raw better-sqlite3 inserts of the same rows. Prints and writes bench/results/latest.json.
// BENCH_ONLY=foundation,governance,accountability runs only those parts (all by default).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../src/config/config';
import { composeDeps } from '../src/server/compose';
import { createUser, actorFor, createToken } from '../src/services/accounts/accounts';
import { hashPassword } from '../src/services/accounts/passwords';
import { addOrganisationPerson, createOrganisation } from '../src/services/organisations/organisations';
import { addMember, addPerson, createPartnership } from '../src/services/partnerships/partnerships';
import { findUserById } from '../src/store/repositories/users.repository';
import { SECTORS } from '../src/domain/organisations/organisation';
import { uuidv7 } from '../src/services/runtime';
import { benchTally } from './tally';
import { benchDecisionClose } from './decision-close';
import { benchAccountability } from './accountability';
import type { DriveJob, DriveResult } from './drive';

const ORGS = Number(process.env.BENCH_ORGS ?? 10_000);
const PARTNERSHIPS = Number(process.env.BENCH_PARTNERSHIPS ?? 1_000);
/** Seconds of each measured round; each figure has BENCH_ROUNDS rounds against as many of its ceiling. */
const ROUND_SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const CONNECTIONS = 50;
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const COUNTRIES = ['KE', 'FR', 'BR', 'IN', 'US', 'DE', 'SN', 'MX', 'ID', 'ZA'];
const TAGS = ['funding', 'data', 'logistics', 'training', 'research', 'advocacy', 'engineering', 'legal'];

const log = (s: string) => process.stderr.write(s + '\n');

async function startProcess(script: string, args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = (await once(readline.createInterface({ input: child.stdout! }), 'line'))[0] as string;
  return { child, url: `http://127.0.0.1:${JSON.parse(line).port}` };
}
async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** One measured figure: throughput and latency pooled over its rounds. */
interface Figure { reqPerSec: number; p50Ms: number; p99Ms: number; requests: number; errors: number; non2xx: number }
const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : 0);
function pooled(runs: DriveResult[]): Figure {
  const latencies = runs.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  return {
    reqPerSec: Math.round(requests / seconds),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    requests,
    errors: runs.reduce((n, r) => n + r.errors, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
  };
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;

/** The load generator, a separate process (bench/drive.ts): one job at a time over stdin and stdout. */
async function startDriver() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/drive.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.add(child);
  const answers = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    async run(job: DriveJob): Promise<DriveResult> {
      child.stdin!.write(JSON.stringify(job) + '\n');
      const next = await answers.next();
      if (next.done) throw new Error('the load generator stopped');
      const result = JSON.parse(next.value) as DriveResult;
      if (result.errors || result.non2xx) throw new Error(`${job.method ?? 'GET'} ${job.url}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
      return result;
    },
    stop: () => stop(child),
  };
}
type Driver = Awaited<ReturnType<typeof startDriver>>;

/**
 * A figure and its ceiling measured in alternating rounds (A B B A A B B A ...): this machine's speed drifts by half
 * within minutes, so each round of Accord is compared with the ceiling round next to it, and the ratio is the
 * median of those pairs. Latencies are pooled over all of Accord's rounds.
 */
async function alternating(measure: (warmup: boolean) => Promise<DriveResult>, ceiling: (warmup: boolean) => Promise<{ perSec: number; run?: DriveResult }>) {
  await measure(true);
  await ceiling(true);
  const runs: DriveResult[] = [];
  const ceilingRuns: DriveResult[] = [];
  const pairs: { reqPerSec: number; ceilingPerSec: number; ratio: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    let mine: DriveResult;
    let theirs: { perSec: number; run?: DriveResult };
    if (i % 2 === 0) {
      mine = await measure(false);
      theirs = await ceiling(false);
    } else {
      theirs = await ceiling(false);
      mine = await measure(false);
    }
    runs.push(mine);
    if (theirs.run) ceilingRuns.push(theirs.run);
    const perSec = mine.requests / mine.seconds;
    pairs.push({ reqPerSec: Math.round(perSec), ceilingPerSec: Math.round(theirs.perSec), ratio: ratio(perSec, theirs.perSec) });
  }
  return { figure: pooled(runs), ceiling: ceilingRuns.length ? pooled(ceilingRuns) : null, pairs, ratioToCeiling: median(pairs.map((p) => p.ratio)) };
}

/** Which parts to run: BENCH_ONLY=foundation,governance,accountability (any of them; all when unset). */
const ONLY = new Set((process.env.BENCH_ONLY ?? 'foundation,governance,accountability').split(',').map((x) => x.trim()).filter(Boolean));

/** The foundation's figures: the overview, organisation search and organisation writes against their ceilings. */
async function foundation() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-'));
  const file = path.join(dir, 'accord.db');
  const config = loadConfig({ ACCORD_DATABASE_URL: `sqlite:${file}`, ACCORD_LOG_LEVEL: 'silent' });
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const deps = await composeDeps(config, { log: quiet });

  log(`seeding ${ORGS} organisations and ${PARTNERSHIPS} partnerships into ${file}`);
  const t0 = performance.now();
  const hash = await hashPassword('bench-password-123');
  const admin = await createUser(deps, null, { email: 'bench@bench.accord', name: 'Bench Admin', passwordHash: hash, isAdmin: true });
  let actor = await actorFor(deps, (await findUserById(deps.database.db, admin.id))!);
  const orgIds: string[] = [];
  for (let i = 0; i < ORGS; i++) {
    const o = await createOrganisation(deps, actor, {
      name: `Organisation ${i.toString().padStart(5, '0')} ${['Water', 'Health', 'Forest', 'Circular', 'Education'][i % 5]}`,
      sector: SECTORS[i % SECTORS.length], country: COUNTRIES[i % COUNTRIES.length], iatiType: '70',
      offers: [TAGS[i % TAGS.length]], seeks: [TAGS[(i + 3) % TAGS.length]], description: 'A seeded organisation for the benchmark.',
    });
    orgIds.push(o.id);
    if (i % 1000 === 999) log(`  organisations: ${i + 1}/${ORGS}`);
  }
  actor = await actorFor(deps, (await findUserById(deps.database.db, admin.id))!);
  const partnershipIds: string[] = [];
  for (let i = 0; i < PARTNERSHIPS; i++) {
    const p = await createPartnership(deps, actor, {
      name: `Partnership ${i.toString().padStart(4, '0')}`, purpose: 'A seeded partnership for the benchmark run.', model: (['ppp', 'msi', 'nonprofit_corporate', 'other'] as const)[i % 4],
      visibility: i % 2 ? 'public' : 'private', countries: [COUNTRIES[i % COUNTRIES.length]], sectors: ['public', 'private'],
      convenerOrganisationId: orgIds[i], goals: [{ title: 'Shared goal one', sdgs: ['6', '6.1'] }, { title: 'Shared goal two', sdgs: ['17.17'] }],
    });
    for (let k = 1; k <= 3; k++) await addMember(deps, actor, p.id, { organisationId: orgIds[(i * 7 + k * 13) % ORGS], role: 'partner' });
    partnershipIds.push(p.id);
    if (i % 250 === 249) log(`  partnerships: ${i + 1}/${PARTNERSHIPS}`);
  }
  // the requests are made by an ordinary person: convener of the measured partnership, member of one
  // organisation (not the admin who registered everything)
  const measured = partnershipIds[Math.floor(partnershipIds.length / 2)];
  const person = await createUser(deps, admin.id, { email: 'reader@bench.accord', name: 'Bench Reader', passwordHash: hash });
  await addOrganisationPerson(deps, actor, orgIds[0], { email: person.email, role: 'member' });
  await addPerson(deps, actor, measured, { email: person.email, role: 'convener' });
  const personToken = (await createToken(deps, await actorFor(deps, (await findUserById(deps.database.db, person.id))!), 'bench')).token;
  const seedSeconds = (performance.now() - t0) / 1000;
  await deps.database.close();

  // -- the real server in its own process
  const server = await startProcess('bench/serve.ts', [], { ACCORD_DATABASE_URL: `sqlite:${file}` });
  children.add(server.child);
  const overviewPath = `/api/v1/partnerships/${measured}`;
  const searchPath = `/api/v1/organisations?q=water&sector=private&limit=25`;
  const auth = { authorization: `Bearer ${personToken}` };
  const bodies: Record<string, unknown> = {};
  for (const p of [overviewPath, searchPath]) {
    const r = await fetch(server.url + p, { headers: auth });
    if (r.status !== 200) throw new Error(`${p}: ${r.status} ${await r.text()}`);
    bodies[p.split('?')[0]] = await r.json();
  }
  const bodiesFile = path.join(dir, 'bodies.json');
  fs.writeFileSync(bodiesFile, JSON.stringify(bodies));

  // the read ceiling runs beside it: bare Fastify returning the same JSON
  const ceiling = await startProcess('bench/ceiling-server.ts', [bodiesFile], {});
  children.add(ceiling.child);
  const driver = await startDriver();
  const get = (url: string, headers: Record<string, string> = {}) => (warmup: boolean) => driver.run({ url, headers, connections: CONNECTIONS, seconds: warmup ? WARMUP : ROUND_SECONDS });
  const asCeiling = (run: (warmup: boolean) => Promise<DriveResult>) => async (warmup: boolean) => {
    const r = await run(warmup);
    return { perSec: r.requests / r.seconds, run: r };
  };

  log('GET partnership overview, against bare Fastify');
  const overview = await alternating(get(server.url + overviewPath, auth), asCeiling(get(ceiling.url + overviewPath)));
  log('GET organisation search, against bare Fastify');
  const search = await alternating(get(server.url + searchPath, auth), asCeiling(get(ceiling.url + searchPath.split('?')[0])));

  // the write ceiling: raw better-sqlite3 inserts of the same rows a POST writes, one transaction each, on a
  // connection set up as the server's writer is (WAL, synchronous NORMAL, the same page cache)
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 5000');
  raw.pragma(`cache_size = -${65_536}`);
  raw.pragma('temp_store = MEMORY');
  const insOrg = raw.prepare(`insert into organisations (id, name, search_name, sector, iati_type, country, iati_identifier, website, description, created_by, created_at, updated_at) values (?, ?, ?, 'nonprofit', '22', 'KE', null, null, null, ?, ?, ?)`);
  const insTag = raw.prepare(`insert into organisation_tags (organisation_id, kind, tag) values (?, ?, ?)`);
  const insPerson = raw.prepare(`insert into organisation_people (organisation_id, user_id, role, created_at) values (?, ?, 'org_admin', ?)`);
  const insAudit = raw.prepare(`insert into audit_events (id, chain, seq, partnership_id, actor_id, at, action, entity_type, entity_id, diff, prev_hash, hash) values (?, 'raw', ?, null, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const diff = JSON.stringify({ name: [null, 'Raw organisation'], sector: [null, 'nonprofit'], country: [null, 'KE'], iatiType: [null, '22'], offers: [null, ['data']], seeks: [null, ['funding']] });
  let rawCount = 0;
  const tx = raw.transaction(() => {
    const id = uuidv7();
    const at = new Date().toISOString();
    const i = rawCount++;
    insOrg.run(id, `Raw ${i}`, `raw ${i}`, person.id, at, at);
    insTag.run(id, 'offers', 'data');
    insTag.run(id, 'seeks', 'funding');
    insPerson.run(id, person.id, at);
    insAudit.run(uuidv7(), i * 2 + 1, person.id, at, 'organisation.created', 'organisation', id, diff, '0'.repeat(64), 'f'.repeat(64));
    insAudit.run(uuidv7(), i * 2 + 2, person.id, at, 'organisation.person_added', 'organisation_person', `${id}:${person.id}`, '{}', 'f'.repeat(64), 'e'.repeat(64));
  });
  const rawInserts = async (warmup: boolean) => {
    const start = performance.now();
    const before = rawCount;
    while (performance.now() - start < (warmup ? WARMUP : ROUND_SECONDS) * 1000) tx();
    return { perSec: (rawCount - before) / ((performance.now() - start) / 1000) };
  };
  log('POST organisation, against raw better-sqlite3 inserts of the same rows');
  const post = await alternating(
    (warmup) => driver.run({
      url: server.url + '/api/v1/organisations',
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: { name: `Bench Posted ${warmup ? 'w' : 'm'}{n}`, sector: 'nonprofit', country: 'KE', iatiType: '22', offers: ['data'], seeks: ['funding'] },
      connections: CONNECTIONS,
      seconds: warmup ? WARMUP : ROUND_SECONDS,
    }),
    rawInserts,
  );
  raw.close();
  await driver.stop();
  await stop(ceiling.child);
  await stop(server.child);

  fs.rmSync(dir, { recursive: true, force: true });
  return {
    seeded: { organisations: ORGS, partnerships: PARTNERSHIPS, seconds: Math.round(seedSeconds * 10) / 10 },
    figures: {
      'GET partnership overview': { ...overview.figure, ceiling: overview.ceiling, ratioToCeiling: overview.ratioToCeiling, rounds: overview.pairs, target: { ratio: 0.4, p99Ms: 25 } },
      'GET organisation search': { ...search.figure, ceiling: search.ceiling, ratioToCeiling: search.ratioToCeiling, rounds: search.pairs, target: { ratio: 0.4, p99Ms: 25 } },
      'POST organisation': { ...post.figure, ceiling: { rawInsertsPerSec: Math.round(median(post.pairs.map((p) => p.ceilingPerSec))) }, ratioToCeiling: post.ratioToCeiling, rounds: post.pairs, target: { ratio: 0.3, p99Ms: 25 } },
    },
  };
}

async function main() {
  const base = ONLY.has('foundation') ? await foundation() : null;
  const figures: Record<string, unknown> = { ...base?.figures };
  if (ONLY.has('governance')) {
    // in memory, no server: tallyEncoded over 1,000,000 ballots vs a raw loop summing the choices (see bench/tally.ts)
    figures['tally 1,000,000 ballots (12 FSC cells)'] = benchTally();
    figures['close a 1,000,000-ballot decision from SQLite'] = await benchDecisionClose('sqlite');
    figures['close a 1,000,000-ballot decision from PostgreSQL'] = await benchDecisionClose('postgres');
  }
  if (ONLY.has('accountability')) {
    // the dashboard (p95, one connection) at 10,000 and 1,000,000 ledger entries, and recording deliveries (see bench/accountability.ts)
    figures['accountability on SQLite (1,000,000 ledger entries, 100,000 indicator values)'] = await benchAccountability('sqlite');
    figures['accountability on PostgreSQL (1,000,000 ledger entries, 100,000 indicator values)'] = await benchAccountability('postgres');
  }
  const result = {
    when: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.arch()}`, loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10) },
    database: 'sqlite (embedded, WAL)',
    parts: [...ONLY],
    ...(base ? { seeded: base.seeded } : {}),
    connections: CONNECTIONS,
    rounds: { count: ROUNDS, seconds: ROUND_SECONDS, warmupSeconds: WARMUP },
    figures,
  };
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync('bench/results/latest.json', JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

const children = new Set<ChildProcess>();
main().catch((err) => {
  console.error(err);
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  process.exit(1);
});
