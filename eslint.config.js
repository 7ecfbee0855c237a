import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';

/** Layer rules from DESIGN.md: core <- engine <- worker <- ui, imports point down only. */
const noTfjs = {
  group: ['@tensorflow/*'],
  message: 'Only src/engine and src/worker may import tfjs.',
};
/** The UI talks to the engine through the worker only; its wire types are in worker/contract.ts. */
const noEngine = {
  group: ['**/engine/*', '../engine', '../../engine'],
  message:
    'src/ui reaches the engine through the worker: take wire types from src/worker/contract.ts.',
};
const noUp = (layers) =>
  layers.map((layer) => ({
    group: [`**/${layer}/*`, `../${layer}`, `../../${layer}`],
    message: `Imports point down only (core <- engine <- worker <- ui): not into ${layer}.`,
  }));

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'public',
      'test-results',
      'playwright-report',
      'bench-results',
      'tests/golden',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] }),
      ],
    },
    rules: {
      // Value imports only: import-x skips `import type`; scripts/checkCycles.mjs covers those.
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [noTfjs, noEngine] }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noTfjs, ...noUp(['engine', 'worker', 'ui'])] },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: noUp(['worker', 'ui']) }] },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: noUp(['ui']) }] },
  },
);
