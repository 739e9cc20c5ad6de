import { Clock } from './clock';
import { serve } from './http';
import { startLogHost } from './jobLogs';
import { actionsRoutes } from './routes/actions';
import { deploymentRoutes } from './routes/deployments';
import { contentsRoutes } from './routes/contents';
import { gitRoutes } from './routes/git';
import { metaRoutes } from './routes/meta';
import { packagesRoutes } from './routes/packages';
import { pullsRoutes } from './routes/pulls';
import { releasesRoutes } from './routes/releases';
import { reposRoutes } from './routes/repos';
import { runControlRoutes } from './routes/runControl';
import { createRouter } from './routing';
import { settle } from './runEvents';
import { createShapes } from './shapes';
import { createSimulation, resetStats, type Fault, type SimulatorStats } from './state';
import type { World } from './world';

export type { Fault, RequestRecord, SimulatorStats } from './state';

/**
 * A local stand-in for GitHub's REST API and the apps' /version endpoints, behaving as GitHub does for
 * every route Release Deck uses: authentication, 404 for what a token may not see, pagination with Link
 * headers, ETags and 304s, rate-limit headers, workflow dispatches checked against declared inputs, and
 * runs that progress on a clock. The release process's chain is alive: publishing a release starts the
 * tag-and-deploy run, whose success dispatches the production deployment, whose success changes what
 * /version answers. Faults are injected through /_admin.
 */

export interface SimulatorOptions {
  readonly world: World;
  readonly port?: number;
  /** `manual`: time moves only through advance() or POST /_admin/clock; `real`: it follows the wall clock. */
  readonly clock?: 'manual' | 'real';
  /** Delay added to every GitHub and /version answer (not /_admin), for benchmarks. */
  readonly latencyMs?: number;
}

export interface RunningSimulator {
  readonly url: string;
  readonly port: number;
  readonly world: World;
  readonly stats: SimulatorStats;
  readonly faults: Fault[];
  advance(seconds: number): void;
  now(): Date;
  setLatency(ms: number): void;
  resetStats(): void;
  close(): Promise<void>;
}

/** Composes the simulator: its state and clock, GitHub's JSON shapes, the routes per family, and the HTTP server. */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const world = options.world;
  const sim = createSimulation(world, new Clock(options.clock ?? 'manual', world.startTime), options.latencyMs ?? 0);
  const shapes = createShapes(sim.clock);
  const router = createRouter(world);
  // Job logs are served from another origin, as GitHub's are (jobLogs.ts).
  const logHost = await startLogHost(sim);
  // In this order: a request is answered by the first route that matches.
  for (const routes of [reposRoutes, metaRoutes, releasesRoutes, gitRoutes, actionsRoutes, runControlRoutes(logHost), deploymentRoutes, pullsRoutes, contentsRoutes, packagesRoutes]) {
    routes(router, sim, shapes);
  }
  const server = await serve(sim, router, options.port);
  return {
    url: `http://127.0.0.1:${server.port}`,
    port: server.port,
    world,
    stats: sim.stats,
    faults: sim.faults,
    advance(seconds: number) {
      sim.clock.advance(seconds);
      settle(sim);
    },
    now: () => new Date(sim.clock.nowMs()),
    setLatency(ms: number) {
      sim.latencyMs = ms;
    },
    resetStats: () => {
      resetStats(sim.stats);
    },
    close: async () => {
      await Promise.all([server.close(), logHost.close()]);
    },
  };
}
