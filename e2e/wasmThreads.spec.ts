import { expect, test, type Page } from '@playwright/test';

const status = (page: Page) => page.getByTestId('status');

test.describe('WASM threads on a cross-origin isolated page', () => {
  test('two threads start, are reported, and train a range test', async ({ page }) => {
    test.setTimeout(240_000);
    const workerErrors: string[] = [];
    page.on('pageerror', (error) => workerErrors.push(error.message));
    await page.goto('/?backend=wasm&threads=2');
    await expect(status(page)).toContainText('Backend: wasm (SIMD on, 2 threads)', {
      timeout: 90_000,
    });
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await expect(page.getByRole('combobox', { name: 'WASM threads' })).toHaveValue('2');

    await page.getByRole('spinbutton', { name: 'Iterations', exact: true }).fill('30');
    await page.getByRole('button', { name: 'Run range test' }).click();
    await expect(page.getByText(/Suggested max LR: /)).toBeVisible({ timeout: 120_000 });
    // pthread workers that fail to load report here ("e is not defined" before the fix).
    expect(workerErrors).toEqual([]);
  });

  test('the thread setting restarts the engine with the new count', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto('/?backend=wasm&threads=2');
    await expect(status(page)).toContainText('2 threads', { timeout: 90_000 });
    await page.getByRole('combobox', { name: 'WASM threads' }).selectOption('1');
    // One thread runs tfjs's plain SIMD build; the worker is started afresh to switch.
    await expect(status(page)).toContainText('1 thread: one thread asked for', {
      timeout: 90_000,
    });
  });
});
