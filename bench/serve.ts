// The Accord server as a separate process for the benchmark: prints {"port":N} once it listens.
import { loadConfig } from '../src/config/config';
import { composeDeps } from '../src/server/compose';
import { buildApp } from '../src/server/app';

const config = loadConfig({ ...process.env, ACCORD_PORT: '0', ACCORD_LOG_LEVEL: 'error' });
const quiet = { info: () => undefined, warn: () => undefined, error: (o: unknown) => console.error(o) };
const deps = await composeDeps(config, { log: quiet });
const app = await buildApp(deps, { logger: false, serveWeb: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const a = app.server.address();
process.stdout.write(JSON.stringify({ port: typeof a === 'object' && a ? a.port : 0 }) + '\n');
process.on('SIGTERM', async () => {
  await app.close();
  await deps.database.close();
  process.exit(0);
});
