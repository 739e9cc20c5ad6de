import { buildPathsOf } from '../domain/buildPaths';
import { tagSchemeOf, templateHint } from '../domain/tagScheme';
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { AppDeck, EnvironmentDeck } from '../domain/snapshot';
import { resolveDeployTarget, type DeployTarget } from '../domain/deployPlan';
import { deployCandidates } from '../domain/rollback';
import type { Services, WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { requestedImageTag } from './arguments';
import { chooseDeployment } from './chooseDeployment';
import { runDeployment } from './deploymentFlow';
import { placeLabel } from '../domain/words';
import type { CommitFact } from '../domain/facts';
import { listAppCommits } from '../state/appCommits';

const TYPE_A_TAG = 'Enter an image tag or commit SHA…';

/**
 * Release Deck: Deploy… — app → environment → version, then the one deployment path (confirmation
 * naming app, environment, current → target; dispatch; follow; verify /version).
 */
export function registerDeploy(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.deploy, async (services, argument) => {
    const chosen = await chooseDeployment(services, argument, { infinitive: 'deploy', title: 'Deploy' }, {
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
        void vscode.window.showErrorMessage(`Nothing was deployed: ${resolved.error}`);
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
  const items: Array<vscode.QuickPickItem & { imageTag?: string }> = [
    { label: `$(edit) ${TYPE_A_TAG}`, alwaysShow: true },
    ...(offered.note !== undefined ? [{ label: '$(info) Commits of main not offered', detail: offered.note, alwaysShow: true }] : []),
    ...candidates.map((candidate) => ({ label: `${icons[candidate.kind]} ${candidate.label}`, description: candidate.kind === 'commit' ? candidate.imageTag : '', detail: candidate.detail, imageTag: candidate.imageTag })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `Deploy to ${placeLabel(app.app, environment.environment)} (runs ${environment.running?.imageTag ?? 'unknown'})`,
    placeHolder: 'Choose the image tag to deploy',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked === undefined) {
    return undefined;
  }
  if (picked.imageTag === undefined && !picked.label.includes(TYPE_A_TAG)) {
    return undefined;
  }
  const text = picked.imageTag ?? (await vscode.window.showInputBox({
    title: `Deploy to ${placeLabel(app.app, environment.environment)}`,
    prompt: `An image tag: ${templateHint(tagSchemeOf(app.app).image)}, or the full 40-character commit SHA the image was built from.`,
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
    void vscode.window.showErrorMessage(`Nothing was deployed: ${resolved.error}`);
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
    known = profile !== undefined && client !== undefined ? await listAppCommits(client, profile.monorepo, undefined, app.app) : { known: false, why: 'not signed in to GitHub' };
  }
  if (!known.known) {
    services.log.warn(`Deploy…: the commits that changed ${app.app.label} could not be listed (${known.why}); only releases and past deployments are offered.`);
    return { commits: [], note: `The commits that changed ${app.app.label} could not be listed (${known.why}); an image exists only for those. Enter a commit SHA if you know it.` };
  }
  return { commits: known.commits };
}
