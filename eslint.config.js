import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layering, after VS Code: shared is pure (no Node, Electron or DOM); the renderer never
 * imports main, Node or Electron; main never imports the renderer; migrations stand alone.
 */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'util'];
const pattern = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Migrations are written against the schema as it was, so they take an untyped Kysely.
    files: ['migrations/**/*.ts', 'src/main/db/migrate.ts', 'test/main/migration*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          pattern(nodeBuiltins, 'src/shared is pure TypeScript: no Node APIs.'),
          pattern(['electron', 'better-sqlite3', 'kysely', 'react', 'react-dom'], 'src/shared may not depend on Electron, the database or the UI.'),
          pattern(['**/main/**', '**/renderer/**', '**/preload/**', '**/migrations/**'], 'src/shared imports nothing from the layers above it.'),
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        patterns: [
          pattern(['**/main/**', '**/preload/**', '**/migrations/**', '**/tools/**'], 'The renderer talks to main only through window.api (src/renderer/api/client.ts).'),
          pattern([...nodeBuiltins, 'electron', 'better-sqlite3', 'kysely'], 'The renderer runs sandboxed: no Node, Electron or database modules.'),
        ],
      }],
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [pattern(['**/renderer/**'], 'main and preload never import the renderer.')],
      }],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          pattern(['**/renderer/**', '**/main/**'], 'The preload imports only electron and src/shared.'),
          pattern(['zod', 'kysely', 'better-sqlite3', 'react'], 'A sandboxed preload cannot load npm packages.'),
        ],
      }],
    },
  },
  {
    files: ['migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [pattern(['**/src/**'], 'Migrations are frozen: they must not import app code that may change.')],
      }],
    },
  },
);
