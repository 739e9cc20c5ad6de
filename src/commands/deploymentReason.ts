import * as vscode from 'vscode';
import type { WorkflowDeploy } from '../domain/profileTypes';
import type { GitHubClient } from '../github/client';
import { resolveReasonInput } from '../github/workflowFile';
import type { Services } from '../services';

export interface DeploymentReason {
  readonly reason: string;
  /** The workflow_dispatch input the reason is sent as; none: the dispatch carries no reason. */
  readonly key?: string;
  /** What the confirmation says about it. */
  readonly line: string;
}

/**
 * The reason a deployment's run is named with, and the input it is sent as: the profile's `reasonInput`,
 * or else the workflow file's input described as a run name or reason (never an input the file does not
 * declare: GitHub answers 422). Asked with that input's description as the prompt unless given; says in
 * the log which key is used, or why none. Undefined when the person dismissed the question.
 */
export async function deploymentReason(services: Services, client: GitHubClient, deploy: WorkflowDeploy, asking: { readonly title: string; readonly what: string }, given: string | undefined, fallback: string): Promise<DeploymentReason | undefined> {
  const { what } = asking;
  const resolution = await resolveReasonInput(client, deploy);
  if (resolution.kind === 'none') {
    services.log.info(`${what}: no reason is sent with the dispatch, because ${resolution.why}.`);
    return { reason: given ?? fallback, line: vscode.l10n.t('Reason: not sent ({0} takes none that Release Deck can tell)', deploy.workflow) };
  }
  const key = resolution.kind === 'profile' ? resolution.key : resolution.input.key;
  const source = resolution.kind === 'profile' ? 'named by the profile\'s reasonInput' : `declared in ${deploy.workflow}${resolution.input.description !== undefined ? `: "${resolution.input.description}"` : ''}`;
  const reason = given ?? (await services.confirmer.askText({
    title: asking.title,
    prompt: resolution.kind === 'file' && resolution.input.description !== undefined ? resolution.input.description : vscode.l10n.t('The reason for this deployment (sent as the workflow input "{0}")', key),
    value: fallback,
  }));
  if (reason === undefined) {
    services.log.info(`${what}: no reason was given; nothing was sent.`);
    return undefined;
  }
  services.log.info(`${what}: the reason is sent as the workflow input "${key}" (${source}).`);
  return { reason, key, line: vscode.l10n.t('Reason (input {0}): {1}', key, reason) };
}
