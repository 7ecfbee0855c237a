// `npm run -s export -- range-test [keras]`: the range test as a Python file on standard
// output, with the page's default settings, for use without the page.
import { DEFAULT_RANGE_TEST_SCRIPT, rangeTestScript } from '../src/core';

const [what, flavour = 'pytorch'] = process.argv.slice(2);
if (what !== 'range-test' || (flavour !== 'pytorch' && flavour !== 'keras')) {
  process.stderr.write(
    'usage: npm run -s export -- range-test [pytorch|keras]\n' +
      '  prints a self-contained Python range test (PyTorch, or a Keras callback)\n',
  );
  process.exit(2);
}
process.stdout.write(rangeTestScript(DEFAULT_RANGE_TEST_SCRIPT, flavour));
