import { expect, test, type Page } from '@playwright/test';
import { copyFile, readFile } from 'node:fs/promises';

const keptRuns = (page: Page) => page.getByTestId('kept-run');
const run = (page: Page, name: string | RegExp) => keptRuns(page).filter({ hasText: name });
/** The training run's kept name: policy, its bounds (Base LR–Max LR), length. */
const TRAINED = /triangular [\d.e-]+–[\d.e-]+, 30 iterations/;

/** Opens the page on the tiny synthetic dataset, with the engine ready. */
async function openSynthetic(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('status')).toContainText('Backend:', { timeout: 90_000 });
  await page.getByLabel('Dataset', { exact: true }).selectOption('synthetic');
  await expect(page.getByRole('button', { name: 'Run range test' })).toBeEnabled({
    timeout: 90_000,
  });
}

/** A 20-step range test, then 30 iterations of training; each is kept when it ends. */
async function rangeTestThenTrain(page: Page) {
  await page.getByRole('spinbutton', { name: 'Iterations', exact: true }).fill('20');
  await page.getByRole('button', { name: 'Run range test' }).click();
  await expect(keptRuns(page)).toHaveCount(1, { timeout: 60_000 });
  await expect(run(page, 'Range test')).toContainText('Range test · synthetic');

  await page.getByLabel('Unit', { exact: true }).selectOption('iterations');
  await page.getByRole('spinbutton', { name: 'Train for' }).fill('30');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(keptRuns(page)).toHaveCount(2, { timeout: 90_000 });
  await expect(run(page, TRAINED)).toContainText('30 steps');
}

async function downloadOf(page: Page, click: () => Promise<void>) {
  const downloading = page.waitForEvent('download');
  await click();
  const download = await downloading;
  return { name: download.suggestedFilename(), path: await download.path() };
}

test('kept runs survive a reload and can be renamed, shown, exported, imported and deleted', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openSynthetic(page);
  await rangeTestThenTrain(page);

  await page.reload();
  await expect(keptRuns(page)).toHaveCount(2);
  await expect(run(page, TRAINED)).toBeVisible();

  // Rename: the new name is written to storage, so it is still there after a reload.
  await page.getByRole('button', { name: new RegExp(`^Rename ${TRAINED.source}$`) }).click();
  await page.getByRole('textbox', { name: 'New name' }).fill('short triangular');
  await page.keyboard.press('Enter');
  await expect(run(page, 'short triangular')).toBeVisible();
  await page.reload();
  await expect(run(page, 'short triangular')).toBeVisible();

  // Pin: pinned runs come first, before the newer training run.
  await expect(keptRuns(page).first()).toContainText('short triangular');
  await page.getByRole('button', { name: /^Pin Range test/ }).click();
  await expect(keptRuns(page).first()).toContainText('Range test');
  await expect(keptRuns(page).first()).toContainText('pinned');

  // Show both on the charts: each gets a legend entry in its colour, then hide the training run.
  const lossChart = page.getByTestId('loss-chart');
  const rangeChart = page.getByTestId('range-test-chart');
  await page.getByRole('checkbox', { name: 'Show short triangular on the charts' }).check();
  await page.getByRole('checkbox', { name: /^Show Range test .* on the charts$/ }).check();
  await expect(lossChart.locator('.training-legend')).toContainText('short triangular');
  await expect(lossChart.locator('path.training-line')).toHaveCount(3);
  await expect(rangeChart.getByRole('list', { name: 'Kept range tests shown' })).toContainText(
    'Range test',
  );
  await expect(rangeChart.locator('path.kept-run-line')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/kept-runs-overlay.png', fullPage: true });
  const lossPng = await downloadOf(page, () =>
    page.getByRole('button', { name: 'Save Loss chart as PNG' }).click(),
  );
  expect(lossPng.name).toBe('loss-chart.png');
  await copyFile(lossPng.path, 'test-results/kept-runs-loss-chart.png');
  await page.getByRole('checkbox', { name: 'Show short triangular on the charts' }).uncheck();
  await expect(lossChart.locator('.training-legend')).not.toContainText('short triangular');
  await expect(lossChart.locator('path.training-line')).toHaveCount(2);

  // Charts as PNG.
  const png = await downloadOf(page, () =>
    page
      .getByRole('button', {
        name: 'Save Range test: loss and accuracy against learning rate chart as PNG',
      })
      .click(),
  );
  expect(png.name).toBe('range-test-chart.png');
  await copyFile(png.path, 'test-results/kept-runs-range-test-chart.png');
  const pngBytes = await readFile(png.path);
  expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  // IHDR width and height: twice the chart's CSS size.
  expect(pngBytes.readUInt32BE(16)).toBeGreaterThan(800);

  // CSV and JSON export.
  const csv = await downloadOf(page, () =>
    page.getByRole('button', { name: 'Export short triangular as CSV' }).click(),
  );
  expect(csv.name).toBe('short-triangular.csv');
  const csvLines = (await readFile(csv.path, 'utf8')).trimEnd().split('\n');
  expect(csvLines[0]).toBe('iteration,lr,momentum,loss,smoothed_loss,train_acc,val_acc');
  expect(csvLines).toHaveLength(31);
  // Validations every 2 steps on synthetic data: the second step's row has one.
  expect(csvLines[2].split(',')[6]).not.toBe('');

  const json = await downloadOf(page, () =>
    page.getByRole('button', { name: 'Export short triangular as JSON' }).click(),
  );
  const exported = JSON.parse(await readFile(json.path, 'utf8'));
  expect(exported.format).toBe('lr-playground-run');
  expect(exported.run.name).toBe('short triangular');
  expect(exported.run.series.loss).toHaveLength(30);

  // Delete (kept deleted after a reload), then import the exported file back.
  await page.getByRole('button', { name: 'Delete short triangular' }).click();
  await expect(keptRuns(page)).toHaveCount(1);
  await page.reload();
  await expect(keptRuns(page)).toHaveCount(1);
  await page.getByLabel('Run file to import').setInputFiles(json.path);
  await expect(page.getByText('Imported "short triangular"')).toBeVisible();
  await expect(run(page, 'short triangular')).toContainText('30 steps');

  // A damaged file is refused with the field it got wrong.
  exported.run.series.lr[3] = 'fast';
  await page.getByLabel('Run file to import').setInputFiles({
    name: 'damaged.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(exported)),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'damaged.json' })).toHaveText(
    'damaged.json was not imported: run.series.lr.3: must be a number (or "NaN", "Infinity", "-Infinity")',
  );
  await expect(keptRuns(page)).toHaveCount(2);
  await page.locator('.runs-panel').screenshot({ path: 'test-results/kept-runs-panel.png' });
});

test('without IndexedDB the panel says so, and runs stay in memory and can be exported', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // As in a browser that refuses storage: opening a database throws.
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('Storage is disabled in this window.', 'SecurityError');
    };
  });
  await openSynthetic(page);
  await expect(
    page.getByRole('alert').filter({ hasText: 'Kept runs could not be read' }),
  ).toContainText('(SecurityError: Storage is disabled in this window)');

  await page.getByRole('spinbutton', { name: 'Iterations', exact: true }).fill('20');
  await page.getByRole('button', { name: 'Run range test' }).click();
  await expect(keptRuns(page)).toHaveCount(1, { timeout: 60_000 });
  await expect(keptRuns(page)).toContainText('Not saved in this browser: export it to keep it.');
  await expect(page.getByRole('alert').filter({ hasText: 'was not saved' })).toBeVisible();

  const json = await downloadOf(page, () =>
    page.getByRole('button', { name: /^Export Range test .* as JSON$/ }).click(),
  );
  const exported = JSON.parse(await readFile(json.path, 'utf8'));
  expect(exported.run.kind).toBe('rangeTest');
  // All the steps it recorded (fewer than 20 when the loss diverged first).
  const numSteps = Number(/([\d,]+) steps/.exec((await keptRuns(page).textContent()) ?? '')?.[1]);
  expect(numSteps).toBeGreaterThan(0);
  expect(exported.run.series.lr).toHaveLength(numSteps);
  expect(exported.run.series.loss).toHaveLength(numSteps);
  await page.locator('.runs-panel').screenshot({ path: 'test-results/kept-runs-no-storage.png' });
});
