// Lint rules that keep the architecture honest: every layer boundary of docs/ARCHITECTURE.md is an entry of
// lint/layers.mjs (tests/lint/layers.test.ts proves each one fails on a violation), and the renderer never imports Node.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import { layersPlugin } from './lint/layers.mjs';

/** A text written out in code: a string, a template or a concatenation of them. */
const TEXT = '/^(Literal|TemplateLiteral|BinaryExpression)$/';
const CATALOGUE = 'an error text comes from the message catalogue: pass (text) => text.errors.…';
const LITERAL_ERROR_TEXTS = [
  { selector: `NewExpression[callee.name="AppError"][arguments.1.type=${TEXT}]`, message: `AppError: ${CATALOGUE}` },
  { selector: `CallExpression[callee.name="conflict"][arguments.0.type=${TEXT}]`, message: `conflict: ${CATALOGUE}` },
  {
    // An issue `{ path, message }`, inline in invalidInput([...]) or built apart and pushed to a list.
    selector: `ObjectExpression:has(> Property[key.name="path"]) > Property[key.name="message"][value.type=${TEXT}]`,
    message: `an issue: ${CATALOGUE}`,
  },
  {
    selector: `CallExpression[callee.name="notFound"][arguments.0.type="TemplateLiteral"]`,
    message: "notFound: name the kind of thing and its id, e.g. notFound('order', id)",
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['main/**/*.ts', 'shared/**/*.ts', 'preload/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { magflow: layersPlugin },
    rules: { 'magflow/layers': 'error' },
  },
  {
    // Main's errors reach the window in its language (issue 16 §1): their texts come from the message catalogue
    // (main/core/messages), never a literal. The sandbox is the fake eMAG and keeps its English.
    files: ['main/**/*.ts'],
    ignores: ['main/sandbox/**'],
    rules: {
      'no-restricted-syntax': ['error', ...LITERAL_ERROR_TEXTS],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'child_process', 'electron'],
              message: 'The renderer is a browser page: talk to main through window.magflow only.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
