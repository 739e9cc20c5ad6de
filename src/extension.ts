import * as vscode from 'vscode';
import { CredentialStore } from './auth/credentials';
import { COMMANDS, VIEW_ID } from './commandIds';
import { registerAllowProfileHost } from './commands/allowProfileHost';
import { registerCheckProfile } from './commands/checkProfile';
import { registerCreateProfile } from './commands/createProfile';
import { registerCopyCommitSha } from './commands/copyCommitSha';
import { registerCopyImageTag } from './commands/copyImageTag';
import { registerDeploy } from './commands/deploy';
import { registerForgetAllowedHosts } from './commands/forgetAllowedHosts';
import { registerOpenConsoleLink } from './commands/openConsoleLink';
import { registerOpenDocumentation } from './commands/openDocumentation';
import { registerOpenProfile } from './commands/openProfile';
import { registerOpenRelease } from './commands/openRelease';
import { registerOpenRun } from './commands/openRun';
import { registerOpenVersionEndpoint } from './commands/openVersionEndpoint';
import { registerOpenReleaseNotes } from './commands/openReleaseNotes';
import { registerPublishRelease } from './commands/publishRelease';
import { registerRedeploy } from './commands/redeploy';
import { registerRefresh } from './commands/refresh';
import { registerRollBack } from './commands/rollBack';
import { registerReviewDeployment } from './commands/reviewDeployment';
import { registerShowAppActions } from './commands/showAppActions';
import { registerShowLog } from './commands/showLog';
import { registerShowManualProcedure } from './commands/showManualProcedure';
import { registerOpenNeedsYouItem } from './commands/openNeedsYouItem';
import { registerShowFailure } from './commands/showFailure';
import { registerCancelRun } from './commands/cancelRun';
import { registerRerunFailedJobs } from './commands/rerunFailedJobs';
import { registerSignIn, signInWithEditorAccount } from './commands/signIn';
import { registerSignInWithToken } from './commands/signInWithToken';
import { registerSignOut } from './commands/signOut';
import { registerUseOpenverseExample } from './commands/useOpenverseExample';
import { affectsReleaseDeck, readSettings } from './config';
import { executeCommand } from './executeCommand';
import { describeError } from './github/errors';
import { Log } from './log';
import { InFlight, publishKey } from './operations/inFlight';
import type { WindowServices } from './services';
import { DeckStore, type DeckState } from './state/deckStore';
import { Sections } from './state/sections';
import { EndpointService } from './state/endpoint';
import { GitHubClients } from './state/gitHubClients';
import { ProfileChecker } from './state/profileChecker';
import { notesLoader } from './state/releaseNotes';
import { userLanguage } from './language';
import { describeDeck, testingApi, type DeckItemView, type TestingApi } from './testingApi';
import { ConditionPrompts } from './ui/conditionPrompts';
import { Confirmer } from './ui/confirm';
import { ProfileQuickFixes } from './ui/profileQuickFixes';
import { reflectDeckState } from './ui/deckView';
import { openLink } from './ui/links';
import { ReleaseNotesPanels, type ReleaseNotesHost } from './ui/releaseNotes/panel';
import { StatusBar } from './ui/statusBar';
import { DeckTreeProvider } from './ui/tree/deckTreeProvider';
import { NeedsYouView } from './ui/needsYou/needsYouView';
import { NewsNotifications, ownActionOf } from './ui/newsNotifications';
import { SectionNews } from './ui/sectionNews';
import { extraScopes } from './domain/profileQueries';

/** What the extension offers other extensions (and its own integration tests): read-only views of it. */
export interface ReleaseDeckApi {
  readonly state: () => DeckState;
  readonly refresh: () => Promise<void>;
  readonly describeDeck: () => DeckItemView[];
  readonly statusBarText: () => string | undefined;
  /** The message the deck shows above its items or welcome view, if any. */
  readonly viewMessage: () => string | undefined;
  /** Present only under the extension's own tests (ExtensionMode.Test). */
  readonly testing?: TestingApi;
}

/** Composition root: builds the services, registers views and commands, nothing else. */
export function activate(context: vscode.ExtensionContext): ReleaseDeckApi {
  const started = Date.now();
  const log = new Log();
  // One section per workspace folder (its profile, check and store); the rest is the window's.
  const sections = new Sections(log, context.workspaceState);
  // The API root (and so the credential) is chosen by the user; the profile may only ask.
  const endpoints = new EndpointService(context, sections, log);
  const credentials = new CredentialStore(context, log, endpoints, () => [...new Set(sections.all.flatMap((section) => extraScopes(section.profiles.profile)))]);
  const gitHub = new GitHubClients(endpoints, credentials, log);
  const confirmer = new Confirmer(context.extensionMode);
  const services: WindowServices = { context, log, sections, endpoints, credentials, gitHub, confirmer, inFlight: new InFlight() };
  context.subscriptions.push(log, sections, endpoints, credentials, gitHub);

  // Before the profiles are first read: ignoring an untrusted workspace's profile is said from the start.
  const conditionSources = [sections.onCondition];
  const prompts = new ConditionPrompts(conditionSources, {
    // The editor may refuse (its own "open the external website?" dialog declined): said in the log.
    openLink: (url) => openLink(url, log).catch((error: unknown) => {
      log.warn(`Not opened: ${url}: ${describeError(error)}`);
    }),
    newSession: (detail) => signInWithEditorAccount(services, { newSessionBecause: detail }),
  });
  const tree = new DeckTreeProvider(sections);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const statusBar = new StatusBar(sections);
  const releaseNotes = new ReleaseNotesPanels(releaseNotesHost(services));
  context.subscriptions.push(prompts, tree, view, statusBar, releaseNotes);
  const needsYou = new NeedsYouView(sections, () => readSettings().needsYouDraftAgeDays);
  const news = new SectionNews(sections, (section, shownLog) => new NewsNotifications({
    store: section.store, memento: context.workspaceState, level: () => readSettings().notifications, ownAction: ownActionOf(services.inFlight, () => section.profiles.profile), openLink: (url: string) => openLink(url, log), log,
    section: section.key, folder: () => (sections.shown.length > 1 ? section.name : undefined), shownLog,
  }));
  context.subscriptions.push(needsYou, news);
  const reflect = (): void => {
    const primary = sections.primary;
    if (primary !== undefined) {
      reflectDeckState(primary.store.state, view, sections.shown.length);
    }
  };
  const treeVisible = (visible: boolean): void => {
    for (const section of sections.all) {
      section.store.setVisible('tree', visible);
    }
  };
  context.subscriptions.push(
    view.onDidChangeVisibility((event) => {
      treeVisible(event.visible);
    }),
    sections.onDidChangeState(reflect),
    sections.onDidChange(() => {
      treeVisible(view.visible);
      reflect();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsReleaseDeck(event)) {
        for (const section of sections.all) {
          section.profiles.settingsChanged();
        }
        void sections.refreshAll('the settings changed');
      }
    }),
  );

  context.subscriptions.push(
    registerRefresh(services),
    registerSignIn(services),
    registerSignInWithToken(services),
    registerSignOut(services),
    registerAllowProfileHost(services),
    registerForgetAllowedHosts(services),
    registerOpenProfile(services),
    registerCreateProfile(services),
    registerCheckProfile(services),
    vscode.languages.registerCodeActionsProvider([{ language: 'json' }, { language: 'jsonc' }], new ProfileQuickFixes({ fixesFor: (uri, path) => sections.all.flatMap((section) => section.checker.fixesFor(uri, path)) }), { providedCodeActionKinds: ProfileQuickFixes.kinds }),
    registerShowLog(services),
    registerCopyImageTag(services),
    registerCopyCommitSha(services),
    registerOpenRun(services),
    registerOpenRelease(services),
    registerOpenVersionEndpoint(services),
    registerOpenConsoleLink(services),
    registerShowAppActions(services),
    registerPublishRelease(services),
    registerOpenReleaseNotes(services, releaseNotes),
    registerDeploy(services),
    registerRedeploy(services),
    registerRollBack(services),
    registerReviewDeployment(services),
    registerShowManualProcedure(services),
    registerOpenNeedsYouItem(services),
    registerShowFailure(services),
    registerCancelRun(services),
    registerRerunFailedJobs(services),
    registerUseOpenverseExample(services),
    registerOpenDocumentation(services),
  );

  // Reading the profile files and GitHub happen after activation returns: the editor is never held up.
  sections.open((profiles) => ({ store: new DeckStore(profiles, credentials, endpoints, gitHub, log), checker: new ProfileChecker(profiles, gitHub, log) }));
  treeVisible(view.visible);
  reflect();
  log.info(`Release Deck activated in ${Date.now() - started} ms.`);
  const primaryState = (): DeckState => sections.primary?.store.state ?? { profile: { kind: 'none', because: 'reading' }, endpoint: endpoints.current, refreshing: false };
  return {
    state: primaryState,
    refresh: () => sections.refreshAll('requested through the API'),
    describeDeck: () => describeDeck(tree),
    statusBarText: () => statusBar.text,
    viewMessage: () => (view.message !== undefined && view.message !== '' ? view.message : undefined),
    ...testingApi(context, { confirmer, releaseNotes, conditionSources, prompts, needsYou, news, log }),
  };
}

/**
 * The release notes panels get only what they need: the deck, the loading of notes, and the publish intent,
 * each of the section (workspace folder) a panel's app belongs to.
 */
function releaseNotesHost(services: WindowServices): ReleaseNotesHost {
  const { sections, endpoints, gitHub, log } = services;
  const profileOf = (section: string) => sections.byKey(section)?.profiles.profile;
  return {
    snapshot: (section) => sections.byKey(section)?.store.state.snapshot,
    onDidChangeDeck: sections.onDidChangeState,
    hasSection: (section) => sections.byKey(section) !== undefined,
    primary: () => sections.primary?.key,
    folderName: (section) => (sections.shown.length > 1 ? sections.byKey(section)?.name : undefined),
    apps: (section) => profileOf(section)?.apps ?? [],
    load: (section, ...rest) => notesLoader({ gitHub: () => gitHub.current(), profile: () => profileOf(section), webUrl: () => endpoints.webUrl(), language: userLanguage() })(...rest),
    isPublishing: (section, appId) => { const monorepo = profileOf(section)?.monorepo; return monorepo !== undefined && services.inFlight.get(publishKey(monorepo, appId)) !== undefined; },
    publish: (section, appId, releaseId, reviewed) => executeCommand(COMMANDS.publishRelease, { appId, releaseId, reviewed, section }),
    refresh: (section, reason) => sections.byKey(section)?.store.refresh(reason) ?? Promise.resolve(),
    openLink: (url) => openLink(url, log),
    log,
    extensionUri: services.context.extensionUri,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
