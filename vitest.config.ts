import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    // CI reads the counts from JSON reports (RELPACK_TEST_REPORTS=dir); people read the default one.
    ...(process.env.RELPACK_TEST_REPORTS
      ? {
          reporters: ['default', 'json'],
          outputFile: { json: `${process.env.RELPACK_TEST_REPORTS}/vitest.json` },
        }
      : {}),
  },
});
