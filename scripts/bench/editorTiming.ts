import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_TOKEN, openverseWorld } from '../../test/simulator/openverseWorld';
import { startSimulator } from '../../test/simulator/server';
import { simulatorUserSettings } from '../../test/simulator/simulatedProfile';
import { openBrowser } from '../editor/browser';
import { ROOT, startEditor } from '../editor/codeServer';
import { createWorkspace } from '../editor/workspace';
import { median } from './samples';

/** Activation time (the extension's own log line) and the time from opening the workbench to a deck showing running versions. */
export interface EditorTiming {
  readonly activationMs: number;
  readonly deckMs: number;
  readonly samples: ReadonlyArray<{ activationMs: number; deckMs: number }>;
}

/** `runs` times: code-server and Chromium against the simulator's Openverse world; the medians and every sample. */
export async function measureEditor(runs: number): Promise<EditorTiming> {
  const samples: Array<{ activationMs: number; deckMs: number }> = [];
  for (let run = 0; run < runs; run += 1) {
    const simulator = await startSimulator({ world: openverseWorld(), clock: 'manual' });
    const workspace = createWorkspace({ simulatorUrl: simulator.url });
    const editor = await startEditor({ workspace: workspace.path, userSettings: simulatorUserSettings(simulator.url), env: { RELEASE_DECK_GITHUB_TOKEN: DEMO_TOKEN }, load: { extensionDevelopmentPaths: [ROOT] } });
    const browser = await openBrowser();
    const logs = join(ROOT, 'test-results', 'bench-editor-logs');
    try {
      const started = performance.now();
      await browser.page.goto(editor.workbenchUrl());
      await browser.page.getByRole('tab', { name: /^Release Deck/ }).click();
      await browser.page.getByRole('treeitem', { name: /Production.*rel-2026\.11\.12\.14\.05\.33/ }).first().waitFor({ state: 'visible', timeout: 60_000 });
      const deckMs = performance.now() - started;
      await editor.stop(logs);
      const logFile = findFile(logs, 'Release Deck.log');
      const activated = /activated in (\d+) ms/.exec(logFile !== undefined ? readFileSync(logFile, 'utf8') : '');
      samples.push({ activationMs: Number(activated?.[1] ?? Number.NaN), deckMs });
    } finally {
      await browser.close();
      await editor.stop();
      await simulator.close();
      workspace.remove();
    }
  }
  return { activationMs: median(samples.map((sample) => sample.activationMs)), deckMs: median(samples.map((sample) => sample.deckMs)), samples };
}

function findFile(dir: string, name: string): string | undefined {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = findFile(path, name);
      if (found !== undefined) {
        return found;
      }
    } else if (entry.name === name) {
      return path;
    }
  }
  return undefined;
}
