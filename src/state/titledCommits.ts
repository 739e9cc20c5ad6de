import type { CommitFact, DeckFacts, WorkflowRunFact } from '../domain/facts';
import type { Profile } from '../domain/profileTypes';
import { titledLine } from '../domain/runTitle';
import { commitTitle } from '../domain/words';
import type { GitHubClient } from '../github/client';
import { readCommitFiles } from '../github/commitFiles';
import { describeError, ENGLISH, type Language } from '../github/errors';

/**
 * Deployment runs titled with a commit message (runTitle `{commitTitle}`, how Openverse's CI names staging
 * runs, openverse-facts §1.4) are mapped back to their commit among the branch's newest commits, which every
 * refresh lists anyway. Only the commits whose first line a run's title names are asked what files they
 * changed (to tell which apps they built), and each is asked once per session: a commit's files never change.
 * So a refresh sends no request for this beyond the first sight of a newly titled commit, whatever the number
 * of apps. Never throws: why a commit's files could not be read is `commitFilesProblem`, in `language` (the
 * deck's), and `logged`, in English (the log).
 */
export async function readTitledCommitFiles(
  client: GitHubClient,
  profile: Profile,
  mainCommits: readonly CommitFact[],
  runs: readonly WorkflowRunFact[],
  language: Language = ENGLISH,
): Promise<{ readonly facts: Pick<DeckFacts, 'commitFiles' | 'commitFilesProblem'>; readonly logged?: string } | undefined> {
  const templates = new Map<string, string>();
  for (const app of profile.apps) {
    for (const environment of app.environments) {
      if (environment.deploy.kind === 'workflow' && environment.deploy.runTitle?.includes('{commitTitle}') === true) {
        templates.set(`${environment.deploy.repo.toLowerCase()} ${environment.deploy.workflow}`, environment.deploy.runTitle);
      }
    }
  }
  if (templates.size === 0) {
    return undefined;
  }
  const lines = new Set<string>();
  for (const run of runs) {
    const line = titledLine(run.displayTitle, templates.get(`${run.repo.toLowerCase()} ${run.workflowPath.slice(run.workflowPath.lastIndexOf('/') + 1)}`));
    if (line !== undefined) {
      lines.add(line);
    }
  }
  const named = mainCommits.filter((commit) => lines.has(commitTitle(commit.message).trim()));
  const files: Record<string, readonly string[]> = {};
  const problems: unknown[] = [];
  await Promise.all(
    named.map(async (commit) => {
      try {
        files[commit.sha] = await readCommitFiles(client, profile.monorepo, commit.sha);
      } catch (error) {
        problems.push(error);
      }
    }),
  );
  const [problem] = problems;
  return problem !== undefined ? { facts: { commitFiles: files, commitFilesProblem: describeError(problem, language) }, logged: describeError(problem) } : { facts: { commitFiles: files } };
}
