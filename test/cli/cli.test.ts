import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;
let dbUrl: string;

function accord(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/accord.js'), ...args], {
    cwd: dir,
    input,
    encoding: 'utf8',
    env: { ...process.env, ACCORD_DATABASE_URL: dbUrl, ACCORD_STANDARDS_DIR: path.join(ROOT, 'standards'), ACCORD_LOG_LEVEL: 'silent', ...env },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// each case starts several `accord` processes (Node + tsx): give them room on a busy machine
const CLI_TIMEOUT = { timeout: 180_000 };

describe('the accord command', CLI_TIMEOUT, () => {
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-cli-'));
    dbUrl = `sqlite:${path.join(dir, 'accord.db')}`;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists its commands with --help and exits 0', () => {
    const r = accord(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['serve', 'migrate', 'demo load', 'user create', 'audit verify', 'backup']) expect(r.out).toContain(c);
  });

  it.each(['serve', 'migrate', 'demo', 'user', 'audit', 'backup'])('explains `%s --help`', (cmd) => {
    const r = accord([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`accord ${cmd}`);
  });

  it('exits non-zero with a clear message for an unknown command or option', () => {
    const unknown = accord(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command "frobnicate"/);
    const badOption = accord(['migrate', '--colour']);
    expect(badOption.code).toBe(2);
    expect(badOption.err).toMatch(/--colour/);
  });

  it('migrates an empty database and says when it is up to date', () => {
    const first = accord(['migrate']);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/Applied: 0001-foundation/);
    const second = accord(['migrate']);
    expect(second.out).toMatch(/up to date/);
  });

  it('creates a user with the password from standard input, and refuses bad input without writing', () => {
    const ok = accord(['user', 'create', '--email', 'Ana@Example.org', '--name', 'Ana Lima', '--admin', '--password-stdin'], 'a long passphrase\n');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/Created platform admin Ana Lima <ana@example.org>/);
    const short = accord(['user', 'create', '--email', 'bo@example.org', '--name', 'Bo', '--password-stdin'], 'short');
    expect(short.code).toBe(2);
    expect(short.err).toMatch(/--password: Use at least 10 characters/);
    const dup = accord(['user', 'create', '--email', 'ana@example.org', '--name', 'Ana again', '--password-stdin'], 'another long passphrase');
    expect(dup.code).toBe(1);
    expect(dup.err).toMatch(/already exists/);
    const noStdin = accord(['user', 'create', '--email', 'cy@example.org', '--name', 'Cy']);
    expect(noStdin.code).toBe(2);
    expect(noStdin.err).toMatch(/--password-stdin is required/);
    const both = accord(['user', 'create', '--email', 'cy@example.org', '--name', 'Cy', '--invite', '--password-stdin'], 'a long passphrase');
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/choose one: --password-stdin .* or --invite/);
    const db = new SQLite(path.join(dir, 'accord.db'), { readonly: true });
    const emails = db.prepare('select email from users order by email').all() as { email: string }[];
    db.close();
    expect(emails.map((e) => e.email)).toEqual(['ana@example.org']);
  });

  it('invites a user with --invite: no password, and without SMTP the e-mail with its one-time link goes to the log, which the command says', () => {
    const r = accord(['user', 'create', '--email', 'dee@example.org', '--name', 'Dee Okafor', '--locale', 'es', '--invite']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Created user Dee Okafor <dee@example.org>/);
    expect(r.out).toMatch(/No mail server is set \(ACCORD_SMTP_URL\): the invitation for dee@example.org, with its link, was written to the log instead of being sent/);
    expect(r.out).not.toMatch(/Invitation e-mailed/);
    // without SMTP the mail is written to the log: Spanish, with an invitation link
    expect(r.out + r.err).toMatch(/reset-password#token=[\w-]+&invitation=1/);
    const db = new SQLite(path.join(dir, 'accord.db'), { readonly: true });
    const links = db.prepare("select r.expires_at, r.created_at from password_resets r join users u on u.id = r.user_id where u.email = 'dee@example.org'").all() as { expires_at: string; created_at: string }[];
    db.close();
    expect(links).toHaveLength(1);
    expect(Date.parse(links[0].expires_at) - Date.parse(links[0].created_at)).toBe(7 * 24 * 3_600_000);
    expect(r.out).toContain(`it works for 7 days, until ${links[0].expires_at}`);
  });

  it('refuses to load the demo into a database that is not empty', () => {
    const r = accord(['demo', 'load']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not empty/);
  });

  it('loads the demo into an empty database, then verifies every audit chain', () => {
    const other = `sqlite:${path.join(dir, 'demo.db')}`;
    const load = accord(['demo', 'load'], undefined, { ACCORD_DATABASE_URL: other });
    expect(load.code, load.err).toBe(0);
    expect(load.out).toMatch(/amina\.convener@demo\.accord\.test/);
    const verify = accord(['audit', 'verify'], undefined, { ACCORD_DATABASE_URL: other });
    expect(verify.code, verify.out + verify.err).toBe(0);
    expect(verify.out).toMatch(/all intact/);
  });

  it('names the first broken link when an audit row was altered in the database, and exits 1', () => {
    const file = path.join(dir, 'demo.db');
    const db = new SQLite(file);
    const row = db.prepare("select id, chain, seq from audit_events where chain <> 'platform' order by chain, seq limit 1 offset 4").get() as { id: string; chain: string; seq: number };
    db.prepare("update audit_events set action = 'partnership.deleted' where id = ?").run(row.id);
    db.close();
    const r = accord(['audit', 'verify'], undefined, { ACCORD_DATABASE_URL: `sqlite:${file}` });
    expect(r.code).toBe(1);
    expect(r.out).toContain(`BROKEN chain ${row.chain}: event #${row.seq} (${row.id})`);
    const one = accord(['audit', 'verify', '--partnership', row.chain], undefined, { ACCORD_DATABASE_URL: `sqlite:${file}` });
    expect(one.code).toBe(1);
    expect(one.out).toMatch(/1 chain\(s\)/);
  });

  it('backs up the embedded database to a new file that opens with the same data, and refuses to overwrite', () => {
    const target = path.join(dir, 'backup.db');
    const r = accord(['backup', target]);
    expect(r.code, r.err).toBe(0);
    const source = new SQLite(path.join(dir, 'accord.db'), { readonly: true });
    const copy = new SQLite(target, { readonly: true });
    const emails = (db: SQLite.Database) => (db.prepare('select email from users order by email').all() as { email: string }[]).map((u) => u.email);
    expect(emails(copy)).toEqual(['ana@example.org', 'dee@example.org']);
    expect(emails(copy)).toEqual(emails(source));
    copy.close();
    source.close();
    const again = accord(['backup', target]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists/);
  });

  it('refuses a backup into a missing directory or of a missing database, in a sentence and without a stack trace', () => {
    const noDir = accord(['backup', path.join(dir, 'no-such-dir', 'b.db')]);
    expect(noDir.code).toBe(2);
    expect(noDir.err).toMatch(/no-such-dir does not exist/);
    const noDb = accord(['backup', path.join(dir, 'b2.db')], undefined, { ACCORD_DATABASE_URL: `sqlite:${path.join(dir, 'missing.db')}` });
    expect(noDb.code).toBe(2);
    expect(noDb.err).toMatch(/no database at .*missing\.db/);
    for (const r of [noDir, noDb]) expect(r.err).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(dir, 'missing.db'))).toBe(false);
  });

  it('refuses a database URL of another kind (a mistyped scheme) instead of creating a file of that name', () => {
    for (const url of ['mysql://root@localhost/accord', 'postgress://postgres@localhost/accord']) {
      const r = accord(['migrate'], undefined, { ACCORD_DATABASE_URL: url });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/ACCORD_DATABASE_URL: Use postgres:\/\//);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect(fs.readdirSync(dir).filter((f) => /mysql|postgress/.test(f))).toEqual([]);
    const badPort = accord(['migrate'], undefined, { ACCORD_PORT: 'abc' });
    expect(badPort.code).toBe(2);
    expect(badPort.err).toMatch(/ACCORD_PORT/);
    expect(badPort.err).not.toMatch(/\n\s+at /);
  });

  it('says when the PostgreSQL server cannot be reached, without a stack trace', () => {
    const r = accord(['migrate'], undefined, { ACCORD_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/the database cannot be reached or read: .*ECONNREFUSED/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('explains pg_dump instead of backing up PostgreSQL', () => {
    const r = accord(['backup', path.join(dir, 'x.db')], undefined, { ACCORD_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/pg_dump/);
  });
});

describe('accord decide and accord charter check', CLI_TIMEOUT, () => {
  let work: string;
  const charter = {
    name: 'Board with a double two-thirds majority',
    groups: [{ id: 'donors', seats: 10 }, { id: 'implementers', seats: 10 }],
    seats: [...Array.from({ length: 10 }, (_, i) => ({ id: `d${i}`, group: 'donors' })), ...Array.from({ length: 10 }, (_, i) => ({ id: `i${i}`, group: 'implementers' }))],
    rules: {
      ordinary: { pass: { kind: 'threshold', require: { kind: 'two_thirds' }, base: 'votes_cast', measure: 'count', eachGroup: 'top' } },
      strict: { pass: { kind: 'threshold', require: { kind: 'two_thirds' }, base: 'present', measure: 'count', eachGroup: 'top' } },
    },
  };
  // donors: 6 yes, 3 no, 1 abstains; implementers: 8 yes, 2 no. Of votes cast both groups reach two-thirds
  // (6 >= 2*3, 8 >= 2*2); of members present the donors do not (6 < 2/3 of 10).
  const ballots = [
    ...Array.from({ length: 6 }, (_, i) => ({ voter: `d${i}`, choice: 'yes' })),
    ...[6, 7, 8].map((i) => ({ voter: `d${i}`, choice: 'no' })),
    { voter: 'd9', choice: 'abstain' },
    ...Array.from({ length: 8 }, (_, i) => ({ voter: `i${i}`, choice: 'yes' })),
    ...[8, 9].map((i) => ({ voter: `i${i}`, choice: 'no' })),
  ];
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-decide-'));
    dir = work;
    fs.writeFileSync(path.join(work, 'charter.json'), JSON.stringify(charter));
    fs.writeFileSync(path.join(work, 'ballots.json'), JSON.stringify(ballots));
    fs.writeFileSync(path.join(work, 'charter.yaml'), `name: YAML board\ngroups:\n  - id: a\n    share: "1/2"\n  - id: b\n    share: "1/3"\nseats:\n  - { id: s1, group: a }\n  - { id: s2, group: b }\n`);
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('computes an outcome from files, as JSON with exact numbers per condition', () => {
    const r = accord(['decide', 'charter.json', 'ballots.json', '--decision-type', 'ordinary', '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.outcome).toBe('adopted');
    expect(out.conditions.length).toBeGreaterThanOrEqual(2);
    for (const c of out.conditions) expect(typeof c.passed).toBe('boolean');
    const strict = JSON.parse(accord(['decide', 'charter.json', 'ballots.json', '--decision-type', 'strict', '--format', 'json']).out);
    expect(strict.outcome).toBe('rejected');
    const donors = strict.conditions.find((c: { label: string }) => c.label.startsWith('donors'));
    expect(donors).toMatchObject({ passed: false, numbers: { yes: '6/1' } });
  });

  it('maps a decision type to its rule and to the seats of its body', () => {
    // the same board with a donors-only committee: "donor_budget" decisions are taken by the donors under the strict rule
    const typed = {
      ...charter,
      bodies: [{ id: 'board', kind: 'board' }, { id: 'donor-committee', kind: 'committee', seats: charter.seats.filter((x) => x.group === 'donors').map((x) => x.id) }],
      rules: { ...charter.rules, amendment: charter.rules.ordinary },
      decisionTypes: { ordinary: { rule: 'ordinary', body: 'board' }, donor_budget: { rule: 'strict', body: 'donor-committee' }, amendment: { rule: 'amendment', body: 'board' } },
    };
    fs.writeFileSync(path.join(work, 'typed.json'), JSON.stringify(typed));
    const donorBallots = ballots.filter((b) => b.voter.startsWith('d'));
    fs.writeFileSync(path.join(work, 'donor-ballots.json'), JSON.stringify(donorBallots));
    const r = accord(['decide', 'typed.json', 'donor-ballots.json', '--decision-type', 'donor_budget', '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out);
    // on the committee's roll the 10 donors are all present (on the whole board's 20 seats they would be no quorum);
    // the strict rule then fails: 6 yes of 10 present is short of two-thirds
    expect(out).toMatchObject({ decisionType: 'donor_budget', rule: 'strict', outcome: 'rejected' });
    expect(out.conditions.find((c: { label: string }) => c.label.startsWith('quorum'))).toMatchObject({ passed: true, numbers: { present: '10/1', base: '10/1' } });
    // an implementer's ballot is not on the donor committee's roll
    const outsider = accord(['decide', 'typed.json', 'ballots.json', '--decision-type', 'donor_budget']);
    expect(outsider.code).toBe(1);
    expect(outsider.err).toMatch(/i0/);
  });

  it('explains the outcome in text, naming the group that fails', () => {
    const r = accord(['decide', 'charter.json', 'ballots.json', '--decision-type', 'strict']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/rejected/i);
    expect(r.out).toMatch(/donors.*fail/i);
  });

  it('refuses an unknown decision type, a missing one when there are several, and a ballot from a stranger', () => {
    const unknown = accord(['decide', 'charter.json', 'ballots.json', '--decision-type', 'budget']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/no decision type "budget".*ordinary, strict/);
    const missing = accord(['decide', 'charter.json', 'ballots.json']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--decision-type/);
    fs.writeFileSync(path.join(work, 'bad-ballots.json'), JSON.stringify([...ballots, { voter: 'mallory', choice: 'yes' }]));
    const stranger = accord(['decide', 'charter.json', 'bad-ballots.json', '--decision-type', 'ordinary']);
    expect(stranger.code).toBe(1);
    expect(stranger.err).toMatch(/mallory/);
  });

  it('checks a charter and names every problem with its path; a YAML charter is read too', () => {
    const good = accord(['charter', 'check', 'charter.json']);
    expect(good.code, good.out + good.err).toBe(0);
    expect(good.out).toMatch(/0 error\(s\)/);
    const bad = accord(['charter', 'check', 'charter.yaml']);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/error: groups/);
    expect(bad.out).toMatch(/1\/2|5\/6|add up|sum/);
    const notJson = path.join(work, 'broken.json');
    fs.writeFileSync(notJson, '{ "groups": [');
    const broken = accord(['charter', 'check', notJson]);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/not valid JSON/);
  });

  it('gives the voting power of each seat and group under a rule: JSON in the shape of the API, or a table', () => {
    // two groups of 10, two-thirds of each: symmetric, so each group holds exactly half of both indices and can block alone
    const json = accord(['charter', 'power', 'charter.json', '--rule', 'ordinary', '--format', 'json']);
    expect(json.code, json.err).toBe(0);
    const out = JSON.parse(json.out);
    expect(out).toMatchObject({ decisionType: 'ordinary', rule: 'ordinary', method: 'exact', vetoPlayers: [], dummies: [], dictator: null });
    expect(out.seats).toHaveLength(20);
    expect(new Set(out.seats.map((x: { banzhaf: { fraction: string } }) => x.banzhaf.fraction))).toEqual(new Set(['1/20']));
    expect(out.groups.map((g: { group: string; banzhaf: { fraction: string }; shapleyShubik: { fraction: string }; blocVeto: boolean }) => [g.group, g.banzhaf.fraction, g.shapleyShubik.fraction, g.blocVeto])).toEqual([
      ['donors', '1/2', '1/2', true],
      ['implementers', '1/2', '1/2', true],
    ]);
    const text = accord(['charter', 'power', 'charter.json', '--rule', 'strict']);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/Voting power under decision type "strict"/);
    expect(text.out).toMatch(/Seat\s+Group\s+Nominal\s+Banzhaf\s+Shapley-Shubik/);
    expect(text.out).toMatch(/^d0\s+donors\s+5\.0%\s+5\.0%\s+5\.0%/m);
    expect(text.out).toMatch(/^donors\s+10\s+50\.0%\s+50\.0%\s+50\.0%\s+yes$/m);
    expect(text.out).toMatch(/Veto players: none/);
  });
});

describe('accord decide with a file that is not a charter', CLI_TIMEOUT, () => {
  it('explains that an empty YAML file is not a charter, without a stack trace', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-empty-'));
    try {
      dir = work;
      fs.writeFileSync(path.join(work, 'empty.yaml'), '');
      fs.writeFileSync(path.join(work, 'ballots.json'), '[]');
      const r = accord(['decide', 'empty.yaml', 'ballots.json']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/a charter is a mapping/);
      expect(r.err).not.toMatch(/at main/);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
