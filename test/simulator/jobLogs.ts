import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { HttpError } from './errors';
import { listenOnLoopback } from './loopback';
import type { Reply } from './routing';
import type { Simulation } from './state';
import type { WorldRepo, WorldRun } from './world';

/**
 * A job's log, as GitHub serves it ("Download job logs for a workflow run", `GET …/actions/jobs/{job_id}/logs`):
 * the API answers 302 with a `Location` on ANOTHER host ("Gets a redirect URL to download a plain text file
 * of logs for a workflow job. This link expires after 1 minute."; the OpenAPI example points at
 * pipelines.actions.githubusercontent.com). The signed URL is the credential: that host needs no
 * Authorization header. Here the other host is a second loopback server (another origin), which records
 * whether an Authorization header reached it (`GET /_admin/job-logs`, a test hook).
 *
 * The text is plain, one line per output line, each prefixed with its time (`2026-11-26T10:00:01.0000000Z `),
 * with the runner's `##[group]` / `##[error]` commands and the ANSI colours the steps printed.
 * Logs are kept for the repository's retention period ("Configuring the retention period for GitHub Actions
 * artifacts and logs": 90 days by default); past it GitHub answers 410 Gone. Settable through
 * `POST /_admin/job-logs {"retentionDays"?, "hugeMegabytes"?}`: a shorter retention, and a failed step that
 * printed several MB before its error (a huge log).
 */

export interface JobLogSettings {
  retentionDays: number;
  hugeMegabytes: number;
  readonly downloads: Array<{ readonly path: string; readonly authorization: boolean }>;
}

interface SignedLog {
  readonly text: () => Iterable<string>;
  readonly expiresMs: number;
}

export interface LogHost {
  readonly url: string;
  readonly settings: JobLogSettings;
  /** A signed URL for a job's log text, valid one minute of the simulator's clock. */
  sign(text: () => Iterable<string>): string;
  close(): Promise<void>;
}

const hosts = new WeakMap<Simulation, LogHost>();

/** The log host of a simulation (started with it: server.ts). */
export function logHostOf(sim: Simulation): LogHost | undefined {
  return hosts.get(sim);
}

export async function startLogHost(sim: Simulation): Promise<LogHost> {
  const settings: JobLogSettings = { retentionDays: 90, hugeMegabytes: 0, downloads: [] };
  const signed = new Map<string, SignedLog>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://log-host.invalid').pathname;
    settings.downloads.push({ path, authorization: request.headers.authorization !== undefined });
    const log = signed.get(path.slice(1));
    if (log === undefined || sim.clock.nowMs() > log.expiresMs) {
      // As a storage host does for a signature it does not accept (or no longer): 403, an XML body.
      response.writeHead(403, { 'content-type': 'application/xml' });
      response.end('<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Signed expiry time has passed.</Message></Error>');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    const chunks = log.text()[Symbol.iterator]();
    const pump = (): void => {
      for (;;) {
        const next = chunks.next();
        if (next.done === true) {
          response.end();
          return;
        }
        if (!response.write(next.value)) {
          response.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
  const listening = await listenOnLoopback(server);
  const url = `http://127.0.0.1:${listening.port}`;
  const host: LogHost = {
    url,
    settings,
    sign(text) {
      const signature = randomBytes(16).toString('hex');
      signed.set(signature, { text, expiresMs: sim.clock.nowMs() + 60_000 });
      return `${url}/${signature}`;
    },
    close: listening.close,
  };
  hosts.set(sim, host);
  return host;
}

/** `POST /_admin/job-logs {"retentionDays"?, "hugeMegabytes"?}` and `GET /_admin/job-logs` (what reached the log host); undefined for other routes. */
export function adminJobLogs(sim: Simulation, method: string, path: string, fields: Record<string, unknown>): Reply | undefined {
  const host = logHostOf(sim);
  if (path !== '/_admin/job-logs' || host === undefined) {
    return undefined;
  }
  if (method === 'GET') {
    return { status: 200, body: { url: host.url, downloads: host.settings.downloads } };
  }
  if (method === 'POST') {
    if (fields.retentionDays !== undefined) {
      host.settings.retentionDays = Number(fields.retentionDays);
    }
    if (fields.hugeMegabytes !== undefined) {
      host.settings.hugeMegabytes = Number(fields.hugeMegabytes);
    }
    return { status: 200, body: { retentionDays: host.settings.retentionDays, hugeMegabytes: host.settings.hugeMegabytes } };
  }
  throw new HttpError(405, 'Method not allowed');
}

/** The job as `jobsJson` answers it (the fields the log is written from). */
export interface JobAnswer {
  readonly name: string;
  readonly steps: ReadonlyArray<{ readonly name: string; readonly conclusion: string | null; readonly started_at: string | null; readonly completed_at: string | null }>;
}

/** True when the run's logs are past the retention period. */
export function logsExpired(host: LogHost, run: WorldRun, nowMs: number): boolean {
  return nowMs - Date.parse(run.createdAt) > host.settings.retentionDays * 86_400_000;
}

const stamp = (iso: string | null, fallback: string): string => `${(iso ?? fallback).replace(/(\.\d+)?Z$/, '')}.0000000Z`;

/**
 * The log's lines, a chunk at a time: what each step that ran printed; a failed step ends with its
 * error in red and the runner's `##[error]` line. With `hugeMegabytes`, the failed step first prints
 * that many MB of progress lines.
 */
export function* jobLogText(repo: WorldRepo, run: WorldRun, job: JobAnswer, hugeMegabytes: number): Generator<string> {
  const first = stamp(job.steps[0]?.started_at ?? null, run.createdAt);
  yield `${first} Current runner version: '2.321.0'\n${first} Requested labels: ubuntu-latest\n${first} Job defined at: ${repo.fullName}/${run.workflowPath}@refs/heads/${run.headBranch}\n`;
  for (const step of job.steps) {
    if (step.started_at === null || step.conclusion === 'skipped') {
      continue;
    }
    const at = stamp(step.started_at, run.createdAt);
    const end = stamp(step.completed_at, step.started_at);
    yield `${at} ##[group]Run ${step.name}\n${at} \u001b[36;1m${step.name.toLowerCase().replace(/\s+/g, '-')}\u001b[0m\n${at} ##[endgroup]\n`;
    if (step.conclusion === 'failure') {
      const line = `${at} progress: still working on ${step.name} ${'.'.repeat(40)}\n`;
      const lines = Math.ceil((hugeMegabytes * 1024 * 1024) / line.length);
      for (let written = 0; written < lines; written += 1000) {
        yield line.repeat(Math.min(1000, lines - written));
      }
      yield `${end} \u001b[31;1mError: ${failureWords(step.name, run)}\u001b[0m\n${end} ##[error]Process completed with exit code 1.\n`;
    } else {
      yield `${end} ${step.name}: done\n`;
    }
  }
  const last = stamp([...job.steps].reverse().find((step) => step.completed_at !== null)?.completed_at ?? null, run.createdAt);
  yield `${last} Cleaning up orphan processes\n`;
}

/**
 * What a failed step says. A deployment's "Deploy" waits for the ECS service to be stable
 * (`wait-for-service-stability: true`, `wait-for-minutes: 10`, openverse-facts §1.5), and fails with
 * amazon-ecs-deploy-task-definition's message when it is not; a tag check names the tag.
 */
function failureWords(stepName: string, run: WorldRun): string {
  const tag = run.inputs?.tag ?? (typeof run.clientPayload?.tag === 'string' ? run.clientPayload.tag : undefined);
  if (/check the image tag/i.test(stepName)) {
    return `the image tag ${tag ?? ''} was not found among the container package's versions`;
  }
  if (/^deploy$/i.test(stepName)) {
    return 'Resource is not in the state servicesStable (the service did not become stable within 10 minutes)';
  }
  return `${stepName} failed`;
}
