import { buildPathsOf } from '../domain/buildPaths';
import type { AppDeck, EnvironmentDeck } from '../domain/snapshot';
import type { DeployTarget } from '../domain/deployPlan';
import { environmentVariableChanges, type EnvironmentFileChange } from '../domain/environmentVariables';
import { listAppCommits, type NotesCommit } from '../domain/releaseNotes';
import { placeLabel } from '../domain/words';
import { appCommitShas } from '../github/appHistory';
import type { GitHubClient } from '../github/client';
import { compareCommits } from '../github/commits';
import { describeError, ENGLISH, type Language } from '../github/errors';

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
      /** How many commits of the monorepo lie between (every app's). */
      readonly count: number;
      /** The app's own commits among them, newest first (as the release notes panel lists them). */
      readonly commits: readonly NotesCommit[];
      /** One sentence: how many of the commits between change the app, or why they all are listed. */
      readonly note: string;
      readonly compareUrl: string;
    };

/** What a deployment would change, for the confirmation: the commits, and the env variables to set first. */
export interface DeploymentPreview {
  readonly code: CodeChange;
  /** The app's env files the commits added change, with their new, changed and removed variables (none going back). */
  readonly environmentVariables: readonly EnvironmentFileChange[];
}

/** Asks GitHub what lies between what runs in the environment and the target, said in `language`; never throws. */
export async function previewDeployment(client: GitHubClient, monorepo: string, app: AppDeck, environment: EnvironmentDeck, target: DeployTarget, language: Language = ENGLISH): Promise<DeploymentPreview> {
  const { l10n } = language;
  const base = environment.running?.sha;
  if (base !== undefined && base === target.sha) {
    return { code: { kind: 'same' }, environmentVariables: [] };
  }
  if (base === undefined || target.sha === undefined) {
    return { code: { kind: 'unknown' }, environmentVariables: [] };
  }
  const folders = buildPathsOf(app.app);
  const runsLabel = l10n.t('what {0} runs', placeLabel(app.app, environment.environment));
  try {
    const [comparison, ownAtTarget] = await Promise.all([compareCommits(client, monorepo, base, target.sha), appCommitShas(client, monorepo, target.sha, folders, language)]);
    if (comparison.aheadBy > 0) {
      const listing = listAppCommits(comparison, app.app, ownAtTarget, runsLabel, l10n);
      return {
        code: { kind: 'listed', direction: 'added', count: comparison.aheadBy, commits: listing.commits, note: listing.compareNote, compareUrl: comparison.htmlUrl },
        environmentVariables: environmentVariableChanges(app.app.envFiles, comparison.files, comparison.patches),
      };
    }
    // Going back, GitHub lists what is taken away when asked the other way round.
    const [back, ownAtBase] = await Promise.all([compareCommits(client, monorepo, target.sha, base), appCommitShas(client, monorepo, base, folders, language)]);
    const listing = listAppCommits(back, app.app, ownAtBase, target.imageTag, l10n);
    return { code: { kind: 'listed', direction: 'takenAway', count: comparison.behindBy, commits: listing.commits, note: listing.compareNote, compareUrl: comparison.htmlUrl }, environmentVariables: [] };
  } catch (error) {
    return { code: { kind: 'unlisted', why: describeError(error, language) }, environmentVariables: [] };
  }
}

