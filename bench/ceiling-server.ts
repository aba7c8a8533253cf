// The read ceiling: bare Fastify answering the same JSON bodies from memory, no database, no auth.
import fs from 'node:fs';
import Fastify from 'fastify';

const bodies = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as Record<string, unknown>;
const app = Fastify({ logger: false });
for (const [route, body] of Object.entries(bodies)) app.get(route, async () => body);
await app.listen({ host: '127.0.0.1', port: 0 });
const a = app.server.address();
process.stdout.write(JSON.stringify({ port: typeof a === 'object' && a ? a.port : 0 }) + '\n');
process.on('SIGTERM', async () => {
  await app.close();
  process.exit(0);
});
