import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app';
import { Health } from '../../src/contracts/reference';

describe('platform endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp('sqlite');
  });
  afterAll(async () => t?.close());

  it('answers the health check with ok and the database kind while the database answers', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(Health.parse(res.json())).toEqual({ status: 'ok', database: 'sqlite' });
  });

  it('publishes an OpenAPI 3.1 document listing every API route', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.1/);
    for (const p of ['/api/v1/organisations', '/api/v1/partnerships/{id}', '/api/v1/partnerships/{id}/transitions', '/api/v1/auth/sign-in', '/api/health']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    const post = doc.paths['/api/v1/organisations'].post;
    expect(post.requestBody.content['application/json'].schema.properties.sector.enum).toContain('philanthropic');
    expect(post.responses['422']).toBeDefined();
  });

  it('describes the live events stream: a text/event-stream of change events shaped like LiveEvent, and its refusals', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const events = doc.paths['/api/v1/partnerships/{id}/events'].get;
    const stream = events.responses['200'];
    expect(stream.description).toMatch(/event: change/);
    const schema = stream.content['text/event-stream'].schema;
    expect(Object.keys(schema.properties).sort()).toEqual(['actorId', 'at', 'entityId', 'entityType', 'partnershipId', 'type']);
    expect(stream.content['application/json']).toBeUndefined();
    for (const status of ['401', '404', '429']) expect(events.responses[status].content['application/json'].schema, status).toBeDefined();
  });

  it('serves a readable API reference at /api/docs', async () => {
    const res = await t.app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/swagger/i);
  });

  it('answers unknown API routes with a 404 problem document', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('not_found');
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'content-type': 'application/json' }, payload: '{"email": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('bad_request');
  });

  it('answers 503 on the health check when the database is gone', async () => {
    const t2 = await makeTestApp('sqlite');
    await t2.deps.database.db.destroy();
    const res = await t2.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('unavailable');
    await t2.app.close();
  });
});
