// The load generator of `npm run bench`, in its own process: the benchmark's main process holds the seeded
// registry in its heap, and a client sharing that heap (and its garbage collections) would add its own pauses
// to the latencies it measures. It reads one JSON job per line on stdin, drives autocannon with it and answers
// one JSON line on stdout: the requests made, the seconds taken and every response's latency in milliseconds.
import readline from 'node:readline';
import autocannon from 'autocannon';

export interface DriveJob {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** POST bodies: this JSON with `{n}` in string values replaced by a number unique to the run */
  body?: Record<string, unknown>;
  connections: number;
  seconds: number;
}
export interface DriveResult {
  /** responses received */
  requests: number;
  seconds: number;
  errors: number;
  non2xx: number;
  latenciesMs: number[];
}

let counter = 0;
function bodyFor(template: Record<string, unknown>): string {
  const n = String(counter++);
  return JSON.stringify(template, (_k, v) => (typeof v === 'string' ? v.replaceAll('{n}', n) : v));
}

async function drive(job: DriveJob): Promise<DriveResult> {
  const latenciesMs: number[] = [];
  const started = performance.now();
  let finish!: (r: autocannon.Result) => void;
  let fail!: (e: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon({
    url: job.url,
    method: job.method ?? 'GET',
    headers: job.headers,
    connections: job.connections,
    duration: job.seconds,
    ...(job.body ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: bodyFor(job.body!) }) }] } : {}),
  }, (err, result) => (err ? fail(err) : finish(result)));
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latenciesMs.push(Math.round(ms * 100) / 100));
  const r = await done;
  const seconds = (performance.now() - started) / 1000;
  return { requests: latenciesMs.length, seconds, errors: r.errors, non2xx: r.non2xx, latenciesMs };
}

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  const job = JSON.parse(line) as DriveJob;
  process.stdout.write(JSON.stringify(await drive(job)) + '\n');
}
