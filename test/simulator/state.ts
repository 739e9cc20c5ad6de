import type { Clock } from './clock';
import { HttpError } from './errors';
import type { LostAnswerKind } from './lostAnswers';
import type { World, WorldCommit, WorldRepo, WorldRun, WorldToken } from './world';
import type { WorldWorkflow } from './worldWorkflows';

/** The simulator's state besides the world itself: clock, faults, stats, rate-limit use, counters. */

export interface Fault {
  readonly method?: string;
  /** A regular expression matched against the request path (query excluded). */
  readonly path: string;
  /** How many matching requests it affects. */
  remaining: number;
  readonly kind: 'status' | 'reset' | 'malformed' | 'html' | 'delay' | 'stall' | 'rateLimit' | 'secondaryRateLimit' | LostAnswerKind;
  readonly status?: number;
  readonly delayMs?: number;
  readonly retryAfterSeconds?: number;
  readonly resetInSeconds?: number;
  /** For `applyLateThenTimeout`: how long after the dispatch GitHub creates its run (simulated seconds). */
  readonly lateSeconds?: number;
}

export interface RequestRecord {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly token?: string;
}

export interface SimulatorStats {
  requests: number;
  notModified: number;
  rateLimitUnits: number;
  versionRequests: number;
  log: RequestRecord[];
}

export interface Simulation {
  readonly world: World;
  readonly clock: Clock;
  readonly stats: SimulatorStats;
  readonly faults: Fault[];
  /** Rate-limit units each token has used. */
  readonly rateUsed: Map<string, number>;
  /** Revoked tokens, kept so they can be restored. */
  readonly revoked: Map<string, WorldToken>;
  /** Delay added to every GitHub and /version answer (not /_admin). */
  latencyMs: number;
  nextRunId: number;
  nextPullNumber: number;
  nextReleaseId: number;
  /** The runs the simulator started that have not completed (runs.ts moves them on). */
  live: LiveRun[];
  /** When the next unsettled run completes: settle() has nothing to do before then. */
  nextDueMs: number;
}

/** A run the simulator started and has not completed, with its repository. */
export interface LiveRun {
  readonly repo: WorldRepo;
  readonly run: WorldRun;
}

export function createSimulation(world: World, clock: Clock, latencyMs: number): Simulation {
  return {
    world,
    clock,
    stats: { requests: 0, notModified: 0, rateLimitUnits: 0, versionRequests: 0, log: [] },
    faults: [],
    rateUsed: new Map<string, number>(),
    revoked: new Map<string, WorldToken>(),
    latencyMs,
    nextRunId: Math.max(9000, ...world.repos.flatMap((repo) => repo.runs.map((run) => run.id))) + 1,
    nextPullNumber: Math.max(5000, ...world.repos.flatMap((repo) => repo.pulls.map((pull) => pull.number))) + 1,
    nextReleaseId: Math.max(1, ...world.repos.flatMap((repo) => repo.releases.map((release) => release.id))) + 1,
    live: world.repos.flatMap((repo) => repo.runs.filter((run) => run.progress !== undefined && run.progress.completedMs === undefined).map((run) => ({ repo, run }))),
    nextDueMs: 0,
  };
}

export function resetStats(stats: SimulatorStats): void {
  stats.requests = 0;
  stats.notModified = 0;
  stats.rateLimitUnits = 0;
  stats.versionRequests = 0;
  stats.log = [];
}

// ---------------------------------------------------------------- lookups

export const repoByName = (world: World, fullName: string): WorldRepo | undefined => world.repos.find((repo) => repo.fullName.toLowerCase() === fullName.toLowerCase());

export function headOf(repo: WorldRepo): WorldCommit {
  const head = repo.commits[repo.commits.length - 1];
  if (head === undefined) {
    throw new HttpError(409, 'Git Repository is empty.');
  }
  return head;
}

/** Resolves a branch, tag or (abbreviated) SHA to an index in main's history. */
export function resolveRef(repo: WorldRepo, ref: string): number | undefined {
  const name = ref.replace(/^refs\/(heads|tags)\//, '');
  if (name === repo.defaultBranch) {
    return repo.commits.length - 1;
  }
  const tag = repo.tags.find((candidate) => candidate.name === name);
  const sha = tag?.sha ?? (/^[0-9a-f]{7,40}$/.test(name) ? name : undefined);
  if (sha === undefined) {
    return undefined;
  }
  const index = repo.commits.findIndex((commit) => commit.sha.startsWith(sha));
  return index >= 0 ? index : undefined;
}

export function workflowOf(repo: WorldRepo, id: string): WorldWorkflow {
  const workflow = repo.workflows.find((candidate) => String(candidate.id) === id || candidate.path.endsWith(`/${id}`));
  if (workflow === undefined) {
    throw new HttpError(404, 'Not Found');
  }
  return workflow;
}

// ---------------------------------------------------------------- indexes

/**
 * An index over one of a repository's lists, rebuilt when the list grows (runs and commits are only
 * ever appended, so their length tells when an index is out of date).
 */
function indexedBy<T, I>(build: (items: readonly T[]) => I): (items: readonly T[]) => I {
  const indexes = new WeakMap<readonly T[], { count: number; index: I }>();
  return (items) => {
    const known = indexes.get(items);
    if (known !== undefined && known.count === items.length) {
      return known.index;
    }
    const index = build(items);
    indexes.set(items, { count: items.length, index });
    return index;
  };
}

/** Each run's number within its workflow. */
export const runNumbersOf = indexedBy((runs: readonly WorldRun[]) => {
  const perWorkflow = new Map<string, number>();
  const numbers = new Map<number, number>();
  for (const candidate of [...runs].sort((a, b) => a.id - b.id)) {
    const next = (perWorkflow.get(candidate.workflowPath) ?? 0) + 1;
    perWorkflow.set(candidate.workflowPath, next);
    numbers.set(candidate.id, next);
  }
  return numbers;
});

export const commitsByShaOf = indexedBy((commits: readonly WorldCommit[]) => {
  const bySha = new Map<string, WorldCommit>();
  for (const commit of commits) {
    if (!bySha.has(commit.sha)) {
      bySha.set(commit.sha, commit);
    }
  }
  return bySha;
});
