import type { AppDeck, EnvironmentDeck } from '../domain/snapshot';
import { environmentVariableChanges, type DeployTarget } from '../domain/deployPlan';
import type { CommitFact } from '../domain/facts';
import type { GitHubClient } from '../github/client';
import { compareCommits } from '../github/commits';
import { describeError } from '../github/errors';

/** How the code changes when the environment goes from what it runs to the target. */
export type CodeChange =
  | { readonly kind: 'same' }
  /** One of the two commits is not known. */
  | { readonly kind: 'unknown' }
  | { readonly kind: 'unlisted'; readonly why: string }
  | {
      readonly kind: 'listed';
      /** Forward: the commits the target adds; back: the commits the running version has and the target lacks. */
      readonly direction: 'added' | 'takenAway';
      readonly count: number;
      /** Newest first (all apps of the monorepo). */
      readonly commits: readonly CommitFact[];
      readonly compareUrl: string;
    };

/** What a deployment would change, for the confirmation: the commits, and env files with new variables. */
export interface DeploymentPreview {
  readonly code: CodeChange;
  /** Env files the commits added change, with the variables they set (none going back). */
  readonly environmentVariables: ReadonlyArray<{ readonly file: string; readonly variables: readonly string[] }>;
}

/** Asks GitHub what lies between what runs in the environment and the target; never throws. */
export async function previewDeployment(client: GitHubClient, monorepo: string, app: AppDeck, environment: EnvironmentDeck, target: DeployTarget): Promise<DeploymentPreview> {
  const base = environment.running?.sha;
  if (base !== undefined && base === target.sha) {
    return { code: { kind: 'same' }, environmentVariables: [] };
  }
  if (base === undefined || target.sha === undefined) {
    return { code: { kind: 'unknown' }, environmentVariables: [] };
  }
  try {
    const comparison = await compareCommits(client, monorepo, base, target.sha);
    if (comparison.aheadBy > 0) {
      return {
        code: { kind: 'listed', direction: 'added', count: comparison.aheadBy, commits: comparison.commits, compareUrl: comparison.htmlUrl },
        environmentVariables: environmentVariableChanges(app.app.envFiles, comparison.files, comparison.patches),
      };
    }
    // Going back, GitHub lists what is taken away when asked the other way round.
    const back = await compareCommits(client, monorepo, target.sha, base);
    return { code: { kind: 'listed', direction: 'takenAway', count: comparison.behindBy, commits: back.commits, compareUrl: comparison.htmlUrl }, environmentVariables: [] };
  } catch (error) {
    return { code: { kind: 'unlisted', why: describeError(error) }, environmentVariables: [] };
  }
}
