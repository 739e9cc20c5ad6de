import { buildPathsOf } from '../domain/buildPaths';
import { tagSchemeOf, templateHint } from '../domain/tagScheme';
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { AppDeck, EnvironmentDeck } from '../domain/snapshot';
import { resolveDeployTarget, type DeployTarget } from '../domain/deployPlan';
import { deployCandidates } from '../domain/rollback';
import type { Services, WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { requestedImageTag } from './resolveTarget';
import { chooseDeployment } from './chooseDeployment';
import { runDeployment } from './deploymentFlow';
import { placeLabel } from '../domain/words';
import type { CommitFact } from '../domain/facts';
import { listAppCommits } from '../state/appCommits';
import { userLanguage } from '../language';


/**
 * Release Deck: Deploy… — app → environment → version, then the one deployment path (confirmation
 * naming app, environment, current → target; dispatch; follow; verify /version).
 */
export function registerDeploy(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.deploy, async (services, argument) => {
    const chosen = await chooseDeployment(services, argument, 'deploy', {
      appFilter: (candidate) => candidate.environments.some((environment) => environment.environment.deploy.kind !== 'latest'),
    });
    if (chosen === undefined) {
      return undefined;
    }
    const { app, environment, given } = chosen;
    const imageTag = given !== undefined ? requestedImageTag(given) : undefined;
    let target: DeployTarget | undefined;
    if (imageTag !== undefined) {
      const resolved = resolveDeployTarget(app, imageTag);
      if (!resolved.ok) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was deployed: {0}', resolved.error));
        services.log.warn(`Deploy refused before any request: ${resolved.error}`);
        return;
      }
      target = resolved.value;
    } else {
      target = await pickVersion(services, app, environment);
    }
    if (target === undefined) {
      return;
    }
    return runDeployment(services, 'deploy', app, environment, target, given?.reference.reason);
  });
}

async function pickVersion(services: Services, app: AppDeck, environment: EnvironmentDeck): Promise<DeployTarget | undefined> {
  const offered = environment.environment.production ? { commits: [] } : await commitsWithImages(services, app);
  const candidates = deployCandidates(app, environment, offered.commits);
  const icons = { release: '$(tag)', deployment: '$(history)', commit: '$(git-commit)' } as const;
  const typeATag = vscode.l10n.t('$(edit) Enter an image tag or commit SHA…');
  const items: Array<vscode.QuickPickItem & { imageTag?: string }> = [
    { label: typeATag, alwaysShow: true },
    ...(offered.note !== undefined ? [{ label: vscode.l10n.t('$(info) Commits of main not offered'), detail: offered.note, alwaysShow: true }] : []),
    ...candidates.map((candidate) => ({ label: `${icons[candidate.kind]} ${candidate.label}`, description: candidate.kind === 'commit' ? candidate.imageTag : '', detail: candidate.detail, imageTag: candidate.imageTag })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Deploy to {0} (runs {1})', placeLabel(app.app, environment.environment), environment.running?.imageTag ?? vscode.l10n.t('unknown')),
    placeHolder: vscode.l10n.t('Choose the image tag to deploy'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked === undefined) {
    return undefined;
  }
  if (picked.imageTag === undefined && picked.label !== typeATag) {
    return undefined;
  }
  const text = picked.imageTag ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('Deploy to {0}', placeLabel(app.app, environment.environment)),
    prompt: vscode.l10n.t('An image tag: {0}, or the full 40-character commit SHA the image was built from.', templateHint(tagSchemeOf(app.app).image)),
    ignoreFocusOut: true,
    validateInput: (value) => {
      const resolved = resolveDeployTarget(app, value);
      return resolved.ok ? undefined : resolved.error;
    },
  }));
  if (text === undefined) {
    return undefined;
  }
  const resolved = resolveDeployTarget(app, text);
  if (!resolved.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was deployed: {0}', resolved.error));
    return undefined;
  }
  return resolved.value;
}

/**
 * The commits of main an image exists for: those that changed the app (CI publishes an app's images only
 * then, openverse-facts §1.4), as the refresh read them or read now (one conditional listing per source
 * folder). Without sourceFolders the profile does not say which commits those are: every recent commit.
 */
async function commitsWithImages(services: Services, app: AppDeck): Promise<{ commits: readonly CommitFact[]; note?: string }> {
  const mainCommits = services.store.state.snapshot?.mainCommits ?? [];
  if (buildPathsOf(app.app).length === 0) {
    return { commits: mainCommits };
  }
  let known = app.changedCommits;
  if (known === undefined) {
    const profile = services.profiles.profile;
    const client = await services.gitHub.current();
    known = profile !== undefined && client !== undefined
      ? await listAppCommits(client, profile.monorepo, undefined, app.app, userLanguage())
      : { known: false, why: vscode.l10n.t('not signed in to GitHub'), logged: 'not signed in to GitHub' };
  }
  if (!known.known) {
    services.log.warn(`Deploy…: the commits that changed ${app.app.label} could not be listed (${known.logged ?? known.why}); only releases and past deployments are offered.`);
    return { commits: [], note: vscode.l10n.t('The commits that changed {0} could not be listed ({1}); an image exists only for those. Enter a commit SHA if you know it.', app.app.label, known.why) };
  }
  return { commits: known.commits };
}
