import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../editor/codeServer';
import type { EditorTiming } from './editorTiming';
import type { Sample } from './samples';

/** The bench's budgets, and the report it prints and writes (bench/results.json). */

/** What was measured of one world. */
export interface WorldResult {
  world: string;
  githubRequests: number;
  versionRequests: number;
  wallOverRtt: number;
  cpuMs: number;
  /** CPU time the simulator spent serving the first refresh (on the other core, if it is free). */
  simulatorCpuMs: number;
  unchangedRequests: number;
  unchangedWallOverRtt: number;
  unchangedCpuMs: number;
  unchangedRateLimitUnits: number;
  floorWallOverRtt: number;
  floorCpuMs: number;
  /** The floor with GitHub's GETs sent through node-fetch, the fetch Release Deck's Octokit uses (a design decision). */
  nodeFetchFloorWallOverRtt: number;
  nodeFetchFloorCpuMs: number;
  naiveRequests: number;
  naiveWallOverRtt: number;
  environmentsShown: number;
  /**
   * 1 when its first refresh needed a second round: which build runs (sameBuild.ts), or the files of the commits
   * that staging titles name (titledCommits.ts); both read once per commit, kept since immutable.
   */
  buildRounds: number;
  longerRoundTrips: Array<{ rttMs: number; wallOverRtt: number; beyondRttMs: number }>;
  samples: { first: Sample[]; unchanged: Sample[]; floor: Sample[] };
}

export interface Budget {
  readonly budget: string;
  readonly measured: string;
  readonly pass: boolean;
}

/** The budgets, each with what was measured against it; `worlds` in the order bench.ts measures them. */
export function budgetsOf(worlds: readonly WorldResult[], bundleKb: number, editor: EditorTiming | undefined): Budget[] {
  const budgets: Budget[] = [];
  const openverse = worlds[0];
  const large = worlds[2];
  if (openverse === undefined || large === undefined) {
    throw new Error('missing world results');
  }
  const optionsFew = worlds[3];
  const optionsMany = worlds[4];
  if (optionsFew === undefined || optionsMany === undefined) {
    throw new Error('missing world results');
  }
  // Openverse, first refresh: 8 listings (releases, release runs, main's commits, open pull requests, deployment runs
  // per dispatch event, the infrastructure's head and open pull requests), + 6 once per session (the 3 record files
  // and their last commits), + 17 once (the files of each commit of main a staging run is titled with: which app it
  // built), + 2 once (the API's and frontend's folder histories: their environments run other commits than their
  // releases' git tags). All kept: what a commit holds never changes.
  budgets.push({ budget: 'GitHub requests, Openverse first refresh ≤ 33', measured: String(openverse.githubRequests), pass: openverse.githubRequests <= 33 });
  budgets.push({ budget: 'GitHub requests, 100 × 3 first refresh ≤ 20 (3 pages of releases, 7 of runs per event)', measured: String(large.githubRequests), pass: large.githubRequests <= 20 });
  // With the options: + 1 container package listing per app and 2 titled commits, once; then nothing more than 8.
  budgets.push({ budget: 'GitHub requests, options 5 × 3 first refresh ≤ 17 (5 packages, 2 commits, 2 record reads once)', measured: String(optionsFew.githubRequests), pass: optionsFew.githubRequests <= 17 });
  budgets.push({ budget: 'GitHub requests, options 100 × 3 first refresh ≤ 122 (100 packages, 2 commits, 2 record reads once; 10 more listing pages)', measured: String(optionsMany.githubRequests), pass: optionsMany.githubRequests <= 122 });
  for (const world of worlds) {
    // After the first refresh: the same 8 conditional listings (6 without manual records) whatever the number of apps.
    const constant = world.world.startsWith('Openverse') || world.world.startsWith('options') ? 8 : 6;
    budgets.push({ budget: `GitHub requests per refresh after the first = ${constant} (${world.world})`, measured: String(world.unchangedRequests), pass: world.unchangedRequests <= constant });
  }
  for (const world of worlds) {
    // Reading which build runs needs the first round's answers: one more round trip, on a cold refresh only.
    const allowed = 2 + world.buildRounds;
    budgets.push({ budget: `refresh wall time ≤ ${allowed} × RTT (${world.world}${world.buildRounds > 0 ? ', builds read' : ''})`, measured: `${world.wallOverRtt.toFixed(2)} × RTT (floor ${world.floorWallOverRtt.toFixed(2)})`, pass: world.wallOverRtt <= allowed });
    budgets.push({ budget: `unchanged refresh costs 0 rate-limit units (${world.world})`, measured: String(world.unchangedRateLimitUnits), pass: world.unchangedRateLimitUnits === 0 });
  }
  // 560 KB: @octokit/rest (named by the user's design card) carries its REST methods table, about 84 KB minified, which
  // Release Deck does not call; the team's deck and profile creation add their own code. Large libraries stay out of
  // this file (loaded on demand, like dist/workflowYaml.js); activation time is measured in the editor below.
  budgets.push({ budget: 'dist/extension.js ≤ 560 KB minified', measured: `${bundleKb.toFixed(1)} KB`, pass: bundleKb <= 560 });
  if (editor !== undefined) {
    budgets.push({ budget: 'activation ≤ 50 ms (median of 3)', measured: `${editor.activationMs} ms`, pass: editor.activationMs <= 50 });
  }
  return budgets;
}

/** Everything one bench run measured. */
export interface BenchRun {
  readonly rttMs: number;
  readonly samples: number;
  readonly worlds: readonly WorldResult[];
  readonly bundleKb: number;
  readonly webviewKb: number;
  readonly editor: EditorTiming | undefined;
  readonly budgets: readonly Budget[];
}

/** Prints the tables and the budgets, writes bench/results.json, and says when even the floor misses a budget. */
export function report(run: BenchRun): void {
  const { worlds, bundleKb, webviewKb, editor, budgets } = run;
  console.log(`\nRefresh against the simulator, ${run.rttMs} ms injected per request; medians of ${run.samples} samples, each a new client with no cache and no open connection\n`);
  console.log('| world | GitHub requests | /version requests | wall / RTT | CPU ms | simulator CPU ms | unchanged: requests | unchanged: wall / RTT | unchanged: CPU ms | unchanged: rate-limit units | floor: wall / RTT | floor: CPU ms | naive: requests | naive: wall / RTT | speed-up |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const world of worlds) {
    console.log(
      `| ${world.world} | ${world.githubRequests} | ${world.versionRequests} | ${world.wallOverRtt.toFixed(2)} | ${world.cpuMs.toFixed(0)} | ${world.simulatorCpuMs.toFixed(0)} | ${world.unchangedRequests} | ${world.unchangedWallOverRtt.toFixed(2)} | ${world.unchangedCpuMs.toFixed(0)} | ${world.unchangedRateLimitUnits} | ${world.floorWallOverRtt.toFixed(2)} | ${world.floorCpuMs.toFixed(0)} | ${world.naiveRequests} | ${world.naiveWallOverRtt.toFixed(1)} | ${(world.naiveWallOverRtt / world.wallOverRtt).toFixed(0)}× |`,
    );
  }
  console.log('floor: the same GETs as the first refresh, all at once through Node\'s http module and JSON.parse, nothing else (no client does less).');
  for (const world of worlds) {
    console.log(`${world.world}: floor with GitHub's GETs through node-fetch ${world.nodeFetchFloorWallOverRtt.toFixed(2)} × RTT, ${world.nodeFetchFloorCpuMs.toFixed(0)} ms CPU (bare: ${world.floorWallOverRtt.toFixed(2)} × RTT, ${world.floorCpuMs.toFixed(0)} ms CPU)`);
  }
  for (const world of worlds) {
    for (const longer of world.longerRoundTrips) {
      console.log(`${world.world} at ${longer.rttMs} ms RTT: first refresh ${longer.wallOverRtt.toFixed(2)} × RTT (${longer.beyondRttMs.toFixed(0)} ms beyond one round trip)`);
    }
  }
  for (const world of worlds) {
    console.log(`${world.world} at ${run.rttMs} ms RTT: first refresh ${(world.wallOverRtt * run.rttMs - run.rttMs).toFixed(0)} ms beyond one round trip`);
  }
  console.log(`\nBundles: dist/extension.js ${bundleKb.toFixed(1)} KB, dist/webview/releaseNotes.js ${webviewKb.toFixed(1)} KB (minified)`);
  console.log(
    editor !== undefined
      ? `Real editor (code-server + Chromium), median of ${editor.samples.length}: activation ${editor.activationMs} ms; workbench opened → deck showing running versions ${(editor.deckMs / 1000).toFixed(2)} s`
      : 'Real editor: not measured (BENCH_SKIP_EDITOR), so the activation budget is left out',
  );
  console.log('\n| budget | measured | result |\n|---|---|---|');
  for (const budget of budgets) {
    console.log(`| ${budget.budget} | ${budget.measured} | ${budget.pass ? 'pass' : 'FAIL'} |`);
  }
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify({ rttMs: run.rttMs, worlds, bundleKb, webviewKb, editor, budgets, at: new Date().toISOString() }, null, 2));
  for (const world of worlds) {
    const allowed = 2 + world.buildRounds;
    if (world.wallOverRtt <= allowed) {
      continue;
    }
    if (world.floorWallOverRtt > allowed) {
      console.log(`\n${world.world}: even the floor (bare GETs + JSON.parse) takes ${world.floorWallOverRtt.toFixed(2)} × RTT here, so no client can refresh this world within ${allowed} × RTT on this machine.`);
    } else if (world.nodeFetchFloorWallOverRtt > allowed) {
      console.log(`\n${world.world}: the floor through node-fetch (GitHub's GETs + JSON.parse, nothing of Octokit or Release Deck) takes ${world.nodeFetchFloorWallOverRtt.toFixed(2)} × RTT here, so no client built on node-fetch can refresh this world within ${allowed} × RTT on this machine.`);
    }
  }
}
