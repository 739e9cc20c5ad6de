import { spawnSync } from 'node:child_process';
import * as http from 'node:http';
import * as https from 'node:https';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildDeck } from '../src/domain/buildDeck';
import type { Profile } from '../src/domain/profileTypes';
import { validateProfile } from '../src/domain/profileValidation';
import { GitHubClient } from '../src/github/client';
import { listReleases } from '../src/github/releases';
import { listWorkflowRuns } from '../src/github/workflows';
import { probeVersion } from '../src/live/versionProbe';
import { gatherFacts } from '../src/state/gatherFacts';
import { DEMO_TOKEN, openverseWorld } from '../test/simulator/openverseWorld';
import { simulatedProfileDocument } from '../test/simulator/simulatedProfile';
import { SYNTHETIC_TOKEN, syntheticProfileDocument, syntheticWorld } from '../test/simulator/syntheticWorld';
import type { World } from '../test/simulator/world';
import { measureEditor } from './bench/editorTiming';
import { startRemoteSimulator, warmSimulator } from './bench/remoteSimulator';
import { budgetsOf, report, type WorldResult } from './bench/report';
import { collectGarbage, median, timed, type Sample } from './bench/samples';
import { ROOT } from './editor/codeServer';

/**
 * `npm run bench`: refresh cost and time against the simulator with injected latency, for worlds of
 * 5 × 2 (Openverse), 20 × 3 and 100 × 3, beside a naive baseline and the floor (the same GETs with bare
 * http + JSON.parse); bundle sizes; activation time and time to a loaded deck in the real editor. Each
 * figure is a median of several samples taken against a warmed simulator in its own process. Prints a
 * table with pass/fail per budget, writes bench/results.json, and exits 1 when a budget fails.
 * BENCH_TRACE=1 prints every first refresh request by request; BENCH_SKIP_EDITOR=1 leaves the editor out.
 */

const RTT_MS = 50;

/** Samples per world; the table shows their medians. */
const SAMPLES = 5;

function profileOf(document: unknown): Profile {
  const validation = validateProfile(document);
  if (!validation.ok) {
    throw new Error(`bench profile invalid: ${JSON.stringify(validation.problems)}`);
  }
  return validation.profile;
}

async function warmRefresh(url: string, token: string, profileFile: string): Promise<void> {
  const profile = profileOf(JSON.parse(readFileSync(profileFile, 'utf8')));
  const client = await GitHubClient.create({ apiUrl: url, token });
  await gatherFacts(client, profile);
}

async function measureWorld(name: string, world: World, token: string, profileFor: (url: string) => unknown, sweep: readonly number[] = []): Promise<WorldResult> {
  const simulator = await startRemoteSimulator(world, RTT_MS);
  try {
    const profileDocument = profileFor(simulator.url);
    const profile = profileOf(profileDocument);
    warmSimulator(simulator.url, token, profileDocument);

    const first: Sample[] = [];
    const simulatorCpu: number[] = [];
    const unchanged: Sample[] = [];
    let counts: { githubRequests: number; versionRequests: number; unchangedRequests: number; unchangedUnits: number; environmentsShown: number; buildRounds: number } | undefined;
    let firstRequests: Array<{ method: string; path: string }> = [];
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      // Each sample is a client as the extension starts it: no ETag cache, no open connection.
      closeIdleConnections();
      const trace: string[] = [];
      let traceStart = 0;
      const client = await GitHubClient.create({ apiUrl: simulator.url, token, log: (line) => trace.push(`${(performance.now() - traceStart).toFixed(0)} ${line}`) });
      await simulator.resetStats();
      const simulatorCpuBefore = (await simulator.stats()).cpuMs;
      collectGarbage();
      traceStart = performance.now();
      const { value: facts, sample: firstSample } = await timed(() => gatherFacts(client, profile));
      first.push(firstSample);
      if (process.env.BENCH_TRACE !== undefined) {
        console.log(`${name}: first refresh ${firstSample.wallMs.toFixed(0)} ms, ${firstSample.cpuMs.toFixed(0)} ms CPU\n${trace.join('\n')}`);
      }
      const firstStats = await simulator.stats(true);
      simulatorCpu.push(firstStats.cpuMs - simulatorCpuBefore);
      await simulator.resetStats();
      collectGarbage();
      unchanged.push((await timed(() => gatherFacts(client, profile))).sample);
      const unchangedStats = await simulator.stats();
      if (counts === undefined) {
        const snapshot = buildDeck(profile, facts);
        counts = {
          githubRequests: firstStats.requests,
          versionRequests: firstStats.versionRequests,
          unchangedRequests: unchangedStats.requests,
          unchangedUnits: unchangedStats.rateLimitUnits,
          environmentsShown: snapshot.apps.flatMap((app) => app.environments).filter((environment) => environment.running !== undefined).length,
          buildRounds: facts.appHistories !== undefined || (facts.commitFiles !== undefined && Object.keys(facts.commitFiles).length > 0) ? 1 : 0,
        };
        firstRequests = firstStats.log.filter((entry) => entry.method === 'GET');
      }
    }
    if (counts === undefined) {
      throw new Error('no sample was taken');
    }

    // The floor: the same GETs as a first refresh, sent at once with Node's http module and parsed with
    // JSON.parse, nothing else. No client can do a first refresh in less on this machine.
    const floor: Sample[] = [];
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      closeIdleConnections();
      collectGarbage();
      floor.push((await timed(() => Promise.all(firstRequests.map((entry) => bareGet(`${simulator.url}${entry.path}`, token))))).sample);
    }
    // The same, with GitHub's GETs through node-fetch (the /version probes stay bare, as versionProbe.ts sends them):
    // what the libraries the extension is built on cost before Octokit and Release Deck do anything.
    const { default: nodeFetch } = await import('node-fetch');
    const nodeFetchFloor: Sample[] = [];
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      closeIdleConnections();
      collectGarbage();
      nodeFetchFloor.push((await timed(() => Promise.all(firstRequests.map((entry) => (isLive(entry.path) ? bareGet(`${simulator.url}${entry.path}`, token) : nodeFetch(`${simulator.url}${entry.path}`, { headers: gitHubHeaders(token) }).then(async (response) => JSON.parse(await response.text()) as unknown)))))).sample);
    }

    // The same first refresh at longer round trips: what it costs beyond one round trip stays about the
    // same (the requests are in parallel; what is left is CPU time), so its ratio to the RTT falls.
    const longerRoundTrips: Array<{ rttMs: number; wallOverRtt: number; beyondRttMs: number }> = [];
    for (const rttMs of sweep) {
      await simulator.setLatency(rttMs);
      const walls: number[] = [];
      for (let sample = 0; sample < SAMPLES; sample += 1) {
        closeIdleConnections();
        const client = await GitHubClient.create({ apiUrl: simulator.url, token });
        collectGarbage();
        walls.push((await timed(() => gatherFacts(client, profile))).sample.wallMs);
      }
      longerRoundTrips.push({ rttMs, wallOverRtt: median(walls) / rttMs, beyondRttMs: median(walls) - rttMs });
    }
    await simulator.setLatency(RTT_MS);

    // The naive way: one request per app and per environment, one after the other, nothing cached.
    closeIdleConnections();
    const naiveClient = await GitHubClient.create({ apiUrl: simulator.url, token });
    await simulator.resetStats();
    const naive = await timed(async () => {
      for (const app of profile.apps) {
        await listReleases(naiveClient, profile.monorepo).catch(() => []);
        for (const environment of app.environments) {
          if (environment.deploy.kind === 'workflow') {
            await listWorkflowRuns(naiveClient, environment.deploy.repo, environment.deploy.workflow, { perPage: 10 });
          }
          if (environment.versionUrl !== undefined) {
            await probeVersion(environment.versionUrl);
          }
        }
      }
    });
    const naiveStats = await simulator.stats();
    return {
      world: name,
      githubRequests: counts.githubRequests,
      versionRequests: counts.versionRequests,
      wallOverRtt: median(first.map((entry) => entry.wallMs)) / RTT_MS,
      cpuMs: median(first.map((entry) => entry.cpuMs)),
      simulatorCpuMs: median(simulatorCpu),
      unchangedRequests: counts.unchangedRequests,
      unchangedWallOverRtt: median(unchanged.map((entry) => entry.wallMs)) / RTT_MS,
      unchangedCpuMs: median(unchanged.map((entry) => entry.cpuMs)),
      unchangedRateLimitUnits: counts.unchangedUnits,
      floorWallOverRtt: median(floor.map((entry) => entry.wallMs)) / RTT_MS,
      floorCpuMs: median(floor.map((entry) => entry.cpuMs)),
      nodeFetchFloorWallOverRtt: median(nodeFetchFloor.map((entry) => entry.wallMs)) / RTT_MS,
      nodeFetchFloorCpuMs: median(nodeFetchFloor.map((entry) => entry.cpuMs)),
      naiveRequests: naiveStats.requests + naiveStats.versionRequests,
      naiveWallOverRtt: naive.sample.wallMs / RTT_MS,
      environmentsShown: counts.environmentsShown,
      buildRounds: counts.buildRounds,
      longerRoundTrips,
      samples: { first, unchanged, floor },
    };
  } finally {
    await simulator.close();
  }
}

/** Drops the kept-alive sockets of Node's default agents, so the next request opens a connection. */
function closeIdleConnections(): void {
  http.globalAgent.destroy();
  https.globalAgent.destroy();
}

function isLive(path: string): boolean {
  return path.startsWith('/live/');
}

function gitHubHeaders(token: string): Record<string, string> {
  return { accept: 'application/vnd.github.v3+json', authorization: `token ${token}` };
}

function bareGet(url: string, token: string): Promise<unknown> {
  const headers: Record<string, string> = isLive(new URL(url).pathname) ? { accept: 'application/json' } : gitHubHeaders(token);
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        });
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

async function main(): Promise<void> {
  const worlds: WorldResult[] = [];
  worlds.push(await measureWorld('Openverse 5 × 2', openverseWorld(), DEMO_TOKEN, (url) => simulatedProfileDocument(url)));
  worlds.push(await measureWorld('20 × 3', syntheticWorld(20, 3), SYNTHETIC_TOKEN, (url) => syntheticProfileDocument(20, 3, url)));
  worlds.push(await measureWorld('100 × 3', syntheticWorld(100, 3), SYNTHETIC_TOKEN, (url) => syntheticProfileDocument(100, 3, url), [100, 200]));
  // The profile's options on (syntheticWorld.ts profileOptions): staging titled with commit messages (runTitle
  // {commitTitle}), each app's container package (registry), a manual environment recorded in the infrastructure (recordedIn).
  const options = { profileOptions: true } as const;
  worlds.push(await measureWorld('options 5 × 3', syntheticWorld(5, 3, options), SYNTHETIC_TOKEN, (url) => syntheticProfileDocument(5, 3, url, options)));
  worlds.push(await measureWorld('options 100 × 3', syntheticWorld(100, 3, options), SYNTHETIC_TOKEN, (url) => syntheticProfileDocument(100, 3, url, options)));

  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--production'], { encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Error(`production build failed: ${build.stderr}`);
  }
  const bundleKb = statSync(join(ROOT, 'dist', 'extension.js')).size / 1024;
  const webviewKb = statSync(join(ROOT, 'dist', 'webview', 'releaseNotes.js')).size / 1024;
  const editor = process.env.BENCH_SKIP_EDITOR !== undefined ? undefined : await measureEditor(3);
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { encoding: 'utf8' });

  const budgets = budgetsOf(worlds, bundleKb, editor);
  report({ rttMs: RTT_MS, samples: SAMPLES, worlds, bundleKb, webviewKb, editor, budgets });
  const failed = budgets.filter((budget) => !budget.pass).length;
  console.log(`\n${budgets.length - failed} budgets passed, ${failed} failed (bench/results.json)`);
  process.exit(failed > 0 ? 1 : 0);
}

const entry = process.argv[2] === '--warm' ? warmRefresh(process.argv[3] ?? '', process.argv[4] ?? '', process.argv[5] ?? '').then(() => process.exit(0)) : main();
entry.catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
