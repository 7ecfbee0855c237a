import { expect, test, type Page } from '@playwright/test';

/** The page's status line (backend, iteration, validation accuracy). */
const status = (page: Page) => page.getByTestId('status');

async function openReady(page: Page) {
  await page.goto('/');
  await expect(status(page)).toContainText('Backend: wasm', { timeout: 90_000 });
}

function validationAccuracy(text: string): number {
  const match = /Validation accuracy ([\d.]+)%/.exec(text);
  return match ? Number(match[1]) : NaN;
}

test.describe('the playground, as a first-time user', () => {
  test('range test → use suggestion → train an epoch → pause, step, resume, stop', async ({
    page,
  }) => {
    test.setTimeout(600_000);
    await openReady(page);

    await page.getByRole('button', { name: 'Run range test' }).click();
    const suggestion = page.getByText(/Suggested max LR: /);
    await expect(suggestion).toBeVisible({ timeout: 120_000 });
    await expect(
      page.getByTestId('range-test-chart').locator('path.training-line').first(),
    ).toBeVisible();
    await page.screenshot({ path: 'test-results/playground-range-test.png', fullPage: true });

    await page.getByRole('button', { name: 'Use suggestion' }).click();
    // "Suggested max LR: 0.0498 (the methods' picks span …)": the number after the colon.
    const suggested = Number(
      /Suggested max LR: ([\d.e+-]+)/.exec((await suggestion.textContent()) ?? '')?.[1],
    );
    const maxLr = Number(await page.getByRole('spinbutton', { name: 'Max LR' }).inputValue());
    expect(maxLr).toBeCloseTo(suggested, 2);

    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(status(page)).toContainText(/Iteration [1-9]/, { timeout: 60_000 });

    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(status(page)).toContainText('Paused');
    const pausedAt = await status(page).textContent();
    await page.waitForTimeout(1500);
    expect(await status(page).textContent()).toBe(pausedAt);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(status(page)).not.toHaveText(pausedAt ?? '');
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await expect(status(page)).not.toContainText('Paused');

    await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
      timeout: 420_000,
    });
    const text = (await status(page).textContent()) ?? '';
    expect(validationAccuracy(text)).toBeGreaterThanOrEqual(97);
    await page.screenshot({ path: 'test-results/playground-trained.png', fullPage: true });

    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeEnabled();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
      timeout: 60_000,
    });
  });

  test('Base LR above Max LR disables Train and says why', async ({ page }) => {
    await openReady(page);
    await page.getByRole('spinbutton', { name: 'Base LR' }).fill('0.5');
    await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
    await expect(
      page.getByText('Fix the schedule first: baseLr: must not exceed maxLr'),
    ).toBeVisible();
  });

  test('a sweep too short to read disables Run range test and says why', async ({ page }) => {
    await openReady(page);
    await page.getByRole('spinbutton', { name: 'Iterations', exact: true }).fill('5');
    await expect(page.getByRole('button', { name: 'Run range test' })).toBeDisabled();
    await expect(page.getByText('Fix the sweep first: Use at least 10 iterations.')).toBeVisible();
    await page.getByRole('spinbutton', { name: 'Iterations', exact: true }).fill('100');
    await expect(page.getByRole('button', { name: 'Run range test' })).toBeEnabled();
  });

  // With batch norm a fixed LR of 10 need not overflow: PyTorch 1.13 and our fused WASM
  // kernels both keep the loss finite at 3–8, while tfjs's composed ops reach NaN. Either way
  // the page must say the run diverged.
  test('a huge LR diverges: the page says so, and Stop keeps what was recorded', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await openReady(page);
    await page.getByRole('combobox', { name: 'Policy' }).selectOption('fixed');
    await page.getByRole('spinbutton', { name: 'LR', exact: true }).fill('10');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const verdict = page
      .getByRole('alert')
      .filter({ hasText: /The run has diverged|The loss became/ });
    await expect(verdict).toBeVisible({ timeout: 120_000 });
    await expect(verdict).toContainText(/worse than guessing at random|too high/);
    const stop = page.getByRole('button', { name: 'Stop', exact: true });
    if (await stop.isEnabled()) await stop.click();
    await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
    await expect(page.getByTestId('loss-chart').locator('.training-line').first()).toBeVisible();
    await expect(page.getByTestId('kept-run').first()).toContainText('fixed 10');
  });

  test('Max LR can be set with the keyboard alone', async ({ page }) => {
    await openReady(page);
    const box = page.getByRole('spinbutton', { name: 'Max LR' });
    const before = Number(await box.inputValue());
    await page.keyboard.press('Tab');
    for (let i = 0; i < 40; i++) {
      const name = await page.evaluate(() =>
        document.activeElement?.getAttribute('aria-labelledby'),
      );
      if (name === 'field-maxLr-label') break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => Number(await box.inputValue())).toBeGreaterThan(before);
  });
});

test('a crashed engine worker is reported, and Restart engine brings it back', async ({ page }) => {
  const crash = (route: import('@playwright/test').Route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: "throw new Error('simulated engine crash');",
    });
  await page.route('**/worker/engine.worker.ts*', crash);
  await page.goto('/');
  const alert = page.getByRole('alert').filter({ hasText: 'The engine crashed' });
  // A module worker's top-level error reaches the page without its message: the page says so plainly.
  await expect(alert).toContainText('Restart it to go on', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Run range test' })).toBeDisabled();

  await page.unroute('**/worker/engine.worker.ts*', crash);
  await page.getByRole('button', { name: 'Restart engine' }).click();
  await expect(status(page)).toContainText('Backend: wasm', { timeout: 90_000 });
  await expect(alert).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run range test' })).toBeEnabled();
});
