import { expect, test, type Page } from '@playwright/test';

/**
 * A phone and a tablet: one column (the form and every chart at nearly full width), nothing
 * wider than the screen, the status bar at most two
 * lines, and the whole loop (range test, a short run) works by tap.
 */

async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, 'document width').toBeLessThanOrEqual(innerWidth);
}

/** The status bar, while training (its fullest), is at most two lines of its own text. */
async function expectStatusBarAtMostTwoLines(page: Page) {
  const lineHeight = await page.getByTestId('status').evaluate((el) => {
    const style = getComputedStyle(el);
    return parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.3;
  });
  const box = await page.getByTestId('status-bar').boundingBox();
  expect(box, 'status bar is laid out').not.toBeNull();
  expect(box!.height, 'status bar height (px)').toBeLessThanOrEqual(2 * lineHeight + 24);
}

const CHARTS = ['Range test chart', 'Learning rate chart', 'Loss chart', 'Accuracy chart'];

/** One column: the schedule form and each chart (nearly) the screen's width, stacked. */
async function expectOneColumn(page: Page) {
  const width = page.viewportSize()?.width ?? 0;
  const schedule = page.getByRole('combobox', { name: 'Policy', exact: true });
  const wide = [
    {
      name: 'Schedule panel',
      box: await schedule.locator('xpath=ancestor::section[1]').boundingBox(),
    },
    ...(await Promise.all(
      CHARTS.map(async (name) => ({
        name,
        box: await page.getByRole('figure', { name, exact: true }).boundingBox(),
      })),
    )),
  ];
  for (const { name, box } of wide) {
    expect(box, `${name} is laid out`).not.toBeNull();
    if (!box) continue;
    expect(box.width, `${name}: width (px) of a ${width} px screen`).toBeGreaterThanOrEqual(
      0.9 * width,
    );
    expect(box.x + box.width, `${name}: right edge`).toBeLessThanOrEqual(width);
  }
  const charts = wide
    .slice(1)
    .map(({ box }) => box!)
    .sort((a, b) => a.y - b.y);
  for (let i = 1; i < charts.length; i++) {
    expect(charts[i].y, 'each chart below the one before').toBeGreaterThanOrEqual(
      charts[i - 1].y + charts[i - 1].height - 1,
    );
  }
}

for (const [width, height] of [
  [390, 844],
  [768, 1024],
]) {
  test.describe(`at ${width}×${height}`, () => {
    test.use({ viewport: { width, height }, hasTouch: true, isMobile: width < 500 });

    test('no horizontal overflow; range test and a short run complete by tap', async ({ page }) => {
      test.setTimeout(300_000);
      await page.goto('/?dataset=synthetic');
      const status = page.getByTestId('status');
      await expect(status).toContainText('Backend:', { timeout: 90_000 });
      await expectNoHorizontalOverflow(page);

      await expect(page.getByRole('button', { name: 'Run range test' })).toBeEnabled({
        timeout: 90_000,
      });
      await page.getByRole('button', { name: 'Run range test' }).tap();
      await expect(page.getByRole('button', { name: 'Use suggestion' })).toBeEnabled({
        timeout: 120_000,
      });
      await page.getByRole('button', { name: 'Use suggestion' }).tap();
      await expectNoHorizontalOverflow(page);

      await page.getByLabel('Unit', { exact: true }).selectOption('iterations');
      await page.getByRole('spinbutton', { name: 'Train for' }).fill('30');
      await page.getByRole('button', { name: 'Train', exact: true }).tap();
      await expect(status).toContainText(/Iteration [1-9]/, { timeout: 60_000 });
      await expectStatusBarAtMostTwoLines(page);
      await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
        timeout: 120_000,
      });
      await expect(status).toContainText(/Validation accuracy [\d.]+%/);
      await expectNoHorizontalOverflow(page);
      await expectOneColumn(page);
      await page.screenshot({ path: `test-results/screen-${width}x${height}.png` });
    });
  });
}
