import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { reviewersWords } from '../domain/deploymentReview';
import type { DeploymentReview } from '../domain/snapshot';
import type { WorkflowRunFact } from '../domain/facts';
import { executeCommand } from '../executeCommand';
import type { Services } from '../services';
import { openLink } from '../ui/links';

/**
 * While Publish or Deploy follows a deployment run that goes waiting on its environment's required reviewers:
 * says so once, whom it waits for, and offers Review Deployment… when the signed-in user may review it
 * (else the run's page). The follow goes on meanwhile.
 */
export function offerReview(services: Services, place: { readonly appId: string; readonly environmentId: string; readonly label: string }): (run: WorkflowRunFact, review: DeploymentReview) => void {
  return (run, review) => {
    services.log.info(`The deployment to ${place.label} waits for review by ${reviewersWords(review)} (${run.htmlUrl}).`);
    const message = review.canReview
      ? vscode.l10n.t('The deployment to {0} waits for review by {1}. You may review it; Release Deck keeps following it.', place.label, reviewersWords(review))
      : vscode.l10n.t('The deployment to {0} waits for review by {1}. You are not one of its reviewers; Release Deck keeps following it.', place.label, reviewersWords(review));
    const reviewButton = vscode.l10n.t('Review Deployment…');
    const openRun = vscode.l10n.t('Open Run');
    const actions = review.canReview ? [reviewButton, openRun] : [openRun];
    void vscode.window.showInformationMessage(message, ...actions).then(async (choice) => {
      if (choice === reviewButton) {
        // The deck shows the wait once a refresh has read it.
        await services.store.refresh('a followed deployment waits for review');
        await executeCommand(COMMANDS.reviewDeployment, { appId: place.appId, environmentId: place.environmentId });
      } else if (choice === openRun) {
        await openLink(run.htmlUrl, services.log);
      }
    });
  };
}
