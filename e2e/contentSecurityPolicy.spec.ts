import { expect, test } from '@playwright/test';

/**
 * The page works under its Content-Security-Policy: no inline script or eval allowed, only
 * WebAssembly compilation, and the WASM backend still starts its threads (XNNPACK's and our
 * kernels' helper workers) and trains.
 */
test('the page sends a strict policy and trains on two WASM threads without a violation', async ({
  page,
}) => {
  test.setTimeout(240_000);
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

  const response = await page.goto('/?backend=wasm&threads=2');
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
});
