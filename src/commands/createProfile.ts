import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { jsonWithComments } from '../domain/jsoncComments';
import { GITHUB_WEB_URL } from '../domain/endpoint';
import { urlProblem } from '../domain/links';
import { profileRepository } from '../domain/gitRemotes';
import { discoverProfile, monorepoUnreadable, profileChangedMeanwhile, type DiscoveredProfile, type DiscoveryInput, type FileStamp } from '../domain/profileDiscovery';
import { parseProfileText } from '../domain/profileValidation';
import { dispatchTargetsOf } from '../domain/workflowDiscovery';
import { plural } from '../domain/words';
import { executeCommand } from '../executeCommand';
import type { Services, WindowServices } from '../services';
import { sectionServices } from './sectionCommand';
import { errorWords } from '../language';
import { discoverOnGitHub } from '../state/profileDiscoveryFacts';
import { workspaceRemotes } from '../state/workspaceRemotes';

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
/** Environment-variable files looked for in the checkout's top-level folders (at most MAX_ENV_FILES). */
const ENV_FILES = '*/{.env.example,.env.sample,.env.template,env.template,env.example,.env.dist}';
const MAX_ENV_FILES = 100;

/**
 * Create Profile…: reads the monorepo on GitHub (releases, workflows) and the checkout (folders, env
 * files), asks only what it cannot find (the deployment repository when the monorepo has no deployment
 * workflow and names none, the /version URLs), and writes a profile that validates, with comments on
 * what it guessed. Escape at any question writes nothing; an existing profile is replaced only after a
 * modal (asked again if the file changed during the questions); the file is written whole or not at all
 * (a temporary file renamed over it). One run at a time; never in an untrusted workspace, which ignores
 * profile files.
 */
export function registerCreateProfile(window: WindowServices): vscode.Disposable {
  let running = false;
  return vscode.commands.registerCommand(COMMANDS.createProfile, async (repoArgument?: unknown) => {
    if (running) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Create Profile is already running: answer its questions (or press Escape to stop it) before starting it again.'));
      return;
    }
    running = true;
    try {
      // With several folders, the one to describe is asked first (any of them: those without a profile too).
      const services = await sectionServices(window, repoArgument, { anyFolder: true });
      if (services !== undefined) {
        await createProfile(services, repoArgument);
      }
    } finally {
      running = false;
    }
  });
}

async function createProfile(services: Services, repoArgument: unknown): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    const manage = vscode.l10n.t('Manage Workspace Trust');
    void vscode.window.showWarningMessage(vscode.l10n.t('Release Deck ignores profile files in a workspace you have not trusted, so Create Profile writes none here. Trust this workspace (Manage Workspace Trust), then run Create Profile again.'), manage).then((choice) => (choice === manage ? vscode.commands.executeCommand('workbench.trust.manage') : undefined));
    return;
  }
  const uri = services.profiles.profileUri();
  const folder = services.profiles.folder;
  if (uri === undefined || folder === undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t("Release Deck keeps its profile in the workspace: open the folder of your monorepo's checkout first, then run \"Release Deck: Create Profile…\" again."));
    return;
  }
  const client = await services.gitHub.current();
  if (client === undefined) {
    const signIn = vscode.l10n.t('Sign In with GitHub');
    void vscode.window.showInformationMessage(vscode.l10n.t("Creating a profile reads your repository's releases and workflows on GitHub: sign in first, then run Create Profile again."), signIn).then((choice) => (choice === signIn ? executeCommand(COMMANDS.signIn) : undefined));
    return;
  }
  // The repository the welcome view names (same remotes, same choice), unless the command was given one.
  const chosen = profileRepository({
    argument: typeof repoArgument === 'string' && REPOSITORY.test(repoArgument) ? repoArgument : undefined,
    remotes: await workspaceRemotes([folder]),
    webUrl: services.endpoints.webUrl() ?? GITHUB_WEB_URL,
  });
  if (chosen.kind === 'otherHost') {
    void vscode.window.showErrorMessage(vscode.l10n.t("The checkout's git remote is {0} on {1}, but Release Deck is connected to {2}, so it cannot read that repository and wrote nothing. To use it, set releaseDeck.github.apiUrl to {3} and sign in there, then run Create Profile again.", chosen.repository, chosen.host, chosen.webHost, chosen.host === 'github.com' ? 'https://api.github.com' : `https://${chosen.host}/api/v3`));
    return;
  }
  const remote = chosen.kind === 'repository' && chosen.fromRemote ? chosen.repository : undefined;
  const monorepo = chosen.kind === 'repository' ? chosen.repository : await askRepository(vscode.l10n.t("Which GitHub repository holds your apps' code and releases? (owner/name)"), '');
  if (monorepo === undefined) {
    return;
  }
  const before = await stampOf(uri);
  if (before !== undefined && !(await confirmReplace(services, uri))) {
    return;
  }
  const discovered = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading {0} on GitHub…', monorepo) }, async () => {
    const first = await discoverOnGitHub(client, [monorepo]);
    return { first, targets: dispatchTargetsOf(first.workflows.flatMap((workflow) => ('document' in workflow ? [workflow.document] : [])), monorepo) };
  });
  const unreadable = monorepoUnreadable(monorepo, discovered.first);
  if (unreadable !== undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t("Release Deck could not read {0} on GitHub ({1}), so it wrote no profile. Check the repository's name, or sign in with an account that can read it, then run Create Profile again.", monorepo, unreadable));
    return;
  }
  const [target] = discovered.targets;
  let infrastructureRepo = discovered.targets.length === 1 && target !== undefined ? target : monorepo;
  const monorepoDeploys = hasDeployments(discoverProfile(inputOf(monorepo, monorepo, discovered.first, [], [])));
  if (discovered.targets.length !== 1 && !monorepoDeploys) {
    const asked = await askRepository(vscode.l10n.t('{0} has no deployment workflow (one that takes an image tag). Which repository holds them? (owner/name; leave empty if none)', monorepo), discovered.targets.join(', '), true);
    if (asked === undefined) {
      return;
    }
    infrastructureRepo = asked === '' ? monorepo : asked;
  }
  const second = infrastructureRepo !== monorepo ? await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading {0} on GitHub…', infrastructureRepo) }, () => discoverOnGitHub(client, [infrastructureRepo])) : undefined;
  const github = second === undefined ? discovered.first : { releaseTags: discovered.first.releaseTags, workflows: [...discovered.first.workflows, ...second.workflows], unreadable: [...discovered.first.unreadable, ...second.unreadable] };
  const found = discoverProfile(inputOf(monorepo, infrastructureRepo, github, await topFolders(folder.uri), await envFiles(folder)));
  if (remote !== undefined) {
    Object.assign(found, { notes: [...found.notes, { path: '$.monorepo', text: 'Read from the checkout\'s git remote.' }] });
  }
  const answered = await askEndpoints(found);
  if (answered === undefined) {
    return;
  }
  const text = jsonWithComments(answered.document, answered.notes);
  const validation = parseProfileText(text);
  if (!validation.ok) {
    // A profile Release Deck wrote itself that does not validate is its own bug: said, never written half-right.
    services.log.error(`Create Profile made a profile that does not validate: ${validation.problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Release Deck could not make a valid profile from what it found, so it wrote nothing. The reasons are in its log (Release Deck: Show Log).'));
    return;
  }
  // The file may have appeared or changed during the questions (another editor, a git checkout): ask again.
  if (profileChangedMeanwhile(before, await stampOf(uri)) && !(await confirmReplace(services, uri))) {
    return;
  }
  try {
    await writeAtomically(uri, text);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Release Deck could not write {0}: {1}. Nothing was changed.', vscode.workspace.asRelativePath(uri), errorWords(error)));
    return;
  }
  const environments = validation.profile.apps.reduce((sum, app) => sum + app.environments.length, 0);
  services.log.info(`Create Profile wrote ${uri.fsPath}: ${plural(validation.profile.apps.length, 'app')}, ${plural(environments, 'environment')}.`);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await services.profiles.reload();
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Wrote {0}: {1}, {2}. Its comments mark what was guessed; Check Profile now tests it against GitHub (Problems panel).',
      vscode.workspace.asRelativePath(uri),
      validation.profile.apps.length === 1 ? vscode.l10n.t('1 app') : vscode.l10n.t('{0} apps', validation.profile.apps.length),
      environments === 1 ? vscode.l10n.t('1 environment') : vscode.l10n.t('{0} environments', environments),
    ),
  );
  void services.checker.check();
}

function inputOf(monorepo: string, infrastructureRepo: string, github: Pick<DiscoveryInput, 'releaseTags' | 'workflows' | 'unreadable'>, folders: string[], files: string[]): DiscoveryInput {
  return { monorepo, infrastructureRepo, folders, envFiles: files, ...github };
}

function hasDeployments(found: DiscoveredProfile): boolean {
  return found.document.apps.some((app) => app.environments.some((environment) => environment.deploy.kind === 'workflow'));
}

async function askRepository(prompt: string, placeholder: string, allowEmpty = false): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title: vscode.l10n.t('Release Deck: Create Profile'),
    prompt,
    placeHolder: placeholder !== '' ? placeholder : 'owner/name',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' && allowEmpty) || REPOSITORY.test(value.trim()) ? undefined : vscode.l10n.t('Write the repository as owner/name, e.g. octo-org/shop.'),
  });
  return answer?.trim();
}

/** One question per environment; Enter on an empty box leaves the environment without one. Undefined: Escape. */
async function askEndpoints(found: DiscoveredProfile): Promise<DiscoveredProfile | undefined> {
  const document = structuredClone(found.document);
  const notes = [...found.notes];
  for (const [index, question] of found.questions.entries()) {
    const answer = await vscode.window.showInputBox({
      title: vscode.l10n.t('Release Deck: Create Profile ({0}/{1})', index + 1, found.questions.length),
      prompt: vscode.l10n.t('The URL where {0} in {1} says which commit it runs ({2}). Leave empty if there is none: the deck then shows deployments only.', question.appLabel, question.environmentLabel, '{"release": "<sha>"}'),
      placeHolder: 'https://…/version',
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' ? undefined : urlProblem(value.trim(), vscode.l10n)),
    });
    if (answer === undefined) {
      return undefined;
    }
    const environment = document.apps[question.appIndex]?.environments[question.environmentIndex];
    if (environment !== undefined && answer.trim() !== '') {
      environment.versionUrl = answer.trim();
    } else {
      notes.push({ path: `$.apps[${question.appIndex}].environments[${question.environmentIndex}].id`, text: 'No /version URL given: add "versionUrl" to see what runs here.' });
    }
  }
  return { ...found, document, notes };
}

async function stampOf(uri: vscode.Uri): Promise<FileStamp> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return { mtime: stat.mtime, size: stat.size };
  } catch {
    return undefined;
  }
}

function confirmReplace(services: Services, uri: vscode.Uri): Promise<boolean> {
  return services.confirmer.ask({
    message: vscode.l10n.t('{0} already exists. Replace it with a new profile made from GitHub?', vscode.workspace.asRelativePath(uri)),
    detail: vscode.l10n.t('What the file says now will be lost. Cancel keeps it as it is.'),
    confirmLabel: vscode.l10n.t('Replace It'),
  });
}

/** The whole text in a temporary file beside the profile, then renamed over it: never a half-written profile. */
async function writeAtomically(uri: vscode.Uri, text: string): Promise<void> {
  const directory = vscode.Uri.joinPath(uri, '..');
  await vscode.workspace.fs.createDirectory(directory);
  const temporary = vscode.Uri.joinPath(directory, `.release-deck-${Date.now().toString(36)}.tmp`);
  try {
    await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(text));
    await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}

async function topFolders(root: vscode.Uri): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(root)).filter(([, type]) => type === vscode.FileType.Directory).map(([name]) => name).sort();
  } catch {
    return [];
  }
}

async function envFiles(folder: vscode.WorkspaceFolder): Promise<string[]> {
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, ENV_FILES), undefined, MAX_ENV_FILES);
  return found.map((uri) => vscode.workspace.asRelativePath(uri, false)).sort();
}
