import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Worker-thread and CLI tests spawn processes; keep the 2-core machine from thrashing.
    maxWorkers: 2,
  },
});
