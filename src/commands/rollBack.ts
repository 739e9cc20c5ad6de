import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { productionOf, type AppDeck, type DeploymentRecord, type EnvironmentDeck } from '../domain/snapshot';
import { standingWords } from '../domain/rollback';
import { resolveDeployTarget } from '../domain/deployPlan';
import { shortSha } from '../domain/tags';
import { executeCommand } from '../executeCommand';
import type { Services, WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { openLink } from '../ui/links';
import { requestedImageTag } from './resolveTarget';
import { chooseDeployment } from './chooseDeployment';
import { runDeployment } from './deploymentFlow';
import { commitTitle, dateTime, placeLabel } from '../domain/words';

/**
 * Release Deck: Roll Back — deploys the last known working production tag (or another entry of the
 * history). For staging it recommends reverting on the monorepo's branch, and still lets the person force a tag.
 */
export function registerRollBack(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.rollBack, async (services, argument) => {
    const chosen = await chooseDeployment(services, argument, 'rollBack', {
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
      void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was rolled back: {0}', target.error));
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
  const deployed = (record: DeploymentRecord): string => vscode.l10n.t('Deployed successfully {0} by {1}', dateTime(record.updatedAt, vscode.env.language), record.actor);
  const target = environment.rollback.deployment;
  const items = [
    {
      label: `$(discard) ${recommended}`,
      description: target.rollbackOrderUnknown !== undefined ? vscode.l10n.t('last known working (whether it was rolled away from is unknown)') : vscode.l10n.t('last known working'),
      detail: [deployed(target), target.rollbackOrderUnknown].filter((part) => part !== undefined).join(' · '),
      imageTag: recommended,
    },
    ...environment.history
      .filter((record) => record.imageTag !== undefined && record.imageTag !== recommended && record.imageTag !== running)
      .filter((record, index, all) => all.findIndex((other) => other.imageTag === record.imageTag) === index)
      .map((record) => ({
        label: `$(history) ${record.imageTag ?? ''}`,
        description: standingWords(record) ?? '',
        detail: record.rolledAwayFrom !== undefined ? vscode.l10n.t('{0} · replaced by the older {1}: not known to work', deployed(record), record.rolledAwayFrom.toImageTag) : deployed(record),
        imageTag: record.imageTag ?? '',
      })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Roll back {0} (runs {1}) to…', placeLabel(app.app, environment.environment), running ?? vscode.l10n.t('unknown')), placeHolder: vscode.l10n.t('The last known working tag comes first') });
  return picked?.imageTag;
}

async function explainStagingRollback(services: Services, app: AppDeck, environment: EnvironmentDeck): Promise<void> {
  const commit = environment.running?.sha !== undefined ? services.store.state.snapshot?.mainCommits.find((candidate) => candidate.sha === environment.running?.sha) : undefined;
  const force = vscode.l10n.t('Force an Earlier Tag…');
  const open = vscode.l10n.t('Open the Running Commit');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('The recommended way to roll back {0} is to revert the breaking change in the monorepo: staging then follows by itself, and the monorepo stays healthy for the next production release.', placeLabel(app.app, environment.environment)),
    { modal: true, detail: commit !== undefined ? vscode.l10n.t('It runs {0} "{1}".', shortSha(commit.sha), commitTitle(commit.message)) : '' },
    ...(commit !== undefined ? [open] : []),
    force,
  );
  if (choice === open && commit !== undefined) {
    await openLink(commit.htmlUrl, services.log);
  } else if (choice === force) {
    await executeCommand(COMMANDS.deploy, { appId: app.app.id, environmentId: environment.environment.id });
  }
}
