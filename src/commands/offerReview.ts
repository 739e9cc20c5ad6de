import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { reviewersWords } from '../domain/deploymentReview';
import type { DeploymentReview } from '../domain/snapshot';
import type { WorkflowRunFact } from '../domain/facts';
import { executeCommand } from '../executeCommand';
import type { Services } from '../services';
import { openLink } from '../ui/links';

const REVIEW = 'Review Deployment…';
const OPEN_RUN = 'Open Run';

/**
 * While Publish or Deploy follows a deployment run that goes waiting on its environment's required reviewers:
 * says so once, whom it waits for, and offers Review Deployment… when the signed-in user may review it
 * (else the run's page). The follow goes on meanwhile.
 */
export function offerReview(services: Services, place: { readonly appId: string; readonly environmentId: string; readonly label: string }): (run: WorkflowRunFact, review: DeploymentReview) => void {
  return (run, review) => {
    const message = `The deployment to ${place.label} waits for review by ${reviewersWords(review)}. ${review.canReview ? 'You may review it;' : 'You are not one of its reviewers;'} Release Deck keeps following it.`;
    services.log.info(`${message} (${run.htmlUrl})`);
    const actions = review.canReview ? [REVIEW, OPEN_RUN] : [OPEN_RUN];
    void vscode.window.showInformationMessage(message, ...actions).then(async (choice) => {
      if (choice === REVIEW) {
        // The deck shows the wait once a refresh has read it.
        await services.store.refresh('a followed deployment waits for review');
        await executeCommand(COMMANDS.reviewDeployment, { appId: place.appId, environmentId: place.environmentId });
      } else if (choice === OPEN_RUN) {
        await openLink(run.htmlUrl, services.log);
      }
    });
  };
}
