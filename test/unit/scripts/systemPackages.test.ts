import { strict as assert } from 'node:assert';
import { CHROMIUM, ensureSystemPackages, MissingPrerequisite, planFor, systemNeeds, type Probes } from '../../../scripts/editor/systemPackages';

const HEADER = '/usr/include/gssapi/gssapi.h';

/** A machine described by what it has: files, commands on PATH, and whether we run as root. */
function machine(options: { files?: string[]; commands?: Record<string, string>; root?: boolean }): Probes {
  const files = new Set(options.files ?? []);
  return { exists: (path) => files.has(path), which: (command) => options.commands?.[command], isRoot: options.root ?? false };
}

const BUILD_TOOLS = { 'g++': '/usr/bin/g++', make: '/usr/bin/make', python3: '/usr/bin/python3' };
const EVERYTHING = machine({ files: [CHROMIUM, HEADER], commands: { rg: '/usr/bin/rg', 'apt-get': '/usr/bin/apt-get', ...BUILD_TOOLS }, root: true });
const FRESH_ROOT = machine({ commands: { 'apt-get': '/usr/bin/apt-get' }, root: true });
const FRESH_USER = machine({ commands: { 'apt-get': '/usr/bin/apt-get' } });

describe('the system packages the real editor needs', () => {
  it('needs Chromium only to launch it, libkrb5-dev, ripgrep and the build tools only to install code-server', () => {
    const names = (browser: boolean, installingEditor: boolean): string[] => systemNeeds({ browser, installingEditor }, FRESH_USER).map((need) => need.debianPackage);
    assert.deepEqual(names(true, true), ['chromium', 'libkrb5-dev', 'ripgrep', 'g++', 'make', 'python3']);
    assert.deepEqual(names(true, false), ['chromium'], 'an installed editor needs neither the headers nor rg');
    assert.deepEqual(names(false, true), ['libkrb5-dev', 'ripgrep', 'g++', 'make', 'python3'], 'npm start launches no browser');
    assert.deepEqual(names(false, false), []);
  });

  it('the newest code-server brings its own rg but builds native modules: a compiler, make and Python; the floor\'s install also takes rg', () => {
    const names = (systemRipgrep: boolean): string[] => systemNeeds({ browser: false, installingEditor: true, systemRipgrep }, FRESH_USER).map((need) => need.debianPackage);
    assert.deepEqual(names(false), ['libkrb5-dev', 'g++', 'make', 'python3']);
    assert.deepEqual(names(true), ['libkrb5-dev', 'ripgrep', 'g++', 'make', 'python3']);
    const built = machine({ files: [CHROMIUM, HEADER], commands: { 'g++': '/usr/bin/g++', make: '/usr/bin/make', python3: '/usr/bin/python3' } });
    assert.deepEqual(planFor(systemNeeds({ browser: true, installingEditor: true, systemRipgrep: false }, built), built), { kind: 'ready' }, 'the newest editor installs without ripgrep');
  });

  it('does nothing when everything is there', () => {
    assert.deepEqual(planFor(systemNeeds({ browser: true, installingEditor: true }, EVERYTHING), EVERYTHING), { kind: 'ready' });
  });

  it('finds ripgrep on PATH, wherever it is', () => {
    const elsewhere = machine({ files: [CHROMIUM, HEADER], commands: { rg: '/opt/bin/rg', ...BUILD_TOOLS } });
    assert.deepEqual(planFor(systemNeeds({ browser: true, installingEditor: true }, elsewhere), elsewhere), { kind: 'ready' });
  });

  it('as root with apt-get: updates the package lists once, then installs only what is missing', () => {
    const plan = planFor(systemNeeds({ browser: true, installingEditor: true }, FRESH_ROOT), FRESH_ROOT);
    assert.deepEqual(plan, {
      kind: 'install',
      packages: ['chromium', 'libkrb5-dev', 'ripgrep', 'g++', 'make', 'python3'],
      commands: [
        ['/usr/bin/apt-get', 'update', '-qq'],
        ['/usr/bin/apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium', 'libkrb5-dev', 'ripgrep', 'g++', 'make', 'python3'],
      ],
    });
    const onlyRg = machine({ files: [CHROMIUM, HEADER], commands: { 'apt-get': '/usr/bin/apt-get', ...BUILD_TOOLS }, root: true });
    const partial = planFor(systemNeeds({ browser: true, installingEditor: true }, onlyRg), onlyRg);
    assert.equal(partial.kind, 'install');
    assert.deepEqual(partial.kind === 'install' ? partial.packages : [], ['ripgrep']);
  });

  it('not root: stops with the one command to run, through sudo', () => {
    const plan = planFor(systemNeeds({ browser: true, installingEditor: false }, FRESH_USER), FRESH_USER);
    assert.deepEqual(plan, { kind: 'instruct', packages: ['chromium'], command: "sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends chromium'" });
  });

  it('root without apt-get (not Debian): stops with the command, saying where it applies', () => {
    const noApt = machine({ root: true });
    const plan = planFor(systemNeeds({ browser: false, installingEditor: true }, noApt), noApt);
    assert.deepEqual(plan, { kind: 'instruct', packages: ['libkrb5-dev', 'ripgrep', 'g++', 'make', 'python3'], command: "(on Debian or Ubuntu) sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends libkrb5-dev ripgrep g++ make python3'" });
  });

  it('stops before anything runs, naming each missing package, why, and the command', () => {
    const lines: string[] = [];
    assert.throws(
      () => { ensureSystemPackages({ browser: true, installingEditor: true }, { probes: FRESH_USER, log: (line) => lines.push(line) }); },
      (error: unknown) => {
        assert.ok(error instanceof MissingPrerequisite);
        assert.match(error.message, /chromium: the browser the suites load the editor in/);
        assert.match(error.message, /libkrb5-dev: code-server's kerberos module is built against it/);
        assert.match(error.message, /ripgrep: code-server's install takes rg from it/);
        assert.match(error.message, /g\+\+: node-gyp builds code-server's native modules with it/);
        assert.match(error.message, /Run this once, then try again:\n {2}sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends chromium libkrb5-dev ripgrep g\+\+ make python3'$/);
        return true;
      },
    );
    assert.deepEqual(lines, [], 'nothing installed, nothing said to be');
  });

  it('says nothing and runs nothing when everything is there', () => {
    const lines: string[] = [];
    ensureSystemPackages({ browser: true, installingEditor: true }, { probes: EVERYTHING, log: (line) => lines.push(line) });
    assert.deepEqual(lines, []);
  });
});
