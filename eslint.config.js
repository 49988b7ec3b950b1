// Lint: typescript-eslint's recommended rules, React hooks rules, and the folder boundaries of
// docs/architecture (apps → shared ← hub; electron → shared; nothing imports an app).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noImport = (patterns, message) => ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }];
const APPS = ['**/kiosk/**', '**/display/**', '**/renderer/**', '**/visitor/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/domain/**', 'shared/protocol/**', 'shared/escpos/**'],
    rules: {
      'no-restricted-imports': noImport(
        ['node:*', 'react', 'react-dom', 'socket.io*', 'better-sqlite3', '../ui/*', ...APPS, '**/hub/**'],
        'shared/ is pure: no Node, DOM, React or sockets here.',
      ),
    },
  },
  {
    files: ['shared/ui/**'],
    rules: { 'no-restricted-imports': noImport([...APPS, '**/hub/**', 'node:*'], 'shared/ui serves the apps only.') },
  },
  {
    files: ['hub/**'],
    rules: { 'no-restricted-imports': noImport([...APPS, '**/shared/ui/**', 'react'], 'The hub never imports an app.') },
  },
  ...['kiosk', 'display', 'renderer', 'visitor'].map((app) => ({
    files: [`${app}/**`],
    rules: {
      'no-restricted-imports': noImport(
        ['**/hub/**', '**/electron/**', 'node:*', ...APPS.filter((a) => !a.includes(app))],
        'Apps talk to the hub over sockets only, and no app imports another app.',
      ),
    },
  })),
);
