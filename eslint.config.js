// Lint: typescript-eslint's recommended rules, React hooks rules, the globals each part may use, and the
// folder boundaries of docs/architecture.md (apps → shared ← hub; electron → shared; nothing imports an app).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noImport = (patterns, message) => ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }];
const APPS = ['**/kiosk/**', '**/display/**', '**/renderer/**', '**/visitor/**'];
const HUB_NEVER = [...APPS, '**/shared/ui/**', 'react', 'react-dom', 'react-dom/*', 'zustand', 'socket.io-client'];
const HUB_MESSAGE = 'The hub never imports an app or what only apps use.';
/** The hub's rule, and more patterns (`{ regex, message }`) for a part of it: a later rule replaces an earlier one. */
const hubImports = (...more) => ['error', { patterns: [...HUB_NEVER.map((group) => ({ group: [group], message: HUB_MESSAGE })), ...more] }];
/** The modules of the hub's core that talk to sockets (docs/architecture.md, "The hub's core"). */
const SOCKET_SIDE = { regex: '^socket\\.io$|/(sockets|rooms|bridges|snapshotLine|requests|handlerContext)$|/createHub$', message: 'This part of the hub\'s core knows nothing of sockets: it is tested without one (docs/architecture.md).' };

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['shared/ui/**', 'kiosk/**', 'display/**', 'renderer/**'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['shared/domain/**', 'shared/protocol/**', 'shared/escpos/**'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': noImport(
        ['node:*', 'react', 'react-dom', 'socket.io*', 'better-sqlite3', '../ui/*', ...APPS, '**/hub/**'],
        'shared/ is pure: no Node, DOM, React or sockets here.',
      ),
    },
  },
  {
    files: ['shared/printer/**'],
    rules: {
      'no-restricted-imports': noImport(
        ['react', 'react-dom', 'socket.io*', 'better-sqlite3', '../ui/*', ...APPS, '**/hub/**', '**/electron/**'],
        'shared/printer is the Node side of printing, for the hub and the Electron shell alike.',
      ),
    },
  },
  {
    files: ['shared/ui/**'],
    rules: { 'no-restricted-imports': noImport([...APPS, '**/hub/**', 'node:*'], 'shared/ui serves the apps only.') },
  },
  {
    files: ['hub/**'],
    ignores: ['hub/core/**', 'hub/createHub.ts'],
    rules: {
      'no-restricted-imports': hubImports({ regex: '(^|/)core/', message: 'Only the composition root (hub/createHub.ts) wires the hub\'s core; handlers get what they need through their context.' }),
    },
  },
  { files: ['hub/core/**', 'hub/createHub.ts'], rules: { 'no-restricted-imports': hubImports() } },
  {
    files: ['hub/core/{commitQueue,scheduler,presence,admission,handshake,replies}.ts'],
    rules: { 'no-restricted-imports': hubImports(SOCKET_SIDE, { regex: '/handlers/|/audiences$', message: 'The core delivers and commits; what a handler does or an audience sees is not its business.' }) },
  },
  {
    files: ['hub/core/dispatch.ts'],
    rules: {
      'no-restricted-imports': hubImports(SOCKET_SIDE, { regex: '^node:|/db/|/storage$|/handlers/|/audiences$', message: 'The dispatch policy is a pure function: no I/O, no database.' }),
    },
  },
  {
    // The main process is Node; the preload and the shell's own pages run in a sandboxed browser context.
    files: ['electron/main/**', 'electron/build.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['electron/preload/**', 'electron/pages/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['electron/**'],
    rules: {
      'no-restricted-imports': noImport(
        [...APPS, '**/hub/**', '**/shared/ui/**', 'react', 'react-dom', 'socket.io*'],
        'The Electron shell imports shared/, electron and node only: never an app or the hub (it runs the compiled hub).',
      ),
    },
  },
  {
    files: ['electron/preload/**', 'electron/pages/**'],
    rules: {
      'no-restricted-imports': noImport(
        [...APPS, '**/hub/**', '**/shared/ui/**', 'node:*', '**/electron/main/**', '**/shared/printer/**'],
        'The preload and local pages are sandboxed: no Node, and nothing of the main process.',
      ),
    },
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
