import { expect, test, type Page } from '@playwright/test';

const keptRuns = (page: Page) => page.getByTestId('kept-run');
const chart = (page: Page) => page.getByTestId('range-test-chart');
const headline = (page: Page) => page.getByTestId('range-test-headline');

/** Opens the page on the tiny synthetic dataset, with the engine ready. */
async function openSynthetic(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('status')).toContainText('Backend:', { timeout: 90_000 });
  await page.getByLabel('Dataset', { exact: true }).selectOption('synthetic');
  await expect(page.getByRole('button', { name: 'Run range test' })).toBeEnabled({
    timeout: 90_000,
  });
}

/** What the Analysis table says each suggestion is with the current choices. */
async function shiftedPicks(page: Page): Promise<string[]> {
  return page.getByTestId('analysis-shift').locator('tbody td:nth-child(3)').allTextContents();
}

test('three repeated range tests: band, headline with spread, one repeat alone, analysis choices, export', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openSynthetic(page);
  await page.getByRole('spinbutton', { name: 'Iterations', exact: true }).fill('40');
  await page.getByLabel('Repeats').selectOption('3');
  await page.getByRole('button', { name: 'Run range test' }).click();

  // Every repeat is kept as a run of its own.
  await expect(keptRuns(page)).toHaveCount(3, { timeout: 120_000 });
  await expect(keptRuns(page).filter({ hasText: 'repeat 3 of 3' })).toHaveCount(1);

  // The median with its band (min–max for three) and each suggestion as an interval.
  await expect(headline(page)).toHaveText(/Suggested max LR: [\d.e-]+, ×[\d.]+ between runs/, {
    timeout: 30_000,
  });
  await expect(chart(page).locator('.range-test-repeat-bands[data-band="minMax"]')).toHaveCount(1);
  await expect(chart(page).locator('path.series-band').first()).toBeVisible();
  // Each interval has its median marked, on the interval (the span runs from the lowest pick
  // to the highest; a span of one pixel when the repeats agree).
  const intervals = await chart(page)
    .locator('.suggestion-interval')
    .evaluateAll((groups) =>
      groups.map((group) => {
        const span = group.querySelector('.suggestion-interval-span');
        const medians = group.querySelectorAll('.suggestion-interval-median');
        return {
          id: group.getAttribute('data-suggestion'),
          numMedians: medians.length,
          from: Number(span?.getAttribute('x1')),
          to: Number(span?.getAttribute('x2')),
          median: Number(medians[0]?.getAttribute('cx')),
        };
      }),
    );
  expect(intervals.length).toBeGreaterThan(0);
  for (const { id, numMedians, from, to, median } of intervals) {
    expect(numMedians, `${id}: one median mark`).toBe(1);
    expect(median, `${id}: median within its interval`).toBeGreaterThanOrEqual(from);
    expect(median, `${id}: median within its interval`).toBeLessThanOrEqual(to);
  }
  await page.screenshot({ path: 'test-results/range-test-repeats-1280.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/range-test-repeats-390.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // One repeat on its own: its own curve and picks, no band, no spread.
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Repeat 2 alone' });
  await expect(chart(page).locator('path.series-band')).toHaveCount(0);
  await expect(chart(page).locator('path.training-line').first()).toBeVisible();
  await expect(headline(page)).not.toContainText('between runs');
  await page.getByLabel('Show', { exact: true }).selectOption('all');
  await expect(headline(page)).toContainText('between runs');

  // An analysis choice moves the suggestions, recomputed from the kept curve.
  await page.getByTestId('range-test-analysis').locator('summary').click();
  await expect(page.getByText('fastai: iterations / 10; pytorch-lr-finder: 10.')).toBeVisible();
  const before = await shiftedPicks(page);
  await page.getByRole('spinbutton', { name: 'Skip at start' }).fill('30');
  await expect.poll(() => shiftedPicks(page)).not.toEqual(before);
  await page.getByRole('spinbutton', { name: 'Divergence factor' }).fill('1');
  await expect(page.getByText('Use a factor above 1.')).toBeVisible();
  await page.getByRole('button', { name: "Libraries' defaults" }).click();
  await expect.poll(() => shiftedPicks(page)).toEqual(before);

  // The range test as Python, with the page's repeats.
  await page.getByRole('tab', { name: 'Code export' }).click();
  await page.getByRole('tab', { name: 'Range test', exact: true }).click();
  const code = page.getByTestId('code-export-code');
  await expect(code).toContainText('def range_test(');
  await expect(code).toContainText('REPEATS = 3');
  await expect(code).toContainText('NUM_ITER = 40');
  await page.getByLabel('For', { exact: true }).selectOption('keras');
  await expect(code).toContainText('keras');
  await page.screenshot({ path: 'test-results/range-test-export.png' });
});
