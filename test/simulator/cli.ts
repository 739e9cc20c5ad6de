import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openverseWorld } from './openverseWorld';
import { startSimulator } from './server';
import type { World } from './world';

/**
 * Runs the simulator on its own:
 *   npx tsx test/simulator/cli.ts [--world FILE] [--port N] [--clock real|manual] [--latency MS]
 * Without --world it serves the built-in Openverse world.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      world: { type: 'string' },
      port: { type: 'string', default: '0' },
      clock: { type: 'string', default: 'real' },
      latency: { type: 'string', default: '0' },
    },
  });
  const world: World = values.world !== undefined ? (JSON.parse(readFileSync(values.world, 'utf8')) as World) : openverseWorld();
  const clock = values.clock === 'manual' ? 'manual' : 'real';
  const simulator = await startSimulator({ world, port: Number(values.port), clock, latencyMs: Number(values.latency) });
  console.log(`GitHub simulator on ${simulator.url} (${values.world ?? 'built-in Openverse world'}, ${clock} clock). Ctrl+C stops it.`);
  const stop = (): void => {
    void simulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
