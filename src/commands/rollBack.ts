import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { productionOf, type AppDeck, type DeploymentRecord, type EnvironmentDeck } from '../domain/snapshot';
import { standingWords } from '../domain/rollback';
import { resolveDeployTarget } from '../domain/deployPlan';
import { shortSha } from '../domain/tags';
import { executeCommand } from '../executeCommand';
import type { Services } from '../services';
import { openLink } from '../ui/links';
import { requestedImageTag } from './arguments';
import { chooseDeployment } from './chooseDeployment';
import { runDeployment } from './deploymentFlow';
import { commitTitle, placeLabel } from '../domain/words';

/**
 * Release Deck: Roll Back — deploys the last known working production tag (or another entry of the
 * history). For staging it recommends reverting on the monorepo's branch, and still lets the person force a tag.
 */
export function registerRollBack(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.rollBack, async (argument?: unknown) => {
    const chosen = await chooseDeployment(services, argument, { infinitive: 'roll back', title: 'Roll back' }, {
      appFilter: (candidate) => productionOf(candidate)?.environment.deploy.kind === 'workflow',
      environmentOf: productionOf,
    });
    if (chosen === undefined) {
      return undefined;
    }
    const { app, environment, given } = chosen;
    let imageTag = given !== undefined ? requestedImageTag(given) : undefined;
    if (!environment.environment.production && imageTag === undefined) {
      await explainStagingRollback(services, app, environment);
      return;
    }
    if (imageTag === undefined) {
      imageTag = await pickRollbackTarget(app, environment);
    }
    if (imageTag === undefined) {
      return;
    }
    const target = resolveDeployTarget(app, imageTag);
    if (!target.ok) {
      void vscode.window.showErrorMessage(`Nothing was rolled back: ${target.error}`);
      return;
    }
    return runDeployment(services, 'rollBack', app, environment, target.value, given?.reference.reason ?? `Roll back to ${target.value.imageTag} from Release Deck`);
  });
}

async function pickRollbackTarget(app: AppDeck, environment: EnvironmentDeck): Promise<string | undefined> {
  if (!environment.rollback.ok) {
    void vscode.window.showErrorMessage(environment.rollback.reason);
    return undefined;
  }
  const recommended = environment.rollback.imageTag;
  const running = environment.running?.imageTag;
  const deployed = (record: DeploymentRecord): string => `Deployed successfully ${record.updatedAt.slice(0, 16).replace('T', ' ')} UTC by ${record.actor}`;
  const target = environment.rollback.deployment;
  const items = [
    {
      label: `$(discard) ${recommended}`,
      description: target.rollbackOrderUnknown !== undefined ? 'last known working (whether it was rolled away from is unknown)' : 'last known working',
      detail: [deployed(target), target.rollbackOrderUnknown].filter((part) => part !== undefined).join(' · '),
      imageTag: recommended,
    },
    ...environment.history
      .filter((record) => record.imageTag !== undefined && record.imageTag !== recommended && record.imageTag !== running)
      .filter((record, index, all) => all.findIndex((other) => other.imageTag === record.imageTag) === index)
      .map((record) => ({
        label: `$(history) ${record.imageTag ?? ''}`,
        description: standingWords(record) ?? '',
        detail: record.rolledAwayFrom !== undefined ? `${deployed(record)} · replaced by the older ${record.rolledAwayFrom.toImageTag}: not known to work` : deployed(record),
        imageTag: record.imageTag ?? '',
      })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Roll back ${placeLabel(app.app, environment.environment)} (runs ${running ?? 'unknown'}) to…`, placeHolder: 'The last known working tag comes first' });
  return picked?.imageTag;
}

async function explainStagingRollback(services: Services, app: AppDeck, environment: EnvironmentDeck): Promise<void> {
  const commit = environment.running?.sha !== undefined ? services.store.state.snapshot?.mainCommits.find((candidate) => candidate.sha === environment.running?.sha) : undefined;
  const force = 'Force an Earlier Tag…';
  const open = 'Open the Running Commit';
  const choice = await vscode.window.showInformationMessage(
    `The recommended way to roll back ${placeLabel(app.app, environment.environment)} is to revert the breaking change in the monorepo: staging then follows by itself, and the monorepo stays healthy for the next production release.`,
    { modal: true, detail: commit !== undefined ? `It runs ${shortSha(commit.sha)} "${commitTitle(commit.message)}".` : '' },
    ...(commit !== undefined ? [open] : []),
    force,
  );
  if (choice === open && commit !== undefined) {
    await openLink(commit.htmlUrl, services.log);
  } else if (choice === force) {
    await executeCommand(COMMANDS.deploy, { appId: app.app.id, environmentId: environment.environment.id });
  }
}
