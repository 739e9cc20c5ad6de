import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureSystemPackages, machineProbes, MissingPrerequisite } from './systemPackages';

/**
 * A real VS Code for tests and the demo: code-server from the npm registry (Microsoft's own VS Code
 * downloads are unreachable here), installed on demand into .vscode-test/ and reused when present.
 */

export const CODE_SERVER_VERSION = '4.100.3';
export const ROOT = resolve(__dirname, '..', '..');
const INSTALL_DIR = join(ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
const BINARY = join(INSTALL_DIR, 'node_modules', '.bin', 'code-server');
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/** True when code-server is installed in .vscode-test/ (its install needs more of the system than running it). */
export function codeServerInstalled(): boolean {
  return existsSync(BINARY);
}

/** Checks what installing and running the editor needs; installs missing Debian packages when it can. */
export function checkPrerequisites(options: { browser: boolean }): void {
  if (Number(process.versions.node.split('.')[0]) !== 20) {
    throw new MissingPrerequisite(`The real editor cannot run: code-server ${CODE_SERVER_VERSION} requires Node.js 20; this is ${process.version}.`);
  }
  ensureSystemPackages({ browser: options.browser, installingEditor: !codeServerInstalled() });
}

/** Installs code-server into .vscode-test/ unless it is already there. Returns the binary's path. */
export function ensureCodeServer(log: (line: string) => void = console.log): string {
  checkPrerequisites({ browser: false });
  if (existsSync(BINARY)) {
    return BINARY;
  }
  log(`Installing code-server ${CODE_SERVER_VERSION} into .vscode-test/ (once; about a minute)…`);
  // Its ripgrep dependency downloads rg from GitHub unless a cached archive is found: give it Debian's.
  const cacheDir = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  mkdirSync(cacheDir, { recursive: true });
  const archive = join(cacheDir, RIPGREP_ARCHIVE);
  if (!existsSync(archive)) {
    const staging = mkdtempSync(join(tmpdir(), 'rg-'));
    copyFileSync(machineProbes.which('rg') ?? '/usr/bin/rg', join(staging, 'rg'));
    const tar = spawnSync('tar', ['czf', archive, '-C', staging, 'rg'], { stdio: 'inherit' });
    rmSync(staging, { recursive: true, force: true });
    if (tar.status !== 0) {
      throw new Error('Could not pack the system\'s rg for code-server\'s ripgrep module.');
    }
  }
  rmSync(INSTALL_DIR, { recursive: true, force: true });
  mkdirSync(INSTALL_DIR, { recursive: true });
  writeFileSync(join(INSTALL_DIR, 'package.json'), JSON.stringify({ name: 'release-deck-editor', private: true }));
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: INSTALL_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      // code-server's install scripts build native modules and run npm again in its own folders.
      npm_config_dangerously_allow_all_scripts: 'true',
      npm_config_unsafe_perm: 'true',
      npm_config_yes: 'true',
      npm_config_update_notifier: 'false',
    },
  });
  if (result.status !== 0 || !existsSync(BINARY)) {
    rmSync(INSTALL_DIR, { recursive: true, force: true });
    throw new Error(`Installing code-server ${CODE_SERVER_VERSION} failed (npm exited with ${String(result.status)}); see the output above.`);
  }
  return BINARY;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === 'object' && address !== null) {
          resolvePort(address.port);
        } else {
          reject(new Error('no port'));
        }
      });
    });
  });
}

export interface EditorOptions {
  readonly workspace: string;
  readonly userSettings?: Record<string, unknown>;
  readonly env?: Record<string, string>;
  readonly trustWorkspaces?: boolean;
  readonly port?: number;
  readonly log?: (line: string) => void;
  /** A .vsix to install first, to run the packaged extension rather than the development folder. */
  readonly installVsix?: string;
}

export interface RunningEditor {
  readonly url: string;
  readonly port: number;
  readonly workspace: string;
  readonly dataDir: string;
  /** The workbench URL that loads extensions under development (and optionally runs tests). */
  workbenchUrl(options: { extensionDevelopmentPaths: readonly string[]; extensionTestsPath?: string }): string;
  /** Stops the editor; its logs are copied to `keepLogsIn` first when given. */
  stop(keepLogsIn?: string): Promise<void>;
}

/** Starts code-server on a free loopback port with its own user-data and extensions folders. */
export async function startEditor(options: EditorOptions): Promise<RunningEditor> {
  const binary = ensureCodeServer(options.log);
  const port = options.port ?? (await freePort());
  const dataDir = mkdtempSync(join(tmpdir(), 'release-deck-editor-'));
  const userDir = join(dataDir, 'user');
  mkdirSync(join(userDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'security.workspace.trust.enabled': options.trustWorkspaces !== false,
        'security.workspace.trust.startupPrompt': 'never',
        'window.commandCenter': false,
        ...options.userSettings,
      },
      null,
      2,
    ),
  );
  if (options.installVsix !== undefined) {
    const install = spawnSync(binary, ['--user-data-dir', userDir, '--extensions-dir', join(dataDir, 'extensions'), '--install-extension', options.installVsix], { encoding: 'utf8' });
    if (install.status !== 0) {
      throw new Error(`code-server could not install ${options.installVsix}: ${install.stderr}${install.stdout}`);
    }
  }
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir', userDir,
    '--extensions-dir', join(dataDir, 'extensions'),
    ...(options.trustWorkspaces === false ? [] : ['--disable-workspace-trust']),
    options.workspace,
  ];
  const child: ChildProcess = spawn(binary, args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with ${child.exitCode} before answering:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) {
        break;
      }
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      killTree(child);
      throw new Error(`code-server did not answer on ${url} within 60 s:\n${output}`);
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
  return {
    url,
    port,
    workspace: options.workspace,
    dataDir,
    workbenchUrl({ extensionDevelopmentPaths, extensionTestsPath }) {
      const payload: Array<[string, string]> = extensionDevelopmentPaths.map((path) => ['extensionDevelopmentPath', `vscode-remote://localhost:${port}${path}`]);
      if (extensionTestsPath !== undefined) {
        payload.push(['extensionTestsPath', `vscode-remote://localhost:${port}${extensionTestsPath}`]);
      }
      const folder = `${url}/?folder=${encodeURIComponent(options.workspace)}`;
      return payload.length > 0 ? `${folder}&payload=${encodeURIComponent(JSON.stringify(payload))}` : folder;
    },
    async stop(keepLogsIn?: string) {
      killTree(child);
      await new Promise((resolveWait) => setTimeout(resolveWait, 200));
      if (keepLogsIn !== undefined) {
        rmSync(keepLogsIn, { recursive: true, force: true });
        mkdirSync(keepLogsIn, { recursive: true });
        writeFileSync(join(keepLogsIn, 'code-server.log'), output);
        if (existsSync(join(userDir, 'logs'))) {
          cpSync(join(userDir, 'logs'), join(keepLogsIn, 'logs'), { recursive: true });
        }
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function killTree(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) {
    return;
  }
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
  setTimeout(() => {
    try {
      if (child.pid !== undefined) {
        process.kill(-child.pid, 'SIGKILL');
      }
    } catch {
      // already gone
    }
  }, 2000).unref();
}
