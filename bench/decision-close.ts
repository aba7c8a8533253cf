// Closing a 1,000,000-ballot decision of an FSC-style assembly (12 cells) from the database, on SQLite and on
// PostgreSQL: the roll and the ballots are aggregated by cell in SQL, decided exactly, and the outcome recorded
// with its audit event. Ceiling: the raw aggregate query on the same rows through the bare driver, in the same run.
// Run alone: npx tsx bench/decision-close.ts [sqlite|postgres]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../src/config/config';
import { composeDeps } from '../src/server/compose';
import { actorFor, createUser } from '../src/services/accounts/accounts';
import { hashPassword } from '../src/services/accounts/passwords';
import { createOrganisation } from '../src/services/organisations/organisations';
import { createPartnership } from '../src/services/partnerships/partnerships';
import { adoptCharter } from '../src/services/governance/charters';
import { closeDecision } from '../src/services/governance/decisions';
import { findUserById } from '../src/store/repositories/users.repository';
import { MSI_GENERAL_ASSEMBLY } from '../src/domain/governance/templates';
import { uuidv7 } from '../src/services/runtime';
import { indexGroups } from '../src/domain/governance/charter';
import type { Deps } from '../src/services/context';

const PG_ADMIN_URL = process.env.ACCORD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// the 12 cells of the template: its leaf groups (chamber/hemisphere/class)
const CELLS = [...indexGroups(MSI_GENERAL_ASSEMBLY.groups).values()].filter((g) => g.children.length === 0).map((g) => g.path);

export interface CloseBenchFigure {
  dialect: 'sqlite' | 'postgres';
  ballots: number;
  seedSeconds: number;
  /** Closing through the service: load, aggregate, decide, record, audit (best and median of the runs). */
  closeMs: { best: number; median: number };
  outcome: string;
  /** The bare driver running the same GROUP BY over the ballots. */
  ceiling: { rawAggregateMs: number };
  ratioToCeiling: number;
  target: { maxMs: number };
  skipped?: string;
}

/** A fresh database of the dialect (a temporary SQLite file, or a throwaway PostgreSQL database) and its URL. */
export async function openDeps(dialect: 'sqlite' | 'postgres'): Promise<{ deps: Deps; url: string; drop: () => Promise<void> } | null> {
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-close-'));
    const file = `sqlite:${path.join(dir, 'accord.db')}`;
    const deps = await composeDeps(loadConfig({ ACCORD_DATABASE_URL: file, ACCORD_LOG_LEVEL: 'silent' }), { log: quiet });
    return { deps, url: file, drop: async () => { await deps.database.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `accord_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const deps = await composeDeps(loadConfig({ ACCORD_DATABASE_URL: url.toString(), ACCORD_LOG_LEVEL: 'silent' }), { log: quiet });
  return {
    deps,
    url: url.toString(),
    drop: async () => {
      await deps.database.close();
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    },
  };
}

export async function benchDecisionClose(dialect: 'sqlite' | 'postgres', ballots = 1_000_000, runs = 3): Promise<CloseBenchFigure> {
  const opened = await openDeps(dialect);
  if (!opened) return { dialect, ballots, seedSeconds: 0, closeMs: { best: 0, median: 0 }, outcome: '', ceiling: { rawAggregateMs: 0 }, ratioToCeiling: 0, target: { maxMs: 5000 }, skipped: `no PostgreSQL at ${PG_ADMIN_URL}` };
  const { deps, drop } = opened;
  try {
    const t0 = performance.now();
    const user = await createUser(deps, null, { email: 'close@bench.accord', name: 'Bench Admin', passwordHash: await hashPassword('bench-password-123'), isAdmin: true });
    const actor = await actorFor(deps, (await findUserById(deps.database.db, user.id))!);
    const org = await createOrganisation(deps, actor, { name: 'Bench Forest Council', sector: 'nonprofit', iatiType: '21', country: 'DE' });
    const p = await createPartnership(deps, actor, { name: 'Bench Assembly', purpose: 'A million members vote on one motion.', model: 'msi', visibility: 'private', countries: ['DE'], sectors: ['nonprofit'], convenerOrganisationId: org.id, goals: [] });
    await adoptCharter(deps, actor, p.id, { templateId: 'msi-general-assembly' });
    const rule = MSI_GENERAL_ASSEMBLY.decisionTypes?.ordinary?.rule ?? 'ordinary';
    const id = uuidv7();
    // the window has just ended: the convener (or the closing job) counts it
    const now = new Date(Date.now() - 86_400_000).toISOString();
    const db = deps.database.db;
    await db.insertInto('decisions').values({
      id, partnership_id: p.id, number: 1, kind: 'motion', title: 'A motion before a million members', search_title: 'a motion before a million members', text: 'Benchmark.', links: '[]', decision_type: 'ordinary', charter_version: 1, rule,
      body: null, ballot_kind: 'yes_no', poll: null, amendment: null, start_stage: null, parent_id: null, anonymous: 0, results_hidden: 0, anon_key: null, status: 'open', proposer_id: user.id,
      proposer_seat: null, opens_at: now, closes_at: new Date(Date.now() - 60_000).toISOString(), opened_at: now, closed_at: null, closed_by: null, outcome_kind: null, grade: null, outcome: null,
      outcome_statement: null, review_on: null, created_at: now, updated_at: now,
    }).execute();
    // the roll and the ballots, generated by the database itself: seat i sits in cell i % 12 and votes yes, no or abstains
    const cell = `case (n % 12) ${CELLS.map((c, i) => `when ${i} then '${c}'`).join(' ')} end`;
    const choice = `case (((n % 1009) * 7) % 10) when 0 then 'abstain' when 1 then 'no' when 2 then 'no' when 3 then 'no' else 'yes' end`;
    const series = dialect === 'postgres' ? `(select generate_series(0, ${ballots - 1}) as n) s` : `s`;
    const withSeries = dialect === 'postgres' ? '' : `with recursive s(n) as (select 0 union all select n + 1 from s where n < ${ballots - 1}) `;
    const insertRoll = `insert into decision_roll (decision_id, seat_id, name, group_path, weight, voting, organisation_id, person_id, alternate_id, present, recused, recusal_reason) ${withSeries}select '${id}', 'm' || n, null, ${cell}, null, 1, null, null, null, 0, 0, null from ${series}`;
    const insertBallots = `insert into ballots (decision_id, seat_key, group_path, weight, choice, reason, paramount, resolved, answer, cast_by, by_proxy, cast_at) ${withSeries}select '${id}', 'm' || n, ${cell}, null, ${choice}, null, 0, 0, null, null, 0, '${now}' from ${series}`;
    await sql.raw(insertRoll).execute(db);
    await sql.raw(insertBallots).execute(db);
    if (dialect === 'postgres') await sql.raw('analyze').execute(db);
    const seedSeconds = Math.round((performance.now() - t0) / 100) / 10;

    const times: number[] = [];
    let outcome = '';
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const d = await closeDecision(deps, actor, p.id, id);
      times.push(performance.now() - t);
      outcome = d.result?.outcome ?? '';
      await db.updateTable('decisions').set({ status: 'open', closed_at: null, outcome: null, outcome_kind: null }).where('id', '=', id).execute();
    }
    times.sort((a, b) => a - b);
    const raw: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      await sql`select group_path, weight, choice, count(*) as n from ballots where decision_id = ${id} group by group_path, weight, choice`.execute(db);
      raw.push(performance.now() - t);
    }
    const rawBest = Math.min(...raw);
    const best = Math.round(times[0]);
    return {
      dialect,
      ballots,
      seedSeconds,
      closeMs: { best, median: Math.round(times[Math.floor(times.length / 2)]) },
      outcome,
      ceiling: { rawAggregateMs: Math.round(rawBest) },
      ratioToCeiling: Math.round((rawBest / times[0]) * 1000) / 1000,
      target: { maxMs: 5000 },
    };
  } finally {
    await drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const which = (process.argv[2] ?? 'sqlite') as 'sqlite' | 'postgres';
  const n = Number(process.env.BENCH_BALLOTS ?? 1_000_000);
  benchDecisionClose(which, n).then((f) => console.log(JSON.stringify(f, null, 2)));
}
