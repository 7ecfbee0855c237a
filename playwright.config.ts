import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium-path.mjs';

/** E2E_PORT lets two test runs on one machine use their own dev servers. */
const port = Number(process.env.E2E_PORT ?? 5183);
/**
 * Two pages at a time: most of a test waits on the engine worker's steps and the page's
 * renders, so on 2 cores two workers halve the suite (21 → 11 min) with no test slower.
 * E2E_WORKERS=1 runs them one by one.
 */
const workers = Number(process.env.E2E_WORKERS ?? 2);
if (!Number.isInteger(workers) || workers < 1) {
  throw new Error(`E2E_WORKERS must be a whole number from 1, got "${process.env.E2E_WORKERS}"`);
}

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
  },
  webServer: {
    command: `npx vite --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
