import { expect, test, type Page } from '@playwright/test';

const lrCurve = (page: Page) => page.getByTestId('lr-chart').locator('path.training-line').first();

test.describe('schedule explorer', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await expect(lrCurve(page)).toBeVisible();
  });

  test('moving Max LR with the keyboard redraws the LR curve', async ({ page }) => {
    const slider = page.getByRole('slider', { name: 'Max LR' });
    const box = page.getByRole('spinbutton', { name: 'Max LR' });
    const before = await lrCurve(page).getAttribute('d');
    const valueBefore = Number(await box.inputValue());

    await slider.focus();
    for (let i = 0; i < 10; i++) await slider.press('ArrowRight');

    const valueAfter = Number(await box.inputValue());
    expect(valueAfter).toBeGreaterThan(valueBefore * 1.2);
    await expect(slider).toHaveAttribute('aria-valuetext', String(valueAfter));
    await expect.poll(() => lrCurve(page).getAttribute('d')).not.toBe(before);
    await page.screenshot({ path: 'test-results/schedule-explorer.png', fullPage: true });

    // One-cycle's Total steps follows the run length until set by hand; a mismatch is flagged.
    await page.getByRole('combobox', { name: 'Policy', exact: true }).selectOption('one_cycle');
    await page.getByLabel('Unit', { exact: true }).selectOption('iterations');
    const trainFor = page.getByRole('spinbutton', { name: 'Train for' });
    const totalSteps = page.getByRole('spinbutton', { name: 'Total steps', exact: true });
    await trainFor.fill('500');
    await expect(totalSteps).toHaveValue('500');
    await trainFor.fill('640');
    await expect(totalSteps).toHaveValue('640');
    await totalSteps.fill('900');
    const mismatch = page.getByText(/^Set by hand: the run lasts 640 iterations/);
    await expect(mismatch).toContainText('the run stops before the cycle ends');
    await trainFor.fill('700');
    await expect(totalSteps).toHaveValue('900');
    await page.getByRole('button', { name: 'Follow the run' }).click();
    await expect(totalSteps).toHaveValue('700');
    await expect(page.getByText(/^Set by hand/)).toHaveCount(0);
  });

  test('a loaded spec with baseLr > maxLr is flagged at Base LR and the chart stays drawn', async ({
    page,
  }) => {
    await page.getByText('Schedule spec (JSON)').click();
    await page
      .getByLabel('Schedule spec JSON')
      .fill(JSON.stringify({ policy: 'triangular', baseLr: 0.1, maxLr: 0.01, stepSize: 100 }));
    await page.getByRole('button', { name: 'Apply spec' }).click();

    const baseLr = page.getByRole('spinbutton', { name: 'Base LR' });
    await expect(baseLr).toHaveValue('0.1');
    await expect(baseLr).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert')).toHaveText('Base LR must not exceed Max LR (0.1 > 0.01)');
    await expect(lrCurve(page)).toBeVisible();
    await expect(
      page.getByTestId('lr-chart').getByText('Showing the last valid schedule'),
    ).toBeVisible();
    await page.screenshot({ path: 'test-results/schedule-explorer-error.png', fullPage: true });

    await page.getByRole('spinbutton', { name: 'Max LR' }).fill('0.2');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(baseLr).toHaveAttribute('aria-invalid', 'false');
  });

  test('broken JSON is reported at the spec box and changes nothing', async ({ page }) => {
    const before = await lrCurve(page).getAttribute('d');
    await page.getByText('Schedule spec (JSON)').click();
    await page.getByLabel('Schedule spec JSON').fill('{"policy": "triangular", ');
    await page.getByRole('button', { name: 'Apply spec' }).click();
    await expect(page.getByRole('alert')).toContainText('Not valid JSON');
    await page.getByLabel('Schedule spec JSON').fill('{"policy": "polynomial", "lr": 0.1}');
    await page.getByRole('button', { name: 'Apply spec' }).click();
    await expect(page.getByRole('alert')).toContainText('unknown policy "polynomial"');
    expect(await lrCurve(page).getAttribute('d')).toBe(before);
  });

  test('each policy shows its own fields, and cycled momentum gets its own curve', async ({
    page,
  }) => {
    const policy = page.getByRole('combobox', { name: 'Policy' });
    await policy.selectOption('cosine_restarts');
    await expect(page.getByRole('slider', { name: 'Period' })).toBeVisible();
    await expect(page.getByRole('slider', { name: 'Base LR' })).toHaveCount(0);
    await policy.selectOption('one_cycle');
    await expect(page.getByRole('slider', { name: 'Total steps' })).toBeVisible();
    await page.getByRole('checkbox', { name: 'Cycle momentum' }).check();
    await expect(page.getByRole('spinbutton', { name: 'Max momentum' })).toHaveValue('0.95');
    // Its planned and used lines, on a chart of its own beside the LR's.
    await expect(page.getByTestId('momentum-chart').locator('path.training-line')).toHaveCount(2);
  });

  test('a typed value that is not a number is flagged and not applied', async ({ page }) => {
    const box = page.getByRole('spinbutton', { name: 'Step size', exact: true });
    const before = await lrCurve(page).getAttribute('d');
    await box.fill('12x');
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(await lrCurve(page).getAttribute('d')).toBe(before);
    await box.fill('100');
    await expect(box).toHaveAttribute('aria-invalid', 'false');
    await expect.poll(() => lrCurve(page).getAttribute('d')).not.toBe(before);
  });
});
