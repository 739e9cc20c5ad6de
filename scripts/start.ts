import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, checkPrerequisites, freePort, startEditor } from './editor/codeServer';
import { editionFrom } from './editor/editions';
import { createWorkspace } from './editor/workspace';
import { DEMO_TOKEN, openverseWorld } from '../test/simulator/openverseWorld';
import { ACME_TOKEN, worldNamed } from '../test/simulator/acmeWorld';
import { simulatorUserSettings } from '../test/simulator/simulatedProfile';
import { startSimulator } from '../test/simulator/server';

/**
 * `npm start`: the product's front door. Builds the extension, starts the GitHub simulator with its
 * Openverse world on a real clock, and a real VS Code (code-server) with Release Deck loaded and signed in
 * with the demo token; prints the URL and runs until Ctrl+C. `npm start -- --world acme` starts the
 * made-up acme/shop world instead, in a checkout of it without a profile (a new user's first minute).
 */
async function main(): Promise<void> {
  // Before anything starts: what the editor needs from the system, installed or asked for.
  checkPrerequisites({ browser: false, editions: [editionFrom(process.env)] });
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) {
    process.exit(1);
  }
  const worldIndex = process.argv.indexOf('--world');
  const worldName = worldIndex > 0 ? (process.argv[worldIndex + 1] ?? '') : 'openverse';
  const acme = worldName === 'acme';
  const simulator = await startSimulator({ world: worldNamed(worldName, openverseWorld), clock: 'real', port: Number(process.env.SIMULATOR_PORT ?? 0) });
  const workspace = acme ? createWorkspace({ simulatorUrl: simulator.url, world: 'acme', profile: 'none' }) : createWorkspace({ simulatorUrl: simulator.url });
  const port = Number(process.env.PORT ?? (await freePort()));
  const editor = await startEditor({ workspace: workspace.path, port, userSettings: simulatorUserSettings(simulator.url), env: { RELEASE_DECK_GITHUB_TOKEN: acme ? ACME_TOKEN : DEMO_TOKEN }, load: { extensionDevelopmentPaths: [ROOT] } });
  const url = editor.workbenchUrl();
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log('\nStopping the editor and the simulator…');
    await editor.stop();
    await simulator.close();
    workspace.remove();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  console.log('');
  console.log(`Release Deck is running in VS Code, against the built-in GitHub simulator (${acme ? 'acme/shop world, no profile yet' : 'Openverse world'}).`);
  console.log(`The ${editor.versions} (RELEASE_DECK_EDITOR=floor for the oldest VS Code Release Deck supports).`);
  console.log(`Open ${url}`);
  console.log(`(the simulator answers on ${simulator.url}; Ctrl+C stops everything)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
