import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openBrowser, type OpenBrowser } from './editor/browser';
import { ROOT, checkPrerequisites, startEditor, type RunningEditor } from './editor/codeServer';
import { editionFrom } from './editor/editions';
import { createMultiRootWorkspace, createWorkspace } from './editor/workspace';
import { openverseWorld } from '../test/simulator/openverseWorld';
import { worldNamed } from '../test/simulator/acmeWorld';
import { simulatorUserSettings } from '../test/simulator/simulatedProfile';
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

/** Every token the suite signs in with (the demo token, and the ones it is refused with, or types in for another host). */
const TOKENS = ['rd_demo_token_not_a_secret', 'rd_token_without_workflow_scope', 'rd_token_for_the_allowed_host', 'rd_token_not_authorized_for_sso'];

/**
 * After the suite ran every command with known tokens, no token may appear in the editor's logs (the
 * Release Deck channel included), settings, the workspace, or anything the extension stored — except
 * the editor's own secret storage database, where SecretStorage keeps it.
 */
function scanForTokens(dataDir: string, workspace: string): Report['results'][number] {
  const started = Date.now();
  const leaks: string[] = [];
  let scanned = 0;
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'extensions' && entry.name !== 'CachedProfilesData') {
          walk(child);
        }
      } else if (entry.isFile() && !/^state\.vscdb/.test(entry.name) && statSync(child).size < 20_000_000) {
        scanned += 1;
        const text = readFileSync(child, 'latin1');
        for (const token of TOKENS) {
          if (text.includes(token)) {
            leaks.push(`${child.replace(dataDir, '<user-data>')} contains ${token.slice(0, 6)}…`);
          }
        }
      }
    }
  };
  walk(dataDir);
  walk(workspace);
  const title = `no token in the logs, settings, workspace or extension storage (${scanned} files scanned)`;
  return leaks.length === 0 || scanned === 0
    ? { title, state: scanned > 0 ? 'passed' : 'failed', durationMs: Date.now() - started, ...(scanned === 0 ? { error: 'nothing was scanned' } : {}) }
    : { title, state: 'failed', durationMs: Date.now() - started, error: leaks.join('\n') };
}

async function main(): Promise<number> {
  const started = Date.now();
  try {
    checkPrerequisites({ browser: true, editions: [editionFrom(process.env)] });
  } catch (error) {
    return fail(describe(error));
  }
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--tests'], { stdio: 'inherit' });
  if (build.status !== 0) {
    return fail('the build failed');
  }
  const resultsDir = join(ROOT, 'test-results');
  mkdirSync(resultsDir, { recursive: true });
  const results: Report['results'] = [];
  for (const locale of passes(process.env.RELEASE_DECK_TEST_LOCALE)) {
    const pass = await runPass(locale, join(resultsDir, 'integration-report.json'));
    if (typeof pass === 'string') {
      return fail(pass);
    }
    results.push(...pass.results);
  }
  const passed = results.filter((result) => result.state === 'passed').length;
  const failed = results.filter((result) => result.state === 'failed').length;
  for (const result of results.filter((candidate) => candidate.state === 'failed')) {
    console.log(`\n  FAILED: ${result.title}\n${(result.error ?? '').split('\n').map((line) => `    ${line}`).join('\n')}`);
  }
  console.log(`\n  integration: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  writeFileSync(join(resultsDir, 'integration.json'), JSON.stringify({ passed, failed }));
  return failed > 0 || passed === 0 ? 1 : 0;

  function fail(reason: string): number {
    console.error(`integration suite: ${reason}`);
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(join(ROOT, 'test-results', 'integration.json'), JSON.stringify({ passed: 0, failed: 1, error: reason }));
    return 1;
  }
}

/**
 * The runs of the suite: '' is the suite in English; 'de' the tests that need the editor in German
 * (test/integration/*.de.test.ts, with code-server's --locale de); 'multiroot' those that need a multi-root
 * workspace (test/integration/*.multiroot.test.ts, in English). RELEASE_DECK_TEST_LOCALE=en, =de or =multiroot runs one.
 */
function passes(only: string | undefined): string[] {
  const all = ['', 'de', 'multiroot'];
  return only === undefined || only === '' ? all : all.filter((locale) => locale === (only === 'en' ? '' : only));
}

/** One editor, one simulator, one workspace: the suite's files for `locale`; a string says why it could not run. */
async function runPass(locale: string, reportPath: string): Promise<Report | string> {
  rmSync(reportPath, { force: true });
  const language = locale === '' ? 'English' : locale;
  const multiRoot = locale === 'multiroot';
  let simulator: RunningSimulator | undefined;
  let editor: RunningEditor | undefined;
  let browser: OpenBrowser | undefined;
  let workspace: { path: string; remove(): void } | undefined;
  try {
    // Both built-in worlds by default: the suite reads Openverse's deck, and switches its workspace to the acme/shop checkout for the first-minute tests.
    simulator = await startSimulator({ world: worldNamed(process.env.RELEASE_DECK_WORLD ?? 'both', openverseWorld), clock: 'manual' });
    workspace = multiRoot ? createMultiRootWorkspace({ simulatorUrl: simulator.url }) : createWorkspace({ simulatorUrl: simulator.url });
    editor = await startEditor({
      workspace: workspace.path,
      userSettings: simulatorUserSettings(simulator.url),
      load: { extensionDevelopmentPaths: [ROOT], extensionTestsPath: join(ROOT, 'out', 'integration', 'index.js') },
      env: { RELEASE_DECK_TEST_REPORT: reportPath, RELEASE_DECK_SIMULATOR_URL: simulator.url, RELEASE_DECK_TEST_GREP: process.env.RELEASE_DECK_TEST_GREP ?? '', RELEASE_DECK_TEST_LOCALE: locale },
      ...(locale !== '' && !multiRoot ? { locale } : {}),
    });
    console.log(`\n  Integration suite (${language}) in the ${editor.versions}\n`);
    browser = await openBrowser();
    const errors: string[] = [];
    browser.page.on('pageerror', (error) => errors.push(error.message));
    await browser.page.goto(editor.workbenchUrl());
    const deadline = Date.now() + TIMEOUT_MS;
    while (!existsSync(reportPath)) {
      if (Date.now() > deadline) {
        return `no report after ${TIMEOUT_MS / 60_000} minutes (${language}): the suite hung or the extension host crashed`;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
    if (report.results.length === 0) {
      // RELEASE_DECK_TEST_GREP matched none of this run's tests: nothing ran, nothing to scan.
      console.log(`  no test of the ${language} run matches RELEASE_DECK_TEST_GREP\n`);
      return report;
    }
    report.results.push(scanForTokens(editor.dataDir, multiRoot ? dirname(workspace.path) : workspace.path));
    if (locale !== '') {
      report.results = report.results.map((result) => ({ ...result, title: `[${locale}] ${result.title}` }));
    }
    console.log(`\n  Integration suite (${language}, ${editor.versions}, real extension host)\n`);
    for (const result of report.results) {
      console.log(`    ${result.state === 'passed' ? '✔' : '✘'} ${result.title} (${result.durationMs} ms)`);
    }
    return report;
  } finally {
    await browser?.close();
    await editor?.stop(join(ROOT, 'test-results', locale === '' ? 'integration-editor-logs' : `integration-editor-logs-${locale}`));
    await simulator?.close();
    workspace?.remove();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
