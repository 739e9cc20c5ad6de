import type { L10n } from '../domain/l10n';
import type { GitHubClient } from './client';
import { splitRepo } from './parse';

/**
 * Acting on a workflow run, each sent exactly once (the client never retries a POST):
 * "Cancel a workflow run" (`POST …/actions/runs/{run_id}/cancel`, 202; 409 when it has completed) and
 * "Re-run failed jobs from a workflow run" (`POST …/actions/runs/{run_id}/rerun-failed-jobs`, 201; GitHub
 * refuses with 403 while it runs or when it cannot be re-run). Failures come out as GitHubErrors with
 * their status, for the command to word.
 */

export async function cancelWorkflowRun(client: GitHubClient, repo: string, runId: number): Promise<void> {
  await client.request('POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel', { ...splitRepo(repo), run_id: runId }, { action: (l10n: L10n) => l10n.t('cancel workflow run {0} of {1}', runId, repo) });
}

export async function rerunFailedJobs(client: GitHubClient, repo: string, runId: number): Promise<void> {
  await client.request('POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs', { ...splitRepo(repo), run_id: runId }, { action: (l10n: L10n) => l10n.t('re-run the failed jobs of workflow run {0} of {1}', runId, repo) });
}
