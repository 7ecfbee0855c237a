import { expect, test, type Locator, type Page } from '@playwright/test';

/** The policy race's legs, in the order the table lists them. */
const POLICY_LEGS = [
  'fixed, max/2',
  'fixed, max',
  'triangular',
  'triangular2',
  'exp_range',
  'SGDR',
  'one-cycle',
  'cosine',
  'WSD, 1-sqrt',
];

/** The page, ready to race; `synthetic` races on the small built-in set, whose validation is cheap. */
async function openReady(page: Page, dataset: 'mnist' | 'synthetic' = 'mnist') {
  await page.goto(dataset === 'mnist' ? '/' : `/?dataset=${dataset}`);
  await expect(page.getByTestId('status')).toContainText('Backend: wasm', { timeout: 90_000 });
  await page.getByRole('tab', { name: 'Race' }).click();
}

/** A short race: `iterations` per leg, the triangular step size fitted to it, a reachable target. */
async function setUpShortRace(page: Page, iterations: number, targetPercent: number) {
  await page
    .getByRole('spinbutton', { name: 'Step size', exact: true })
    .fill(String(iterations / 2));
  await page.getByRole('combobox', { name: 'Race length unit' }).selectOption('iterations');
  await page.getByLabel('Length of each leg').fill(String(iterations));
  await page.getByLabel('Target validation accuracy (%)').fill(String(targetPercent));
}

const rows = (page: Page) => page.getByTestId('race-table').locator('tbody tr');

/** A table cell's number, from "1,234", "97.50%" or "12.3 s"; NaN for "—". */
async function numberIn(cell: Locator): Promise<number> {
  const text = ((await cell.textContent()) ?? '').replace(/[,%s ]/g, '');
  return text === '—' ? NaN : Number(text);
}

test.describe('races', () => {
  test('the "Fixed vs triangular2" preset sets up a two-leg race', async ({ page }) => {
    await openReady(page);
    await page.getByRole('button', { name: 'Fixed vs triangular2' }).click();
    await expect(page.getByRole('button', { name: 'Race them' })).toBeEnabled({ timeout: 60_000 });
    const legs = page.locator('.race-leg-picks');
    await expect(legs.getByRole('checkbox', { checked: true })).toHaveCount(2);
    await expect(legs.getByRole('checkbox', { name: 'fixed, max/2' })).toBeChecked();
    await expect(legs.getByRole('checkbox', { name: 'triangular2' })).toBeChecked();
    await expect(legs.getByRole('checkbox', { name: 'one-cycle' })).not.toBeChecked();
    await expect(page.getByLabel('Length of each leg')).toHaveValue('3');

    // Unticking both legs leaves nothing to race, and Start race says so.
    await legs.getByRole('checkbox', { name: 'fixed, max/2' }).uncheck();
    await legs.getByRole('checkbox', { name: 'triangular2' }).uncheck();
    await expect(page.getByRole('button', { name: 'Start race' })).toBeDisabled();
    await expect(page.getByText('Pick at least one leg to race.')).toBeVisible();

    // The views are tabs: arrow keys move between them.
    await page.getByRole('tab', { name: 'Race' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Code export' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.getByTestId('code-export-code')).toBeVisible();
    await expect(page.locator('section.race')).toBeHidden();
  });

  test('"Do we still need a schedule?" races one-cycle and WSD against Schedule-Free SGD and Prodigy', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await openReady(page, 'synthetic');
    await page.getByRole('button', { name: 'Do we still need a schedule?' }).click();
    await expect(page.getByRole('button', { name: 'Race them' })).toBeEnabled({ timeout: 60_000 });
    const legs = page.locator('.race-leg-picks');
    const picked = [
      'one-cycle',
      'WSD, 1-sqrt',
      'Schedule-Free SGD, no schedule',
      'Prodigy, no schedule',
    ];
    await expect(legs.getByRole('checkbox', { checked: true })).toHaveCount(picked.length);
    for (const name of picked) await expect(legs.getByRole('checkbox', { name })).toBeChecked();

    // A short race: 20 steps a leg, each no-schedule leg under its own optimizer.
    await page.getByRole('combobox', { name: 'Race length unit' }).selectOption('iterations');
    await page.getByLabel('Length of each leg').fill('20');
    await page.getByRole('button', { name: 'Start race' }).click();
    await expect(rows(page).filter({ hasText: 'Prodigy, no schedule' })).toHaveAttribute(
      'data-status',
      /done|diverged/,
      { timeout: 180_000 },
    );
    await expect(rows(page)).toHaveCount(picked.length);
    for (const name of picked.slice(2)) {
      const row = rows(page).filter({ hasText: name });
      await expect(row).toContainText('no range test');
      // Each trained and validated: a best accuracy is in the table.
      expect(await numberIn(row.locator('td').nth(2))).toBeGreaterThan(0);
    }
    // The page's own optimizer is back once the race is over.
    await expect(page.getByRole('combobox', { name: 'Optimizer' })).toHaveValue('sgdMomentum');
  });

  test('a policy race trains every policy from the same start and tabulates them', async ({
    page,
  }) => {
    test.setTimeout(780_000);
    // The synthetic set: its 100 validation images cost little, where MNIST's 5,000 would take
    // most of each leg (a stopped race below races on MNIST).
    await openReady(page, 'synthetic');
    // 30 steps a leg: the CLR legs pass 80 % in 10–14 of them on this set, and CI stays short.
    const steps = 30;
    const target = 80;
    await setUpShortRace(page, steps, target);
    await page.getByRole('button', { name: 'Start race' }).click();

    await expect(page.getByTestId('race-progress-text')).toContainText('Leg 1 of 9');
    // While a race runs, neither Train nor a range test can start, and the race says why.
    await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Run range test' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Start race' })).toBeDisabled();
    await expect(rows(page)).toHaveCount(9);
    await expect(page.getByTestId('race-progress-text')).toContainText('Leg 3 of 9', {
      timeout: 240_000,
    });
    await page.screenshot({ path: test.info().outputPath('race-running.png'), fullPage: true });

    await expect(page.getByRole('button', { name: 'Start race' })).toBeEnabled({
      timeout: 620_000,
    });
    await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
    for (const [i, label] of POLICY_LEGS.entries()) {
      const row = rows(page).nth(i);
      await expect(row.locator('th')).toHaveText(label);
      await expect(row).toHaveAttribute('data-status', 'done');
      const cells = row.locator('td');
      const best = await numberIn(cells.nth(2));
      const final = await numberIn(cells.nth(3));
      expect(best).toBeGreaterThan(10);
      expect(best).toBeLessThanOrEqual(100);
      expect(final).toBeLessThanOrEqual(best);
      expect(await numberIn(cells.nth(4))).toBeGreaterThan(0);
      const toTarget = await numberIn(cells.nth(1));
      if (!Number.isNaN(toTarget)) {
        expect(best).toBeGreaterThanOrEqual(target);
        expect(toTarget).toBeGreaterThan(0);
        expect(toTarget).toBeLessThanOrEqual(steps);
      } else {
        expect(best).toBeLessThan(target);
      }
    }
    // The CLR legs learn this much in 30 steps: the race reaches its target somewhere.
    await expect(rows(page).locator('td.race-win').first()).toBeVisible();
    await expect(page.getByTestId('race-chart').locator('.training-line')).toHaveCount(10);
    await page
      .locator('section.race')
      .screenshot({ path: test.info().outputPath('race-policy.png') });
  });

  test('a stopped race keeps its finished legs and marks the one it stopped', async ({ page }) => {
    test.setTimeout(300_000);
    await openReady(page);
    await setUpShortRace(page, 60, 90);
    await page.getByRole('button', { name: 'Start race' }).click();
    await expect(page.getByTestId('race-progress-text')).toContainText(
      /Leg 2 of 9: fixed, max — iteration [1-9]/,
      { timeout: 180_000 },
    );
    await page.getByRole('button', { name: 'Stop race' }).click();
    await expect(page.getByRole('button', { name: 'Start race' })).toBeEnabled({
      timeout: 60_000,
    });

    const first = rows(page).nth(0);
    await expect(first).toHaveAttribute('data-status', 'done');
    expect(await numberIn(first.locator('td').nth(2))).toBeGreaterThan(10);
    await expect(rows(page).nth(1)).toHaveAttribute('data-status', 'cancelled');
    await expect(rows(page).nth(1).locator('td').last()).toHaveText('cancelled');
    for (let i = 2; i < 9; i++) {
      await expect(rows(page).nth(i).locator('td').last()).toHaveText('not run');
    }
    await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
    await page
      .locator('section.race')
      .screenshot({ path: test.info().outputPath('race-stopped.png') });
  });

  test('an optimizer race finds each optimizer its own bounds by a range test, then trains', async ({
    page,
  }) => {
    test.setTimeout(420_000);
    await openReady(page);
    await page.getByRole('combobox', { name: 'Dataset' }).selectOption('synthetic');
    await expect(page.getByRole('button', { name: 'Run range test' })).toBeEnabled({
      timeout: 60_000,
    });
    // Short range tests and legs: each of the seven sweeps only has to find some bounds, and each
    // leg only has to train and validate.
    await page.getByRole('spinbutton', { name: 'Iterations', exact: true }).fill('30');
    await page.getByRole('radio', { name: 'Optimizer race' }).check();
    await setUpShortRace(page, 20, 90);
    await page.getByRole('button', { name: 'Start race' }).click();
    await expect(page.getByTestId('race-progress-text')).toContainText('range test');
    await expect(page.getByRole('button', { name: 'Start race' })).toBeEnabled({
      timeout: 360_000,
    });
    const tested = ['SGD + momentum', 'Adam', 'AdamW', 'Adamax', 'Adadelta', 'Adagrad', 'RMSProp'];
    // These set their own step sizes: no range test, their default LR.
    const untested = ['Schedule-Free SGD', 'Schedule-Free AdamW', 'Prodigy'];
    const labels = [...tested, ...untested];
    await expect(rows(page).locator('th')).toHaveText(labels);
    for (let i = 0; i < labels.length; i++) {
      const row = rows(page).nth(i);
      const status = await row.getAttribute('data-status');
      if (i >= tested.length) {
        expect(status).toBe('done');
        await expect(row.locator('td').first()).toContainText('no range test');
        continue;
      }
      // A range test that shows no clear learning gives no bounds: the leg says so, the race goes on.
      expect(['done', 'failed']).toContain(status);
      if (status === 'done') await expect(row.locator('td').first()).toContainText('triangular');
    }
    await expect(rows(page).and(page.locator('[data-status="done"]')).first()).toBeVisible();
    // Back to the page's optimizer afterwards.
    await expect(page.getByRole('combobox', { name: 'Optimizer' })).toHaveValue('sgdMomentum');
    await page
      .locator('section.race')
      .screenshot({ path: test.info().outputPath('race-optimizer.png') });
  });
});
