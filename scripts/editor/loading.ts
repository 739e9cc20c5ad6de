import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Edition } from './editions';

/**
 * How the harness loads Release Deck into an editor, and runs the integration suite in its extension host.
 *
 * The workbench URL's `payload` (extensionDevelopmentPath, extensionTestsPath) loads a folder as an
 * extension under development, and runs a test module in the extension host (ExtensionMode.Test). VS Code
 * 1.139's web workbench honours it only when the server runs with `--enable-smoke-test-driver` (code-server
 * 4.139 passes it through with `--vscode-option`; 4.100 knows neither flag, refuses unknown ones, and
 * honours the payload without). That driver also keeps every notification toast from showing (they go to
 * the notification centre only). So in such an editor:
 * - the integration suite (which needs extensionTestsPath, and reads no toasts) runs with the driver;
 * - a workbench a person uses (`npm start`, e2e, bench) runs without it, with the folders linked as installed
 *   extensions instead: an entry of the extensions folder's `extensions.json` whose location is the
 *   folder itself (as VS Code records an installed extension), so its code runs from the folder as built.
 */

export interface Load {
  readonly extensionDevelopmentPaths: readonly string[];
  readonly extensionTestsPath?: string;
}

export interface LoadingPlan {
  /** Extra code-server arguments. */
  readonly serverArgs: readonly string[];
  /** What the workbench URL's payload carries. */
  readonly payload: ReadonlyArray<readonly ['extensionDevelopmentPath' | 'extensionTestsPath', string]>;
  /** Folders to record as installed extensions before the editor starts. */
  readonly linked: readonly string[];
}

export function loadingPlan(edition: Edition, load: Load): LoadingPlan {
  const tests = load.extensionTestsPath;
  const payload = (paths: readonly string[]): LoadingPlan['payload'] => [
    ...paths.map((path) => ['extensionDevelopmentPath', path] as const),
    ...(tests !== undefined ? [['extensionTestsPath', tests] as const] : []),
  ];
  if (!edition.payloadNeedsSmokeTestDriver) {
    return { serverArgs: [], payload: payload(load.extensionDevelopmentPaths), linked: [] };
  }
  if (tests !== undefined) {
    return { serverArgs: ['--vscode-option', 'enable-smoke-test-driver'], payload: payload(load.extensionDevelopmentPaths), linked: [] };
  }
  return { serverArgs: [], payload: [], linked: load.extensionDevelopmentPaths };
}

/** The `extensions.json` of an extensions folder that records each folder as an installed extension, where it is. */
export function linkedExtensionsManifest(folders: readonly string[]): string {
  return JSON.stringify(
    folders.map((folder) => {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
      return {
        identifier: { id: `${manifest.publisher}.${manifest.name}`.toLowerCase() },
        version: manifest.version,
        location: { $mid: 1, scheme: 'file', path: folder },
        metadata: { installedTimestamp: Date.now(), source: 'resource' },
      };
    }),
  );
}
