import { expect, test, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The page works under its Content-Security-Policy: no inline script or eval allowed, only
 * WebAssembly compilation, and the WASM backend still starts its threads (XNNPACK's and our
 * kernels' helper workers) and trains. Checked on the dev server (whose policy adds a nonce for
 * Vite's injected tags) and on the production build as `vite preview` serves it, with the policy
 * a host is told to send (no nonce): what users get.
 */

/** `vite preview`'s port for the production build; E2E_PREVIEW_PORT moves it, as E2E_PORT does. */
const PREVIEW_PORT = Number(process.env.E2E_PREVIEW_PORT ?? 4173);
const VITE = join(process.cwd(), 'node_modules/vite/bin/vite.js');

/** Loads the page at `url`, checks its policy, trains 20 steps on two threads, and lists violations. */
async function trainUnderPolicy(page: Page, url: string): Promise<{ policy: string }> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });

  const response = await page.goto(url);
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain("'unsafe-inline'");
  expect(policy).not.toContain("'unsafe-eval'");
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');

  await expect(page.getByTestId('status')).toContainText('Backend: wasm (SIMD on, 2 threads)', {
    timeout: 90_000,
  });
  // Our own SIMD kernels run on both threads too, their gradients checked against one thread.
  await expect(page.getByTestId('status')).not.toContainText('our SIMD kernels');
  await page.getByRole('spinbutton', { name: 'Iterations', exact: true }).fill('20');
  await page.getByRole('button', { name: 'Run range test' }).click();
  await expect(page.getByText(/Suggested max LR: /)).toBeVisible({ timeout: 120_000 });
  expect(violations).toEqual([]);
  return { policy };
}

test('the page sends a strict policy and trains on two WASM threads without a violation', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await trainUnderPolicy(page, '/?backend=wasm&threads=2');
});

test.describe('the production build', () => {
  let outDir = '';
  let preview: ChildProcess | null = null;

  test.beforeAll(async () => {
    // About 15 s on 2 cores: the build users get, without the dev server's nonce or test hooks.
    test.setTimeout(180_000);
    outDir = mkdtempSync(join(tmpdir(), 'lr-playground-dist-'));
    const build = spawnSync(
      process.execPath,
      [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      { encoding: 'utf8', timeout: 150_000 },
    );
    if (build.status !== 0) throw new Error(`vite build failed: ${build.stderr}`);
    preview = spawn(
      process.execPath,
      [
        ...[VITE, 'preview', '--outDir', outDir, '--host', '127.0.0.1'],
        ...['--port', String(PREVIEW_PORT), '--strictPort'],
      ],
      { stdio: 'ignore' },
    );
    // Our build's page, not whatever else may answer on that port (a preview left running).
    const ours = readFileSync(join(outDir, 'index.html'), 'utf8');
    await expect
      .poll(
        () =>
          fetch(`http://127.0.0.1:${PREVIEW_PORT}/`)
            .then((response) => response.text())
            .catch(() => ''),
        { timeout: 30_000, message: `vite preview of the build on port ${PREVIEW_PORT}` },
      )
      .toBe(ours);
  });

  test.afterAll(() => {
    preview?.kill();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  test('sends the policy hosts are told to send, and trains on two WASM threads under it', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const { policy } = await trainUnderPolicy(
      page,
      `http://127.0.0.1:${PREVIEW_PORT}/?backend=wasm&threads=2`,
    );
    // No nonce: nothing inline is allowed at all. And it is the policy the README gives hosts.
    expect(policy).not.toContain('nonce-');
    const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
    expect(readme).toContain(`\nContent-Security-Policy: ${policy}\n`);
  });
});
