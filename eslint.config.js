// Lint: typescript-eslint's recommended rules, React hooks rules, the globals each part may use, and the
// folder boundaries of docs/architecture.md (apps → shared ← hub; electron → shared; nothing imports an app).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** One `no-restricted-imports` setting from groups of patterns (gitignore-style strings, or RegExps), each with its message. */
const restrict = (...groups) => [
  'error',
  {
    patterns: groups.flatMap(({ patterns, message }) =>
      patterns.map((p) => (p instanceof RegExp ? { regex: p.source, message } : { group: [p], message })),
    ),
  },
];
const noImport = (patterns, message) => restrict({ patterns, message });
const APPS = ['**/kiosk/**', '**/display/**', '**/renderer/**', '**/visitor/**'];
// A rule set for a file replaces the one set for its folder, so each narrower hub rule repeats HUB.
const HUB = {
  patterns: [...APPS, '**/shared/ui/**', 'react', 'react-dom', 'react-dom/*', 'zustand', 'socket.io-client'],
  message: 'The hub never imports an app or what only apps use.',
};
const HANDLER_APART =
  'A handler imports no other handler file: what handlers and jobs share is a domain operation (hub/operations/); only the read-only checks (hub/handlers/guards.ts, and for admin handlers hub/handlers/admin/common.ts) are shared among handlers.';
/** The modules of the hub's core that talk to sockets (docs/architecture.md, "The hub's core"). */
const SOCKET_SIDE = {
  patterns: [/^socket\.io$|\/(sockets|rooms|bridges|snapshotLine|requests|handlerContext)$|\/createHub$/],
  message: "This part of the hub's core knows nothing of sockets: it is tested without one (docs/architecture.md).",
};
const CORE_APART = {
  patterns: [/(^|\/)core\//],
  message: "Only the composition root (hub/createHub.ts) wires the hub's core; handlers get what they need through their context.",
};

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
  { files: ['hub/**'], rules: { 'no-restricted-imports': restrict(HUB) } },
  {
    // Handlers are registered in one place; the rest of the hub (hub/operations/ above all) never reaches into them.
    files: ['hub/**'],
    ignores: ['hub/handlers/**', 'hub/core/**', 'hub/createHub.ts'],
    rules: {
      'no-restricted-imports': restrict(
        HUB,
        {
          patterns: ['**/handlers'],
          message: 'Only hub/createHub.ts imports handlers (their registry); what handlers and jobs share lives in hub/operations/.',
        },
        CORE_APART,
      ),
    },
  },
  {
    // './x' is another handler file, unless it is the shared checks. The registry is the one file that imports
    // every handler group (to register them); hub/createHub.ts imports the registry.
    files: ['hub/handlers/*.ts'],
    ignores: ['hub/handlers/registry.ts'],
    rules: { 'no-restricted-imports': restrict(HUB, { patterns: [/^\.\/(?!guards$)/, /^\.\.\/handlers(\/|$)/], message: HANDLER_APART }, CORE_APART) },
  },
  {
    // './x' is another admin handler file unless it is their common helper; '../x' (one level up, not '../../')
    // is a handler file unless it is the shared checks.
    files: ['hub/handlers/admin/**'],
    rules: {
      'no-restricted-imports': restrict(HUB, {
        patterns: [/^\.\/(?!common$)/, /^\.\.\/(?!guards$)[^./]/, /^\.\.\/\.\.\/handlers(\/|$)/],
        message: HANDLER_APART,
      }, CORE_APART),
    },
  },
  {
    // Migrations are history: what one does to a database must never change with the live code, or a database
    // upgraded later would get another schema or other rows. Each carries what it needs; it may use an earlier
    // migration (frozen too) and the connection's type, nothing else of the hub or of shared/.
    files: ['hub/db/migrations/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../**', '!../connection', '**/hub/**', '**/shared/**', ...APPS],
              message: 'A migration is frozen: copy what it needs into it (an earlier migration may be imported).',
            },
          ],
        },
      ],
    },
  },
  { files: ['hub/core/**', 'hub/createHub.ts'], rules: { 'no-restricted-imports': restrict(HUB) } },
  {
    files: ['hub/core/{commitQueue,scheduler,presence,admission,handshake,replies}.ts'],
    rules: {
      'no-restricted-imports': restrict(HUB, SOCKET_SIDE, {
        patterns: [/\/handlers\/|\/audiences(\/|$)/],
        message: 'The core delivers and commits; what a handler does or an audience sees is not its business.',
      }),
    },
  },
  {
    files: ['hub/core/dispatch.ts'],
    rules: {
      'no-restricted-imports': restrict(HUB, SOCKET_SIDE, {
        patterns: [/^node:|\/db\/|\/storage$|\/handlers\/|\/audiences(\/|$)/],
        message: 'The dispatch policy is a pure function: no I/O, no database.',
      }),
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
