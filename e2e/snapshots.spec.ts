import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';

async function openReady(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('status')).toContainText('Backend: wasm', { timeout: 90_000 });
}

/** Percent numbers in a table cell's text ("98.12% (last 3)" → [98.12]). */
function percents(text: string | null): number[] {
  return [...(text ?? '').matchAll(/([\d.]+)%/g)].map((match) => Number(match[1]));
}

interface ModelJson {
  format: string;
  modelTopology: unknown;
  weightsManifest: {
    paths: string[];
    weights: { name: string; shape: number[]; dtype: string }[];
  }[];
}

test.describe('snapshot ensembles and the TF.js model', () => {
  test('three short cycles on MNIST: the panel shows every ensemble size at each cycle end, and the model downloads', async ({
    page,
  }) => {
    test.setTimeout(400_000);
    await openReady(page);
    const panel = page.getByTestId('snapshot-panel');
    await expect(panel).toContainText('Train for at least 2 cycles');
    await panel.screenshot({ path: 'test-results/snapshots-empty.png' });

    // A bad snapshot count is named at the field and blocks Train.
    const snapshots = page.getByRole('spinbutton', { name: 'Snapshots kept' });
    await snapshots.fill('21');
    await expect(page.getByRole('alert').filter({ hasText: 'from 1 to 20, got 21' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
    await snapshots.fill('5');
    await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();

    await page.getByRole('spinbutton', { name: 'Step size', exact: true }).fill('25');
    await page.getByRole('combobox', { name: 'Unit', exact: true }).selectOption('cycles');
    await page.getByRole('spinbutton', { name: 'Train for', exact: true }).fill('3');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Download model (TF.js)' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
      timeout: 300_000,
    });

    // One curve per cycle end; the newest first in the table, its ensemble of all three kept.
    const rows = page.getByTestId('snapshot-table').locator('tbody tr');
    await expect(rows).toHaveCount(3);
    await expect(page.getByTestId('snapshot-chart').locator('path.training-line')).toHaveCount(3);
    await expect(rows.nth(0).locator('th')).toHaveText('Cycle 3');
    await expect(rows.nth(0).locator('td').nth(1)).toContainText('(last 3)');
    await expect(rows.nth(1).locator('td').nth(1)).toContainText('(last 2)');
    await expect(rows.nth(2).locator('td').nth(1)).toContainText('one snapshot');
    const [single] = percents(await rows.nth(0).locator('td').nth(0).textContent());
    const [ensemble] = percents(await rows.nth(0).locator('td').nth(1).textContent());
    // 150 steps of MNIST: both well past chance; the ensemble within a few points of the model.
    expect(single).toBeGreaterThan(80);
    expect(ensemble).toBeGreaterThan(80);
    expect(Math.abs(ensemble - single)).toBeLessThan(10);
    // The newest cycle's single model is the run's last validation.
    await expect(page.getByTestId('status')).toContainText(
      `Validation accuracy ${single.toFixed(1)}%`,
    );
    await panel.screenshot({ path: 'test-results/snapshots-panel.png' });

    const downloads: Download[] = [];
    page.on('download', (download) => downloads.push(download));
    await page.getByRole('button', { name: 'Download model (TF.js)' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved model.json' })).toBeVisible();
    await expect.poll(() => downloads.length).toBe(2);
    const byName = new Map(downloads.map((d) => [d.suggestedFilename(), d]));
    expect([...byName.keys()].sort()).toEqual(['model.json', 'model.weights.bin']);

    const json = JSON.parse(
      await readFile(await (byName.get('model.json') as Download).path(), 'utf8'),
    ) as ModelJson;
    expect(json.format).toBe('layers-model');
    expect(json.modelTopology).toBeTruthy();
    const paths = json.weightsManifest.flatMap((group) => group.paths);
    expect(paths.map((path) => path.replace(/^\.\//, ''))).toEqual(['model.weights.bin']);
    const specs = json.weightsManifest.flatMap((group) => group.weights);
    expect(specs.every((spec) => spec.dtype === 'float32')).toBe(true);
    const expectedBytes = specs.reduce(
      (sum, spec) => sum + 4 * spec.shape.reduce((a, b) => a * b, 1),
      0,
    );
    const weights = await readFile(await (byName.get('model.weights.bin') as Download).path());
    expect(weights.byteLength).toBe(expectedBytes);
    await page.screenshot({ path: 'test-results/snapshots-page.png', fullPage: true });
  });
});
