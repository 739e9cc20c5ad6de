import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { resolveDeployTarget, runningImageTag } from '../domain/deployPlan';
import type { Services } from '../services';
import { deploymentArgs, locate, pickApp, pickEnvironment, refuseUndeployable, runDeployment } from './deploymentFlow';

/** Release Deck: Redeploy — deploys the image tag that runs there now (e.g. after a variable changed). */
export function registerRedeploy(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.redeploy, async (argument?: unknown) => {
    if (services.store.state.snapshot === undefined) {
      void vscode.window.showInformationMessage('The deck has not loaded yet: sign in and wait for it, then redeploy.');
      return;
    }
    const args = deploymentArgs(argument);
    const located = args !== undefined ? locate(services, args) : undefined;
    const app = located?.app ?? (await pickApp(services, 'Redeploy: which app?', (candidate) => candidate.environments.some((environment) => environment.environment.deploy.kind === 'workflow')));
    if (app === undefined) {
      return;
    }
    const environment = located?.environment ?? (await pickEnvironment(app, `Redeploy ${app.app.label}: which environment?`));
    if (environment === undefined || refuseUndeployable(services, app, environment)) {
      return;
    }
    const tag = runningImageTag(environment);
    const target = tag !== undefined ? resolveDeployTarget(app, tag) : undefined;
    if (target === undefined || !target.ok) {
      void vscode.window.showWarningMessage(`What runs in ${app.app.label} ${environment.environment.label.toLowerCase()} is not known as an image tag, so it cannot be redeployed. Use "Deploy…" with a specific tag.`);
      return;
    }
    return runDeployment(services, 'redeploy', app, environment, target.value, args?.reason);
  });
}
