// npm run screenshots: the README's and docs/' pictures of the page while training, at the four
// sizes a user sees it (projector 1280×720 and 1920×1080, tablet 768×1024, phone 390×844).
// Starts its own dev server, runs a range test on MNIST, uses the suggestion, trains, and
// shoots a few seconds into the run (on a phone or tablet, scrolled to the charts). Also prints where the run bar, the four inputs and the
// four charts lie, so a note can quote the positions.
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { chromiumArgs, chromiumPath } from './chromium-path.mjs';

const SIZES = [
  [1280, 720],
  [1920, 1080],
  [768, 1024],
  [390, 844],
];
const PORT = Number(process.env.SCREENSHOT_PORT ?? 5197);

const server = await createServer({ server: { port: PORT, strictPort: true, host: '127.0.0.1' } });
await server.listen();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  for (const [width, height] of SIZES) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.getByTestId('status').getByText('Backend:').waitFor({ timeout: 120_000 });
    const rangeTest = page.getByRole('button', { name: 'Run range test' });
    await rangeTest.click({ timeout: 120_000 });
    const useSuggestion = page.getByRole('button', { name: 'Use suggestion' });
    await useSuggestion.waitFor({ timeout: 120_000 });
    await useSuggestion.click({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForTimeout(8_000);
    const name = `docs/layout-train-${width}x${height}.png`;
    // One column (phone, tablet): the charts come after the form; scroll them into view.
    if (width < 1000) {
      await page
        .getByRole('figure', { name: 'Range test chart' })
        .evaluate((chart) => chart.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(500);
    }
    await page.screenshot({ path: name });
    const where = {};
    for (const [label, locator] of [
      ['run bar', page.getByRole('button', { name: 'Pause' })],
      ['Max LR', page.getByRole('spinbutton', { name: 'Max LR' })],
      ['Learning rate chart', page.getByRole('figure', { name: 'Learning rate chart' })],
      ['Loss chart', page.getByRole('figure', { name: 'Loss chart' })],
      ['Accuracy chart', page.getByRole('figure', { name: 'Accuracy chart' })],
      ['Range test chart', page.getByRole('figure', { name: 'Range test chart' })],
    ]) {
      const box = await locator.first().boundingBox();
      where[label] = box
        ? `x ${Math.round(box.x)}–${Math.round(box.x + box.width)}, y ${Math.round(box.y)}–${Math.round(box.y + box.height)}`
        : 'not shown';
    }
    console.log(name, JSON.stringify(where));
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
