import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { AppDeck, EnvironmentDeck } from '../domain/snapshot';
import { deployableProblem } from '../domain/deployPlan';
import { executeCommand } from '../executeCommand';
import type { Services } from '../services';
import type { CommandTarget } from './arguments';
import { loadedTarget } from './commandTarget';

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
    void vscode.window.showInformationMessage(problem, 'Show Manual Procedure').then((choice) => {
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
  verb: { readonly infinitive: string; readonly title: string },
  options: { readonly appFilter: (app: AppDeck) => boolean; readonly environmentOf?: (app: AppDeck) => EnvironmentDeck | undefined },
): Promise<{ app: AppDeck; environment: EnvironmentDeck; given: CommandTarget | undefined } | undefined> {
  const read = loadedTarget(services, argument, verb.title, `The deck has not loaded yet: sign in and wait for it, then ${verb.infinitive}.`);
  if (read === undefined) {
    return undefined;
  }
  const given = read.target;
  const app = given?.app ?? (await pickApp(services, `${verb.title}: which app?`, options.appFilter));
  if (app === undefined) {
    return undefined;
  }
  const environment = given?.environment ?? (options.environmentOf !== undefined ? options.environmentOf(app) : await pickEnvironment(app, `${verb.title} ${app.app.label}: which environment?`));
  if (environment === undefined || refuseUndeployable(services, app, environment)) {
    return undefined;
  }
  return { app, environment, given };
}
