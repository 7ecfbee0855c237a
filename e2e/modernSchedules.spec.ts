import { expect, test, type Page } from '@playwright/test';

/** WSD and Schedule-Free end to end: pick, preview, train, and see validation accuracy. */

const status = (page: Page) => page.getByTestId('status');

async function openSynthetic(page: Page) {
  await page.goto('/');
  await expect(status(page)).toContainText('Backend: wasm', { timeout: 90_000 });
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('synthetic');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
    timeout: 60_000,
  });
}

async function trainIterations(page: Page, iterations: number) {
  await page.getByRole('combobox', { name: 'Unit' }).selectOption('iterations');
  await page.getByRole('spinbutton', { name: 'Train for' }).fill(String(iterations));
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
    timeout: 180_000,
  });
  const match = /Validation accuracy ([\d.]+)%/.exec((await status(page).textContent()) ?? '');
  expect(match, 'validation accuracy in the status line').not.toBeNull();
  const accuracy = Number(match?.[1]);
  expect(accuracy).toBeGreaterThan(0);
  expect(accuracy).toBeLessThanOrEqual(100);
}

test.describe('beyond cyclical', () => {
  test('pick WSD, set its phases, see the preview, train', async ({ page }) => {
    test.setTimeout(300_000);
    await openSynthetic(page);
    await page.getByRole('combobox', { name: 'Policy' }).selectOption('wsd');
    await page.getByRole('spinbutton', { name: 'Warm-up steps' }).fill('10');
    await page.getByRole('spinbutton', { name: 'Stable steps' }).fill('40');
    await page.getByRole('spinbutton', { name: 'Decay steps' }).fill('30');
    await page.getByRole('combobox', { name: 'Decay shape' }).selectOption('1-sqrt');
    await expect(page.getByRole('alert')).toHaveCount(0);
    // The preview is the learning-rate chart's planned curve (the schedule explorer merged into it).
    const lrChart = page.getByTestId('lr-chart');
    await expect(lrChart.locator('path.training-line').first()).toBeVisible();
    // Planned over exactly the three phases: its data table shows their shape.
    await page.getByRole('combobox', { name: 'Unit' }).selectOption('iterations');
    await page.getByRole('spinbutton', { name: 'Train for' }).fill('80');
    await lrChart.getByRole('button', { name: /Show data/ }).click();
    const rows = lrChart.locator('table.chart-data-table tbody tr');
    await expect(rows.last().locator('th')).toHaveText('79');
    const planned = (
      await rows.evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent]),
      )
    ).map(([k, lr]) => ({ k: Number(k?.replace(/,/g, '')), lr: Number(lr) }));
    const phase = (from: number, to: number) => planned.filter(({ k }) => k >= from && k < to);
    const max = Math.max(...planned.map(({ lr }) => lr));
    const warmUp = phase(0, 10);
    const stable = phase(10, 51);
    const cooldown = phase(51, 80);
    expect(warmUp.length).toBeGreaterThan(2);
    expect(cooldown.length).toBeGreaterThan(5);
    // Warm-up rises to the max, the stable phase holds it, the 1-sqrt cooldown falls from it.
    warmUp.slice(1).forEach(({ lr }, i) => expect(lr).toBeGreaterThan(warmUp[i].lr));
    expect(warmUp.at(-1)?.lr).toBeLessThan(max);
    for (const { lr } of stable) expect(lr).toBe(max);
    cooldown.slice(1).forEach(({ lr }, i) => expect(lr).toBeLessThan(cooldown[i].lr));
    expect(cooldown[0].lr).toBeLessThan(max);
    await trainIterations(page, 80);
  });

  test('pick Schedule-Free SGD, set its options, train, validation accuracy shown, the export writes the options', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await openSynthetic(page);
    await page.getByRole('combobox', { name: 'Optimizer' }).selectOption('sgdScheduleFree');
    // Its own options beside the picker, each naming the library's default.
    const momentum = page.getByRole('spinbutton', { name: 'Momentum', exact: true });
    await expect(momentum).toHaveValue('0.9');
    await expect(page.getByText('schedulefree default: momentum=0.9')).toBeVisible();
    await momentum.fill('1.5');
    await expect(page.locator('.optimizer-options').getByRole('alert')).toHaveText(
      'Momentum must be less than 1.',
    );
    await momentum.fill('0.95');
    await page.getByRole('spinbutton', { name: 'Schedule-Free warm-up' }).fill('5');
    await page.getByRole('combobox', { name: 'Policy' }).selectOption('fixed');
    await page.getByRole('spinbutton', { name: 'LR', exact: true }).fill('0.5');
    await trainIterations(page, 60);
    // The export writes what trained.
    await page.getByRole('tab', { name: 'Code export' }).click();
    await expect(page.getByTestId('code-export-code')).toContainText(
      'optimizer = schedulefree.SGDScheduleFree(model.parameters(), lr=0.5, momentum=0.95, warmup_steps=5)',
    );
  });

  test('Prodigy shows its own step size (lr·d) on the LR chart, beside the range test’s pick', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await openSynthetic(page);
    await page.getByRole('combobox', { name: 'Optimizer' }).selectOption('prodigy');
    await expect(page.getByRole('button', { name: 'Run range test' })).toBeEnabled({
      timeout: 60_000,
    });
    await page.getByRole('spinbutton', { name: 'Iterations', exact: true }).fill('30');
    await page.getByRole('button', { name: 'Run range test' }).click();
    await expect(page.getByRole('button', { name: 'Use suggestion' })).toBeEnabled({
      timeout: 90_000,
    });
    await page.getByRole('combobox', { name: 'Policy' }).selectOption('fixed');
    await page.getByRole('spinbutton', { name: 'LR', exact: true }).fill('1');
    await trainIterations(page, 40);
    const lrChart = page.getByTestId('lr-chart');
    await expect(lrChart.locator('.training-legend')).toContainText('Prodigy’s step (lr·d)');
    await expect(lrChart.locator('.training-legend')).toContainText('Range test’s max LR');
    // The step Prodigy took is in the chart's data table, one row per step shown.
    await lrChart.getByRole('button', { name: /Show data/ }).click();
    await expect(lrChart.getByRole('columnheader', { name: 'Prodigy step (lr·d)' })).toBeVisible();
  });
});
