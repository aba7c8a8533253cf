import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makeTestApp, signIn, as, type TestApp } from './support/app';
import { buildWorld, PASSWORD, type World } from './support/world';

describe('smoke', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await makeTestApp('sqlite');
    w = await buildWorld(t.deps);
  });
  afterAll(async () => t?.close());

  it('serves a partnership overview to its convener', async () => {
    const s = await signIn(t.app, w.emails.convener, PASSWORD);
    const res = await t.app.inject({ url: `/api/v1/partnerships/${w.partnership}`, headers: as(s) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().allowedActions).toContain('partnership.transition');
  });
});
