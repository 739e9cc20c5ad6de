import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { AppDeck, EnvironmentDeck } from '../domain/snapshot';
import { deployableProblem } from '../domain/deployPlan';
import { executeCommand } from '../executeCommand';
import type { Services } from '../services';
import type { CommandTarget } from './resolveTarget';
import { loadedTarget } from './commandTarget';
import type { DeploymentKind } from './deploymentFlow';

export async function pickApp(services: Services, title: string, filter: (app: AppDeck) => boolean): Promise<AppDeck | undefined> {
  const apps = services.store.state.snapshot?.apps.filter(filter) ?? [];
  const picked = await vscode.window.showQuickPick(apps.map((app) => ({ label: app.app.label, app })), { title });
  return picked?.app;
}

export async function pickEnvironment(app: AppDeck, title: string): Promise<EnvironmentDeck | undefined> {
  if (app.environments.length === 1) {
    return app.environments[0];
  }
  const picked = await vscode.window.showQuickPick(
    app.environments.map((environment) => ({ label: environment.environment.label, description: environment.running?.imageTag ?? environment.stateDetail, environment })),
    { title },
  );
  return picked?.environment;
}

/** Explains why an environment cannot be deployed here, offering the manual procedure when there is one. */
export function refuseUndeployable(services: Services, app: AppDeck, environment: EnvironmentDeck): boolean {
  const problem = deployableProblem(app, environment);
  if (problem === undefined) {
    return false;
  }
  services.log.info(`Not deployable from the editor: ${problem}`);
  if (environment.environment.deploy.kind === 'manual') {
    void vscode.window.showInformationMessage(problem, vscode.l10n.t('Show Manual Procedure')).then((choice) => {
      if (choice !== undefined) {
        void executeCommand(COMMANDS.showManualProcedure, { appId: app.app.id, environmentId: environment.environment.id });
      }
    });
  } else {
    void vscode.window.showInformationMessage(problem);
  }
  return true;
}

/**
 * The start every deployment command shares: the deck must be loaded, the app and environment come from
 * the item or arguments it was run with (else a pick), and an environment the editor cannot deploy is
 * explained instead. Returns undefined when there is nothing (more) to do.
 */
export async function chooseDeployment(
  services: Services,
  argument: unknown,
  kind: DeploymentKind,
  options: { readonly appFilter: (app: AppDeck) => boolean; readonly environmentOf?: (app: AppDeck) => EnvironmentDeck | undefined },
): Promise<{ app: AppDeck; environment: EnvironmentDeck; given: CommandTarget | undefined } | undefined> {
  const words = pickWords(kind);
  const read = loadedTarget(services, argument, words.command, words.notLoaded);
  if (read === undefined) {
    return undefined;
  }
  const given = read.target;
  const app = given?.app ?? (await pickApp(services, words.whichApp, options.appFilter));
  if (app === undefined) {
    return undefined;
  }
  const environment = given?.environment ?? (options.environmentOf !== undefined ? options.environmentOf(app) : await pickEnvironment(app, words.whichEnvironment(app.app.label)));
  if (environment === undefined || refuseUndeployable(services, app, environment)) {
    return undefined;
  }
  return { app, environment, given };
}

/** The picks' words of each deployment command, in the person's language. */
function pickWords(kind: DeploymentKind): { command: string; notLoaded: string; whichApp: string; whichEnvironment: (app: string) => string } {
  switch (kind) {
    case 'deploy':
      return { command: vscode.l10n.t('Deploy'), notLoaded: vscode.l10n.t('The deck has not loaded yet: sign in and wait for it, then deploy.'), whichApp: vscode.l10n.t('Deploy: which app?'), whichEnvironment: (app) => vscode.l10n.t('Deploy {0}: which environment?', app) };
    case 'redeploy':
      return { command: vscode.l10n.t('Redeploy'), notLoaded: vscode.l10n.t('The deck has not loaded yet: sign in and wait for it, then redeploy.'), whichApp: vscode.l10n.t('Redeploy: which app?'), whichEnvironment: (app) => vscode.l10n.t('Redeploy {0}: which environment?', app) };
    case 'rollBack':
      return { command: vscode.l10n.t('Roll back'), notLoaded: vscode.l10n.t('The deck has not loaded yet: sign in and wait for it, then roll back.'), whichApp: vscode.l10n.t('Roll back: which app?'), whichEnvironment: (app) => vscode.l10n.t('Roll back {0}: which environment?', app) };
  }
}
