import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { resolveDeployTarget, runningImageTag } from '../domain/deployPlan';
import { tagSchemeOf } from '../domain/tagScheme';
import type { WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { chooseDeployment } from './chooseDeployment';
import { runDeployment } from './deploymentFlow';
import { placeLabel } from '../domain/words';

/** Release Deck: Redeploy — deploys the image tag that runs there now (e.g. after a variable changed). */
export function registerRedeploy(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.redeploy, async (services, argument) => {
    const chosen = await chooseDeployment(services, argument, 'redeploy', {
      appFilter: (candidate) => candidate.environments.some((environment) => environment.environment.deploy.kind === 'workflow'),
    });
    if (chosen === undefined) {
      return undefined;
    }
    const { app, environment, given } = chosen;
    const tag = runningImageTag(environment, tagSchemeOf(app.app));
    const target = tag !== undefined ? resolveDeployTarget(app, tag) : undefined;
    if (target === undefined || !target.ok) {
      void vscode.window.showWarningMessage(vscode.l10n.t('What runs in {0} is not known as an image tag, so it cannot be redeployed. Use "Deploy…" with a specific tag.', placeLabel(app.app, environment.environment)));
      return;
    }
    return runDeployment(services, 'redeploy', app, environment, target.value, given?.reference.reason);
  });
}
