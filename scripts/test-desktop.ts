import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT } from './editor/codeServer';
import { createWorkspace } from './editor/workspace';
import { openverseWorld } from '../test/simulator/openverseWorld';
import { startSimulator } from '../test/simulator/server';

/**
 * `npm run test:desktop`: the same integration suite in the desktop VS Code, downloaded by
 * @vscode/test-electron. For machines that can reach Microsoft's download servers; not run in CI.
 */
async function main(): Promise<void> {
  const simulator = await startSimulator({ world: openverseWorld(), clock: 'manual' });
  const workspace = createWorkspace({ simulatorUrl: simulator.url });
  try {
    await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(ROOT, 'out', 'integration', 'index.js'),
      launchArgs: [workspace.path, '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: { RELEASE_DECK_SIMULATOR_URL: simulator.url, RELEASE_DECK_TEST_REPORT: join(ROOT, 'test-results', 'desktop-report.json') },
    });
  } finally {
    await simulator.close();
    workspace.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
