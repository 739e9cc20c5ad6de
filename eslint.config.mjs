import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** `no-restricted-imports` for every file of one folder of src/. */
function layer(folder, patterns) {
  return { files: [`${folder}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

function noVscode(why) {
  return { group: ['vscode'], message: `${why}: no vscode import.` };
}

const noIo = { group: ['node:*', 'fs', 'http', 'https', 'child_process', 'net'], message: 'src/domain does no I/O.' };

/** The top-level modules of src/ that import vscode themselves. */
const noEditorModules = { group: ['**/config', '**/log', '**/services', '**/extension', '**/executeCommand', '**/testingApi'], message: 'These modules import vscode.' };

/** Imports of these top-level folders of src/, from any depth. */
function noFolders(folders, message) {
  return { group: folders.map((folder) => `**/${folder}/**`), message };
}

// The layers, enforced: arrows point down only (CONTRIBUTING.md has the map). Patterns start with **/
// so they catch a folder from any depth (../ui/…, ../../ui/…); none names the folder it applies to.
const layers = [
  layer('src/domain', [noVscode('src/domain is pure'), noIo, noEditorModules, noFolders(['github', 'live', 'ui', 'state', 'auth', 'commands', 'operations'], 'src/domain imports only src/domain.')]),
  layer('src/github', [noVscode('src/github returns plain data'), noEditorModules, noFolders(['state', 'ui', 'commands', 'auth', 'operations'], 'src/github knows nothing of the store, views, commands or sign-in.')]),
  layer('src/live', [noVscode('src/live returns plain data'), noEditorModules, noFolders(['state', 'ui', 'commands', 'auth', 'operations'], 'src/live knows nothing of the store, views, commands or sign-in.')]),
  layer('src/state', [noFolders(['ui', 'commands'], 'src/state reports typed conditions; src/ui turns them into prompts and views.')]),
  layer('src/ui', [noFolders(['github', 'commands'], 'src/ui renders the store\'s snapshot; it never calls GitHub or runs a command\'s code (use command ids).')]),
  layer('src/operations', [noVscode('src/operations are the flows commands share, without the editor'), noEditorModules, noFolders(['ui', 'commands'], 'src/operations report progress through callbacks; commands and views show it.')]),
];

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'src/domain/generated/**', 'bench/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
      // VS Code's API takes any { dispose() } where it says Disposable; emitters and items qualify.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
  ...layers,
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false, project: false },
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests probe optional fields on purpose; assertions narrow in ways this rule misreads.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
    },
  },
);
