import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/**
 * Which run a compiled test file belongs to: '' for the suite (`x.test.js`), a language for the files that
 * need the editor in that display language (`x.de.test.js`, run by scripts/test-integration.ts with --locale de),
 * `multiroot` for those that need a multi-root workspace (`x.multiroot.test.js`).
 */
function suiteOf(name: string): string | undefined {
  if (!name.endsWith('.test.js')) {
    return undefined;
  }
  return /\.(multiroot|[a-z]{2})\.test\.js$/.exec(name)?.[1] ?? '';
}

/**
 * Runs the integration suite inside the extension host of a real VS Code (code-server here, or the
 * desktop build through @vscode/test-electron). The exit code cannot travel back through code-server,
 * so the results are written to the file named by RELEASE_DECK_TEST_REPORT.
 */
export async function run(): Promise<void> {
  const reportPath = process.env.RELEASE_DECK_TEST_REPORT;
  const grep = process.env.RELEASE_DECK_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, forbidOnly: true, forbidPending: true, ...(grep !== undefined && grep !== '' ? { grep } : {}) });
  for (const file of readdirSync(__dirname).filter((name) => suiteOf(name) === (process.env.RELEASE_DECK_TEST_LOCALE ?? '')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  const results: Array<{ title: string; state: 'passed' | 'failed'; durationMs: number; error?: string }> = [];
  const unhandled: string[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
  };
  process.on('unhandledRejection', onUnhandled);
  try {
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => {
        resolve();
      });
      runner.on('pass', (test) => results.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }));
      runner.on('fail', (test, error: Error) => results.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: `${error.message}\n${error.stack ?? ''}` }));
    });
  } catch (error) {
    results.push({ title: 'loading the integration suite', state: 'failed', durationMs: 0, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
  if (unhandled.length > 0) {
    results.push({ title: 'no unhandled promise rejections during the suite', state: 'failed', durationMs: 0, error: unhandled.join('\n') });
  }
  const report = { results, passed: results.filter((result) => result.state === 'passed').length, failed: results.filter((result) => result.state === 'failed').length };
  if (reportPath !== undefined) {
    writeFileSync(reportPath, JSON.stringify(report, null, 2));
  }
  if (report.failed > 0) {
    throw new Error(`${report.failed} integration test(s) failed`);
  }
}
