// Lint keeps the layers (docs/architecture.md) and catches real mistakes; style is Prettier's job
// (.prettierrc.json), not ESLint's. Flat config: https://eslint.org/docs/latest/use/configure/
// typescript-eslint: https://typescript-eslint.io/getting-started · eslint-plugin-vue:
// https://eslint.vuejs.org/user-guide/ · the layering rule follows Vutron's habit of forbidding
// Node, Electron and Vue imports in shared code (jooy2/vutron, eslint.config.mjs).
import js from '@eslint/js';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const RESTRICTED = '@typescript-eslint/no-restricted-imports';

/** Any package or Node built-in: a specifier that is not a relative path. */
const ANY_PACKAGE = { regex: '^[^.]', message: 'the engine is pure: no packages, no Node, no Electron.' };

/** What the renderer may take from src-main: the engine and the contract's types, nothing that runs there. */
const RENDERER_PATTERNS = [
  {
    regex: '(^|/)src-main/(?!engine/|api/|export/file-name$)',
    message: "the renderer imports from src-main only the engine, the contract's types and the pure file-naming rule.",
  },
  {
    regex: '(^|/)src-main/api/',
    allowTypeImports: true,
    message: "the renderer imports the contract's types only (import type); calls go through src-renderer/api.",
  },
  {
    regex: '^(node:|electron$|better-sqlite3$)',
    message: 'the renderer runs in a browser sandbox: no Node, Electron or database modules.',
  },
];

/** Correctness problems only: each of these is a bug or dead code, never a matter of taste. */
const CORRECTNESS = {
  'no-constant-binary-expression': 'error',
  'no-dupe-else-if': 'error',
  'no-self-compare': 'error',
  'no-template-curly-in-string': 'error',
  'no-unreachable-loop': 'error',
  'no-unused-private-class-members': 'error',
  eqeqeq: ['error', 'always', { null: 'ignore' }],
  '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
  // Control characters are matched on purpose where user text is cleaned for XML, CSV and file names.
  'no-control-regex': 'off',
  // Tests and a few casts at trust boundaries use `any` on purpose; type checking is vue-tsc's job.
  '@typescript-eslint/no-explicit-any': 'off',
  '@typescript-eslint/no-non-null-assertion': 'off',
};

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'reports/**', '.stryker-tmp/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: CORRECTNESS,
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },

  // ── Layers ──────────────────────────────────────────────────────────────────────────────────
  {
    // The engine imports nothing but itself: no Node, Electron, store, i18n, export or API.
    files: ['src-main/engine/*.ts'],
    rules: {
      [RESTRICTED]: [
        'error',
        {
          patterns: [
            ANY_PACKAGE,
            { group: ['../*'], message: 'the engine imports only the engine: wording, storage and I/O live in the layers above it.' },
          ],
        },
      ],
    },
  },
  {
    // KNOWN EXCEPTION, to remove when it is fixed: compare.ts still formats the comparison of
    // cases with the label table (moving that wording out of the engine is issue 12, item 3, and
    // is under way). Only that one import is let through here.
    files: ['src-main/engine/compare.ts'],
    rules: {
      [RESTRICTED]: [
        'error',
        {
          patterns: [
            ANY_PACKAGE,
            { regex: '^\\.\\./', message: 'the engine imports only the engine: wording, storage and I/O live in the layers above it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/engine/*/**/*.ts'],
    rules: {
      [RESTRICTED]: [
        'error',
        {
          patterns: [
            ANY_PACKAGE,
            { group: ['../../*'], message: 'the engine imports only the engine: wording, storage and I/O live in the layers above it.' },
          ],
        },
      ],
    },
  },
  {
    // Schemas describe the engine's inputs for the API: the engine and zod, nothing else.
    files: ['src-main/schemas/**/*.ts'],
    rules: {
      [RESTRICTED]: [
        'error',
        {
          patterns: [
            { regex: '^(?!\\.|zod$)', message: 'schemas import only zod and the engine.' },
            {
              group: ['../*', '!../engine', '!../engine/**', '!../i18n', '../i18n/*', '!../i18n/text.js'],
              message: 'schemas import only zod, the engine and the pure text helpers (i18n/text).',
            },
          ],
        },
      ],
    },
  },
  {
    // The main process never reaches into the renderer.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/engine/**', 'src-main/schemas/**'],
    rules: {
      [RESTRICTED]: [
        'error',
        { patterns: [{ regex: '(^|/)src-renderer(/|$)', message: 'main-process code never imports renderer code.' }] },
      ],
    },
  },
  {
    // The renderer talks to the main process only through the API client: from src-main it may
    // import the contract's types and the engine's pure functions, nothing that runs there.
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.vue'],
    rules: { [RESTRICTED]: ['error', { patterns: RENDERER_PATTERNS }] },
  },
  {
    // Renderer helpers stay below the screens: lib/ never imports components or views.
    files: ['src-renderer/lib/**'],
    rules: {
      [RESTRICTED]: [
        'error',
        {
          patterns: [
            ...RENDERER_PATTERNS,
            {
              regex: '(^|/)(components|views)(/|$)|\\.vue$',
              message: 'renderer lib/ holds logic the screens share: it never imports components or views.',
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures that need no other fixture take an empty pattern: `async ({}, use) => …`.
    files: ['test/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
