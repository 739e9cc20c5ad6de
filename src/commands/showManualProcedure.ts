import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { AppDeck, EnvironmentDeck } from '../domain/snapshot';
import { fillManualPlaceholders } from '../domain/profileQueries';
import type { ManualDeploy } from '../domain/profileTypes';
import { controlCharacterProblem } from '../domain/profileHazards';
import { deployCandidates } from '../domain/rollback';
import { gitTagOf, readImageTag, tagSchemeOf, templateHint } from '../domain/tagScheme';
import type { Services, WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { openLink } from '../ui/links';
import { requestedImageTag } from './resolveTarget';
import { loadedTarget } from './commandTarget';
import { pickApp, pickEnvironment } from './chooseDeployment';
import { placeLabel } from '../domain/words';

interface StepItem extends vscode.QuickPickItem {
  readonly index?: number;
  readonly command?: string;
  readonly url?: string;
}


/**
 * The manual procedure of an environment deployed by hand, as a checklist with the exact tag filled in:
 * copy each command, or run it in a terminal when the infrastructure repository is checked out.
 */
export function registerShowManualProcedure(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.showManualProcedure, async (services, argument) => {
    const read = loadedTarget(services, argument, vscode.l10n.t('Show Manual Procedure'), vscode.l10n.t('The deck has not loaded yet: sign in and wait for it, then show the manual procedure.'));
    if (read === undefined) {
      return;
    }
    const given = read.target;
    const app = given?.app ?? (await pickApp(services, vscode.l10n.t('Manual deployment: which app?'), (candidate) => candidate.environments.some((environment) => environment.environment.deploy.kind !== 'workflow')));
    if (app === undefined) {
      return;
    }
    const environment = given?.environment ?? (await pickEnvironment(app, vscode.l10n.t('Manual deployment of {0}: which environment?', app.app.label)));
    if (environment === undefined) {
      return;
    }
    const deploy = environment.environment.deploy;
    if (deploy.kind === 'latest') {
      void vscode.window.showInformationMessage(deploy.explanation ?? vscode.l10n.t('{0} always runs the image tagged latest: there is no deployment to perform.', app.app.label));
      return;
    }
    if (deploy.kind === 'workflow') {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is deployed by {1}: use "Deploy…", "Redeploy" or "Roll Back".', placeLabel(app.app, environment.environment), deploy.workflow));
      return;
    }
    const imageTag = (given !== undefined ? requestedImageTag(given) : undefined) ?? (await pickTag(app, environment));
    if (imageTag === undefined) {
      return;
    }
    const scheme = tagSchemeOf(app.app);
    const parsed = readImageTag(scheme, imageTag);
    if (!parsed.ok) {
      void vscode.window.showErrorMessage(parsed.error);
      return;
    }
    const gitTag = parsed.value.kind === 'release' ? gitTagOf(scheme, parsed.value.version) : imageTag;
    services.log.info(`Showing the manual procedure of ${placeLabel(app.app, environment.environment)} for ${imageTag}.`);
    showChecklist(services, app, environment, deploy, { imageTag, gitTag, environment: environment.environment.id });
  });
}

async function pickTag(app: AppDeck, environment: EnvironmentDeck): Promise<string | undefined> {
  const candidates = deployCandidates(app, environment, []);
  if (candidates.length === 0) {
    return vscode.window.showInputBox({ title: vscode.l10n.t('Image tag to deploy to {0}', placeLabel(app.app, environment.environment)), prompt: templateHint(tagSchemeOf(app.app).image), validateInput: (value) => { const parsed = readImageTag(tagSchemeOf(app.app), value.trim()); return parsed.ok ? undefined : parsed.error; } });
  }
  const picked = await vscode.window.showQuickPick(candidates.map((candidate) => ({ label: candidate.label, detail: candidate.detail, imageTag: candidate.imageTag })), {
    title: vscode.l10n.t('Deploy {0} by hand: which image tag?', placeLabel(app.app, environment.environment)),
    placeHolder: vscode.l10n.t('The newest published release comes first'),
  });
  return picked?.imageTag;
}

function showChecklist(services: Services, app: AppDeck, environment: EnvironmentDeck, deploy: ManualDeploy, values: { imageTag: string; gitTag: string; environment: string }): void {
  // The user's own value only: a workspace must not choose the folder commands are typed into.
  const repoPath = (vscode.workspace.getConfiguration('releaseDeck').inspect<string>('infrastructureRepoPath')?.globalValue ?? '').trim();
  const checkedOut = repoPath !== '' && existsSync(repoPath);
  const done = new Set<number>();
  const COPY: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: vscode.l10n.t('Copy the command') };
  const RUN: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('terminal'), tooltip: vscode.l10n.t('Run it in a terminal in the infrastructure repository') };
  const quickPick = vscode.window.createQuickPick<StepItem>();
  quickPick.title = vscode.l10n.t('{0}: deploy {1} by hand with {2}', placeLabel(app.app, environment.environment), values.imageTag, deploy.tool);
  quickPick.placeholder = checkedOut ? vscode.l10n.t('Pick a step to tick it off; the buttons copy or run its command') : vscode.l10n.t('Pick a step to tick it off; the copy button copies its command (set releaseDeck.infrastructureRepoPath to run them here)');
  quickPick.ignoreFocusOut = true;
  quickPick.matchOnDetail = true;
  const render = (): void => {
    quickPick.items = [
      ...deploy.steps.map((step, index): StepItem => {
        const command = step.command !== undefined ? fillManualPlaceholders(step.command, values) : undefined;
        return {
          label: `${done.has(index) ? '$(pass-filled)' : '$(circle-large-outline)'} ${index + 1}. ${fillManualPlaceholders(step.title, values)}`,
          ...(command !== undefined ? { detail: `$(terminal) ${command}`, command, buttons: checkedOut ? [COPY, RUN] : [COPY] } : {}),
          index,
        };
      }),
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      ...deploy.links.map((link): StepItem => ({ label: `$(link-external) ${link.label}`, detail: link.url, url: link.url })),
    ];
  };
  render();
  const disposables: vscode.Disposable[] = [
    quickPick.onDidAccept(() => {
      const item = quickPick.selectedItems[0];
      if (item?.url !== undefined) {
        void openLink(item.url, services.log);
      } else if (item?.index !== undefined) {
        if (done.has(item.index)) {
          done.delete(item.index);
        } else {
          done.add(item.index);
        }
        render();
      }
    }),
    quickPick.onDidTriggerItemButton(async (event) => {
      const command = event.item.command;
      if (command === undefined) {
        return;
      }
      // The profile's check already refuses these; a terminal must never receive one whatever the source.
      const problem = controlCharacterProblem(command, vscode.l10n);
      if (problem !== undefined) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Release Deck will not copy or run step {0}: its command {1} Fix it in the profile.', (event.item.index ?? 0) + 1, problem));
        return;
      }
      if (event.button === COPY) {
        await vscode.env.clipboard.writeText(command);
        vscode.window.setStatusBarMessage(vscode.l10n.t('$(copy) Copied: {0}', command), 3000);
      } else if (event.button === RUN && checkedOut) {
        const terminal = vscode.window.createTerminal({ name: `Release Deck · ${app.app.label} ${environment.environment.label}`, cwd: repoPath });
        terminal.show();
        terminal.sendText(command, false);
        services.log.info(`Typed "${command}" into a terminal in ${repoPath} (not run: press Enter there to run it).`);
      }
    }),
    quickPick.onDidHide(() => {
      for (const disposable of disposables) {
        disposable.dispose();
      }
      quickPick.dispose();
    }),
  ];
  quickPick.show();
}
