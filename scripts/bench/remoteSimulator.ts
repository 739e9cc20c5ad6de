import { spawn, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { World } from '../../test/simulator/world';
import { ROOT } from '../editor/codeServer';

export interface SimulatorStats {
  requests: number;
  versionRequests: number;
  rateLimitUnits: number;
  /** CPU time the simulator's process has used since it started. */
  cpuMs: number;
  log: Array<{ method: string; path: string; status: number }>;
}

export interface RemoteSimulator {
  url: string;
  stats: (withLog?: boolean) => Promise<SimulatorStats>;
  resetStats: () => Promise<void>;
  setLatency: (ms: number) => Promise<void>;
  close: () => Promise<void>;
}

/** The simulator in a process of its own, as GitHub is remote: its work is not done on the client's thread. */
export async function startRemoteSimulator(world: World, latencyMs: number): Promise<RemoteSimulator> {
  const file = join(tmpdir(), `release-deck-bench-world-${process.pid}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(world));
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'simulator', 'cli.ts'), '--world', file, '--clock', 'manual', '--latency', String(latencyMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1] !== undefined) {
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      reject(new Error(`the simulator exited with ${String(code)}`));
    });
  });
  const admin = async (path: string, method = 'GET', body?: unknown): Promise<unknown> => {
    const response = await fetch(`${url}/_admin/${path}`, { method, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await response.text();
    return text === '' ? undefined : JSON.parse(text);
  };
  return {
    url,
    stats: async (withLog = false) => (await admin(withLog ? 'stats?log=all' : 'stats')) as SimulatorStats,
    resetStats: async () => {
      await admin('stats/reset', 'POST');
    },
    setLatency: async (ms: number) => {
      await admin('latency', 'POST', { ms });
    },
    close: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 100));
      rmSync(file, { force: true });
    },
  };
}

/**
 * GitHub's servers are always warm; a simulator process that just started is not (its JIT, its answer
 * cache). One refresh from another process warms it, so the measured client (in this process, with no
 * cache and no open connection) is timed against a server whose own start-up is not counted.
 */
export function warmSimulator(url: string, token: string, profileDocument: unknown): void {
  const file = join(tmpdir(), `release-deck-bench-profile-${process.pid}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(profileDocument));
  try {
    const warm = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'bench.ts'), '--warm', url, token, file], { encoding: 'utf8' });
    if (warm.status !== 0) {
      throw new Error(`warming the simulator failed: ${warm.stderr}`);
    }
  } finally {
    rmSync(file, { force: true });
  }
}
