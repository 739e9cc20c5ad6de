import { buildDeck } from '../src/domain/buildDeck';
import { validateProfile } from '../src/domain/profileValidation';
import { GitHubClient } from '../src/github/client';
import { gatherFacts } from '../src/state/gatherFacts';
import { DEMO_TOKEN, openverseWorld } from '../test/simulator/openverseWorld';
import { startSimulator } from '../test/simulator/server';
import { simulatedProfileDocument } from '../test/simulator/simulatedProfile';

/**
 * `npm run soak [-- CYCLES]`: poll cycles (gather facts + build the deck) against the simulator, with the
 * heap measured after garbage collection at the start, a tenth of the way, and the end. The ETag cache and
 * every per-refresh structure must stay bounded: growth after warm-up is reported, and more than 5 MB fails.
 */
async function main(): Promise<void> {
  const cycles = Number(process.argv[2] ?? 10_000);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) {
    throw new Error('run with node --expose-gc (npm run soak does)');
  }
  const simulator = await startSimulator({ world: openverseWorld(), clock: 'manual' });
  const validation = validateProfile(simulatedProfileDocument(simulator.url));
  if (!validation.ok) {
    throw new Error('invalid profile');
  }
  const client = await GitHubClient.create({ apiUrl: simulator.url, token: DEMO_TOKEN });
  const heap = (): number => {
    gc();
    return process.memoryUsage().heapUsed / 1024 / 1024;
  };
  const started = Date.now();
  const samples: Array<[number, number]> = [[0, heap()]];
  for (let cycle = 1; cycle <= cycles; cycle += 1) {
    buildDeck(validation.profile, await gatherFacts(client, validation.profile));
    if (cycle === Math.ceil(cycles / 10) || cycle === cycles) {
      samples.push([cycle, heap()]);
    }
  }
  await simulator.close();
  const warm = samples[1]?.[1] ?? 0;
  const end = samples[samples.length - 1]?.[1] ?? 0;
  const growth = end - warm;
  for (const [cycle, mb] of samples) {
    console.log(`after ${String(cycle).padStart(6)} cycles: heap ${mb.toFixed(1)} MB`);
  }
  console.log(`${cycles} poll cycles in ${((Date.now() - started) / 1000).toFixed(1)} s; ${client.stats.requests} GitHub requests, ${client.stats.notModified} answered 304, ${client.stats.rateLimitUnits} rate-limit units`);
  console.log(`heap growth after warm-up: ${growth.toFixed(2)} MB (${growth <= 5 ? 'bounded' : 'GROWING'})`);
  process.exit(growth <= 5 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
