import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/**
 * Issue 16: stored state that the page cannot use never crashes it on every visit. A stored
 * run that cannot be read is set aside by name, exportable as stored and deletable; a kept run
 * that crashes a chart while shown is taken off the charts (in storage too) and the chart
 * comes back without it.
 */

const status = (page: Page) => page.getByTestId('status');
const keptRuns = (page: Page) => page.getByTestId('kept-run');

async function openSynthetic(page: Page) {
  await page.goto('/?dataset=synthetic');
  await expect(status(page)).toContainText('Backend:', { timeout: 90_000 });
  await expect(page.getByRole('button', { name: 'Run range test' })).toBeEnabled({
    timeout: 90_000,
  });
}

/** Writes a value straight into the page's kept-runs store, as a damaged entry would be. */
async function storeRaw(page: Page, key: string, value: unknown) {
  await page.evaluate(
    ([key, value]) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('lr-playground');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const tx = db.transaction('runs', 'readwrite');
          tx.objectStore('runs').put(value, key as string);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [key, value] as const,
  );
}

test('a stored run that cannot be read is set aside by name, exported as stored, deleted', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openSynthetic(page);
  await page.getByRole('spinbutton', { name: 'Iterations', exact: true }).fill('20');
  await page.getByRole('button', { name: 'Run range test' }).click();
  await expect(keptRuns(page)).toHaveCount(1, { timeout: 60_000 });
  await storeRaw(page, 'hand-broken', { kind: 'training', name: 'Broken by hand', startedAt: 'x' });

  await page.reload();
  const setAside = page.getByRole('list', { name: 'Runs set aside' });
  await expect(setAside).toContainText('“Broken by hand”:');
  await expect(page.getByRole('alert').filter({ has: setAside })).toContainText(
    '1 stored run could not be read and is set aside (not shown, not lost)',
  );
  // The readable run is still there beside it.
  await expect(keptRuns(page)).toHaveCount(1);
  await page.locator('.runs-panel').screenshot({ path: 'test-results/runs-set-aside.png' });

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export “Broken by hand” as stored' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('set-aside-hand-broken.json');
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(file.run).toEqual({ kind: 'training', name: 'Broken by hand', startedAt: 'x' });

  await page.getByRole('button', { name: 'Delete “Broken by hand”' }).click();
  await expect(setAside).toHaveCount(0);
  await page.reload();
  await expect(keptRuns(page)).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Runs set aside' })).toHaveCount(0);
});

test('a kept run that crashes a chart while shown is taken off the charts, and stays off after a reload', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openSynthetic(page);
  await page.getByRole('spinbutton', { name: 'Iterations', exact: true }).fill('20');
  await page.getByRole('button', { name: 'Run range test' }).click();
  await expect(keptRuns(page)).toHaveCount(1, { timeout: 60_000 });
  const show = keptRuns(page).getByRole('checkbox', { name: /^Show / });
  await show.check();

  await page.evaluate(() => {
    const hooks = (
      window as unknown as { lrPlaygroundTestHooks?: { breakPanel(name: string): void } }
    ).lrPlaygroundTestHooks;
    if (!hooks) throw new Error('the dev-only test hooks are missing');
    hooks.breakPanel('Range test chart');
  });
  await expect(page.getByRole('alert').filter({ hasText: 'panel crashed' })).toContainText(
    /^The Range test chart panel crashed while showing “Range test[^”]*”; it was taken off the charts/,
  );
  // The chart is drawn again at once, without the run; nothing says it stopped.
  await expect(page.getByRole('region', { name: 'Range test chart (stopped)' })).toHaveCount(0);
  await expect(page.locator('.panel-crashed')).toHaveCount(0);
  await expect(show).not.toBeChecked();

  await page.reload();
  await expect(keptRuns(page)).toHaveCount(1);
  await expect(keptRuns(page).getByRole('checkbox', { name: /^Show / })).not.toBeChecked();
  await expect(page.locator('.panel-crashed')).toHaveCount(0);
});

test('a chart that crashes with no kept run shown shows its message and a reset', async ({
  page,
}) => {
  await openSynthetic(page);
  await page.evaluate(() => {
    const hooks = (
      window as unknown as { lrPlaygroundTestHooks?: { breakPanel(name: string): void } }
    ).lrPlaygroundTestHooks;
    hooks?.breakPanel('Training charts');
  });
  const stopped = page.getByRole('alert', { name: 'Training charts (stopped)' });
  await expect(stopped).toContainText('This panel stopped working');
  await stopped.getByRole('button', { name: 'Reset the Training charts panel' }).click();
  await expect(page.locator('.panel-crashed')).toHaveCount(0);
});
