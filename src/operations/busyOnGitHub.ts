import { activeRunAmong, type ActiveRun } from '../domain/busyEnvironment';
import type { WorkflowRunFact } from '../domain/facts';
import type { SchemedApp } from '../domain/tagScheme';
import { isReleaseRunOf } from '../domain/releaseChain';
import type { GitHubClient } from '../github/client';
import { listWorkflowRuns } from '../github/workflows';

/** Where to look for what acts on an environment: its deployment workflow, and the release chain when publishing deploys it. */
export interface BusyLook {
  readonly deploy: { readonly repo: string; readonly workflow: string; readonly profileField: string };
  /** For an environment deployed on publish: the monorepo's release workflow and the app (whose tag scheme names its release runs). */
  readonly releaseChain?: { readonly repo: string; readonly workflow: string; readonly app: SchemedApp };
}

/**
 * What acts on an environment on GitHub right now, read right before acting (the deck's last refresh may
 * be older): an unfinished run of its deployment workflow, or, for an environment deployed on publish,
 * an unfinished run of the release workflow for one of the app's releases — it tags the image, then
 * dispatches the deployment. The deployment workflow's runs come back too (the newest 30). Throws the
 * GitHubError when a list cannot be read.
 */
export async function runsActingOn(client: GitHubClient, look: BusyLook): Promise<{ readonly deploymentRuns: WorkflowRunFact[]; readonly active?: ActiveRun }> {
  const { deploy, releaseChain } = look;
  const [deploymentRuns, releaseRuns] = await Promise.all([
    listWorkflowRuns(client, deploy.repo, deploy.workflow, { perPage: 30, profileField: deploy.profileField }),
    releaseChain !== undefined ? listWorkflowRuns(client, releaseChain.repo, releaseChain.workflow, { perPage: 30, profileField: 'releaseWorkflow' }) : Promise.resolve([]),
  ]);
  // A release workflow run's branch is the git tag it was published with.
  const tagging = releaseChain !== undefined ? releaseRuns.filter((run) => isReleaseRunOf(run, releaseChain.app)) : [];
  const active = activeRunAmong([...deploymentRuns, ...tagging]);
  return { deploymentRuns, ...(active !== undefined ? { active } : {}) };
}
