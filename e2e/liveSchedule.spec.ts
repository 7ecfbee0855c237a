import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/**
 * Live hyperparameters: a change to the schedule during a run (or while it is paused) takes
 * effect from the next step, and the run's record lists it. Settings that need a new run are
 * locked with the reason.
 */

const status = (page: Page) => page.getByTestId('status');
const maxLrInput = (page: Page) => page.getByRole('spinbutton', { name: 'Max LR', exact: true });

/** The LR the status bar shows for the latest step. */
async function statusLr(page: Page): Promise<number> {
  const match = /LR ([\d.e+-]+)/.exec((await status(page).textContent()) ?? '');
  return match ? Number(match[1]) : NaN;
}

async function openTriangular(page: Page) {
  await page.goto('/?dataset=synthetic');
  await expect(status(page)).toContainText('Backend:', { timeout: 90_000 });
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
    timeout: 90_000,
  });
  await page.getByRole('combobox', { name: 'Policy', exact: true }).selectOption('triangular');
  await page.getByRole('spinbutton', { name: 'Base LR', exact: true }).fill('0.001');
  await maxLrInput(page).fill('0.01');
  await page.getByRole('spinbutton', { name: 'Step size', exact: true }).fill('400');
  await page.getByLabel('Unit', { exact: true }).selectOption('iterations');
  await page.getByRole('spinbutton', { name: 'Train for' }).fill('5000');
}

/** Sets Max LR as a user typing it would, and returns the value set. */
async function setMaxLr(page: Page, value: number) {
  await maxLrInput(page).fill(String(value));
  await maxLrInput(page).press('Enter');
  return value;
}

async function exportNewestRun(page: Page) {
  const downloading = page.waitForEvent('download');
  await page
    .getByRole('button', { name: /^Export .* as JSON$/ })
    .first()
    .click();
  const download = await downloading;
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

test('Max LR raised 10× during a triangular run takes effect and is kept in the record', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openTriangular(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(status(page)).toContainText(/Iteration [1-9]/, { timeout: 60_000 });

  const oldMax = 0.01;
  const newMax = await setMaxLr(page, oldMax * 10);
  await expect.poll(() => statusLr(page), { timeout: 30_000 }).toBeGreaterThan(oldMax);

  // A setting that needs a new run is locked, and says why.
  for (const name of ['Dataset', 'Optimizer', 'Batch size']) {
    const control = page.getByLabel(name, { exact: true });
    await expect(control, name).toBeDisabled();
    await expect(control, name).toHaveAccessibleDescription(/run/i);
  }

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
    timeout: 60_000,
  });
  const exported = await exportNewestRun(page);
  const changes = exported.run.scheduleChanges;
  expect(changes.length).toBeGreaterThanOrEqual(1);
  expect(changes[0].iteration).toBeGreaterThan(0);
  expect(changes.at(-1).spec.maxLr).toBeCloseTo(newMax, 10);

  // The LR chart marks the change: one flagged line per change.
  const marks = page
    .getByRole('figure', { name: 'Learning rate chart' })
    .locator('.schedule-changes');
  expect((await marks.getAttribute('d'))?.match(/M/g)).toHaveLength(changes.length);

  // The kept run is named for what it ran, not for where it started, and lists the change.
  const at = changes[0].iteration;
  const kept = page.getByTestId('kept-run').first();
  await expect(kept.locator('.kept-run-name')).toContainText(
    changes.length === 1 ? `→ 0.001–0.1 at ${at}` : `(${changes.length} changes)`,
  );
  await expect(kept.getByRole('list', { name: 'Schedule changes' })).toContainText(
    `from iteration ${at}: triangular 0.001–0.1, step 400`,
  );

  // The link starts where the run started and carries the change; opened, it says so and
  // Train replays it at the same iteration.
  const link = new URL(page.url());
  expect(link.searchParams.get('maxLr')).toBe('0.01');
  expect(link.searchParams.get(`change.${at}.maxLr`)).toBe(String(changes[0].spec.maxLr));
  await page.goto(link.toString());
  await expect(page.getByRole('list', { name: 'Schedule changes in this link' })).toContainText(
    `from iteration ${at}, maxLr ${changes[0].spec.maxLr}`,
    { timeout: 30_000 },
  );
  await expect(maxLrInput(page)).toHaveValue('0.01');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
    timeout: 90_000,
  });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => statusLr(page), { timeout: 60_000 }).toBeGreaterThan(oldMax);
  await expect(maxLrInput(page)).toHaveValue(String(changes.at(-1).spec.maxLr));
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
    timeout: 60_000,
  });
  const replayed = await exportNewestRun(page);
  expect(replayed.run.id).not.toBe(exported.run.id);
  // Replayed at exactly the iteration the first run made it at.
  expect(replayed.run.scheduleChanges[0]).toEqual(changes[0]);
});

test('pause → change Max LR → resume trains at the new bounds', async ({ page }) => {
  test.setTimeout(300_000);
  await openTriangular(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(status(page)).toContainText(/Iteration [1-9]/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(status(page)).toContainText('Paused');

  const oldMax = 0.01;
  await setMaxLr(page, oldMax * 10);
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect.poll(() => statusLr(page), { timeout: 30_000 }).toBeGreaterThan(oldMax);

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
    timeout: 60_000,
  });
  const exported = await exportNewestRun(page);
  expect(exported.run.scheduleChanges.at(-1).spec.maxLr).toBeCloseTo(oldMax * 10, 10);
});
