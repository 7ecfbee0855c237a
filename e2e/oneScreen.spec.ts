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
  // Not behind the status bar, which sticks to the bottom of the window over the page.
  const bar = await page.getByTestId('status-bar').boundingBox();
  if (bar && box.x < bar.x + bar.width && box.x + box.width > bar.x) {
    expect(box.y + box.height, `${label}: above the status bar`).toBeLessThanOrEqual(bar.y + 0.5);
  }
}

/** Every text shown in `root` (not the screen-reader-only summary), its font size and where it is. */
function visibleTextSizes(root: Element): { text: string; px: number; where: string }[] {
  const out: { text: string; px: number; where: string }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    const text = node.textContent?.trim();
    if (!element || !text || element.closest('.visually-hidden')) continue;
    const box = element.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) continue;
    const where = element.closest('.chart-readout-box')
      ? 'readout'
      : element.closest('.training-legend')
        ? 'legend'
        : element.closest('svg')
          ? 'svg'
          : 'html';
    out.push({ text, px: parseFloat(getComputedStyle(element).fontSize), where });
  }
  return out;
}

/** The status bar's figures for the latest step. */
async function statusFigure(page: Page, pattern: RegExp): Promise<number> {
  const match = pattern.exec((await page.getByTestId('status').textContent()) ?? '');
  return match ? Number(match[1].replaceAll(',', '')) : NaN;
}
const statusIteration = (page: Page) => statusFigure(page, /Iteration ([\d,]+)/);
const statusLr = (page: Page) => statusFigure(page, /LR ([\d.e+-]+)/);

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
  // The headline gives the pick and how far apart the methods' picks are.
  await expect(page.getByTestId('range-test-headline')).toHaveText(
    /^Suggested max LR: [\d.e-]+ \(the methods' picks span [\d.e-]+–[\d.e-]+, [\d.]+×\)$/,
  );
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

      // Legible on a projector: every text of the live charts is at least 14 px — the SVG axes
      // and the HTML around them: title, legend, toggles and the hover readout.
      await chart(page, CHARTS[0]).locator('.training-chart-plot').hover();
      await expect(chart(page, CHARTS[0]).locator('.chart-readout-box')).toBeVisible();
      for (const name of CHARTS.slice(0, 3)) {
        const texts = await chart(page, name).evaluate(visibleTextSizes);
        expect(texts.length, `${name} has text`).toBeGreaterThan(0);
        expect(
          texts.filter((text) => text.px < 14),
          `${name}: texts under 14 px`,
        ).toEqual([]);
        const measured = texts.map((text) => text.where);
        expect(measured, `${name}: legend measured`).toContain('legend');
        expect(measured, `${name}: axis text measured`).toContain('svg');
        if (name === CHARTS[0]) expect(measured, 'hover readout measured').toContain('readout');
      }

      const maxLr = page.getByRole('spinbutton', { name: 'Max LR', exact: true });
      const baseLr = page.getByRole('spinbutton', { name: 'Base LR', exact: true });
      const [oldBase, oldMax] = [await baseLr.inputValue(), Number(await maxLr.inputValue())];
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

      // Paused, a click on the range-test chart sets Max LR (and Base LR = Max / ratio), and the
      // next step trains under the new bounds; the LR chart marks the change.
      const plot = chart(page, 'Range test chart').locator('.range-test-plot');
      const plotBox = await plot.boundingBox();
      if (!plotBox) throw new Error('range-test plot not laid out');
      // Near the right end of the LR axis (the right-hand axis takes the last ~90 px).
      await plot.click({ position: { x: plotBox.width - 100, y: plotBox.height / 2 } });
      await expect(chart(page, CHARTS[0]).locator('.schedule-changes')).toHaveAttribute('d', /^M/);
      const iteration = await statusIteration(page);
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await expect.poll(() => statusIteration(page), { timeout: 30_000 }).toBe(iteration + 1);
      const lr = await statusLr(page);
      await page.getByRole('button', { name: 'Show controls' }).click();
      const [newBase, newMax] = [
        Number(await baseLr.inputValue()),
        Number(await maxLr.inputValue()),
      ];
      expect(newMax, 'Max LR set by the click').toBeGreaterThan(oldMax * 2);
      expect(lr).toBeGreaterThanOrEqual(newBase * 0.99);
      expect(lr).toBeLessThanOrEqual(newMax * 1.01);

      // Space inside a text field types a space and does not pause or resume.
      // Back to the suggested bounds (Max first: Base stays above it until it is set too).
      await maxLr.fill(String(oldMax));
      await baseLr.fill(oldBase);
      await baseLr.press('Enter');
      await page.getByRole('button', { name: 'Resume', exact: true }).click();
      await page.getByText('Schedule spec (JSON)').click();
      const specBox = page.getByLabel('Schedule spec JSON');
      await specBox.click();
      await specBox.press('Control+End');
      const typed = await specBox.inputValue();
      const before = await statusIteration(page);
      await page.keyboard.press('Space');
      await expect(specBox).toHaveValue(`${typed} `);
      await expect.poll(() => statusIteration(page), { timeout: 30_000 }).toBeGreaterThan(before);
      await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeEnabled();

      await page.getByRole('button', { name: 'Stop', exact: true }).click();
      await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
        timeout: 60_000,
      });
    });
  });
}
