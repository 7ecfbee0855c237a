import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Layer rules from DESIGN.md: core <- engine <- worker <- ui, imports point down only. */
const noTfjs = {
  group: ['@tensorflow/*'],
  message: 'Only src/engine and src/worker may import tfjs.',
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
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [noTfjs, ...noUp([])] }],
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
