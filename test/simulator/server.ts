import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { World, WorldCommit, WorldEnvironment, WorldPull, WorldRelease, WorldRepo, WorldRun, WorldToken, WorldWorkflow } from './world';
import { isLostAnswerKind, LOST_ANSWER_KINDS, loseAnswer, type LostAnswerKind } from './lostAnswers';
import { renderMarkdown } from './markdown';

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

const DOCS = 'https://docs.github.com/rest';
const MAX_LOG = 2000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

interface Reply {
  readonly status: number;
  readonly body?: unknown;
  /** The body already serialised and encoded (when its ETag was computed), so it is not done twice. */
  readonly bytes?: Buffer;
  readonly headers?: Record<string, string>;
}

interface Context {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
  readonly token: WorldToken;
  readonly baseUrl: string;
  /** A dispatch's run is created this long after the request (lostAnswers.ts, `applyLateThenTimeout`). */
  readonly runCreatedLateMs?: number;
}

type Handler = (context: Context, match: RegExpMatchArray) => Reply;

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const world = options.world;
  const startMs = Date.parse(world.startTime);
  let advancedMs = 0;
  let latencyMs = options.latencyMs ?? 0;
  const mode = options.clock ?? 'manual';
  // A real clock is the wall clock (so rate-limit resets and run times agree with the client's); a
  // manual clock starts at the world's startTime and moves only when told.
  const nowMs = (): number => (mode === 'real' ? Date.now() + advancedMs : startMs + advancedMs);
  const iso = (ms: number = nowMs()): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const faults: Fault[] = [];
  const stats: SimulatorStats = { requests: 0, notModified: 0, rateLimitUnits: 0, versionRequests: 0, log: [] };
  const rateUsed = new Map<string, number>();
  const revoked = new Map<string, WorldToken>();
  let nextRunId = Math.max(9000, ...world.repos.flatMap((repo) => repo.runs.map((run) => run.id))) + 1;
  let nextPullNumber = Math.max(5000, ...world.repos.flatMap((repo) => repo.pulls.map((pull) => pull.number))) + 1;

  // ---------------------------------------------------------------- the world's rules

  const repoByName = (fullName: string): WorldRepo | undefined => world.repos.find((repo) => repo.fullName.toLowerCase() === fullName.toLowerCase());

  function visibleRepo(token: WorldToken, owner: string, name: string): WorldRepo {
    const repo = repoByName(`${owner}/${name}`);
    if (repo === undefined || (token.repos !== undefined && !token.repos.some((allowed) => allowed.toLowerCase() === repo.fullName.toLowerCase()))) {
      throw new HttpError(404, 'Not Found');
    }
    return repo;
  }

  function headOf(repo: WorldRepo): WorldCommit {
    const head = repo.commits[repo.commits.length - 1];
    if (head === undefined) {
      throw new HttpError(409, 'Git Repository is empty.');
    }
    return head;
  }

  /** Resolves a branch, tag or (abbreviated) SHA to an index in main's history. */
  function resolveRef(repo: WorldRepo, ref: string): number | undefined {
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

  function workflowOf(repo: WorldRepo, id: string): WorldWorkflow {
    const workflow = repo.workflows.find((candidate) => String(candidate.id) === id || candidate.path.endsWith(`/${id}`));
    if (workflow === undefined) {
      throw new HttpError(404, 'Not Found');
    }
    return workflow;
  }

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
  function startRun(repo: WorldRepo, workflow: WorldWorkflow, fields: { event: string; actor: string; headBranch: string; headSha: string; inputs?: Record<string, string>; clientPayload?: Record<string, unknown>; fallbackTitle: string; createdMs: number }): WorldRun {
    const scripted = world.failNextRuns[workflow.path] ?? 0;
    let outcome: WorldRun['outcome'] = 'success';
    if (scripted > 0) {
      world.failNextRuns[workflow.path] = scripted - 1;
      outcome = 'failure';
    }
    if (workflow.role?.kind === 'deploy') {
      const tag = fields.inputs?.tag ?? (typeof fields.clientPayload?.tag === 'string' ? fields.clientPayload.tag : '');
      if (imageCommit(workflow.role.app, tag) === undefined) {
        outcome = 'failure';
      }
    }
    const run: WorldRun = {
      id: nextRunId++,
      workflowPath: workflow.path,
      event: fields.event,
      displayTitle: titleFor(workflow, fields, fields.fallbackTitle),
      createdAt: iso(fields.createdMs),
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
    nextDueMs = 0;
    return run;
  }

  function imageCommit(app: string, tag: string): string | undefined {
    if (/^[0-9a-f]{40}$/.test(tag)) {
      const monorepo = world.repos[0];
      return monorepo?.commits.some((commit) => commit.sha === tag) === true ? tag : undefined;
    }
    return world.images[app]?.[tag];
  }

  const runEndMs = (run: WorldRun): number => Date.parse(run.createdAt) + (run.queuedSeconds + run.runningSeconds) * 1000;

  function runStatus(run: WorldRun, at: number = nowMs()): { status: 'queued' | 'in_progress' | 'completed'; conclusion: string | null; updatedMs: number; startedMs: number } {
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

  /** When the next unsettled run completes: settle() has nothing to do before then. */
  let nextDueMs = 0;

  /** Applies the effects of every run that has completed by now, in the order they completed. */
  function settle(): void {
    if (nowMs() < nextDueMs) {
      return;
    }
    settleDue();
    nextDueMs = Math.min(Number.POSITIVE_INFINITY, ...world.repos.flatMap((repo) => repo.runs.filter((run) => run.effectsApplied !== true).map(runEndMs)));
  }

  function settleDue(): void {
    for (;;) {
      const due = world.repos
        .flatMap((repo) => repo.runs.map((run) => ({ repo, run })))
        .filter(({ run }) => run.effectsApplied !== true && runEndMs(run) <= nowMs())
        .sort((a, b) => runEndMs(a.run) - runEndMs(b.run) || a.run.id - b.run.id)[0];
      if (due === undefined) {
        return;
      }
      due.run.effectsApplied = true;
      if (due.run.outcome === 'success') {
        applyEffects(due.repo, due.run);
      }
    }
  }

  function applyEffects(repo: WorldRepo, run: WorldRun): void {
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
      (world.images[app] ??= {})[imageTag] = run.headSha;
      const eventType = role.deployEvents[`${app}-`];
      const target = repoByName(role.dispatchRepo);
      if (eventType !== undefined && target !== undefined) {
        repositoryDispatch(target, eventType, { actor: run.actor, tag: imageTag }, 'openverse-bot', endedMs);
      }
      const release = repo.releases.find((candidate) => candidate.tagName === gitTag);
      repo.pulls.push({
        number: nextPullNumber++,
        title: `Publish changelog for ${gitTag}`,
        head: role.changelogBranch.replace('{gitTag}', gitTag),
        base: repo.defaultBranch,
        state: 'open',
        body: `This changelog PR was automatically generated for @${run.actor} as a result of the ${workflow?.name ?? 'release'} workflow.\n\n${release?.body ?? ''}`,
        author: 'openverse-bot',
        createdAt: iso(endedMs),
      });
    }
    if (role?.kind === 'deploy') {
      const tag = run.inputs?.tag ?? (typeof run.clientPayload?.tag === 'string' ? run.clientPayload.tag : '');
      const commit = imageCommit(role.app, tag);
      const environment = world.environments.find((candidate) => candidate.app === role.app && candidate.environment === role.environment);
      if (commit !== undefined && environment !== undefined) {
        environment.release = commit;
      }
    }
  }

  function repositoryDispatch(repo: WorldRepo, eventType: string, clientPayload: Record<string, unknown>, actor: string, createdMs: number): void {
    const head = headOf(repo);
    for (const workflow of repo.workflows) {
      if (workflow.on.repositoryDispatch?.includes(eventType) === true) {
        startRun(repo, workflow, { event: 'repository_dispatch', actor, headBranch: repo.defaultBranch, headSha: head.sha, clientPayload, fallbackTitle: eventType, createdMs });
      }
    }
  }

  // ---------------------------------------------------------------- GitHub's JSON shapes

  // Pure functions of their arguments, asked for hundreds of times by a page of runs: computed once each.
  const userJsonMemo = new Map<string, Record<string, unknown>>();
  const repoJsonMemo = new Map<string, Record<string, unknown>>();

  function userJson(login: string): Record<string, unknown> {
    const known = userJsonMemo.get(login);
    if (known !== undefined) {
      return known;
    }
    const json = userJsonUncached(login);
    userJsonMemo.set(login, json);
    return json;
  }

  function userJsonUncached(login: string): Record<string, unknown> {
    const id = parseInt(createHash('sha1').update(login).digest('hex').slice(0, 7), 16);
    const url = `https://api.github.com/users/${login}`;
    return {
      login,
      id,
      node_id: Buffer.from(`U_${login}`).toString('base64'),
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url,
      html_url: `https://github.com/${login}`,
      followers_url: `${url}/followers`,
      following_url: `${url}/following{/other_user}`,
      gists_url: `${url}/gists{/gist_id}`,
      starred_url: `${url}/starred{/owner}{/repo}`,
      subscriptions_url: `${url}/subscriptions`,
      organizations_url: `${url}/orgs`,
      repos_url: `${url}/repos`,
      events_url: `${url}/events{/privacy}`,
      received_events_url: `${url}/received_events`,
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
      site_admin: false,
    };
  }

  function repoJson(repo: WorldRepo, base: string, full = false): Record<string, unknown> {
    if (full) {
      return repoJsonUncached(repo, base, true);
    }
    const key = `${repo.fullName}|${String(repo.private)}|${repo.defaultBranch}|${base}`;
    const known = repoJsonMemo.get(key);
    if (known !== undefined) {
      return known;
    }
    const json = repoJsonUncached(repo, base, false);
    repoJsonMemo.set(key, json);
    return json;
  }

  function repoJsonUncached(repo: WorldRepo, base: string, full: boolean): Record<string, unknown> {
    const [owner = ''] = repo.fullName.split('/');
    const url = `${base}/repos/${repo.fullName}`;
    const templates = Object.fromEntries(
      (
        [
          ['archive_url', '/{archive_format}{/ref}'], ['assignees_url', '/assignees{/user}'], ['blobs_url', '/git/blobs{/sha}'], ['branches_url', '/branches{/branch}'],
          ['collaborators_url', '/collaborators{/collaborator}'], ['comments_url', '/comments{/number}'], ['commits_url', '/commits{/sha}'], ['compare_url', '/compare/{base}...{head}'],
          ['contents_url', '/contents/{+path}'], ['contributors_url', '/contributors'], ['deployments_url', '/deployments'], ['downloads_url', '/downloads'], ['events_url', '/events'],
          ['forks_url', '/forks'], ['git_commits_url', '/git/commits{/sha}'], ['git_refs_url', '/git/refs{/sha}'], ['git_tags_url', '/git/tags{/sha}'], ['hooks_url', '/hooks'],
          ['issue_comment_url', '/issues/comments{/number}'], ['issue_events_url', '/issues/events{/number}'], ['issues_url', '/issues{/number}'], ['keys_url', '/keys{/key_id}'],
          ['labels_url', '/labels{/name}'], ['languages_url', '/languages'], ['merges_url', '/merges'], ['milestones_url', '/milestones{/number}'],
          ['notifications_url', '/notifications{?since,all,participating}'], ['pulls_url', '/pulls{/number}'], ['releases_url', '/releases{/id}'], ['stargazers_url', '/stargazers'],
          ['statuses_url', '/statuses/{sha}'], ['subscribers_url', '/subscribers'], ['subscription_url', '/subscription'], ['tags_url', '/tags'], ['teams_url', '/teams'], ['trees_url', '/git/trees{/sha}'],
        ] as const
      ).map(([key, suffix]) => [key, `${url}${suffix}`]),
    );
    const minimal = {
      id: parseInt(createHash('sha1').update(repo.fullName).digest('hex').slice(0, 7), 16),
      node_id: Buffer.from(`R_${repo.fullName}`).toString('base64'),
      name: repo.fullName.split('/')[1],
      full_name: repo.fullName,
      private: repo.private,
      owner: userJson(owner),
      html_url: `https://github.com/${repo.fullName}`,
      description: null,
      fork: false,
      url,
      ...templates,
      default_branch: repo.defaultBranch,
      visibility: repo.private ? 'private' : 'public',
      archived: false,
      disabled: false,
    };
    if (!full) {
      return minimal;
    }
    const head = repo.commits[repo.commits.length - 1];
    return {
      ...minimal,
      clone_url: `https://github.com/${repo.fullName}.git`,
      git_url: `git://github.com/${repo.fullName}.git`,
      ssh_url: `git@github.com:${repo.fullName}.git`,
      svn_url: `https://github.com/${repo.fullName}`,
      mirror_url: null,
      homepage: null,
      language: 'Python',
      forks: 0,
      forks_count: 0,
      stargazers_count: 0,
      watchers: 0,
      watchers_count: 0,
      size: 1024,
      open_issues: 0,
      open_issues_count: 0,
      has_issues: true,
      has_projects: true,
      has_wiki: false,
      has_pages: false,
      has_discussions: false,
      has_downloads: true,
      license: null,
      pushed_at: head?.date ?? '2026-01-01T00:00:00Z',
      created_at: '2020-01-01T00:00:00Z',
      updated_at: head?.date ?? '2026-01-01T00:00:00Z',
      network_count: 0,
      subscribers_count: 0,
    };
  }

  function releaseJson(repo: WorldRepo, release: WorldRelease, base: string, html: boolean): Record<string, unknown> {
    const url = `${base}/repos/${repo.fullName}/releases/${release.id}`;
    const tagPath = release.draft ? `untagged-${createHash('sha1').update(String(release.id)).digest('hex').slice(0, 20)}` : `tag/${release.tagName}`;
    return {
      url,
      html_url: `https://github.com/${repo.fullName}/releases/${tagPath}`,
      assets_url: `${url}/assets`,
      upload_url: `https://uploads.github.com/repos/${repo.fullName}/releases/${release.id}/assets{?name,label}`,
      tarball_url: release.draft ? null : `${base}/repos/${repo.fullName}/tarball/${release.tagName}`,
      zipball_url: release.draft ? null : `${base}/repos/${repo.fullName}/zipball/${release.tagName}`,
      id: release.id,
      node_id: Buffer.from(`RE_${release.id}`).toString('base64'),
      tag_name: release.tagName,
      target_commitish: release.targetCommitish,
      name: release.name,
      draft: release.draft,
      prerelease: release.prerelease,
      immutable: false,
      created_at: release.createdAt,
      updated_at: release.publishedAt ?? release.createdAt,
      published_at: release.publishedAt,
      author: userJson(release.author),
      assets: [],
      body: release.body,
      ...(html ? { body_html: renderMarkdown(release.body) } : {}),
    };
  }

  function commitJson(repo: WorldRepo, commit: WorldCommit, parent: WorldCommit | undefined, base: string): Record<string, unknown> {
    const url = `${base}/repos/${repo.fullName}/commits/${commit.sha}`;
    const person = { name: commit.author, email: `${commit.author}@users.noreply.github.com`, date: commit.date };
    return {
      url,
      sha: commit.sha,
      node_id: Buffer.from(`C_${commit.sha}`).toString('base64'),
      html_url: `https://github.com/${repo.fullName}/commit/${commit.sha}`,
      comments_url: `${url}/comments`,
      commit: {
        url: `${base}/repos/${repo.fullName}/git/commits/${commit.sha}`,
        author: person,
        committer: person,
        message: commit.message,
        comment_count: 0,
        tree: { sha: createHash('sha1').update(`tree-${commit.sha}`).digest('hex'), url: `${base}/repos/${repo.fullName}/git/trees/${commit.sha}` },
      },
      author: userJson(commit.author),
      committer: userJson(commit.author),
      parents: parent !== undefined ? [{ sha: parent.sha, url: `${base}/repos/${repo.fullName}/commits/${parent.sha}`, html_url: `https://github.com/${repo.fullName}/commit/${parent.sha}` }] : [],
    };
  }

  function workflowJson(repo: WorldRepo, workflow: WorldWorkflow, base: string): Record<string, unknown> {
    return {
      id: workflow.id,
      node_id: Buffer.from(`W_${workflow.id}`).toString('base64'),
      name: workflow.name,
      path: workflow.path,
      state: 'active',
      created_at: '2023-01-01T00:00:00Z',
      updated_at: '2025-01-01T00:00:00Z',
      url: `${base}/repos/${repo.fullName}/actions/workflows/${workflow.id}`,
      html_url: `https://github.com/${repo.fullName}/blob/${repo.defaultBranch}/${workflow.path}`,
      badge_url: `https://github.com/${repo.fullName}/workflows/${encodeURIComponent(workflow.name)}/badge.svg`,
    };
  }

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
  const runNumbersOf = indexedBy((runs: readonly WorldRun[]) => {
    const perWorkflow = new Map<string, number>();
    const numbers = new Map<number, number>();
    for (const candidate of [...runs].sort((a, b) => a.id - b.id)) {
      const next = (perWorkflow.get(candidate.workflowPath) ?? 0) + 1;
      perWorkflow.set(candidate.workflowPath, next);
      numbers.set(candidate.id, next);
    }
    return numbers;
  });

  const commitsByShaOf = indexedBy((commits: readonly WorldCommit[]) => {
    const bySha = new Map<string, WorldCommit>();
    for (const commit of commits) {
      if (!bySha.has(commit.sha)) {
        bySha.set(commit.sha, commit);
      }
    }
    return bySha;
  });

  function runJson(repo: WorldRepo, run: WorldRun, base: string): Record<string, unknown> {
    const workflow = repo.workflows.find((candidate) => candidate.path === run.workflowPath);
    const state = runStatus(run);
    const url = `${base}/repos/${repo.fullName}/actions/runs/${run.id}`;
    const sameWorkflow = runNumbersOf(repo.runs).get(run.id) ?? 0;
    const head = commitsByShaOf(repo.commits).get(run.headSha);
    return {
      id: run.id,
      name: workflow?.name ?? run.workflowPath,
      node_id: Buffer.from(`WFR_${run.id}`).toString('base64'),
      check_suite_id: run.id * 10,
      check_suite_node_id: Buffer.from(`CS_${run.id}`).toString('base64'),
      head_branch: run.headBranch,
      head_sha: run.headSha,
      path: run.workflowPath,
      display_title: run.displayTitle,
      run_number: sameWorkflow,
      event: run.event,
      status: state.status,
      conclusion: state.conclusion,
      workflow_id: workflow?.id ?? 0,
      url,
      html_url: `https://github.com/${repo.fullName}/actions/runs/${run.id}`,
      pull_requests: [],
      created_at: run.createdAt,
      updated_at: iso(state.updatedMs),
      run_started_at: iso(state.startedMs),
      run_attempt: 1,
      actor: userJson(run.actor),
      triggering_actor: userJson(run.actor),
      jobs_url: `${url}/jobs`,
      logs_url: `${url}/logs`,
      check_suite_url: `${base}/repos/${repo.fullName}/check-suites/${run.id * 10}`,
      artifacts_url: `${url}/artifacts`,
      cancel_url: `${url}/cancel`,
      rerun_url: `${url}/rerun`,
      previous_attempt_url: null,
      workflow_url: `${base}/repos/${repo.fullName}/actions/workflows/${workflow?.id ?? 0}`,
      head_commit: head !== undefined
        ? { id: head.sha, tree_id: createHash('sha1').update(`tree-${head.sha}`).digest('hex'), message: head.message, timestamp: head.date, author: { name: head.author, email: `${head.author}@users.noreply.github.com` }, committer: { name: head.author, email: `${head.author}@users.noreply.github.com` } }
        : null,
      repository: repoJson(repo, base),
      head_repository: repoJson(repo, base),
    };
  }

  function pullJson(repo: WorldRepo, pull: WorldPull, base: string): Record<string, unknown> {
    const url = `${base}/repos/${repo.fullName}/pulls/${pull.number}`;
    const [owner = ''] = repo.fullName.split('/');
    const head = headOf(repo);
    const branch = (ref: string) => ({ label: `${owner}:${ref}`, ref, sha: head.sha, user: userJson(owner), repo: repoJson(repo, base) });
    return {
      url,
      id: pull.number * 7,
      node_id: Buffer.from(`PR_${pull.number}`).toString('base64'),
      html_url: `https://github.com/${repo.fullName}/pull/${pull.number}`,
      diff_url: `https://github.com/${repo.fullName}/pull/${pull.number}.diff`,
      patch_url: `https://github.com/${repo.fullName}/pull/${pull.number}.patch`,
      issue_url: `${base}/repos/${repo.fullName}/issues/${pull.number}`,
      commits_url: `${url}/commits`,
      review_comments_url: `${url}/comments`,
      review_comment_url: `${base}/repos/${repo.fullName}/pulls/comments{/number}`,
      comments_url: `${base}/repos/${repo.fullName}/issues/${pull.number}/comments`,
      statuses_url: `${base}/repos/${repo.fullName}/statuses/${head.sha}`,
      number: pull.number,
      state: pull.state,
      locked: false,
      title: pull.title,
      user: userJson(pull.author),
      body: pull.body,
      labels: [],
      milestone: null,
      active_lock_reason: null,
      created_at: pull.createdAt,
      updated_at: pull.createdAt,
      closed_at: null,
      merged_at: null,
      merge_commit_sha: null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: branch(pull.head),
      base: branch(pull.base),
      _links: {
        self: { href: url },
        html: { href: `https://github.com/${repo.fullName}/pull/${pull.number}` },
        issue: { href: `${base}/repos/${repo.fullName}/issues/${pull.number}` },
        comments: { href: `${base}/repos/${repo.fullName}/issues/${pull.number}/comments` },
        review_comments: { href: `${url}/comments` },
        review_comment: { href: `${base}/repos/${repo.fullName}/pulls/comments{/number}` },
        commits: { href: `${url}/commits` },
        statuses: { href: `${base}/repos/${repo.fullName}/statuses/${head.sha}` },
      },
      author_association: 'MEMBER',
      auto_merge: null,
      draft: false,
    };
  }

  // ---------------------------------------------------------------- lists

  function paginate<T>(items: readonly T[], context: Context): { page: T[]; headers: Record<string, string> } {
    const perPage = Math.min(Math.max(parseInt(context.query.get('per_page') ?? '30', 10) || 30, 1), 100);
    const pageNumber = Math.max(parseInt(context.query.get('page') ?? '1', 10) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const page = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
    const link = (n: number, rel: string): string => {
      const query = new URLSearchParams(context.query);
      query.set('page', String(n));
      query.set('per_page', String(perPage));
      return `<${context.baseUrl}${context.path}?${query.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (pageNumber < last) {
      links.push(link(pageNumber + 1, 'next'), link(last, 'last'));
    }
    if (pageNumber > 1) {
      links.push(link(1, 'first'), link(pageNumber - 1, 'prev'));
    }
    return { page, headers: links.length > 0 ? { link: links.join(', ') } : {} };
  }

  /** A run GitHub will create later (a dispatch accepted, its run not created yet) is in no answer. */
  function existsYet(run: WorldRun): boolean {
    return Date.parse(run.createdAt) <= nowMs();
  }

  function filterRuns(runs: readonly WorldRun[], query: URLSearchParams): WorldRun[] {
    const event = query.get('event');
    const status = query.get('status');
    const branch = query.get('branch');
    const created = query.get('created');
    const actor = query.get('actor');
    return runs
      .filter(existsYet)
      .filter((run) => event === null || run.event === event)
      .filter((run) => branch === null || run.headBranch === branch)
      .filter((run) => actor === null || run.actor === actor)
      .filter((run) => {
        if (status === null) {
          return true;
        }
        const state = runStatus(run);
        return state.status === status || state.conclusion === status;
      })
      .filter((run) => created === null || matchesDateFilter(run.createdAt, created))
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
  }

  function matchesDateFilter(value: string, filter: string): boolean {
    const at = Date.parse(value);
    const range = /^(.+)\.\.(.+)$/.exec(filter);
    if (range !== null) {
      return at >= Date.parse(range[1] ?? '') && at <= Date.parse(range[2] ?? '');
    }
    const comparison = /^(>=|<=|>|<)?(.+)$/.exec(filter);
    const bound = Date.parse(comparison?.[2] ?? '');
    if (Number.isNaN(bound)) {
      throw new HttpError(422, `Invalid created filter: ${filter}`);
    }
    switch (comparison?.[1]) {
      case '>=':
        return at >= bound;
      case '<=':
        return at <= bound;
      case '>':
        return at > bound;
      case '<':
        return at < bound;
      default:
        return new Date(at).toISOString().slice(0, 10) === new Date(bound).toISOString().slice(0, 10);
    }
  }

  // ---------------------------------------------------------------- routes

  const routes: Array<[string, RegExp, Handler]> = [];
  const route = (method: string, pattern: string, handler: Handler): void => {
    const regex = new RegExp(`^${pattern.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'rest' ? '(.+)' : '([^/]+)'))}$`);
    routes.push([method, regex, handler]);
  };
  const repoRoute = (method: string, suffix: string, handler: (context: Context, repo: WorldRepo, match: RegExpMatchArray) => Reply): void => {
    route(method, `/repos/{owner}/{repo}${suffix}`, (context, match) => handler(context, visibleRepo(context.token, match[1] ?? '', match[2] ?? ''), match));
  };

  route('GET', '/user', (context) => ({
    status: 200,
    body: {
      ...userJson(context.token.login),
      user_view_type: 'private',
      name: context.token.login,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      public_repos: 0,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: '2020-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      private_gists: 0,
      total_private_repos: 0,
      owned_private_repos: 0,
      disk_usage: 0,
      collaborators: 0,
      two_factor_authentication: true,
    },
  }));
  repoRoute('GET', '', (context, repo) => ({ status: 200, body: repoJson(repo, context.baseUrl, true) }));

  repoRoute('GET', '/releases', (context, repo) => {
    const sorted = [...repo.releases].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
    const { page, headers } = paginate(sorted, context);
    return { status: 200, body: page.map((release) => releaseJson(repo, release, context.baseUrl, wantsHtml(context))), headers };
  });
  repoRoute('GET', '/releases/tags/{tag}', (context, repo, match) => {
    const release = repo.releases.find((candidate) => !candidate.draft && candidate.tagName === decodeURIComponent(match[3] ?? ''));
    if (release === undefined) {
      throw new HttpError(404, 'Not Found');
    }
    return { status: 200, body: releaseJson(repo, release, context.baseUrl, wantsHtml(context)) };
  });
  repoRoute('GET', '/releases/{id}', (context, repo, match) => ({ status: 200, body: releaseJson(repo, releaseById(repo, match[3]), context.baseUrl, wantsHtml(context)) }));
  repoRoute('PATCH', '/releases/{id}', (context, repo, match) => {
    requireScope(context, 'repo');
    const release = releaseById(repo, match[3]);
    const body = asRecord(context.body);
    if (typeof body.body === 'string') {
      release.body = body.body;
    }
    if (typeof body.name === 'string') {
      release.name = body.name;
    }
    // "Update a release" takes tag_name and target_commitish too, applied before the draft is published.
    if (typeof body.tag_name === 'string' && body.tag_name !== '') {
      release.tagName = body.tag_name;
    }
    if (typeof body.target_commitish === 'string' && body.target_commitish !== '') {
      release.targetCommitish = body.target_commitish;
    }
    if (body.draft === false && release.draft) {
      const target = resolveRef(repo, release.targetCommitish);
      if (target === undefined) {
        throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'Release', code: 'invalid', field: 'target_commitish' }] });
      }
      if (repo.tags.some((tag) => tag.name === release.tagName)) {
        throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] });
      }
      const commit = repo.commits[target];
      if (commit === undefined) {
        throw new HttpError(422, 'Validation Failed');
      }
      release.draft = false;
      release.publishedAt = iso();
      repo.tags.push({ name: release.tagName, sha: commit.sha });
      for (const workflow of repo.workflows) {
        if (workflow.on.release?.includes('released') === true || workflow.on.release?.includes('published') === true) {
          startRun(repo, workflow, { event: 'release', actor: context.token.login, headBranch: release.tagName, headSha: commit.sha, fallbackTitle: release.name, createdMs: nowMs() });
        }
      }
    }
    return { status: 200, body: releaseJson(repo, release, context.baseUrl, false) };
  });

  repoRoute('GET', '/tags', (context, repo) => {
    const sorted = [...repo.tags].sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    const { page, headers } = paginate(sorted, context);
    return {
      status: 200,
      headers,
      body: page.map((tag) => ({
        name: tag.name,
        commit: { sha: tag.sha, url: `${context.baseUrl}/repos/${repo.fullName}/commits/${tag.sha}` },
        zipball_url: `${context.baseUrl}/repos/${repo.fullName}/zipball/refs/tags/${tag.name}`,
        tarball_url: `${context.baseUrl}/repos/${repo.fullName}/tarball/refs/tags/${tag.name}`,
        node_id: Buffer.from(`T_${tag.name}`).toString('base64'),
      })),
    };
  });
  const refJson = (repo: WorldRepo, ref: string, sha: string, base: string): Record<string, unknown> => ({
    ref,
    node_id: Buffer.from(`REF_${ref}`).toString('base64'),
    url: `${base}/repos/${repo.fullName}/git/${ref}`,
    object: { type: 'commit', sha, url: `${base}/repos/${repo.fullName}/git/commits/${sha}` },
  });
  const allRefs = (repo: WorldRepo): Array<[string, string]> => [
    [`refs/heads/${repo.defaultBranch}`, headOf(repo).sha],
    ...repo.tags.map((tag): [string, string] => [`refs/tags/${tag.name}`, tag.sha]),
  ];
  repoRoute('GET', '/git/matching-refs/{rest}', (context, repo, match) => {
    const prefix = `refs/${decodeURIComponent(match[3] ?? '')}`;
    return { status: 200, body: allRefs(repo).filter(([ref]) => ref.startsWith(prefix)).map(([ref, sha]) => refJson(repo, ref, sha, context.baseUrl)) };
  });
  repoRoute('GET', '/git/ref/{rest}', (context, repo, match) => {
    const wanted = `refs/${decodeURIComponent(match[3] ?? '')}`;
    const found = allRefs(repo).find(([ref]) => ref === wanted);
    if (found === undefined) {
      throw new HttpError(404, 'Not Found');
    }
    return { status: 200, body: refJson(repo, found[0], found[1], context.baseUrl) };
  });

  repoRoute('GET', '/commits', (context, repo) => {
    const start = resolveRef(repo, context.query.get('sha') ?? repo.defaultBranch);
    if (start === undefined) {
      throw new HttpError(404, `No commit found for SHA: ${context.query.get('sha') ?? ''}`);
    }
    // `path`: only the commits that changed that file, or a file under that folder.
    const path = context.query.get('path')?.replace(/\/+$/, '');
    const touches = (commit: WorldCommit): boolean => path === undefined || path === '' || (commit.files ?? []).some((file) => file.filename === path || file.filename.startsWith(`${path}/`));
    const history = repo.commits.slice(0, start + 1).reverse().filter(touches);
    const { page, headers } = paginate(history, context);
    return { status: 200, headers, body: page.map((commit) => commitJson(repo, commit, repo.commits[repo.commits.indexOf(commit) - 1], context.baseUrl)) };
  });
  repoRoute('GET', '/commits/{ref}', (context, repo, match) => {
    const index = resolveRef(repo, decodeURIComponent(match[3] ?? ''));
    const commit = index !== undefined ? repo.commits[index] : undefined;
    if (index === undefined || commit === undefined) {
      throw new HttpError(422, `No commit found for SHA: ${match[3] ?? ''}`);
    }
    return { status: 200, body: { ...commitJson(repo, commit, repo.commits[index - 1], context.baseUrl), files: (commit.files ?? []).map((file) => fileJson(file)) } };
  });
  repoRoute('GET', '/compare/{rest}', (context, repo, match) => {
    const [baseRef = '', headRef = ''] = decodeURIComponent(match[3] ?? '').split('...');
    const baseIndex = resolveRef(repo, baseRef);
    const headIndex = resolveRef(repo, headRef);
    if (baseIndex === undefined || headIndex === undefined) {
      throw new HttpError(404, `Not Found`);
    }
    const aheadBy = Math.max(headIndex - baseIndex, 0);
    const behindBy = Math.max(baseIndex - headIndex, 0);
    const commits = repo.commits.slice(baseIndex + 1, headIndex + 1);
    const files = new Map<string, { filename: string; patch?: string }>();
    for (const commit of commits) {
      for (const file of commit.files ?? []) {
        files.set(file.filename, file);
      }
    }
    const mergeBase = repo.commits[Math.min(baseIndex, headIndex)];
    const baseCommit = repo.commits[baseIndex];
    if (mergeBase === undefined || baseCommit === undefined) {
      throw new HttpError(404, 'Not Found');
    }
    return {
      status: 200,
      body: {
        url: `${context.baseUrl}/repos/${repo.fullName}/compare/${baseRef}...${headRef}`,
        html_url: `https://github.com/${repo.fullName}/compare/${baseRef}...${headRef}`,
        permalink_url: `https://github.com/${repo.fullName}/compare/${baseCommit.sha}...${repo.commits[headIndex]?.sha ?? ''}`,
        diff_url: `https://github.com/${repo.fullName}/compare/${baseRef}...${headRef}.diff`,
        patch_url: `https://github.com/${repo.fullName}/compare/${baseRef}...${headRef}.patch`,
        base_commit: commitJson(repo, baseCommit, repo.commits[baseIndex - 1], context.baseUrl),
        merge_base_commit: commitJson(repo, mergeBase, repo.commits[repo.commits.indexOf(mergeBase) - 1], context.baseUrl),
        status: aheadBy > 0 ? 'ahead' : behindBy > 0 ? 'behind' : 'identical',
        ahead_by: aheadBy,
        behind_by: behindBy,
        total_commits: commits.length,
        commits: commits.map((commit) => commitJson(repo, commit, repo.commits[repo.commits.indexOf(commit) - 1], context.baseUrl)),
        files: [...files.values()].map((file) => fileJson(file)),
      },
    };
  });

  repoRoute('GET', '/actions/workflows', (context, repo) => ({
    status: 200,
    body: { total_count: repo.workflows.length, workflows: repo.workflows.map((workflow) => workflowJson(repo, workflow, context.baseUrl)) },
  }));
  repoRoute('GET', '/actions/workflows/{id}', (context, repo, match) => ({ status: 200, body: workflowJson(repo, workflowOf(repo, decodeURIComponent(match[3] ?? '')), context.baseUrl) }));
  repoRoute('GET', '/actions/workflows/{id}/runs', (context, repo, match) => {
    const workflow = workflowOf(repo, decodeURIComponent(match[3] ?? ''));
    const runs = filterRuns(repo.runs.filter((run) => run.workflowPath === workflow.path), context.query);
    const { page, headers } = paginate(runs, context);
    return { status: 200, headers, body: { total_count: runs.length, workflow_runs: page.map((run) => runJson(repo, run, context.baseUrl)) } };
  });
  repoRoute('POST', '/actions/workflows/{id}/dispatches', (context, repo, match) => {
    requireScope(context, 'workflow');
    const workflow = workflowOf(repo, decodeURIComponent(match[3] ?? ''));
    const body = asRecord(context.body);
    const declared = workflow.on.workflowDispatch;
    if (declared === undefined) {
      throw new HttpError(422, "Workflow does not have 'workflow_dispatch' trigger");
    }
    const ref = typeof body.ref === 'string' ? body.ref : '';
    const refIndex = resolveRef(repo, ref);
    const refCommit = refIndex !== undefined ? repo.commits[refIndex] : undefined;
    if (ref === '' || refCommit === undefined) {
      throw new HttpError(422, `No ref found for: ${ref}`);
    }
    const given = body.inputs === undefined ? {} : asRecord(body.inputs);
    const unexpected = Object.keys(given).filter((name) => !(name in declared));
    if (unexpected.length > 0) {
      throw new HttpError(422, `Unexpected inputs provided: ${JSON.stringify(unexpected)}`);
    }
    const inputs: Record<string, string> = {};
    for (const [name, spec] of Object.entries(declared)) {
      const value = given[name];
      if (value !== undefined && typeof value !== 'string') {
        throw new HttpError(422, `Invalid value for input '${name}'`);
      }
      if ((value === undefined || value === '') && spec.required === true && spec.default === undefined) {
        throw new HttpError(422, `Required input '${name}' not provided`);
      }
      inputs[name] = value ?? spec.default ?? '';
    }
    const run = startRun(repo, workflow, { event: 'workflow_dispatch', actor: context.token.login, headBranch: ref.replace(/^refs\/heads\//, ''), headSha: refCommit.sha, inputs, fallbackTitle: workflow.name, createdMs: nowMs() + (context.runCreatedLateMs ?? 0) });
    if (body.return_run_details === true) {
      return {
        status: 200,
        body: { workflow_run_id: run.id, run_url: `${context.baseUrl}/repos/${repo.fullName}/actions/runs/${run.id}`, html_url: `https://github.com/${repo.fullName}/actions/runs/${run.id}` },
      };
    }
    return { status: 204 };
  });
  repoRoute('GET', '/actions/runs', (context, repo) => {
    const runs = filterRuns(repo.runs, context.query);
    const { page, headers } = paginate(runs, context);
    return { status: 200, headers, body: { total_count: runs.length, workflow_runs: page.map((run) => runJson(repo, run, context.baseUrl)) } };
  });
  repoRoute('GET', '/actions/runs/{id}', (context, repo, match) => {
    const run = repo.runs.filter(existsYet).find((candidate) => String(candidate.id) === match[3]);
    if (run === undefined) {
      throw new HttpError(404, 'Not Found');
    }
    return { status: 200, body: runJson(repo, run, context.baseUrl) };
  });
  repoRoute('POST', '/dispatches', (context, repo) => {
    requireScope(context, 'repo');
    const body = asRecord(context.body);
    if (typeof body.event_type !== 'string' || body.event_type === '') {
      throw new HttpError(422, 'Invalid request.\n\nNo event_type provided.');
    }
    repositoryDispatch(repo, body.event_type, body.client_payload === undefined ? {} : asRecord(body.client_payload), context.token.login, nowMs());
    return { status: 204 };
  });
  repoRoute('GET', '/pulls', (context, repo) => {
    const state = context.query.get('state') ?? 'open';
    const head = context.query.get('head');
    const pulls = repo.pulls
      .filter((pull) => state === 'all' || pull.state === state)
      .filter((pull) => head === null || head.split(':').pop() === pull.head)
      .sort((a, b) => b.number - a.number);
    const { page, headers } = paginate(pulls, context);
    return { status: 200, headers, body: page.map((pull) => pullJson(repo, pull, context.baseUrl)) };
  });

  function releaseById(repo: WorldRepo, id: string | undefined): WorldRelease {
    const release = repo.releases.find((candidate) => String(candidate.id) === id);
    if (release === undefined) {
      throw new HttpError(404, 'Not Found');
    }
    return release;
  }

  function fileJson(file: { filename: string; patch?: string }): Record<string, unknown> {
    const additions = (file.patch ?? '').split('\n').filter((line) => line.startsWith('+')).length;
    const deletions = (file.patch ?? '').split('\n').filter((line) => line.startsWith('-')).length;
    const sha = createHash('sha1').update(file.filename + (file.patch ?? '')).digest('hex');
    return {
      sha,
      filename: file.filename,
      status: 'modified',
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `https://github.com/blob/${sha}/${file.filename}`,
      raw_url: `https://github.com/raw/${sha}/${file.filename}`,
      contents_url: `https://api.github.com/contents/${file.filename}`,
      ...(file.patch !== undefined ? { patch: file.patch } : {}),
    };
  }

  function wantsHtml(context: Context): boolean {
    const accept = context.headers.accept ?? '';
    return /html\+json|full\+json/.test(accept);
  }

  function requireScope(context: Context, scope: string): void {
    if (context.token.scopes !== null && !context.token.scopes.includes(scope)) {
      throw new HttpError(403, scope === 'workflow' ? 'Resource not accessible by personal access token (the workflow scope is required)' : 'Resource not accessible by personal access token');
    }
  }

  // ---------------------------------------------------------------- admin

  function admin(method: string, path: string, query: URLSearchParams, body: unknown): Reply {
    const fields = body === undefined ? {} : asRecord(body);
    if (method === 'POST' && path === '/_admin/clock') {
      const seconds = Number(fields.advanceSeconds);
      if (!Number.isFinite(seconds) || seconds < 0) {
        throw new HttpError(422, 'advanceSeconds must be a non-negative number');
      }
      advancedMs += seconds * 1000;
      settle();
      return { status: 200, body: { now: iso() } };
    }
    if (method === 'GET' && path === '/_admin/clock') {
      return { status: 200, body: { now: iso() } };
    }
    if (method === 'POST' && path === '/_admin/faults') {
      const fault = parseFault(fields);
      faults.push(fault);
      return { status: 201, body: fault };
    }
    if (method === 'DELETE' && path === '/_admin/faults') {
      faults.length = 0;
      return { status: 204 };
    }
    if (method === 'POST' && path === '/_admin/fail-next-run') {
      const workflowPath = typeof fields.workflowPath === 'string' ? fields.workflowPath : '';
      world.failNextRuns[workflowPath] = (world.failNextRuns[workflowPath] ?? 0) + (Number(fields.count) || 1);
      return { status: 200, body: world.failNextRuns };
    }
    if (method === 'POST' && (path === '/_admin/tokens/revoke' || path === '/_admin/tokens/restore')) {
      const token = typeof fields.token === 'string' ? fields.token : '';
      if (path.endsWith('revoke')) {
        const known = world.tokens.find((candidate) => candidate.token === token);
        if (known === undefined) {
          throw new HttpError(404, 'no such token');
        }
        revoked.set(token, known);
        (world.tokens as WorldToken[]).splice(world.tokens.indexOf(known), 1);
      } else {
        const saved = revoked.get(token);
        if (saved === undefined) {
          throw new HttpError(404, 'that token was not revoked');
        }
        (world.tokens as WorldToken[]).push(saved);
        revoked.delete(token);
      }
      return { status: 204 };
    }
    if (method === 'POST' && path === '/_admin/latency') {
      latencyMs = Number(fields.ms) || 0;
      return { status: 200, body: { latencyMs } };
    }
    if (method === 'GET' && path === '/_admin/stats') {
      const cpu = process.cpuUsage();
      return { status: 200, body: { ...stats, cpuMs: (cpu.user + cpu.system) / 1000, log: query.get('log') === 'all' ? stats.log : stats.log.slice(-200) } };
    }
    if (method === 'POST' && path === '/_admin/stats/reset') {
      resetStats();
      return { status: 204 };
    }
    if (method === 'GET' && path === '/_admin/world') {
      settle();
      return { status: 200, body: world };
    }
    if (method === 'POST' && path === '/_admin/push') {
      // A merge to the monorepo's default branch (someone else's, on GitHub): a new commit becomes the
      // head of the branch, so `GET …/git/ref/heads/{branch}` answers it from now on (GitHub's "Get a
      // reference"), and a release targeting the branch by name is tagged on it when published.
      const repo = world.repos[0];
      if (repo === undefined) {
        throw new HttpError(404, 'no repository');
      }
      const message = typeof fields.message === 'string' && fields.message !== '' ? fields.message : 'A merged pull request';
      const sha = createHash('sha1').update(`${headOf(repo).sha}\n${message}`).digest('hex');
      const commit: WorldCommit = { sha, message, author: 'colleague', date: iso() };
      repo.commits.push(commit);
      return { status: 201, body: commit };
    }
    if (method === 'POST' && path === '/_admin/environment') {
      const environment = world.environments.find((candidate) => candidate.app === fields.app && candidate.environment === fields.environment);
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

  function resetStats(): void {
    stats.requests = 0;
    stats.notModified = 0;
    stats.rateLimitUnits = 0;
    stats.versionRequests = 0;
    stats.log = [];
  }

  // ---------------------------------------------------------------- HTTP

  function rateHeaders(token: WorldToken | undefined): Record<string, string> {
    const hourMs = 3600_000;
    const reset = Math.floor((Math.floor(nowMs() / hourMs) + 1) * hourMs / 1000);
    const used = token !== undefined ? (rateUsed.get(token.token) ?? 0) : 0;
    return {
      'x-ratelimit-limit': String(world.rateLimit),
      'x-ratelimit-remaining': String(Math.max(world.rateLimit - used, 0)),
      'x-ratelimit-used': String(used),
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-resource': 'core',
    };
  }

  function send(response: ServerResponse, reply: Reply, extraHeaders: Record<string, string> = {}): void {
    const headers: Record<string, string> = { 'x-github-api-version-selected': '2022-11-28', ...extraHeaders, ...reply.headers };
    if (reply.body === undefined) {
      response.writeHead(reply.status, headers);
      response.end();
      return;
    }
    const bytes = reply.bytes ?? Buffer.from(JSON.stringify(reply.body));
    response.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(bytes.length), ...headers });
    response.end(bytes);
  }

  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

  /**
   * Answers to GETs already given, serialised with their ETags. A request other than a GET (admin ones
   * included) may change the world, so it starts a new revision; answers also depend on the clock, so
   * its reading is part of the key. GitHub does the same kind of caching on its side: it keeps the
   * simulator's own work from slowing the client it serves.
   */
  let revision = 0;
  const answers = new Map<string, Reply & { readonly bytes: Buffer; readonly etag: string }>();
  const MAX_ANSWERS = 2000;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = (request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url ?? '/', 'http://simulator.invalid');
    const path = url.pathname;
    if (method !== 'GET' && !/^\/_admin\/(?:stats|latency)/.test(path)) {
      revision += 1;
      answers.clear();
    }
    const raw = await readBody(request);
    let body: unknown;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      send(response, { status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCS } });
      return;
    }
    if (path.startsWith('/_admin/')) {
      try {
        send(response, admin(method, path, url.searchParams, body));
      } catch (error) {
        const status = error instanceof HttpError ? error.status : 500;
        send(response, { status, body: { message: error instanceof Error ? error.message : String(error) } });
      }
      return;
    }

    if (latencyMs > 0) {
      await sleep(latencyMs);
    }
    settle();
    const fault = faults.find((candidate) => candidate.remaining > 0 && (candidate.method === undefined || candidate.method === method) && new RegExp(candidate.path).test(path));
    const authorization = request.headers.authorization ?? '';
    const tokenText = /^(?:token|bearer)\s+(.+)$/i.exec(authorization)?.[1]?.trim();
    const token = world.tokens.find((candidate) => candidate.token === tokenText);
    const record = (status: number): void => {
      stats.log.push({ method, path: path + url.search, status, ...(token !== undefined ? { token: token.login } : {}) });
      if (stats.log.length > MAX_LOG) {
        stats.log.splice(0, stats.log.length - MAX_LOG);
      }
    };

    // A lost answer applies the request first (below) and loses its answer afterwards.
    const lost = fault !== undefined && isLostAnswerKind(fault.kind) ? fault : undefined;
    if (fault !== undefined && lost === undefined) {
      fault.remaining -= 1;
      if (!path.startsWith('/live/')) {
        stats.requests += 1;
      } else {
        stats.versionRequests += 1;
      }
      record(fault.status ?? 0);
      switch (fault.kind) {
        case 'reset':
          request.socket.destroy();
          return;
        case 'delay':
          await sleep(fault.delayMs ?? 30_000);
          break;
        case 'stall':
          // Headers and the start of a body, then nothing more: the connection stays open.
          response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...rateHeaders(token) });
          response.write('[{"url": ');
          return;
        case 'malformed':
          response.writeHead(fault.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...rateHeaders(token) });
          response.end('{"truncated": [1, 2');
          return;
        case 'html':
          response.writeHead(fault.status ?? 502, { 'content-type': 'text/html; charset=utf-8' });
          response.end('<!DOCTYPE html><html><head><title>Unicorn! · GitHub</title></head><body><h1>No server is currently available to service your request.</h1></body></html>');
          return;
        case 'rateLimit': {
          // A reset on the wall clock when asked (`resetInSeconds`), so a client's own clock can wait for it.
          const reset = fault.resetInSeconds !== undefined ? { 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + fault.resetInSeconds) } : {};
          const headers = { ...rateHeaders(token), 'x-ratelimit-remaining': '0', 'x-ratelimit-used': String(world.rateLimit), ...reset };
          send(response, { status: fault.status ?? 403, body: { message: `API rate limit exceeded for user ID 1.`, documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api` } }, headers);
          return;
        }
        case 'secondaryRateLimit':
          send(response, { status: fault.status ?? 403, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits` } }, { 'retry-after': String(fault.retryAfterSeconds ?? 1), ...rateHeaders(token) });
          return;
        case 'status':
          send(response, { status: fault.status ?? 500, body: { message: fault.status === 404 ? 'Not Found' : 'Server Error', documentation_url: DOCS } }, rateHeaders(token));
          return;
        default:
          return;
      }
    }

    if (path.startsWith('/live/')) {
      stats.versionRequests += 1;
      const environment = environmentAt(path);
      if (environment === undefined || method !== 'GET') {
        record(404);
        response.writeHead(404, { 'content-type': 'text/html' });
        response.end('<html><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>');
        return;
      }
      record(200);
      send(response, { status: 200, body: versionAnswer(environment) });
      return;
    }

    stats.requests += 1;
    if (token === undefined) {
      record(401);
      send(response, { status: 401, body: { message: authorization === '' ? 'Requires authentication' : 'Bad credentials', documentation_url: DOCS, status: '401' } });
      return;
    }
    const used = rateUsed.get(token.token) ?? 0;
    if (used >= world.rateLimit) {
      record(403);
      send(response, { status: 403, body: { message: `API rate limit exceeded for user ID 1.`, documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api` } }, rateHeaders(token));
      return;
    }
    const late = lost?.kind === 'applyLateThenTimeout' ? { runCreatedLateMs: (lost.lateSeconds ?? 60) * 1000 } : {};
    const context: Context = { method, path, query: url.searchParams, headers: request.headers, body, token, baseUrl: `http://${request.headers.host ?? 'localhost'}`, ...late };
    // On the real clock every answer may differ from the last (runs move on), so nothing is kept.
    const answerKey = method === 'GET' && mode === 'manual' ? `${revision}|${nowMs()}|${request.url ?? ''}|${request.headers.accept ?? ''}|${context.baseUrl}|${token.token}` : '';
    const known = answers.get(answerKey);
    let reply: Reply;
    if (known !== undefined) {
      reply = known;
    } else {
      try {
        const found = routes.find(([routeMethod, regex]) => routeMethod === method && regex.test(path));
        if (found === undefined) {
          throw new HttpError(404, 'Not Found');
        }
        reply = found[2](context, path.match(found[1]) ?? ([] as unknown as RegExpMatchArray));
      } catch (error) {
        if (!(error instanceof HttpError)) {
          throw error;
        }
        reply = { status: error.status, body: { message: error.message, documentation_url: DOCS, ...error.extra, status: String(error.status) } };
      }
    }

    if (method === 'GET' && reply.status === 200 && reply.body !== undefined) {
      const bytes = reply.bytes ?? Buffer.from(JSON.stringify(reply.body));
      const etag = known?.etag ?? `W/"${createHash('sha256').update(bytes).digest('hex').slice(0, 40)}"`;
      if (known === undefined && answerKey !== '') {
        if (answers.size >= MAX_ANSWERS) {
          answers.clear();
        }
        answers.set(answerKey, { ...reply, bytes, etag });
      }
      const ifNoneMatch = request.headers['if-none-match'];
      if (ifNoneMatch !== undefined && ifNoneMatch.split(',').map((value) => value.trim()).includes(etag)) {
        stats.notModified += 1;
        record(304);
        send(response, { status: 304 }, { etag, ...rateHeaders(token) });
        return;
      }
      reply = { ...reply, bytes, headers: { ...reply.headers, etag, 'cache-control': 'private, max-age=60, s-maxage=60' } };
    }
    rateUsed.set(token.token, used + 1);
    stats.rateLimitUnits += 1;
    if (lost !== undefined && isLostAnswerKind(lost.kind)) {
      lost.remaining -= 1;
      record(0);
      await loseAnswer(lost.kind, request, response, lost.delayMs);
      return;
    }
    record(reply.status);
    const scopeHeaders: Record<string, string> = token.scopes !== null ? { 'x-oauth-scopes': token.scopes.join(', '), 'x-accepted-oauth-scopes': '' } : {};
    send(response, reply, { ...rateHeaders(token), ...scopeHeaders });
  }

  /** Environments by their /version path (the list is replaced, never edited in place, when the world is). */
  const environmentsByPath = new WeakMap<readonly WorldEnvironment[], Map<string, WorldEnvironment>>();
  function environmentAt(path: string): WorldEnvironment | undefined {
    let byPath = environmentsByPath.get(world.environments);
    if (byPath === undefined || byPath.size !== world.environments.length) {
      byPath = new Map(world.environments.map((environment) => [environment.path, environment]));
      environmentsByPath.set(world.environments, byPath);
    }
    return byPath.get(path);
  }

  function versionAnswer(environment: WorldEnvironment): Record<string, string> {
    return { release: environment.release, environment: environment.environmentName };
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        send(response, { status: 500, body: { message: `simulator error: ${error instanceof Error ? error.message : String(error)}` } });
      } else {
        response.destroy();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    world,
    stats,
    faults,
    advance(seconds: number) {
      advancedMs += seconds * 1000;
      settle();
    },
    now: () => new Date(nowMs()),
    setLatency(ms: number) {
      latencyMs = ms;
    },
    resetStats,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => {
          resolve();
        });
      }),
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(422, 'Invalid request.\n\nThe body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}
