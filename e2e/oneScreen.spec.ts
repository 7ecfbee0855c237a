import { expect, test, type Locator, type Page } from '@playwright/test';

/**
 * The core loop on one screen (a teacher at a projector): after a range test and while
 * training, the run buttons, the four schedule inputs and the four charts lie inside the
 * viewport without scrolling, with the controls shown and hidden.
 */

const RUN_BUTTONS = ['Train', 'Pause', 'Step', 'Stop'];
const INPUTS: [role: 'spinbutton' | 'combobox', name: string][] = [
  ['spinbutton', 'Base LR'],
  ['spinbutton', 'Max LR'],
  ['spinbutton', 'Step size'],
  ['combobox', 'Policy'],
];
const CHARTS = ['Learning rate chart', 'Loss chart', 'Accuracy chart', 'Range test chart'];

/** A chart's container, named for screen readers (role img or figure). */
function chart(page: Page, name: string): Locator {
  return page
    .getByRole('img', { name, exact: true })
    .or(page.getByRole('figure', { name, exact: true }));
}

async function expectInViewport(page: Page, what: Locator, label: string) {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('no viewport');
  const box = await what.boundingBox();
  expect(box, `${label} is laid out`).not.toBeNull();
  if (!box) return;
  expect(box.x, `${label}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${label}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${label}: right edge`).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box.y + box.height, `${label}: bottom edge`).toBeLessThanOrEqual(viewport.height + 0.5);
}

/** Opens the page on the synthetic dataset and runs a range test. */
async function afterRangeTest(page: Page) {
  await page.goto('/?dataset=synthetic');
  await expect(page.getByTestId('status')).toContainText('Backend:', { timeout: 90_000 });
  await expect(page.getByRole('button', { name: 'Run range test' })).toBeEnabled({
    timeout: 90_000,
  });
  await page.getByRole('button', { name: 'Run range test' }).click();
  await expect(page.getByRole('button', { name: 'Use suggestion' })).toBeEnabled({
    timeout: 120_000,
  });
  await page.getByRole('button', { name: 'Use suggestion' }).click();
}

async function startLongRun(page: Page) {
  await page.getByLabel('Unit', { exact: true }).selectOption('iterations');
  await page.getByRole('spinbutton', { name: 'Train for' }).fill('5000');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toContainText(/Iteration [1-9]/, { timeout: 60_000 });
}

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
]) {
  test.describe(`at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    test('run controls, bounds and the four charts are on screen while training', async ({
      page,
    }) => {
      test.setTimeout(300_000);
      await afterRangeTest(page);
      await startLongRun(page);

      for (const name of RUN_BUTTONS) {
        await expectInViewport(page, page.getByRole('button', { name, exact: true }), name);
      }
      for (const [role, name] of INPUTS) {
        await expectInViewport(page, page.getByRole(role, { name, exact: true }), name);
      }
      for (const name of CHARTS) await expectInViewport(page, chart(page, name), name);
      await page.screenshot({ path: `test-results/one-screen-${width}x${height}.png` });

      // Legible on a projector: every text of the live charts is at least 14 px.
      for (const name of CHARTS.slice(0, 3)) {
        const sizes = await chart(page, name)
          .locator('text')
          .evaluateAll((texts) => texts.map((text) => parseFloat(getComputedStyle(text).fontSize)));
        expect(sizes.length, `${name} has text`).toBeGreaterThan(0);
        expect(Math.min(...sizes), `${name}: smallest text (px)`).toBeGreaterThanOrEqual(14);
      }

      await page.getByRole('button', { name: 'Hide controls' }).click();
      for (const name of RUN_BUTTONS) {
        await expectInViewport(page, page.getByRole('button', { name, exact: true }), name);
      }
      for (const name of CHARTS) await expectInViewport(page, chart(page, name), name);
      await page.screenshot({ path: `test-results/one-screen-hidden-${width}x${height}.png` });

      // Space pauses wherever focus is, even on the button that just hid the controls.
      await page.getByRole('button', { name: 'Show controls' }).focus();
      await page.keyboard.press('Space');
      await expect(page.getByTestId('status')).toContainText('Paused');
      await expect(page.getByRole('button', { name: 'Show controls' })).toBeVisible();
      await page.getByRole('button', { name: 'Stop', exact: true }).click();
      await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
        timeout: 60_000,
      });
    });
  });
}
