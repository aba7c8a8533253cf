/**
 * The web app's API client against the real app: an idempotent write whose answer is lost is sent again with the
 * same Idempotency-Key and applied once, whether the client retries by itself or the person sends the same write
 * again; a write that got an answer gives the next identical write a new key. `fetch` is the real app (app.inject)
 * behind a switch that can lose answers after the server has handled the request, as a dropped connection would.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, signIn, type Session, type TestApp } from '../support/app';
import { buildWorld, PASSWORD } from '../support/world';
import { DIALECTS, postgresAvailable } from '../support/databases';
import { api, ApiError, setCsrfToken } from '../../web/lib/api';

const pgUp = await postgresAvailable();

describe.each(DIALECTS)('the web API client on %s', (dialect) => {
  let t: TestApp;
  let session: Session;
  /** How many of the next answers to lose (the server still handles the requests). */
  let lose = 0;
  /** The Idempotency-Key of every request that reached the server, in order. */
  let keys: (string | null)[] = [];
  const realFetch = globalThis.fetch;
  let n = 0;
  const body = () => ({ name: `Riverside Water Trust ${++n}`, sector: 'nonprofit', country: 'KE', iatiType: '22' });
  const stored = async (name: string) => Number((await t.deps.database.db.selectFrom('organisations').select((eb) => eb.fn.countAll().as('n')).where('name', '=', name).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgUp) return;
    t = await makeTestApp(dialect);
    const w = await buildWorld(t.deps);
    session = await signIn(t.app, w.emails.member, PASSWORD);
    setCsrfToken(session.csrf);
    globalThis.fetch = (async (input: string, init: RequestInit) => {
      const headers: Record<string, string> = { ...(init.headers as Record<string, string>), cookie: session.cookie };
      keys.push(headers['idempotency-key'] ?? null);
      const res = await t.app.inject({ method: init.method as 'POST', url: input, headers, payload: init.body as string | undefined });
      if (lose > 0) {
        lose--;
        throw new TypeError('fetch failed');
      }
      return new Response(res.body, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') } });
    }) as typeof fetch;
  });
  afterEach(() => {
    lose = 0;
    keys = [];
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    setCsrfToken(null);
    await t?.close();
  });
  const run = dialect === 'postgres' && !pgUp ? it.skip : it;

  run('retries a write whose answer was lost with the same key, and the server applies it once', async () => {
    const b = body();
    lose = 1;
    const created = await api.post<{ id: string; name: string }>('/organisations', b, { idempotent: true });
    expect(created.name).toBe(b.name);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(await stored(b.name)).toBe(1);
  });

  run('gives up after three lost answers, and the same write sent again reuses the key and still applies once', async () => {
    const b = body();
    lose = 3;
    const failed = await api.post('/organisations', b, { idempotent: true }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ApiError);
    expect((failed as ApiError).code).toBe('network_error');
    expect(await stored(b.name)).toBe(1);
    await api.post('/organisations', b, { idempotent: true });
    expect(new Set(keys).size).toBe(1);
    expect(keys).toHaveLength(4);
    expect(await stored(b.name)).toBe(1);
  });

  run('treats an answered write as settled: the same write again is a new write with a new key', async () => {
    const b = body();
    await api.post('/organisations', b, { idempotent: true });
    await api.post('/organisations', b, { idempotent: true });
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);
    expect(await stored(b.name)).toBe(2);
  });

  run('settles the key on a refusal too, and never retries a write without a key', async () => {
    const refused = await api.post('/organisations', { ...body(), country: 'Kenya' }, { idempotent: true }).catch((e: unknown) => e);
    expect((refused as ApiError).status).toBe(400);
    lose = 1;
    const b = body();
    const lost = await api.post('/organisations', b).catch((e: unknown) => e);
    expect((lost as ApiError).code).toBe('network_error');
    expect(keys).toEqual([expect.any(String), null]);
    // the write reached the server once: without a key, a person's retry would be a second organisation
    expect(await stored(b.name)).toBe(1);
  });
});
