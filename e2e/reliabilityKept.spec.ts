import { expect, test, type Page } from '@playwright/test';

/**
 * Issue 16: a run survives a reload mid-run (kept as "interrupted", with the steps of its last
 * checkpoint), and two tabs of the page see each other's kept runs, edits and deletions.
 */

const status = (page: Page) => page.getByTestId('status');
const keptRuns = (page: Page) => page.getByTestId('kept-run');
const trainButton = (page: Page) => page.getByRole('button', { name: 'Train', exact: true });

async function openSynthetic(page: Page) {
  await page.goto('/?dataset=synthetic');
  await expect(status(page)).toContainText('Backend:', { timeout: 90_000 });
  await expect(page.getByRole('button', { name: 'Run range test' })).toBeEnabled({
    timeout: 90_000,
  });
}

/** The status bar's "Iteration N / M" count. */
async function iterationShown(page: Page): Promise<number> {
  const text = (await status(page).textContent()) ?? '';
  const match = /Iteration ([\d,]+)/.exec(text);
  return match ? Number(match[1].replace(/,/g, '')) : 0;
}

/** "Training · synthetic · 62 steps · …" → 62. */
async function keptSteps(page: Page, index = 0): Promise<number> {
  const text = (await keptRuns(page).nth(index).textContent()) ?? '';
  const match = /([\d,]+) steps?/.exec(text);
  return match ? Number(match[1].replace(/,/g, '')) : -1;
}

async function trainFor(page: Page, iterations: number) {
  await page.getByLabel('Unit', { exact: true }).selectOption('iterations');
  await page.getByRole('spinbutton', { name: 'Train for' }).fill(String(iterations));
  await trainButton(page).click();
}

test('a training run survives a reload mid-run, marked interrupted', async ({ page }) => {
  test.setTimeout(240_000);
  await openSynthetic(page);
  await trainFor(page, 5000);
  await expect.poll(() => iterationShown(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(30);
  // Past one checkpoint interval (3 s) for sure.
  await page.waitForTimeout(4000);
  const before = await iterationShown(page);
  await page.reload();

  await expect(keptRuns(page)).toHaveCount(1, { timeout: 30_000 });
  await expect(keptRuns(page).first()).toContainText('interrupted');
  const steps = await keptSteps(page);
  expect(steps).toBeGreaterThanOrEqual(30);
  expect(steps).toBeLessThanOrEqual(before + 200);
  // Shown and exported like any other run.
  await expect(page.getByRole('button', { name: /^Export .* as JSON$/ })).toBeVisible();
  await page.getByRole('checkbox', { name: /^Show .* on the charts$/ }).check();
  await expect(page.getByTestId('loss-chart').locator('.training-legend')).toContainText(
    'triangular',
  );
});

test('a range test survives a reload mid-run, marked interrupted', async ({ page }) => {
  test.setTimeout(240_000);
  await openSynthetic(page);
  await page.getByRole('spinbutton', { name: 'End LR' }).fill('0.001');
  await page.getByRole('spinbutton', { name: 'Iterations', exact: true }).fill('5000');
  await page.getByRole('button', { name: 'Run range test' }).click();
  const progress = page.getByRole('progressbar', { name: 'Range test progress' });
  await expect
    .poll(async () => Number((await progress.getAttribute('value')) ?? 0), { timeout: 90_000 })
    .toBeGreaterThanOrEqual(30);
  await page.waitForTimeout(4000);
  await page.reload();

  await expect(keptRuns(page)).toHaveCount(1, { timeout: 30_000 });
  await expect(keptRuns(page).first()).toContainText('Range test');
  await expect(keptRuns(page).first()).toContainText('interrupted');
  expect(await keptSteps(page)).toBeGreaterThanOrEqual(30);
});

/**
 * Lets the test make a tab miss what the others tell it (as a tab does whose message is still on
 * its way, or that was asleep): with `deaf` on, the page's BroadcastChannel hears nothing.
 */
async function letTabGoDeaf(page: Page) {
  await page.addInitScript(() => {
    const add = BroadcastChannel.prototype.addEventListener;
    BroadcastChannel.prototype.addEventListener = function (
      this: BroadcastChannel,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ) {
      if (!listener) return;
      const muted = (event: Event) => {
        if ((window as unknown as { deaf?: boolean }).deaf) return;
        if (typeof listener === 'function') listener.call(this, event);
        else listener.handleEvent(event);
      };
      add.call(this, type, type === 'message' ? muted : listener, options);
    };
  });
}

async function setDeaf(page: Page, deaf: boolean) {
  await page.evaluate((on) => {
    (window as unknown as { deaf?: boolean }).deaf = on;
  }, deaf);
}

test('two tabs see each other’s new runs, renames and deletions, and a stale tab brings nothing back', async ({
  context,
}) => {
  test.setTimeout(300_000);
  const tabA = await context.newPage();
  const tabB = await context.newPage();
  await letTabGoDeaf(tabA);
  await letTabGoDeaf(tabB);
  await openSynthetic(tabA);
  await openSynthetic(tabB);

  await trainFor(tabA, 20);
  await expect(keptRuns(tabA)).toHaveCount(1, { timeout: 90_000 });
  // Tab B sees it without a reload.
  await expect(keptRuns(tabB)).toHaveCount(1);
  await expect(keptRuns(tabB).first()).toContainText('20 steps');
  await trainFor(tabB, 15);
  await expect(keptRuns(tabA)).toHaveCount(2, { timeout: 90_000 });

  // A rename in A and a pin in B: both stick, in both tabs and after a reload.
  await keptRuns(tabA)
    .filter({ hasText: '20 steps' })
    .getByRole('button', { name: /^Rename / })
    .click();
  await tabA.getByRole('textbox', { name: 'New name' }).fill('renamed in A');
  await tabA.keyboard.press('Enter');
  await expect(keptRuns(tabB).filter({ hasText: 'renamed in A' })).toHaveCount(1);
  await tabB.getByRole('button', { name: 'Pin renamed in A' }).click();
  await expect(keptRuns(tabA).first()).toContainText('renamed in A');
  await expect(keptRuns(tabA).first()).toContainText('pinned');

  // A stale edit: B misses A's rename of the other run, so its copy still has the old name
  // when it pins it. Storage keeps both edits, and both tabs show both.
  await setDeaf(tabB, true);
  await keptRuns(tabA)
    .filter({ hasText: '15 steps' })
    .getByRole('button', { name: /^Rename / })
    .click();
  await tabA.getByRole('textbox', { name: 'New name' }).fill('renamed while B was stale');
  await tabA.keyboard.press('Enter');
  const staleInB = keptRuns(tabB).filter({ hasText: '15 steps' });
  await expect(keptRuns(tabA).filter({ hasText: 'renamed while B was stale' })).toHaveCount(1);
  await expect(staleInB).not.toContainText('renamed while B was stale');
  await staleInB.getByRole('button', { name: /^Pin / }).click();
  await expect(staleInB).toContainText('pinned');
  await setDeaf(tabB, false);
  const bothEdits = (page: Page) =>
    keptRuns(page).filter({ hasText: 'renamed while B was stale' }).filter({ hasText: 'pinned' });
  await expect(bothEdits(tabA)).toHaveCount(1);
  await tabB.reload();
  await expect(bothEdits(tabB)).toHaveCount(1);

  // Deleted in B while A hears nothing: A's stale Shown tick cannot bring it back.
  await setDeaf(tabA, true);
  await tabB.getByRole('button', { name: 'Delete renamed in A' }).click();
  await expect(keptRuns(tabB)).toHaveCount(1);
  const deletedInB = keptRuns(tabA).filter({ hasText: 'renamed in A' });
  await expect(deletedInB).toHaveCount(1);
  // A click, not check(): the run leaves the list instead of showing a tick.
  await deletedInB.getByRole('checkbox', { name: /^Show / }).click();
  // Storage no longer has it: the tick is dropped, and so is the run.
  await expect(keptRuns(tabA)).toHaveCount(1);
  await tabA.reload();
  await expect(keptRuns(tabA)).toHaveCount(1);
  await expect(keptRuns(tabA).filter({ hasText: 'renamed in A' })).toHaveCount(0);
  await expect(bothEdits(tabA)).toHaveCount(1);
});
