// `npm test`: lint, type checks, unit tests, then in each editor of RELEASE_DECK_EDITORS (default: the
// newest; CI: newest,floor — scripts/editor/editions.ts) the integration suite in a real VS Code and the
// packaging and end-to-end suites in Chromium; then one closing line summing every suite's tests.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', ...env } });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function mochaCounts(output) {
  const count = (word) => Number((output.match(new RegExp(`(\\d+) ${word}`)) ?? [])[1] ?? 0);
  return { passed: count('passing'), failed: count('failing'), skipped: count('pending') };
}

async function check(name, command, args) {
  const t0 = Date.now();
  const { code } = await run(command, args);
  const ok = code === 0;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (!ok) {
    totals.failed += 1;
  }
  return ok;
}

async function mochaSuite(name, args, env = {}) {
  const t0 = Date.now();
  const { code, output } = await run('npx', ['mocha', '--color', 'false', ...args], env);
  const counts = mochaCounts(output);
  if (code !== 0 && counts.failed === 0) {
    counts.failed = 1;
  }
  if (counts.passed + counts.failed === 0) {
    counts.failed = 1;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  summary.push(`${code === 0 ? 'ok  ' : 'FAIL'} ${name}: ${counts.passed} passed, ${counts.failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

async function integrationSuite(editor) {
  const t0 = Date.now();
  const resultPath = `${root}test-results/integration.json`;
  rmSync(resultPath, { force: true });
  const { code } = await run('npx', ['tsx', 'scripts/test-integration.ts'], { RELEASE_DECK_EDITOR: editor });
  let counts = { passed: 0, failed: 1 };
  if (existsSync(resultPath)) {
    counts = JSON.parse(readFileSync(resultPath, 'utf8'));
  }
  if (code !== 0 && counts.failed === 0) {
    counts.failed = 1;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  summary.push(`${code === 0 ? 'ok  ' : 'FAIL'} integration (${editor} editor): ${counts.passed} passed, ${counts.failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

mkdirSync(`${root}test-results`, { recursive: true });
// What the real-editor suites need from the system, installed (root with apt-get) or asked for, before any suite.
if (!(await check('system packages for the real editor', 'npx', ['tsx', 'scripts/check-system.ts', '--write-editors']))) {
  console.log(`\n${summary.join('\n')}\nNo suite was run: the system lacks what the real editor needs (above).`);
  process.exit(1);
}
await check('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
await check('typecheck', 'npx', ['tsc', '-p', '.', '--noEmit']);
await mochaSuite('unit', []);
for (const editor of JSON.parse(readFileSync(`${root}test-results/editors.json`, 'utf8'))) {
  const t0 = Date.now();
  // The suites print the editor's versions as installed (code-server, VS Code, Node) when it starts.
  console.log(`\n=== Suites in the ${editor} editor (RELEASE_DECK_EDITOR=${editor}) ===\n`);
  await integrationSuite(editor);
  await mochaSuite(`package and end-to-end (${editor} editor, browser)`, ['--config', '.mocharc.e2e.json'], { RELEASE_DECK_EDITOR: editor });
  summary.push(`     ${editor} editor in all: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

console.log('\nSummary');
for (const line of summary) {
  console.log(`  ${line}`);
}
console.log(`  total time: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
