import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/**
 * Issue 16, runs are never lost and a dead engine never leaves the page stuck: a worker that
 * closes itself or hangs, a crash during a race, a double Train. Faults come through the dev
 * build's test hook (`window.lrPlaygroundTestHooks`), which the UI never offers.
 */

type Fault = 'close' | 'stall' | 'loseContext';

const status = (page: Page) => page.getByTestId('status');
const keptRuns = (page: Page) => page.getByTestId('kept-run');
const trainButton = (page: Page) => page.getByRole('button', { name: 'Train', exact: true });

async function openSynthetic(page: Page, query = '') {
  await page.goto(`/?dataset=synthetic${query}`);
  await expect(status(page)).toContainText('Backend:', { timeout: 90_000 });
  await expect(page.getByRole('button', { name: 'Run range test' })).toBeEnabled({
    timeout: 90_000,
  });
}

async function injectFault(page: Page, fault: Fault) {
  await page.evaluate(async (which) => {
    const hooks = (
      window as unknown as { lrPlaygroundTestHooks?: { injectFault(f: string): Promise<void> } }
    ).lrPlaygroundTestHooks;
    if (!hooks) throw new Error('no test hooks on this page');
    await hooks.injectFault(which);
  }, fault);
}

/** Starts a long training run and waits until it has recorded at least `steps` steps. */
async function trainPast(page: Page, steps: number) {
  await page.getByLabel('Unit', { exact: true }).selectOption('iterations');
  await page.getByRole('spinbutton', { name: 'Train for' }).fill('5000');
  await trainButton(page).click();
  await expect
    .poll(async () => iterationShown(page), { timeout: 90_000 })
    .toBeGreaterThanOrEqual(steps);
}

/** The status bar's "Iteration N / M" count. */
async function iterationShown(page: Page): Promise<number> {
  const text = (await status(page).textContent()) ?? '';
  const match = /Iteration ([\d,]+)/.exec(text);
  return match ? Number(match[1].replace(/,/g, '')) : 0;
}

/** "Training · synthetic · 62 steps · …" → 62. */
async function keptSteps(page: Page, index = 0): Promise<number> {
  const text = (await keptRuns(page).nth(index).textContent()) ?? '';
  const match = /([\d,]+) steps?/.exec(text);
  return match ? Number(match[1].replace(/,/g, '')) : -1;
}

const restartButton = (page: Page) => page.getByRole('button', { name: 'Restart engine' });

for (const fault of ['close', 'stall'] as const) {
  test(`a worker that ${fault === 'close' ? 'closes itself' : 'hangs'} mid-run is reported, its run kept, and Restart engine brings Train back`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await openSynthetic(page);
    await trainPast(page, 20);
    await injectFault(page, fault);
    const faultAt = Date.now();
    await expect(page.getByRole('alert').filter({ hasText: 'The engine crashed' })).toBeVisible({
      timeout: 15_000,
    });
    // Heartbeat every second, dead after 8 s unanswered: reported within a few seconds.
    expect(Date.now() - faultAt).toBeLessThan(14_000);
    await expect(restartButton(page)).toBeVisible();
    await expect(status(page)).not.toContainText('ETA');
    // Nothing is left running: every Stop is disabled (none would do anything).
    const stops = page.getByRole('button', { name: 'Stop', exact: true });
    for (const stop of await stops.all()) await expect(stop).toBeDisabled();

    // The partial run is kept with exactly the steps the status showed.
    await expect(keptRuns(page)).toHaveCount(1);
    await expect(keptRuns(page).first()).toContainText('engine crashed');
    const shown = await iterationShown(page);
    expect(shown).toBeGreaterThanOrEqual(20);
    expect(await keptSteps(page)).toBe(shown);

    await restartButton(page).click();
    await expect(trainButton(page)).toBeEnabled({ timeout: 90_000 });
    await page.getByRole('spinbutton', { name: 'Train for' }).fill('30');
    await trainButton(page).click();
    await expect(keptRuns(page)).toHaveCount(2, { timeout: 90_000 });
    // The new run, finished (the crashed one may have recorded 30 steps too).
    const finished = keptRuns(page).filter({ hasText: 'finished' });
    await expect(finished).toHaveCount(1);
    await expect(finished).toContainText('30 steps');
  });
}

test('two clicks on Train in one task start one run, which trains to its end and is kept', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openSynthetic(page);
  await page.getByLabel('Unit', { exact: true }).selectOption('iterations');
  await page.getByRole('spinbutton', { name: 'Train for' }).fill('80');
  await trainButton(page).evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await expect(page.getByRole('button', { name: 'Pause' })).toBeEnabled();
  await expect(keptRuns(page)).toHaveCount(1, { timeout: 90_000 });
  await expect(keptRuns(page).first()).toContainText('80 steps');
  await expect(keptRuns(page).first()).not.toContainText('failed');
  await expect(page.getByRole('alert').filter({ hasText: 'Training failed' })).toHaveCount(0);
  // Nothing else is kept later either (no bogus 1-step run).
  await page.waitForTimeout(1000);
  await expect(keptRuns(page)).toHaveCount(1);
});

test('an engine crash during a race ends the race, keeps the finished legs, and the race runs again after Restart engine', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openSynthetic(page);
  await page.getByRole('tab', { name: 'Race' }).click();
  await page.getByRole('spinbutton', { name: 'Step size', exact: true }).fill('20');
  await page.getByRole('combobox', { name: 'Race length unit' }).selectOption('iterations');
  await page.getByLabel('Length of each leg').fill('40');
  await page.getByRole('button', { name: 'Start race' }).click();
  const progress = page.getByTestId('race-progress-text');
  await expect(progress).toContainText(/Leg 2 of \d+: fixed, max — iteration [1-9]/, {
    timeout: 120_000,
  });
  await injectFault(page, 'close');
  await expect(restartButton(page)).toBeVisible({ timeout: 15_000 });

  const rows = page.getByTestId('race-table').locator('tbody tr');
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'done');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'failed');

  await restartButton(page).click();
  await expect(page.getByRole('button', { name: 'Start race' })).toBeEnabled({ timeout: 90_000 });
  await expect(trainButton(page)).toBeEnabled();
  await page.getByRole('button', { name: 'Start race' }).click();
  await expect(page.getByRole('button', { name: 'Stop race' })).toBeEnabled();
  await expect(progress).toContainText(/Leg 1 of \d+/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Stop race' }).click();
  await expect(page.getByRole('button', { name: 'Start race' })).toBeEnabled({ timeout: 60_000 });
});

// WebGL here is Chromium's software GPU (SwiftShader): slow, and the context is lost through
// WEBGL_lose_context from inside the engine worker, as a driver reset would lose it.
test('a lost WebGL context is reported, the run kept, and the engine falls back to the next backend', async ({
  page,
}) => {
  // WebGL runs on SwiftShader here, slowly: a few steps only.
  test.setTimeout(300_000);
  await openSynthetic(page, '&backend=webgl');
  await expect(status(page)).toContainText('Backend: webgl');
  await trainPast(page, 3);
  await injectFault(page, 'loseContext');
  await expect(
    page.getByRole('alert').filter({ hasText: 'The WebGL context was lost' }),
  ).toContainText('the engine restarted on wasm', { timeout: 90_000 });
  await expect(status(page)).toContainText('Backend: wasm');
  await expect(keptRuns(page)).toHaveCount(1);
  expect(await keptSteps(page)).toBeGreaterThanOrEqual(3);
  await expect(trainButton(page)).toBeEnabled();
});

/** Makes the named boundary's content throw (a panel's name, or "Page" for the whole page). */
async function breakPanel(page: Page, name: string) {
  await page.evaluate((which) => {
    const hooks = (
      window as unknown as { lrPlaygroundTestHooks?: { breakPanel(name: string): void } }
    ).lrPlaygroundTestHooks;
    if (!hooks) throw new Error('no test hooks on this page');
    hooks.breakPanel(which);
  }, name);
}

test('a crash in one panel stays in it: the rest of the page trains, and Reset brings the panel back', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openSynthetic(page);
  await breakPanel(page, 'Schedule');
  const crashed = page.getByRole('alert', { name: 'Schedule (stopped)' });
  await expect(crashed).toContainText(
    'This panel stopped working: a test made the Schedule panel throw',
  );
  // The other panels, the run bar and the charts go on: a short run trains to its end.
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toBeVisible();
  await page.getByLabel('Unit', { exact: true }).selectOption('iterations');
  await page.getByRole('spinbutton', { name: 'Train for' }).fill('30');
  await trainButton(page).click();
  await expect(keptRuns(page)).toHaveCount(1, { timeout: 90_000 });
  await expect(page.getByTestId('loss-chart').locator('.training-line').first()).toBeVisible();
  // Reset mounts the panel afresh, with the settings the store kept.
  await page.getByRole('button', { name: 'Reset the Schedule panel' }).click();
  await expect(crashed).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Policy' })).toHaveValue('triangular');

  // The run bar and the status bar, outside the panels, have boundaries of their own.
  await breakPanel(page, 'Run bar');
  await breakPanel(page, 'Status bar');
  await expect(page.getByRole('alert', { name: 'Run bar (stopped)' })).toBeVisible();
  await expect(page.getByRole('alert', { name: 'Status bar (stopped)' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Policy' })).toBeVisible();
  await page.getByRole('button', { name: 'Reset the Run bar panel' }).click();
  await page.getByRole('button', { name: 'Reset the Status bar panel' }).click();
  await expect(trainButton(page)).toBeEnabled();
  await expect(status(page)).toContainText('Backend:');

  // A crash no panel catches: the page says so, exports every kept run, and Reload brings it back.
  await breakPanel(page, 'Page');
  const stopped = page.getByRole('alert', { name: 'The page stopped' });
  await expect(stopped).toContainText('The page stopped working: a test made the Page panel throw');
  const downloading = page.waitForEvent('download');
  await stopped.getByRole('button', { name: 'Export kept runs' }).click();
  const text = await readFile(await (await downloading).path(), 'utf8');
  const file = JSON.parse(text);
  expect(file.format).toBe('lr-playground-run');
  expect(file.run.kind).toBe('training');
  expect(file.run.series.lr).toHaveLength(30);
  await expect(stopped.getByRole('status')).toContainText('Exported 1 kept run, one file each');
  await stopped.getByRole('button', { name: 'Reload' }).click();
  await expect(keptRuns(page)).toHaveCount(1, { timeout: 30_000 });
  await expect(trainButton(page)).toBeEnabled({ timeout: 90_000 });
  // The exported file imports back, and Import JSON takes several files at once (here as copies).
  const exported = { mimeType: 'application/json', buffer: Buffer.from(text) };
  await page.getByLabel('Run file to import').setInputFiles([
    { name: 'first.json', ...exported },
    { name: 'second.json', ...exported },
  ]);
  await expect(keptRuns(page)).toHaveCount(3);
  await expect(page.locator('.runs-panel [role="status"]')).toContainText(
    /from first\.json as a copy.*from second\.json as a copy/,
  );
});
