// Fails early, with instructions, when the e2e tests have no Chromium to drive.
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium-path.mjs';

const path = chromiumPath();
if (!existsSync(path)) {
  console.error(
    `No Chromium at ${path}.\n` +
      "Install Debian's browser (sudo apt-get install -y chromium) or point the tests at another\n" +
      'Chromium or Chrome binary: CHROMIUM_PATH=/path/to/chrome npm test',
  );
  process.exit(1);
}
