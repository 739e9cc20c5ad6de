import { repoByName, type LiveRun, type Simulation } from './state';
import type { RunProgress, WorldRun } from './world';

/** The waiting half of "Deploy production application": when the step looks, what it follows, when it ends. */

/**
 * felixp8/dispatch-and-wait (openverse-facts §1.3): after sending the dispatch it lists the repository's
 * `repository_dispatch` runs and takes the newest one created within the last 10 s (a moment after the
 * dispatch: 2 s here, the exact delay is not in the facts); then it checks that run every `wait_time`
 * (60 s) and fails once `max_time` (1800 s) has passed; the step passes only if the run concludes success.
 */
export const DISPATCH_AND_WAIT = { lookupSeconds: 2, windowSeconds: 10, pollSeconds: 60, maxSeconds: 1800 } as const;

export function waitingStepEventMs(sim: Simulation, progress: RunProgress): number | undefined {
  if (progress.dispatchedMs === undefined) {
    return undefined;
  }
  const lookup = progress.dispatchedMs + DISPATCH_AND_WAIT.lookupSeconds * 1000;
  if (progress.followed === undefined) {
    return lookup;
  }
  const deadline = lookup + DISPATCH_AND_WAIT.maxSeconds * 1000;
  const followed = followedRun(sim, progress);
  const ended = followed?.progress?.completedMs ?? (followed !== undefined && followed.progress === undefined ? Date.parse(followed.createdAt) + (followed.queuedSeconds + followed.runningSeconds) * 1000 : undefined);
  if (ended === undefined) {
    return deadline;
  }
  const polls = Math.max(1, Math.ceil((ended - lookup) / (DISPATCH_AND_WAIT.pollSeconds * 1000)));
  return Math.min(lookup + polls * DISPATCH_AND_WAIT.pollSeconds * 1000, deadline);
}

export function followedRun(sim: Simulation, progress: RunProgress): WorldRun | undefined {
  const followed = progress.followed;
  if (followed === undefined || followed === null) {
    return undefined;
  }
  return repoByName(sim.world, followed.repo)?.runs.find((candidate) => candidate.id === followed.runId);
}

/** dispatch-and-wait's lookup: the newest repository_dispatch run of the repository created within the window. */
export function findDispatchedRun(sim: Simulation, live: LiveRun, at: number): { repo: string; runId: number } | null {
  const target = live.run.progress?.dispatchTarget;
  const repo = target !== undefined ? repoByName(sim.world, target) : undefined;
  if (repo === undefined) {
    return null;
  }
  const newest = repo.runs
    .filter((run) => run.event === 'repository_dispatch')
    .filter((run) => Date.parse(run.createdAt) <= at && Date.parse(run.createdAt) > at - DISPATCH_AND_WAIT.windowSeconds * 1000)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id)[0];
  return newest !== undefined ? { repo: repo.fullName, runId: newest.id } : null;
}
