import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';

test.describe('code export', () => {
  test.beforeEach(async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await page.getByRole('tab', { name: 'Code export' }).click();
  });

  test('follows the schedule form and hands over PyTorch and Keras code', async ({ page }) => {
    const code = page.getByTestId('code-export-code');
    const pytorchTab = page.getByRole('tab', { name: 'PyTorch' });
    const kerasTab = page.getByRole('tab', { name: 'Keras' });
    await expect(pytorchTab).toHaveAttribute('aria-selected', 'true');
    await expect(code).toContainText('scheduler = torch.optim.lr_scheduler.CyclicLR(');
    await expect(code).toContainText('step_size_up=430,');

    const policy = page.getByRole('combobox', { name: 'Policy' });
    await policy.selectOption('cosine_restarts');
    await expect(code).toContainText('torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(');
    await expect(code).toContainText('T_0=860,');

    await policy.selectOption('one_cycle');
    await page.getByRole('spinbutton', { name: 'Total steps' }).fill('1000');
    await page.getByRole('checkbox', { name: 'Cycle momentum' }).check();
    await expect(code).toContainText('scheduler = torch.optim.lr_scheduler.OneCycleLR(');
    await expect(code).toContainText('max_lr=0.04,');
    await expect(code).toContainText('total_steps=1000,');
    await expect(code).toContainText('cycle_momentum=True,');
    await expect(code).toContainText('base_momentum=0.85,');
    await expect(code).toContainText(
      'div_factor=25.0,  # initial LR = max_lr / div_factor = 0.0016',
    );
    await expect(code).toContainText(
      'optimizer = torch.optim.SGD(model.parameters(), lr=0.0016, momentum=0.9)',
    );

    await page.getByRole('button', { name: 'Copy code' }).click();
    await expect(page.getByText('Copied the PyTorch code.')).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await code.textContent());
    expect(copied).toContain('# Spec: {"policy":"one_cycle","maxLr":0.04,"totalSteps":1000,');

    await kerasTab.click();
    await expect(kerasTab).toHaveAttribute('aria-selected', 'true');
    await expect(code).toContainText(
      'class OneCycleSchedule(tf.keras.optimizers.schedules.LearningRateSchedule):',
    );
    await expect(code).toContainText('step = minimum(step, 999)');
    await expect(code).toContainText(
      'optimizer = tf.keras.optimizers.SGD(learning_rate=OneCycleSchedule(), momentum=0.9)',
    );
    await expect(code).not.toContainText('torch');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download .py' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('lr_schedule_keras.py');
    expect(await readFile(await download.path(), 'utf8')).toBe(await code.textContent());

    await page.getByRole('region', { name: 'Schedule as code' }).scrollIntoViewIfNeeded();
    await page.getByRole('region', { name: 'Schedule as code' }).screenshot({
      path: 'test-results/code-export-keras.png',
    });
    await kerasTab.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(pytorchTab).toBeFocused();
    await expect(pytorchTab).toHaveAttribute('aria-selected', 'true');
    await expect(code).toContainText('torch.optim.lr_scheduler.OneCycleLR(');
    await page.getByRole('region', { name: 'Schedule as code' }).screenshot({
      path: 'test-results/code-export-pytorch.png',
    });
    await page.screenshot({ path: 'test-results/code-export-page.png', fullPage: true });
  });

  test("uses the session's optimizer", async ({ page }) => {
    const optimizer = page.getByRole('combobox', { name: 'Optimizer' });
    await expect(optimizer).toBeEnabled();
    await optimizer.selectOption('adam');
    await expect(page.getByTestId('code-export-code')).toContainText(
      'optimizer = torch.optim.Adam(model.parameters(), lr=0.01)',
    );
  });
});
