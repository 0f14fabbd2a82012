import { defineConfig } from '@playwright/test';

// End-to-end tests of the web UI in Debian's Chromium (never a downloaded browser) against a real
// `relpack serve` started by the global setup. RELPACK_TEST_REPORTS=dir adds a JSON report there.
const reports = process.env.RELPACK_TEST_REPORTS;

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  outputDir: '../../test-results/playwright',
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: reports ? [['list'], ['json', { outputFile: `${reports}/playwright.json` }]] : [['list']],
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'en-GB',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking'],
    },
  },
});
