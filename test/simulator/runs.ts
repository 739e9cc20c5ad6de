import { headOf, repoByName, type Simulation } from './state';
import type { World, WorldRepo, WorldRun, WorldWorkflow } from './world';

/**
 * The rules of workflow runs and the release chain: runs go queued → in_progress → completed on the
 * simulator's clock, and a successful run's workflow role acts (tag the image, dispatch the production
 * deployment, open the changelog pull request; or change what /version answers).
 */

function evaluate(expression: string, run: { inputs?: Readonly<Record<string, string>>; clientPayload?: Readonly<Record<string, unknown>>; actor: string }): string {
  for (const operand of expression.split('||').map((part) => part.trim())) {
    let value: unknown;
    if (/^'.*'$/.test(operand)) {
      value = operand.slice(1, -1);
    } else if (operand.startsWith('inputs.')) {
      value = run.inputs?.[operand.slice('inputs.'.length)];
    } else if (operand.startsWith('github.event.client_payload.')) {
      value = run.clientPayload?.[operand.slice('github.event.client_payload.'.length)];
    } else if (operand === 'github.actor') {
      value = run.actor;
    }
    if (typeof value === 'string' && value !== '') {
      return value;
    }
  }
  return '';
}

function titleFor(workflow: WorldWorkflow, run: { inputs?: Readonly<Record<string, string>>; clientPayload?: Readonly<Record<string, unknown>>; actor: string }, fallback: string): string {
  if (workflow.runName === undefined) {
    return fallback;
  }
  return workflow.runName.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => evaluate(expression, run));
}

/** Starts a run; a deployment of an image tag that does not exist fails, as the real workflow's check does. */
export function startRun(sim: Simulation, repo: WorldRepo, workflow: WorldWorkflow, fields: { event: string; actor: string; headBranch: string; headSha: string; inputs?: Record<string, string>; clientPayload?: Record<string, unknown>; fallbackTitle: string; createdMs: number }): WorldRun {
  const scripted = sim.world.failNextRuns[workflow.path] ?? 0;
  let outcome: WorldRun['outcome'] = 'success';
  if (scripted > 0) {
    sim.world.failNextRuns[workflow.path] = scripted - 1;
    outcome = 'failure';
  }
  if (workflow.role?.kind === 'deploy') {
    const tag = fields.inputs?.tag ?? (typeof fields.clientPayload?.tag === 'string' ? fields.clientPayload.tag : '');
    if (imageCommit(sim.world, workflow.role.app, tag) === undefined) {
      outcome = 'failure';
    }
  }
  const run: WorldRun = {
    id: sim.nextRunId++,
    workflowPath: workflow.path,
    event: fields.event,
    displayTitle: titleFor(workflow, fields, fields.fallbackTitle),
    createdAt: sim.clock.iso(fields.createdMs),
    actor: fields.actor,
    headBranch: fields.headBranch,
    headSha: fields.headSha,
    ...(fields.inputs !== undefined ? { inputs: fields.inputs } : {}),
    ...(fields.clientPayload !== undefined ? { clientPayload: fields.clientPayload } : {}),
    outcome,
    queuedSeconds: workflow.durations?.queuedSeconds ?? 5,
    runningSeconds: workflow.durations?.runningSeconds ?? 30,
  };
  repo.runs.push(run);
  sim.nextDueMs = 0;
  return run;
}

function imageCommit(world: World, app: string, tag: string): string | undefined {
  if (/^[0-9a-f]{40}$/.test(tag)) {
    const monorepo = world.repos[0];
    return monorepo?.commits.some((commit) => commit.sha === tag) === true ? tag : undefined;
  }
  return world.images[app]?.[tag];
}

export const runEndMs = (run: WorldRun): number => Date.parse(run.createdAt) + (run.queuedSeconds + run.runningSeconds) * 1000;

export function runStatus(run: WorldRun, at: number): { status: 'queued' | 'in_progress' | 'completed'; conclusion: string | null; updatedMs: number; startedMs: number } {
  const created = Date.parse(run.createdAt);
  const started = created + run.queuedSeconds * 1000;
  const ended = runEndMs(run);
  if (at < started) {
    return { status: 'queued', conclusion: null, updatedMs: created, startedMs: created };
  }
  if (at < ended) {
    return { status: 'in_progress', conclusion: null, updatedMs: started, startedMs: started };
  }
  return { status: 'completed', conclusion: run.outcome, updatedMs: ended, startedMs: started };
}

/** Applies the effects of every run that has completed by now, in the order they completed. */
export function settle(sim: Simulation): void {
  if (sim.clock.nowMs() < sim.nextDueMs) {
    return;
  }
  settleDue(sim);
  sim.nextDueMs = Math.min(Number.POSITIVE_INFINITY, ...sim.world.repos.flatMap((repo) => repo.runs.filter((run) => run.effectsApplied !== true).map(runEndMs)));
}

function settleDue(sim: Simulation): void {
  for (;;) {
    const due = sim.world.repos
      .flatMap((repo) => repo.runs.map((run) => ({ repo, run })))
      .filter(({ run }) => run.effectsApplied !== true && runEndMs(run) <= sim.clock.nowMs())
      .sort((a, b) => runEndMs(a.run) - runEndMs(b.run) || a.run.id - b.run.id)[0];
    if (due === undefined) {
      return;
    }
    due.run.effectsApplied = true;
    if (due.run.outcome === 'success') {
      applyEffects(sim, due.repo, due.run);
    }
  }
}

function applyEffects(sim: Simulation, repo: WorldRepo, run: WorldRun): void {
  const workflow = repo.workflows.find((candidate) => candidate.path === run.workflowPath);
  const role = workflow?.role;
  const endedMs = runEndMs(run);
  if (role?.kind === 'tagAndDeploy') {
    const gitTag = run.headBranch;
    const prefixMatch = /^([a-z][a-z0-9_]*)-(\d{4}\.\d{2}\.\d{2}\.\d{2}\.\d{2}\.\d{2})$/.exec(gitTag);
    if (prefixMatch === null) {
      return;
    }
    const [, app = '', date = ''] = prefixMatch;
    const imageTag = `rel-${date}`;
    (sim.world.images[app] ??= {})[imageTag] = run.headSha;
    const eventType = role.deployEvents[`${app}-`];
    const target = repoByName(sim.world, role.dispatchRepo);
    if (eventType !== undefined && target !== undefined) {
      repositoryDispatch(sim, target, eventType, { actor: run.actor, tag: imageTag }, 'openverse-bot', endedMs);
    }
    const release = repo.releases.find((candidate) => candidate.tagName === gitTag);
    repo.pulls.push({
      number: sim.nextPullNumber++,
      title: `Publish changelog for ${gitTag}`,
      head: role.changelogBranch.replace('{gitTag}', gitTag),
      base: repo.defaultBranch,
      state: 'open',
      body: `This changelog PR was automatically generated for @${run.actor} as a result of the ${workflow?.name ?? 'release'} workflow.\n\n${release?.body ?? ''}`,
      author: 'openverse-bot',
      createdAt: sim.clock.iso(endedMs),
    });
  }
  if (role?.kind === 'deploy') {
    const tag = run.inputs?.tag ?? (typeof run.clientPayload?.tag === 'string' ? run.clientPayload.tag : '');
    const commit = imageCommit(sim.world, role.app, tag);
    const environment = sim.world.environments.find((candidate) => candidate.app === role.app && candidate.environment === role.environment);
    if (commit !== undefined && environment !== undefined) {
      environment.release = commit;
    }
  }
}

export function repositoryDispatch(sim: Simulation, repo: WorldRepo, eventType: string, clientPayload: Record<string, unknown>, actor: string, createdMs: number): void {
  const head = headOf(repo);
  for (const workflow of repo.workflows) {
    if (workflow.on.repositoryDispatch?.includes(eventType) === true) {
      startRun(sim, repo, workflow, { event: 'repository_dispatch', actor, headBranch: repo.defaultBranch, headSha: head.sha, clientPayload, fallbackTitle: eventType, createdMs });
    }
  }
}

/** A run GitHub will create later (a dispatch accepted, its run not created yet) is in no answer. */
export function existsYet(run: WorldRun, at: number): boolean {
  return Date.parse(run.createdAt) <= at;
}
