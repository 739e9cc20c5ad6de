import * as vscode from 'vscode';
import { isReleaseWorkflowRun } from '../domain/runFailure';
import type { AppDeck, DeploymentRecord, EnvironmentDeck } from '../domain/snapshot';
import { placeLabel } from '../domain/words';
import { describeError } from '../github/errors';
import type { Services } from '../services';
import { itemTarget } from './commandTarget';

/** A deployment run of an environment a run command acts on, with the repository and workflow it belongs to. */
export interface RunTarget {
  readonly app: AppDeck;
  readonly environment: EnvironmentDeck;
  readonly record: DeploymentRecord;
  readonly repo: string;
  readonly workflow: string;
  /** "API production". */
  readonly place: string;
}

/**
 * The run an item command acts on: the deployment run it was given (`runId`), else the one `pick` chooses
 * among the environment's; undefined (having said why) when there is none, when the environment is not
 * deployed by a workflow, or, for a command that acts on it, when the run would be the release workflow's
 * (never cancelled or re-run here: openverse-facts.md §5 Runbooks, "Do not re-run the release workflow in the monorepo
 * or this will create duplicate tags").
 */
export function runTarget(
  services: Services,
  argument: unknown,
  command: string,
  pick: (environment: EnvironmentDeck) => DeploymentRecord | undefined,
  none: (place: string, environment: EnvironmentDeck) => string,
  /** True for a command that acts on the run (cancel, re-run): never on the release workflow's. */
  acts = true,
): RunTarget | undefined {
  const target = itemTarget(services, argument, command);
  const environment = target?.environment;
  if (target === undefined || environment === undefined) {
    if (target !== undefined) {
      void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" works on an environment of the deck.', command));
    }
    return undefined;
  }
  const place = placeLabel(target.app.app, environment.environment);
  const deploy = environment.environment.deploy;
  if (deploy.kind !== 'workflow') {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is not deployed by a GitHub Workflow: there is no run to act on.', place));
    return undefined;
  }
  const record = target.deployment ?? pick(environment);
  if (record === undefined) {
    void vscode.window.showInformationMessage(none(place, environment));
    return undefined;
  }
  const profile = services.profiles.profile;
  const releaseRun = record.runId === environment.publishingRun?.runId;
  if (acts && (releaseRun || (profile !== undefined && isReleaseWorkflowRun({ repo: deploy.repo, workflowPath: deploy.workflow }, profile.monorepo, profile.releaseWorkflow)))) {
    void vscode.window.showWarningMessage(vscode.l10n.t('"{0}" is never offered for the release workflow: re-running or stopping it half-way can tag images twice (the process forbids it). Open the run on GitHub instead.', command));
    return undefined;
  }
  return { app: target.app, environment, record, repo: deploy.repo, workflow: deploy.workflow, place };
}

/** Said after GitHub refused to cancel or re-run: what happened, that nothing changed, and the deck refreshed to show where the run is. */
export function refusedWords(action: 'cancel' | 'rerun', run: RunTarget, error: unknown, why: string | undefined): string {
  const language = { l10n: vscode.l10n, locale: vscode.env.language };
  const refused = action === 'cancel' ? vscode.l10n.t('GitHub refused to cancel "{0}" ({1})', run.record.title, run.place) : vscode.l10n.t('GitHub refused to re-run the failed jobs of "{0}" ({1})', run.record.title, run.place);
  return vscode.l10n.t('{0}{1}. Nothing was changed; the deck is refreshed to show where the run is now. ({2})', refused, why !== undefined ? `: ${why}` : '', describeError(error, language));
}
