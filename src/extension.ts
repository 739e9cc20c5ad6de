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
import type { Services } from './services';
import { DeckStore, type DeckState } from './state/deckStore';
import { EndpointService } from './state/endpoint';
import { GitHubClients } from './state/gitHubClients';
import { ProfileChecker } from './state/profileChecker';
import { ProfileSource } from './state/profileSource';
import { notesLoader } from './state/releaseNotes';
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
  const profiles = new ProfileSource(log, context.workspaceState);
  // The API root (and so the credential) is chosen by the user; the profile may only ask.
  const endpoints = new EndpointService(context, profiles, log);
  const credentials = new CredentialStore(context, log, endpoints, () => extraScopes(profiles.profile));
  const gitHub = new GitHubClients(endpoints, credentials, log);
  const store = new DeckStore(profiles, credentials, endpoints, gitHub, log);
  const confirmer = new Confirmer(context.extensionMode);
  const checker = new ProfileChecker(profiles, gitHub, log);
  const services: Services = { context, log, profiles, checker, endpoints, credentials, gitHub, store, confirmer, inFlight: new InFlight() };
  context.subscriptions.push(log, profiles, endpoints, credentials, gitHub, store, checker);

  // Before the profile is first read: ignoring an untrusted workspace's profile is said from the start.
  const conditionSources = [profiles.onCondition, store.onCondition];
  const prompts = new ConditionPrompts(conditionSources, {
    // The editor may refuse (its own "open the external website?" dialog declined): said in the log.
    openLink: (url) => openLink(url, log).catch((error: unknown) => {
      log.warn(`Not opened: ${url}: ${describeError(error)}`);
    }),
    newSession: (detail) => signInWithEditorAccount(services, { newSessionBecause: detail }),
  });
  const tree = new DeckTreeProvider(store);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const statusBar = new StatusBar(profiles, store);
  const releaseNotes = new ReleaseNotesPanels(releaseNotesHost(services));
  context.subscriptions.push(prompts, tree, view, statusBar, releaseNotes);
  const needsYou = new NeedsYouView(store, () => readSettings().needsYouDraftAgeDays);
  const newsInputs = { store, memento: context.workspaceState, level: () => readSettings().notifications, ownAction: ownActionOf(services.inFlight), openLink: (url: string) => openLink(url, log), log };
  const news = { current: new NewsNotifications(newsInputs) };
  context.subscriptions.push(needsYou, { dispose: () => { news.current.dispose(); } });
  const deckStore = store;
  deckStore.setVisible('tree', view.visible);
  context.subscriptions.push(
    view.onDidChangeVisibility((event) => {
      deckStore.setVisible('tree', event.visible);
    }),
    deckStore.onDidChange((state) => {
      reflectDeckState(state, view);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsReleaseDeck(event)) {
        profiles.settingsChanged();
        void deckStore.refresh('the settings changed');
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
    vscode.languages.registerCodeActionsProvider([{ language: 'json' }, { language: 'jsonc' }], new ProfileQuickFixes(checker), { providedCodeActionKinds: ProfileQuickFixes.kinds }),
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

  // Reading the profile file and GitHub happen after activation returns: the editor is never held up.
  reflectDeckState(deckStore.state, view);
  void profiles.reload().then(() => {
    reflectDeckState(deckStore.state, view);
    // From here on, not at activation: the first read of the profile is no change to check.
    checker.follow([profiles.onDidChange]);
    return deckStore.refreshUnlessRunning('activation');
  });
  log.info(`Release Deck activated in ${Date.now() - started} ms.`);
  return {
    state: () => deckStore.state,
    refresh: () => deckStore.refresh('requested through the API'),
    describeDeck: () => describeDeck(tree),
    statusBarText: () => statusBar.text,
    viewMessage: () => (view.message !== undefined && view.message !== '' ? view.message : undefined),
    ...testingApi(context, { confirmer, releaseNotes, conditionSources, prompts, needsYou, news: () => news.current }),
  };
}

/** The release notes panels get only what they need: the deck, the loading of notes, and the publish intent. */
function releaseNotesHost(services: Services): ReleaseNotesHost {
  const { store, profiles, endpoints, gitHub, log } = services;
  return {
    snapshot: () => store.state.snapshot,
    onDidChangeDeck: store.onDidChange,
    apps: () => profiles.profile?.apps ?? [],
    load: notesLoader({ gitHub: () => gitHub.current(), profile: () => profiles.profile, webUrl: () => endpoints.webUrl() }),
    isPublishing: (appId) => services.inFlight.get(publishKey(appId)) !== undefined,
    publish: (appId, releaseId, reviewed) => executeCommand(COMMANDS.publishRelease, { appId, releaseId, reviewed }),
    refresh: (reason) => store.refresh(reason),
    openLink: (url) => openLink(url, log),
    log,
    extensionUri: services.context.extensionUri,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
