import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT } from './editor/codeServer';
import { createWorkspace } from './editor/workspace';
import { openverseWorld } from '../test/simulator/openverseWorld';
import { simulatorUserSettings } from '../test/simulator/simulatedProfile';
import { startSimulator } from '../test/simulator/server';

/**
 * `npm run test:desktop`: the same integration suite in the desktop VS Code, downloaded by
 * @vscode/test-electron. For machines that can reach Microsoft's download servers; not run in CI.
 */
async function main(): Promise<void> {
  const simulator = await startSimulator({ world: openverseWorld(), clock: 'manual' });
  const workspace = createWorkspace({ simulatorUrl: simulator.url });
  // The GitHub host is a user setting (a workspace cannot choose it): a user-data folder of its own holds it.
  const userData = mkdtempSync(join(tmpdir(), 'release-deck-desktop-user-'));
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(simulatorUserSettings(simulator.url), null, 2));
  try {
    await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(ROOT, 'out', 'integration', 'index.js'),
      launchArgs: [workspace.path, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', userData],
      extensionTestsEnv: { RELEASE_DECK_SIMULATOR_URL: simulator.url, RELEASE_DECK_TEST_REPORT: join(ROOT, 'test-results', 'desktop-report.json') },
    });
  } finally {
    await simulator.close();
    workspace.remove();
    rmSync(userData, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
