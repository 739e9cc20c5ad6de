import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editionFrom, type Edition } from './editions';
import { ensureCodeServer, installedVersions } from './install';
import { linkedExtensionsManifest, loadingPlan, type Load } from './loading';
import { writeLanguagePack } from './languagePack';

/**
 * A real VS Code for tests and the demo: code-server from the npm registry (Microsoft's own VS Code
 * downloads are unreachable here), in the edition RELEASE_DECK_EDITOR names (editions.ts; the newest by
 * default), installed on demand into .vscode-test/ (install.ts) and reused when present.
 */

export { ROOT, checkPrerequisites } from './install';

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
  /** Which editor; RELEASE_DECK_EDITOR's (else the newest) when not given. */
  readonly edition?: Edition;
  /** Folders to load as extensions under development, and the integration suite's module (loading.ts). */
  readonly load?: Load;
  /** The display language (code-server's `--locale`), e.g. `de`; English when not given (languagePack.ts). */
  readonly locale?: string;
}

export interface RunningEditor {
  readonly url: string;
  readonly port: number;
  readonly workspace: string;
  readonly dataDir: string;
  /** Which editor runs, its versions as installed, in one line (for logs). */
  readonly versions: string;
  /** The workbench URL, which loads the extensions of `load` (and runs its tests, if any). */
  workbenchUrl(): string;
  /** Stops the editor; its logs are copied to `keepLogsIn` first when given. */
  stop(keepLogsIn?: string): Promise<void>;
}

/** Starts code-server on a free loopback port with its own user-data and extensions folders. */
export async function startEditor(options: EditorOptions): Promise<RunningEditor> {
  const runtime = ensureCodeServer(options.edition ?? editionFrom(process.env), options.log);
  const env = { ...process.env, PATH: runtime.path, ...options.env };
  const port = options.port ?? (await freePort());
  const plan = loadingPlan(runtime.edition, options.load ?? { extensionDevelopmentPaths: [] });
  const dataDir = mkdtempSync(join(tmpdir(), 'release-deck-editor-'));
  const userDir = join(dataDir, 'user');
  const linked = [...plan.linked, ...(options.locale !== undefined ? [writeLanguagePack(dataDir, userDir, options.locale)] : [])];
  if (linked.length > 0) {
    mkdirSync(join(dataDir, 'extensions'), { recursive: true });
    writeFileSync(join(dataDir, 'extensions', 'extensions.json'), linkedExtensionsManifest(linked));
  }
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
        // The newest editor opens its Chat view on the right at first start; the suites and screenshots are about
        // Release Deck (both settings unknown to, and ignored by, the floor editor).
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'chat.disableAIFeatures': true,
        ...options.userSettings,
      },
      null,
      2,
    ),
  );
  if (options.installVsix !== undefined) {
    const install = spawnSync(runtime.node, [runtime.entry, '--user-data-dir', userDir, '--extensions-dir', join(dataDir, 'extensions'), '--install-extension', options.installVsix], { encoding: 'utf8', env });
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
    ...plan.serverArgs,
    ...(options.locale !== undefined ? ['--locale', options.locale] : []),
    options.workspace,
  ];
  const child: ChildProcess = spawn(runtime.node, [runtime.entry, ...args], {
    env,
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
    versions: installedVersions(runtime),
    workbenchUrl() {
      const payload = plan.payload.map(([key, path]) => [key, `vscode-remote://localhost:${port}${path}`]);
      // A .code-workspace file opens a multi-root workspace; anything else is one folder.
      const folder = `${url}/?${options.workspace.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(options.workspace)}`;
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
