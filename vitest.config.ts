import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.spec.ts'],
    environment: 'node',
    pool: 'forks',
    // three files at a time on two cores: the browser journeys spend much of their time waiting (for the page to
    // settle, for a toast), and a third file fills those waits (measured on this machine: 15.4 min instead of 19.8 for the whole suite)
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 180_000,
    env: { TZ: 'UTC' },
    // expect.poll waits 1 s by default: too short for a browser on a loaded two-core CI machine
    expect: { poll: { timeout: 15_000, interval: 100 } },
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
