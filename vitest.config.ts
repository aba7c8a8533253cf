import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.spec.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 180_000,
    env: { TZ: 'UTC' },
    // expect.poll waits 1 s by default: too short for a browser on a loaded two-core CI machine
    expect: { poll: { timeout: 15_000, interval: 100 } },
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
