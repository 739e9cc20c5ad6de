import { createHash } from 'node:crypto';
import { adminFiles } from './adminFiles';
import { adminReviews } from './adminReviews';
import { HttpError } from './errors';
import { adminJobLogs } from './jobLogs';
import { LOST_ANSWER_KINDS } from './lostAnswers';
import { asRecord, type Reply } from './routing';
import { jobsOf, startRun } from './runs';
import { settle } from './runEvents';
import { headOf, resetStats, type Fault, type Simulation } from './state';
import type { WorldCommit, WorldToken } from './world';

/** The admin API (`/_admin/…`): the clock, faults, scripted failures, tokens, the world's changes, latency, stats, job logs (jobLogs.ts). */

export function admin(sim: Simulation, method: string, path: string, query: URLSearchParams, body: unknown): Reply {
  const fields = body === undefined ? {} : asRecord(body);
  const files = adminFiles(sim, method, path, fields) ?? adminReviews(sim, method, path, fields);
  if (files !== undefined) {
    return files;
  }
  const logs = adminJobLogs(sim, method, path, fields);
  if (logs !== undefined) {
    return logs;
  }
  if (method === 'POST' && path === '/_admin/clock') {
    const seconds = Number(fields.advanceSeconds);
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new HttpError(422, 'advanceSeconds must be a non-negative number');
    }
    sim.clock.advance(seconds);
    settle(sim);
    return { status: 200, body: { now: sim.clock.iso() } };
  }
  if (method === 'GET' && path === '/_admin/clock') {
    return { status: 200, body: { now: sim.clock.iso() } };
  }
  if (method === 'POST' && path === '/_admin/faults') {
    const fault = parseFault(fields);
    sim.faults.push(fault);
    return { status: 201, body: fault };
  }
  if (method === 'DELETE' && path === '/_admin/faults') {
    sim.faults.length = 0;
    return { status: 204 };
  }
  if (method === 'POST' && path === '/_admin/fail-next-run') {
    // The next `count` runs of the workflow fail: at `step` (a step name of the workflow), or at its main step.
    const workflowPath = typeof fields.workflowPath === 'string' ? fields.workflowPath : '';
    const count = Number(fields.count) || 1;
    const step = typeof fields.step === 'string' ? fields.step : '';
    const workflow = sim.world.repos.flatMap((repo) => repo.workflows).find((candidate) => candidate.path === workflowPath);
    if (step !== '' && !jobsOf(workflow).some((job) => job.steps.some((candidate) => candidate.name === step))) {
      throw new HttpError(422, `${workflowPath} has no step named "${step}"`);
    }
    sim.world.failNextRuns[workflowPath] = (sim.world.failNextRuns[workflowPath] ?? 0) + count;
    const steps = ((sim.world.failNextRunSteps ??= {})[workflowPath] ??= []);
    // Earlier scripted failures without a step keep their place in the queue.
    while (steps.length < (sim.world.failNextRuns[workflowPath] ?? 0) - count) {
      steps.push('');
    }
    steps.push(...Array.from({ length: count }, () => step));
    return { status: 200, body: sim.world.failNextRuns };
  }
  if (method === 'POST' && (path === '/_admin/tokens/revoke' || path === '/_admin/tokens/restore')) {
    const token = typeof fields.token === 'string' ? fields.token : '';
    if (path.endsWith('revoke')) {
      const known = sim.world.tokens.find((candidate) => candidate.token === token);
      if (known === undefined) {
        throw new HttpError(404, 'no such token');
      }
      sim.revoked.set(token, known);
      (sim.world.tokens as WorldToken[]).splice(sim.world.tokens.indexOf(known), 1);
    } else {
      const saved = sim.revoked.get(token);
      if (saved === undefined) {
        throw new HttpError(404, 'that token was not revoked');
      }
      (sim.world.tokens as WorldToken[]).push(saved);
      sim.revoked.delete(token);
    }
    return { status: 204 };
  }
  if (method === 'POST' && path === '/_admin/latency') {
    sim.latencyMs = Number(fields.ms) || 0;
    return { status: 200, body: { latencyMs: sim.latencyMs } };
  }
  if (method === 'GET' && path === '/_admin/stats') {
    const cpu = process.cpuUsage();
    return { status: 200, body: { ...sim.stats, cpuMs: (cpu.user + cpu.system) / 1000, log: query.get('log') === 'all' ? sim.stats.log : sim.stats.log.slice(-200) } };
  }
  if (method === 'POST' && path === '/_admin/stats/reset') {
    resetStats(sim.stats);
    return { status: 204 };
  }
  if (method === 'GET' && path === '/_admin/world') {
    settle(sim);
    return { status: 200, body: sim.world };
  }
  if (method === 'POST' && path === '/_admin/push') {
    return { status: 201, body: push(sim, fields) };
  }
  if (method === 'POST' && path === '/_admin/environment') {
    const environment = sim.world.environments.find((candidate) => candidate.app === fields.app && candidate.environment === fields.environment);
    if (environment === undefined) {
      throw new HttpError(404, 'no such environment');
    }
    if (typeof fields.release === 'string') {
      environment.release = fields.release;
    }
    // The `environment` field of the nginx /version answer (openverse-facts §3): any string the deployment sets.
    if (typeof fields.environmentName === 'string') {
      environment.environmentName = fields.environmentName;
    }
    return { status: 200, body: environment };
  }
  throw new HttpError(404, 'Not Found');
}

function parseFault(fields: Record<string, unknown>): Fault {
  const kinds: string[] = ['status', 'reset', 'malformed', 'html', 'delay', 'stall', 'rateLimit', 'secondaryRateLimit', ...LOST_ANSWER_KINDS];
  if (typeof fields.path !== 'string' || !kinds.includes(String(fields.kind))) {
    throw new HttpError(422, `a fault needs "path" (a regular expression) and "kind" (${kinds.join(', ')})`);
  }
  return {
    path: fields.path,
    kind: fields.kind as Fault['kind'],
    remaining: Number(fields.count) || 1,
    ...(typeof fields.method === 'string' ? { method: fields.method.toUpperCase() } : {}),
    ...(typeof fields.status === 'number' ? { status: fields.status } : {}),
    ...(typeof fields.delayMs === 'number' ? { delayMs: fields.delayMs } : {}),
    ...(typeof fields.retryAfterSeconds === 'number' ? { retryAfterSeconds: fields.retryAfterSeconds } : {}),
    ...(typeof fields.resetInSeconds === 'number' ? { resetInSeconds: fields.resetInSeconds } : {}),
    ...(typeof fields.lateSeconds === 'number' ? { lateSeconds: fields.lateSeconds } : {}),
  };
}

/**
 * A push to the monorepo's default branch (someone's merge, on GitHub): a new head commit, so
 * `GET …/git/ref/heads/{branch}` answers it from now on (GitHub's "Get a reference") and a release
 * targeting the branch by name is tagged on it when published. As on GitHub, it starts every workflow
 * that runs `on: push` to that branch: "CI + CD" builds the images of the apps whose folders `files`
 * touch and dispatches their staging deployments; "Draft releases" re-drafts every app (openverse-facts
 * §0, §1.1, §1.4). Without `files` the commit changes no app: no image, no staging deployment.
 */
function push(sim: Simulation, fields: Record<string, unknown>): Record<string, unknown> {
  const repo = sim.world.repos[0];
  if (repo === undefined) {
    throw new HttpError(404, 'no repository');
  }
  const message = typeof fields.message === 'string' && fields.message !== '' ? fields.message : 'A merged pull request';
  const files = Array.isArray(fields.files) ? fields.files.filter((file): file is string => typeof file === 'string' && file !== '') : [];
  const author = typeof fields.author === 'string' && fields.author !== '' ? fields.author : 'colleague';
  const sha = createHash('sha1').update(`${headOf(repo).sha}\n${message}\n${files.join('\n')}`).digest('hex');
  const commit: WorldCommit = { sha, message, author, date: sim.clock.iso(), ...(files.length > 0 ? { files: files.map((filename) => ({ filename })) } : {}) };
  repo.commits.push(commit);
  // A push run's display title is the head commit's message (its first line).
  const runs = repo.workflows
    .filter((workflow) => workflow.on.push === true)
    .map((workflow) => startRun(sim, repo, workflow, { event: 'push', actor: author, headBranch: repo.defaultBranch, headSha: sha, fallbackTitle: message.split('\n', 1)[0] ?? message, createdMs: sim.clock.nowMs() }));
  return { ...commit, runs: runs.map((run) => ({ id: run.id, workflowPath: run.workflowPath })) };
}
