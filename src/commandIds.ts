import type { CommandReference } from './commands/arguments';

/** Every command id, declared once. package.json declares the same set (a test holds both to it). */
export const COMMANDS = {
  refresh: 'releaseDeck.refresh',
  signIn: 'releaseDeck.signIn',
  signInWithToken: 'releaseDeck.signInWithToken',
  signOut: 'releaseDeck.signOut',
  allowProfileHost: 'releaseDeck.allowProfileHost',
  forgetAllowedHosts: 'releaseDeck.forgetAllowedHosts',
  openProfile: 'releaseDeck.openProfile',
  createProfile: 'releaseDeck.createProfile',
  checkProfile: 'releaseDeck.checkProfile',
  showLog: 'releaseDeck.showLog',
  copyImageTag: 'releaseDeck.copyImageTag',
  copyCommitSha: 'releaseDeck.copyCommitSha',
  openRun: 'releaseDeck.openRun',
  openRelease: 'releaseDeck.openRelease',
  openVersionEndpoint: 'releaseDeck.openVersionEndpoint',
  openConsoleLink: 'releaseDeck.openConsoleLink',
  showAppActions: 'releaseDeck.showAppActions',
  publishRelease: 'releaseDeck.publishRelease',
  openReleaseNotes: 'releaseDeck.openReleaseNotes',
  deploy: 'releaseDeck.deploy',
  redeploy: 'releaseDeck.redeploy',
  rollBack: 'releaseDeck.rollBack',
  showManualProcedure: 'releaseDeck.showManualProcedure',
  openNeedsYouItem: 'releaseDeck.openNeedsYouItem',
  showFailure: 'releaseDeck.showFailure',
  cancelRun: 'releaseDeck.cancelRun',
  rerunFailedJobs: 'releaseDeck.rerunFailedJobs',
  useOpenverseExample: 'releaseDeck.useOpenverseExample',
  openDocumentation: 'releaseDeck.openDocumentation',
  reviewDeployment: 'releaseDeck.reviewDeployment',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/**
 * What each command may be given when run from code (src/executeCommand.ts checks calls against it).
 * The commands still read whatever they get through src/commands/arguments.ts: menus pass deck nodes,
 * other extensions anything.
 */
interface ArgumentsOf {
  [COMMANDS.refresh]: [];
  [COMMANDS.signIn]: [];
  /** The extension's own tests may pass a token (ExtensionMode.Test only); nothing else may. */
  [COMMANDS.signInWithToken]: [];
  [COMMANDS.signOut]: [];
  [COMMANDS.allowProfileHost]: [];
  [COMMANDS.forgetAllowedHosts]: [origins?: readonly string[]];
  [COMMANDS.openProfile]: [];
  /** `repo`: the monorepo (owner/name) to describe; asked (or read from the git remote) when absent. */
  [COMMANDS.createProfile]: [repo?: string];
  [COMMANDS.checkProfile]: [];
  [COMMANDS.showLog]: [];
  [COMMANDS.copyImageTag]: [item: CommandReference];
  [COMMANDS.copyCommitSha]: [item: CommandReference];
  [COMMANDS.openRun]: [item: CommandReference];
  [COMMANDS.openRelease]: [item: CommandReference];
  [COMMANDS.openVersionEndpoint]: [item: CommandReference];
  [COMMANDS.openConsoleLink]: [item: CommandReference];
  [COMMANDS.showAppActions]: [app?: string | CommandReference];
  /** `section`: the workspace folder's URI in a multi-root workspace (src/commands/sectionCommand.ts). */
  [COMMANDS.publishRelease]: [target?: CommandReference & { readonly section?: string }];
  [COMMANDS.openReleaseNotes]: [app?: string | (CommandReference & { readonly section?: string })];
  [COMMANDS.deploy]: [target?: CommandReference];
  [COMMANDS.redeploy]: [target?: CommandReference];
  [COMMANDS.rollBack]: [target?: CommandReference];
  [COMMANDS.showManualProcedure]: [target?: CommandReference];
  [COMMANDS.openNeedsYouItem]: [item: { readonly entry: { readonly id: string } }];
  [COMMANDS.showFailure]: [target: CommandReference];
  [COMMANDS.cancelRun]: [target: CommandReference];
  [COMMANDS.rerunFailedJobs]: [target: CommandReference];
  [COMMANDS.useOpenverseExample]: [];
  [COMMANDS.openDocumentation]: [];
  [COMMANDS.reviewDeployment]: [target?: CommandReference];
}

/** Every command id has its entry (a missing one fails the type check here). */
export type CommandArguments = { readonly [K in CommandId]: ArgumentsOf[K] };

/** Context keys that drive the welcome view and menus. */
export const CONTEXT_KEYS = {
  signedIn: 'releaseDeck.signedIn',
  /** `workspace`, `builtIn`, `broken`, or `none` (no profile: the welcome view). */
  profileState: 'releaseDeck.profileState',
  /** With no profile, why: `noFolder`, `noRemote`, `otherRepository` (or `reading` before the first read). */
  noProfileReason: 'releaseDeck.noProfileReason',
  /** `ready`, `needsApproval` (the profile asks for a host the user has not chosen) or `invalid`. */
  endpointState: 'releaseDeck.endpointState',
  /** True once Check Profile has checked a profile in this window (on demand or after a change): the walkthrough's check step. */
  profileChecked: 'releaseDeck.profileChecked',
} as const;

export const VIEW_ID = 'releaseDeck.deck';
/** The view listing what waits on a person (its badge counts them). */
export const NEEDS_YOU_VIEW_ID = 'releaseDeck.needsYou';
