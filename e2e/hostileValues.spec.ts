import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/**
 * Issue 16, items 1–4: values that once froze the page or turned it white, opened as a link,
 * typed, or left in storage. Each now renders the page, names the field and its range, and
 * leaves the page working.
 */

const status = (page: Page) => page.getByTestId('status');
const linkMessages = (page: Page) => page.locator('.link-messages');

async function open(page: Page, query: string) {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`/?dataset=synthetic&${query}`);
  await expect(status(page)).toContainText('Backend:', { timeout: 90_000 });
  return errors;
}

const cases: [string, string, RegExp][] = [
  ['trainFor=1e308&trainUnit=epochs', 'trainFor', /must be at most 1000000/],
  ['trainFor=1000000000&trainUnit=iterations', 'trainFor', /must be at most 1000000/],
  ['policy=fixed&lr=5e-324', 'schedule.lr', /must be between 1e-8 and 10000/],
  ['stepSize=1e308', 'schedule.stepSize', /must be at most/],
];

for (const [query, field, reason] of cases) {
  test(`?${query} opens the page, names ${field} and its range, and keeps the default`, async ({
    page,
  }) => {
    const errors = await open(page, query);
    const message = linkMessages(page).locator('li').filter({ hasText: field });
    await expect(message).toHaveCount(1);
    await expect(message).toContainText(reason);
    // The address no longer holds the value, so a reload opens cleanly too.
    await expect.poll(() => new URL(page.url()).search).not.toContain(query);
    await page.reload();
    await expect(status(page)).toContainText('Backend:', { timeout: 90_000 });
    // And the exports write real numbers, never Infinity.
    await page.getByRole('tab', { name: 'Code export' }).click();
    for (const language of ['PyTorch', 'Keras']) {
      await page.getByRole('tab', { name: language }).click();
      await expect(page.getByTestId('code-export-code')).not.toContainText('Infinity');
      await expect(page.getByTestId('code-export-code')).not.toContainText('NaN');
    }
    expect(errors).toEqual([]);
  });
}

test('typing 1e10 epochs in Train for says the limit at once and Train says why it waits', async ({
  page,
}) => {
  const errors = await open(page, '');
  const trainFor = page.getByRole('spinbutton', { name: 'Train for' });
  await trainFor.fill('1e10');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  await expect(page.locator('#run-bar-why')).toHaveText(
    'Train for must be at most 1000000 epochs; it stays at 1 until then.',
  );
  await expect(trainFor).toHaveAttribute('aria-invalid', 'true');
  // The page still answers: the field takes a sane value and Train comes back.
  await trainFor.fill('2');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();

  // LRs no float arithmetic survives, typed into the Schedule form: named at their field.
  for (const [label, typed] of [
    ['Base LR', '5e-324'],
    ['Max LR', '1e308'],
  ] as const) {
    const box = page.getByRole('spinbutton', { name: label, exact: true });
    const before = await box.inputValue();
    await box.fill(typed);
    await expect(page.locator('.field-error .field-message')).toHaveText(
      `${label} must be between 1e-8 and 10000`,
    );
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await box.fill(before);
    await expect(page.locator('.field-error')).toHaveCount(0);
  }
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await expect(page.getByTestId('lr-chart')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a kept range test whose LRs hold Infinity and 0, shown on the chart, no longer crashes every visit', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = await open(page, '');
  await page.getByRole('spinbutton', { name: 'Iterations', exact: true }).fill('20');
  await page.getByRole('button', { name: 'Run range test' }).click();
  await expect(page.getByTestId('kept-run')).toHaveCount(1, { timeout: 60_000 });
  // Damage it in storage as an old version of the page could have kept it: shown, with LRs no
  // log axis can draw.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('lr-playground');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const runs = db.transaction('runs', 'readwrite').objectStore('runs');
          const all = runs.getAll();
          all.onsuccess = () => {
            const [run] = all.result as {
              id: string;
              name: string;
              shown: boolean;
              series: { lr: Float64Array };
            }[];
            run.series.lr[1] = Infinity;
            run.series.lr[2] = 0;
            run.name = 'Damaged test';
            run.shown = true;
            const put = runs.put(run, run.id);
            put.onsuccess = () => {
              db.close();
              resolve();
            };
            put.onerror = () => reject(put.error);
          };
        };
      }),
  );
  await page.reload();
  await expect(status(page)).toContainText('Backend:', { timeout: 90_000 });
  const setAside = page.getByRole('list', { name: 'Runs set aside' });
  await expect(setAside).toContainText('“Damaged test”: series.lr.1');
  await expect(page.getByRole('figure', { name: 'Range test chart' })).toBeVisible();
  await expect(page.locator('.panel-crashed')).toHaveCount(0);

  // The same run as a file (Infinity written "Infinity", shown: true), imported through the
  // page: refused at once with the step named, nothing kept, the page working.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export “Damaged test” as stored' }).click();
  const file = JSON.parse(await readFile(await (await downloading).path(), 'utf8'));
  expect(file.run.series.lr.slice(1, 3)).toEqual(['Infinity', 0]);
  expect(file.run.shown).toBe(true);
  const importRun = (name: string, json: unknown) =>
    page.getByLabel('Run file to import').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(json)),
    });
  const note = page.locator('.runs-panel .field-message');
  const started = Date.now();
  await importRun('infinity.json', file);
  await expect(note).toHaveText(
    'infinity.json was not imported: run.series.lr.1: the LR of step 1 must be positive and finite for the log axis (got Infinity)',
  );
  expect(Date.now() - started).toBeLessThan(10_000);
  file.run.series.lr[1] = file.run.series.lr[3] / 2;
  await importRun('zero.json', file);
  await expect(note).toHaveText(
    'zero.json was not imported: run.series.lr.2: the LR of step 2 must be positive and finite for the log axis (got 0)',
  );
  await expect(page.getByTestId('kept-run')).toHaveCount(0);
  await expect(page.locator('.panel-crashed')).toHaveCount(0);
  await page.reload();
  await expect(status(page)).toContainText('Backend:', { timeout: 90_000 });
  await expect(page.getByRole('button', { name: 'Run range test' })).toBeEnabled({
    timeout: 90_000,
  });
  await expect(page.getByRole('list', { name: 'Runs set aside' }).locator('li')).toHaveCount(1);
  await expect(page.getByTestId('kept-run')).toHaveCount(0);
  await expect(page.locator('.panel-crashed')).toHaveCount(0);
  expect(errors).toEqual([]);
});
