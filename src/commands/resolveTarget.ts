import { english, type L10n } from '../domain/l10n';
import { ok, refuse, type Result } from '../domain/result';
import type { AppDeck, DeckSnapshot, DeploymentRecord, DraftRelease, EnvironmentDeck, PublishedRelease } from '../domain/snapshot';
import { parseCommandArgument, type CommandReference } from './arguments';

/**
 * What a command reference (arguments.ts) names in the latest snapshot: the app, environment, release and
 * deployment themselves, or why one of them is not there (any more). No `vscode` here either.
 */

/** The reference found in the latest snapshot. */
export interface CommandTarget {
  readonly reference: CommandReference;
  readonly app: AppDeck;
  readonly environment?: EnvironmentDeck;
  readonly draft?: DraftRelease;
  readonly release?: PublishedRelease;
  readonly deployment?: DeploymentRecord;
}

/** The messages a stale or wrong reference gets, in the words of `l10n` (the person's language from the commands). */
export function refusals(l10n: L10n = english) {
  return {
    noApp: (appId: string) => l10n.t('There is no app "{0}" in the deck.', appId),
    noEnvironment: (app: AppDeck, environmentId: string) => l10n.t('{0} has no environment "{1}" in the deck.', app.app.label, environmentId),
    noRelease: l10n.t('That draft is no longer among the drafted GitHub Releases (it was replaced or already published). Refresh the deck and look again.'),
    noDeployment: l10n.t("That deployment is no longer in the deck's history. Refresh the deck and look again."),
  } as const;
}

/** Finds what a reference names in the latest snapshot, or says why it is not there. */
export function resolveReference(snapshot: DeckSnapshot, reference: CommandReference, l10n: L10n = english): Result<CommandTarget> {
  const REFUSALS = refusals(l10n);
  const app = snapshot.apps.find((candidate) => candidate.app.id === reference.appId);
  if (app === undefined) {
    return refuse(REFUSALS.noApp(reference.appId));
  }
  let environment: EnvironmentDeck | undefined;
  if (reference.environmentId !== undefined) {
    environment = app.environments.find((candidate) => candidate.environment.id === reference.environmentId);
    if (environment === undefined) {
      return refuse(REFUSALS.noEnvironment(app, reference.environmentId));
    }
  }
  let draft: DraftRelease | undefined;
  let release: PublishedRelease | undefined;
  if (reference.releaseId !== undefined) {
    draft = app.drafts.find((candidate) => candidate.id === reference.releaseId);
    release = draft === undefined ? app.releases.find((candidate) => candidate.id === reference.releaseId) : undefined;
    if (draft === undefined && release === undefined) {
      return refuse(REFUSALS.noRelease);
    }
  }
  let deployment: DeploymentRecord | undefined;
  if (reference.runId !== undefined) {
    const records = environment !== undefined ? deploymentsOf(environment) : [];
    deployment = records.find((candidate) => candidate.runId === reference.runId);
    if (deployment === undefined) {
      return refuse(REFUSALS.noDeployment);
    }
  }
  return ok({
    reference,
    app,
    ...(environment !== undefined ? { environment } : {}),
    ...(draft !== undefined ? { draft } : {}),
    ...(release !== undefined ? { release } : {}),
    ...(deployment !== undefined ? { deployment } : {}),
  });
}

function deploymentsOf(environment: EnvironmentDeck): DeploymentRecord[] {
  return [environment.activeDeployment, environment.publishingRun, environment.lastDeployment, environment.lastSuccessfulDeployment, ...environment.history, ...environment.runs].filter((record) => record !== undefined);
}

/** What a command was run on, read and found in the snapshot: nothing given, a target, or why not. */
export type CommandArgument = { readonly kind: 'none' } | { readonly kind: 'target'; readonly target: CommandTarget } | { readonly kind: 'refused'; readonly reason: string };

export function readCommandArgument(snapshot: DeckSnapshot, argument: unknown, l10n: L10n = english): CommandArgument {
  const parsed = parseCommandArgument(argument);
  if (!parsed.ok) {
    return { kind: 'refused', reason: parsed.error };
  }
  if (parsed.value === undefined) {
    return { kind: 'none' };
  }
  const resolved = resolveReference(snapshot, parsed.value, l10n);
  return resolved.ok ? { kind: 'target', target: resolved.value } : { kind: 'refused', reason: resolved.error };
}

/** The image tag a command was asked for: given outright, else the tag of the deployment it was run on. */
export function requestedImageTag(target: CommandTarget): string | undefined {
  return target.reference.imageTag ?? target.deployment?.imageTag;
}

/** The most specific thing a target names, for commands that act on one item of the deck. */
export function itemOf(target: CommandTarget): 'deployment' | 'draft' | 'release' | 'environment' | 'app' {
  return target.deployment !== undefined ? 'deployment' : target.draft !== undefined ? 'draft' : target.release !== undefined ? 'release' : target.environment !== undefined ? 'environment' : 'app';
}
