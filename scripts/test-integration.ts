import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser, type OpenBrowser } from './editor/browser';
import { ROOT, startEditor, type RunningEditor } from './editor/codeServer';
import { createWorkspace } from './editor/workspace';
import { openverseWorld } from '../test/simulator/openverseWorld';
import { startSimulator, type RunningSimulator } from '../test/simulator/server';

/**
 * The integration suite in a real VS Code: code-server with the built extension loaded through
 * extensionDevelopmentPath, the suite run in its extension host through extensionTestsPath, against
 * the GitHub simulator. Writes test-results/integration.json and exits non-zero on any failure.
 */

interface Report {
  results: Array<{ title: string; state: 'passed' | 'failed'; durationMs: number; error?: string }>;
  passed: number;
  failed: number;
}

const TIMEOUT_MS = 10 * 60_000;

async function main(): Promise<number> {
  const started = Date.now();
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--tests'], { stdio: 'inherit' });
  if (build.status !== 0) {
    return fail('the build failed');
  }
  const resultsDir = join(ROOT, 'test-results');
  mkdirSync(resultsDir, { recursive: true });
  const reportPath = join(resultsDir, 'integration-report.json');
  rmSync(reportPath, { force: true });

  let simulator: RunningSimulator | undefined;
  let editor: RunningEditor | undefined;
  let browser: OpenBrowser | undefined;
  let workspace: { path: string; remove(): void } | undefined;
  try {
    simulator = await startSimulator({ world: openverseWorld(), clock: 'manual' });
    workspace = createWorkspace({ simulatorUrl: simulator.url });
    editor = await startEditor({
      workspace: workspace.path,
      env: { RELEASE_DECK_TEST_REPORT: reportPath, RELEASE_DECK_SIMULATOR_URL: simulator.url, RELEASE_DECK_TEST_GREP: process.env.RELEASE_DECK_TEST_GREP ?? '' },
    });
    browser = await openBrowser();
    const errors: string[] = [];
    browser.page.on('pageerror', (error) => errors.push(error.message));
    await browser.page.goto(editor.workbenchUrl({ extensionDevelopmentPaths: [ROOT], extensionTestsPath: join(ROOT, 'out', 'integration', 'index.js') }));
    const deadline = Date.now() + TIMEOUT_MS;
    while (!existsSync(reportPath)) {
      if (Date.now() > deadline) {
        return fail(`no report after ${TIMEOUT_MS / 60_000} minutes: the suite hung or the extension host crashed`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
    console.log('\n  Integration suite (code-server, real extension host)\n');
    for (const result of report.results) {
      console.log(`    ${result.state === 'passed' ? '✔' : '✘'} ${result.title} (${result.durationMs} ms)`);
    }
    for (const result of report.results.filter((candidate) => candidate.state === 'failed')) {
      console.log(`\n  FAILED: ${result.title}\n${(result.error ?? '').split('\n').map((line) => `    ${line}`).join('\n')}`);
    }
    console.log(`\n  integration: ${report.passed} passed, ${report.failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    writeFileSync(join(resultsDir, 'integration.json'), JSON.stringify({ passed: report.passed, failed: report.failed }));
    return report.failed > 0 || report.passed === 0 ? 1 : 0;
  } finally {
    await browser?.close();
    await editor?.stop(join(ROOT, 'test-results', 'integration-editor-logs'));
    await simulator?.close();
    workspace?.remove();
  }

  function fail(reason: string): number {
    console.error(`integration suite: ${reason}`);
    writeFileSync(join(ROOT, 'test-results', 'integration.json'), JSON.stringify({ passed: 0, failed: 1, error: reason }));
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(join(ROOT, 'test-results', 'integration.json'), JSON.stringify({ passed: 0, failed: 1, error: String(error) }));
    process.exit(1);
  },
);
