// A second app node for multi-process tests: serves the database named by ACCORD_DATABASE_URL on a
// free port and prints {"port":N} once it listens.
import { loadConfig } from '../../src/config/config';
import { composeDeps } from '../../src/server/compose';
import { buildApp } from '../../src/server/app';

const config = loadConfig({ ...process.env, ACCORD_PORT: '0', ACCORD_LOG_LEVEL: 'silent' });
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const deps = await composeDeps(config, { log: quiet });
const app = await buildApp(deps, { logger: false, serveWeb: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }) + '\n');
const stop = async () => {
  await app.close();
  await deps.database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
