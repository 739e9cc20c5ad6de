import { HttpError } from '../errors';
import { jobsJson, runOfJobId } from '../jobs';
import { jobLogText, logsExpired, type LogHost } from '../jobLogs';
import { cancelRun, rerunFailedJobs } from '../reruns';
import { requireScope, type Router } from '../routing';
import { existsYet } from '../runs';
import type { Shapes } from '../shapes';
import type { Simulation } from '../state';
import type { WorldRepo, WorldRun } from '../world';

/**
 * Acting on a run and reading a job's log: "Cancel a workflow run" (202, `empty-object`), "Re-run failed jobs
 * from a workflow run" (201, `empty-object`; the rules in reruns.ts), and "Download job logs for a workflow
 * run" (302 to a signed URL on the log host, jobLogs.ts; 410 once the logs are past their retention).
 * Classic tokens need the `repo` scope for the two writes (GitHub's docs of both).
 */
export function runControlRoutes(logHost: LogHost): (router: Router, sim: Simulation, shapes: Shapes) => void {
  return ({ repoRoute }, sim) => {
    const visibleRun = (repo: WorldRepo, id: string | undefined): WorldRun => {
      const run = repo.runs.find((candidate) => String(candidate.id) === id);
      if (run === undefined || !existsYet(run, sim.clock.nowMs())) {
        throw new HttpError(404, 'Not Found');
      }
      return run;
    };
    repoRoute('POST', '/actions/runs/{id}/cancel', (context, repo, match) => {
      requireScope(context, 'repo');
      cancelRun(sim, repo, visibleRun(repo, match[3]));
      return { status: 202, body: {} };
    });
    repoRoute('POST', '/actions/runs/{id}/rerun-failed-jobs', (context, repo, match) => {
      requireScope(context, 'repo');
      rerunFailedJobs(sim, repo, visibleRun(repo, match[3]));
      return { status: 201, body: {} };
    });
    repoRoute('GET', '/actions/jobs/{id}/logs', (context, repo, match) => {
      const { runId, jobIndex } = runOfJobId(Number(match[3]));
      const run = visibleRun(repo, String(runId));
      const job = jobsJson(repo, run, context.baseUrl, sim.clock)[jobIndex] as Parameters<typeof jobLogText>[2] | undefined;
      if (job === undefined) {
        throw new HttpError(404, 'Not Found');
      }
      if (logsExpired(logHost, run, sim.clock.nowMs())) {
        throw new HttpError(410, 'Gone');
      }
      const huge = logHost.settings.hugeMegabytes;
      return { status: 302, headers: { location: logHost.sign(() => jobLogText(repo, run, job, huge)) } };
    });
  };
}
