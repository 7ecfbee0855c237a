import { expect, test, type Page } from '@playwright/test';

/**
 * A phone and a tablet: one column, nothing wider than the screen, the status bar at most two
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
      await page.screenshot({ path: `test-results/screen-${width}x${height}.png` });
    });
  });
}
