import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdir, rm, truncate, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import {
  CIFAR_CLASS_NAMES,
  cifar100BatchBytes,
  cifarBatchBytes,
  patternRgb,
  pixelCsvText,
  pngBytes,
  tarBytes,
} from '../src/testing/importFixtures';

/** Fixtures are made here at test time (nothing downloaded), a few hundred images each. */
const DIR = join('test-results', 'import-fixtures');
const meta = new TextEncoder().encode(CIFAR_CLASS_NAMES.join('\n') + '\n');

async function write(path: string, data: Uint8Array | string) {
  const full = join(DIR, path);
  await mkdir(dirname(full), { recursive: true });
  await writeFile(full, data);
  return full;
}

/** A folder of PNGs: `numClasses` subfolders of `perClass` 32×32 pictures, extra files added. */
async function pngFolder(
  name: string,
  numClasses: number,
  perClass: number[],
  extra: string[] = [],
) {
  for (let label = 0; label < numClasses; label++) {
    for (let i = 0; i < perClass[label]; i++) {
      await write(
        `${name}/class-${label}/${i}.png`,
        pngBytes(32, patternRgb(label, i, 32), deflateSync),
      );
    }
  }
  for (const path of extra) await write(`${name}/${path}`, 'not a picture');
  return join(DIR, name);
}

const ENCODED = [
  { type: 'image/jpeg', extension: 'jpg', magic: /^ffd8ff/ },
  { type: 'image/webp', extension: 'webp', magic: /^52494646.{8}57454250/ },
] as const;

/**
 * JPEGs and WebPs of the fixtures' pattern, encoded by the browser itself (OffscreenCanvas),
 * so that the folder import decodes real files of each format; the magic numbers are checked,
 * as convertToBlob would quietly give a PNG for a type it cannot write.
 */
async function encodedPictures(browser: Browser, folder: string, numClasses: number, per: number) {
  const page = await browser.newPage();
  for (let label = 0; label < numClasses; label++) {
    for (let i = 0; i < per; i++) {
      for (const { type, extension, magic } of ENCODED) {
        const bytes = await page.evaluate(
          async ([rgb, type]) => {
            const rgba = new Uint8ClampedArray(32 * 32 * 4).fill(255);
            for (let p = 0; p < 32 * 32; p++) rgba.set(rgb.slice(p * 3, p * 3 + 3), p * 4);
            const canvas = new OffscreenCanvas(32, 32);
            canvas.getContext('2d')?.putImageData(new ImageData(rgba, 32, 32), 0, 0);
            const blob = await canvas.convertToBlob({ type, quality: 0.95 });
            return Array.from(new Uint8Array(await blob.arrayBuffer()));
          },
          [Array.from(patternRgb(label, 100 + i, 32)), type] as const,
        );
        expect(Buffer.from(bytes.slice(0, 12)).toString('hex')).toMatch(magic);
        await write(`${folder}/class-${label}/${i}.${extension}`, Uint8Array.from(bytes));
      }
    }
  }
  await page.close();
}

test.beforeAll(async ({ browser }) => {
  await rm(DIR, { recursive: true, force: true });
  const train = cifarBatchBytes(300);
  const testBatch = cifarBatchBytes(100, 300);
  const archive = gzipSync(
    tarBytes([
      { name: 'cifar-10-batches-bin/batches.meta.txt', data: meta },
      { name: 'cifar-10-batches-bin/data_batch_1.bin', data: train },
      { name: 'cifar-10-batches-bin/test_batch.bin', data: testBatch },
    ]),
  );
  await write('cifar-10-binary.tar.gz', archive);
  await write('broken/cifar-10-binary.tar.gz', archive.subarray(0, archive.length >> 1));
  // CIFAR-100's records (a coarse and a fine label byte) among CIFAR-10 batches.
  await write('mixed/data_batch_1.bin', cifarBatchBytes(20));
  await write('mixed/data_batch_2.bin', cifar100BatchBytes(20));
  const fineNames = Array.from({ length: 100 }, (_, i) => `fine ${i}`).join('\n');
  await write(
    'cifar-100-binary.tar.gz',
    gzipSync(
      tarBytes([
        {
          name: 'cifar-100-binary/fine_label_names.txt',
          data: new TextEncoder().encode(fineNames),
        },
        { name: 'cifar-100-binary/train.bin', data: cifar100BatchBytes(1000) },
        { name: 'cifar-100-binary/test.bin', data: cifar100BatchBytes(100, 1000) },
      ]),
    ),
  );
  await write('bins/data_batch_1.bin', train);
  await write('bins/batches.meta.txt', meta);
  await write('truncated/data_batch_1.bin', train.subarray(0, 3073 * 20 + 1000));
  await write('digits.csv', pixelCsvText(200, 4));
  const lines = pixelCsvText(40, 4).split('\n');
  lines[6] = lines[6].split(',').slice(0, 500).join(',');
  await write('ragged.csv', lines.join('\n'));
  // Five PNGs, five JPEGs and five WebPs a class.
  await pngFolder('shapes', 3, [5, 5, 5], ['class-1/broken.png', 'notes.txt']);
  await encodedPictures(browser, 'shapes', 3, 5);
  await pngFolder('lonely', 1, [12]);
  await pngFolder('uneven', 2, [12, 4]);
  // Enough pictures that an import lasts long enough to watch its progress and cancel it.
  await pngFolder('many', 10, Array<number>(10).fill(250));
  // 1.2 GB on disk without writing it (sparse): over the limit, refused before it is read.
  await write('huge/data_batch_1.bin', '');
  await truncate(join(DIR, 'huge/data_batch_1.bin'), 1.2e9);
});

const status = (page: Page) => page.getByTestId('status');
const note = (page: Page) =>
  page.locator('.dataset-import [role=status], .dataset-import [role=alert]');
const dataset = (page: Page) => page.getByLabel('Dataset', { exact: true });

async function open(page: Page, path = '/') {
  await page.goto(path);
  await expect(status(page)).toContainText('Backend:', { timeout: 90_000 });
}

async function importFiles(page: Page, files: string | string[]) {
  await page.getByLabel('Import dataset', { exact: true }).setInputFiles(files);
}

async function importFolder(page: Page, folder: string) {
  await page.getByLabel('Import a folder', { exact: true }).setInputFiles(folder);
}

async function engineReady(page: Page) {
  await expect(page.getByRole('button', { name: 'Run range test' })).toBeEnabled({
    timeout: 90_000,
  });
}

function validationAccuracy(text: string): number {
  const match = /Validation accuracy ([\d.]+)%/.exec(text);
  return match ? Number(match[1]) : NaN;
}

/** A short range test, then `iterations` of training; resolves with the validation accuracy. */
async function rangeTestAndTrain(page: Page, iterations: number): Promise<number> {
  await page.getByRole('spinbutton', { name: 'Iterations', exact: true }).fill('20');
  await page.getByRole('button', { name: 'Run range test' }).click();
  await expect(page.getByText(/Suggested max LR: /)).toBeVisible({ timeout: 90_000 });
  await page.getByLabel('Unit', { exact: true }).selectOption('iterations');
  await page.getByRole('spinbutton', { name: 'Train for' }).fill(String(iterations));
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(status(page)).toContainText(/Iteration [1-9]/, { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
    timeout: 180_000,
  });
  return validationAccuracy((await status(page).textContent()) ?? '');
}

test('CIFAR-10 as downloaded imports, trains above chance, survives a reload and deletes', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await open(page);
  await importFiles(page, join(DIR, 'cifar-10-binary.tar.gz'));
  await expect(note(page)).toContainText(
    'Imported CIFAR-10: 300 training images in 10 classes, the test batch held out',
    { timeout: 60_000 },
  );
  await expect(dataset(page).locator('option:checked')).toHaveText(
    /CIFAR-10 · 400 images · 10 classes · 32×32 colour/,
  );
  await engineReady(page);
  await page.screenshot({ path: 'test-results/import-cifar.png', fullPage: true });
  // Chance is 10 %.
  expect(await rangeTestAndTrain(page, 60)).toBeGreaterThan(50);
  await page.screenshot({ path: 'test-results/import-cifar-trained.png', fullPage: true });

  await page.reload();
  await expect(page.getByRole('list', { name: 'Kept datasets' })).toContainText(
    'CIFAR-10 · 400 images',
  );
  await expect(dataset(page).locator('option:checked')).toHaveText(/^CIFAR-10/);
  await engineReady(page);

  await page.getByRole('button', { name: 'Delete CIFAR-10' }).click();
  await expect(note(page)).toContainText('Deleted CIFAR-10.');
  await expect(page.getByRole('list', { name: 'Kept datasets' })).toHaveCount(0);
  await expect(dataset(page)).toHaveValue('mnist');
  await page.reload();
  await expect(page.getByRole('list', { name: 'Kept datasets' })).toHaveCount(0);
});

test('extracted batches as grey, a pixel CSV and a folder of PNG, JPEG and WebP import and train', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await open(page);
  // The colour batches, imported as grey: the model takes 32×32×1.
  await page.getByText('Import options').click();
  await page.getByLabel('Colour', { exact: true }).selectOption({ label: 'Grey' });
  await importFiles(page, [join(DIR, 'bins/data_batch_1.bin'), join(DIR, 'bins/batches.meta.txt')]);
  await expect(note(page)).toContainText(
    'Imported CIFAR-10: 270 training images in 10 classes, 30 images (a random share) held out',
    { timeout: 60_000 },
  );
  await expect(dataset(page).locator('option:checked')).toHaveText(
    /CIFAR-10 · 300 images · 10 classes · 32×32 grey/,
  );
  await engineReady(page);
  // Chance is 10 %.
  expect(await rangeTestAndTrain(page, 60)).toBeGreaterThan(50);

  await page.getByLabel('Import size').selectOption({ label: '28×28' });
  await importFiles(page, join(DIR, 'digits.csv'));
  await expect(note(page)).toContainText('Imported digits: 180 training images in 4 classes', {
    timeout: 60_000,
  });
  await expect(dataset(page).locator('option:checked')).toHaveText(
    /digits · 200 images · 4 classes · 28×28 grey/,
  );
  await engineReady(page);
  expect(await rangeTestAndTrain(page, 30)).toBeGreaterThan(50);

  await page.getByLabel('Import size').selectOption({ label: '32×32' });
  await page.getByLabel('Colour', { exact: true }).selectOption({ label: 'Colour' });
  await importFolder(page, join(DIR, 'shapes'));
  await expect(note(page)).toContainText('Imported shapes:', { timeout: 60_000 });
  // Every PNG, JPEG and WebP decoded: only the two files that are no pictures are skipped.
  await expect(note(page)).toContainText(
    'Skipped 2 unreadable or non-image files: shapes/notes.txt, shapes/class-1/broken.png.',
  );
  await expect(dataset(page).locator('option:checked')).toHaveText(
    /shapes · 45 images · 3 classes · 32×32 colour/,
  );
  await engineReady(page);
  expect(await rangeTestAndTrain(page, 30)).toBeGreaterThan(50);
  await expect(page.getByRole('list', { name: 'Kept datasets' }).getByRole('listitem')).toHaveCount(
    3,
  );
  await page.screenshot({ path: 'test-results/import-three.png' });

  // All three are still kept after a reload, and each deletes.
  await page.reload();
  const kept = page.getByRole('list', { name: 'Kept datasets' }).getByRole('listitem');
  await expect(kept).toHaveCount(3);
  await expect(dataset(page).locator('option:checked')).toHaveText(/^shapes/);
  await engineReady(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Import dataset' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/import-phone.png' });
  for (const [title, left] of [
    ['digits', 2],
    ['CIFAR-10', 1],
    ['shapes', 0],
  ] as const) {
    await page.getByRole('button', { name: `Delete ${title}` }).click();
    await expect(note(page)).toContainText(`Deleted ${title}.`);
    await expect(kept).toHaveCount(left);
  }
  await expect(dataset(page)).toHaveValue('mnist');
  await page.reload();
  await expect(page.getByRole('list', { name: 'Kept datasets' })).toHaveCount(0);
});

test('an import shows its progress and Cancel ends it with nothing kept; a file over 1 GB is refused unread; CIFAR-100 then imports', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await open(page);
  await importFiles(page, join(DIR, 'digits.csv'));
  await expect(note(page)).toContainText('Imported digits', { timeout: 60_000 });
  await engineReady(page);
  const kept = page.getByRole('list', { name: 'Kept datasets' }).getByRole('listitem');
  await expect(kept).toHaveCount(1);

  // 2,500 pictures: the bar counts them as they are decoded.
  await importFolder(page, join(DIR, 'many'));
  const bar = page.getByRole('progressbar', { name: 'Importing many (2,500 files)…' });
  await expect(bar).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(async () => Number(await bar.getAttribute('value')), { timeout: 30_000 })
    .toBeGreaterThan(0);
  expect(Number(await bar.getAttribute('max'))).toBe(2500);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.dataset-import [role=alert]')).toHaveText(
    'Import of many (2,500 files) cancelled: nothing was kept.',
  );
  await expect(bar).toBeHidden();
  await expect(kept).toHaveCount(1);
  await expect(dataset(page).locator('option:checked')).toHaveText(/^digits/);

  await importFiles(page, join(DIR, 'huge/data_batch_1.bin'));
  await expect(page.locator('.dataset-import [role=alert]')).toHaveText(
    'Import failed: data_batch_1.bin: 1,200 MB is over the import limit of 1 GB (1,000,000,000 bytes). Nothing was changed.',
    { timeout: 30_000 },
  );
  await expect(kept).toHaveCount(1);
  await expect(dataset(page).locator('option:checked')).toHaveText(/^digits/);

  // After a cancelled import, the next one runs to the end: CIFAR-100, whose 100 fine classes
  // the model takes.
  await importFiles(page, join(DIR, 'cifar-100-binary.tar.gz'));
  await expect(note(page)).toContainText(
    'Imported CIFAR-100: 1,000 training images in 100 classes, the test batch held out',
    { timeout: 60_000 },
  );
  await expect(dataset(page).locator('option:checked')).toHaveText(
    /CIFAR-100 · 1,100 images · 100 classes · 32×32 colour/,
  );
  await expect(kept).toHaveCount(2);
  await engineReady(page);
});

test('bad input says which file and what is wrong, and keeps the kept datasets and runs', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await open(page);
  await importFiles(page, join(DIR, 'digits.csv'));
  await expect(note(page)).toContainText('Imported digits', { timeout: 60_000 });
  await engineReady(page);
  const kept = page.getByRole('list', { name: 'Kept datasets' }).getByRole('listitem');
  await expect(kept).toHaveCount(1);
  // A kept run, to see that no failed import touches the runs either.
  const keptRuns = page.getByTestId('kept-run');
  await page.getByRole('spinbutton', { name: 'Iterations', exact: true }).fill('10');
  await page.getByRole('button', { name: 'Run range test' }).click();
  await expect(keptRuns).toHaveCount(1, { timeout: 60_000 });
  await expect(keptRuns).toContainText('Range test · digits');
  await engineReady(page);
  const runText = await keptRuns.textContent();

  const cases: [() => Promise<void>, string | RegExp][] = [
    [
      () => importFiles(page, join(DIR, 'truncated/data_batch_1.bin')),
      'data_batch_1.bin: not a whole number of CIFAR-10 records: 62460 bytes is 20 records of 3073 bytes and 1000 bytes over',
    ],
    [
      () =>
        importFiles(page, [
          join(DIR, 'mixed/data_batch_1.bin'),
          join(DIR, 'mixed/data_batch_2.bin'),
        ]),
      "data_batch_2.bin: 61480 bytes are records of 3074 bytes, not CIFAR-10's 3073: this looks like CIFAR-100's layout (a coarse and a fine label byte before the pixels); data_batch_1.bin has CIFAR-10's 3073-byte records, so the batches mix sizes",
    ],
    [
      () => importFiles(page, join(DIR, 'broken/cifar-10-binary.tar.gz')),
      'cifar-10-binary.tar.gz: the gzip data is damaged or truncated',
    ],
    [
      () => importFiles(page, join(DIR, 'ragged.csv')),
      'ragged.csv: line 7 has 500 values, expected 785 like the header (ragged rows)',
    ],
    [() => importFolder(page, join(DIR, 'lonely')), 'lonely: only one class ("class-0")'],
    [
      () => importFolder(page, join(DIR, 'uneven')),
      'uneven: every class needs at least 10 readable images; too few in "class-1" (4)',
    ],
  ];
  for (const [act, message] of cases) {
    await act();
    await expect(page.locator('.dataset-import [role=alert]')).toContainText(message, {
      timeout: 60_000,
    });
    await expect(page.locator('.dataset-import [role=alert]')).toContainText(
      'Nothing was changed.',
    );
    await expect(kept).toHaveCount(1);
    await expect(dataset(page).locator('option:checked')).toHaveText(/^digits/);
    await expect(keptRuns).toHaveCount(1);
    expect(await keptRuns.textContent()).toBe(runText);
  }
  await page.screenshot({ path: 'test-results/import-bad.png', fullPage: true });
  // What is stored is unchanged too, not only what the page shows.
  await page.reload();
  await expect(kept).toHaveCount(1);
  await expect(kept).toContainText('digits · 200 images');
  await expect(keptRuns).toHaveCount(1);
  expect(await keptRuns.textContent()).toBe(runText);
});

test('a CSV dropped onto the page imports like a picked one', async ({ page }) => {
  await open(page);
  const csv = pixelCsvText(60, 3);
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
    return data;
  }, csv);
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(note(page)).toContainText('Imported dropped: 54 training images in 3 classes', {
    timeout: 60_000,
  });
  await expect(dataset(page).locator('option:checked')).toHaveText(/^dropped · 60 images/);
});

test('a link naming an imported dataset not kept here says which, and trains on MNIST', async ({
  page,
}) => {
  await open(page, '/?dataset=imported:pets-x1y2z3');
  await expect(
    page.getByText(/imported dataset "pets-x1y2z3", which is not kept in this browser/),
  ).toBeVisible();
  await expect(dataset(page)).toHaveValue('mnist');
});
