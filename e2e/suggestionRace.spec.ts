import { expect, test, type Locator, type Page } from '@playwright/test';

const rows = (page: Page) => page.getByTestId('race-table').locator('tbody tr');
const maxLrInput = (page: Page) => page.getByRole('spinbutton', { name: 'Max LR', exact: true });

/** A table cell's number, from "97.50%" or "0.1234"; NaN for "—". */
async function numberIn(cell: Locator): Promise<number> {
  const text = ((await cell.textContent()) ?? '').replace(/[,% ]/g, '');
  return text === '—' ? NaN : Number(text);
}

/** The synthetic dataset, a range test on it, and race legs of `iterations` steps. */
async function rangeTestedWithShortLegs(page: Page, iterations: number) {
  await page.goto('/');
  await expect(page.getByTestId('status')).toContainText('Backend:', { timeout: 90_000 });
  await page.getByLabel('Dataset', { exact: true }).selectOption('synthetic');
  await expect(page.getByRole('button', { name: 'Run range test' })).toBeEnabled({
    timeout: 90_000,
  });
  await page.getByRole('tab', { name: 'Race' }).click();
  await page.getByRole('combobox', { name: 'Race length unit' }).selectOption('iterations');
  await page.getByLabel('Length of each leg').fill(String(iterations));
  await page.getByLabel('Target validation accuracy (%)').fill('60');
  await page.getByRole('button', { name: 'Run range test' }).click();
  await expect(page.getByText(/Suggested max LR: /)).toBeVisible({ timeout: 120_000 });
}

/** How many distinct picks the Try button says it will race. */
async function numDistinct(page: Page): Promise<number> {
  const hint = await page.locator('#try-suggestions-hint').textContent();
  const match = /Races the (\d+) distinct picks/.exec(hint ?? '');
  if (!match) throw new Error(`no count in "${hint}"`);
  return Number(match[1]);
}

test.describe('the suggestion race', () => {
  test('"Try the suggestions" trains from each distinct pick, ranks them, and "Use this" applies one', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await rangeTestedWithShortLegs(page, 20);
    await expect(page.locator('#try-suggestions-hint')).toContainText('20 iterations each');
    const numLegs = await numDistinct(page);
    expect(numLegs).toBeGreaterThanOrEqual(2);

    await page.getByRole('tab', { name: 'Range test & training' }).click();
    await page.getByRole('button', { name: 'Try the suggestions' }).click();
    // It opens the Race tab with the suggestion race under way.
    await expect(page.getByRole('tab', { name: 'Race' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('radio', { name: 'Suggestion race' })).toBeChecked();
    await expect(rows(page)).toHaveCount(numLegs);
    await expect(page.getByRole('button', { name: 'Start race' })).toBeEnabled({
      timeout: 240_000,
    });

    // Ranked: final accuracy never rises down the table, ties by a final loss that never falls.
    const finals: { accuracy: number; loss: number }[] = [];
    for (let i = 0; i < numLegs; i++) {
      const row = rows(page).nth(i);
      await expect(row).toHaveAttribute('data-status', /done|diverged/);
      await expect(row.locator('td.race-rank')).toHaveText(String(i + 1));
      await expect(row.locator('td.race-detail')).toContainText('triangular');
      const cells = row.locator('td');
      finals.push({ accuracy: await numberIn(cells.nth(4)), loss: await numberIn(cells.nth(5)) });
    }
    for (let i = 1; i < finals.length; i++) {
      expect(finals[i].accuracy).toBeLessThanOrEqual(finals[i - 1].accuracy);
      if (finals[i].accuracy === finals[i - 1].accuracy) {
        expect(finals[i].loss).toBeGreaterThanOrEqual(finals[i - 1].loss);
      }
    }
    await expect(page.getByTestId('race-chart').locator('.training-line')).toHaveCount(numLegs + 1);
    // Each leg is kept as a run under its race name.
    await expect(
      page.getByTestId('kept-run').filter({ hasText: /Race: .*\(triangular / }),
    ).toHaveCount(numLegs);

    // "Use this" on a row whose max LR is not the form's puts its bounds into the form.
    const before = Number(await maxLrInput(page).inputValue());
    const uses = page.getByRole('button', { name: /^Use this/ });
    let applied: number | null = null;
    for (let i = 0; i < numLegs && applied === null; i++) {
      const title = (await uses.nth(i).getAttribute('title')) ?? '';
      const [, maxLr, baseLr] = /Max LR ([\d.e-]+), Base LR ([\d.e-]+)/.exec(title) ?? [];
      if (Number(maxLr) === before) continue;
      await uses.nth(i).click();
      applied = Number(maxLr);
      await expect(maxLrInput(page)).toHaveValue(maxLr);
      await expect(page.getByRole('spinbutton', { name: 'Base LR', exact: true })).toHaveValue(
        baseLr,
      );
    }
    expect(applied).not.toBeNull();
    await page
      .locator('section.race')
      .screenshot({ path: test.info().outputPath('suggestion-race.png') });
  });

  test('Stop keeps the finished legs, and each pick can also race at a fixed LR', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await rangeTestedWithShortLegs(page, 40);
    const numLegs = 2 * (await numDistinct(page));
    await page.getByRole('radio', { name: 'Suggestion race' }).check();
    await page.getByRole('checkbox', { name: 'Also each one as a fixed LR' }).check();
    await page.getByRole('button', { name: 'Start race' }).click();
    await expect(rows(page)).toHaveCount(numLegs);
    await expect(page.getByTestId('race-progress-text')).toContainText(
      new RegExp(`Leg 2 of ${numLegs}: .*, fixed — iteration [1-9]`),
      { timeout: 120_000 },
    );
    await page.getByRole('button', { name: 'Stop race' }).click();
    await expect(page.getByRole('button', { name: 'Start race' })).toBeEnabled({
      timeout: 60_000,
    });

    // The finished leg ranks first, the stopped one after it, the rest were not run.
    await expect(rows(page).nth(0)).toHaveAttribute('data-status', 'done');
    await expect(rows(page).nth(0).locator('td.race-detail')).toContainText('triangular');
    await expect(rows(page).filter({ hasText: 'cancelled' })).toHaveCount(1);
    await expect(rows(page).filter({ hasText: 'not run' })).toHaveCount(numLegs - 2);
    await expect(page.getByTestId('kept-run').filter({ hasText: 'Race: ' })).toHaveCount(2);
    await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  });
});
