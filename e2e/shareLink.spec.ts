import { expect, test, type Page } from '@playwright/test';

const status = (page: Page) => page.getByTestId('status');
const spin = (page: Page, name: string) => page.getByRole('spinbutton', { name, exact: true });

async function waitReady(page: Page) {
  await expect(status(page)).toContainText('Backend:', { timeout: 90_000 });
}

/** Everything a share link restores, read from the controls as a user sees them. */
async function controlValues(page: Page) {
  const value = (selector: string) => page.locator(selector).inputValue();
  return {
    dataset: await value('#field-dataset'),
    model: await value('#field-model'),
    optimizer: await value('#field-optimizer'),
    batchSize: await value('#field-batch-size'),
    augment: await page.locator('#field-augment').isChecked(),
    policy: await value('#field-policy'),
    baseLr: await spin(page, 'Base LR').inputValue(),
    maxLr: await spin(page, 'Max LR').inputValue(),
    stepSize: await spin(page, 'Step size').inputValue(),
    stepSizeDown: await value('#field-stepSizeDown'),
    startLr: await value('#range-test-startLr'),
    endLr: await value('#range-test-endLr'),
    numIter: await value('#range-test-numIter'),
    sweepMode: await value('#range-test-mode'),
    divergeFactor: await value('#range-test-divergeFactor'),
    heldOut: await page.locator('#range-test-heldOutBatch').isChecked(),
    ratio: await value('#range-test-ratio'),
    smoothing: await value('#range-test-smoothing'),
    trainFor: await value('#field-run-length'),
    trainUnit: await value('#field-run-unit'),
  };
}

test.describe('share link, presets and classroom mode', () => {
  test('a copied link reopens the page with every control as it was', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await waitReady(page);

    await page.locator('#field-dataset').selectOption('fashion-mnist');
    await waitReady(page);
    await page.locator('#field-model').selectOption('small');
    await page.locator('#field-optimizer').selectOption('adam');
    await page.locator('#field-batch-size').selectOption('128');
    await page.locator('#field-augment').check();
    // The Ratio slider sets Base LR from Max LR, so it goes before the bounds.
    await page.locator('#range-test-ratio').fill('5');
    await page.locator('#field-policy').selectOption('triangular2');
    await spin(page, 'Max LR').fill('0.02');
    await spin(page, 'Base LR').fill('0.002');
    await spin(page, 'Step size').fill('300');
    await page.locator('#field-stepSizeDown').fill('100');
    await page.locator('#range-test-startLr').fill('0.000001');
    await page.locator('#range-test-numIter').fill('200');
    await page.locator('#range-test-mode').selectOption('linear');
    await page.locator('#range-test-heldOutBatch').check();
    await page.locator('#range-test-smoothing').fill('0.9');
    await page.locator('#field-run-unit').selectOption('cycles');
    await page.locator('#field-run-length').fill('3');
    const before = await controlValues(page);

    await page.getByRole('button', { name: 'Copy share link' }).click();
    await expect(page.getByText('Link copied.')).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    // The address bar is the share link at all times.
    expect(link).toBe(page.url());
    expect(link).toContain('policy=triangular2&baseLr=0.002&maxLr=0.02&stepSize=300');
    console.log(`share link: ${link.length} characters: ${link}`);

    const opened = await context.newPage();
    await opened.goto(link);
    await waitReady(opened);
    expect(await controlValues(opened)).toEqual(before);
    expect(opened.url()).toBe(link);
    await expect(opened.getByRole('alert')).toHaveCount(0);
    await opened.screenshot({ path: 'test-results/share-link-opened.png', fullPage: true });
  });

  test('without a clipboard the link is shown to copy by hand', async ({ page }) => {
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));
    });
    await page.goto('/');
    await page.getByRole('button', { name: 'Copy share link' }).click();
    const manual = page.getByLabel('The clipboard is not available; copy this link:');
    await expect(manual).toBeVisible();
    expect(await manual.inputValue()).toBe(page.url());
    await page.screenshot({ path: 'test-results/share-link-manual.png' });
  });

  test('a tampered link opens defaults for the bad fields, names them, and keeps the rest', async ({
    page,
  }) => {
    await page.goto('/');
    await page.locator('#field-optimizer').selectOption('adam');
    await page.locator('#field-run-length').fill('2');
    const link = new URL(page.url());
    link.searchParams.set('baseLr', '0.5'); // above maxLr (0.04)
    link.searchParams.set('seed', '1.5');
    link.searchParams.set('rangeTest.numIter', 'lots');

    await page.goto(link.href);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      'Link ignored schedule.baseLr: must not exceed maxLr (0.5 > 0.04); using the default schedule.',
    );
    await expect(alert).toContainText('Link ignored seed: must be a whole number; using 1.');
    await expect(alert).toContainText(
      'Link ignored rangeTest.numIter: must be a finite number (got "lots"); using 100.',
    );
    await expect(spin(page, 'Base LR')).toHaveValue('0.01');
    await expect(spin(page, 'Max LR')).toHaveValue('0.04');
    await expect(page.locator('#range-test-numIter')).toHaveValue('100');
    await expect(page.locator('#field-optimizer')).toHaveValue('adam');
    await expect(page.locator('#field-run-length')).toHaveValue('2');
    await page.screenshot({ path: 'test-results/share-link-tampered.png', fullPage: true });

    // The address now holds what the page shows.
    expect(new URL(page.url()).searchParams.get('seed')).toBe('1');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toHaveCount(0);
  });

  test('a partial, doubled or hostile link keeps what it can and says the rest in a few lines', async ({
    page,
  }) => {
    // 10 KB: the dev server refuses much longer addresses (HTTP 431) before the page sees them.
    const hostile = 'x'.repeat(10_000);
    await page.goto(`/?maxLr=0.05&batchSize=32&batchSize=128&threads=abc&seed=${hostile}`);
    await expect(page.getByRole('spinbutton', { name: 'Max LR' })).toHaveValue('0.05');
    const messages = page.locator('.link-messages');
    await expect(messages).toContainText('batchSize');
    await expect(messages).toContainText('is given 2 times');
    await expect(messages).toContainText('threads');
    await expect(messages).toContainText('10,000 characters');
    // Nothing about the fields the link never set.
    await expect(messages).not.toContainText('is missing');
    const box = await messages.boundingBox();
    expect(box?.height ?? 0).toBeLessThan(250);
  });

  test('a preset loads its configuration into the form and says what to look for', async ({
    page,
  }) => {
    await page.goto('/');
    await waitReady(page);

    await page.getByRole('button', { name: 'Max LR too high' }).click();
    await expect(spin(page, 'Max LR')).toHaveValue('3');
    await expect(spin(page, 'Base LR')).toHaveValue('0.016');
    await expect(spin(page, 'Step size')).toHaveValue('430');
    await expect(page.getByText('Max LR too high loaded.')).toBeVisible();
    await expect(page).toHaveURL(/maxLr=3&/);
    await waitReady(page);

    await page.getByRole('button', { name: 'Too-small step size' }).click();
    await expect(spin(page, 'Step size')).toHaveValue('5');
    await expect(page.locator('#field-run-length')).toHaveValue('200');
    await expect(page.locator('#field-run-unit')).toHaveValue('iterations');
    await waitReady(page);

    await page.locator('#field-optimizer').selectOption('adam');
    await waitReady(page);
    await page.getByRole('button', { name: 'Fixed vs triangular2' }).click();
    await expect(page.locator('#field-policy')).toHaveValue('triangular2');
    await expect(page.locator('#field-optimizer')).toHaveValue('sgdMomentum');
    await expect(page.getByText('Race: fixed, max/2 vs triangular2')).toBeVisible();
    await waitReady(page);
    await page.locator('.presets').screenshot({ path: 'test-results/share-presets.png' });
  });

  test('hide controls: the charts fill the page, the link keeps the mode, show brings them back', async ({
    page,
  }) => {
    await page.goto('/');
    const controls = page.locator('#controls-column');
    const charts = page.locator('.charts');
    await expect(controls).toBeVisible();
    const narrow = (await charts.boundingBox())?.width ?? 0;

    await page.getByRole('button', { name: 'Hide controls' }).click();
    await expect(controls).toBeHidden();
    await expect(page).toHaveURL(/controls=hidden/);
    const wide = (await charts.boundingBox())?.width ?? 0;
    expect(wide).toBeGreaterThan(narrow + 250);
    await page.screenshot({ path: 'test-results/share-controls-hidden.png' });

    await page.reload();
    await expect(controls).toBeHidden();
    await page.getByRole('button', { name: 'Show controls' }).click();
    await expect(controls).toBeVisible();
    await expect(page).not.toHaveURL(/controls=/);
    expect((await charts.boundingBox())?.width ?? 0).toBeCloseTo(narrow, 0);
  });
});
