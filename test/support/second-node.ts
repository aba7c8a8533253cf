import { spawn } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';

/** A second app process on the same database (test/support/serve-process.ts): its URL and how to stop it. */
export async function startSecondNode(databaseUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/serve-process.ts'], { env: { ...process.env, ACCORD_DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = (await once(readline.createInterface({ input: child.stdout! }), 'line'))[0] as string;
  return {
    url: `http://127.0.0.1:${JSON.parse(line).port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
