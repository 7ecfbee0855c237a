// Chart redraw time with 50,000 recorded steps: serves bench/chartRedraw.html with the Vite dev
// server, reads window.chartBenchResult in headless Chromium and prints it as one JSON line.
// Usage: node scripts/benchCharts.mjs [--points=50000] [--redraws=30] [--screenshot=file.png]
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium-path.mjs';

const port = 5198;
const origin = `http://127.0.0.1:${port}`;
const options = Object.fromEntries(
  process.argv
    .slice(2)
    .map((arg) => arg.replace(/^--/, '').split('='))
    .map(([key, value]) => [key, value ?? '']),
);

const server = spawn(
  'npx',
  ['vite', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
  { stdio: 'ignore', detached: true },
);
const stopServer = () => {
  try {
    process.kill(-server.pid);
  } catch {
    // already gone
  }
};
process.on('exit', stopServer);

async function waitForServer() {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${origin}/bench/chartRedraw.html`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite did not start on ${origin}`);
}

async function measure() {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const query = new URLSearchParams();
    if (options.points) query.set('points', options.points);
    if (options.redraws) query.set('redraws', options.redraws);
    await page.goto(`${origin}/bench/chartRedraw.html?${query}`);
    await page.waitForFunction(() => window.chartBenchResult || window.chartBenchError, null, {
      timeout: 180_000,
    });
    const { result, error } = await page.evaluate(() => ({
      result: window.chartBenchResult,
      error: window.chartBenchError,
    }));
    if (error) throw new Error(`chart bench failed in the page: ${error}`);
    if (options.screenshot) await page.screenshot({ path: options.screenshot, fullPage: true });
    return result;
  } finally {
    await browser.close();
  }
}

try {
  await waitForServer();
  console.log(JSON.stringify(await measure()));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  stopServer();
}
