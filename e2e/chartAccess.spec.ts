import { expect, test } from '@playwright/test';

/** Charts a screen reader can find and read; a status that is announced, not chattered. */
test('charts are named figures with a summary, their data on demand, and no empty Tab stops', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('/?dataset=synthetic');
  await expect(page.getByRole('button', { name: 'Run range test' })).toBeEnabled({
    timeout: 90_000,
  });
  await page.getByRole('button', { name: 'Run range test' }).click();
  await expect(page.getByRole('button', { name: 'Use suggestion' })).toBeEnabled({
    timeout: 120_000,
  });

  for (const name of ['Learning rate chart', 'Loss chart', 'Accuracy chart', 'Range test chart']) {
    await expect(page.getByRole('figure', { name, exact: true })).toBeVisible();
  }
  const range = page.getByRole('figure', { name: 'Range test chart', exact: true });
  await expect(range).toHaveAccessibleDescription(
    /Loss against learning rate from .+ over \d+ steps/,
  );

  await range.getByRole('button', { name: 'Show data' }).click();
  const rows = range.getByRole('table').getByRole('row');
  await expect(rows.first()).toContainText('Learning rate');
  expect(await rows.count()).toBeGreaterThan(2);
  expect(await rows.count()).toBeLessThanOrEqual(41);
  await range.getByRole('button', { name: 'Hide data' }).click();
  await expect(range.getByRole('table')).toHaveCount(0);

  // No chart surface takes focus: recharts' keyboard layer does nothing here.
  for (const name of ['Learning rate chart', 'Loss chart', 'Accuracy chart', 'Range test chart']) {
    const figure = page.getByRole('figure', { name, exact: true });
    await expect(figure.locator('svg.recharts-surface[tabindex]')).toHaveCount(0);
  }

  // The visible status is not itself a live region; the announcer is, and it changes rarely.
  await expect(page.getByTestId('status')).not.toHaveAttribute('aria-live', /.*/);
  const announcer = page.getByTestId('status-announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  await page.getByLabel('Unit', { exact: true }).selectOption('iterations');
  await page.getByRole('spinbutton', { name: 'Train for' }).fill('5000');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toContainText(/Iteration [1-9]/, { timeout: 60_000 });
  const changes = await announcer.evaluate(
    (region) =>
      new Promise<number>((resolve) => {
        let count = 0;
        new MutationObserver(() => count++).observe(region, {
          childList: true,
          characterData: true,
          subtree: true,
        });
        setTimeout(() => resolve(count), 6000);
      }),
  );
  expect(changes).toBeGreaterThan(0);
  expect(changes).toBeLessThanOrEqual(2);
  await expect(announcer).toContainText('Iteration');
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
});
